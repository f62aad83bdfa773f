/*
 * Every route that takes a body, driven through the daemon's own request
 * path: the core's dispatcher, router, JWT verifier, request reader,
 * services table and response writer, and the plugins as toegangd loads
 * them (shared objects, with the core's loader and the shipped plugin list
 * of etc/toegang.conf plus devtoken). Only libfcgi and PostgreSQL are played
 * (fake_fcgi.c, fake_db.c), so validation runs exactly as in the daemon up
 * to the first query; a CJG action also gets its zaak, so the rules across
 * fields, the toewijzingsvarianten and the PGB and GGZ checks run too.
 *
 * The routes are not listed here: at start every POST/PUT/PATCH/DELETE
 * route of every loaded plugin is called once, and each one that reads its
 * body is fuzzed (JSON ones by fuzz_routes; the others, the iJw XML, by
 * fuzz_jw315, the same file built with FUZZ_BODY_XML). A new route is
 * fuzzed without a change here; tests/fuzz/run.sh fails while it has no
 * seed in tests/fuzz/corpus.
 *
 * Input: one line "METHOD /pattern [role] [f<N>] [k=KEY] [ct=TYPE]", then
 * the body. The pattern names a route as FUZZ_LIST_ROUTES=1 prints it (a
 * line that names none picks one by its hash); role is one the route admits
 * (else its first); f<N> makes the N-th database operation fail as a lost
 * connection; k= and ct= replace the Idempotency-Key and Content-Type.
 *
 * Checked for every request: one well-formed answer; never a 5xx but the
 * 503 of a lost connection, and that 503 whenever one was lost; every error
 * problem+json with type, title, status and detail, 422 validation with
 * invalid-params {name, reason}; no BSN in a detail, reason, log message or
 * access-log field; no transaction left open; and what reaches the first
 * write (a new zaak, an action's step) is what validation promised: BSNs
 * that pass the 11-proef, real dates, known gemeenten, the age rule, deadlines
 * on real dates, a calculation for every PGB product.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core.h"
#include "dispatch.h"
#include "fake_db.h"
#include "fake_fcgi.h"
#include "fields.h"
#include "fuzz_common.h"
#include "principal.h"
#include "procedure.h"
#include "pseudonym.h"
#include "regio.h"
#include "services.h"
#include "validate.h"
#include "zaak_input.h"

#ifndef FUZZ_BODY_XML
#define FUZZ_BODY_XML 0
#endif

#define REGIO "0301 0262 0200"
#define EIGEN_GEMEENTE "0301"
#define ZAAK_ID "3f2b8c1e-0d6a-4e7b-9c55-2a1d4e6f8a90"
#define TODAY "2026-03-16"

typedef struct target {
	char key[160];       /* "POST /api/v1/zaken/{id}/acties/beschikken" */
	char path[256];      /* the request path */
	const tg_route *route;
	const char *content_type;
	const char *actie;   /* a CJG action's name, or NULL */
} target;

#define MAX_TARGETS 64

static tg_core core;
static target targets[MAX_TARGETS];
static size_t ntargets;
static char *tokens[TG_ROLE__MAX];
static const char *identities[] = {
	[TG_IDENTITY_AGB] = "12345678",
	[TG_IDENTITY_ORG] = "00000001003214345000",
	[TG_IDENTITY_BSN] = "111222333",
	[TG_IDENTITY_GEMEENTE] = EIGEN_GEMEENTE,
};

/* FUZZ_TRACE=1: one line per request (for reading a seed's path). */
static bool trace;

/* What the request in hand is, for the statement checks. */
static const target *cur_target;
static tg_role cur_role;
static zk_date today;

/* ------------------------------------------------------------------ start */

static void die(const char *what, const char *err)
{
	fprintf(stderr, "fuzz_routes: %s: %s\n", what, err);
	exit(1);
}

static void set(const char *key, const char *value)
{
	char err[512];
	if (tg_config_set(&core.config, key, value, err, sizeof(err)) != 0)
		die(key, err);
}

