/*
 * Validation tables for JSON request bodies, in the manner of kcgi's
 * kvalid arrays: each body is described once, as data (field name, kind,
 * required, bounds, nested table), and one walker checks a body against it.
 * Every failure becomes one {"name": "<json path>", "reason": "..."} in the
 * invalid-params array, so the caller learns about all problems at once.
 */
#ifndef TOEGANG_ZAAK_FIELDS_H
#define TOEGANG_ZAAK_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "codelijst.h"

typedef enum zk_kind {
	ZK_TEXT,       /* one line: no control characters at all */
	ZK_TEXT_LINES, /* free text: tab, CR and LF allowed */
	ZK_BOOL,
	ZK_BSN,        /* 9 digits passing the 11-proef */
	ZK_AGB,        /* 8 digits */
	ZK_DATE,       /* YYYY-MM-DD, a real calendar date */
	ZK_CODE,       /* a string present in the code list */
	ZK_ENUM,       /* one of .values */
	ZK_OBJECT,     /* an object described by .fields */
	ZK_ARRAY,      /* an array of objects described by .fields */
	ZK_INT,        /* a JSON integer from .min to .max */
	ZK_AMOUNT      /* a JSON number from .min to .max with at most two decimals (euro, hours) */
} zk_kind;

typedef struct zk_field {
	const char *name;            /* NULL ends a table */
	zk_kind kind;
	bool required;
	size_t min, max;             /* TEXT: characters (after trimming); ARRAY: items; INT, AMOUNT: value */
	const struct zk_field *fields;
	const zk_codelijst *codes;   /* ZK_CODE: filled at start-up */
	const char *code_name;       /* ZK_CODE: named in the reason, e.g. "CBS-gemeentecode" */
	const char *const *values;   /* ZK_ENUM: the allowed strings, NULL-terminated */
} zk_field;

/* A calendar date. */
typedef struct zk_date {
	int y, m, d;
} zk_date;

/*
 * Checks obj (an object) against the tables (NULL-terminated list of tables,
 * so that a route can add its own to the common ones). Members not named in
 * any table are refused. prefix is the JSON path of obj ("" at the top).
 * Appends one entry per problem to invalid; returns the number appended.
 */
size_t zk_validate(const json_t *obj, const zk_field *const *tables, const char *prefix,
    json_t *invalid);

/* Appends {"name": name, "reason": reason} to invalid. */
void zk_invalid(json_t *invalid, const char *name, const char *reason);

/* Parses YYYY-MM-DD strictly into d; false for anything else or an impossible date. */
bool zk_date_parse(const char *s, zk_date *d);
int zk_date_cmp(const zk_date *a, const zk_date *b);
/* Whole years from birth to on (negative when birth lies after on). */
int zk_age_on(const zk_date *birth, const zk_date *on);

/* An iJw product code as the productenboek holds it: 1 to 5 letters or digits. */
bool zk_productcode_ok(const char *s);

/*
 * A text field's problem, or NULL when s is acceptable: valid UTF-8 without
 * NUL, without control characters (C0 but tab/CR/LF where lines is set,
 * DEL, C1), between min and max characters once surrounding spaces are
 * trimmed.
 */
const char *zk_text_problem(const char *s, size_t len, bool lines, size_t min, size_t max);

#endif
