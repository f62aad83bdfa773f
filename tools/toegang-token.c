/*
 * toegang-token: mints a JWT for development and tests, with libjwt.
 *
 *   toegang-token -k var/jwt.secret -r huisarts
 *   toegang-token -k key.pem -a RS256 -r ouder -c bsn=111222333 -t 600
 *
 * Every role gets a dev identity claim unless -c sets it or -d drops it, so
 * that one flag gives a usable token; -c/-j/-d make any other token, good or
 * bad, that a test needs. Never give it a production key.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <jwt.h>

static const struct {
	const char *role, *claim, *value;
} dev_identity[] = {
	{ "huisarts", "agb", "01234567" }, { "jeugdarts", "agb", "01234568" },
	{ "medisch_specialist", "agb", "01234569" }, { "aanbieder", "agb", "98765432" },
	{ "gi", "org", "00000001234567890000" }, { "rechter", "org", "00000001234567890001" },
	{ "om", "org", "00000001234567890002" }, { "jji", "org", "00000001234567890003" },
	{ "cjg", "gemeente", "0301" }, { "plein", "gemeente", "0301" },
	{ "gst", "gemeente", "0301" }, { "beheerder", "gemeente", "0301" },
	{ "ouder", "bsn", "111222333" }, { "jeugdige", "bsn", "123456782" },
};

static void usage(FILE *f)
{
	fprintf(f,
	    "usage: toegang-token -k KEYFILE -r ROLE [options]\n"
	    "  -k FILE   HS256 secret file, or PEM private key for RS256/ES256\n"
	    "  -a ALG    HS256 (default), RS256 or ES256\n"
	    "  -r ROLE   the role claim (huisarts, ouder, cjg, ...)\n"
	    "  -s SUB    the sub claim (default dev-<role>)\n"
	    "  -i ISS    the iss claim (default toegang-dev)\n"
	    "  -u AUD    the aud claim (default toegang)\n"
	    "  -t SECS   lifetime: exp = now + SECS (default 3600; negative makes it expired)\n"
	    "  -c K=V    a string claim (replaces a default)\n"
	    "  -j K=JSON a claim with a JSON value, e.g. -j exp='\"123\"'\n"
	    "  -d K      leave claim K out (e.g. -d exp, -d agb)\n");
}

static char *read_key(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;
	if (!f)
		return NULL;
	buf = malloc(16384);
	if (!buf) {
		fclose(f);
		return NULL;
	}
	n = fread(buf, 1, 16383, f);
	fclose(f);
	buf[n] = '\0';
	/* A secret file ends with a newline that is not part of the secret (as the daemon reads it). */
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (n && buf[n - 1] == '\r')
		buf[--n] = '\0';
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	const char *keyfile = NULL, *alg_name = "HS256", *role = NULL, *sub = NULL;
	const char *iss = "toegang-dev", *aud = "toegang";
	long ttl = 3600;
	json_t *claims = json_object();
	json_t *drops = json_array();
	jwt_t *jwt = NULL;
	jwt_alg_t alg;
	char *key = NULL, *out = NULL, *text = NULL, subbuf[64];
	size_t keylen = 0;
	int opt, rc = 1;
	time_t now = time(NULL);

	if (!claims || !drops)
		return 1;
	while ((opt = getopt(argc, argv, "k:a:r:s:i:u:t:c:j:d:h")) != -1) {
		char *eq;
		switch (opt) {
		case 'k': keyfile = optarg; break;
		case 'a': alg_name = optarg; break;
		case 'r': role = optarg; break;
		case 's': sub = optarg; break;
		case 'i': iss = optarg; break;
		case 'u': aud = optarg; break;
		case 't': ttl = strtol(optarg, NULL, 10); break;
		case 'c':
		case 'j':
			eq = strchr(optarg, '=');
			if (!eq) {
				usage(stderr);
				goto out;
			}
			*eq = '\0';
			if (opt == 'c') {
				json_object_set_new(claims, optarg, json_string(eq + 1));
			} else {
				json_t *v = json_loads(eq + 1, JSON_DECODE_ANY, NULL);
				if (!v) {
					fprintf(stderr, "toegang-token: -j %s: not JSON\n", optarg);
					goto out;
				}
				json_object_set_new(claims, optarg, v);
			}
			break;
		case 'd': json_array_append_new(drops, json_string(optarg)); break;
		case 'h': usage(stdout); rc = 0; goto out;
		default: usage(stderr); goto out;
		}
	}
	if (!keyfile || !role || optind != argc) {
		usage(stderr);
		goto out;
	}
	alg = jwt_str_alg(alg_name);
	if (alg != JWT_ALG_HS256 && alg != JWT_ALG_RS256 && alg != JWT_ALG_ES256) {
		fprintf(stderr, "toegang-token: -a must be HS256, RS256 or ES256\n");
		goto out;
	}
	key = read_key(keyfile, &keylen);
	if (!key || keylen == 0) {
		fprintf(stderr, "toegang-token: cannot read a key from %s\n", keyfile);
		goto out;
	}
	if (!sub) {
		snprintf(subbuf, sizeof(subbuf), "dev-%s", role);
		sub = subbuf;
	}
	/* Defaults first, where the caller set nothing. */
	{
		json_t *d = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I}", "iss", iss, "aud", aud, "sub",
		    sub, "role", role, "iat", (json_int_t)now, "exp", (json_int_t)(now + ttl));
		if (!d)
			goto out;
		for (size_t i = 0; i < sizeof(dev_identity) / sizeof(dev_identity[0]); i++)
			if (strcmp(dev_identity[i].role, role) == 0)
				json_object_set_new(d, dev_identity[i].claim,
				    json_string(dev_identity[i].value));
		json_object_update_missing(claims, d);
		json_decref(d);
	}
	{
		size_t i;
		json_t *name;
		json_array_foreach(drops, i, name) json_object_del(claims, json_string_value(name));
	}
	text = json_dumps(claims, JSON_COMPACT);
	if (!text || jwt_new(&jwt) != 0 || jwt_add_grants_json(jwt, text) != 0 ||
	    jwt_set_alg(jwt, alg, (const unsigned char *)key, (int)keylen) != 0) {
		fprintf(stderr, "toegang-token: cannot build the token\n");
		goto out;
	}
	out = jwt_encode_str(jwt);
	if (!out) {
		fprintf(stderr, "toegang-token: signing failed: %s\n", strerror(errno));
		goto out;
	}
	printf("%s\n", out);
	rc = 0;
out:
	free(out);
	jwt_free(jwt);
	free(text);
	free(key);
	json_decref(claims);
	json_decref(drops);
	return rc;
}
