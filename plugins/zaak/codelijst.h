/*
 * A code list (CBS gemeentecodes, JZ020, ...) loaded from its markdown file
 * at start-up: every table row whose first cell is a code of the list's
 * width in digits. Lookups are a binary search; the list is read-only after
 * loading, so forked workers share it.
 */
#ifndef TOEGANG_ZAAK_CODELIJST_H
#define TOEGANG_ZAAK_CODELIJST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct zk_code {
	char code[8];
	char *omschrijving;   /* the second cell, e.g. the gemeente's name */
} zk_code;

typedef struct zk_codelijst {
	zk_code *codes;       /* sorted by code */
	size_t n;
} zk_codelijst;

/*
 * Loads path; width is the number of digits of a code (4 for gemeenten, 2
 * for JZ020). 0, or -1 with err set (no file, no codes, a duplicate code).
 */
int zk_codelijst_load(zk_codelijst *l, const char *path, size_t width, char *err, size_t errlen);
/* The same from a string in memory (for tests). */
int zk_codelijst_parse(zk_codelijst *l, const char *text, size_t width, char *err, size_t errlen);
void zk_codelijst_free(zk_codelijst *l);

bool zk_codelijst_has(const zk_codelijst *l, const char *code);

#endif
