/* The worker's database connections; see db.h for the policy. */
#include "db.h"

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"

#define MAX_STATEMENTS 256
/* A read may do without either server (the primary's WAL position and its
 * access-log record, for which the spool stands in; the standby, for which
 * the primary does), so it never waits db_connect_timeout for one that is
 * away: a connection it needs is attempted without blocking, and each read
 * gives the attempt at most this long to make progress. A host that is down
 * (no answer at all) costs a read this much, not seconds. */
#define TRY_BUDGET_MS 10
/* A standby found too far behind is left alone for this long. */
#define STANDBY_REST_S 1

typedef struct statement {
	char *name;
	char *sql;
	int nparams;
} statement;

static statement registry[MAX_STATEMENTS];
static size_t nregistry;

typedef struct dbconn {
	const char *what;        /* "primary" or "standby": the log's name for it */
	const char *appname;     /* application_name, as pg_stat_activity shows it */
	PGconn *conn;
	PGconn *pending;         /* a non-blocking attempt in progress (dbc_try) */
	PostgresPollingStatusType polling;
	uint64_t pending_since;  /* ms */
	char *conninfo;
	time_t last_attempt;
	/* Set when the connection is lost during a request: a fresh connection
	 * would have no transaction, so what the request does next could commit
	 * piecemeal. The rest of that request fails; the next one reconnects. */
	bool lost_in_request;
} dbconn;

static dbconn primary = { .what = "primary", .appname = "toegangd" };
static dbconn standby = { .what = "standby", .appname = "toegangd-standby" };
/* Where the request's transaction runs: the standby only from a
 * tg_db_begin_read_as that chose it to that transaction's end. */
static dbconn *cur = &primary;
static int timeout_s;

/* Set in the master, inherited by fork. */
static const char *standby_conninfo;
static long standby_wait_ms;
static tg_db_spill_fn spill;
static time_t standby_rest_until;

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

int tg_db_set_standby(const char *conninfo, long max_wait_ms)
{
	standby_conninfo = conninfo && *conninfo ? conninfo : NULL;
	standby_wait_ms = max_wait_ms;
	if (!standby_conninfo)
		return 0;
	/* Flushed, not written: every acknowledged commit is flushed (the
	 * daemon's commits are synchronous), and the standby is sent only what
	 * is. A server not in recovery (a promoted standby) has all it has. */
	if (tg_db_register("tg_primary_lsn", "SELECT pg_current_wal_flush_lsn()::text", 0) != 0 ||
	    tg_db_register("tg_standby_caught_up",
	        "SELECT COALESCE(pg_last_wal_replay_lsn() >= $1::pg_lsn, true)", 1) != 0)
		return -1;
	return 0;
}

void tg_db_set_spill(tg_db_spill_fn fn) { spill = fn; }

bool tg_db_has_standby(void) { return standby_conninfo != NULL; }

static PGconn *dbc_get(dbconn *c);

void tg_db_worker_init(const char *conninfo, int connect_timeout)
{
	free(primary.conninfo);
	free(standby.conninfo);
	primary.conninfo = strdup(conninfo);
	standby.conninfo = standby_conninfo ? strdup(standby_conninfo) : NULL;
	timeout_s = connect_timeout;
	primary.last_attempt = standby.last_attempt = 0;
	/* The standby now, so that the first read finds it (a read does not wait
	 * for a connection to it); failure is not fatal. */
	if (standby.conninfo)
		(void)dbc_get(&standby);
}

static void dbc_close(dbconn *c)
{
	if (c->conn)
		PQfinish(c->conn);
	if (c->pending)
		PQfinish(c->pending);
	c->conn = c->pending = NULL;
	free(c->conninfo);
	c->conninfo = NULL;
}

void tg_db_worker_close(void)
{
	dbc_close(&primary);
	dbc_close(&standby);
}

