/*
 * gezin: één gezin, één plan, één regisseur (Nadere regels art. 2, 3.5.2).
 * GET /api/v1/gezinnen/{id}: the family's zaken the caller may see together,
 * the casusregisseur, and the gezinsplan (its content for the CJG and the
 * family). POST /api/v1/gezinnen/{id}/casusregisseur (cjg): names a new
 * casusregisseur, a CJG worker or the team; every change is kept.
 * Zaken are linked into a gezin when they are created (sql/006_gezin.sql).
 */

#include <toegang/plugin.h>

#include "gezin_sql.h"
#include "plugin_macros.h"

/* The plugin's prepared statements. */
#define ST_READ "gezin.lezen"
#define ST_REGISSEUR "gezin.regisseur"

static const char *const soorten[] = { "cjg", "team", NULL };
static const zk_field regisseur_fields[] = {
	{ .name = "soort", .kind = ZK_ENUM, .required = true, .values = soorten },
	{ .name = "naam", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = "organisatie", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = "telefoon", .kind = ZK_TEXT, .min = 1, .max = 30 },
	{ .name = "email", .kind = ZK_TEXT, .min = 3, .max = 254 },
	{ .name = "toelichting", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = NULL },
};

static void not_found(tg_request *req, const tg_services *svc)
{
	svc->send_problem(req, 404, "not-found", "Not Found", "Dit gezin bestaat niet.", NULL);
}

/* Reads the gezin as the caller (in the open transaction), logs one record
 * per zaak shown, commits and answers. */
static tg_outcome read_log_send(tg_request *req, const tg_services *svc, const char *id,
    const char *action, const char *outcome)
{
	const tg_principal *p = svc->principal(req);
	const char *params[3] = { id, p->role_name, p->identity };
	const char *ids[GZ_MAX_ZAKEN], *refs_p[GZ_MAX_ZAKEN];
	char refs[GZ_MAX_ZAKEN][TG_PERSON_REF_SIZE];
	json_t *doc = NULL, *shown = NULL, *pair;
	size_t n = 0, i;
	PGresult *r = svc->db_exec(req, ST_READ, 3, params);
	tg_outcome out = TG_FAIL_INTERNAL;

	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		zk_log_sqlstate(svc, req, "gezin-read-failed", r);
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	if (PQntuples(r) == 0) {
		PQclear(r);
		if (svc->audit(req, action, NULL, NULL, "niet-gevonden") != 0 ||
		    svc->db_tx(req, TG_TX_COMMIT) != 0)
			return TG_FAIL_DB;
		not_found(req, svc);
		return TG_DONE;
	}
	doc = json_loads(PQgetvalue(r, 0, 0), 0, NULL);
	shown = json_loads(PQgetvalue(r, 0, 1), 0, NULL);
	if (!doc || !json_is_array(shown))
		goto done;
	json_array_foreach(shown, i, pair) {
		if (n == GZ_MAX_ZAKEN || svc->person_ref(json_string_value(json_array_get(pair, 1)), refs[n]) != 0)
			goto done;
		ids[n] = json_string_value(json_array_get(pair, 0));
		refs_p[n] = refs[n];
		n++;
	}
	if (svc->audit_zaken(req, action, n, ids, refs_p, outcome) != 0 ||
	    svc->db_tx(req, TG_TX_COMMIT) != 0) {
		out = TG_FAIL_DB;
		goto done;
	}
	svc->send_json(req, 200, doc, NULL);
	out = TG_DONE;
done:
	PQclear(r);
	json_decref(doc);
	json_decref(shown);
	return out;
}

static tg_outcome get_gezin(tg_request *req, const tg_services *svc, void *state)
{
	const char *id = svc->path_param(req, "id");
	char canon[37];
	(void)state;
	if (!zk_is_uuid(id)) {
		not_found(req, svc);
		return TG_DONE;
	}
	zk_uuid_canonical(id, canon);
	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	return read_log_send(req, svc, canon, "gezin.lezen", "getoond");
}

static const char *member(const json_t *body, const char *name)
{
	return json_string_value(json_object_get(body, name));
}

static tg_outcome post_regisseur(tg_request *req, const tg_services *svc, void *state)
{
	const tg_principal *p = svc->principal(req);
	const char *id = svc->path_param(req, "id");
	char canon[37];
	json_t *body = NULL;
	PGresult *r;
	tg_outcome out = TG_FAIL_INTERNAL;
	bool inserted;
	(void)state;

	if (!zk_is_uuid(id)) {
		not_found(req, svc);
		return TG_DONE;
	}
	zk_uuid_canonical(id, canon);
	switch (zk_read_valid_body(req, svc, regisseur_fields, &body)) {
	case 0: break;
	case 1: return TG_DONE;
	default: return TG_FAIL_INTERNAL;
	}
	if (svc->db_tx(req, TG_TX_BEGIN) != 0) {
		out = TG_FAIL_DB;
		goto done;
	}
	{
		const char *params[9] = { canon, p->role_name, p->identity, member(body, "soort"),
			member(body, "naam"), member(body, "organisatie"), member(body, "telefoon"),
			member(body, "email"), member(body, "toelichting") };
		r = svc->db_exec(req, ST_REGISSEUR, 9, params);
	}
	if (!r) {
		out = TG_FAIL_DB;
		goto done;
	}
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		zk_log_sqlstate(svc, req, "regisseur-failed", r);
		PQclear(r);
		goto done;
	}
	inserted = PQntuples(r) == 1;
	PQclear(r);
	if (!inserted) {
		if (svc->audit(req, "gezin.casusregisseur", NULL, NULL, "niet-gevonden") != 0 ||
		    svc->db_tx(req, TG_TX_COMMIT) != 0) {
			out = TG_FAIL_DB;
			goto done;
		}
		not_found(req, svc);
		out = TG_DONE;
		goto done;
	}
	out = read_log_send(req, svc, canon, "gezin.casusregisseur", "gewijzigd");
done:
	json_decref(body);
	return out;
}

static const tg_route routes[] = {
	{ "GET", "/api/v1/gezinnen/{id}", get_gezin, TG_ROUTE_ANY_ROLE },
	{ "POST", "/api/v1/gezinnen/{id}/casusregisseur", post_regisseur, TG_ROLE_BIT(TG_ROLE_CJG) },
};

static int init_statements(const tg_services *svc)
{
	if (svc->db_prepare(ST_READ, GZ_SQL_READ, 3) != 0 ||
	    svc->db_prepare(ST_REGISSEUR, GZ_SQL_REGISSEUR, 9) != 0)
		return -1;
	return 0;
}

ZK_PLUGIN_WITH("gezin", init_statements)
