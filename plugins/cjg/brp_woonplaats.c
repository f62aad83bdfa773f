/*
 * The CJG asks the BRP (a Haal Centraal BRP Personen v2 style API) who has
 * gezag over the jeugdige of a zaak and where they are registered, and gets
 * a proposed gemeente for the woonplaatsbeginsel or "needs a person"
 * (outbound/brp_gezag.h). It proposes only: the CJG settles the woonplaats
 * with the vooronderzoek action as before. Nothing of the answer is stored;
 * the consultation is written to the access log with the jeugdige's
 * pseudonym. The BSN travels only in the POST body, never in a URL or log.
 *
 * The calls (the jeugdige, then the gezaghebbenden) block this worker for
 * at most twice cjg.brp_deadline_ms (default 10 s each; keep it under half
 * of nginx's fastcgi_read_timeout): a CJG action, rare next to the reads,
 * so no separate queue.
 *
 * Configuration ("cjg.<key>"): brp_url (base; POST <base>/personen; unset:
 * the route answers 404), brp_api_key_file, brp_api_key_header (X-API-KEY),
 * and the outbound limits brp_connect_timeout_ms, brp_timeout_ms,
 * brp_deadline_ms, brp_low_speed_bytes, brp_low_speed_secs, brp_max_bytes,
 * brp_retries, brp_backoff_ms, brp_allow_http_loopback, brp_ca_file.
 */
#include "brp_woonplaats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "brp_gezag.h"
#include "http_client.h"
#include "regio.h"
#include "zaak_store.h"

#define ST_JEUGDIGE "cjg.brp_jeugdige"
#define KEY_MAX 512

/* The jeugdige's BSN of a zaak this CJG may act on. */
#define SQL_JEUGDIGE \
	"SELECT b.bsn FROM zaak z JOIN betrokkene b ON b.zaak_id = z.id AND b.rol = 'jeugdige' " \
	"WHERE z.id = $1::uuid AND zaak_cjg_mag(z)"

static struct {
	char *personen_url;
	char *key_header;
	char key[KEY_MAX];
	tg_http_opts opts;
	const tg_services *svc;
} brp;

static const char *brp_setting(void *ctx, const char *key)
{
	char name[64];
	(void)ctx;
	snprintf(name, sizeof(name), "brp_%s", key);
	return brp.svc->config("cjg", name);
}

static int read_key(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	size_t n;
	if (!f)
		return snprintf(err, errlen, "cjg.brp_api_key_file cannot be read"), -1;
	n = fread(brp.key, 1, sizeof(brp.key) - 1, f);
	fclose(f);
	brp.key[n] = '\0';
	while (n > 0 && (brp.key[n - 1] == '\n' || brp.key[n - 1] == '\r'))
		brp.key[--n] = '\0';
	if (n == 0 || strcspn(brp.key, "\r\n") != n || n > 400)
		return snprintf(err, errlen, "cjg.brp_api_key_file: one line of at most 400 bytes expected"), -1;
	return 0;
}

int brp_woonplaats_init(const tg_services *svc)
{
	const char *url = svc->config("cjg", "brp_url");
	const char *key_file = svc->config("cjg", "brp_api_key_file");
	const char *header = svc->config("cjg", "brp_api_key_header");
	char err[256];
	size_t len;

	brp.svc = svc;
	if (svc->db_prepare(ST_JEUGDIGE, SQL_JEUGDIGE, 1) != 0)
		return -1;
	if (!url)
		return 0; /* optional per deployment */
	tg_http_opts_default(&brp.opts);
	/* A CJG worker waits for this: shorter limits than a background sync. */
	brp.opts.timeout_ms = 5000;
	brp.opts.deadline_ms = 10000;
	brp.opts.retries = 1;
	brp.opts.backoff_ms = 200;
	brp.opts.max_bytes = 1u << 20;
	if (tg_http_opts_configure(&brp.opts, brp_setting, NULL, err, sizeof(err)) != 0 ||
	    tg_http_url_allowed(url, &brp.opts, err, sizeof(err)) != 0 ||
	    (key_file && read_key(key_file, err, sizeof(err)) != 0)) {
		char msg[320];
		snprintf(msg, sizeof(msg), "cjg.brp: %s", err);
		svc->log(NULL, TG_LOG_ERROR, "brp-config", msg);
		return -1;
	}
	if (tg_http_global_init() != 0)
		return -1;
	len = strlen(url);
	brp.personen_url = malloc(len + sizeof("/personen"));
	brp.key_header = strdup(header ? header : "X-API-KEY");
	if (!brp.personen_url || !brp.key_header)
		return -1;
	memcpy(brp.personen_url, url, len);
	while (len > 0 && brp.personen_url[len - 1] == '/')
		len--;
	memcpy(brp.personen_url + len, "/personen", sizeof("/personen"));
	return 0;
}

void brp_woonplaats_fini(void)
{
	free(brp.personen_url);
	free(brp.key_header);
	memset(&brp, 0, sizeof(brp));
}

