/*
 * devtoken: the dev stack's sign-in. POST /api/v1/dev/token mints an HS256
 * token for a role and its identity claim, so that the web pages can be used
 * and tested without an identity provider. It is off twice over: the plugin
 * is not in the shipped `plugins` list (tools/stack adds it), and even when
 * loaded it answers 404, as an unknown path, unless `devtoken.enabled = yes`.
 * A deployment that verifies RS256/ES256 tokens of its identity provider
 * refuses these HS256 tokens anyway; one that runs HS256 must never enable it.
 *
 * Keys: devtoken.enabled (yes/no, default no), devtoken.secret_file (the
 * daemon's jwt_hs256_secret_file), devtoken.issuer (toegang-dev),
 * devtoken.audience (toegang), devtoken.lifetime (seconds, 60-43200, 3600).
 */
#include <toegang/plugin.h>

#include <errno.h>
#include <jwt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "principal.h"

#define SECRET_MAX 4096

typedef struct devtoken {
	int enabled;
	unsigned char secret[SECRET_MAX];
	size_t secret_len;
	char issuer[128];
	char audience[128];
	long lifetime;
} devtoken;

/* Why a value of an identity claim was refused, for the sign-in page. */
static const char *claim_reason(const char *claim)
{
	if (strcmp(claim, "agb") == 0)
		return "een AGB-code is 8 cijfers";
	if (strcmp(claim, "org") == 0)
		return "1 tot 64 tekens: letters, cijfers, '.', '_' of '-'";
	if (strcmp(claim, "bsn") == 0)
		return "een BSN is 9 cijfers en voldoet aan de elfproef";
	return "een CBS-gemeentecode is 4 cijfers, bijvoorbeeld 0301";
}

static void add_param(json_t *params, const char *name, const char *reason)
{
	json_array_append_new(params, json_pack("{s:s, s:s}", "name", name, "reason", reason));
}

static tg_outcome mint(tg_request *req, const tg_services *svc, void *state)
{
	const devtoken *dt = state;
	json_t *body = NULL, *params = NULL, *answer = NULL;
	const char *role, *claim = NULL, *value = NULL, *key;
	int r = -1;
	json_t *v;
	jwt_t *jwt = NULL;
	char *token = NULL, sub[64];
	time_t now;
	tg_outcome out = TG_DONE;

	if (!dt->enabled) {
		svc->send_problem(req, 404, "not-found", "Not Found", "Deze pagina bestaat niet.", NULL);
		return TG_DONE;
	}
	if (svc->read_json(req, &body) != 0)
		return TG_DONE;
	params = json_array();
	if (!params) {
		json_decref(body);
		return TG_FAIL_INTERNAL;
	}
	if (!json_is_object(body)) {
		svc->send_problem(req, 422, "invalid-body", "Unprocessable Content",
		    "De inhoud moet een JSON-object zijn.", NULL);
		goto done;
	}
	/* The role table and the claim checks are the verifier's own (core/principal.c). */
	role = json_string_value(json_object_get(body, "role"));
	if (!role || (r = tg_role_parse(role)) < 0)
		add_param(params, "role", "onbekende rol");
	else {
		claim = tg_identity_claim(tg_role_identity((tg_role)r));
		value = json_string_value(json_object_get(body, claim));
		if (!tg_identity_valid(tg_role_identity((tg_role)r), value))
			add_param(params, claim, claim_reason(claim));
	}
	json_object_foreach(body, key, v) {
		if (strcmp(key, "role") != 0 && (!claim || strcmp(key, claim) != 0))
			add_param(params, key, "onbekend veld voor deze rol");
	}
	if (json_array_size(params) > 0) {
		svc->send_problem(req, 422, "validation", "Unprocessable Content",
		    "Er is geen token gemaakt: invalid-params noemt wat er niet klopt.", params);
		goto done;
	}

	now = svc->now();
	snprintf(sub, sizeof(sub), "dev-%s", role);
	if (jwt_new(&jwt) != 0 || jwt_add_grant(jwt, "iss", dt->issuer) != 0 ||
	    jwt_add_grant(jwt, "aud", dt->audience) != 0 || jwt_add_grant(jwt, "sub", sub) != 0 ||
	    jwt_add_grant(jwt, "role", role) != 0 || jwt_add_grant(jwt, claim, value) != 0 ||
	    jwt_add_grant_int(jwt, "iat", (long)now) != 0 ||
	    jwt_add_grant_int(jwt, "exp", (long)now + dt->lifetime) != 0 ||
	    jwt_set_alg(jwt, JWT_ALG_HS256, dt->secret, (int)dt->secret_len) != 0 ||
	    !(token = jwt_encode_str(jwt))) {
		out = TG_FAIL_INTERNAL;
		goto done;
	}
	answer = json_pack("{s:s, s:s, s:I, s:s, s:s}", "token", token, "token_type", "Bearer",
	    "expires_in", (json_int_t)dt->lifetime, "role", role, "identity_claim", claim);
	if (!answer) {
		out = TG_FAIL_INTERNAL;
		goto done;
	}
	svc->log(req, TG_LOG_INFO, "dev-token", role);
	svc->send_json(req, 200, answer, NULL);
done:
	if (token)
		free(token);
	jwt_free(jwt);
	json_decref(answer);
	json_decref(params);
	json_decref(body);
	return out;
}

