/*
 * JWT verification with OpenSSL; see auth_jwt.h.
 *
 * Nothing the token says is trusted before its signature holds: the header is
 * read only to see that it names the one configured algorithm, and the payload
 * is not even decoded until the signature over "header.payload" is verified.
 */
#include "auth_jwt.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

/* A secret is a line of text; anything this long is a misconfigured path, not a secret. */
#define SECRET_FILE_MAX 4096
/* Comfortably above an RSA-8192 public key in PEM. */
#define PEM_FILE_MAX 16384
#define RSA_MIN_BITS 2048
#define HS256_SIG_LEN 32
#define ES256_SIG_LEN 64
#define ES256_COORD_LEN 32

struct tg_jwt_verifier {
	tg_jwt_alg alg;
	unsigned char *secret; /* HS256 */
	size_t secret_len;
	EVP_PKEY *pkey; /* RS256, ES256 */
	char *issuer;
	char *audience;
	int leeway;
};

/* The exact "alg" header value each configuration accepts, and nothing else. */
static const char *const alg_names[] = {
	[TG_JWT_HS256] = "HS256",
	[TG_JWT_RS256] = "RS256",
	[TG_JWT_ES256] = "ES256",
};

/* The three base64url parts of a compact JWS, pointing into the caller's token. */
typedef struct token_parts {
	const char *header;
	size_t header_len;
	const char *payload;
	size_t payload_len;
	const char *sig;
	size_t sig_len;
	size_t signed_len; /* "header.payload", the bytes the signature covers */
} token_parts;