/* One RaadpleegMetBurgerservicenummer; the answer object, or NULL with the problem sent. */
static json_t *raadpleeg(tg_request *req, const tg_services *svc, char bsns[][10], size_t n,
    const char *const *fields)
{
	json_t *body = json_pack("{s:s, s:[], s:[]}", "type", "RaadpleegMetBurgerservicenummer",
	    "burgerservicenummer", "fields");
	json_t *answer = NULL;
	tg_http_request hr = { .url = brp.personen_url, .content_type = "application/json",
		.accept = "application/json", .header_name = brp.key[0] ? brp.key_header : NULL,
		.header_value = brp.key };
	tg_http_response resp;
	char *text;
	char detail[400];

	if (!body)
		return NULL;
	for (size_t i = 0; i < n; i++)
		json_array_append_new(json_object_get(body, "burgerservicenummer"), json_string(bsns[i]));
	for (; *fields; fields++)
		json_array_append_new(json_object_get(body, "fields"), json_string(*fields));
	text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	if (!text)
		return NULL;
	hr.body = text;
	hr.body_len = strlen(text);
	tg_http_perform(&brp.opts, &hr, &resp);
	free(text);
	if (resp.result == TG_HTTP_OK) {
		answer = json_loadb(resp.body, resp.len, JSON_REJECT_DUPLICATES, NULL);
		if (!json_is_array(json_object_get(answer, "personen"))) {
			json_decref(answer);
			answer = NULL;
			svc->log(req, TG_LOG_WARN, "brp-invalid-answer", "no personen list in the answer");
			svc->send_problem(req, 502, "brp-antwoord-ongeldig", "Bad Gateway",
			    "De BRP gaf een antwoord dat geen personenlijst is.", NULL);
		}
	} else {
		bool timeout = resp.result == TG_HTTP_TIMEOUT;
		char http[24] = "";
		if (resp.status)
			snprintf(http, sizeof(http), ", HTTP %ld", resp.status);
		snprintf(detail, sizeof(detail), "De BRP-bevraging is mislukt (%s%s); probeer het later "
		    "opnieuw of bepaal de woonplaats zonder de BRP.", tg_http_result_name(resp.result), http);
		svc->log(req, TG_LOG_WARN, "brp-failed", tg_http_result_name(resp.result));
		svc->send_problem(req, timeout ? 504 : 502, timeout ? "brp-timeout" : "brp-onbereikbaar",
		    timeout ? "Gateway Timeout" : "Bad Gateway", detail, NULL);
	}
	tg_http_response_free(&resp);
	return answer;
}

static const char *const kind_fields[] = { "burgerservicenummer", "gemeenteVanInschrijving",
	"verblijfplaats", "gezag", NULL };
static const char *const ouder_fields[] = { "burgerservicenummer", "gemeenteVanInschrijving", NULL };

tg_outcome brp_woonplaats_post(tg_request *req, const tg_services *svc, void *state)
{
	const char *id = svc->path_param(req, "id");
	char canon[37], ref[TG_PERSON_REF_SIZE];
	char kind_bsn[1][10], ouders[BRP_MAX_GEZAGHEBBENDEN][10];
	const char *params[1];
	json_t *a1 = NULL, *a2 = NULL, *answer;
	brp_uitkomst uit;
	PGresult *r;
	size_t n;
	int found;
	(void)state;

	if (!brp.personen_url) {
		svc->send_problem(req, 404, "brp-niet-ingericht", "Not Found",
		    "Deze installatie raadpleegt de BRP niet; bepaal de woonplaats met de gegevens van de "
		    "zaak.", NULL);
		return TG_DONE;
	}
	if (!zk_is_uuid(id)) {
		svc->send_problem(req, 404, "not-found", "Not Found", "Deze zaak bestaat niet.", NULL);
		return TG_DONE;
	}
	zk_uuid_canonical(id, canon);
	params[0] = canon;
	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	if (!(r = svc->db_exec(req, ST_JEUGDIGE, 1, params)))
		return TG_FAIL_DB;
	found = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
	if (found)
		snprintf(kind_bsn[0], sizeof(kind_bsn[0]), "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	if (!found) {
		if (svc->audit(req, "zaak.brp-woonplaats", canon, NULL, "niet-gevonden") != 0 ||
		    svc->db_tx(req, TG_TX_COMMIT) != 0)
			return TG_FAIL_DB;
		svc->send_problem(req, 404, "not-found", "Not Found", "Deze zaak bestaat niet.", NULL);
		return TG_DONE;
	}
	/* The consultation is logged before it happens: a BRP that hangs still leaves a trace. */
	if (svc->person_ref(kind_bsn[0], ref) != 0 ||
	    svc->audit(req, "zaak.brp-woonplaats", canon, ref, "geraadpleegd") != 0 ||
	    svc->db_tx(req, TG_TX_COMMIT) != 0)
		return TG_FAIL_DB;

	if (!(a1 = raadpleeg(req, svc, kind_bsn, 1, kind_fields)))
		return TG_DONE;
	const json_t *kind = brp_persoon(a1, kind_bsn[0]);
	n = kind ? brp_gezaghebbenden(kind, ouders) : 0;
	if (n > 0 && !(a2 = raadpleeg(req, svc, ouders, n, ouder_fields))) {
		json_decref(a1);
		return TG_DONE;
	}
	brp_woonplaats(kind, a2, &uit);
	answer = json_pack("{s:o, s:b, s:s?, s:s}",
	    "voorstel", uit.voorstel ? json_pack("{s:s, s:b}", "gemeente", uit.gemeente,
	        "binnen_regio", zk_in_regio(uit.gemeente)) : json_null(),
	    "persoon_nodig", !uit.voorstel, "grond", uit.grond, "reden", uit.reden);
	json_decref(a1);
	json_decref(a2);
	if (!answer)
		return TG_FAIL_INTERNAL;
	svc->send_json(req, 200, answer, NULL);
	json_decref(answer);
	return TG_DONE;
}
