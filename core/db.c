/* The worker's database connection; see db.h for the policy. */
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"

#define MAX_STATEMENTS 256

typedef struct statement {
	char *name;
	char *sql;
	int nparams;
} statement;

static statement registry[MAX_STATEMENTS];
static size_t nregistry;

static PGconn *conn;
static char *conninfo_copy;
static int timeout_s;
static time_t last_attempt;
/* Set when the connection is lost during a request: a fresh connection would
 * have no transaction, so what the request does next could commit piecemeal.
 * The rest of that request fails; the next one reconnects. */
static bool lost_in_request;

int tg_db_register(const char *name, const char *sql, int nparams)
{
	if (!name || !*name || !sql || nparams < 0 || nparams > 64 || nregistry == MAX_STATEMENTS)
		return -1;
	for (size_t i = 0; i < nregistry; i++)
		if (strcmp(registry[i].name, name) == 0)
			return -1;
	registry[nregistry].name = strdup(name);
	registry[nregistry].sql = strdup(sql);
	registry[nregistry].nparams = nparams;
	if (!registry[nregistry].name || !registry[nregistry].sql) {
		free(registry[nregistry].name);
		free(registry[nregistry].sql);
		return -1;
	}
	nregistry++;
	return 0;
}

void tg_db_registry_free(void)
{
	for (size_t i = 0; i < nregistry; i++) {
		free(registry[i].name);
		free(registry[i].sql);
	}
	nregistry = 0;
}

void tg_db_worker_init(const char *conninfo, int connect_timeout)
{
	free(conninfo_copy);
	conninfo_copy = strdup(conninfo);
	timeout_s = connect_timeout;
	last_attempt = 0;
}

void tg_db_worker_close(void)
{
	if (conn)
		PQfinish(conn);
	conn = NULL;
	free(conninfo_copy);
	conninfo_copy = NULL;
}

static int prepare_all(void)
{
	for (size_t i = 0; i < nregistry; i++) {
		PGresult *r = PQprepare(conn, registry[i].name, registry[i].sql, registry[i].nparams,
		    NULL);
		int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		PQclear(r);
		if (!ok) {
			char extra[256] = "";
			tg_log_field_str(extra, sizeof(extra), "statement", registry[i].name);
			/* The server's message names objects of our schema, never data. */
			tg_log(TG_LOG_ERROR, "db-prepare-failed", NULL, PQerrorMessage(conn), extra);
			return -1;
		}
	}
	return 0;
}

static int connect_now(void)
{
	char timeout[16];
	const char *keys[] = { "dbname", "connect_timeout", "application_name", NULL };
	const char *vals[] = { conninfo_copy, timeout, "toegangd", NULL };

	snprintf(timeout, sizeof(timeout), "%d", timeout_s);
	if (conn)
		PQfinish(conn);
	/* expand_dbname: the configured string is a full conninfo; the keys after it
	 * win, so db_connect_timeout is always the configured one. */
	conn = PQconnectdbParams(keys, vals, 1);
	if (!conn || PQstatus(conn) != CONNECTION_OK) {
		tg_log(TG_LOG_WARN, "db-connect-failed", NULL,
		    conn ? PQerrorMessage(conn) : "out of memory", NULL);
		goto fail;
	}
	if (prepare_all() != 0)
		goto fail;
	tg_log(TG_LOG_DEBUG, "db-connected", NULL, NULL, NULL);
	return 0;
fail:
	if (conn)
		PQfinish(conn);
	conn = NULL;
	return -1;
}

PGconn *tg_db_get(void)
{
	time_t now;
	if (conn && PQstatus(conn) == CONNECTION_OK)
		return conn;
	if (!conninfo_copy || lost_in_request)
		return NULL;
	now = time(NULL);
	if (last_attempt && now - last_attempt < 1)
		return NULL;
	last_attempt = now;
	if (connect_now() != 0)
		return NULL;
	last_attempt = 0;
	return conn;
}

/* After a failed call: was it the connection, rather than the statement? */
static bool lost(void)
{
	if (conn && PQstatus(conn) == CONNECTION_OK)
		return false;
	tg_log(TG_LOG_WARN, "db-connection-lost", NULL, NULL, NULL);
	lost_in_request = true;
	if (conn)
		PQfinish(conn);
	conn = NULL;
	return true;
}

PGresult *tg_db_exec(const char *name, int nparams, const char *const *params)
{
	PGresult *r;
	if (!tg_db_get())
		return NULL;
	r = PQexecPrepared(conn, name, nparams, params, NULL, NULL, 0);
	if (!r || PQresultStatus(r) == PGRES_FATAL_ERROR) {
		if (lost()) {
			PQclear(r);
			return NULL;
		}
	}
	return r;
}

void tg_db_request_end(void) { lost_in_request = false; }

int tg_db_command(const char *sql)
{
	PGresult *r;
	int ok;
	if (!tg_db_get())
		return -1;
	r = PQexec(conn, sql);
	/* An aborted transaction answers COMMIT with the tag ROLLBACK, yet COMMAND_OK. */
	ok = PQresultStatus(r) == PGRES_COMMAND_OK && strcmp(PQcmdStatus(r), sql) == 0;
	PQclear(r);
	if (!ok)
		(void)lost();
	return ok ? 0 : -1;
}

bool tg_db_in_transaction(void)
{
	return conn && PQtransactionStatus(conn) != PQTRANS_IDLE;
}

/*
 * BEGIN and the caller's settings for the row-level security policies, sent
 * as one pipeline: one round trip where two plain calls would take two.
 */
int tg_db_begin_as(const char *role, const char *identity)
{
	const char *params[2] = { role, identity };
	int ok = 1;

	if (!tg_db_get())
		return -1;
	if (PQenterPipelineMode(conn) != 1)
		return -1;
	if (PQsendQueryParams(conn, "BEGIN", 0, NULL, NULL, NULL, NULL, 0) != 1 ||
	    PQsendQueryPrepared(conn, "tg_principal_set", 2, params, NULL, NULL, 0) != 1 ||
	    PQpipelineSync(conn) != 1) {
		ok = 0;
	} else {
		static const ExecStatusType want[2] = { PGRES_COMMAND_OK, PGRES_TUPLES_OK };
		for (int q = 0; q < 2 && PQstatus(conn) == CONNECTION_OK; q++) {
			PGresult *r;
			while ((r = PQgetResult(conn)) != NULL) {
				if (PQresultStatus(r) != want[q])
					ok = 0;
				PQclear(r);
			}
		}
		if (PQstatus(conn) == CONNECTION_OK) {
			PGresult *r = PQgetResult(conn);
			if (!r || PQresultStatus(r) != PGRES_PIPELINE_SYNC)
				ok = 0;
			PQclear(r);
		}
	}
	if (PQstatus(conn) == CONNECTION_OK && PQexitPipelineMode(conn) != 1)
		ok = 0;
	if (!ok && conn && PQpipelineStatus(conn) != PQ_PIPELINE_OFF) {
		/* Results left unread keep the connection in pipeline mode, where
		 * every later plain call fails: this connection is done for. */
		tg_log(TG_LOG_WARN, "db-pipeline-stuck", NULL, NULL, NULL);
		PQfinish(conn);
		conn = NULL;
		lost_in_request = true;
		return -1;
	}
	if (!ok)
		(void)lost();
	return ok ? 0 : -1;
}
