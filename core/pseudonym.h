/*
 * Keyed pseudonyms for persons in the access log.
 *
 * NEN 7513 wants the log to say whose data was touched, yet the log is kept
 * for years and read by auditors who need no BSNs. A BSN is replaced by
 * "p-" and the first 128 bits of HMAC-SHA256(key, BSN), in hex: the same
 * person always gets the same pseudonym, and whoever holds the key can find a
 * given person's entries. A plain hash would not do: 10^9 BSNs are quickly
 * tried.
 */
#ifndef TOEGANG_PSEUDONYM_H
#define TOEGANG_PSEUDONYM_H

#include <stddef.h>

/* "p-" + 32 hex digits + NUL */
#define TG_PSEUDONYM_SIZE 35
/* Shorter keys are refused: the key is the only secret in the scheme. */
#define TG_PSEUDONYM_MIN_KEY 32

/* Reads the key file (trailing newlines dropped). 0, or -1 with err set. */
int tg_pseudonym_load(const char *path, char *err, size_t errlen);
void tg_pseudonym_unload(void);

/* The pseudonym of value under key; 0, or -1 when the HMAC failed. */
int tg_pseudonym_with_key(const unsigned char *key, size_t keylen, const char *value,
    char out[TG_PSEUDONYM_SIZE]);

/* The pseudonym under the loaded key; -1 when no key is loaded. */
int tg_pseudonym(const char *value, char out[TG_PSEUDONYM_SIZE]);

#endif
