/*
 * Unit tests for core/auth_jwt.c.
 *
 * Good tokens are minted with libjwt, a second implementation, so that the
 * verifier is checked against someone else's idea of HS256/RS256/ES256 and not
 * only against itself. Attack tokens are put together by hand (our own
 * base64url, JSON and signature), since libjwt will not make most of them.
 * Keys are generated at start with OpenSSL; only public keys and the secret go
 * to files, which is what the verifier reads.
 */
#include <check.h>

#include "run_suite.h"
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <jwt.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "auth_jwt.h"

/* Fixed so that every exp/nbf case means the same thing on every run. */
#define NOW ((time_t)1900000000)
#define ISS "https://idp.example.nl"
#define AUD "toegang"
#define LEEWAY 30
#define SUB "user-42"
#define SECRET "a-test-secret-that-is-long-enough-0123456789"
/* A marker inside key files, to show that error messages never quote them. */
#define KEY_MARKER "k3yM4t3r14l"

/* ------------------------------------------------------------------ fixture */

static EVP_PKEY *rsa_key, *rsa_key2, *ec_key, *ec_key2;
static char *rsa_priv, *rsa2_priv, *ec_priv, *ec2_priv; /* PEM, for libjwt */
static char *rsa_pub;                                   /* PEM, for the HMAC confusion attack */

/*
 * Every file is made here, before the tests fork, so that the parent knows
 * them all and removes them at the end.
 */
#define MAX_TEMP 32
static char temp_paths[MAX_TEMP][64];
static int n_temp;

static const char *rsa_pub_file, *rsa2_pub_file, *ec_pub_file, *ec384_pub_file,
    *rsa1024_pub_file, *rsa_priv_file, *secret_file, *empty_file, *newline_file,
    *crlf_file, *big_secret_file, *cap_secret_file, *x_nl_nl_file, *y_crlf_file,
    *not_pem_file;

static tg_jwt_verifier *hs, *rs, *es;


static void die(const char *what)
{
	fprintf(stderr, "check_auth_jwt: setup failed: %s\n", what);
	for (int i = 0; i < n_temp; i++)
		unlink(temp_paths[i]);
	exit(EXIT_FAILURE);
}

static char *pem_of(EVP_PKEY *key, bool private_part)
{
	BIO *bio = BIO_new(BIO_s_mem());
	char *data, *copy;
	long n;
	int ok;

	if (!bio)
		die("BIO_new");
	ok = private_part ? PEM_write_bio_PrivateKey(bio, key, NULL, NULL, 0, NULL, NULL)
			  : PEM_write_bio_PUBKEY(bio, key);
	if (!ok)
		die("PEM_write");
	n = BIO_get_mem_data(bio, &data);
	copy = malloc((size_t)n + 1);
	if (!copy)
		die("malloc");
	memcpy(copy, data, (size_t)n);
	copy[n] = '\0';
	BIO_free(bio);
	return copy;
}

static const char *temp_file(const void *data, size_t len)
{
	char *path;
	int fd;

	if (n_temp == MAX_TEMP)
		die("too many temp files");
	path = temp_paths[n_temp];
	snprintf(path, sizeof(temp_paths[0]), "/tmp/check_auth_jwt.XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		die("mkstemp");
	n_temp++;
	if (len && write(fd, data, len) != (ssize_t)len)
		die("write");
	close(fd);
	return path;
}

static const char *temp_pem(EVP_PKEY *key)
{
	char *pem = pem_of(key, false);
	const char *path = temp_file(pem, strlen(pem));
	free(pem);
	return path;
}

static tg_jwt_config config(tg_jwt_alg alg, const char *key_file)
{
	tg_jwt_config c = { alg, key_file, ISS, AUD, LEEWAY };
	return c;
}

static tg_jwt_verifier *verifier(tg_jwt_alg alg, const char *key_file)
{
	tg_jwt_config c = config(alg, key_file);
	char err[256];
	tg_jwt_verifier *v = tg_jwt_verifier_new(&c, err, sizeof(err));
	if (!v) {
		fprintf(stderr, "check_auth_jwt: %s\n", err);
		die("tg_jwt_verifier_new");
	}
	return v;
}

static void fixture_setup(void)
{
	EVP_PKEY *rsa1024 = EVP_RSA_gen(1024);
	EVP_PKEY *ec384 = EVP_EC_gen("P-384");

	rsa_key = EVP_RSA_gen(2048);
	rsa_key2 = EVP_RSA_gen(2048);
	ec_key = EVP_EC_gen("P-256");
	ec_key2 = EVP_EC_gen("P-256");
	if (!rsa_key || !rsa_key2 || !ec_key || !ec_key2 || !rsa1024 || !ec384)
		die("key generation");
	rsa_priv = pem_of(rsa_key, true);
	rsa2_priv = pem_of(rsa_key2, true);
	ec_priv = pem_of(ec_key, true);
	ec2_priv = pem_of(ec_key2, true);
	rsa_pub = pem_of(rsa_key, false);

	rsa_pub_file = temp_file(rsa_pub, strlen(rsa_pub));
	rsa2_pub_file = temp_pem(rsa_key2);
	ec_pub_file = temp_pem(ec_key);
	ec384_pub_file = temp_pem(ec384);
	rsa1024_pub_file = temp_pem(rsa1024);
	rsa_priv_file = temp_file(rsa_priv, strlen(rsa_priv));
	secret_file = temp_file(SECRET "\n", strlen(SECRET) + 1);
	empty_file = temp_file("", 0);
	newline_file = temp_file("\n", 1);
	crlf_file = temp_file("\r\n", 2);
	x_nl_nl_file = temp_file("x\n\n", 3);
	y_crlf_file = temp_file("y\r\n", 3);
	not_pem_file = temp_file(KEY_MARKER "\n", strlen(KEY_MARKER) + 1);
	{
		char big[4097 + sizeof(KEY_MARKER)];
		memset(big, 's', sizeof(big));
		/* The secret file cap is 4096: this is one byte over, then exactly at it. */
		memcpy(big, KEY_MARKER, strlen(KEY_MARKER));
		big_secret_file = temp_file(big, 4097);
		cap_secret_file = temp_file(big, 4096);
	}
	EVP_PKEY_free(rsa1024);
	EVP_PKEY_free(ec384);

	hs = verifier(TG_JWT_HS256, secret_file);
	rs = verifier(TG_JWT_RS256, rsa_pub_file);
	es = verifier(TG_JWT_ES256, ec_pub_file);
}

static void fixture_teardown(void)
{
	tg_jwt_verifier_free(hs);
	tg_jwt_verifier_free(rs);
	tg_jwt_verifier_free(es);
	for (int i = 0; i < n_temp; i++)
		unlink(temp_paths[i]);
	free(rsa_priv);
	free(rsa2_priv);
	free(ec_priv);
	free(ec2_priv);
	free(rsa_pub);
	EVP_PKEY_free(rsa_key);
	EVP_PKEY_free(rsa_key2);
	EVP_PKEY_free(ec_key);
	EVP_PKEY_free(ec_key2);
}

/* ------------------------------------------------------------ libjwt minting */

/*
 * A token from libjwt: the standard good claims (iss, aud, sub, iat, exp an
 * hour after NOW), less the claim named by drop, then overridden or extended
 * by the JSON object in extra. headers adds header fields. The result is malloc'd.
 */
static char *mint(jwt_alg_t alg, const char *key, size_t key_len, const char *headers,
    const char *extra, const char *drop)
{
	jwt_t *jwt = NULL;
	char *tok = NULL;

	ck_assert_int_eq(jwt_new(&jwt), 0);
	ck_assert_int_eq(jwt_add_grant(jwt, "iss", ISS), 0);
	ck_assert_int_eq(jwt_add_grant(jwt, "aud", AUD), 0);
	ck_assert_int_eq(jwt_add_grant(jwt, "sub", SUB), 0);
	ck_assert_int_eq(jwt_add_grant_int(jwt, "iat", (long)NOW - 60), 0);
	ck_assert_int_eq(jwt_add_grant_int(jwt, "exp", (long)NOW + 3600), 0);
	if (drop)
		ck_assert_int_eq(jwt_del_grants(jwt, drop), 0);
	if (extra)
		ck_assert_int_eq(jwt_add_grants_json(jwt, extra), 0);
	if (headers)
		ck_assert_int_eq(jwt_add_headers_json(jwt, headers), 0);
	ck_assert_int_eq(jwt_set_alg(jwt, alg, (const unsigned char *)key, (int)key_len), 0);
	tok = jwt_encode_str(jwt);
	ck_assert_ptr_nonnull(tok);
	jwt_free(jwt);
	return tok;
}

static char *mint_hs(const char *extra, const char *drop)
{
	return mint(JWT_ALG_HS256, SECRET, strlen(SECRET), NULL, extra, drop);
}

static char *mint_rs(const char *key, const char *headers)
{
	return mint(JWT_ALG_RS256, key, strlen(key), headers, NULL, NULL);
}

static char *mint_es(const char *key)
{
	return mint(JWT_ALG_ES256, key, strlen(key), NULL, NULL, NULL);
}

/* ------------------------------------------------------------ hand crafting */

/* Our own base64url, from OpenSSL's standard base64, so it shares no code with the verifier. */
static char *b64url(const void *data, size_t len)
{
	char *out = malloc(4 * ((len + 2) / 3) + 1);
	size_t j = 0;
	int n;

	ck_assert_ptr_nonnull(out);
	n = EVP_EncodeBlock((unsigned char *)out, data, (int)len);
	for (int i = 0; i < n; i++) {
		if (out[i] == '=')
			break;
		out[j++] = out[i] == '+' ? '-' : out[i] == '/' ? '_' : out[i];
	}
	out[j] = '\0';
	return out;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);
	ck_assert_ptr_nonnull(d);
	return d;
}

