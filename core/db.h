/*
 * The worker's PostgreSQL connections: the primary, and optionally a hot
 * standby that serves the transactions of reading requests.
 *
 * Statements are registered once, in the master before fork (the core's own
 * and the plugins'), and prepared on every (re)connection, so a request only
 * ever sends Bind/Execute for a name: one round trip, no parsing per request.
 * A lost connection costs the request in hand a 503; the next request
 * reconnects, at most once per second so a dead server is not hammered.
 *
 * Reads from the standby see every write acknowledged before the read began
 * (read-your-writes for everyone, on every host): the read first asks the
 * primary how far its WAL is flushed and waits, at most standby_max_wait_ms,
 * until the standby has replayed that far; a standby further behind leaves
 * the read, and the reads of the next second, to the primary. With the
 * primary away there is nothing newer than the standby: it serves as it is.
 */
#ifndef TOEGANG_DB_H
#define TOEGANG_DB_H

#include <stdbool.h>

#include <libpq-fe.h>

typedef enum tg_db_server { TG_DB_PRIMARY, TG_DB_STANDBY } tg_db_server;

/* Master, before fork. Returns 0, or -1 for a duplicate name or bad arguments. */
int tg_db_register(const char *name, const char *sql, int nparams);
void tg_db_registry_free(void);

/*
 * Master, before fork: the standby (conninfo NULL: none) and how long a read
 * waits for it to catch up. Registers the two statements that compare WAL
 * positions. 0, or -1.
 */
int tg_db_set_standby(const char *conninfo, long max_wait_ms);

/*
 * Where the deferred statements of a standby transaction go when the primary
 * cannot take them (the access-log spool): returns 0 when the statement is
 * durably kept for later, -1 when not. Set in the master.
 */
typedef int (*tg_db_spill_fn)(const char *name, int nparams, const char *const *params);
void tg_db_set_spill(tg_db_spill_fn fn);

/* Worker, after fork: remembers the connection strings; connects to the
 * standby at once, to the primary lazily. */
void tg_db_worker_init(const char *conninfo, int connect_timeout);
void tg_db_worker_close(void);

/* The live primary connection, connecting (and preparing) when needed; NULL when unavailable. */
PGconn *tg_db_get(void);

/*
 * Executes a registered statement on the server of the request's current
 * transaction (the primary outside one). Returns the result (caller
 * PQclear()s), or NULL when the connection is unavailable or was lost during
 * the call.
 */
PGresult *tg_db_exec(const char *name, int nparams, const char *const *params);

/* The same outside any transaction on the server named (health); NULL when it is away. */
PGresult *tg_db_exec_on(tg_db_server server, const char *name, int nparams,
    const char *const *params);

bool tg_db_has_standby(void);

/*
 * Runs a plain command (BEGIN, COMMIT, ROLLBACK). 0 only when the server
 * answered with that very command tag: a COMMIT of an aborted transaction
 * (answered ROLLBACK) or outside one is a failure. The COMMIT of a standby
 * transaction then delivers its deferred statements (see tg_db_defer).
 */
int tg_db_command(const char *sql);

/*
 * BEGIN, then the transaction-local settings toegang.rol and
 * toegang.identiteit (statement "tg_principal_set", registered by the
 * services), in one round trip, on the primary. 0, or -1 (the transaction
 * may be open: the dispatcher rolls it back).
 */
int tg_db_begin_as(const char *role, const char *identity);

/*
 * The same for a transaction that only reads: on the standby when one is
 * configured, answers and has caught up (see above), else on the primary.
 */
int tg_db_begin_read_as(const char *role, const char *identity);

bool tg_db_in_transaction(void);

/* Whether the request's open transaction runs on the standby. */
bool tg_db_on_standby(void);

/*
 * Inside a transaction: queues a registered statement (parameters copied) to
 * be sent with the COMMIT, in its round trip; if it fails, the COMMIT fails.
 * In a standby transaction the queue goes, after the standby's COMMIT, to
 * the primary in a transaction of its own, or to the spill function when the
 * primary is away. A ROLLBACK or the end of the request drops the queue.
 * Returns 0 when queued, 1 when the caller must run it now (no transaction,
 * queue full), -1 when out of memory.
 */
int tg_db_defer(const char *name, int nparams, const char *const *params);

/*
 * Outside a transaction: runs a registered statement on the primary, or
 * hands it to the spill function when the primary is away. 0, or -1.
 */
int tg_db_write_or_spill(const char *name, int nparams, const char *const *params);

/* Ends the request: a connection lost during it may be replaced again. */
void tg_db_request_end(void);

#endif
