/*
 * The checks behind the signature. The input is a header and a payload
 * (separated by the first newline; without one, the payload under the usual
 * header), which this harness signs with the verifier's HS256 secret, so
 * that every token reaches the header, claim and principal checks.
 *
 * The verifier and the rules of jwt_oracle.c must agree both ways: each
 * token is accepted exactly when the header names HS256 (no crit, typ JWT
 * if any), exp is an integer not passed (30 s leeway, no overflow), nbf and
 * iat are integers and nbf has come, iss and aud are the configured ones,
 * sub is a non-empty string, and nothing is longer than 8 KiB; and a
 * principal comes out exactly when the role is known and its identity claim
 * well-formed (AGB, organisation, BSN with 11-proef, gemeentecode).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth_jwt.h"
#include "fuzz_common.h"
#include "jwt_oracle.h"
#include "principal.h"


static tg_jwt_verifier *verifier;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[512];
	tg_jwt_config c = { .alg = TG_JWT_HS256, .issuer = FZ_ISSUER, .audience = FZ_AUDIENCE,
		.leeway = FZ_LEEWAY };
	(void)argc;
	(void)argv;
	c.key_file = fz_scratch_file("hs256", FZ_SECRET, strlen(FZ_SECRET));
	if (!(verifier = tg_jwt_verifier_new(&c, err, sizeof(err)))) {
		fprintf(stderr, "fuzz_jwt_claims: %s\n", err);
		exit(1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char std_header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
	const uint8_t *payload;
	size_t plen, hlen = fz_first_line(data, size, &payload, &plen);
	const char *header = hlen || payload != data ? (const char *)data : std_header;
	const char *why = NULL, *want = NULL;
	json_t *claims = NULL, *h, *c;
	char *token;
	int rc;

	if (payload == data)
		hlen = sizeof(std_header) - 1;
	token = fz_hs256_token((const unsigned char *)FZ_SECRET, strlen(FZ_SECRET), header, hlen,
	    (const char *)payload, plen);
	FZ_ASSERT(token, "cannot sign");
	rc = tg_jwt_verify(verifier, token, strlen(token), FZ_NOW, &claims, &why);

	h = json_loadb(header, hlen, JSON_REJECT_DUPLICATES, NULL);
	c = json_loadb((const char *)payload, plen, JSON_REJECT_DUPLICATES, NULL);
	if (strlen(token) > 8192)
		want = "too large";
	else if (!h || (want = fz_header_refusal(h, "HS256")) != NULL)
		want = want ? want : "header is no JSON";
	else if (!c)
		want = "payload is no JSON";
	else
		want = fz_claims_refusal(c, FZ_NOW);
	FZ_ASSERT((rc == 0) == (want == NULL), "verifier: %s; rules: %s", rc == 0 ? "accepted" : why,
	    want ? want : "accept");
	if (rc == 0) {
		tg_principal p;
		int prc = tg_principal_from_claims(claims, &p, &why);
		FZ_ASSERT((prc == 0) == fz_principal_ok(claims), "principal: %s; rules: %s",
		    prc == 0 ? "accepted" : why, fz_principal_ok(claims) ? "accept" : "refuse");
		if (prc == 0)
			FZ_ASSERT(strcmp(p.role_name, json_string_value(json_object_get(claims, "role"))) == 0,
			    "role %s from claim %s", p.role_name, json_string_value(json_object_get(claims, "role")));
	}
	json_decref(claims);
	json_decref(h);
	json_decref(c);
	free(token);
	return 0;
}
