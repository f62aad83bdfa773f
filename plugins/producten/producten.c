/*
 * producten: the productenboek and the region's overview.
 *   GET /api/v1/producten?categorie=&aanbieder=&gemeente=&datum=&limit=&cursor=
 *       the products valid on a date (default today), for every role: it
 *       holds no personal data, and a GP or GI choosing help needs it.
 *   GET /api/v1/overzicht/producten?van=&tot=
 *       per gemeente of the region and for the whole region: which providers
 *       offer which categories, and how many beschikkingen allocated each
 *       product (counts only), for the gemeente roles.
 *   GET /api/v1/aanbieders?q=&productcategorie=&landelijk=&datum=&limit=
 *       the providers of the productenboek and of the VNG landelijke inkoop
 *       list (toegang-landelijk-sync), nationally contracted ones marked,
 *       with the list's fetch time and staleness; for every role.
 * Products are loaded by toegang-import (tools/toegang-import.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <toegang/plugin.h>

#include "calendar.h"
#include "fields.h"
#include "plugin_common.h"
#include "plugin_macros.h"
#include "producten_sql.h"
#include "regio.h"
#include "validate.h"
#include "zaak_input.h"
#include "zaak_store.h"

#define ST_LIST "producten.lijst"
#define ST_OVERZICHT "producten.overzicht"
#define ST_AANBIEDERS "producten.aanbieders"
#define LIST_DEFAULT 100
#define LIST_MAX 500
/* A period of the overview: at most ten years (3653 days, leap days included). */
#define OVERZICHT_MAX_DAGEN 3653

/* limit= of a list: 1..LIST_MAX, default LIST_DEFAULT; false after answering 400. */
static bool list_limit(tg_request *req, const tg_services *svc, long *limit)
{
	const char *s = svc->query_param(req, "limit");
	*limit = LIST_DEFAULT;
	if (s && (strlen(s) > 3 || !tg_is_digits(s, strlen(s)) ||
	    (*limit = strtol(s, NULL, 10)) < 1 || *limit > LIST_MAX)) {
		zk_bad_query(req, svc, "limit", "een geheel getal van 1 tot en met 500");
		return false;
	}
	return true;
}

/* datum= (default today) into day; false after answering 400. */
static bool list_datum(tg_request *req, const tg_services *svc, char day[11])
{
	const char *s = svc->query_param(req, "datum");
	zk_date d;
	if (s && !zk_date_parse(s, &d)) {
		zk_bad_query(req, svc, "datum", "een datum JJJJ-MM-DD");
		return false;
	}
	if (!s)
		zk_today(svc, &d);
	zk_day_format(zk_day_from(&d), day);
	return true;
}

static tg_outcome get_producten(tg_request *req, const tg_services *svc, void *state)
{
	const char *categorie = svc->query_param(req, "categorie");
	const char *aanbieder = svc->query_param(req, "aanbieder");
	const char *gemeente = svc->query_param(req, "gemeente");
	const char *cursor = svc->query_param(req, "cursor");
	char day[11], limit_plus[24];
	const char *params[6];
	const char *datum = day;
	long limit;
	json_t *items = NULL, *answer = NULL;
	PGresult *r;
	int n;
	tg_outcome out = TG_FAIL_INTERNAL;
	(void)state;

	if (categorie && !zk_codelijst_has(&zk_productcategorieen, categorie)) {
		zk_bad_query(req, svc, "categorie", "een JZ020-productcategorie van twee cijfers");
		return TG_DONE;
	}
	if (aanbieder && (strlen(aanbieder) != 8 || !tg_is_digits(aanbieder, 8))) {
		zk_bad_query(req, svc, "aanbieder", "een AGB-code van acht cijfers");
		return TG_DONE;
	}
	if (gemeente && !zk_codelijst_has(&zk_gemeenten, gemeente)) {
		zk_bad_query(req, svc, "gemeente", "een CBS-gemeentecode van vier cijfers");
		return TG_DONE;
	}
	if (!list_datum(req, svc, day) || !list_limit(req, svc, &limit))
		return TG_DONE;
	if (cursor && (strlen(cursor) < 1 || strlen(cursor) > 18 || !tg_is_digits(cursor, strlen(cursor)))) {
		zk_bad_query(req, svc, "cursor", "de cursor uit een eerder antwoord");
		return TG_DONE;
	}
	snprintf(limit_plus, sizeof(limit_plus), "%ld", limit + 1);
	params[0] = categorie;
	params[1] = aanbieder;
	params[2] = gemeente;
	params[3] = datum;
	params[4] = cursor ? cursor : "0";
	params[5] = limit_plus;
	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	r = svc->db_exec(req, ST_LIST, 6, params);
	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) != PGRES_TUPLES_OK || svc->db_tx(req, TG_TX_COMMIT) != 0) {
		zk_log_sqlstate(svc, req, "producten-failed", r);
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	n = PQntuples(r);
	items = json_array();
	answer = json_object();
	if (!items || !answer)
		goto done;
	for (int i = 0; i < n && i < limit; i++)
		json_array_append_new(items, json_loads(PQgetvalue(r, i, 1), 0, NULL));
	json_object_set_new(answer, "datum", json_string(datum));
	json_object_set(answer, "producten", items);
	json_object_set_new(answer, "volgende", n > limit ? json_string(PQgetvalue(r, (int)limit - 1, 0))
	                                                   : json_null());
	if (svc->send_json(req, 200, answer, NULL) == 0)
		out = TG_DONE;
done:
	PQclear(r);
	json_decref(items);
	json_decref(answer);
	return out;
}

