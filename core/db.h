/*
 * The worker's PostgreSQL connection.
 *
 * Statements are registered once, in the master before fork (the core's own
 * and the plugins'), and prepared on every (re)connection, so a request only
 * ever sends Bind/Execute for a name: one round trip, no parsing per request.
 * A lost connection costs the request in hand a 503; the next request
 * reconnects, at most once per second so a dead server is not hammered.
 */
#ifndef TOEGANG_DB_H
#define TOEGANG_DB_H

#include <stdbool.h>

#include <libpq-fe.h>

/* Master, before fork. Returns 0, or -1 for a duplicate name or bad arguments. */
int tg_db_register(const char *name, const char *sql, int nparams);
void tg_db_registry_free(void);

/* Worker, after fork: remembers the connection string; connects lazily. */
void tg_db_worker_init(const char *conninfo, int connect_timeout);
void tg_db_worker_close(void);

/* The live connection, connecting (and preparing) when needed; NULL when unavailable. */
PGconn *tg_db_get(void);

/*
 * Executes a registered statement. Returns the result (caller PQclear()s), or
 * NULL when the connection is unavailable or was lost during the call.
 */
PGresult *tg_db_exec(const char *name, int nparams, const char *const *params);

/*
 * Runs a plain command (BEGIN, COMMIT, ROLLBACK). 0 only when the server
 * answered with that very command tag: a COMMIT of an aborted transaction
 * (answered ROLLBACK) or outside one is a failure.
 */
int tg_db_command(const char *sql);

/*
 * BEGIN, then the transaction-local settings toegang.rol and
 * toegang.identiteit (statement "tg_principal_set", registered by the
 * services), in one round trip. 0, or -1 (the transaction may be open:
 * the dispatcher rolls it back).
 */
int tg_db_begin_as(const char *role, const char *identity);

bool tg_db_in_transaction(void);

/*
 * Inside a transaction: queues a registered statement (parameters copied) to
 * be sent with the COMMIT, in its round trip; if it fails, the COMMIT fails.
 * A ROLLBACK or the end of the request drops the queue. Returns 0 when
 * queued, 1 when the caller must run it now (no transaction, queue full),
 * -1 when out of memory.
 */
int tg_db_defer(const char *name, int nparams, const char *const *params);

/* Ends the request: a connection lost during it may be replaced again. */
void tg_db_request_end(void);

#endif
