/*
 * toegang-import: loads a productenboek CSV into the products table, all or
 * nothing. Every row is checked first (the code lists and text rules the
 * API uses); a file with any bad row is refused whole, each bad row named
 * by its line number, and nothing of it is stored. A good file becomes one
 * import in one transaction; a product already there (same provider,
 * gemeente, product code and geldig_van) takes the file's values.
 *
 *   toegang-import [-c CODELIJSTEN_DIR] CONNINFO FILE
 *
 * The file: UTF-8, a header naming the columns below in this order,
 * separated by commas (or semicolons, as the header shows); fields may be
 * quoted ("..." with "" for a quote); one product per line.
 *   aanbieder_agb, aanbieder_naam, gemeente (empty: the whole region),
 *   productcategorie (JZ020), productcode, omschrijving, eenheid (WJ756),
 *   frequentie (WMO757), tarief (euro, at most two decimals, "." or ","),
 *   pgb_tarief (empty, or a PGB tariff row's sleutel), geldig_van,
 *   geldig_tot (empty, or the first day it no longer holds)
 * Run it as the owner role (the daemon's role may only read products).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "codelijst.h"
#include "csv_split.h"
#include "fields.h"
#include "validate.h"

#ifndef CODELIJSTEN
#define CODELIJSTEN "data/codelijsten"
#endif

#define NCOLS 12
#define MAX_LINE 8192
#define MAX_ERRORS_SHOWN 100
#define PROGRESS_EVERY 5000

static const char *const columns[NCOLS] = {
	"aanbieder_agb", "aanbieder_naam", "gemeente", "productcategorie", "productcode",
	"omschrijving", "eenheid", "frequentie", "tarief", "pgb_tarief", "geldig_van", "geldig_tot",
};
enum { C_AGB, C_NAAM, C_GEMEENTE, C_CATEGORIE, C_CODE, C_OMSCHRIJVING, C_EENHEID, C_FREQUENTIE,
	C_TARIEF, C_PGB, C_VAN, C_TOT };

/* iJw WJ756 eenheid and WMO757 frequentie (as the API's omvang). */
static const char *const eenheden[] = { "01", "04", "14", "16", "82", "83", "84", NULL };
static const char *const frequenties[] = { "1", "2", "4", "6", NULL };

static zk_codelijst gemeenten, categorieen;
static const char *file_name;
static long errors, bad_rows, last_bad_line;

/* One accepted row, as it goes to COPY: the key for duplicates and the CSV line. */
typedef struct row {
	long line;
	char *key;
	char *csv;
} row;

static void report(long line, const char *column, const char *reason)
{
	if (line != last_bad_line) {
		bad_rows++;
		last_bad_line = line;
	}
	if (++errors <= MAX_ERRORS_SHOWN)
		fprintf(stderr, "toegang-import: %s:%ld: %s: %s\n", file_name, line, column, reason);
}

static bool in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

/* "12,50" or "12.5" -> "12.50" in out; false when not an amount 0..1000000. */
static bool parse_amount(const char *s, char out[32])
{
	long whole = 0, cents = 0;
	int ndig = 0, ndec = -1;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (ndec >= 0) {
				if (++ndec > 2)
					return false;
				cents = cents * 10 + (*p - '0');
			} else {
				if (++ndig > 7)
					return false;
				whole = whole * 10 + (*p - '0');
			}
		} else if ((*p == '.' || *p == ',') && ndec < 0 && ndig > 0) {
			ndec = 0;
		} else {
			return false;
		}
	}
	if (ndig == 0 || ndec == 0 || whole > 1000000 || (whole == 1000000 && cents > 0))
		return false;
	if (ndec == 1)
		cents *= 10;
	snprintf(out, 32, "%ld.%02ld", whole, cents);
	return true;
}