static char *mint(tg_role role)
{
	tg_identity_kind kind = tg_role_identity(role);
	char payload[512];
	int n = snprintf(payload, sizeof(payload),
	    "{\"iss\":\"toegang-dev\",\"aud\":\"toegang\",\"sub\":\"fuzz-%s\",\"role\":\"%s\","
	    "\"%s\":\"%s\",\"iat\":%lld,\"exp\":%lld}",
	    tg_role_name(role), tg_role_name(role), tg_identity_claim(kind), identities[kind],
	    (long long)FZ_NOW, (long long)FZ_NOW + 86400);
	static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
	return fz_hs256_token((const unsigned char *)FZ_SECRET, strlen(FZ_SECRET), header,
	    sizeof(header) - 1, payload, (size_t)n);
}

static void start_core(void)
{
	char err[1024], plugins[512];
	tg_jwt_config jc = { .alg = TG_JWT_HS256, .issuer = "toegang-dev", .audience = "toegang",
		.leeway = 30 };
	static const char pkey[] = "fuzz-pseudonym-key-0123456789abcdef0123456789";
	const char *secret = fz_scratch_file("jwt.secret", FZ_SECRET "\n", strlen(FZ_SECRET) + 1);
	const char *keyfile = fz_scratch_file("pseudonym.key", pkey, sizeof(pkey) - 1);

	/* The shipped configuration and plugin list, with the dev stack's overrides (tools/stack). */
	if (tg_config_load(&core.config, FUZZ_SRC "/etc/toegang.conf", err, sizeof(err)) != 0)
		die("etc/toegang.conf", err);
	snprintf(plugins, sizeof(plugins), "%s devtoken", core.config.plugins);
	set("plugins", plugins);
	set("plugin_dir", FUZZ_PLUGINDIR);
	set("data_dir", FUZZ_SRC "/data");
	set("regio", REGIO);
	set("jwt_alg", "HS256");
	set("jwt_hs256_secret_file", secret);
	set("jwt_issuer", "toegang-dev");
	set("pseudonym_key_file", keyfile);
	set("devtoken.enabled", "yes");
	set("devtoken.secret_file", secret);
	jc.key_file = secret;
	if (!(core.verifier = tg_jwt_verifier_new(&jc, err, sizeof(err))))
		die("jwt", err);
	if (tg_pseudonym_load(keyfile, err, sizeof(err)) != 0)
		die("pseudonym", err);
	core.router = tg_router_new();
	if (!core.router || tg_dispatch_register_core_routes(core.router, err, sizeof(err)) != 0)
		die("routes", err);
	if (tg_services_init(&core.config) != 0)
		die("services", "cannot register");
	if (tg_plugins_load(&core.config, core.router, tg_services_table(), &core.plugins, err,
	    sizeof(err)) != 0)
		die("plugins", err);
	for (int r = 0; r < TG_ROLE__MAX; r++)
		if (!(tokens[r] = mint((tg_role)r)))
			die("token", "cannot mint");
	/* The harness's own copy of the code lists and region, for its checks. */
	if (zk_codelijsten_load(FUZZ_SRC "/data/codelijsten", err, sizeof(err)) != 0 ||
	    zk_regio_load(REGIO, &zk_gemeenten, err, sizeof(err)) != 0)
		die("code lists", err);
}

/* ---------------------------------------------------------------- requests */

static tg_role role_for(const tg_route *route, const char *wanted)
{
	int r = wanted ? tg_role_parse(wanted) : -1;
	if (r >= 0 && (route->roles & TG_ROLE_BIT(r)))
		return (tg_role)r;
	for (r = 0; r < TG_ROLE__MAX; r++)
		if (route->roles & TG_ROLE_BIT(r))
			return (tg_role)r;
	return TG_ROLE__MAX; /* public */
}

/* One request through the dispatcher; the answer stays in f (fz_fcgi_free it). */
static const char *idempotency_key = "fuzz-1";

static void request(fz_fcgi *f, const target *t, const char *content_type, tg_role role,
    const void *body, size_t len, const fz_zaak *zaak, int fail_at, fz_db_hook hook)
{
	char cl[32], auth[1024];
	fz_fcgi_start(f, body, len);
	snprintf(cl, sizeof(cl), "%zu", len);
	fz_fcgi_param(f, "REQUEST_METHOD", t->route->method);
	fz_fcgi_param(f, "REQUEST_URI", t->path);
	fz_fcgi_param(f, "CONTENT_TYPE", content_type);
	fz_fcgi_param(f, "CONTENT_LENGTH", cl);
	fz_fcgi_param(f, "REQUEST_ID", "fuzz");
	fz_fcgi_param(f, "REMOTE_ADDR", "127.0.0.1");
	fz_fcgi_param(f, "HTTP_IDEMPOTENCY_KEY", idempotency_key);
	if (role != TG_ROLE__MAX) {
		snprintf(auth, sizeof(auth), "Bearer %s", tokens[role]);
		fz_fcgi_param(f, "HTTP_AUTHORIZATION", auth);
	}
	fz_log_reset();
	fz_db_reset(zaak, fail_at, hook);
	cur_target = t;
	cur_role = role;
	tg_dispatch(&core, &f->req);
}

