/* core/db.h without a database; see fake_db.h. */
#include "fake_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db.h"
#include "fuzz_common.h"

#define TEXTOID 25

static struct {
	const fz_zaak *zaak;
	int fail_at, ops;
	bool failed, in_tx;
	fz_db_hook hook;
} db;

void fz_db_reset(const fz_zaak *zaak, int fail_at, fz_db_hook hook)
{
	memset(&db, 0, sizeof(db));
	db.zaak = zaak;
	db.fail_at = fail_at;
	db.hook = hook;
}

bool fz_db_failed(void) { return db.failed; }
int fz_db_ops(void) { return db.ops; }
bool fz_db_open(void) { return db.in_tx; }

/* Counts an operation; false when it is the one that fails, or comes after
 * it: a lost connection stays lost for the rest of the request (db.c
 * reconnects only on the next one). */
static bool op_ok(void)
{
	db.ops++;
	if (db.failed || (db.fail_at && db.ops == db.fail_at)) {
		db.failed = true;
		return false;
	}
	return true;
}

/* A result of text columns, row-major values (NULL: SQL NULL). */
static PGresult *rows(int ncols, int nrows, const char *const *values)
{
	PGresult *r = PQmakeEmptyPGresult(NULL, PGRES_TUPLES_OK);
	PGresAttDesc att[16];
	FZ_ASSERT(r && ncols <= 16, "cannot make a result");
	memset(att, 0, sizeof(att));
	for (int c = 0; c < ncols; c++) {
		att[c].name = (char *)"c";
		att[c].typid = TEXTOID;
		att[c].typlen = -1;
		att[c].atttypmod = -1;
	}
	FZ_ASSERT(PQsetResultAttrs(r, ncols, att), "PQsetResultAttrs");
	for (int i = 0; i < nrows; i++)
		for (int c = 0; c < ncols; c++) {
			const char *v = values[i * ncols + c];
			FZ_ASSERT(PQsetvalue(r, i, c, (char *)v, v ? (int)strlen(v) : -1), "PQsetvalue");
		}
	return r;
}

static PGresult *zaak_row(void)
{
	const fz_zaak *z = db.zaak;
	const char *v[11];
	if (!z)
		return rows(11, 0, NULL);
	v[0] = z->status;
	v[1] = z->route;
	v[2] = z->spoed;
	v[3] = z->gemeente;
	v[4] = z->termijnen;
	v[5] = z->regels;
	v[6] = z->maatregel;
	v[7] = z->buiten;
	v[8] = z->behandelend;
	v[9] = z->versies;
	v[10] = z->toewijzingen;
	return rows(11, 1, v);
}

/* The Zorginstituut's lists by the first letter: n negative, x unknown, else positive. */
static PGresult *ggz_rows(const char *names_json)
{
	json_t *names = json_loads(names_json, 0, NULL), *n;
	const char *v[2 * 20];
	size_t i;
	PGresult *r;
	FZ_ASSERT(json_is_array(names) && json_array_size(names) <= 20,
	    "the GGZ statement got %s", names_json);
	json_array_foreach(names, i, n) {
		const char *s = json_string_value(n);
		FZ_ASSERT(s != NULL, "a GGZ name that is no string: %s", names_json);
		v[2 * i] = s;
		v[2 * i + 1] = (s[0] == 'n' || s[0] == 'N') ? "negatief" : (s[0] == 'x' || s[0] == 'X') ? NULL
		                                                                                      : "positief";
	}
	r = rows(2, (int)json_array_size(names), v);
	json_decref(names);
	return r;
}

