/* Keyed pseudonyms; see pseudonym.h for why. */
#include "pseudonym.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#define MAX_KEY 4096

static unsigned char *key;
static size_t keylen;

int tg_pseudonym_load(const char *path, char *err, size_t errlen)
{
	unsigned char buf[MAX_KEY + 1];
	size_t n;
	FILE *f;

	if (!path || !*path) {
		snprintf(err, errlen, "pseudonym_key_file is not set");
		return -1;
	}
	f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	if (n > MAX_KEY || n < TG_PSEUDONYM_MIN_KEY) {
		OPENSSL_cleanse(buf, sizeof(buf));
		snprintf(err, errlen, "%s must hold between %d and %d bytes", path,
		    TG_PSEUDONYM_MIN_KEY, MAX_KEY);
		return -1;
	}
	tg_pseudonym_unload();
	key = malloc(n);
	if (!key) {
		OPENSSL_cleanse(buf, sizeof(buf));
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memcpy(key, buf, n);
	keylen = n;
	OPENSSL_cleanse(buf, sizeof(buf));
	return 0;
}

void tg_pseudonym_unload(void)
{
	if (key) {
		OPENSSL_cleanse(key, keylen);
		free(key);
	}
	key = NULL;
	keylen = 0;
}

int tg_pseudonym_with_key(const unsigned char *k, size_t klen, const char *value,
    char out[TG_PSEUDONYM_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	out[0] = '\0';
	if (!k || !value || klen > (size_t)MAX_KEY)
		return -1;
	if (!HMAC(EVP_sha256(), k, (int)klen, (const unsigned char *)value, strlen(value), md,
	    &mdlen) || mdlen < 16)
		return -1;
	out[0] = 'p';
	out[1] = '-';
	for (int i = 0; i < 16; i++) {
		out[2 + 2 * i] = hex[md[i] >> 4];
		out[3 + 2 * i] = hex[md[i] & 0xf];
	}
	out[34] = '\0';
	return 0;
}

int tg_pseudonym(const char *value, char out[TG_PSEUDONYM_SIZE])
{
	if (!key) {
		out[0] = '\0';
		return -1;
	}
	return tg_pseudonym_with_key(key, keylen, value, out);
}