static int answer_status(const fz_fcgi *f)
{
	fz_answer a;
	const char *why;
	int status;
	if (fz_answer_parse(f, &a, &why) != 0)
		return -1;
	status = a.status;
	fz_answer_free(&a);
	return status;
}

static void add_target(const tg_route *route, const char *path, const char *key, const char *actie,
    const char *content_type)
{
	target *t;
	if (ntargets == MAX_TARGETS)
		die("routes", "more than MAX_TARGETS body routes: raise it in tests/fuzz/fuzz_routes.c");
	t = &targets[ntargets++];
	snprintf(t->key, sizeof(t->key), "%s %s", route->method, key);
	snprintf(t->path, sizeof(t->path), "%s", path);
	t->route = route;
	t->actie = actie;
	t->content_type = content_type;
}

/*
 * Calls the route once: with a JSON body; when it answers 415, with XML.
 * It is a target of this harness when it read the body in the kind this
 * harness fuzzes.
 */
static void probe(const tg_route *route, const char *path, const char *key, const char *actie)
{
	fz_fcgi f;
	tg_role role = role_for(route, NULL);
	target t = { .route = route };

	snprintf(t.path, sizeof(t.path), "%s", path);
	request(&f, &t, "application/json", role, "{}", 2, NULL, 0, NULL);
	if (f.reads > 0) {
		if (!FUZZ_BODY_XML)
			add_target(route, path, key, actie, "application/json");
	} else if (answer_status(&f) == 415) {
		fz_fcgi_free(&f);
		request(&f, &t, "application/xml", role, "<x/>", 4, NULL, 0, NULL);
		if (f.reads > 0 && FUZZ_BODY_XML)
			add_target(route, path, key, actie, "application/xml");
	} else if (getenv("FUZZ_LIST_ROUTES")) {
		printf("# %s %s reads no body (answered %d): not fuzzed\n", route->method, key,
		    answer_status(&f));
	}
	fz_fcgi_free(&f);
}

