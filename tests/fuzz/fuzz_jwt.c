/*
 * The JWT verifier on the token as it comes in the Authorization header,
 * under each of the three configurations (HS256 secret, RS256 and ES256
 * public keys made at start). The first byte picks the configuration, the
 * rest is the token.
 *
 * Refused: always with a fixed reason, never one taken from the token.
 * Accepted: only under HS256 (nobody holds the RS256/ES256 private keys,
 * which exist only in this process's start-up), only a token of at most
 * 8 KiB, three base64url parts, whose MAC this harness computes to the same
 * value, whose header and claims pass the rules of jwt_oracle.c, and whose
 * principal, when the claims name one, passes them too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include "auth_jwt.h"
#include "fuzz_common.h"
#include "jwt_oracle.h"
#include "principal.h"


static tg_jwt_verifier *verifiers[3];

static const char *public_pem(const char *name, EVP_PKEY *key)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *data;
	long n;
	const char *path;
	if (!b || !key || PEM_write_bio_PUBKEY(b, key) != 1)
		abort();
	n = BIO_get_mem_data(b, &data);
	path = fz_scratch_file(name, data, (size_t)n);
	BIO_free(b);
	EVP_PKEY_free(key);
	return path;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[512];
	tg_jwt_config c = { .issuer = FZ_ISSUER, .audience = FZ_AUDIENCE, .leeway = FZ_LEEWAY };
	(void)argc;
	(void)argv;
	c.alg = TG_JWT_HS256;
	c.key_file = fz_scratch_file("hs256", FZ_SECRET "\n", strlen(FZ_SECRET) + 1);
	verifiers[0] = tg_jwt_verifier_new(&c, err, sizeof(err));
	c.alg = TG_JWT_RS256;
	c.key_file = public_pem("rs256.pem", EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048));
	verifiers[1] = tg_jwt_verifier_new(&c, err, sizeof(err));
	c.alg = TG_JWT_ES256;
	c.key_file = public_pem("es256.pem", EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256"));
	verifiers[2] = tg_jwt_verifier_new(&c, err, sizeof(err));
	if (!verifiers[0] || !verifiers[1] || !verifiers[2]) {
		fprintf(stderr, "fuzz_jwt: %s\n", err);
		exit(1);
	}
	return 0;
}

static json_t *part(const char *b64, size_t len)
{
	size_t n;
	unsigned char *raw = fz_b64url_decode(b64, len, &n);
	json_t *j = raw ? json_loadb((const char *)raw, n, JSON_REJECT_DUPLICATES, NULL) : NULL;
	free(raw);
	return j;
}

static void check_accepted(const char *token, size_t len, const json_t *claims)
{
	const char *d1 = memchr(token, '.', len);
	const char *d2 = d1 ? memchr(d1 + 1, '.', len - (size_t)(d1 + 1 - token)) : NULL;
	unsigned char mac[EVP_MAX_MD_SIZE], *sig;
	unsigned int maclen = 0;
	size_t siglen = 0;
	json_t *h, *c;
	const char *why;

	FZ_ASSERT(len <= 8192 && !memchr(token, '\0', len), "accepted a token of %zu bytes", len);
	FZ_ASSERT(d1 && d2 && !memchr(d2 + 1, '.', len - (size_t)(d2 + 1 - token)),
	    "accepted a token without three parts");
	sig = fz_b64url_decode(d2 + 1, len - (size_t)(d2 + 1 - token), &siglen);
	FZ_ASSERT(sig, "accepted a signature that is no base64url");
	HMAC(EVP_sha256(), FZ_SECRET, (int)strlen(FZ_SECRET), (const unsigned char *)token, (size_t)(d2 - token),
	    mac, &maclen);
	FZ_ASSERT(siglen == maclen && memcmp(sig, mac, maclen) == 0, "accepted a wrong MAC");
	free(sig);
	h = part(token, (size_t)(d1 - token));
	FZ_ASSERT(h && !(why = fz_header_refusal(h, "HS256")), "accepted a header the rules refuse");
	c = part(d1 + 1, (size_t)(d2 - d1 - 1));
	FZ_ASSERT(c && json_equal(c, claims), "the claims are not the payload");
	why = fz_claims_refusal(c, FZ_NOW);
	FZ_ASSERT(!why, "accepted claims the rules refuse: %s", why);
	json_decref(h);
	json_decref(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int which;
	const char *token, *why = NULL;
	size_t len;
	json_t *claims = NULL;
	char *copy;

	if (size < 1)
		return 0;
	which = data[0] % 3;
	len = size - 1;
	/* A copy of exactly len bytes, not terminated: the verifier must not read past it. */
	copy = malloc(len ? len : 1);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, len);
	token = copy;
	if (tg_jwt_verify(verifiers[which], token, len, FZ_NOW, &claims, &why) == 0) {
		tg_principal p;
		FZ_ASSERT(which == 0, "accepted an %s token nobody could sign", which == 1 ? "RS256" : "ES256");
		check_accepted(token, len, claims);
		if (tg_principal_from_claims(claims, &p, &why) == 0)
			FZ_ASSERT(fz_principal_ok(claims), "a principal the identity rules refuse");
		else
			FZ_ASSERT(!fz_principal_ok(claims), "refused a principal the rules accept: %s", why);
		json_decref(claims);
	} else {
		FZ_ASSERT(why && *why && (why < token || why >= token + len), "a refusal without a fixed reason");
		FZ_ASSERT(!claims, "claims handed out with a refusal");
	}
	free(copy);
	return 0;
}
