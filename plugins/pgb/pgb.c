/*
 * pgb: the persoonsgebonden budget (Nadere regels chapter 4).
 *   POST /api/v1/pgb/berekening       the budget of lines, as the beschikking computes it
 *   GET  /api/v1/pgb/tarieven         the tariff table, rules and minimum wages as of a date
 *   POST /api/v1/zaken/{id}/declaraties  a declaration checked against the beschikking (4.4.5)
 * The rules are dated data in PostgreSQL (sql/009_pgb.sql, 010, 011).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <toegang/plugin.h>

#include "calendar.h"
#include "fields.h"
#include "pgb_calc.h"
#include "pgb_sql.h"
#include "plugin_common.h"
#include "plugin_macros.h"
#include "zaak_input.h"
#include "zaak_store.h"

#define ST_TARIEVEN "pgb.tarieven"
#define ST_DECLAREREN "pgb.declareren"

static const char *const maatregelen[] = {
	"ots", "voogdij", "jeugdreclassering", "machtiging_gesloten_jeugdhulp", "overig", NULL,
};
static const zk_field f_berekening[] = {
	{ .name = "gemeente", .kind = ZK_CODE, .codes = &zk_gemeenten, .code_name = "CBS-gemeentecode" },
	{ .name = "maatregel", .kind = ZK_ENUM, .values = maatregelen },
	{ .name = "regels", .kind = ZK_ARRAY, .required = true, .min = 1, .max = 50,
	  .fields = zk_pgb_regel_fields },
	{ .name = NULL },
};

static const zk_field f_aanbieder[] = {
	{ .name = "naam", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = "kvk", .kind = ZK_AGB /* 8 digits, as a KvK-nummer */ },
	{ .name = "adres", .kind = ZK_TEXT, .min = 1, .max = 400 },
	{ .name = NULL },
};
static const zk_field f_dag[] = {
	{ .name = "datum", .kind = ZK_DATE, .required = true },
	{ .name = "eenheden", .kind = ZK_AMOUNT, .required = true, .min = 0, .max = 24 },
	{ .name = NULL },
};
static const char *const eenheden[] = {
	"uur", "dag", "dagdeel", "etmaal", "traject", "client_jaar", "km", "dbc", "stuk", NULL,
};
static const zk_field f_declaratie[] = {
	{ .name = "toewijzing", .kind = ZK_INT, .required = true, .min = 1, .max = 99999999 },
	{ .name = "bsn", .kind = ZK_BSN, .required = true },
	{ .name = "aanbieder", .kind = ZK_OBJECT, .required = true, .fields = f_aanbieder },
	{ .name = "geleverd_door", .kind = ZK_TEXT, .min = 1, .max = 200 },
	{ .name = "dagen", .kind = ZK_ARRAY, .required = true, .min = 1, .max = 366, .fields = f_dag },
	{ .name = "tarief", .kind = ZK_AMOUNT, .required = true, .min = 0, .max = 1000000 },
	{ .name = "eenheid", .kind = ZK_ENUM, .required = true, .values = eenheden },
	{ .name = "ondertekend", .kind = ZK_BOOL, .required = true },
	{ .name = NULL },
};

/* fouten [{i?, veld, reden}] -> invalid-params named under prefix. */
static void fouten_to_invalid(const json_t *fouten, const char *prefix, json_t *invalid)
{
	size_t k;
	const json_t *f;
	json_array_foreach(fouten, k, f) {
		char name[128];
		const json_t *i = json_object_get(f, "i");
		if (i)
			snprintf(name, sizeof(name), "%s[%lld].%s", prefix, (long long)json_integer_value(i),
			    json_string_value(json_object_get(f, "veld")));
		else
			snprintf(name, sizeof(name), "%s", json_string_value(json_object_get(f, "veld")));
		zk_invalid(invalid, name, json_string_value(json_object_get(f, "reden")));
	}
}

static tg_outcome post_berekening(tg_request *req, const tg_services *svc, void *state)
{
	const tg_principal *p = svc->principal(req);
	json_t *body = NULL, *invalid = NULL, *result = NULL, *answer = NULL;
	const char *gemeente;
	tg_outcome out = TG_FAIL_INTERNAL;
	(void)state;

	switch (zk_read_valid_body(req, svc, f_berekening, &body)) {
	case 0: break;
	case 1: return TG_DONE;
	default: return TG_FAIL_INTERNAL;
	}
	/* The rules of the gemeente asked for, else the caller's own. */
	gemeente = json_string_value(json_object_get(body, "gemeente"));
	if (!gemeente && p->identity_kind == TG_IDENTITY_GEMEENTE)
		gemeente = p->identity;
	if (svc->db_tx(req, TG_TX_BEGIN) != 0) {
		out = TG_FAIL_DB;
		goto done;
	}
	result = zk_pgb_bereken(req, svc, json_object_get(body, "regels"), gemeente,
	    json_string_value(json_object_get(body, "maatregel")));
	if (!result || svc->db_tx(req, TG_TX_COMMIT) != 0) {
		out = TG_FAIL_DB;
		goto done;
	}
	if (json_array_size(json_object_get(result, "fouten")) > 0) {
		if (!(invalid = json_array()))
			goto done;
		fouten_to_invalid(json_object_get(result, "fouten"), "regels", invalid);
		zk_send_invalid(req, svc, invalid);
		out = TG_DONE;
		goto done;
	}
	answer = json_pack("{s:s?, s:O, s:O}", "gemeente", gemeente,
	    "regels", json_object_get(result, "regels"), "totaal", json_object_get(result, "totaal"));
	if (answer && svc->send_json(req, 200, answer, NULL) == 0)
		out = TG_DONE;
done:
	json_decref(body);
	json_decref(invalid);
	json_decref(result);
	json_decref(answer);
	return out;
}