/* Fills the pattern's parameters; {actie} once per action of the procedure. */
static void expand(const tg_route *route)
{
	char path[256], key[256];
	const char *p = route->pattern;
	size_t o = 0, k = 0;
	const char *actie_at = NULL;

	while (*p && o < sizeof(path) - 64) {
		if (*p == '{') {
			const char *end = strchr(p, '}');
			size_t n = end ? (size_t)(end - p - 1) : 0;
			const char *value = NULL;
			if (n == 2 && strncmp(p + 1, "id", 2) == 0)
				value = ZAAK_ID;
			else if (n == 2 && strncmp(p + 1, "nr", 2) == 0)
				value = "1";
			else if (n == 5 && strncmp(p + 1, "actie", 5) == 0)
				actie_at = path + o, value = "";
			else {
				fprintf(stderr, "fuzz_routes: %s %s: no value for the path parameter %.*s; "
				    "give it one in tests/fuzz/fuzz_routes.c (expand)\n", route->method,
				    route->pattern, (int)(n + 2), p);
				exit(1);
			}
			memcpy(key + k, p, n + 2);
			k += n + 2;
			o += (size_t)snprintf(path + o, sizeof(path) - o, "%s", value);
			p = end + 1;
			continue;
		}
		key[k++] = *p;
		path[o++] = *p++;
	}
	path[o] = key[k] = '\0';
	if (!actie_at) {
		probe(route, path, key, NULL);
		return;
	}
	/* {actie} is the last segment: one target per distinct action. */
	for (size_t i = 0; i < zk_nactions; i++) {
		char full[256], fullkey[256];
		const char *name = zk_actions[i].name;
		if (zk_action_first(name) != &zk_actions[i])
			continue;
		snprintf(full, sizeof(full), "%.*s%s", (int)(actie_at - path), path, name);
		snprintf(fullkey, sizeof(fullkey), "%.*s%s", (int)(strlen(key) - strlen("{actie}")), key,
		    name);
		probe(route, full, fullkey, name);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	fz_log_echo(getenv("FUZZ_LOG") != NULL);
	trace = getenv("FUZZ_TRACE") != NULL;
	zk_date_parse(TODAY, &today);
	start_core();
	for (size_t i = 0; i < core.plugins.n; i++) {
		const tg_plugin *d = core.plugins.items[i].desc;
		for (size_t r = 0; r < d->nroutes; r++)
			if (strcmp(d->routes[r].method, "GET") != 0 && strcmp(d->routes[r].method, "HEAD") != 0)
				expand(&d->routes[r]);
	}
	if (ntargets == 0)
		die("routes", "no route reads a body of this kind");
	if (getenv("FUZZ_LIST_ROUTES")) {
		for (size_t i = 0; i < ntargets; i++)
			printf("%s\n", targets[i].key);
		exit(0);
	}
	return 0;
}

/* ------------------------------------------------------------------ checks */

static bool text_ok(const char *s, size_t max_bytes)
{
	json_t *j = s ? json_string(s) : NULL; /* NULL for invalid UTF-8 */
	bool ok = j && strlen(s) <= max_bytes;
	json_decref(j);
	for (const unsigned char *p = (const unsigned char *)s; ok && *p; p++)
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
			ok = false;
	return ok;
}

static bool date_ok(const char *s, zk_date *d)
{
	zk_date tmp;
	char back[16];
	if (!d)
		d = &tmp;
	if (!s || !zk_date_parse(s, d))
		return false;
	snprintf(back, sizeof(back), "%04d-%02d-%02d", d->y, d->m, d->d);
	return strcmp(back, s) == 0;
}

static bool gemeente_ok(const char *s) { return s && tg_is_digits(s, 4) && zk_codelijst_has(&zk_gemeenten, s); }

static void check_create(int n, const char *const *p)
{
	json_t *b;
	const json_t *person;
	size_t i, ngezag = 0;
	const char *first_gemeente = NULL;
	bool apart = false;

	FZ_ASSERT(n == 31, "zaak_create with %d parameters", n);
	FZ_ASSERT(gemeente_ok(p[1]), "verantwoordelijke gemeente %s", p[1] ? p[1] : "(null)");
	FZ_ASSERT(gemeente_ok(p[24]) && zk_regio_lid(p[24]), "behandelende gemeente %s outside the region",
	    p[24] ? p[24] : "(null)");
	FZ_ASSERT(strcmp(p[25], zk_regio_lid(p[1]) ? "false" : "true") == 0, "buiten_regio %s for %s",
	    p[25], p[1]);
	FZ_ASSERT(text_ok(p[3], 4 * 4000) && *p[3], "the hulpvraag is no text of at most 4000 characters");
	FZ_ASSERT(tg_valid_visible_ascii(p[17], 200), "Idempotency-Key %s", p[17] ? p[17] : "(null)");
	FZ_ASSERT(strcmp(p[6], tg_role_name(cur_role)) == 0, "role %s stored for a %s", p[6],
	    tg_role_name(cur_role));
	if (p[20]) {
		zk_date d;
		FZ_ASSERT(date_ok(p[20], &d) && zk_date_cmp(&d, &today) <= 0, "uitspraakdatum %s", p[20]);
	}
	b = json_loads(p[15], 0, NULL);
	FZ_ASSERT(json_is_array(b), "betrokkenen %s", p[15]);
	json_array_foreach(b, i, person) {
		const char *rol = json_string_value(json_object_get(person, "rol"));
		const char *bsn = json_string_value(json_object_get(person, "bsn"));
		FZ_ASSERT(bsn && fz_elfproef(bsn, strlen(bsn)), "a BSN that fails the 11-proef was stored");
		FZ_ASSERT(text_ok(json_string_value(json_object_get(person, "naam")), 4 * 200),
		    "a name that is no text");
		if (rol && strcmp(rol, "jeugdige") == 0) {
			zk_date birth;
			int age;
			FZ_ASSERT(date_ok(json_string_value(json_object_get(person, "geboortedatum")), &birth),
			    "a geboortedatum that is no date");
			age = zk_age_on(&birth, &today);
			FZ_ASSERT(zk_date_cmp(&birth, &today) <= 0 && age < 23, "a jeugdige of %d years", age);
			FZ_ASSERT(age < 18 || strcmp(p[5], "true") == 0, "18 or over without voortzetting");
		} else {
			const char *g = json_string_value(json_object_get(person, "gemeente"));
			FZ_ASSERT(gemeente_ok(g), "a gezaghebbende's gemeente %s", g ? g : "(null)");
			if (!first_gemeente)
				first_gemeente = g;
			else if (strcmp(first_gemeente, g) != 0)
				apart = true;
			ngezag++;
		}
	}
	if (FUZZ_BODY_XML) {
		/* A JW315 names no gezaghebbenden: the CJG settles the woonplaats. */
		FZ_ASSERT(ngezag == 0 && strcmp(p[2], "true") == 0, "a JW315 zaak with gezaghebbenden");
	} else {
		FZ_ASSERT(ngezag >= 1 && ngezag <= 4, "%zu gezaghebbenden", ngezag);
		FZ_ASSERT(strcmp(first_gemeente, p[1]) == 0, "verantwoordelijke gemeente is not the first "
		    "gezaghebbende's");
		FZ_ASSERT(strcmp(p[2], apart ? "true" : "false") == 0, "woonplaats_te_bepalen %s", p[2]);
	}
	json_decref(b);
}

static bool known_state(const char *s)
{
	if (zk_is_end_state(s))
		return true;
	for (size_t i = 0; i < zk_nactions; i++) {
		if (zk_actions[i].to && strcmp(zk_actions[i].to, s) == 0)
			return true;
		for (size_t k = 0; zk_actions[i].from[k]; k++)
			if (strcmp(zk_actions[i].from[k], s) == 0)
				return true;
	}
	return false;
}

static void check_step(int n, const char *const *p)
{
	json_t *gegevens, *set, *allocated, *item;
	size_t i;

	FZ_ASSERT(n == 14, "actie_uitvoeren with %d parameters", n);
	FZ_ASSERT(p[1] && known_state(p[1]), "the step leads to state %s", p[1] ? p[1] : "(null)");
	gegevens = json_loads(p[6], 0, NULL);
	FZ_ASSERT(json_is_object(gegevens), "gegevens %s", p[6]);
	set = json_loads(p[8], 0, NULL);
	FZ_ASSERT(json_is_array(set), "deadlines %s", p[8]);
	json_array_foreach(set, i, item)
		FZ_ASSERT(json_is_string(json_object_get(item, "naam")) &&
		        date_ok(json_string_value(json_object_get(item, "datum")), NULL),
		    "a deadline that is no name and date: %s", p[8]);
	if (p[13])
		FZ_ASSERT(gemeente_ok(p[13]) && strcmp(p[13], EIGEN_GEMEENTE) != 0,
		    "doorgezonden naar %s", p[13]);
	allocated = p[11] ? json_loads(p[11], 0, NULL) : NULL;
	FZ_ASSERT(!p[11] || json_is_array(allocated), "toewijzingen %s", p[11]);
	json_array_foreach(allocated, i, item) {
		zk_date a, b;
		const char *vorm = json_string_value(json_object_get(item, "vorm"));
		FZ_ASSERT(date_ok(json_string_value(json_object_get(item, "ingangsdatum")), &a) &&
		        date_ok(json_string_value(json_object_get(item, "einddatum")), &b) &&
		        zk_date_cmp(&a, &b) <= 0,
		    "product %zu: its period is no period", i);
		FZ_ASSERT(vorm && (strcmp(vorm, "natura") == 0 || strcmp(vorm, "pgb") == 0), "vorm %s",
		    vorm ? vorm : "(null)");
		FZ_ASSERT(strcmp(vorm, "pgb") != 0 || json_is_object(json_object_get(item, "berekening")),
		    "a PGB product %zu without its calculation", i);
		FZ_ASSERT(!json_is_string(json_object_get(item, "aanbieder_agb")) ||
		        json_is_string(json_object_get(item, "productcategorie")),
		    "product %zu goes to a provider without a productcategorie", i);
	}
	json_decref(gegevens);
	json_decref(set);
	json_decref(allocated);
}

static void on_statement(const char *name, int n, const char *const *p)
{
	if (fz_ends_with(name, ".zaak_create")) {
		check_create(n, p);
	} else if (fz_ends_with(name, ".actie_uitvoeren")) {
		check_step(n, p);
	} else if (fz_ends_with(name, ".actie_verplaatsen")) {
		FZ_ASSERT(n == 5 && zk_regio_lid(p[1]) && strcmp(p[1], EIGEN_GEMEENTE) != 0,
		    "moved to %s", p[1]);
	} else if (strcmp(name, "tg_audit") == 0) {
		/* The access log names persons by pseudonym, never by BSN. */
		static const int fields[] = { 1, 2, 3, 6, 7, 8, 9 };
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			FZ_ASSERT(!p[fields[i]] || !fz_find_bsn(p[fields[i]]), "a BSN in access-log field %d: %s",
			    fields[i], p[fields[i]]);
	}
}

/* The devtoken's answer is a token the core accepts, for what was asked. */
static void check_minted(const json_t *answer)
{
	const char *token = json_string_value(json_object_get(answer, "token"));
	json_t *claims = NULL;
	tg_principal pr;
	const char *why = NULL;
	FZ_ASSERT(token, "a 200 from the dev sign-in without a token");
	FZ_ASSERT(tg_jwt_verify(core.verifier, token, strlen(token), FZ_NOW, &claims, &why) == 0,
	    "the dev sign-in minted a token the core refuses: %s", why);
	FZ_ASSERT(tg_principal_from_claims(claims, &pr, &why) == 0,
	    "the dev sign-in minted a token without a principal: %s", why);
	FZ_ASSERT(strcmp(pr.role_name, json_string_value(json_object_get(answer, "role"))) == 0,
	    "minted for another role");
	json_decref(claims);
}

/*
 * The BSNs an iJw body holds as values: nine digits passing the 11-proef in
 * its text, and nowhere in its markup (names, attributes, namespaces). A
 * reason may quote the sender's markup (the path of the answer), never a
 * value (ijw_xml.c cuts those out). Read with libxml2, without a DTD,
 * entities or the network; a body it cannot read gets a fixed answer.
 */
static void markup_of(const xmlNode *n, xmlBufferPtr markup, xmlBufferPtr text)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			xmlBufferCat(text, n->content);
			xmlBufferCCat(text, " ");
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlBufferCat(markup, n->name);
		xmlBufferCCat(markup, " ");
		for (const xmlNs *ns = n->nsDef; ns; ns = ns->next) {
			xmlBufferCat(markup, ns->href);
			xmlBufferCCat(markup, " ");
			if (ns->prefix)
				xmlBufferCat(markup, ns->prefix);
			xmlBufferCCat(markup, " ");
		}
		for (const xmlAttr *at = n->properties; at; at = at->next) {
			xmlChar *v = xmlNodeGetContent((const xmlNode *)at);
			xmlBufferCat(markup, at->name);
			xmlBufferCCat(markup, " ");
			if (v)
				xmlBufferCat(markup, v);
			xmlBufferCCat(markup, " ");
			xmlFree(v);
		}
		markup_of(n->children, markup, text);
	}
}

