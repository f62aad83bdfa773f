/*
 * What the harnesses share: a fixed clock (so that a crash found today
 * reproduces next year), a watch on the core's log lines, an HS256 minter
 * written here (not the verifier's code), an 11-proef of its own, scratch
 * files, and the assertion that stops the fuzzer with a readable reason.
 */
#ifndef TOEGANG_FUZZ_COMMON_H
#define TOEGANG_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <toegang/plugin.h>

/* Monday 16 March 2026, 12:00 in Amsterdam: what time() returns in a harness. */
#define FZ_NOW ((time_t)1773658800)

/* The HS256 secret of the harnesses' verifiers (the jwt seeds are signed with it). */
#define FZ_SECRET "fuzz-secret-that-is-long-enough-for-hs256-0123456789"

/* A property that does not hold: print why and abort (libFuzzer saves the input). */
#define FZ_ASSERT(cond, ...) \
	do { \
		if (!(cond)) \
			fz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__); \
	} while (0)
void fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 4, 5)));

/* The log lines of the current input: their count by event, and the messages. */
void fz_log_reset(void);
size_t fz_log_count(const char *event);
size_t fz_log_n(void);
const char *fz_log_event(size_t i);
const char *fz_log_msg(size_t i);   /* NULL when the line had none */
const char *fz_log_extra(size_t i); /* NULL when the line had none */
/* Also write the lines to stderr (default: only kept for the checks). */
void fz_log_echo(bool on);

/* The 11-proef, written again here so that core/validate.c is checked, not copied. */
bool fz_elfproef(const char *s, size_t n);
/* A run of exactly nine digits in s that passes the 11-proef (a BSN), or NULL. */
const char *fz_find_bsn(const char *s);

/* base64url without padding; out holds 4 * ceil(n / 3) + 1 bytes. Returns the length. */
size_t fz_b64url(const unsigned char *in, size_t n, char *out);
/* "b64(header).b64(payload).b64(HMAC-SHA256)", malloc()ed. */
char *fz_hs256_token(const unsigned char *key, size_t keylen, const char *header, size_t hlen,
    const char *payload, size_t plen);

/* A private scratch directory under $TMPDIR (or /tmp), removed at exit (a crash
 * leaves it: run.sh points TMPDIR into the build tree), and a file in it. */
const char *fz_scratch_dir(void);
const char *fz_scratch_file(const char *name, const void *data, size_t len);

/* Whether s ends with suffix (a statement's name after its plugin's prefix). */
bool fz_ends_with(const char *s, const char *suffix);

/* Splits data at the first '\n': *rest and *rest_len after it (or all of it when absent). */
size_t fz_first_line(const uint8_t *data, size_t size, const uint8_t **rest, size_t *rest_len);

#endif