static void log_server(tg_log_level level, const char *event, const dbconn *c, const char *msg)
{
	char extra[64] = "";
	tg_log_field_str(extra, sizeof(extra), "server", c->what);
	tg_log(level, event, NULL, msg, extra);
}

static int prepare_all(PGconn *conn)
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

static uint64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* c->conn is up (connected by either path): prepare, or drop it. */
static int connected(dbconn *c)
{
	if (prepare_all(c->conn) != 0) {
		PQfinish(c->conn);
		c->conn = NULL;
		return -1;
	}
	c->last_attempt = 0;
	log_server(TG_LOG_DEBUG, "db-connected", c, NULL);
	return 0;
}

static void connect_failed(dbconn *c, PGconn **attempt, const char *why)
{
	log_server(TG_LOG_WARN, "db-connect-failed", c,
	    why ? why : *attempt ? PQerrorMessage(*attempt) : "out of memory");
	if (*attempt)
		PQfinish(*attempt);
	*attempt = NULL;
}

/* Whether a new attempt is due: none in the last second (a dead server is not hammered). */
static bool attempt_due(dbconn *c)
{
	time_t now = time(NULL);
	if (!c->conninfo || c->lost_in_request)
		return false;
	if (c->last_attempt && now - c->last_attempt < 1 && now >= c->last_attempt)
		return false;
	c->last_attempt = now;
	return true;
}

/* The live connection, or a new one, waiting for it up to db_connect_timeout. */
static PGconn *dbc_get(dbconn *c)
{
	char timeout[16];
	const char *keys[] = { "dbname", "connect_timeout", "application_name", NULL };
	const char *vals[] = { c->conninfo, timeout, c->appname, NULL };

	if (c->conn && PQstatus(c->conn) == CONNECTION_OK)
		return c->conn;
	/* A read's attempt in progress: this caller waits, so start over blocking
	 * (libpq then also moves on through a multi-host conninfo on timeouts). */
	if (c->pending) {
		PQfinish(c->pending);
		c->pending = NULL;
		c->last_attempt = 0;
	}
	if (!attempt_due(c))
		return NULL;
	snprintf(timeout, sizeof(timeout), "%d", timeout_s);
	if (c->conn)
		PQfinish(c->conn);
	/* expand_dbname: the configured string is a full conninfo; the keys after it
	 * win, so db_connect_timeout is always the configured one. */
	c->conn = PQconnectdbParams(keys, vals, 1);
	if (!c->conn || PQstatus(c->conn) != CONNECTION_OK) {
		connect_failed(c, &c->conn, NULL);
		return NULL;
	}
	return connected(c) == 0 ? c->conn : NULL;
}

/*
 * The live connection, or progress on a non-blocking attempt for at most
 * budget_ms: NULL while the server is away or the attempt is not through.
 * An attempt is given up after db_connect_timeout.
 */
static PGconn *dbc_try(dbconn *c, int budget_ms)
{
	char timeout[16];
	const char *keys[] = { "dbname", "connect_timeout", "application_name", NULL };
	const char *vals[] = { c->conninfo, timeout, c->appname, NULL };
	uint64_t deadline = now_ms() + (uint64_t)budget_ms;

	if (c->conn && PQstatus(c->conn) == CONNECTION_OK)
		return c->conn;
	if (!c->pending) {
		if (!attempt_due(c))
			return NULL;
		snprintf(timeout, sizeof(timeout), "%d", timeout_s);
		if (c->conn)
			PQfinish(c->conn);
		c->conn = NULL;
		c->pending = PQconnectStartParams(keys, vals, 1);
		if (!c->pending || PQstatus(c->pending) == CONNECTION_BAD) {
			connect_failed(c, &c->pending, NULL);
			return NULL;
		}
		c->polling = PGRES_POLLING_WRITING;
		c->pending_since = now_ms();
	}
	while (c->polling != PGRES_POLLING_OK) {
		struct pollfd p = { PQsocket(c->pending), 0, 0 };
		uint64_t now = now_ms();
		if (c->polling == PGRES_POLLING_FAILED) {
			connect_failed(c, &c->pending, NULL);
			return NULL;
		}
		p.events = c->polling == PGRES_POLLING_READING ? POLLIN : POLLOUT;
		if (poll(&p, 1, now < deadline ? (int)(deadline - now) : 0) > 0) {
			c->polling = PQconnectPoll(c->pending);
			continue;
		}
		/* Not yet: the next read carries on, unless the server had its time. */
		if (now_ms() - c->pending_since >= (uint64_t)timeout_s * 1000u)
			connect_failed(c, &c->pending, "timeout expired");
		return NULL;
	}
	c->conn = c->pending;
	c->pending = NULL;
	return connected(c) == 0 ? c->conn : NULL;
}

