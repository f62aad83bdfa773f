/*
 * Replay of the access-log spool into the primary, run by a short-lived
 * child of the master while spool files exist: on a connection of its own,
 * never in a worker, so no request waits for it.
 */
#include "spool_replay.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "log.h"
#include "spool.h"

static int sink_command(void *ctx, const char *sql)
{
	PGresult *r = PQexec(ctx, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK && strcmp(PQcmdStatus(r), sql) == 0;
	PQclear(r);
	return ok ? 0 : -1;
}

static int sink_begin(void *ctx) { return sink_command(ctx, "BEGIN"); }

static int sink_end(void *ctx, bool commit)
{
	return sink_command(ctx, commit ? "COMMIT" : "ROLLBACK");
}

static int sink_record(void *ctx, const char *const params[TG_SPOOL_NPARAMS])
{
	PGresult *r = PQexecParams(ctx, TG_AUDIT_KEYED_SQL, TG_SPOOL_NPARAMS, NULL, params, NULL,
	    NULL, 0);
	int rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : PQstatus(ctx) == CONNECTION_OK ? -2 : -1;
	if (rc == -2) {
		/* The SQLSTATE only: a message's DETAIL can quote the row. */
		char extra[64] = "";
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		tg_log_field_str(extra, sizeof(extra), "sqlstate", state ? state : "");
		tg_log(TG_LOG_ERROR, "spool-record-refused", params[0], NULL, extra);
	}
	PQclear(r);
	return rc;
}

int tg_spool_replay_run(const tg_config *cfg)
{
	char timeout[16], extra[64] = "";
	const char *keys[] = { "dbname", "connect_timeout", "application_name", NULL };
	const char *vals[] = { cfg->database, timeout, "toegangd-spool", NULL };
	PGconn *conn;
	tg_spool_sink sink = { NULL, sink_begin, sink_record, sink_end };
	long n;

	snprintf(timeout, sizeof(timeout), "%ld", cfg->db_connect_timeout);
	conn = PQconnectdbParams(keys, vals, 1);
	if (!conn || PQstatus(conn) != CONNECTION_OK) {
		/* Every few seconds while the primary is away: not worth a warning each. */
		tg_log(TG_LOG_DEBUG, "spool-replay-waiting", NULL, "the primary is not reachable", NULL);
		PQfinish(conn);
		return -1;
	}
	sink.ctx = conn;
	n = tg_spool_replay(cfg->spool_dir, &sink);
	PQfinish(conn);
	if (n < 0) {
		tg_log(TG_LOG_WARN, "spool-replay-interrupted", NULL,
		    "the primary went away; the rest follows later", NULL);
		return -1;
	}
	if (n > 0) {
		tg_log_field_int(extra, sizeof(extra), "records", n);
		tg_log(TG_LOG_INFO, "spool-replayed", NULL, "access-log records delivered", extra);
	}
	return 0;
}