/* "b64(header).b64(payload)", the signing input. */
static char *signing_input(const char *header, const char *payload)
{
	char *h = b64url(header, strlen(header));
	char *p = b64url(payload, strlen(payload));
	char *in = malloc(strlen(h) + strlen(p) + 2);

	ck_assert_ptr_nonnull(in);
	sprintf(in, "%s.%s", h, p);
	free(h);
	free(p);
	return in;
}

/* input "." b64(sig): frees input. */
static char *with_sig(char *input, const unsigned char *sig, size_t sig_len)
{
	char *s = b64url(sig, sig_len);
	char *tok = malloc(strlen(input) + strlen(s) + 2);

	ck_assert_ptr_nonnull(tok);
	sprintf(tok, "%s.%s", input, s);
	free(s);
	free(input);
	return tok;
}

static char *craft_sig(const char *header, const char *payload, const void *sig, size_t sig_len)
{
	return with_sig(signing_input(header, payload), sig, sig_len);
}

static char *craft_hmac(const char *header, const char *payload, const void *key, size_t key_len)
{
	char *in = signing_input(header, payload);
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int mac_len = 0;

	ck_assert_ptr_nonnull(HMAC(EVP_sha256(), key, (int)key_len, (unsigned char *)in,
	    strlen(in), mac, &mac_len));
	return with_sig(in, mac, mac_len);
}

static char *craft_hs(const char *header, const char *payload)
{
	return craft_hmac(header, payload, SECRET, strlen(SECRET));
}

/* DER ECDSA signature to JWS r||s, each left-padded to 32 bytes. */
static void ecdsa_der_to_raw(const unsigned char *der, size_t der_len, unsigned char raw[64])
{
	const unsigned char *p = der;
	ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &p, (long)der_len);
	const BIGNUM *r, *s;

	ck_assert_ptr_nonnull(sig);
	ECDSA_SIG_get0(sig, &r, &s);
	ck_assert_int_eq(BN_bn2binpad(r, raw, 32), 32);
	ck_assert_int_eq(BN_bn2binpad(s, raw + 32, 32), 32);
	ECDSA_SIG_free(sig);
}

/*
 * Signs with OpenSSL (RSA PKCS#1 v1.5 or ECDSA, SHA-256). For EC the signature
 * is r||s unless der is set. *sig_len is the length actually produced.
 */
static void pkey_sign(EVP_PKEY *key, const char *in, bool der, unsigned char *sig,
    size_t *sig_len)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char buf[1024];
	size_t n = sizeof(buf);

	ck_assert_ptr_nonnull(ctx);
	ck_assert_int_eq(EVP_DigestSignInit(ctx, NULL, EVP_sha256(), NULL, key), 1);
	ck_assert_int_eq(EVP_DigestSign(ctx, buf, &n, (const unsigned char *)in, strlen(in)), 1);
	EVP_MD_CTX_free(ctx);
	if (EVP_PKEY_is_a(key, "EC") && !der) {
		ecdsa_der_to_raw(buf, n, sig);
		*sig_len = 64;
	} else {
		memcpy(sig, buf, n);
		*sig_len = n;
	}
}

static char *craft_pkey(const char *header, const char *payload, EVP_PKEY *key)
{
	char *in = signing_input(header, payload);
	unsigned char sig[1024];
	size_t n;

	pkey_sign(key, in, false, sig, &n);
	return with_sig(in, sig, n);
}

/* A payload that passes every claim check, with fields spliced in front. */
#define GOOD_CLAIMS_WITH(fields)                                                             \
	"{" fields "\"iss\":\"" ISS "\",\"aud\":\"" AUD "\",\"sub\":\"" SUB                \
	"\",\"exp\":1900003600}"
#define GOOD_CLAIMS GOOD_CLAIMS_WITH("")
#define HS_HEADER "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"

/* ---------------------------------------------------------------- asserting */

static json_t untouched_sentinel;
#define UNTOUCHED (&untouched_sentinel)

static void expect_fail(const tg_jwt_verifier *v, const char *tok, size_t len, const char *reason)
{
	json_t *claims = UNTOUCHED;
	const char *why = NULL;

	ck_assert_int_eq(tg_jwt_verify(v, tok, len, NOW, &claims, &why), -1);
	ck_assert_ptr_eq(claims, UNTOUCHED);
	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, reason);
}

static void expect_ok(const tg_jwt_verifier *v, const char *tok, const char *sub)
{
	json_t *claims = NULL;
	const char *why = NULL;
	int rc = tg_jwt_verify(v, tok, strlen(tok), NOW, &claims, &why);

	ck_assert_msg(rc == 0, "refused: %s", why ? why : "(no reason)");
	ck_assert_ptr_nonnull(claims);
	ck_assert(json_is_object(claims));
	ck_assert_str_eq(json_string_value(json_object_get(claims, "sub")), sub);
	ck_assert_int_eq(claims->refcount, 1);
	json_decref(claims);
}

/* Both free the token, so that each case is one line. */
static void fail_and_free(const tg_jwt_verifier *v, char *tok, const char *reason)
{
	expect_fail(v, tok, strlen(tok), reason);
	free(tok);
}

static void ok_and_free(const tg_jwt_verifier *v, char *tok)
{
	expect_ok(v, tok, SUB);
	free(tok);
}

/* --------------------------------------------------------- tg_jwt_alg_parse */

START_TEST(test_alg_parse)
{
	tg_jwt_alg a = (tg_jwt_alg)99;

	ck_assert_int_eq(tg_jwt_alg_parse("HS256", &a), 0);
	ck_assert_int_eq(a, TG_JWT_HS256);
	ck_assert_int_eq(tg_jwt_alg_parse("RS256", &a), 0);
	ck_assert_int_eq(a, TG_JWT_RS256);
	ck_assert_int_eq(tg_jwt_alg_parse("ES256", &a), 0);
	ck_assert_int_eq(a, TG_JWT_ES256);
}
END_TEST

