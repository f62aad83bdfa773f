/*
 * core/db.c's interface, played without PostgreSQL for the route harness.
 * Transactions always open; the access log always writes; a CJG action
 * finds the zaak the harness sets, the GGZ lists and the PGB calculation
 * answer by rule of thumb; every other statement finds the connection lost
 * (NULL), so a handler's work up to its first real query runs exactly as in
 * the daemon and the core answers 503. One operation can be made to fail on
 * purpose, to check that a lost connection at that point is a 503 too.
 */
#ifndef TOEGANG_FUZZ_FAKE_DB_H
#define TOEGANG_FUZZ_FAKE_DB_H

#include <stdbool.h>

/* The columns of ZK_SQL_ACTION_LOAD (plugins/zaak/zaak_sql.h), as text. */
typedef struct fz_zaak {
	const char *status, *route, *spoed, *gemeente, *termijnen, *regels, *maatregel, *buiten,
	    *behandelend, *versies, *toewijzingen;
} fz_zaak;

/* Called with every statement executed, before it is answered. */
typedef void (*fz_db_hook)(const char *name, int nparams, const char *const *params);

/* Per request: forget what happened; the zaak (NULL: none found), the failing
 * operation (1-based; 0: none) and the hook. */
void fz_db_reset(const fz_zaak *zaak, int fail_at, fz_db_hook hook);
/* Whether an operation failed (as the connection lost) during the request. */
bool fz_db_failed(void);
/* Operations so far (BEGIN, COMMIT, ROLLBACK, statements). */
int fz_db_ops(void);
/* Whether a transaction is still open (the dispatcher must have closed it). */
bool fz_db_open(void);

#endif