int tg_jwt_alg_parse(const char *name, tg_jwt_alg *out)
{
	if (!name || !out)
		return -1;
	for (size_t i = 0; i < sizeof(alg_names) / sizeof(alg_names[0]); i++) {
		if (strcmp(name, alg_names[i]) == 0) {
			*out = (tg_jwt_alg)i;
			return 0;
		}
	}
	return -1;
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	if (!err || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static char *dup_string(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/*
 * Reads all of a small file. The buffer is wiped before it is freed here,
 * since it may hold a secret; a file over max bytes is refused rather than
 * cut, so that a wrong path cannot silently become a truncated key.
 */
static int read_small_file(const char *path, size_t max, unsigned char **out, size_t *out_len,
    char *err, size_t errlen)
{
	FILE *f = NULL;
	unsigned char *buf = NULL;
	size_t n = 0;
	int rc = -1;

	f = fopen(path, "rb");
	if (!f) {
		set_err(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	buf = malloc(max + 1);
	if (!buf) {
		set_err(err, errlen, "%s: out of memory", path);
		goto out;
	}
	/* One byte more than allowed tells "exactly max" from "too long". */
	n = fread(buf, 1, max + 1, f);
	if (ferror(f)) {
		set_err(err, errlen, "%s: read error: %s", path, strerror(errno));
		goto out;
	}
	if (n > max) {
		set_err(err, errlen, "%s: larger than %zu bytes", path, max);
		goto out;
	}
	if (n == 0) {
		set_err(err, errlen, "%s: empty", path);
		goto out;
	}
	*out = buf;
	*out_len = n;
	buf = NULL;
	rc = 0;
out:
	if (buf) {
		OPENSSL_cleanse(buf, max + 1);
		free(buf);
	}
	if (f)
		fclose(f);
	return rc;
}

static int load_secret(tg_jwt_verifier *v, const char *path, char *err, size_t errlen)
{
	unsigned char *buf = NULL;
	size_t n = 0;

	if (read_small_file(path, SECRET_FILE_MAX, &buf, &n, err, errlen) != 0)
		return -1;
	/* Editors end the file with a newline; only that one line end is not the secret. */
	if (n > 0 && buf[n - 1] == '\n') {
		n--;
		if (n > 0 && buf[n - 1] == '\r')
			n--;
	}
	if (n == 0) {
		OPENSSL_cleanse(buf, SECRET_FILE_MAX + 1);
		free(buf);
		set_err(err, errlen, "%s: the HS256 secret is empty", path);
		return -1;
	}
	v->secret = buf;
	v->secret_len = n;
	return 0;
}

/* Public keys are not secret, but a key file never needs a passphrase prompt on a daemon's tty. */
static int no_passphrase(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return -1;
}

/* Refuses a key the algorithm cannot use or should not trust, with the reason for the admin. */
static int check_key_type(const EVP_PKEY *pkey, tg_jwt_alg alg, const char *path, char *err,
    size_t errlen)
{
	char group[64];
	size_t group_len = 0;
	int nid;

	if (alg == TG_JWT_RS256) {
		if (!EVP_PKEY_is_a(pkey, "RSA")) {
			set_err(err, errlen, "%s: not an RSA public key, as RS256 needs", path);
			return -1;
		}
		if (EVP_PKEY_get_bits(pkey) < RSA_MIN_BITS) {
			set_err(err, errlen, "%s: RSA key of %d bits; RS256 needs at least %d", path,
			    EVP_PKEY_get_bits(pkey), RSA_MIN_BITS);
			return -1;
		}
		return 0;
	}
	if (!EVP_PKEY_is_a(pkey, "EC")) {
		set_err(err, errlen, "%s: not an EC public key, as ES256 needs", path);
		return -1;
	}
	/* A key with explicit curve parameters has no group name: refused along with other curves. */
	if (EVP_PKEY_get_group_name(pkey, group, sizeof(group), &group_len) != 1) {
		set_err(err, errlen, "%s: EC key without a named curve; ES256 needs P-256", path);
		return -1;
	}
	nid = OBJ_txt2nid(group);
	if (nid == NID_undef)
		nid = EC_curve_nist2nid(group);
	if (nid != NID_X9_62_prime256v1) {
		set_err(err, errlen, "%s: EC key on curve %s; ES256 needs P-256 (prime256v1)", path,
		    group);
		return -1;
	}
	return 0;
}

static int load_public_key(tg_jwt_verifier *v, const char *path, char *err, size_t errlen)
{
	unsigned char *buf = NULL;
	size_t n = 0;
	BIO *bio = NULL;
	EVP_PKEY *pkey = NULL;
	int rc = -1;

	if (read_small_file(path, PEM_FILE_MAX, &buf, &n, err, errlen) != 0)
		goto out;
	bio = BIO_new_mem_buf(buf, (int)n);
	if (!bio) {
		set_err(err, errlen, "%s: out of memory", path);
		goto out;
	}
	pkey = PEM_read_bio_PUBKEY(bio, NULL, no_passphrase, NULL);
	if (!pkey) {
		set_err(err, errlen, "%s: no PEM public key (BEGIN PUBLIC KEY) in it", path);
		goto out;
	}
	if (check_key_type(pkey, v->alg, path, err, errlen) != 0)
		goto out;
	v->pkey = pkey;
	pkey = NULL;
	rc = 0;
out:
	EVP_PKEY_free(pkey);
	BIO_free(bio);
	free(buf);
	ERR_clear_error();
	return rc;
}

tg_jwt_verifier *tg_jwt_verifier_new(const tg_jwt_config *cfg, char *err, size_t errlen)
{
	tg_jwt_verifier *v = NULL;
	int loaded;

	set_err(err, errlen, "%s", "");
	if (!cfg) {
		set_err(err, errlen, "no JWT configuration");
		return NULL;
	}
	if ((unsigned)cfg->alg >= sizeof(alg_names) / sizeof(alg_names[0])) {
		set_err(err, errlen, "unknown JWT algorithm %d", (int)cfg->alg);
		return NULL;
	}
	if (!cfg->key_file || !*cfg->key_file) {
		set_err(err, errlen, "no JWT key file configured");
		return NULL;
	}
	if (!cfg->issuer || !*cfg->issuer) {
		set_err(err, errlen, "no JWT issuer configured");
		return NULL;
	}
	if (!cfg->audience || !*cfg->audience) {
		set_err(err, errlen, "no JWT audience configured");
		return NULL;
	}
	if (cfg->leeway < 0 || cfg->leeway > TG_JWT_MAX_LEEWAY) {
		set_err(err, errlen, "JWT leeway %d is outside 0..%d seconds", cfg->leeway,
		    TG_JWT_MAX_LEEWAY);
		return NULL;
	}
	v = calloc(1, sizeof(*v));
	if (!v) {
		set_err(err, errlen, "out of memory");
		return NULL;
	}
	v->alg = cfg->alg;
	v->leeway = cfg->leeway;
	v->issuer = dup_string(cfg->issuer);
	v->audience = dup_string(cfg->audience);
	if (!v->issuer || !v->audience) {
		set_err(err, errlen, "out of memory");
		goto fail;
	}
	if (cfg->alg == TG_JWT_HS256)
		loaded = load_secret(v, cfg->key_file, err, errlen);
	else
		loaded = load_public_key(v, cfg->key_file, err, errlen);
	if (loaded != 0)
		goto fail;
	return v;
fail:
	tg_jwt_verifier_free(v);
	return NULL;
}

void tg_jwt_verifier_free(tg_jwt_verifier *v)
{
	if (!v)
		return;
	if (v->secret) {
		/* The allocation is the whole read buffer, not just the secret's length. */
		OPENSSL_cleanse(v->secret, SECRET_FILE_MAX + 1);
		free(v->secret);
	}
	EVP_PKEY_free(v->pkey);
	free(v->issuer);
	free(v->audience);
	free(v);
}

/* ------------------------------------------------------------------ decoding */

static int b64url_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/* No padding in JWS, so a group of one character is the only impossible length. */
static bool b64url_length_ok(size_t len) { return len % 4 != 1; }

/*
 * Strict base64url without padding (RFC 7515 section 2). The unused low bits
 * of the last character must be zero: then each byte string has exactly one
 * encoding, and a token cannot be varied without changing what it decodes to.
 * The output is allocated to the exact decoded length, never less than one byte.
 */
static int b64url_decode(const char *in, size_t len, unsigned char **out, size_t *out_len)
{
	unsigned char *buf;
	size_t cap, n = 0;
	unsigned int acc = 0, bits = 0;

	if (!b64url_length_ok(len))
		return -1;
	cap = len / 4 * 3 + (len % 4 ? len % 4 - 1 : 0);
	buf = malloc(cap ? cap : 1);
	if (!buf)
		return -1;
	for (size_t i = 0; i < len; i++) {
		int val = b64url_value((unsigned char)in[i]);
		if (val < 0)
			goto fail;
		acc = (acc << 6) | (unsigned int)val;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf[n++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	if (acc != 0)
		goto fail;
	*out = buf;
	*out_len = n;
	return 0;
fail:
	free(buf);
	return -1;
}

/* Exactly three non-empty parts of base64url characters separated by two dots. */
static int split_token(const char *token, size_t len, token_parts *p)
{
	const char *dot[2];
	size_t ndots = 0;

	for (size_t i = 0; i < len; i++) {
		if (token[i] == '.') {
			if (ndots == 2)
				return -1;
			dot[ndots++] = token + i;
		} else if (b64url_value((unsigned char)token[i]) < 0) {
			return -1;
		}
	}
	if (ndots != 2)
		return -1;
	p->header = token;
	p->header_len = (size_t)(dot[0] - token);
	p->payload = dot[0] + 1;
	p->payload_len = (size_t)(dot[1] - p->payload);
	p->sig = dot[1] + 1;
	p->sig_len = (size_t)(token + len - p->sig);
	p->signed_len = (size_t)(dot[1] - token);
	if (p->header_len == 0 || p->payload_len == 0 || p->sig_len == 0)
		return -1;
	if (!b64url_length_ok(p->header_len) || !b64url_length_ok(p->payload_len) ||
	    !b64url_length_ok(p->sig_len))
		return -1;
	return 0;
}

/* A JSON object from base64url, duplicate keys refused so no two readers can see different claims. */
static int decode_object(const char *b64, size_t b64_len, json_t **out, bool *bad_encoding)
{
	unsigned char *raw = NULL;
	size_t raw_len = 0;
	json_t *obj;

	*bad_encoding = false;
	if (b64url_decode(b64, b64_len, &raw, &raw_len) != 0) {
		*bad_encoding = true;
		return -1;
	}
	obj = json_loadb((const char *)raw, raw_len, JSON_REJECT_DUPLICATES, NULL);
	free(raw);
	if (!json_is_object(obj)) {
		json_decref(obj);
		return -1;
	}
	*out = obj;
	return 0;
}

static bool json_string_equals(const json_t *s, const char *want)
{
	size_t n = strlen(want);
	return json_is_string(s) && json_string_length(s) == n &&
	    memcmp(json_string_value(s), want, n) == 0;
}

/* ------------------------------------------------------------------- header */

static bool typ_is_jwt(const json_t *typ)
{
	const char *s;
	if (!json_is_string(typ) || json_string_length(typ) != 3)
		return false;
	s = json_string_value(typ);
	/* ASCII only: a locale must not make "JWT" match something else. */
	return (s[0] == 'J' || s[0] == 'j') && (s[1] == 'W' || s[1] == 'w') &&
	    (s[2] == 'T' || s[2] == 't');
}

/*
 * The header picks nothing: alg must be the configured name exactly, so a
 * token cannot ask for "none" or for HS256 keyed with an RS256 public key.
 * kid, jku, x5u, jwk and x5c are not looked at; the key is the configured one.
 */
static const char *check_header(const tg_jwt_verifier *v, const token_parts *p)
{
	json_t *h = NULL;
	const json_t *typ;
	const char *why = NULL;
	bool bad_encoding;

	if (decode_object(p->header, p->header_len, &h, &bad_encoding) != 0)
		return bad_encoding ? "malformed token" : "malformed header";
	if (!json_string_equals(json_object_get(h, "alg"), alg_names[v->alg])) {
		why = "algorithm not accepted";
		goto out;
	}
	/* An extension the sender marks critical is one we would have to understand (RFC 7515 4.1.11). */
	if (json_object_get(h, "crit")) {
		why = "crit header not supported";
		goto out;
	}
	typ = json_object_get(h, "typ");
	if (typ && !typ_is_jwt(typ)) {
		why = "typ not accepted";
		goto out;
	}
out:
	json_decref(h);
	return why;
}

/* ---------------------------------------------------------------- signature */

/* JWS carries ECDSA as fixed-size r||s (RFC 7518 3.4); OpenSSL verifies the DER form. */
static unsigned char *es256_raw_to_der(const unsigned char *raw, int *der_len)
{
	ECDSA_SIG *es = NULL;
	BIGNUM *r = NULL, *s = NULL;
	unsigned char *der = NULL;
	int n;

	es = ECDSA_SIG_new();
	r = BN_bin2bn(raw, ES256_COORD_LEN, NULL);
	s = BN_bin2bn(raw + ES256_COORD_LEN, ES256_COORD_LEN, NULL);
	if (!es || !r || !s)
		goto out;
	if (ECDSA_SIG_set0(es, r, s) != 1)
		goto out;
	r = s = NULL; /* owned by es now */
	n = i2d_ECDSA_SIG(es, &der);
	if (n <= 0) {
		OPENSSL_free(der);
		der = NULL;
		goto out;
	}
	*der_len = n;
out:
	BN_free(r);
	BN_free(s);
	ECDSA_SIG_free(es);
	return der;
}

static bool digest_verify(EVP_PKEY *pkey, tg_jwt_alg alg, const unsigned char *sig,
    size_t sig_len, const unsigned char *data, size_t data_len)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx = NULL;
	bool ok = false;

	if (!ctx)
		return false;
	if (EVP_DigestVerifyInit(ctx, &pctx, EVP_sha256(), NULL, pkey) != 1)
		goto out;
	/* PKCS#1 v1.5 is what RS256 means; never let a default turn it into PSS. */
	if (alg == TG_JWT_RS256 && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
		goto out;
	ok = EVP_DigestVerify(ctx, sig, sig_len, data, data_len) == 1;
out:
	EVP_MD_CTX_free(ctx);
	return ok;
}

static bool hs256_verify(const tg_jwt_verifier *v, const unsigned char *sig, size_t sig_len,
    const unsigned char *data, size_t data_len)
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int mac_len = 0;
	bool ok;

	if (sig_len != HS256_SIG_LEN)
		return false;
	if (!HMAC(EVP_sha256(), v->secret, (int)v->secret_len, data, data_len, mac, &mac_len) ||
	    mac_len != HS256_SIG_LEN)
		return false;
	ok = CRYPTO_memcmp(mac, sig, HS256_SIG_LEN) == 0;
	OPENSSL_cleanse(mac, sizeof(mac));
	return ok;
}

static const char *verify_signature(const tg_jwt_verifier *v, const token_parts *p)
{
	const unsigned char *data = (const unsigned char *)p->header;
	unsigned char *sig = NULL, *der = NULL;
	size_t sig_len = 0;
	int der_len = 0;
	bool ok = false;

	if (b64url_decode(p->sig, p->sig_len, &sig, &sig_len) != 0)
		return "malformed token";
	switch (v->alg) {
	case TG_JWT_HS256:
		ok = hs256_verify(v, sig, sig_len, data, p->signed_len);
		break;
	case TG_JWT_RS256:
		ok = digest_verify(v->pkey, v->alg, sig, sig_len, data, p->signed_len);
		break;
	case TG_JWT_ES256:
		/* A DER signature or any other length is not JWS ES256, even if OpenSSL could read it. */
		if (sig_len != ES256_SIG_LEN)
			break;
		der = es256_raw_to_der(sig, &der_len);
		if (der)
			ok = digest_verify(v->pkey, v->alg, der, (size_t)der_len, data,
			    p->signed_len);
		break;
	}
	OPENSSL_free(der);
	free(sig);
	/* A failed verification leaves errors queued; the next OpenSSL user must not see them. */
	ERR_clear_error();
	return ok ? NULL : "bad signature";
}

/* ------------------------------------------------------------------- claims */

/*
 * RFC 7519 4.1.4: the token must not be accepted on or after exp. With
 * leeway L it is valid while now < exp + L, i.e. expired when now >= exp + L.
 * Written so that no sum can overflow, whatever integer the token holds.
 */
static bool is_expired(long long exp, long long now, long long leeway)
{
	if (exp > LLONG_MAX - leeway)
		return false;
	return now >= exp + leeway;
}

/* RFC 7519 4.1.5: valid on or after nbf; refused while now + L < nbf. */
static bool is_not_yet_valid(long long nbf, long long now, long long leeway)
{
	if (nbf < LLONG_MIN + leeway)
		return false;
	return now < nbf - leeway;
}

static const char *check_audience(const tg_jwt_verifier *v, const json_t *aud)
{
	size_t i;
	const json_t *item;
	bool found = false;

	if (!aud)
		return "aud missing";
	if (json_is_string(aud))
		return json_string_equals(aud, v->audience) ? NULL : "wrong audience";
	if (!json_is_array(aud))
		return "aud is malformed";
	/* Every element is checked, so the verdict does not depend on where the match stands. */
	json_array_foreach(aud, i, item) {
		if (!json_is_string(item))
			return "aud is malformed";
		if (json_string_equals(item, v->audience))
			found = true;
	}
	return found ? NULL : "wrong audience";
}

static const char *check_claims(const tg_jwt_verifier *v, const json_t *c, time_t now)
{
	const json_t *exp = json_object_get(c, "exp");
	const json_t *nbf = json_object_get(c, "nbf");
	const json_t *iat = json_object_get(c, "iat");
	const json_t *iss = json_object_get(c, "iss");
	const json_t *sub = json_object_get(c, "sub");
	const char *why;

	if (!exp)
		return "exp missing";
	if (!json_is_integer(exp))
		return "exp is not an integer";
	if (is_expired(json_integer_value(exp), (long long)now, v->leeway))
		return "expired";
	if (nbf) {
		if (!json_is_integer(nbf))
			return "nbf is not an integer";
		if (is_not_yet_valid(json_integer_value(nbf), (long long)now, v->leeway))
			return "not yet valid";
	}
	if (iat && !json_is_integer(iat))
		return "iat is not an integer";
	if (!iss)
		return "iss missing";
	if (!json_is_string(iss))
		return "iss is not a string";
	if (!json_string_equals(iss, v->issuer))
		return "wrong issuer";
	why = check_audience(v, json_object_get(c, "aud"));
	if (why)
		return why;
	if (!sub)
		return "sub missing";
	if (!json_is_string(sub))
		return "sub is not a string";
	if (json_string_length(sub) == 0)
		return "sub is empty";
	return NULL;
}

/* ------------------------------------------------------------------- verify */

int tg_jwt_verify(const tg_jwt_verifier *v, const char *token, size_t len, time_t now,
    json_t **claims, const char **why)
{
	const char *unused;
	token_parts p;
	json_t *payload = NULL;
	bool bad_encoding;

	if (!why)
		why = &unused;
	if (!v || !token || !claims) {
		*why = "verifier called without token or result";
		return -1;
	}
	/* The size alone decides these, before a single byte is decoded. */
	if (len == 0) {
		*why = "empty token";
		return -1;
	}
	if (len > TG_JWT_MAX_TOKEN) {
		*why = "token too large";
		return -1;
	}
	/* memchr rather than strlen: it never reads past len, terminated or not. */
	if (memchr(token, '\0', len) || split_token(token, len, &p) != 0) {
		*why = "malformed token";
		return -1;
	}
	*why = check_header(v, &p);
	if (*why)
		return -1;
	*why = verify_signature(v, &p);
	if (*why)
		return -1;
	if (decode_object(p.payload, p.payload_len, &payload, &bad_encoding) != 0) {
		*why = bad_encoding ? "malformed token" : "malformed claims";
		return -1;
	}
	*why = check_claims(v, payload, now);
	if (*why) {
		json_decref(payload);
		return -1;
	}
	*claims = payload;
	return 0;
}