START_TEST(test_alg_parse_refused)
{
	static const char *const bad[] = { "hs256", "none", "None", "", "HS256 ", " HS256",
		"HS384", "RS512", "PS256", "ES256K", "EdDSA", "HS25" };
	tg_jwt_alg a = (tg_jwt_alg)99;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(tg_jwt_alg_parse(bad[i], &a) == -1, "accepted \"%s\"", bad[i]);
		ck_assert_int_eq(a, (tg_jwt_alg)99);
	}
	ck_assert_int_eq(tg_jwt_alg_parse(NULL, &a), -1);
}
END_TEST

/* ------------------------------------------------------ tg_jwt_verifier_new */

/* Expects refusal, an error naming want (when given), and no key material in it. */
static void expect_new_fails(const tg_jwt_config *c, const char *want)
{
	char err[512] = "";
	tg_jwt_verifier *v = tg_jwt_verifier_new(c, err, sizeof(err));

	ck_assert_ptr_null(v);
	ck_assert_msg(err[0] != '\0', "no error message");
	if (want)
		ck_assert_msg(strstr(err, want) != NULL, "\"%s\" not in \"%s\"", want, err);
	ck_assert_msg(strstr(err, KEY_MARKER) == NULL, "key material in \"%s\"", err);
	ck_assert_msg(strstr(err, SECRET) == NULL, "secret in \"%s\"", err);
	ck_assert_msg(strstr(err, "-----") == NULL, "PEM in \"%s\"", err);
}

START_TEST(test_new_missing_file)
{
	tg_jwt_config c = config(TG_JWT_HS256, "/nonexistent/toegang/jwt.secret");
	expect_new_fails(&c, "/nonexistent/toegang/jwt.secret");
	c = config(TG_JWT_RS256, "/nonexistent/toegang/jwt.pem");
	expect_new_fails(&c, "/nonexistent/toegang/jwt.pem");
}
END_TEST

START_TEST(test_new_no_file_name)
{
	tg_jwt_config c = config(TG_JWT_HS256, NULL);
	expect_new_fails(&c, NULL);
	c.key_file = "";
	expect_new_fails(&c, NULL);
}
END_TEST

START_TEST(test_new_directory)
{
	tg_jwt_config c = config(TG_JWT_HS256, "/tmp");
	expect_new_fails(&c, "/tmp");
}
END_TEST

START_TEST(test_new_empty_secret)
{
	tg_jwt_config c = config(TG_JWT_HS256, empty_file);
	expect_new_fails(&c, empty_file);
}
END_TEST

START_TEST(test_new_secret_only_newline)
{
	tg_jwt_config c = config(TG_JWT_HS256, newline_file);
	expect_new_fails(&c, newline_file);
	c.key_file = crlf_file;
	expect_new_fails(&c, crlf_file);
}
END_TEST

START_TEST(test_new_secret_too_large)
{
	tg_jwt_config c = config(TG_JWT_HS256, big_secret_file);
	expect_new_fails(&c, big_secret_file);
}
END_TEST

/* Exactly 4096 bytes is still a secret. */
START_TEST(test_new_secret_at_cap)
{
	tg_jwt_config c = config(TG_JWT_HS256, cap_secret_file);
	char err[256];
	tg_jwt_verifier *v = tg_jwt_verifier_new(&c, err, sizeof(err));

	ck_assert_msg(v != NULL, "%s", err);
	tg_jwt_verifier_free(v);
}
END_TEST

/* One line end goes, and only one: "x\n\n" is the secret "x\n". */
START_TEST(test_new_secret_strips_one_newline)
{
	tg_jwt_config c = config(TG_JWT_HS256, x_nl_nl_file);
	char err[256];
	tg_jwt_verifier *v = tg_jwt_verifier_new(&c, err, sizeof(err));

	ck_assert_msg(v != NULL, "%s", err);
	ok_and_free(v, craft_hmac(HS_HEADER, GOOD_CLAIMS, "x\n", 2));
	fail_and_free(v, craft_hmac(HS_HEADER, GOOD_CLAIMS, "x", 1), "bad signature");
	fail_and_free(v, craft_hmac(HS_HEADER, GOOD_CLAIMS, "x\n\n", 3), "bad signature");
	tg_jwt_verifier_free(v);

	c.key_file = y_crlf_file;
	v = tg_jwt_verifier_new(&c, err, sizeof(err));
	ck_assert_msg(v != NULL, "%s", err);
	ok_and_free(v, craft_hmac(HS_HEADER, GOOD_CLAIMS, "y", 1));
	tg_jwt_verifier_free(v);
}
END_TEST

START_TEST(test_new_rsa_key_for_es256)
{
	tg_jwt_config c = config(TG_JWT_ES256, rsa_pub_file);
	expect_new_fails(&c, rsa_pub_file);
}
END_TEST

START_TEST(test_new_ec_key_for_rs256)
{
	tg_jwt_config c = config(TG_JWT_RS256, ec_pub_file);
	expect_new_fails(&c, ec_pub_file);
}
END_TEST

START_TEST(test_new_ec_p384_for_es256)
{
	tg_jwt_config c = config(TG_JWT_ES256, ec384_pub_file);
	expect_new_fails(&c, ec384_pub_file);
}
END_TEST

START_TEST(test_new_rsa_1024_refused)
{
	tg_jwt_config c = config(TG_JWT_RS256, rsa1024_pub_file);
	expect_new_fails(&c, "1024");
}
END_TEST

/* A private key where the public one belongs is refused, and not quoted. */
START_TEST(test_new_private_key_file)
{
	tg_jwt_config c = config(TG_JWT_RS256, rsa_priv_file);
	expect_new_fails(&c, rsa_priv_file);
}
END_TEST

START_TEST(test_new_not_pem)
{
	tg_jwt_config c = config(TG_JWT_RS256, not_pem_file);
	expect_new_fails(&c, not_pem_file);
	c.alg = TG_JWT_ES256;
	expect_new_fails(&c, not_pem_file);
	c.key_file = empty_file;
	expect_new_fails(&c, empty_file);
}
END_TEST

START_TEST(test_new_leeway_range)
{
	tg_jwt_config c = config(TG_JWT_HS256, secret_file);
	tg_jwt_verifier *v;

	c.leeway = 61;
	expect_new_fails(&c, "61");
	c.leeway = -1;
	expect_new_fails(&c, "-1");
	c.leeway = INT_MIN;
	expect_new_fails(&c, NULL);
	c.leeway = 60;
	v = tg_jwt_verifier_new(&c, NULL, 0); /* no error buffer is fine too */
	ck_assert_ptr_nonnull(v);
	tg_jwt_verifier_free(v);
	c.leeway = 0;
	v = tg_jwt_verifier_new(&c, NULL, 0);
	ck_assert_ptr_nonnull(v);
	tg_jwt_verifier_free(v);
}
END_TEST

START_TEST(test_new_issuer_audience_required)
{
	tg_jwt_config c = config(TG_JWT_HS256, secret_file);
	c.issuer = NULL;
	expect_new_fails(&c, "issuer");
	c.issuer = "";
	expect_new_fails(&c, "issuer");
	c = config(TG_JWT_HS256, secret_file);
	c.audience = NULL;
	expect_new_fails(&c, "audience");
	c.audience = "";
	expect_new_fails(&c, "audience");
}
END_TEST

START_TEST(test_new_bad_alg_and_null)
{
	tg_jwt_config c = config((tg_jwt_alg)7, secret_file);
	char err[8];

	expect_new_fails(&c, NULL);
	ck_assert_ptr_null(tg_jwt_verifier_new(NULL, err, sizeof(err)));
	/* A short buffer gets a truncated, terminated message. */
	c = config(TG_JWT_HS256, "/nonexistent/a/long/path");
	ck_assert_ptr_null(tg_jwt_verifier_new(&c, err, sizeof(err)));
	ck_assert_uint_eq(strlen(err), sizeof(err) - 1);
	tg_jwt_verifier_free(NULL);
}
END_TEST

/* ---------------------------------------------------------------- good tokens */

START_TEST(test_hs256_good)
{
	ok_and_free(hs, mint_hs(NULL, NULL));
}
END_TEST