static size_t xml_value_bsns(const uint8_t *body, size_t len, char out[][10], size_t max)
{
	xmlDocPtr doc = xmlReadMemory((const char *)body, (int)len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlBufferPtr markup = xmlBufferCreate(), text = xmlBufferCreate();
	size_t n = 0;
	const char *t, *p;

	if (doc && markup && text) {
		markup_of(xmlDocGetRootElement(doc), markup, text);
		t = (const char *)xmlBufferContent(text);
		for (p = t; (p = fz_find_bsn(p)) != NULL && n < max; p += 9) {
			memcpy(out[n], p, 9);
			out[n][9] = '\0';
			if (!strstr((const char *)xmlBufferContent(markup), out[n]))
				n++;
		}
	}
	xmlBufferFree(markup);
	xmlBufferFree(text);
	xmlFreeDoc(doc);
	return n;
}

static const uint8_t *cur_body;
static size_t cur_len;

static void check_problem(const fz_answer *a, json_t *doc)
{
	const char *type = json_string_value(json_object_get(doc, "type"));
	const json_t *inv = json_object_get(doc, "invalid-params"), *item;
	const char *detail = json_string_value(json_object_get(doc, "detail"));
	size_t i;

	FZ_ASSERT(type && strncmp(type, "urn:toegang:problem:", 20) == 0 && type[20], "type %s",
	    type ? type : "(none)");
	FZ_ASSERT(json_is_string(json_object_get(doc, "title")), "no title");
	FZ_ASSERT(json_integer_value(json_object_get(doc, "status")) == a->status,
	    "status member is not the answer's %d", a->status);
	FZ_ASSERT(detail, "no detail");
	FZ_ASSERT(!fz_find_bsn(detail), "a BSN in the detail: %s", detail);
	FZ_ASSERT(!inv || (json_is_array(inv) && json_array_size(inv) > 0), "invalid-params empty or no list");
	FZ_ASSERT(strcmp(type + 20, "validation") != 0 || inv, "a validation problem without invalid-params");
	json_array_foreach(inv, i, item) {
		const char *reason = json_string_value(json_object_get(item, "reason"));
		FZ_ASSERT(json_is_string(json_object_get(item, "name")), "invalid-params[%zu] has no name", i);
		FZ_ASSERT(reason && *reason, "invalid-params[%zu] has no reason", i);
		if (!FUZZ_BODY_XML) {
			FZ_ASSERT(!fz_find_bsn(reason), "a BSN in a reason: %s", reason);
		} else {
			char values[16][10];
			size_t nv = xml_value_bsns(cur_body, cur_len, values, 16);
			for (size_t k = 0; k < nv; k++)
				FZ_ASSERT(!strstr(reason, values[k]), "the BSN value %s in a reason: %s", values[k], reason);
		}
	}
}

static void check_answer(const fz_fcgi *f)
{
	fz_answer a;
	const char *why = NULL;
	char *ct;
	json_t *doc;

	FZ_ASSERT(fz_answer_parse(f, &a, &why) == 0, "%s", why);
	FZ_ASSERT(!fz_db_open(), "a transaction was left open");
	FZ_ASSERT(fz_log_count("double-response") == 0, "a handler answered twice");
	FZ_ASSERT(fz_log_count("handler-sent-nothing") == 0, "a handler sent nothing");
	FZ_ASSERT(fz_log_count("bad-response") == 0, "a handler sent a bad status or size");
	for (size_t i = 0; i < fz_log_n(); i++)
		FZ_ASSERT(!fz_log_msg(i) || !fz_find_bsn(fz_log_msg(i)), "a BSN in log line %s: %s",
		    fz_log_event(i), fz_log_msg(i));
	/* A lost connection is a 503; only a refusal whose access-log record was
	 * lost may still say what was wrong with the request (and logs that). */
	if (fz_db_failed())
		FZ_ASSERT(a.status == 503 || (a.status >= 400 && a.status < 500 && fz_log_count("audit-failed") > 0),
		    "the database was lost, and the answer was %d", a.status);
	else
		FZ_ASSERT(a.status < 500, "%d without a database failure", a.status);
	ct = fz_answer_header(&a, "Content-Type");
	FZ_ASSERT(ct, "no Content-Type");
	doc = json_loadb(a.body, a.body_len, JSON_REJECT_DUPLICATES, NULL);
	FZ_ASSERT(json_is_object(doc), "the body of a %d is no JSON object", a.status);
	if (a.status >= 400) {
		FZ_ASSERT(strcmp(ct, "application/problem+json") == 0, "a %d as %s", a.status, ct);
		check_problem(&a, doc);
	} else {
		FZ_ASSERT(strcmp(ct, "application/json") == 0, "a %d as %s", a.status, ct);
		if (strcmp(cur_target->route->pattern, "/api/v1/dev/token") == 0)
			check_minted(doc);
	}
	json_decref(doc);
	free(ct);
	fz_answer_free(&a);
}

/* ------------------------------------------------------------------- input */

static const char *const route_names[] = { "verwijzing", "mandaat", "melding", "overdracht" };

/* The zaak an action finds: in a state the action may be taken from, by its table row. */
static void zaak_for(const zk_action *a, size_t pick, fz_zaak *z)
{
	size_t nfrom = 0, r = 0;
	while (a->from[nfrom])
		nfrom++;
	while (r < 4 && !(a->routes & (1u << r)))
		r++;
	memset(z, 0, sizeof(*z));
	z->status = a->from[pick % nfrom];
	z->route = route_names[r < 4 ? r : 0];
	z->spoed = a->spoed_only || pick % 3 == 0 ? "true" : "false";
	z->gemeente = EIGEN_GEMEENTE;
	z->behandelend = EIGEN_GEMEENTE;
	z->buiten = "false";
	z->maatregel = r == 1 ? "ots" : NULL;
	z->versies = pick % 2 ? "1" : "0";
	z->termijnen = "{\"verslag\":\"2026-03-20\",\"beschikking\":\"2026-04-10\"}";
	z->regels = "[{\"naam\":\"verslag\",\"aantal\":15,\"eenheid\":\"werkdagen\",\"grondslag\":\"3.4\"},"
	            "{\"naam\":\"pgb_besteding\",\"aantal\":6,\"eenheid\":\"maanden\",\"grondslag\":\"4.2.4\"}]";
	z->toewijzingen = "[{\"nummer\":1,\"ingangsdatum\":\"2026-03-01\",\"gestart_op\":null},"
	                  "{\"nummer\":2,\"ingangsdatum\":\"2026-03-01\",\"gestart_op\":\"2026-03-02\"}]";
}

static uint32_t hash(const uint8_t *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 16777619u;
	return h;
}

static void run(const target *t, const char *content_type, tg_role role, const uint8_t *body,
    size_t len, const fz_zaak *zaak, int fail_at)
{
	fz_fcgi f;
	cur_body = body;
	cur_len = len;
	request(&f, t, content_type, role, body, len, zaak, fail_at, on_statement);
	if (trace)
		fprintf(stderr, "fuzz_routes: %s as %s%s%s: %d after %d database operations: %.300s\n", t->key,
		    role == TG_ROLE__MAX ? "-" : tg_role_name(role), zaak ? ", zaak " : "",
		    zaak ? zaak->status : "", answer_status(&f), fz_db_ops(),
		    f.answer ? strstr(f.answer, "\r\n\r\n") + 4 : "");
	check_answer(&f);
	fz_fcgi_free(&f);
	/* Freed now, not at the next request: libFuzzer reruns an input whose
	 * allocations outlive it, to look for a leak. */
	fz_log_reset();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *body;
	size_t len, n = fz_first_line(data, size, &body, &len);
	char line[256], *words[6] = { 0 }, *save = NULL;
	size_t nw = 0;
	const target *t = NULL;
	const char *wanted = NULL;
	int fail_at = 0;
	tg_role role;

	snprintf(line, sizeof(line), "%.*s", (int)(n < sizeof(line) ? n : sizeof(line) - 1), (const char *)data);
	for (char *w = strtok_r(line, " ", &save); w && nw < 6; w = strtok_r(NULL, " ", &save))
		words[nw++] = w;
	const char *content_type = NULL;

	idempotency_key = "fuzz-1";
	for (size_t i = 2; i < nw; i++) {
		if (words[i][0] == 'f' && words[i][1] >= '1' && words[i][1] <= '9')
			fail_at = atoi(words[i] + 1);
		else if (strncmp(words[i], "k=", 2) == 0)
			idempotency_key = words[i] + 2;
		else if (strncmp(words[i], "ct=", 3) == 0)
			content_type = words[i] + 3;
		else
			wanted = words[i];
	}
	if (nw >= 2) {
		char key[160];
		snprintf(key, sizeof(key), "%s %s", words[0], words[1]);
		for (size_t i = 0; i < ntargets && !t; i++)
			if (strcmp(targets[i].key, key) == 0)
				t = &targets[i];
	}
	if (!t)
		t = &targets[hash(data, n) % ntargets];
	if (!content_type)
		content_type = t->content_type;
	role = role_for(t->route, wanted);
	if (t->actie) {
		/* Each row of the action (a state and route it may be taken from). */
		for (size_t i = 0; i < zk_nactions; i++) {
			fz_zaak z;
			if (strcmp(zk_actions[i].name, t->actie) != 0)
				continue;
			zaak_for(&zk_actions[i], len, &z);
			run(t, content_type, role, body, len, &z, fail_at);
		}
	} else {
		run(t, content_type, role, body, len, NULL, fail_at);
	}
	return 0;
}
