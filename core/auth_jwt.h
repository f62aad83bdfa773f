/*
 * JWT bearer-token verification.
 *
 * libjwt 1.10.2 takes the algorithm from the token, checks no claim, skips
 * the signature when the key is NULL, decodes on the stack and re-parses a PEM
 * key on every call (DEVELOPERS.md). So the verifier here trusts nothing of the
 * token until the signature holds: it caps the size before decoding, demands
 * exactly the configured algorithm, verifies with OpenSSL against a key loaded
 * once at start-up, and checks exp (required), nbf, iss and aud itself.
 * libjwt is used to mint tokens (tools/toegang-token) and, in the tests, as an
 * independent implementation to check this one against.
 */
#ifndef TOEGANG_AUTH_JWT_H
#define TOEGANG_AUTH_JWT_H

#include <stddef.h>
#include <time.h>

#include <jansson.h>

#define TG_JWT_MAX_TOKEN 8192 /* bytes; a longer token is refused before decoding */
#define TG_JWT_MAX_LEEWAY 60  /* seconds */

typedef enum tg_jwt_alg { TG_JWT_HS256, TG_JWT_RS256, TG_JWT_ES256 } tg_jwt_alg;

typedef struct tg_jwt_config {
	tg_jwt_alg alg;
	const char *key_file; /* HS256: file holding the secret; RS256/ES256: PEM public key */
	const char *issuer;   /* required value of iss */
	const char *audience; /* must equal aud, or be one of the strings of an aud array */
	int leeway;           /* seconds of clock skew allowed on exp/nbf, 0..TG_JWT_MAX_LEEWAY */
} tg_jwt_config;

typedef struct tg_jwt_verifier tg_jwt_verifier;

/* Parses "HS256"/"RS256"/"ES256" (exact). Returns 0, or -1 for anything else. */
int tg_jwt_alg_parse(const char *name, tg_jwt_alg *out);

/*
 * Loads the key. Returns NULL, with a message in err (no key material in it),
 * when the key file is missing, unreadable, empty, or not a key of the
 * configured algorithm (RSA for RS256, EC P-256 for ES256), or when the
 * configuration is otherwise unusable (no issuer/audience, leeway out of range).
 * A trailing newline of an HS256 secret file is not part of the secret.
 */
tg_jwt_verifier *tg_jwt_verifier_new(const tg_jwt_config *cfg, char *err, size_t errlen);
void tg_jwt_verifier_free(tg_jwt_verifier *v);

/*
 * Verifies a compact JWS (header.payload.signature, base64url, no padding).
 * On success returns 0 and the payload object in *claims (a new reference).
 * On failure returns -1 and *why points at a static, non-personal reason
 * ("token too large", "algorithm not accepted", "bad signature", "expired", ...).
 * Header fields kid, jku, x5u, jwk, x5c are ignored: the key is the configured one.
 * Claim checks: exp required and a JSON integer; nbf and iat integers when
 * present; iss a string equal to the configured issuer; aud a string or an
 * array of strings containing the configured audience; sub a non-empty string.
 */
int tg_jwt_verify(const tg_jwt_verifier *v, const char *token, size_t len, time_t now,
    json_t **claims, const char **why);

#endif