START_TEST(test_rs256_good)
{
	ok_and_free(rs, mint_rs(rsa_priv, NULL));
}
END_TEST

START_TEST(test_es256_good)
{
	ok_and_free(es, mint_es(ec_priv));
}
END_TEST

/* Our own signer agrees with libjwt's for the public-key algorithms. */
START_TEST(test_hand_signed_good)
{
	ok_and_free(rs, craft_pkey("{\"alg\":\"RS256\"}", GOOD_CLAIMS, rsa_key));
	ok_and_free(es, craft_pkey("{\"alg\":\"ES256\"}", GOOD_CLAIMS, ec_key));
	ok_and_free(hs, craft_hs("{\"alg\":\"HS256\"}", GOOD_CLAIMS));
}
END_TEST

START_TEST(test_claims_returned)
{
	char *tok = mint_hs("{\"role\":\"huisarts\",\"agb\":\"01234567\"}", NULL);
	json_t *claims = NULL;
	const char *why = NULL;

	ck_assert_int_eq(tg_jwt_verify(hs, tok, strlen(tok), NOW, &claims, &why), 0);
	ck_assert_str_eq(json_string_value(json_object_get(claims, "role")), "huisarts");
	ck_assert_str_eq(json_string_value(json_object_get(claims, "agb")), "01234567");
	ck_assert_str_eq(json_string_value(json_object_get(claims, "iss")), ISS);
	ck_assert_int_eq(json_integer_value(json_object_get(claims, "exp")), NOW + 3600);
	json_decref(claims);
	free(tok);
}
END_TEST

/* typ is optional; when there it must be JWT, in any case. */
START_TEST(test_typ)
{
	ok_and_free(hs, craft_hs("{\"alg\":\"HS256\",\"typ\":\"jwt\"}", GOOD_CLAIMS));
	ok_and_free(hs, craft_hs("{\"alg\":\"HS256\",\"typ\":\"Jwt\"}", GOOD_CLAIMS));
	fail_and_free(hs, craft_hs("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", GOOD_CLAIMS),
	    "typ not accepted");
	fail_and_free(hs, craft_hs("{\"alg\":\"HS256\",\"typ\":\"JWS\"}", GOOD_CLAIMS),
	    "typ not accepted");
	fail_and_free(hs, craft_hs("{\"alg\":\"HS256\",\"typ\":1}", GOOD_CLAIMS),
	    "typ not accepted");
	fail_and_free(hs, craft_hs("{\"alg\":\"HS256\",\"typ\":null}", GOOD_CLAIMS),
	    "typ not accepted");
}
END_TEST

START_TEST(test_crit_refused)
{
	fail_and_free(hs,
	    craft_hs("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", GOOD_CLAIMS),
	    "crit header not supported");
	fail_and_free(hs, craft_hs("{\"alg\":\"HS256\",\"crit\":[]}", GOOD_CLAIMS),
	    "crit header not supported");
}
END_TEST

/* ------------------------------------------------------- algorithm confusion */

START_TEST(test_alg_none)
{
	static const unsigned char junk[] = { 0x00 };

	/* An unsigned token has no third part, which already fails the shape check. */
	fail_and_free(hs, craft_sig("{\"alg\":\"none\"}", GOOD_CLAIMS, "", 0),
	    "malformed token");
	fail_and_free(hs, craft_sig("{\"alg\":\"none\"}", GOOD_CLAIMS, junk, 1),
	    "algorithm not accepted");
	fail_and_free(rs, craft_sig("{\"alg\":\"none\"}", GOOD_CLAIMS, junk, 1),
	    "algorithm not accepted");
	fail_and_free(es, craft_sig("{\"alg\":\"none\"}", GOOD_CLAIMS, junk, 1),
	    "algorithm not accepted");
}
END_TEST

START_TEST(test_alg_none_case_variants)
{
	static const char *const headers[] = { "{\"alg\":\"NoNe\"}", "{\"alg\":\"NONE\"}",
		"{\"alg\":\"nOnE\"}", "{\"alg\":\"\"}", "{\"alg\":null}", "{\"typ\":\"JWT\"}",
		"{}", "{\"alg\":[\"HS256\"]}", "{\"alg\":\"hs256\"}", "{\"alg\":\"HS256 \"}",
		"{\"alg\":\"HS512\"}", "{\"ALG\":\"HS256\"}" };

	for (size_t i = 0; i < sizeof(headers) / sizeof(headers[0]); i++) {
		/* Correctly keyed, so only the header can be what refuses it. */
		char *tok = craft_hs(headers[i], GOOD_CLAIMS);
		expect_fail(hs, tok, strlen(tok), "algorithm not accepted");
		free(tok);
	}
}
END_TEST

/* The classic: HS256 keyed with the RS256 public key, which the attacker knows. */
START_TEST(test_hs256_with_public_key_as_secret)
{
	fail_and_free(rs, craft_hmac(HS_HEADER, GOOD_CLAIMS, rsa_pub, strlen(rsa_pub)),
	    "algorithm not accepted");
	/* Claiming RS256 while carrying that HMAC gets no further than the signature. */
	fail_and_free(rs,
	    craft_hmac("{\"alg\":\"RS256\"}", GOOD_CLAIMS, rsa_pub, strlen(rsa_pub)),
	    "bad signature");
}
END_TEST

START_TEST(test_wrong_alg_for_verifier)
{
	fail_and_free(rs, mint_hs(NULL, NULL), "algorithm not accepted");
	fail_and_free(es, mint_rs(rsa_priv, NULL), "algorithm not accepted");
	fail_and_free(hs, mint_es(ec_priv), "algorithm not accepted");
	fail_and_free(rs, mint_es(ec_priv), "algorithm not accepted");
}
END_TEST

/* ---------------------------------------------------------------- signatures */

START_TEST(test_rs256_wrong_key)
{
	fail_and_free(rs, mint_rs(rsa2_priv, NULL), "bad signature");
}
END_TEST

START_TEST(test_es256_wrong_key)
{
	fail_and_free(es, mint_es(ec2_priv), "bad signature");
}
END_TEST

START_TEST(test_hs256_wrong_secret)
{
	fail_and_free(hs, craft_hmac(HS_HEADER, GOOD_CLAIMS, "wrong", 5), "bad signature");
	/* The secret file's newline is not part of the secret. */
	fail_and_free(hs, craft_hmac(HS_HEADER, GOOD_CLAIMS, SECRET "\n", strlen(SECRET) + 1),
	    "bad signature");
}
END_TEST

/* kid, jku, x5u, jwk and x5c choose nothing: the configured key decides. */
START_TEST(test_key_headers_ignored)
{
	const char *headers = "{\"kid\":\"other-key\",\"jku\":\"https://evil.example/jwks.json\","
			      "\"x5u\":\"https://evil.example/cert.pem\","
			      "\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"},\"x5c\":[\"MIIB\"]}";

	ok_and_free(rs, mint_rs(rsa_priv, headers));
	fail_and_free(rs, mint_rs(rsa2_priv, headers), "bad signature");
	fail_and_free(rs, mint_rs(rsa2_priv, "{\"jku\":\"https://evil.example/jwks.json\"}"),
	    "bad signature");
}
END_TEST

START_TEST(test_tampered_payload)
{
	static const char *const toks[] = { "hs", "rs", "es" };
	const tg_jwt_verifier *const vs[] = { hs, rs, es };

	for (size_t i = 0; i < 3; i++) {
		char *tok = i == 0 ? mint_hs(NULL, NULL) : i == 1 ? mint_rs(rsa_priv, NULL)
								 : mint_es(ec_priv);
		char *dot = strchr(tok, '.');
		char *other = mint_hs("{\"sub\":\"admin\"}", NULL);
		char *other_payload = strchr(other, '.') + 1;
		char *spliced;
		size_t head = (size_t)(dot - tok) + 1;

		/* Header and signature of one token around the payload of another. */
		*strchr(other_payload, '.') = '\0';
		spliced = malloc(strlen(tok) + strlen(other_payload) + 1);
		ck_assert_ptr_nonnull(spliced);
		memcpy(spliced, tok, head);
		strcpy(spliced + head, other_payload);
		strcat(spliced, strrchr(tok, '.'));
		ck_assert_msg(strcmp(spliced, tok) != 0, "%s", toks[i]);
		fail_and_free(vs[i], spliced, "bad signature");
		free(other);
		free(tok);
	}
}
END_TEST

