/* The token rules again; see jwt_oracle.h. */
#include "jwt_oracle.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

/* A JSON string equal to want, byte for byte (an embedded NUL makes it differ). */
static bool is(const json_t *v, const char *want)
{
	return json_is_string(v) && json_string_length(v) == strlen(want) &&
	    memcmp(json_string_value(v), want, strlen(want)) == 0;
}

const char *fz_header_refusal(const json_t *h, const char *alg)
{
	const json_t *typ = json_object_get(h, "typ");
	if (!json_is_object(h))
		return "header is no object";
	if (!is(json_object_get(h, "alg"), alg))
		return "alg is not the configured one";
	if (json_object_get(h, "crit"))
		return "crit";
	if (typ) {
		const char *s = json_string_value(typ);
		if (!json_is_string(typ) || json_string_length(typ) != 3 ||
		    (s[0] | 0x20) != 'j' || (s[1] | 0x20) != 'w' || (s[2] | 0x20) != 't')
			return "typ is not JWT";
	}
	return NULL;
}

const char *fz_claims_refusal(const json_t *c, long long now)
{
	const json_t *exp = json_object_get(c, "exp"), *nbf = json_object_get(c, "nbf");
	const json_t *iat = json_object_get(c, "iat"), *aud = json_object_get(c, "aud");
	const json_t *sub = json_object_get(c, "sub");
	if (!json_is_object(c))
		return "claims are no object";
	if (!json_is_integer(exp))
		return "exp missing or no integer";
	/* RFC 7519 4.1.4, with leeway: valid while now < exp + leeway. */
	if ((__int128)now >= (__int128)json_integer_value(exp) + FZ_LEEWAY)
		return "expired";
	if (nbf && !json_is_integer(nbf))
		return "nbf no integer";
	if (nbf && (__int128)now < (__int128)json_integer_value(nbf) - FZ_LEEWAY)
		return "not yet valid";
	if (iat && !json_is_integer(iat))
		return "iat no integer";
	if (!is(json_object_get(c, "iss"), FZ_ISSUER))
		return "iss";
	if (json_is_array(aud)) {
		bool found = false;
		for (size_t i = 0; i < json_array_size(aud); i++) {
			if (!json_is_string(json_array_get(aud, i)))
				return "aud holds a non-string";
			found |= is(json_array_get(aud, i), FZ_AUDIENCE);
		}
		if (!found)
			return "aud";
	} else if (!is(aud, FZ_AUDIENCE)) {
		return "aud";
	}
	if (!json_is_string(sub) || json_string_length(sub) == 0)
		return "sub";
	return NULL;
}

static bool plain(const json_t *v)
{
	return json_is_string(v) && strlen(json_string_value(v)) == json_string_length(v);
}

static bool only(const char *s, const char *set, size_t min, size_t max)
{
	size_t n = strlen(s);
	return n >= min && n <= max && strspn(s, set) == n;
}

bool fz_principal_ok(const json_t *c)
{
	/* API.md "Identity claims by role". */
	static const struct { const char *role, *claim; } table[] = {
		{ "huisarts", "agb" }, { "jeugdarts", "agb" }, { "medisch_specialist", "agb" },
		{ "aanbieder", "agb" }, { "gi", "org" }, { "rechter", "org" }, { "om", "org" },
		{ "jji", "org" }, { "ouder", "bsn" }, { "jeugdige", "bsn" }, { "cjg", "gemeente" },
		{ "plein", "gemeente" }, { "gst", "gemeente" }, { "beheerder", "gemeente" },
	};
	const json_t *role = json_object_get(c, "role"), *sub = json_object_get(c, "sub");
	if (!plain(role) || !plain(sub) || json_string_length(sub) == 0)
		return false;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		const json_t *id;
		const char *v;
		if (strcmp(json_string_value(role), table[i].role) != 0)
			continue;
		id = json_object_get(c, table[i].claim);
		if (!plain(id))
			return false;
		v = json_string_value(id);
		if (strcmp(table[i].claim, "agb") == 0)
			return only(v, "0123456789", 8, 8);
		if (strcmp(table[i].claim, "gemeente") == 0)
			return only(v, "0123456789", 4, 4);
		if (strcmp(table[i].claim, "bsn") == 0)
			return fz_elfproef(v, strlen(v));
		return only(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-", 1, 64);
	}
	return false;
}

unsigned char *fz_b64url_decode(const char *in, size_t len, size_t *out_len)
{
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned char *out = malloc(len + 1);
	unsigned long acc = 0;
	int bits = 0;
	size_t o = 0;
	if (!out || len % 4 == 1)
		goto bad;
	for (size_t i = 0; i < len; i++) {
		const char *p = in[i] ? strchr(alphabet, in[i]) : NULL;
		if (!p)
			goto bad;
		acc = acc << 6 | (unsigned long)(p - alphabet);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
		acc &= (1ul << bits) - 1;
	}
	if (acc != 0)
		goto bad;
	*out_len = o;
	return out;
bad:
	free(out);
	return NULL;
}