static int read_secret(devtoken *dt, const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t n;
	if (!f)
		return -1;
	n = fread(dt->secret, 1, sizeof(dt->secret), f);
	fclose(f);
	/* toegang's own verifier strips one trailing newline of the file too. */
	while (n > 0 && (dt->secret[n - 1] == '\n' || dt->secret[n - 1] == '\r'))
		n--;
	if (n < 32 || n == sizeof(dt->secret))
		return -1;
	dt->secret_len = n;
	return 0;
}

static int copy_key(const tg_services *svc, const char *key, const char *dflt, char *out, size_t size)
{
	const char *v = svc->config("devtoken", key);
	if (!v)
		v = dflt;
	if (strlen(v) == 0 || strlen(v) >= size)
		return -1;
	memcpy(out, v, strlen(v) + 1);
	return 0;
}

static int init(const tg_services *svc, void **state)
{
	const char *enabled, *secret_file, *lifetime;
	devtoken *dt;
	char *end;

	if (svc->abi != TOEGANG_PLUGIN_ABI || svc->size < sizeof(tg_services))
		return -1;
	dt = calloc(1, sizeof(*dt));
	if (!dt)
		return -1;
	*state = dt;
	enabled = svc->config("devtoken", "enabled");
	if (!enabled || strcmp(enabled, "no") == 0)
		return 0;
	if (strcmp(enabled, "yes") != 0) {
		svc->log(NULL, TG_LOG_ERROR, "devtoken-config", "devtoken.enabled must be yes or no");
		return -1;
	}
	secret_file = svc->config("devtoken", "secret_file");
	if (!secret_file || read_secret(dt, secret_file) != 0) {
		svc->log(NULL, TG_LOG_ERROR, "devtoken-config",
		    "devtoken.secret_file must name a readable HS256 secret of 32 to 4095 bytes");
		return -1;
	}
	if (copy_key(svc, "issuer", "toegang-dev", dt->issuer, sizeof(dt->issuer)) != 0 ||
	    copy_key(svc, "audience", "toegang", dt->audience, sizeof(dt->audience)) != 0) {
		svc->log(NULL, TG_LOG_ERROR, "devtoken-config",
		    "devtoken.issuer and devtoken.audience are 1 to 127 bytes");
		return -1;
	}
	dt->lifetime = 3600;
	lifetime = svc->config("devtoken", "lifetime");
	if (lifetime) {
		errno = 0;
		dt->lifetime = strtol(lifetime, &end, 10);
		if (errno || *end || end == lifetime || dt->lifetime < 60 || dt->lifetime > 43200) {
			svc->log(NULL, TG_LOG_ERROR, "devtoken-config",
			    "devtoken.lifetime is a whole number of seconds, 60 to 43200");
			return -1;
		}
	}
	dt->enabled = 1;
	svc->log(NULL, TG_LOG_WARN, "devtoken-enabled",
	    "POST /api/v1/dev/token mints tokens for any role: a dev stack only, never production");
	return 0;
}

static void fini(void *state)
{
	devtoken *dt = state;
	if (dt)
		memset(dt->secret, 0, sizeof(dt->secret));
	free(dt);
}

static const tg_route routes[] = {
	{ "POST", "/api/v1/dev/token", mint, TG_ROUTE_PUBLIC },
};

static const tg_plugin descriptor = TG_PLUGIN_DESCRIPTOR_INIT("devtoken", "1.0", routes, init, fini);

TG_EXPORT const tg_plugin *toegang_plugin_describe(void);
const tg_plugin *toegang_plugin_describe(void) { return &descriptor; }