/* Flips one bit of the decoded signature: still canonical base64url, now wrong. */
static void flip_sig_bit(char *tok)
{
	char *c = strrchr(tok, '.') + 1;
	*c = *c == 'A' ? 'B' : 'A';
}

START_TEST(test_flipped_signature_bit)
{
	char *tok = mint_hs(NULL, NULL);
	flip_sig_bit(tok);
	fail_and_free(hs, tok, "bad signature");
	tok = mint_rs(rsa_priv, NULL);
	flip_sig_bit(tok);
	fail_and_free(rs, tok, "bad signature");
	tok = mint_es(ec_priv);
	flip_sig_bit(tok);
	fail_and_free(es, tok, "bad signature");
}
END_TEST

START_TEST(test_es256_signature_length)
{
	char *in = signing_input("{\"alg\":\"ES256\"}", GOOD_CLAIMS);
	unsigned char sig[1024], der[1024], longer[65];
	size_t n, der_len;

	pkey_sign(ec_key, in, false, sig, &n);
	ck_assert_uint_eq(n, 64);
	pkey_sign(ec_key, in, true, der, &der_len);

	/* The correct r||s, to show what follows fails for its length alone. */
	ok_and_free(es, with_sig(xstrdup(in), sig, 64));
	fail_and_free(es, with_sig(xstrdup(in), sig, 63), "bad signature");
	memcpy(longer, sig, 64);
	longer[64] = 0;
	fail_and_free(es, with_sig(xstrdup(in), longer, 65), "bad signature");
	/* Prefixing a zero keeps r's value but is still not 64 bytes. */
	longer[0] = 0;
	memcpy(longer + 1, sig, 64);
	fail_and_free(es, with_sig(xstrdup(in), longer, 65), "bad signature");
	fail_and_free(es, with_sig(xstrdup(in), sig, 32), "bad signature");
	fail_and_free(es, with_sig(xstrdup(in), sig, 1), "bad signature");
	/* A DER signature is what OpenSSL would take, but not what JWS carries. */
	fail_and_free(es, with_sig(xstrdup(in), der, der_len), "bad signature");
	free(in);
}
END_TEST

/* r or s zero, or at least the group order, are never valid ECDSA. */
START_TEST(test_es256_degenerate_signature)
{
	unsigned char sig[64];

	memset(sig, 0, sizeof(sig));
	fail_and_free(es, craft_sig("{\"alg\":\"ES256\"}", GOOD_CLAIMS, sig, 64), "bad signature");
	memset(sig, 0xff, sizeof(sig));
	fail_and_free(es, craft_sig("{\"alg\":\"ES256\"}", GOOD_CLAIMS, sig, 64), "bad signature");
	memset(sig, 0, 32);
	fail_and_free(es, craft_sig("{\"alg\":\"ES256\"}", GOOD_CLAIMS, sig, 64), "bad signature");
}
END_TEST

START_TEST(test_hs256_signature_length)
{
	char *in = signing_input(HS_HEADER, GOOD_CLAIMS);
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int mac_len;

	HMAC(EVP_sha256(), SECRET, (int)strlen(SECRET), (unsigned char *)in, strlen(in), mac,
	    &mac_len);
	ck_assert_uint_eq(mac_len, 32);
	fail_and_free(hs, with_sig(xstrdup(in), mac, 31), "bad signature");
	fail_and_free(hs, with_sig(xstrdup(in), mac, 16), "bad signature");
	ok_and_free(hs, with_sig(in, mac, 32));
}
END_TEST

START_TEST(test_rs256_signature_length)
{
	char *in = signing_input("{\"alg\":\"RS256\"}", GOOD_CLAIMS);
	unsigned char sig[1024];
	size_t n;

	pkey_sign(rsa_key, in, false, sig, &n);
	ck_assert_uint_eq(n, 256);
	fail_and_free(rs, with_sig(xstrdup(in), sig, 255), "bad signature");
	sig[256] = 0;
	fail_and_free(rs, with_sig(xstrdup(in), sig, 257), "bad signature");
	ok_and_free(rs, with_sig(in, sig, 256));
}
END_TEST

/* ----------------------------------------------------------------- the shape */

static void fail_str(const tg_jwt_verifier *v, const char *tok, const char *reason)
{
	expect_fail(v, tok, strlen(tok), reason);
}

START_TEST(test_empty)
{
	fail_str(hs, "", "empty token");
	/* len decides, whatever the buffer holds. */
	expect_fail(hs, "abcd.abcd.abcd", 0, "empty token");
}
END_TEST

START_TEST(test_garbage_shapes)
{
	static const char *const bad[] = { ".", "..", "...", "a.b.c", "abcd", "abcd.abcd",
		"abcd.abcd.", ".abcd.abcd", "abcd..abcd", "abcd.abcd.abcd.abcd",
		"abcd.abcd.abcd.", "abcde.abcd.abcd", "abcd.abcde.abcd", "abcd.abcd.abcde",
		"Bearer abcd.abcd.abcd", " abcd.abcd.abcd", "abcd.abcd.abcd\n" };

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_fail(hs, bad[i], strlen(bad[i]), "malformed token");
}
END_TEST

/* Base64 that is not base64url, and any padding, in each of the three parts. */
START_TEST(test_not_base64url)
{
	char *tok = mint_hs(NULL, NULL);
	size_t len = strlen(tok);
	size_t positions[3];
	static const char bad[] = "+/=*%~!\\\"' \t\x80\xff";

	positions[0] = 0;
	positions[1] = (size_t)(strchr(tok, '.') - tok) + 1;
	positions[2] = (size_t)(strrchr(tok, '.') - tok) + 1;
	for (size_t p = 0; p < 3; p++) {
		for (size_t b = 0; b < sizeof(bad) - 1; b++) {
			char *copy = xstrdup(tok);
			copy[positions[p]] = bad[b];
			expect_fail(hs, copy, len, "malformed token");
			free(copy);
		}
	}
	free(tok);
}
END_TEST

START_TEST(test_padding_refused)
{
	/* 16 bytes encode to 22 characters, which standard base64 pads with "==". */
	char *in = signing_input("{\"alg\":\"HS256\" }", GOOD_CLAIMS);
	char *dot = strchr(in, '.');
	char *padded = malloc(strlen(in) + 3);
	char *tok;

	ck_assert_uint_eq((size_t)(dot - in), 22);
	ck_assert_ptr_nonnull(padded);
	memcpy(padded, in, 22);
	strcpy(padded + 22, "==");
	strcat(padded, dot);
	/* Signed as it stands, padding included, so only the padding can be refused. */
	{
		unsigned char mac[EVP_MAX_MD_SIZE];
		unsigned int mac_len;
		HMAC(EVP_sha256(), SECRET, (int)strlen(SECRET), (unsigned char *)padded,
		    strlen(padded), mac, &mac_len);
		tok = with_sig(padded, mac, mac_len);
	}
	fail_and_free(hs, tok, "malformed token");
	/* And a padded signature on an otherwise good token. */
	tok = mint_hs(NULL, NULL);
	{
		char *padded_sig = malloc(strlen(tok) + 2);
		ck_assert_ptr_nonnull(padded_sig);
		sprintf(padded_sig, "%s=", tok);
		fail_and_free(hs, padded_sig, "malformed token");
	}
	free(tok);
	free(in);
}
END_TEST

/*
 * Decision: the unused low bits of the last base64url character must be zero.
 * A 32-byte HMAC is 43 characters, whose last carries 2 unused bits; setting
 * one gives the same bytes under a second spelling, which is refused.
 */
