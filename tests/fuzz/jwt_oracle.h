/*
 * The token rules of API.md and auth_jwt.h, written a second time for the
 * JWT harnesses: what a verifier must refuse, and why.
 */
#ifndef TOEGANG_FUZZ_JWT_ORACLE_H
#define TOEGANG_FUZZ_JWT_ORACLE_H

#include <stdbool.h>

#include <jansson.h>

#define FZ_ISSUER "toegang-fuzz"
#define FZ_AUDIENCE "toegang"
#define FZ_LEEWAY 30

/* Why a header (decoded object) is refused for the configured alg, or NULL. */
const char *fz_header_refusal(const json_t *h, const char *alg);
/* Why claims are refused at now, or NULL. */
const char *fz_claims_refusal(const json_t *c, long long now);
/* Whether the claims name a role and its well-formed identity claim. */
bool fz_principal_ok(const json_t *c);
/* Strict base64url without padding (unused bits zero) into a new buffer; NULL when malformed. */
unsigned char *fz_b64url_decode(const char *in, size_t len, size_t *out_len);

#endif