static tg_outcome get_aanbieders(tg_request *req, const tg_services *svc, void *state)
{
	const char *q = svc->query_param(req, "q");
	const char *categorie = svc->query_param(req, "productcategorie");
	const char *landelijk = svc->query_param(req, "landelijk");
	const char *params[5];
	char day[11], limit_s[24];
	long limit;
	(void)state;

	if (q && zk_text_problem(q, strlen(q), false, 2, 100)) {
		zk_bad_query(req, svc, "q", "twee tot honderd tekens van de naam, of een AGB-code of KvK-nummer");
		return TG_DONE;
	}
	if (categorie && !zk_codelijst_has(&zk_productcategorieen, categorie)) {
		zk_bad_query(req, svc, "productcategorie", "een JZ020-productcategorie van twee cijfers");
		return TG_DONE;
	}
	if (landelijk && strcmp(landelijk, "true") != 0 && strcmp(landelijk, "false") != 0) {
		zk_bad_query(req, svc, "landelijk", "true of false");
		return TG_DONE;
	}
	if (!list_limit(req, svc, &limit) || !list_datum(req, svc, day))
		return TG_DONE;
	snprintf(limit_s, sizeof(limit_s), "%ld", limit);
	params[0] = q;
	params[1] = categorie;
	params[2] = landelijk;
	params[3] = day;
	params[4] = limit_s;
	return zk_send_statement_json(req, svc, ST_AANBIEDERS, 5, params, "aanbieders-failed");
}

static tg_outcome get_overzicht(tg_request *req, const tg_services *svc, void *state)
{
	const char *van_s = svc->query_param(req, "van");
	const char *tot_s = svc->query_param(req, "tot");
	const char *params[3];
	zk_date a, b;
	(void)state;

	if (!van_s || !zk_date_parse(van_s, &a)) {
		zk_bad_query(req, svc, "van", "de eerste dag van de periode, JJJJ-MM-DD");
		return TG_DONE;
	}
	if (!tot_s || !zk_date_parse(tot_s, &b) || zk_date_cmp(&b, &a) < 0) {
		zk_bad_query(req, svc, "tot", "de laatste dag van de periode, JJJJ-MM-DD, niet voor van");
		return TG_DONE;
	}
	if (zk_day_from(&b) - zk_day_from(&a) + 1 > OVERZICHT_MAX_DAGEN) {
		zk_bad_query(req, svc, "tot", "een periode van hoogstens tien jaar");
		return TG_DONE;
	}
	/* zk_date_parse admits only YYYY-MM-DD: the strings are the dates. */
	params[0] = van_s;
	params[1] = tot_s;
	params[2] = zk_regio_array();
	return zk_send_statement_json(req, svc, ST_OVERZICHT, 3, params, "overzicht-failed");
}

static const tg_route routes[] = {
	{ "GET", "/api/v1/producten", get_producten, TG_ROUTE_ANY_ROLE },
	{ "GET", "/api/v1/aanbieders", get_aanbieders, TG_ROUTE_ANY_ROLE },
	{ "GET", "/api/v1/overzicht/producten", get_overzicht,
	  TG_ROLE_BIT(TG_ROLE_CJG) | TG_ROLE_BIT(TG_ROLE_PLEIN) | TG_ROLE_BIT(TG_ROLE_GST) |
	  TG_ROLE_BIT(TG_ROLE_BEHEERDER) },
};

static int init_statements(const tg_services *svc)
{
	if (svc->db_prepare(ST_LIST, PR_SQL_LIST, 6) != 0 ||
	    svc->db_prepare(ST_OVERZICHT, PR_SQL_OVERZICHT, 3) != 0 ||
	    svc->db_prepare(ST_AANBIEDERS, PR_SQL_AANBIEDERS, 5) != 0)
		return -1;
	return 0;
}

ZK_PLUGIN_WITH("producten", init_statements)