START_TEST(test_nonzero_trailing_bits)
{
	char *tok = mint_hs(NULL, NULL);
	char *last = tok + strlen(tok) - 1;
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	int val = (int)(strchr(alphabet, *last) - alphabet);

	ck_assert_uint_eq(strlen(strrchr(tok, '.') + 1), 43);
	ck_assert_int_eq(val & 3, 0);
	*last = alphabet[val | 1];
	fail_and_free(hs, tok, "malformed token");
}
END_TEST

START_TEST(test_embedded_nul)
{
	char *tok = mint_hs(NULL, NULL);
	size_t len = strlen(tok);
	char *buf = malloc(len + 2);

	ck_assert_ptr_nonnull(buf);
	/* A good token followed by NUL and more, with len covering all of it. */
	memcpy(buf, tok, len + 1);
	buf[len + 1] = 'x';
	expect_fail(hs, buf, len + 2, "malformed token");
	/* A NUL in the middle. */
	memcpy(buf, tok, len + 1);
	buf[10] = '\0';
	expect_fail(hs, buf, len, "malformed token");
	/* The same buffer, len stopping at the terminating NUL, is good. */
	memcpy(buf, tok, len + 1);
	buf[len + 1] = 'x';
	expect_ok(hs, buf, SUB);
	free(buf);
	free(tok);
}
END_TEST

START_TEST(test_header_not_json)
{
	fail_and_free(hs, craft_hs("not json", GOOD_CLAIMS), "malformed header");
	fail_and_free(hs, craft_hs("{\"alg\":\"HS256\"", GOOD_CLAIMS), "malformed header");
	fail_and_free(hs, craft_hs("{\"alg\":\"HS256\"} trailing", GOOD_CLAIMS),
	    "malformed header");
	fail_and_free(hs, craft_hs("\xff\xfe\x00", GOOD_CLAIMS), "malformed header");
	/* Binary header: a byte string that is no JSON. */
	{
		static const unsigned char bin[] = { 0x00, 0x01, 0x7b, 0x22 };
		char *h = b64url(bin, sizeof(bin));
		char *tok = malloc(strlen(h) + 64);
		ck_assert_ptr_nonnull(tok);
		sprintf(tok, "%s.abcd.abcd", h);
		fail_and_free(hs, tok, "malformed header");
		free(h);
	}
}
END_TEST

START_TEST(test_header_not_object)
{
	fail_and_free(hs, craft_hs("[\"HS256\"]", GOOD_CLAIMS), "malformed header");
	fail_and_free(hs, craft_hs("[{\"alg\":\"HS256\"}]", GOOD_CLAIMS), "malformed header");
	fail_and_free(hs, craft_hs("\"HS256\"", GOOD_CLAIMS), "malformed header");
	fail_and_free(hs, craft_hs("null", GOOD_CLAIMS), "malformed header");
	fail_and_free(hs, craft_hs("256", GOOD_CLAIMS), "malformed header");
}
END_TEST

/* Two algs: a parser that keeps the first and one that keeps the last must not both get a say. */
START_TEST(test_header_duplicate_keys)
{
	fail_and_free(hs, craft_hs("{\"alg\":\"none\",\"alg\":\"HS256\"}", GOOD_CLAIMS),
	    "malformed header");
	fail_and_free(hs, craft_hs("{\"alg\":\"HS256\",\"alg\":\"HS256\"}", GOOD_CLAIMS),
	    "malformed header");
}
END_TEST

/* ---------------------------------------------------------------------- size */

static char *filled(size_t len)
{
	char *t = malloc(len + 1);
	ck_assert_ptr_nonnull(t);
	memset(t, 'a', len);
	t[len / 3] = '.';
	t[2 * len / 3] = '.';
	t[len] = '\0';
	return t;
}

START_TEST(test_too_large)
{
	char *tok = filled(TG_JWT_MAX_TOKEN + 1);
	fail_and_free(hs, tok, "token too large");
	tok = filled(9 * 1024 * 1024);
	fail_and_free(hs, tok, "token too large");
	/* Size goes first: garbage of that size is "too large", not "malformed". */
	tok = filled(TG_JWT_MAX_TOKEN + 1);
	tok[0] = '\0';
	expect_fail(hs, tok, TG_JWT_MAX_TOKEN + 1, "token too large");
	free(tok);
	expect_fail(hs, "abcd.abcd.abcd", (size_t)-1, "token too large");
}
END_TEST

/* A properly signed token is refused for its size alone. */
START_TEST(test_too_large_signed)
{
	char *pad = malloc(TG_JWT_MAX_TOKEN);
	char *extra = malloc(TG_JWT_MAX_TOKEN + 32);
	char *tok;

	ck_assert_ptr_nonnull(pad);
	ck_assert_ptr_nonnull(extra);
	memset(pad, 'p', TG_JWT_MAX_TOKEN - 1);
	pad[TG_JWT_MAX_TOKEN - 1] = '\0';
	sprintf(extra, "{\"pad\":\"%s\"}", pad);
	tok = mint_hs(extra, NULL);
	ck_assert_uint_gt(strlen(tok), TG_JWT_MAX_TOKEN);
	fail_and_free(hs, tok, "token too large");
	free(pad);
	free(extra);
}
END_TEST

/* The largest token allowed, exactly TG_JWT_MAX_TOKEN bytes, is good. */
START_TEST(test_exactly_max_size)
{
	char *pad = malloc(TG_JWT_MAX_TOKEN);
	char *payload = malloc(TG_JWT_MAX_TOKEN + 256);
	char *tok = NULL;
	static const char *const headers[] = { "{\"alg\":\"HS256\"}",
		"{\"alg\":\"HS256\",\"typ\":\"JWT\"}" };

	ck_assert_ptr_nonnull(pad);
	ck_assert_ptr_nonnull(payload);
	/* Not every length is reachable with one header, so try two. */
	for (size_t h = 0; h < 2 && !tok; h++) {
		for (size_t n = 5900; n < 6200; n++) {
			char *t;
			size_t len;
			memset(pad, 'p', n);
			pad[n] = '\0';
			sprintf(payload, GOOD_CLAIMS_WITH("\"pad\":\"%s\","), pad);
			t = craft_hs(headers[h], payload);
			len = strlen(t);
			if (len == TG_JWT_MAX_TOKEN) {
				tok = t;
				break;
			}
			free(t);
			if (len > TG_JWT_MAX_TOKEN)
				break;
		}
	}
	ck_assert_ptr_nonnull(tok);
	ok_and_free(hs, tok);
	free(pad);
	free(payload);
}
END_TEST

/* ------------------------------------------------------------------- claims */

START_TEST(test_payload_not_object)
{
	fail_and_free(hs, craft_hs(HS_HEADER, "[1,2,3]"), "malformed claims");
	fail_and_free(hs, craft_hs(HS_HEADER, "\"sub\""), "malformed claims");
	fail_and_free(hs, craft_hs(HS_HEADER, "null"), "malformed claims");
	fail_and_free(hs, craft_hs(HS_HEADER, "not json"), "malformed claims");
	fail_and_free(hs, craft_hs(HS_HEADER, GOOD_CLAIMS "x"), "malformed claims");
	fail_and_free(hs, craft_hs(HS_HEADER, "{\"sub\":\"a\\u0000b\"}"), "malformed claims");
}
END_TEST

START_TEST(test_payload_duplicate_keys)
{
	fail_and_free(hs, craft_hs(HS_HEADER, GOOD_CLAIMS_WITH("\"sub\":\"admin\",")),
	    "malformed claims");
	fail_and_free(hs, craft_hs(HS_HEADER, GOOD_CLAIMS_WITH("\"exp\":4000000000,")),
	    "malformed claims");
}
END_TEST