static void csv_field(FILE *f, const char *s, bool first)
{
	if (!first)
		fputc(',', f);
	if (!s)
		return; /* unquoted empty: NULL */
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void text_check(long line, int col, const char *s, size_t max)
{
	const char *problem = zk_text_problem(s, strlen(s), false, 1, max);
	if (problem)
		report(line, columns[col], problem);
}

/* Checks one row; on success returns its COPY line (line number first). */
static char *check_row(long line, char **f)
{
	char amount[32], *buf = NULL;
	size_t len = 0;
	zk_date van, tot;
	bool have_van, have_tot = false;
	long before = errors;
	FILE *m;

	if (strlen(f[C_AGB]) != 8 || !tg_is_digits(f[C_AGB], 8))
		report(line, columns[C_AGB], "een AGB-code van acht cijfers");
	text_check(line, C_NAAM, f[C_NAAM], 200);
	if (f[C_GEMEENTE][0] && !zk_codelijst_has(&gemeenten, f[C_GEMEENTE]))
		report(line, columns[C_GEMEENTE], "leeg (de hele regio) of een CBS-gemeentecode");
	if (!zk_codelijst_has(&categorieen, f[C_CATEGORIE]))
		report(line, columns[C_CATEGORIE], "geen JZ020-productcategorie");
	if (!zk_productcode_ok(f[C_CODE]))
		report(line, columns[C_CODE], "een productcode van 1 tot 5 letters of cijfers");
	text_check(line, C_OMSCHRIJVING, f[C_OMSCHRIJVING], 200);
	if (!in_list(eenheden, f[C_EENHEID]))
		report(line, columns[C_EENHEID], "geen iJw-eenheid (WJ756: 01, 04, 14, 16, 82, 83, 84)");
	if (!in_list(frequenties, f[C_FREQUENTIE]))
		report(line, columns[C_FREQUENTIE], "geen iJw-frequentie (WMO757: 1, 2, 4, 6)");
	if (!parse_amount(f[C_TARIEF], amount))
		report(line, columns[C_TARIEF], "een bedrag in euro van 0 tot 1000000 met hoogstens twee decimalen");
	if (f[C_PGB][0]) {
		size_t n = strlen(f[C_PGB]);
		bool ok = n <= 64;
		for (size_t i = 0; ok && i < n; i++)
			ok = (f[C_PGB][i] >= 'a' && f[C_PGB][i] <= 'z') || (f[C_PGB][i] >= '0' && f[C_PGB][i] <= '9') ||
			    f[C_PGB][i] == '_';
		if (!ok)
			report(line, columns[C_PGB], "leeg of de sleutel van een pgb-tarief (kleine letters, cijfers, _)");
	}
	have_van = zk_date_parse(f[C_VAN], &van);
	if (!have_van)
		report(line, columns[C_VAN], "een datum JJJJ-MM-DD");
	if (f[C_TOT][0]) {
		have_tot = zk_date_parse(f[C_TOT], &tot);
		if (!have_tot)
			report(line, columns[C_TOT], "leeg of een datum JJJJ-MM-DD");
		else if (have_van && zk_date_cmp(&tot, &van) <= 0)
			report(line, columns[C_TOT], "ligt niet na geldig_van");
	}
	if (errors != before)
		return NULL;
	m = open_memstream(&buf, &len);
	if (!m)
		return NULL;
	fprintf(m, "%ld", line);
	for (int c = 0; c < NCOLS; c++)
		csv_field(m, c == C_TARIEF ? amount : f[c][0] || c == C_NAAM ? f[c] : NULL, false);
	fputc('\n', m);
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int cmp_key(const void *a, const void *b)
{
	const row *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static bool exec_ok(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		fprintf(stderr, "toegang-import: %s", PQerrorMessage(c));
	PQclear(r);
	return ok;
}

#define SQL_TEMP \
	"CREATE TEMP TABLE product_in (regel bigint, aanbieder_agb text, aanbieder_naam text, " \
	"gemeente text, productcategorie text, productcode text, omschrijving text, eenheid text, " \
	"frequentie text, tarief numeric, pgb_tarief text, geldig_van date, geldig_tot date) ON COMMIT DROP"
#define SQL_COPY "COPY product_in FROM STDIN WITH (FORMAT csv)"
/* Rows naming a PGB tariff row that does not exist. */
#define SQL_PGB_MISSING \
	"SELECT i.regel FROM product_in i WHERE i.pgb_tarief IS NOT NULL AND NOT EXISTS " \
	"(SELECT 1 FROM pgb_tarief t WHERE t.sleutel = i.pgb_tarief) ORDER BY i.regel"
#define SQL_IMPORT \
	"WITH imp AS (INSERT INTO product_import (bestand, regels) VALUES ($1, $2::integer) RETURNING id) " \
	"INSERT INTO product (aanbieder_agb, aanbieder_naam, gemeente, productcategorie, productcode, " \
	"omschrijving, eenheid, frequentie, tarief, pgb_tarief, geldig_van, geldig_tot, import_id) " \
	"SELECT i.aanbieder_agb, i.aanbieder_naam, i.gemeente, i.productcategorie, i.productcode, " \
	"i.omschrijving, i.eenheid, i.frequentie, i.tarief, i.pgb_tarief, i.geldig_van, i.geldig_tot, " \
	"imp.id FROM product_in i, imp ORDER BY i.regel " \
	"ON CONFLICT (aanbieder_agb, gemeente, productcode, geldig_van) DO UPDATE SET " \
	"aanbieder_naam = EXCLUDED.aanbieder_naam, productcategorie = EXCLUDED.productcategorie, " \
	"omschrijving = EXCLUDED.omschrijving, eenheid = EXCLUDED.eenheid, " \
	"frequentie = EXCLUDED.frequentie, tarief = EXCLUDED.tarief, pgb_tarief = EXCLUDED.pgb_tarief, " \
	"geldig_tot = EXCLUDED.geldig_tot, import_id = EXCLUDED.import_id"

/* Loads the checked rows in one transaction; 0 when committed. */
static int store(const char *conninfo, row *rows, size_t n)
{
	PGconn *c = PQconnectdb(conninfo);
	PGresult *r;
	char count[24];
	const char *params[2] = { file_name, count };
	int rc = -1;

	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "toegang-import: %s", PQerrorMessage(c));
		PQfinish(c);
		return -1;
	}
	if (!exec_ok(c, "BEGIN") || !exec_ok(c, SQL_TEMP))
		goto done;
	r = PQexec(c, SQL_COPY);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		fprintf(stderr, "toegang-import: %s", PQerrorMessage(c));
		PQclear(r);
		goto done;
	}
	PQclear(r);
	for (size_t i = 0; i < n; i++)
		if (PQputCopyData(c, rows[i].csv, (int)strlen(rows[i].csv)) != 1)
			break;
	if (PQputCopyEnd(c, NULL) != 1) {
		fprintf(stderr, "toegang-import: %s", PQerrorMessage(c));
		goto done;
	}
	r = PQgetResult(c);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		fprintf(stderr, "toegang-import: %s", PQerrorMessage(c));
		PQclear(r);
		goto done;
	}
	PQclear(r);
	r = PQexec(c, SQL_PGB_MISSING);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "toegang-import: %s", PQerrorMessage(c));
		PQclear(r);
		goto done;
	}
	for (int i = 0; i < PQntuples(r); i++)
		report(strtol(PQgetvalue(r, i, 0), NULL, 10), "pgb_tarief", "er is geen pgb-tarief met deze sleutel");
	PQclear(r);
	if (errors)
		goto done;
	snprintf(count, sizeof(count), "%zu", n);
	r = PQexecParams(c, SQL_IMPORT, 2, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		fprintf(stderr, "toegang-import: %s", PQerrorMessage(c));
		PQclear(r);
		goto done;
	}
	PQclear(r);
	if (exec_ok(c, "COMMIT"))
		rc = 0;