/* pgb_bereken() by rule of thumb: a rate asked above 100 is refused, the rest computed. */
static PGresult *pgb_row(const char *lines_json)
{
	json_t *lines = json_loads(lines_json, 0, NULL), *line, *out, *regels, *fouten;
	const char *v[1];
	char *text;
	size_t i;
	PGresult *r;
	FZ_ASSERT(json_is_array(lines), "pgb_bereken got %s", lines_json);
	regels = json_array();
	fouten = json_array();
	json_array_foreach(lines, i, line) {
		FZ_ASSERT(json_is_object(line), "a PGB line that is no object: %s", lines_json);
		if (json_number_value(json_object_get(line, "tarief_gevraagd")) > 100)
			json_array_append_new(fouten, json_pack("{s:I, s:s, s:s}", "i", (json_int_t)i,
			    "veld", "tarief_gevraagd", "reden", "hoger dan het maximumtarief"));
		else
			json_array_append_new(regels, json_pack("{s:I, s:s, s:s, s:s}", "i", (json_int_t)i,
			    "tarief", "10.00", "bedrag", "100.00", "regel", "4.4.1"));
	}
	out = json_pack("{s:o, s:o, s:s}", "regels", regels, "fouten", fouten, "totaal", "100.00");
	text = json_dumps(out, JSON_COMPACT);
	v[0] = text;
	r = rows(1, 1, v);
	free(text);
	json_decref(out);
	json_decref(lines);
	return r;
}

int tg_db_register(const char *name, const char *sql, int nparams)
{
	(void)name;
	(void)sql;
	(void)nparams;
	return 0;
}

void tg_db_registry_free(void) {}

/* No standby: every transaction is the primary's, as in a single-server deployment. */
int tg_db_set_standby(const char *conninfo, long max_wait_ms)
{
	(void)max_wait_ms;
	return conninfo ? -1 : 0;
}

void tg_db_set_spill(tg_db_spill_fn fn) { (void)fn; }
void tg_db_worker_init(const char *conninfo, int connect_timeout)
{
	(void)conninfo;
	(void)connect_timeout;
}
void tg_db_worker_close(void) {}
PGconn *tg_db_get(void) { return NULL; }
bool tg_db_has_standby(void) { return false; }
bool tg_db_on_standby(void) { return false; }

PGresult *tg_db_exec(const char *name, int nparams, const char *const *params)
{
	if (db.hook)
		db.hook(name, nparams, params);
	if (!op_ok())
		return NULL;
	if (strcmp(name, "tg_audit") == 0)
		return PQmakeEmptyPGresult(NULL, PGRES_COMMAND_OK);
	if (fz_ends_with(name, ".actie_laden"))
		return zaak_row();
	if (fz_ends_with(name, ".ggz") && nparams == 1)
		return ggz_rows(params[0]);
	if (fz_ends_with(name, ".pgb_bereken") && nparams == 3)
		return pgb_row(params[0]);
	db.failed = true;
	return NULL;
}

/* Health's: the database is away. */
PGresult *tg_db_exec_on(tg_db_server server, const char *name, int nparams,
    const char *const *params)
{
	(void)server;
	(void)name;
	(void)nparams;
	(void)params;
	op_ok();
	db.failed = true;
	return NULL;
}

int tg_db_command(const char *sql)
{
	bool ok = op_ok();
	db.in_tx = false;
	(void)sql;
	return ok ? 0 : -1;
}

int tg_db_begin_as(const char *role, const char *identity)
{
	(void)role;
	(void)identity;
	if (!op_ok())
		return -1;
	db.in_tx = true;
	return 0;
}

int tg_db_begin_read_as(const char *role, const char *identity)
{
	return tg_db_begin_as(role, identity);
}

bool tg_db_in_transaction(void) { return db.in_tx; }

int tg_db_defer(const char *name, int nparams, const char *const *params)
{
	if (!db.in_tx)
		return 1;
	/* The access-log record goes with the COMMIT: its parameters are looked at now. */
	if (db.hook)
		db.hook(name, nparams, params);
	return 0;
}

int tg_db_write_or_spill(const char *name, int nparams, const char *const *params)
{
	PGresult *r = tg_db_exec(name, nparams, params);
	int ok = r != NULL;
	PQclear(r);
	return ok ? 0 : -1;
}

void tg_db_request_end(void) {}