/* Nesting deeper than jansson's limit is refused, not recursed into until the stack ends. */
START_TEST(test_payload_deep_nesting)
{
	size_t depth = 2100;
	char *payload = malloc(2 * depth + 32);
	size_t n = 0;

	ck_assert_ptr_nonnull(payload);
	n += (size_t)sprintf(payload, "{\"x\":");
	for (size_t i = 0; i < depth; i++)
		payload[n++] = '[';
	for (size_t i = 0; i < depth; i++)
		payload[n++] = ']';
	strcpy(payload + n, "}");
	fail_and_free(hs, craft_hs(HS_HEADER, payload), "malformed claims");
	free(payload);
}
END_TEST

START_TEST(test_exp_required)
{
	fail_and_free(hs, mint_hs(NULL, "exp"), "exp missing");
}
END_TEST

START_TEST(test_exp_not_integer)
{
	fail_and_free(hs, mint_hs("{\"exp\":\"9999999999\"}", NULL), "exp is not an integer");
	fail_and_free(hs, mint_hs("{\"exp\":1900003600.5}", NULL), "exp is not an integer");
	fail_and_free(hs, mint_hs("{\"exp\":1.9e9}", NULL), "exp is not an integer");
	fail_and_free(hs, mint_hs("{\"exp\":null}", NULL), "exp is not an integer");
	fail_and_free(hs, mint_hs("{\"exp\":true}", NULL), "exp is not an integer");
	fail_and_free(hs, mint_hs("{\"exp\":[1900003600]}", NULL), "exp is not an integer");
}
END_TEST

/* Too big for a JSON integer here: jansson refuses the whole payload. */
START_TEST(test_exp_overflowing_integer)
{
	fail_and_free(hs, craft_hs(HS_HEADER, "{\"exp\":99999999999999999999}"),
	    "malformed claims");
}
END_TEST

/*
 * Decision, after RFC 7519 ("on or after"): expired when now >= exp + leeway.
 * With leeway 30: exp = NOW-29 is still good, exp = NOW-30 is expired.
 */
START_TEST(test_expiry_boundary)
{
	char extra[64];

	snprintf(extra, sizeof(extra), "{\"exp\":%lld}", (long long)NOW - 29);
	ok_and_free(hs, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"exp\":%lld}", (long long)NOW - 10);
	ok_and_free(hs, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"exp\":%lld}", (long long)NOW - 30);
	fail_and_free(hs, mint_hs(extra, NULL), "expired");
	snprintf(extra, sizeof(extra), "{\"exp\":%lld}", (long long)NOW - 3600);
	fail_and_free(hs, mint_hs(extra, NULL), "expired");
	fail_and_free(hs, mint_hs("{\"exp\":0}", NULL), "expired");
	fail_and_free(hs, mint_hs("{\"exp\":-1}", NULL), "expired");
}
END_TEST

START_TEST(test_expiry_without_leeway)
{
	tg_jwt_config c = config(TG_JWT_HS256, secret_file);
	tg_jwt_verifier *v;
	char extra[64];

	c.leeway = 0;
	v = tg_jwt_verifier_new(&c, NULL, 0);
	ck_assert_ptr_nonnull(v);
	snprintf(extra, sizeof(extra), "{\"exp\":%lld}", (long long)NOW + 1);
	ok_and_free(v, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"exp\":%lld}", (long long)NOW);
	fail_and_free(v, mint_hs(extra, NULL), "expired");
	tg_jwt_verifier_free(v);
}
END_TEST

/* The extremes of a JSON integer must not overflow exp + leeway or nbf - leeway. */
START_TEST(test_time_extremes)
{
	char extra[96];

	snprintf(extra, sizeof(extra), "{\"exp\":%lld}", LLONG_MAX);
	ok_and_free(hs, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"exp\":%lld}", LLONG_MAX - 10);
	ok_and_free(hs, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"exp\":%lld}", LLONG_MIN);
	fail_and_free(hs, mint_hs(extra, NULL), "expired");
	snprintf(extra, sizeof(extra), "{\"nbf\":%lld}", LLONG_MIN);
	ok_and_free(hs, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"nbf\":%lld}", LLONG_MIN + 10);
	ok_and_free(hs, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"nbf\":%lld}", LLONG_MAX);
	fail_and_free(hs, mint_hs(extra, NULL), "not yet valid");
}
END_TEST

/* Valid on or after nbf - leeway: refused while now + leeway < nbf. */
START_TEST(test_nbf)
{
	char extra[64];

	snprintf(extra, sizeof(extra), "{\"nbf\":%lld}", (long long)NOW - 60);
	ok_and_free(hs, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"nbf\":%lld}", (long long)NOW + 10);
	ok_and_free(hs, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"nbf\":%lld}", (long long)NOW + 30);
	ok_and_free(hs, mint_hs(extra, NULL));
	snprintf(extra, sizeof(extra), "{\"nbf\":%lld}", (long long)NOW + 31);
	fail_and_free(hs, mint_hs(extra, NULL), "not yet valid");
	snprintf(extra, sizeof(extra), "{\"nbf\":%lld}", (long long)NOW + 3600);
	fail_and_free(hs, mint_hs(extra, NULL), "not yet valid");
}
END_TEST

START_TEST(test_nbf_iat_types)
{
	fail_and_free(hs, mint_hs("{\"nbf\":\"0\"}", NULL), "nbf is not an integer");
	fail_and_free(hs, mint_hs("{\"nbf\":1.5}", NULL), "nbf is not an integer");
	fail_and_free(hs, mint_hs("{\"iat\":\"1900000000\"}", NULL), "iat is not an integer");
	fail_and_free(hs, mint_hs("{\"iat\":1.9e9}", NULL), "iat is not an integer");
	/* iat is not compared with the clock: one from the future is still good. */
	ok_and_free(hs, mint_hs("{\"iat\":4000000000}", NULL));
	ok_and_free(hs, mint_hs(NULL, "iat"));
}
END_TEST

START_TEST(test_issuer)
{
	fail_and_free(hs, mint_hs(NULL, "iss"), "iss missing");
	fail_and_free(hs, mint_hs("{\"iss\":42}", NULL), "iss is not a string");
	fail_and_free(hs, mint_hs("{\"iss\":[\"" ISS "\"]}", NULL), "iss is not a string");
	fail_and_free(hs, mint_hs("{\"iss\":\"https://evil.example\"}", NULL), "wrong issuer");
	fail_and_free(hs, mint_hs("{\"iss\":\"HTTPS://IDP.EXAMPLE.NL\"}", NULL), "wrong issuer");
	fail_and_free(hs, mint_hs("{\"iss\":\"" ISS ".evil\"}", NULL), "wrong issuer");
	fail_and_free(hs, mint_hs("{\"iss\":\"https://idp.example\"}", NULL), "wrong issuer");
	fail_and_free(hs, mint_hs("{\"iss\":\"\"}", NULL), "wrong issuer");
}
END_TEST

START_TEST(test_audience)
{
	fail_and_free(hs, mint_hs(NULL, "aud"), "aud missing");
	fail_and_free(hs, mint_hs("{\"aud\":\"other\"}", NULL), "wrong audience");
	fail_and_free(hs, mint_hs("{\"aud\":\"toegang2\"}", NULL), "wrong audience");
	fail_and_free(hs, mint_hs("{\"aud\":\"Toegang\"}", NULL), "wrong audience");
	fail_and_free(hs, mint_hs("{\"aud\":42}", NULL), "aud is malformed");
	fail_and_free(hs, mint_hs("{\"aud\":{\"toegang\":true}}", NULL), "aud is malformed");
	fail_and_free(hs, mint_hs("{\"aud\":null}", NULL), "aud is malformed");
}
END_TEST

