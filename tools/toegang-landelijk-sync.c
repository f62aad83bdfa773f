/*
 * toegang-landelijk-sync: fetches the VNG landelijke inkoop list from the
 * configured URL and replaces the stored copy, only when the whole download
 * is valid. It reads the daemon's configuration (database, data_dir and the
 * "landelijk.*" keys); toegangd may run it every landelijk.interval seconds
 * from its master process, never on a request path. See
 * toegang-landelijk-sync(1).
 *
 * Exit status: 0 the copy is current (replaced, or confirmed by a 304);
 * 2 usage or configuration; 3 the fetch failed; 4 the download was refused
 * (not valid throughout); 5 the database failed. On 3 and 4 the last good
 * copy stays, and the failure is recorded where health shows it.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <libpq-fe.h>

#include "codelijst.h"
#include "config.h"
#include "http_client.h"
#include "vng_lijst.h"

#define EXIT_USAGE 2
#define EXIT_FETCH 3
#define EXIT_REFUSED 4
#define EXIT_DB 5
#define MAX_SHOWN 20
#define SECTION "landelijk"

static const char *prog = "toegang-landelijk-sync";
static bool quiet;

static const char *setting(void *cfg, const char *key)
{
	return tg_config_plugin_value(cfg, SECTION, key);
}

static void usage(FILE *f)
{
	fprintf(f, "usage: %s -c FILE [-s key=value]... [-q]\n"
	    "  -c FILE       the daemon's configuration (database, data_dir, landelijk.*)\n"
	    "  -s key=value  override one configuration key\n"
	    "  -q            print nothing when all went well\n", prog);
}

/* The stored copy's validators, when it came from url. */
typedef struct stored {
	char *etag;
	char *last_modified;
	int aantal;
	char opgehaald[40];
} stored;

static int read_stored(PGconn *c, const char *url, stored *s)
{
	const char *params[1] = { url };
	PGresult *r = PQexecParams(c,
	    "SELECT CASE WHEN bron = $1 THEN etag END, CASE WHEN bron = $1 THEN last_modified END, "
	    "aantal, COALESCE(to_char(opgehaald AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'nooit') "
	    "FROM landelijke_lijst", 1, NULL, params, NULL, NULL, 0);
	int rc = -1;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
		s->etag = PQgetisnull(r, 0, 0) ? NULL : strdup(PQgetvalue(r, 0, 0));
		s->last_modified = PQgetisnull(r, 0, 1) ? NULL : strdup(PQgetvalue(r, 0, 1));
		s->aantal = atoi(PQgetvalue(r, 0, 2));
		snprintf(s->opgehaald, sizeof(s->opgehaald), "%s", PQgetvalue(r, 0, 3));
		rc = 0;
	}
	PQclear(r);
	return rc;
}

static int call(PGconn *c, const char *sql, int n, const char *const *params, PGresult **out)
{
	PGresult *r = PQexecParams(c, sql, n, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "%s: database: %s", prog, PQresultErrorMessage(r));
		PQclear(r);
		return -1;
	}
	if (out)
		*out = r;
	else
		PQclear(r);
	return 0;
}

static int record_failure(PGconn *c, const char *url, const char *max_age, const char *fout)
{
	const char *params[3] = { url, max_age, fout };
	return call(c, "SELECT landelijke_lijst_mislukt($1, $2::interval, $3)", 3, params, NULL);
}

static void show_invalid(const json_t *invalid, size_t nbad)
{
	size_t i;
	json_t *item;
	json_array_foreach(invalid, i, item) {
		if (i == MAX_SHOWN)
			break;
		fprintf(stderr, "%s:   %s: %s\n", prog,
		    json_string_value(json_object_get(item, "name")),
		    json_string_value(json_object_get(item, "reason")));
	}
	if (nbad > MAX_SHOWN)
		fprintf(stderr, "%s:   ... and %zu more\n", prog, nbad - MAX_SHOWN);
}

