/*
 * toegang-migrate: applies the numbered migrations in a directory
 * (NNN_name.sql), in order, each in its own transaction together with its
 * row in schema_migratie, so a migration is applied whole or not at all and
 * never twice. A session advisory lock makes concurrent runs (two hosts
 * starting at once) take turns. Run it as the owner role, never as the
 * daemon's role.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#define LOCK_KEY "7436835" /* any constant; "toegang" in spirit */

typedef struct migration {
	int version;
	char *file;
} migration;

static int cmp(const void *a, const void *b)
{
	return ((const migration *)a)->version - ((const migration *)b)->version;
}

/* "012_name.sql" → 12; -1 for a file that is not a migration. */
static int version_of(const char *name)
{
	size_t len = strlen(name);
	int v = 0, digits = 0;
	if (len < 5 || strcmp(name + len - 4, ".sql") != 0)
		return -1;
	while (name[digits] >= '0' && name[digits] <= '9' && digits < 6)
		v = v * 10 + (name[digits++] - '0');
	if (digits != 3 || name[digits] != '_')
		return -1;
	return v;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else if (buf) {
			buf[n] = '\0';
		}
	}
	fclose(f);
	return buf;
}

static int command(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		fprintf(stderr, "toegang-migrate: %s", PQerrorMessage(c));
	PQclear(r);
	return ok ? 0 : -1;
}

static int applied(PGconn *c, int version)
{
	char v[16];
	const char *p[1] = { v };
	PGresult *r;
	int n;
	snprintf(v, sizeof(v), "%d", version);
	r = PQexecParams(c, "SELECT 1 FROM schema_migratie WHERE versie = $1", 1, NULL, p, NULL,
	    NULL, 0);
	n = PQresultStatus(r) == PGRES_TUPLES_OK ? PQntuples(r) : -1;
	PQclear(r);
	return n;
}

static int apply(PGconn *c, const char *dir, const migration *m)
{
	char path[4096];
	char v[16];
	const char *p[2];
	char *sql;
	PGresult *r;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, m->file);
	sql = slurp(path);
	if (!sql) {
		fprintf(stderr, "toegang-migrate: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (command(c, "BEGIN") != 0)
		goto fail;
	/* The file is ours, from the repository: it is SQL, not data to parameterise. */
	if (command(c, sql) != 0) {
		fprintf(stderr, "toegang-migrate: %s failed; rolled back\n", m->file);
		goto fail;
	}
	snprintf(v, sizeof(v), "%d", m->version);
	p[0] = v;
	p[1] = m->file;
	r = PQexecParams(c, "INSERT INTO schema_migratie (versie, bestand) VALUES ($1, $2)", 2,
	    NULL, p, NULL, NULL, 0);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	if (!ok || command(c, "COMMIT") != 0)
		goto fail;
	free(sql);
	printf("toegang-migrate: applied %s\n", m->file);
	return 0;
fail:
	command(c, "ROLLBACK");
	free(sql);
	return -1;
}

int main(int argc, char **argv)
{
	const char *conninfo, *dir;
	PGconn *c = NULL;
	DIR *d = NULL;
	struct dirent *e;
	migration *ms = NULL;
	size_t n = 0, done = 0;
	int rc = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: toegang-migrate CONNINFO SQL-DIRECTORY\n");
		return 2;
	}
	conninfo = argv[1];
	dir = argv[2];
	d = opendir(dir);
	if (!d) {
		fprintf(stderr, "toegang-migrate: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(d)) != NULL) {
		int v = version_of(e->d_name);
		migration *grown;
		if (v < 0)
			continue;
		grown = realloc(ms, (n + 1) * sizeof(*ms));
		if (!grown)
			goto out;
		ms = grown;
		ms[n].version = v;
		ms[n].file = strdup(e->d_name);
		if (!ms[n].file)
			goto out;
		n++;
	}
	qsort(ms, n, sizeof(*ms), cmp);
	for (size_t i = 1; i < n; i++) {
		if (ms[i].version == ms[i - 1].version) {
			fprintf(stderr, "toegang-migrate: %s and %s share version %d\n", ms[i - 1].file,
			    ms[i].file, ms[i].version);
			goto out;
		}
	}
	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "toegang-migrate: %s", PQerrorMessage(c));
		goto out;
	}
	if (command(c, "SET client_min_messages = warning") != 0 ||
	    command(c, "SELECT pg_advisory_lock(" LOCK_KEY ")") != 0 ||
	    command(c, "CREATE TABLE IF NOT EXISTS schema_migratie ("
		       " versie integer PRIMARY KEY,"
		       " bestand text NOT NULL,"
		       " toegepast_op timestamptz NOT NULL DEFAULT now())") != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		int a = applied(c, ms[i].version);
		if (a < 0) {
			fprintf(stderr, "toegang-migrate: %s", PQerrorMessage(c));
			goto out;
		}
		if (a > 0)
			continue;
		if (apply(c, dir, &ms[i]) != 0)
			goto out;
		done++;
	}
	printf("toegang-migrate: %zu applied, %zu already there\n", done, n - done);
	rc = 0;
out:
	if (c)
		PQfinish(c); /* ends the session, and with it the advisory lock */
	if (d)
		closedir(d);
	for (size_t i = 0; i < n; i++)
		free(ms[i].file);
	free(ms);
	return rc;
}