START_TEST(test_audience_array)
{
	ok_and_free(hs, mint_hs("{\"aud\":[\"" AUD "\"]}", NULL));
	ok_and_free(hs, mint_hs("{\"aud\":[\"other\",\"" AUD "\"]}", NULL));
	fail_and_free(hs, mint_hs("{\"aud\":[\"other\",\"third\"]}", NULL), "wrong audience");
	fail_and_free(hs, mint_hs("{\"aud\":[]}", NULL), "wrong audience");
	/* A non-string element spoils the array, wherever it stands relative to the match. */
	fail_and_free(hs, mint_hs("{\"aud\":[\"" AUD "\",42]}", NULL), "aud is malformed");
	fail_and_free(hs, mint_hs("{\"aud\":[null,\"" AUD "\"]}", NULL), "aud is malformed");
	fail_and_free(hs, mint_hs("{\"aud\":[[\"" AUD "\"]]}", NULL), "aud is malformed");
}
END_TEST

START_TEST(test_subject)
{
	fail_and_free(hs, mint_hs(NULL, "sub"), "sub missing");
	fail_and_free(hs, mint_hs("{\"sub\":\"\"}", NULL), "sub is empty");
	fail_and_free(hs, mint_hs("{\"sub\":42}", NULL), "sub is not a string");
	fail_and_free(hs, mint_hs("{\"sub\":null}", NULL), "sub is not a string");
	{
		char *tok = mint_hs("{\"sub\":\"x\"}", NULL);
		expect_ok(hs, tok, "x");
		free(tok);
	}
}
END_TEST

/* The reason comes from the first failing check, in the documented order. */
START_TEST(test_check_order)
{
	/* Bad signature wins over bad claims: claims of an unverified token are never read. */
	fail_and_free(hs, craft_hmac(HS_HEADER, "{}", "wrong", 5), "bad signature");
	fail_and_free(hs, craft_hmac(HS_HEADER, "not json", "wrong", 5), "bad signature");
	/* Algorithm before signature. */
	fail_and_free(hs, craft_hmac("{\"alg\":\"none\"}", "{}", "wrong", 5),
	    "algorithm not accepted");
	/* exp before iss/aud/sub. */
	fail_and_free(hs, craft_hs(HS_HEADER, "{\"exp\":1}"), "expired");
	fail_and_free(hs, craft_hs(HS_HEADER, "{}"), "exp missing");
}
END_TEST

START_TEST(test_misuse)
{
	json_t *claims = NULL;
	char *tok = mint_hs(NULL, NULL);

	ck_assert_int_eq(tg_jwt_verify(NULL, tok, strlen(tok), NOW, &claims, NULL), -1);
	ck_assert_int_eq(tg_jwt_verify(hs, NULL, 5, NOW, &claims, NULL), -1);
	ck_assert_int_eq(tg_jwt_verify(hs, tok, strlen(tok), NOW, NULL, NULL), -1);
	ck_assert_ptr_null(claims);
	/* A NULL why is allowed and changes nothing. */
	ck_assert_int_eq(tg_jwt_verify(hs, tok, strlen(tok), NOW, &claims, NULL), 0);
	ck_assert_ptr_nonnull(claims);
	json_decref(claims);
	free(tok);
}
END_TEST

/* The same verifier, many tokens: no state carries over from a refusal. */
START_TEST(test_reuse_after_failures)
{
	for (int i = 0; i < 3; i++) {
		fail_and_free(rs, mint_rs(rsa2_priv, NULL), "bad signature");
		ok_and_free(rs, mint_rs(rsa_priv, NULL));
		fail_and_free(es, mint_es(ec2_priv), "bad signature");
		ok_and_free(es, mint_es(ec_priv));
	}
}
END_TEST

/* ---------------------------------------------------------------------- main */

static Suite *auth_jwt_suite(void)
{
	Suite *s = suite_create("auth_jwt");
	TCase *tc;

	tc = tcase_create("alg_parse");
	tcase_add_test(tc, test_alg_parse);
	tcase_add_test(tc, test_alg_parse_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("verifier_new");
	tcase_add_test(tc, test_new_missing_file);
	tcase_add_test(tc, test_new_no_file_name);
	tcase_add_test(tc, test_new_directory);
	tcase_add_test(tc, test_new_empty_secret);
	tcase_add_test(tc, test_new_secret_only_newline);
	tcase_add_test(tc, test_new_secret_too_large);
	tcase_add_test(tc, test_new_secret_at_cap);
	tcase_add_test(tc, test_new_secret_strips_one_newline);
	tcase_add_test(tc, test_new_rsa_key_for_es256);
	tcase_add_test(tc, test_new_ec_key_for_rs256);
	tcase_add_test(tc, test_new_ec_p384_for_es256);
	tcase_add_test(tc, test_new_rsa_1024_refused);
	tcase_add_test(tc, test_new_private_key_file);
	tcase_add_test(tc, test_new_not_pem);
	tcase_add_test(tc, test_new_leeway_range);
	tcase_add_test(tc, test_new_issuer_audience_required);
	tcase_add_test(tc, test_new_bad_alg_and_null);
	suite_add_tcase(s, tc);

	tc = tcase_create("good");
	tcase_add_test(tc, test_hs256_good);
	tcase_add_test(tc, test_rs256_good);
	tcase_add_test(tc, test_es256_good);
	tcase_add_test(tc, test_hand_signed_good);
	tcase_add_test(tc, test_claims_returned);
	tcase_add_test(tc, test_typ);
	tcase_add_test(tc, test_crit_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("algorithm");
	tcase_add_test(tc, test_alg_none);
	tcase_add_test(tc, test_alg_none_case_variants);
	tcase_add_test(tc, test_hs256_with_public_key_as_secret);
	tcase_add_test(tc, test_wrong_alg_for_verifier);
	suite_add_tcase(s, tc);

	tc = tcase_create("signature");
	tcase_add_test(tc, test_rs256_wrong_key);
	tcase_add_test(tc, test_es256_wrong_key);
	tcase_add_test(tc, test_hs256_wrong_secret);
	tcase_add_test(tc, test_key_headers_ignored);
	tcase_add_test(tc, test_tampered_payload);
	tcase_add_test(tc, test_flipped_signature_bit);
	tcase_add_test(tc, test_es256_signature_length);
	tcase_add_test(tc, test_es256_degenerate_signature);
	tcase_add_test(tc, test_hs256_signature_length);
	tcase_add_test(tc, test_rs256_signature_length);
	tcase_add_test(tc, test_reuse_after_failures);
	suite_add_tcase(s, tc);

	tc = tcase_create("shape");
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_garbage_shapes);
	tcase_add_test(tc, test_not_base64url);
	tcase_add_test(tc, test_padding_refused);
	tcase_add_test(tc, test_nonzero_trailing_bits);
	tcase_add_test(tc, test_embedded_nul);
	tcase_add_test(tc, test_header_not_json);
	tcase_add_test(tc, test_header_not_object);
	tcase_add_test(tc, test_header_duplicate_keys);
	tcase_add_test(tc, test_misuse);
	suite_add_tcase(s, tc);

	tc = tcase_create("size");
	tcase_add_test(tc, test_too_large);
	tcase_add_test(tc, test_too_large_signed);
	tcase_add_test(tc, test_exactly_max_size);
	suite_add_tcase(s, tc);

	tc = tcase_create("claims");
	tcase_add_test(tc, test_payload_not_object);
	tcase_add_test(tc, test_payload_duplicate_keys);
	tcase_add_test(tc, test_payload_deep_nesting);
	tcase_add_test(tc, test_exp_required);
	tcase_add_test(tc, test_exp_not_integer);
	tcase_add_test(tc, test_exp_overflowing_integer);
	tcase_add_test(tc, test_expiry_boundary);
	tcase_add_test(tc, test_expiry_without_leeway);
	tcase_add_test(tc, test_time_extremes);
	tcase_add_test(tc, test_nbf);
	tcase_add_test(tc, test_nbf_iat_types);
	tcase_add_test(tc, test_issuer);
	tcase_add_test(tc, test_audience);
	tcase_add_test(tc, test_audience_array);
	tcase_add_test(tc, test_subject);
	tcase_add_test(tc, test_check_order);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	int rc;

	fixture_setup();
	rc = tg_run_suite(auth_jwt_suite());
	fixture_teardown();
	return rc;
}