static int sync_once(const tg_config *cfg, PGconn *db, const zk_codelijst *jz020)
{
	const char *url = setting((void *)cfg, "url");
	const char *max_age_h = setting((void *)cfg, "max_age_hours");
	char max_age[32], err[256], fout[512];
	tg_http_opts opts;
	tg_http_request req = { .accept = "application/json, text/csv;q=0.9" };
	tg_http_response resp;
	stored st = { 0 };
	int rc;

	snprintf(max_age, sizeof(max_age), "%s hours", max_age_h ? max_age_h : "48");
	if (max_age_h && (strspn(max_age_h, "0123456789") != strlen(max_age_h) ||
	    strlen(max_age_h) > 5 || atoi(max_age_h) < 1)) {
		fprintf(stderr, "%s: landelijk.max_age_hours: expected a number of hours from 1 to 99999\n", prog);
		return EXIT_USAGE;
	}
	tg_http_opts_default(&opts);
	if (tg_http_opts_configure(&opts, setting, (void *)cfg, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: landelijk.%s\n", prog, err);
		return EXIT_USAGE;
	}
	if (tg_http_url_allowed(url, &opts, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: landelijk.url: %s\n", prog, err);
		return EXIT_USAGE;
	}
	if (read_stored(db, url, &st) != 0) {
		fprintf(stderr, "%s: database: cannot read the stored copy (migrations applied?)\n", prog);
		return EXIT_DB;
	}
	req.url = url;
	req.if_none_match = st.etag;
	req.if_modified_since = st.last_modified;
	tg_http_perform(&opts, &req, &resp);

	if (resp.result == TG_HTTP_NOT_MODIFIED) {
		const char *params[2] = { url, max_age };
		PGresult *r = NULL;
		rc = call(db, "SELECT landelijke_lijst_ongewijzigd($1, $2::interval)", 2, params, &r) ? EXIT_DB : 0;
		if (rc == 0 && !quiet)
			printf("%s: ongewijzigd (HTTP 304): de kopie van %d aanbieders blijft\n", prog, st.aantal);
		PQclear(r);
	} else if (resp.result != TG_HTTP_OK) {
		snprintf(fout, sizeof(fout), "ophalen mislukt: %s: %s (%d poging%s, %ld ms)",
		    tg_http_result_name(resp.result), resp.error, resp.attempts,
		    resp.attempts == 1 ? "" : "en", resp.elapsed_ms);
		fprintf(stderr, "%s: %s; de vorige kopie (%d aanbieders, opgehaald %s) blijft\n", prog,
		    fout, st.aantal, st.opgehaald);
		rc = record_failure(db, url, max_age, fout) ? EXIT_DB : EXIT_FETCH;
	} else {
		json_t *invalid = json_array();
		size_t nbad;
		json_t *list = vng_lijst_parse(resp.body, resp.len, resp.content_type, jz020, invalid,
		    &nbad, err, sizeof(err));
		if (!list) {
			snprintf(fout, sizeof(fout), "download geweigerd: %s", err);
			fprintf(stderr, "%s: %s; de vorige kopie (%d aanbieders, opgehaald %s) blijft\n",
			    prog, fout, st.aantal, st.opgehaald);
			show_invalid(invalid, nbad);
			rc = record_failure(db, url, max_age, fout) ? EXIT_DB : EXIT_REFUSED;
		} else {
			char *text = json_dumps(list, JSON_COMPACT);
			const char *params[5] = { url, *resp.etag ? resp.etag : NULL,
				*resp.last_modified ? resp.last_modified : NULL, max_age, text };
			PGresult *r = NULL;
			rc = text && call(db, "SELECT landelijke_lijst_vervang($1, $2, $3, $4::interval, $5::jsonb)",
			    5, params, &r) == 0 ? 0 : EXIT_DB;
			if (rc == 0 && !quiet)
				printf("%s: bijgewerkt: %s aanbieders\n", prog, PQgetvalue(r, 0, 0));
			PQclear(r);
			free(text);
			json_decref(list);
		}
		json_decref(invalid);
	}
	tg_http_response_free(&resp);
	free(st.etag);
	free(st.last_modified);
	return rc;
}

int main(int argc, char **argv)
{
	tg_config cfg;
	const char *config_path = NULL;
	char err[1024], path[4096];
	zk_codelijst jz020 = { 0 };
	PGconn *db = NULL;
	int opt, rc = EXIT_USAGE;
	char **overrides = calloc((size_t)argc, sizeof(char *));
	size_t noverrides = 0;

	if (!overrides)
		return EXIT_USAGE;
	tg_config_defaults(&cfg);
	while ((opt = getopt(argc, argv, "c:s:qh")) != -1) {
		switch (opt) {
		case 'c': config_path = optarg; break;
		case 's': overrides[noverrides++] = optarg; break;
		case 'q': quiet = true; break;
		case 'h': usage(stdout); rc = 0; goto out;
		default: usage(stderr); goto out;
		}
	}
	if (!config_path || optind != argc) {
		usage(stderr);
		goto out;
	}
	tg_config_free(&cfg);
	if (tg_config_load(&cfg, config_path, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		goto out;
	}
	for (size_t i = 0; i < noverrides; i++) {
		if (tg_config_override(&cfg, overrides[i], err, sizeof(err)) != 0) {
			fprintf(stderr, "%s: -s: %s\n", prog, err);
			goto out;
		}
	}
	if (!setting(&cfg, "url")) {
		fprintf(stderr, "%s: landelijk.url is not set: nothing to fetch\n", prog);
		goto out;
	}
	snprintf(path, sizeof(path), "%s/codelijsten/JZ020_Productcategorie.md", cfg.data_dir);
	if (zk_codelijst_load(&jz020, path, 2, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		goto out;
	}
	if (tg_http_global_init() != 0) {
		fprintf(stderr, "%s: libcurl did not start\n", prog);
		goto out;
	}
	{
		/* expand_dbname: the database key may be a key=value string or a URI. */
		const char *keys[] = { "dbname", "connect_timeout", NULL };
		const char *values[] = { cfg.database, path, NULL };
		snprintf(path, sizeof(path), "%ld", cfg.db_connect_timeout);
		db = PQconnectdbParams(keys, values, 1);
	}
	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "%s: database: %s", prog, PQerrorMessage(db));
		rc = EXIT_DB;
		goto out;
	}
	rc = sync_once(&cfg, db, &jz020);
out:
	PQfinish(db);
	zk_codelijst_free(&jz020);
	tg_config_free(&cfg);
	free(overrides);
	return rc;
}
