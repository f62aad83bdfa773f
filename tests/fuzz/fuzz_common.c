/* Shared harness helpers; see fuzz_common.h. */
#include "fuzz_common.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

void fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "\n==fuzz== property violated at %s:%d: %s\n==fuzz== ", file, line, cond);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}

/* ------------------------------------------------------------------ clock */

/* Linked with -Wl,--wrap=time: the core's and the plugins' "now". */
time_t __wrap_time(time_t *t);
time_t __wrap_time(time_t *t)
{
	if (t)
		*t = FZ_NOW;
	return FZ_NOW;
}

/* -------------------------------------------------------------------- log */

#define LOG_KEEP 64

static struct {
	char *event, *msg, *extra;
} lines[LOG_KEEP];
static size_t nlines, nall;
static bool echo;

void __real_tg_log(tg_log_level level, const char *event, const char *rid, const char *msg,
    const char *extra);
void __wrap_tg_log(tg_log_level level, const char *event, const char *rid, const char *msg,
    const char *extra);
void __wrap_tg_log(tg_log_level level, const char *event, const char *rid, const char *msg,
    const char *extra)
{
	nall++;
	if (nlines < LOG_KEEP) {
		lines[nlines].event = strdup(event ? event : "");
		lines[nlines].msg = msg ? strdup(msg) : NULL;
		lines[nlines].extra = extra ? strdup(extra) : NULL;
		nlines++;
	}
	if (echo)
		__real_tg_log(level, event, rid, msg, extra);
}

void fz_log_echo(bool on) { echo = on; }

void fz_log_reset(void)
{
	for (size_t i = 0; i < nlines; i++) {
		free(lines[i].event);
		free(lines[i].msg);
		free(lines[i].extra);
	}
	nlines = nall = 0;
}

size_t fz_log_count(const char *event)
{
	size_t n = 0;
	for (size_t i = 0; i < nlines; i++)
		n += strcmp(lines[i].event, event) == 0;
	return n;
}

size_t fz_log_n(void) { return nlines; }
const char *fz_log_event(size_t i) { return lines[i].event; }
const char *fz_log_msg(size_t i) { return lines[i].msg; }
const char *fz_log_extra(size_t i) { return lines[i].extra; }

/* ------------------------------------------------------------------ BSN */

bool fz_elfproef(const char *s, size_t n)
{
	long sum = 0;
	bool zero = true;
	if (n != 9)
		return false;
	for (size_t i = 0; i < 9; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (s[i] != '0')
			zero = false;
		sum += (i < 8 ? (long)(9 - i) : -1L) * (s[i] - '0');
	}
	return !zero && sum % 11 == 0;
}

const char *fz_find_bsn(const char *s)
{
	for (const char *p = s; p && *p; p++) {
		size_t n = 0;
		if (*p < '0' || *p > '9' || (p > s && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		while (p[n] >= '0' && p[n] <= '9')
			n++;
		if (fz_elfproef(p, n))
			return p;
	}
	return NULL;
}

/* ------------------------------------------------------------------ tokens */

size_t fz_b64url(const unsigned char *in, size_t n, char *out)
{
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	size_t o = 0, i = 0;
	for (; i + 3 <= n; i += 3) {
		unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		out[o++] = alphabet[v >> 18];
		out[o++] = alphabet[(v >> 12) & 63];
		out[o++] = alphabet[(v >> 6) & 63];
		out[o++] = alphabet[v & 63];
	}
	if (n - i == 1) {
		unsigned v = (unsigned)in[i] << 16;
		out[o++] = alphabet[v >> 18];
		out[o++] = alphabet[(v >> 12) & 63];
	} else if (n - i == 2) {
		unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8;
		out[o++] = alphabet[v >> 18];
		out[o++] = alphabet[(v >> 12) & 63];
		out[o++] = alphabet[(v >> 6) & 63];
	}
	out[o] = '\0';
	return o;
}

char *fz_hs256_token(const unsigned char *key, size_t keylen, const char *header, size_t hlen,
    const char *payload, size_t plen)
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0;
	size_t cap = (hlen + plen + 32) / 3 * 4 + 32, o;
	char *t = malloc(cap);
	if (!t)
		return NULL;
	o = fz_b64url((const unsigned char *)header, hlen, t);
	t[o++] = '.';
	o += fz_b64url((const unsigned char *)payload, plen, t + o);
	if (!HMAC(EVP_sha256(), key, (int)keylen, (const unsigned char *)t, o, mac, &maclen)) {
		free(t);
		return NULL;
	}
	t[o++] = '.';
	fz_b64url(mac, maclen, t + o);
	return t;
}

/* ------------------------------------------------------------- scratch files */

static char scratch[256];

static void scratch_remove(void)
{
	DIR *d = opendir(scratch);
	struct dirent *e;
	char path[512];
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", scratch, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(scratch);
}

const char *fz_scratch_dir(void)
{
	if (!scratch[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(scratch, sizeof(scratch), "%s/toegang-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(scratch)) {
			perror("mkdtemp");
			abort();
		}
		atexit(scratch_remove);
	}
	return scratch;
}

const char *fz_scratch_file(const char *name, const void *data, size_t len)
{
	static char path[8][512];
	static size_t next;
	char *p = path[next++ % 8];
	FILE *f;
	snprintf(p, sizeof(path[0]), "%s/%s", fz_scratch_dir(), name);
	f = fopen(p, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(p);
		abort();
	}
	return p;
}

bool fz_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

size_t fz_first_line(const uint8_t *data, size_t size, const uint8_t **rest, size_t *rest_len)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t n = nl ? (size_t)(nl - data) : 0;
	*rest = nl ? nl + 1 : data;
	*rest_len = nl ? size - n - 1 : size;
	return n;
}
