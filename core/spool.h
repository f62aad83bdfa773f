/*
 * The access-log spool: where a worker puts the access-log record of a read
 * served by the standby while the primary cannot take it (NEN 7513: no read
 * without its record). One file per worker process under spool_dir,
 * "toegangslog-<pid>.spool", one JSON line per record holding exactly the
 * parameters of the access-log row (pseudonyms, never a BSN or a name).
 * A record is on disk (fdatasync) before the answer it belongs to is sent.
 *
 * Replay (a child of the master, see master.c) hands each file's complete
 * records to a sink in one transaction and removes the file once that
 * committed. A crash between the commit and the removal replays the file
 * again: each record carries a delivery key the access log is unique on, so
 * the second delivery adds nothing.
 *
 * Writers and the replayer take flock(LOCK_EX) on the file; a writer that
 * finds the file it opened already removed by a replay opens a new one.
 */
#ifndef TOEGANG_SPOOL_H
#define TOEGANG_SPOOL_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The access-log row of one record, as services.c writes it for a read
 * served by the standby and as replay writes it from the spool: $1-$10 those
 * of the core's access-log statement, $11 the time of the read, $12 the
 * delivery key (request id and a random part) that makes a second delivery
 * of the same record add nothing (ON CONFLICT on toegangslog_delivery_key).
 */
#define TG_SPOOL_NPARAMS 12
#define TG_AUDIT_KEYED_SQL \
	"INSERT INTO toegangslog (request_id, rol, actor, actie, zaak_id, persoon_ref, uitkomst, " \
	"herkomst, sub, namens, tijdstip, delivery_key) " \
	"SELECT $1, $2, $3, $4, u.zaak_id, u.persoon_ref, $7, $8, $9, $10, $11::timestamptz, " \
	"$12 || '/' || u.n " \
	"FROM unnest($5::text[], $6::text[]) WITH ORDINALITY AS u (zaak_id, persoon_ref, n) " \
	"ON CONFLICT DO NOTHING"

/* dir is a directory this process may write in. 0, or -1 with err filled. */
int tg_spool_check(const char *dir, char *err, size_t errlen);

/* Appends one record durably (written and fdatasync()ed). 0, or -1. */
int tg_spool_append(const char *dir, const char *const params[TG_SPOOL_NPARAMS]);

/* Whether dir holds a spool file (of any worker). */
bool tg_spool_pending(const char *dir);

/* Where replay delivers: one transaction per file. */
typedef struct tg_spool_sink {
	void *ctx;
	int (*begin)(void *ctx);                               /* 0, or -1 */
	/* 0 delivered; -1 the destination is unreachable (stop, keep the file);
	 * -2 the destination refused this record (the file is set aside). */
	int (*record)(void *ctx, const char *const params[TG_SPOOL_NPARAMS]);
	int (*end)(void *ctx, bool commit);                    /* 0, or -1 */
} tg_spool_sink;

/*
 * Delivers the records of every spool file in dir that no writer holds at
 * the moment, and removes each file whose transaction committed. A file the
 * destination refused, or with a line that is no record, is renamed to
 * "<name>.rejected" for a person to look at (and logged); an incomplete last
 * line is a record never acknowledged (its writer died mid-write) and is
 * dropped. Returns the number of records delivered, or -1 when the
 * destination was unreachable (what was not delivered stays for next time).
 */
long tg_spool_replay(const char *dir, const tg_spool_sink *sink);

#endif
