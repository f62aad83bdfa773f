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

/* One command of a pipeline: a registered statement, or plain SQL. */
typedef struct pipe_cmd {
	const char *name;            /* prepared statement, or NULL */
	const char *sql;             /* when name is NULL: sent without parameters */
	int nparams;
	const char *const *params;
	ExecStatusType want;
	const char *tag;             /* the command tag it must answer, or NULL */
} pipe_cmd;

static void log_failed(const pipe_cmd *c, const PGresult *r)
{
	/* The SQLSTATE only: a message's DETAIL can quote the row. */
	char extra[160] = "";
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	tg_log_field_str(extra, sizeof(extra), "statement", c->name ? c->name : c->sql);
	tg_log_field_str(extra, sizeof(extra), "sqlstate", state ? state : "");
	tg_log(TG_LOG_ERROR, "db-statement-failed", NULL, NULL, extra);
}

/*
 * Sends the commands as one pipeline (one round trip) and checks every
 * answer. 0, or -1 when any command failed or the connection broke; a
 * connection left in pipeline mode is dropped, since every later plain
 * call on it would fail.
 */
static int pipeline(const pipe_cmd *cmds, size_t n)
{
	int ok = 1;

	if (!tg_db_get())
		return -1;
	if (PQenterPipelineMode(conn) != 1)
		return -1;
	for (size_t i = 0; i < n && ok; i++) {
		int sent = cmds[i].name
		    ? PQsendQueryPrepared(conn, cmds[i].name, cmds[i].nparams, cmds[i].params, NULL,
		          NULL, 0)
		    : PQsendQueryParams(conn, cmds[i].sql, 0, NULL, NULL, NULL, NULL, 0);
		ok = sent == 1;
	}
	if (ok && PQpipelineSync(conn) != 1)
		ok = 0;
	if (ok) {
		for (size_t i = 0; i < n && PQstatus(conn) == CONNECTION_OK; i++) {
			PGresult *r;
			while ((r = PQgetResult(conn)) != NULL) {
				ExecStatusType st = PQresultStatus(r);
				if (st != cmds[i].want ||
				    (cmds[i].tag && strcmp(PQcmdStatus(r), cmds[i].tag) != 0)) {
					ok = 0;
					if (st == PGRES_FATAL_ERROR)
						log_failed(&cmds[i], r);
				}
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

/* BEGIN and the caller's settings for the row-level security policies. */
int tg_db_begin_as(const char *role, const char *identity)
{
	const char *params[2] = { role, identity };
	const pipe_cmd cmds[2] = {
		{ NULL, "BEGIN", 0, NULL, PGRES_COMMAND_OK, "BEGIN" },
		{ "tg_principal_set", NULL, 2, params, PGRES_TUPLES_OK, NULL },
	};
	return pipeline(cmds, 2);
}

/*
 * Statements deferred to the COMMIT (the access log): they travel in the
 * COMMIT's round trip, and a failure of any of them aborts the commit.
 */
#define MAX_DEFERRED 8

typedef struct deferred {
	char *name;
	int nparams;
	char *params[64];
} deferred;

static deferred queue[MAX_DEFERRED];
static size_t nqueue;

static void queue_clear(void)
{
	for (size_t i = 0; i < nqueue; i++) {
		free(queue[i].name);
		for (int k = 0; k < queue[i].nparams; k++)
			free(queue[i].params[k]);
	}
	nqueue = 0;
}

int tg_db_defer(const char *name, int nparams, const char *const *params)
{
	deferred *d;
	if (nqueue == MAX_DEFERRED || nparams < 0 || nparams > 64 || !tg_db_in_transaction())
		return 1;
	d = &queue[nqueue];
	memset(d, 0, sizeof(*d));
	d->nparams = nparams;
	d->name = strdup(name);
	bool failed = !d->name;
	for (int k = 0; k < nparams && !failed; k++)
		if (params[k] && !(d->params[k] = strdup(params[k])))
			failed = true;
	if (failed) {
		free(d->name);
		for (int k = 0; k < nparams; k++)
			free(d->params[k]);
		return -1;
	}
	nqueue++;
	return 0;
}

static int commit_with_deferred(void)
{
	pipe_cmd cmds[MAX_DEFERRED + 1];
	int rc;
	for (size_t i = 0; i < nqueue; i++) {
		cmds[i] = (pipe_cmd){ queue[i].name, NULL, queue[i].nparams,
		    (const char *const *)queue[i].params, PGRES_COMMAND_OK, NULL };
	}
	cmds[nqueue] = (pipe_cmd){ NULL, "COMMIT", 0, NULL, PGRES_COMMAND_OK, "COMMIT" };
	rc = pipeline(cmds, nqueue + 1);
	queue_clear();
	return rc;
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

void tg_db_request_end(void)
{
	lost_in_request = false;
	queue_clear();
}

int tg_db_command(const char *sql)
{
	PGresult *r;
	int ok;
	if (nqueue > 0) {
		if (strcmp(sql, "COMMIT") == 0)
			return commit_with_deferred();
		queue_clear();
	}
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
