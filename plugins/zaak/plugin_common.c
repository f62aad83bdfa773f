/* Start-up shared by the zaak plugins; see plugin_common.h. */
#include "plugin_common.h"

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "regio.h"
#include "zaak_input.h"
#include "zaak_store.h"

int zk_plugin_init(const tg_services *svc, const char *plugin)
{
	char err[512];
	char dir[1024];
	const char *own, *data;

	/* Older cores lack person_ref and audit_zaken. */
	if (svc->abi != TOEGANG_PLUGIN_ABI ||
	    svc->size < offsetof(tg_services, audit_zaken) + sizeof(svc->audit_zaken))
		return -1;
	own = svc->config(plugin, "codelijsten");
	data = svc->config(NULL, "data_dir");
	if (own)
		snprintf(dir, sizeof(dir), "%s", own);
	else
		snprintf(dir, sizeof(dir), "%s/codelijsten", data ? data : ".");
	if (zk_codelijsten_load(dir, err, sizeof(err)) != 0) {
		svc->log(NULL, TG_LOG_ERROR, "codelijst-load-failed", err);
		fprintf(stderr, "toegangd: plugin %s: %s\n", plugin, err);
		return -1;
	}
	if (zk_regio_load(svc->config(NULL, "regio"), &zk_gemeenten, err, sizeof(err)) != 0) {
		svc->log(NULL, TG_LOG_ERROR, "regio-invalid", err);
		fprintf(stderr, "toegangd: plugin %s: %s\n", plugin, err);
		zk_codelijsten_free();
		return -1;
	}
	if (zk_store_init(svc, plugin) != 0) {
		zk_codelijsten_free();
		return -1;
	}
	return 0;
}

void zk_plugin_fini(void) { zk_codelijsten_free(); }

void zk_send_invalid(tg_request *req, const tg_services *svc, const json_t *invalid)
{
	svc->send_problem(req, 422, "validation", "Unprocessable Content",
	    "Er is niets vastgelegd: invalid-params noemt wat er niet klopt.", invalid);
}

void zk_today(const tg_services *svc, zk_date *today)
{
	time_t now = svc->now();
	struct tm tm;
	localtime_r(&now, &tm);
	today->y = tm.tm_year + 1900;
	today->m = tm.tm_mon + 1;
	today->d = tm.tm_mday;
}

void zk_bad_query(tg_request *req, const tg_services *svc, const char *name, const char *reason)
{
	json_t *invalid = json_array();
	if (!invalid)
		return;
	zk_invalid(invalid, name, reason);
	svc->send_problem(req, 400, "invalid-query", "Bad Request", "Een zoekparameter is ongeldig.", invalid);
	json_decref(invalid);
}

tg_outcome zk_send_statement_json(tg_request *req, const tg_services *svc, const char *stmt,
    int nparams, const char *const *params, const char *event)
{
	PGresult *r;
	tg_outcome out = TG_FAIL_INTERNAL;

	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	r = svc->db_exec(req, stmt, nparams, params);
	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
		json_t *answer = json_loads(PQgetvalue(r, 0, 0), 0, NULL);
		if (svc->db_tx(req, TG_TX_COMMIT) != 0)
			out = TG_FAIL_DB;
		else if (answer && svc->send_json(req, 200, answer, NULL) == 0)
			out = TG_DONE;
		json_decref(answer);
	} else {
		zk_log_sqlstate(svc, req, event, r);
	}
	PQclear(r);
	return out;
}

int zk_read_valid_body(tg_request *req, const tg_services *svc, const zk_field *fields, json_t **body)
{
	const zk_field *tables[2] = { fields, NULL };
	json_t *invalid;
	int rc = 0;

	*body = NULL;
	if (svc->read_json(req, body) != 0)
		return 1;
	invalid = json_array();
	if (!invalid)
		rc = -1;
	else if (zk_validate(*body, tables, "", invalid) > 0) {
		zk_send_invalid(req, svc, invalid);
		rc = 1;
	}
	json_decref(invalid);
	if (rc != 0) {
		json_decref(*body);
		*body = NULL;
	}
	return rc;
}