PGconn *tg_db_get(void) { return dbc_get(&primary); }

/* After a failed call: was it the connection, rather than the statement? */
static bool lost(dbconn *c)
{
	if (c->conn && PQstatus(c->conn) == CONNECTION_OK)
		return false;
	log_server(TG_LOG_WARN, "db-connection-lost", c, NULL);
	c->lost_in_request = true;
	if (c->conn)
		PQfinish(c->conn);
	c->conn = NULL;
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
	char *value;                 /* when not NULL: receives the first value ("" for NULL) */
	size_t valuelen;
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

static bool check_answer(const pipe_cmd *cmd, PGresult *r)
{
	ExecStatusType st = PQresultStatus(r);
	if (st != cmd->want || (cmd->tag && strcmp(PQcmdStatus(r), cmd->tag) != 0)) {
		if (st == PGRES_FATAL_ERROR)
			log_failed(cmd, r);
		return false;
	}
	if (cmd->value && st == PGRES_TUPLES_OK && PQntuples(r) > 0 && PQnfields(r) > 0)
		snprintf(cmd->value, cmd->valuelen, "%s", PQgetvalue(r, 0, 0));
	return true;
}

/*
 * Sends the commands as one pipeline (one round trip) and checks every
 * answer. 0, or -1 when any command failed or the connection broke; a
 * connection left in pipeline mode is dropped, since every later plain
 * call on it would fail.
 */
static int pipeline(dbconn *c, const pipe_cmd *cmds, size_t n)
{
	int ok = 1;
	PGconn *conn = dbc_get(c);

	if (!conn)
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
			if (cmds[i].value)
				cmds[i].value[0] = '\0';
			while ((r = PQgetResult(conn)) != NULL) {
				if (!check_answer(&cmds[i], r))
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
	if (!ok && PQpipelineStatus(conn) != PQ_PIPELINE_OFF) {
		log_server(TG_LOG_WARN, "db-pipeline-stuck", c, NULL);
		PQfinish(conn);
		c->conn = NULL;
		c->lost_in_request = true;
		return -1;
	}
	if (!ok)
		(void)lost(c);
	return ok ? 0 : -1;
}

/* BEGIN and the caller's settings for the row-level security policies. */
int tg_db_begin_as(const char *role, const char *identity)
{
	const char *params[2] = { role, identity };
	const pipe_cmd cmds[2] = {
		{ NULL, "BEGIN", 0, NULL, PGRES_COMMAND_OK, "BEGIN", NULL, 0 },
		{ "tg_principal_set", NULL, 2, params, PGRES_TUPLES_OK, NULL, NULL, 0 },
	};
	cur = &primary;
	return pipeline(&primary, cmds, 2);
}

/* Ends an open standby transaction that will not be used. */
static void standby_abandon(void)
{
	if (standby.conn && PQtransactionStatus(standby.conn) != PQTRANS_IDLE) {
		PGresult *r = PQexec(standby.conn, "ROLLBACK");
		PQclear(r);
		(void)lost(&standby);
	}
}

/* Whether the standby has replayed up to lsn, asked again until the wait is over. */
static bool standby_catch_up(const char *const *lsn)
{
	uint64_t deadline = now_ms() + (uint64_t)standby_wait_ms;
	long pause_us = 500;

	while (now_ms() < deadline) {
		struct timespec ts = { 0, pause_us * 1000 };
		PGresult *r;
		bool yes;
		nanosleep(&ts, NULL);
		r = PQexecPrepared(standby.conn, "tg_standby_caught_up", 1, lsn, NULL, NULL, 0);
		yes = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
		    strcmp(PQgetvalue(r, 0, 0), "t") == 0;
		PQclear(r);
		if (yes)
			return true;
		if (lost(&standby))
			return false;
		pause_us = pause_us < 16000 ? pause_us * 2 : 16000;
	}
	return false;
}

int tg_db_begin_read_as(const char *role, const char *identity)
{
	char lsn[64] = "", caught[8] = "";
	const char *principal[2] = { role, identity };
	const char *lsn_param[1] = { NULL };
	time_t now = time(NULL);
	pipe_cmd cmds[3] = {
		{ NULL, "BEGIN", 0, NULL, PGRES_COMMAND_OK, "BEGIN", NULL, 0 },
		{ "tg_principal_set", NULL, 2, principal, PGRES_TUPLES_OK, NULL, NULL, 0 },
		{ "tg_standby_caught_up", NULL, 1, lsn_param, PGRES_TUPLES_OK, NULL, caught,
		    sizeof(caught) },
	};

	if (!standby.conninfo)
		return tg_db_begin_as(role, identity);
	if (now < standby_rest_until && now >= standby_rest_until - STANDBY_REST_S) {
		/* Behind a moment ago: the primary reads, unless it is gone. */
		int rc = tg_db_begin_as(role, identity);
		if (rc == 0 || primary.conn)
			return rc;
	}
	/* Every write acknowledged before this read is flushed on the primary by
	 * now. Without the primary there is nothing newer than the standby; a
	 * primary that answers but not this, reads itself. */
	if (dbc_try(&primary, TRY_BUDGET_MS)) {
		const pipe_cmd ask = { "tg_primary_lsn", NULL, 0, NULL, PGRES_TUPLES_OK, NULL, lsn,
			sizeof(lsn) };
		if (pipeline(&primary, &ask, 1) == 0 && lsn[0])
			lsn_param[0] = lsn;
		else if (primary.conn)
			return tg_db_begin_as(role, identity);
	}
	/* Without the primary, the standby is worth waiting for after all. */
	if (!dbc_try(&standby, TRY_BUDGET_MS) && (primary.conn || !dbc_get(&standby))) {
		return tg_db_begin_as(role, identity);
	}
	if (pipeline(&standby, cmds, 3) != 0) {
		standby_abandon();
		return tg_db_begin_as(role, identity);
	}
	cur = &standby;
	if (strcmp(caught, "t") == 0 || standby_catch_up(lsn_param))
		return 0;
	if (standby.conn)
		log_server(TG_LOG_WARN, "standby-behind", &standby,
		    "reads go to the primary for a second");
	standby_abandon();
	standby_rest_until = time(NULL) + STANDBY_REST_S;
	return tg_db_begin_as(role, identity);
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

static size_t queue_cmds(pipe_cmd *cmds)
{
	for (size_t i = 0; i < nqueue; i++)
		cmds[i] = (pipe_cmd){ queue[i].name, NULL, queue[i].nparams,
			(const char *const *)queue[i].params, PGRES_COMMAND_OK, NULL, NULL, 0 };
	return nqueue;
}

static int commit_with_deferred(void)
{
	pipe_cmd cmds[MAX_DEFERRED + 1];
	size_t n = queue_cmds(cmds);
	int rc;
	cmds[n] = (pipe_cmd){ NULL, "COMMIT", 0, NULL, PGRES_COMMAND_OK, "COMMIT", NULL, 0 };
	rc = pipeline(&primary, cmds, n + 1);
	queue_clear();
	return rc;
}

/*
 * Writes cmds on the primary in one implicit transaction (one round trip),
 * or, when the primary is away or the connection broke on the way, hands
 * each to the spill function. A connection that broke after the server got
 * the statements leaves it unknown whether they committed: what is spilled
 * must be safe to write twice (the access log's delivery key).
 */
static int deliver(const pipe_cmd *cmds, size_t n)
{
	if (dbc_try(&primary, TRY_BUDGET_MS) && pipeline(&primary, cmds, n) == 0)
		return 0;
	if (primary.conn)
		return -1; /* the primary answered and refused: the spool would not do better */
	for (size_t i = 0; i < n; i++)
		if (!spill || spill(cmds[i].name, cmds[i].nparams, cmds[i].params) != 0)
			return -1;
	return 0;
}

int tg_db_write_or_spill(const char *name, int nparams, const char *const *params)
{
	const pipe_cmd cmd = { name, NULL, nparams, params, PGRES_COMMAND_OK, NULL, NULL, 0 };
	return deliver(&cmd, 1);
}

/* COMMIT or ROLLBACK of a standby transaction; the deferred statements go on
 * to the primary only once the read is over. */
static int end_standby(const char *sql)
{
	PGresult *r = standby.conn ? PQexec(standby.conn, sql) : NULL;
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK && strcmp(PQcmdStatus(r), sql) == 0;
	pipe_cmd cmds[MAX_DEFERRED];
	PQclear(r);
	if (!ok && standby.conn)
		(void)lost(&standby);
	cur = &primary;
	if (ok && strcmp(sql, "COMMIT") == 0 && nqueue > 0)
		ok = deliver(cmds, queue_cmds(cmds)) == 0;
	queue_clear();
	return ok ? 0 : -1;
}

PGresult *tg_db_exec(const char *name, int nparams, const char *const *params)
{
	PGresult *r;
	PGconn *conn = dbc_get(cur);
	if (!conn)
		return NULL;
	r = PQexecPrepared(conn, name, nparams, params, NULL, NULL, 0);
	if (!r || PQresultStatus(r) == PGRES_FATAL_ERROR) {
		if (lost(cur)) {
			PQclear(r);
			return NULL;
		}
	}
	return r;
}

PGresult *tg_db_exec_on(tg_db_server server, const char *name, int nparams,
    const char *const *params)
{
	dbconn *c = server == TG_DB_STANDBY ? &standby : &primary;
	PGconn *conn = dbc_get(c);
	PGresult *r;
	if (!conn || PQtransactionStatus(conn) != PQTRANS_IDLE)
		return NULL;
	r = PQexecPrepared(conn, name, nparams, params, NULL, NULL, 0);
	if ((!r || PQresultStatus(r) == PGRES_FATAL_ERROR) && lost(c)) {
		PQclear(r);
		return NULL;
	}
	return r;
}

void tg_db_request_end(void)
{
	primary.lost_in_request = false;
	standby.lost_in_request = false;
	cur = &primary;
	queue_clear();
}

int tg_db_command(const char *sql)
{
	PGresult *r;
	PGconn *conn;
	int ok;
	if (cur == &standby)
		return end_standby(sql);
	cur = &primary;
	if (nqueue > 0) {
		if (strcmp(sql, "COMMIT") == 0)
			return commit_with_deferred();
		queue_clear();
	}
	if (!(conn = tg_db_get()))
		return -1;
	r = PQexec(conn, sql);
	/* An aborted transaction answers COMMIT with the tag ROLLBACK, yet COMMAND_OK. */
	ok = PQresultStatus(r) == PGRES_COMMAND_OK && strcmp(PQcmdStatus(r), sql) == 0;
	PQclear(r);
	if (!ok)
		(void)lost(&primary);
	return ok ? 0 : -1;
}

bool tg_db_in_transaction(void)
{
	return cur->conn && PQtransactionStatus(cur->conn) != PQTRANS_IDLE;
}

bool tg_db_on_standby(void) { return cur == &standby && tg_db_in_transaction(); }