static tg_outcome get_tarieven(tg_request *req, const tg_services *svc, void *state)
{
	const tg_principal *p = svc->principal(req);
	const char *datum = svc->query_param(req, "datum");
	const char *gemeente = svc->query_param(req, "gemeente");
	char today[11];
	const char *params[2];
	zk_date d;
	(void)state;

	if (datum && !zk_date_parse(datum, &d)) {
		zk_bad_query(req, svc, "datum", "een datum JJJJ-MM-DD");
		return TG_DONE;
	}
	if (gemeente && !zk_codelijst_has(&zk_gemeenten, gemeente)) {
		zk_bad_query(req, svc, "gemeente", "een CBS-gemeentecode van vier cijfers");
		return TG_DONE;
	}
	if (!datum) {
		zk_today(svc, &d);
		zk_day_format(zk_day_from(&d), today);
		datum = today;
	}
	if (!gemeente && p->identity_kind == TG_IDENTITY_GEMEENTE)
		gemeente = p->identity;
	params[0] = datum;
	params[1] = gemeente;
	return zk_send_statement_json(req, svc, ST_TARIEVEN, 2, params, "pgb-tarieven-failed");
}

static tg_outcome post_declaratie(tg_request *req, const tg_services *svc, void *state)
{
	const tg_principal *p = svc->principal(req);
	const char *id = svc->path_param(req, "id");
	json_t *body = NULL, *invalid = NULL, *result = NULL;
	char canon[37], *text = NULL;
	const char *params[4];
	PGresult *r = NULL;
	tg_outcome out = TG_FAIL_INTERNAL;
	(void)state;

	if (!zk_is_uuid(id)) {
		svc->send_problem(req, 404, "not-found", "Not Found", "Deze zaak bestaat niet.", NULL);
		return TG_DONE;
	}
	zk_uuid_canonical(id, canon);
	switch (zk_read_valid_body(req, svc, f_declaratie, &body)) {
	case 0: break;
	case 1: return TG_DONE;
	default: return TG_FAIL_INTERNAL;
	}
	text = json_dumps(body, JSON_COMPACT | JSON_REAL_PRECISION(15));
	params[0] = canon;
	params[1] = text;
	params[2] = p->role_name;
	params[3] = p->identity;
	if (!text)
		goto done;
	if (svc->db_tx(req, TG_TX_BEGIN) != 0) {
		out = TG_FAIL_DB;
		goto done;
	}
	r = svc->db_exec(req, ST_DECLAREREN, 4, params);
	if (!r) {
		out = TG_FAIL_DB;
		goto done;
	}
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1 ||
	    !(result = json_loads(PQgetvalue(r, 0, 0), 0, NULL))) {
		zk_log_sqlstate(svc, req, "pgb-declaratie-failed", r);
		svc->db_tx(req, TG_TX_ROLLBACK);
		goto done;
	}
	if (json_is_false(json_object_get(result, "gevonden"))) {
		svc->db_tx(req, TG_TX_ROLLBACK);
		if (svc->audit(req, "zaak.declaratie", canon, NULL, "niet-gevonden") != 0) {
			out = TG_FAIL_DB;
			goto done;
		}
		svc->send_problem(req, 404, "not-found", "Not Found", "Deze zaak bestaat niet.", NULL);
		out = TG_DONE;
		goto done;
	}
	if (json_object_get(result, "fouten")) {
		/* Nothing of a refused declaration is kept; the attempt is logged. */
		svc->db_tx(req, TG_TX_ROLLBACK);
		if (svc->audit(req, "zaak.declaratie", canon, NULL, "geweigerd") != 0) {
			out = TG_FAIL_DB;
			goto done;
		}
		if (!(invalid = json_array()))
			goto done;
		fouten_to_invalid(json_object_get(result, "fouten"), "", invalid);
		zk_send_invalid(req, svc, invalid);
		out = TG_DONE;
		goto done;
	}
	if (svc->audit(req, "zaak.declaratie", canon, NULL, "aangemaakt") != 0 ||
	    svc->db_tx(req, TG_TX_COMMIT) != 0) {
		out = TG_FAIL_DB;
		goto done;
	}
	out = svc->send_json(req, 201, result, NULL) == 0 ? TG_DONE : TG_FAIL_INTERNAL;
done:
	PQclear(r);
	free(text);
	json_decref(body);
	json_decref(invalid);
	json_decref(result);
	return out;
}

static const tg_route routes[] = {
	{ "POST", "/api/v1/pgb/berekening", post_berekening, TG_ROUTE_ANY_ROLE },
	{ "GET", "/api/v1/pgb/tarieven", get_tarieven, TG_ROUTE_ANY_ROLE },
	{ "POST", "/api/v1/zaken/{id}/declaraties", post_declaratie,
	  TG_ROLE_BIT(TG_ROLE_OUDER) | TG_ROLE_BIT(TG_ROLE_JEUGDIGE) | TG_ROLE_BIT(TG_ROLE_AANBIEDER) |
	  TG_ROLE_BIT(TG_ROLE_CJG) },
};

static int init_statements(const tg_services *svc)
{
	if (zk_pgb_init(svc, "pgb") != 0 ||
	    svc->db_prepare(ST_TARIEVEN, PGB_SQL_TARIEVEN, 2) != 0 ||
	    svc->db_prepare(ST_DECLAREREN, PGB_SQL_DECLAREREN, 4) != 0)
		return -1;
	return 0;
}

ZK_PLUGIN_WITH("pgb", init_statements)
