/*
 * The services table: thin wrappers that give plugins the core's request,
 * response, database, access-log, configuration and log helpers, so that a
 * plugin links against nothing of the core.
 */
#include "services.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "db.h"
#include "log.h"
#include "request.h"
#include "response.h"

static const tg_config *config;

static const char *svc_method(const tg_request *req) { return req->method; }

static const char *svc_path_param(const tg_request *req, const char *name)
{
	return tg_request_path_param(req, name);
}

static const char *svc_query_param(tg_request *req, const char *name)
{
	return tg_request_query_param(req, name);
}

static const char *svc_header(const tg_request *req, const char *name)
{
	/* The token is the core's business; a plugin has no use for it. */
	if (strcasecmp(name, "Authorization") == 0)
		return NULL;
	return tg_request_header(req, name);
}

static const tg_principal *svc_principal(const tg_request *req)
{
	return req->authenticated ? &req->principal : NULL;
}

static const char *svc_request_id(const tg_request *req) { return req->rid; }

static int svc_read_json(tg_request *req, json_t **out) { return tg_request_read_json(req, out); }

static int svc_db_prepare(const char *name, const char *sql, int nparams)
{
	return tg_db_register(name, sql, nparams);
}

static PGresult *svc_db_exec(tg_request *req, const char *name, int nparams,
    const char *const *params)
{
	(void)req;
	return tg_db_exec(name, nparams, params);
}

static int svc_db_tx(tg_request *req, tg_tx what)
{
	static const char *const sql[] = {
		[TG_TX_BEGIN] = "BEGIN", [TG_TX_COMMIT] = "COMMIT", [TG_TX_ROLLBACK] = "ROLLBACK",
	};
	(void)req;
	if ((int)what < 0 || what > TG_TX_ROLLBACK)
		return -1;
	return tg_db_command(sql[what]);
}

int tg_audit_write(tg_request *req, const char *action, const char *zaak_id,
    const char *person_ref, const char *outcome)
{
	const tg_principal *p = req->authenticated ? &req->principal : NULL;
	const char *params[8];
	PGresult *r;
	int ok;

	params[0] = req->rid;
	params[1] = p ? p->role_name : NULL;
	params[2] = p ? p->identity : NULL;
	params[3] = action;
	params[4] = zaak_id;
	params[5] = person_ref;
	params[6] = outcome;
	params[7] = tg_request_param(req, "REMOTE_ADDR");
	r = tg_db_exec("tg_audit", 8, params);
	if (!r)
		return -1;
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok) {
		/* Only the SQLSTATE: the message's DETAIL can quote the row, BSN and all. */
		char extra[64] = "";
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		tg_log_field_str(extra, sizeof(extra), "sqlstate", state ? state : "");
		tg_log(TG_LOG_ERROR, "audit-failed", req->rid, NULL, extra);
	}
	PQclear(r);
	return ok ? 0 : -1;
}

static const char *svc_config(const char *plugin, const char *key)
{
	return config ? tg_config_plugin_value(config, plugin, key) : NULL;
}

static void svc_log(const tg_request *req, tg_log_level level, const char *event,
    const char *message)
{
	tg_log(level, event, req ? req->rid : NULL, message, NULL);
}

static time_t svc_now(void) { return time(NULL); }

static const tg_services table = {
	.abi = TOEGANG_PLUGIN_ABI,
	.size = sizeof(tg_services),
	.method = svc_method,
	.path_param = svc_path_param,
	.query_param = svc_query_param,
	.header = svc_header,
	.principal = svc_principal,
	.request_id = svc_request_id,
	.read_json = svc_read_json,
	.send_json = tg_send_json,
	.send_problem = tg_send_problem,
	.db_prepare = svc_db_prepare,
	.db_exec = svc_db_exec,
	.db_tx = svc_db_tx,
	.audit = tg_audit_write,
	.config = svc_config,
	.log = svc_log,
	.now = svc_now,
};

int tg_services_init(const tg_config *cfg)
{
	config = cfg;
	if (tg_db_register("tg_health", "SELECT 1", 0) != 0)
		return -1;
	return tg_db_register("tg_audit",
	    "INSERT INTO toegangslog (request_id, rol, actor, actie, zaak_id, persoon_ref, "
	    "uitkomst, herkomst) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
	    8);
}

const tg_services *tg_services_table(void) { return &table; }