done:
	PQfinish(c); /* an open transaction ends with the connection: nothing stays */
	return rc;
}

static int load_lists(const char *dir)
{
	char path[4096], err[256];
	snprintf(path, sizeof(path), "%s/CBS_Gemeentecodes.md", dir);
	if (zk_codelijst_load(&gemeenten, path, 4, err, sizeof(err)) != 0) {
		fprintf(stderr, "toegang-import: %s\n", err);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/JZ020_Productcategorie.md", dir);
	if (zk_codelijst_load(&categorieen, path, 2, err, sizeof(err)) != 0) {
		fprintf(stderr, "toegang-import: %s\n", err);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *lists = CODELIJSTEN;
	char line[MAX_LINE + 2], *fields[NCOLS + 1], sep;
	row *rows = NULL;
	size_t n = 0, cap = 0;
	long lineno = 0;
	bool progress = isatty(STDERR_FILENO);
	FILE *in;
	int opt, rc = 1;

	while ((opt = getopt(argc, argv, "c:")) != -1) {
		if (opt != 'c')
			goto usage;
		lists = optarg;
	}
	if (argc - optind != 2)
		goto usage;
	file_name = argv[optind + 1];
	if (load_lists(lists) != 0)
		return 1;
	in = fopen(file_name, "r");
	if (!in) {
		fprintf(stderr, "toegang-import: %s: %s\n", file_name, strerror(errno));
		return 1;
	}

	/* The header says the order and the separator. */
	if (!fgets(line, sizeof(line), in)) {
		fprintf(stderr, "toegang-import: %s: empty file\n", file_name);
		goto out;
	}
	lineno = 1;
	line[strcspn(line, "\r\n")] = '\0';
	sep = strchr(line, ';') ? ';' : ',';
	{
		char *p = line;
		if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
			p += 3; /* a byte-order mark from a spreadsheet */
		int k = tg_csv_split(p, sep, fields, NCOLS);
		bool ok = k == NCOLS;
		for (int c = 0; ok && c < NCOLS; c++)
			ok = strcmp(fields[c], columns[c]) == 0;
		if (!ok) {
			fprintf(stderr, "toegang-import: %s:1: the header must name the columns "
			    "aanbieder_agb,aanbieder_naam,gemeente,productcategorie,productcode,omschrijving,"
			    "eenheid,frequentie,tarief,pgb_tarief,geldig_van,geldig_tot\n", file_name);
			goto out;
		}
	}

	while (fgets(line, sizeof(line), in)) {
		size_t len = strlen(line);
		int k;
		char *csv;
		lineno++;
		if (lineno % PROGRESS_EVERY == 0)
			fprintf(stderr, progress ? "\rtoegang-import: %ld regels gelezen" :
			    "toegang-import: %ld regels gelezen\n", lineno);
		if (len == sizeof(line) - 1 && line[len - 1] != '\n') {
			int ch;
			report(lineno, "regel", "langer dan 8192 tekens");
			while ((ch = fgetc(in)) != EOF && ch != '\n')
				;
			continue;
		}
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0')
			continue;
		k = tg_csv_split(line, sep, fields, NCOLS);
		if (k != NCOLS) {
			char reason[80];
			if (k < 0)
				snprintf(reason, sizeof(reason), "een aanhalingsteken is niet gesloten");
			else
				snprintf(reason, sizeof(reason), "%d kolommen, verwacht %d", k, NCOLS);
			report(lineno, "regel", reason);
			continue;
		}
		csv = check_row(lineno, fields);
		if (!csv)
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 1024;
			row *nr = realloc(rows, ncap * sizeof(*rows));
			if (!nr) {
				free(csv);
				fprintf(stderr, "toegang-import: out of memory\n");
				goto out;
			}
			rows = nr;
			cap = ncap;
		}
		rows[n].line = lineno;
		rows[n].csv = csv;
		if (asprintf(&rows[n].key, "%s|%s|%s|%s", fields[C_AGB], fields[C_GEMEENTE], fields[C_CODE],
		    fields[C_VAN]) < 0) {
			free(csv);
			fprintf(stderr, "toegang-import: out of memory\n");
			goto out;
		}
		n++;
	}
	if (ferror(in)) {
		fprintf(stderr, "toegang-import: %s: %s\n", file_name, strerror(errno));
		goto out;
	}
	if (progress && lineno >= PROGRESS_EVERY)
		fputc('\n', stderr);

	/* One product twice in the file: the later line is the bad one. */
	qsort(rows, n, sizeof(*rows), cmp_key);
	for (size_t i = 1; i < n; i++)
		if (strcmp(rows[i].key, rows[i - 1].key) == 0) {
			char reason[96];
			snprintf(reason, sizeof(reason), "hetzelfde product (aanbieder, gemeente, code, geldig_van) "
			    "als regel %ld", rows[i - 1].line);
			report(rows[i].line, "regel", reason);
		}

	if (errors == 0 && n > 0 && store(argv[optind], rows, n) == 0) {
		printf("toegang-import: %zu producten ingelezen uit %s\n", n, file_name);
		rc = 0;
	} else if (errors == 0 && n == 0) {
		fprintf(stderr, "toegang-import: %s: no products\n", file_name);
	}
	if (errors) {
		if (errors > MAX_ERRORS_SHOWN)
			fprintf(stderr, "toegang-import: ... and %ld more\n", errors - MAX_ERRORS_SHOWN);
		fprintf(stderr, "toegang-import: %ld bad rows: nothing imported\n", bad_rows);
	}
out:
	fclose(in);
	for (size_t i = 0; i < n; i++) {
		free(rows[i].csv);
		free(rows[i].key);
	}
	free(rows);
	zk_codelijst_free(&gemeenten);
	zk_codelijst_free(&categorieen);
	return rc;
usage:
	fprintf(stderr, "usage: toegang-import [-c CODELIJSTEN_DIR] CONNINFO FILE.csv\n");
	return 2;
}
