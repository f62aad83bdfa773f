/* Parsing and checking of the VNG landelijke inkoop list; see vng_lijst.h. */
#include "vng_lijst.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv_split.h"
#include "fields.h"
#include "validate.h"

#define NCOLS 7
#define MAX_LINE 8192
#define MAX_ITEMS 20

static const char csv_header[] = "naam,agb,kvk,functies,productcategorieen,ingangsdatum,einddatum";

typedef struct checker {
	const zk_codelijst *jz020;
	json_t *invalid;
	size_t nbad;
} checker;

static void bad(checker *c, const char *where, const char *field, const char *reason)
{
	char name[160];
	c->nbad++;
	if (c->nbad > VNG_MAX_INVALID)
		return;
	/* JSON records are named by path (aanbieders[2].agb), CSV rows by line (regel 4, agb). */
	snprintf(name, sizeof(name), "%s%s%s", where,
	    !*field ? "" : strncmp(where, "regel", 5) == 0 ? ", " : ".", field);
	zk_invalid(c->invalid, name, reason);
}

/* An optional string member: NULL when absent, null or "". false when not a string. */
static bool opt_string(const json_t *rec, const char *key, const char **out)
{
	const json_t *v = json_object_get(rec, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_string(v))
		return false;
	if (json_string_length(v) > 0)
		*out = json_string_value(v);
	return true;
}

static json_t *string_list(checker *c, const char *where, const json_t *rec, const char *key,
    bool required, bool codes)
{
	const json_t *v = json_object_get(rec, key);
	json_t *out = json_array();
	size_t i;
	json_t *item;
	char reason[128];

	if (!v || json_is_null(v)) {
		if (required)
			bad(c, where, key, "ontbreekt: ten minste één waarde");
		return out;
	}
	if (!json_is_array(v) || json_array_size(v) > MAX_ITEMS || (required && json_array_size(v) == 0)) {
		snprintf(reason, sizeof(reason), "een lijst van %d tot %d teksten verwacht",
		    required ? 1 : 0, MAX_ITEMS);
		bad(c, where, key, reason);
		return out;
	}
	json_array_foreach(v, i, item) {
		const char *s = json_string_value(item);
		const char *problem = NULL;
		if (!s)
			problem = "een tekst verwacht";
		else if (codes && !(c->jz020 ? zk_codelijst_has(c->jz020, s) : tg_is_digits(s, 2)))
			problem = "geen productcategorie uit JZ020";
		else if (!codes)
			problem = zk_text_problem(s, json_string_length(item), false, 1, 200);
		if (problem) {
			char field[64];
			snprintf(field, sizeof(field), "%s[%zu]", key, i);
			bad(c, where, field, problem);
		} else {
			json_array_append_new(out, json_string(s));
		}
	}
	return out;
}

/* Checks one record; returns its normalised form, or NULL when bad. */
static json_t *check_record(checker *c, const char *where, const json_t *rec)
{
	size_t before = c->nbad;
	const char *naam = NULL, *agb = NULL, *kvk = NULL, *van = NULL, *tot = NULL;
	const char *problem;
	zk_date dvan, dtot;

	if (!json_is_object(rec)) {
		bad(c, where, "", "een object verwacht");
		return NULL;
	}
	if (!opt_string(rec, "naam", &naam) || !naam)
		bad(c, where, "naam", "ontbreekt of is geen tekst");
	else if ((problem = zk_text_problem(naam, strlen(naam), false, 1, 200)))
		bad(c, where, "naam", problem);
	if (!opt_string(rec, "agb", &agb) || (agb && !tg_valid_agb(agb)))
		bad(c, where, "agb", "een AGB-code is 8 cijfers");
	if (!opt_string(rec, "kvk", &kvk) || (kvk && !tg_is_digits(kvk, 8)))
		bad(c, where, "kvk", "een KvK-nummer is 8 cijfers");
	if (!agb && !kvk && c->nbad == before)
		bad(c, where, "agb", "een aanbieder heeft een AGB-code of een KvK-nummer");
	if (!opt_string(rec, "ingangsdatum", &van) || !van || !zk_date_parse(van, &dvan)) {
		bad(c, where, "ingangsdatum", "ontbreekt of is geen datum JJJJ-MM-DD");
		van = NULL;
	}
	if (!opt_string(rec, "einddatum", &tot) || (tot && !zk_date_parse(tot, &dtot)))
		bad(c, where, "einddatum", "geen datum JJJJ-MM-DD");
	else if (tot && van && zk_date_cmp(&dtot, &dvan) < 0)
		bad(c, where, "einddatum", "ligt vóór de ingangsdatum");

	json_t *functies = string_list(c, where, rec, "functies", true, false);
	json_t *categorieen = string_list(c, where, rec, "productcategorieen", false, true);
	if (c->nbad != before) {
		json_decref(functies);
		json_decref(categorieen);
		return NULL;
	}
	if (json_array_size(categorieen) == 0)
		json_array_append_new(categorieen, json_string("55")); /* JZ020: landelijk ingekocht */
	return json_pack("{s:s, s:s?, s:s?, s:o, s:o, s:s, s:s?}", "naam", naam, "agb", agb,
	    "kvk", kvk, "functies", functies, "productcategorieen", categorieen,
	    "ingangsdatum", van, "einddatum", tot);
}

static json_t *parse_json(checker *c, const char *body, size_t len, char *err, size_t errlen)
{
	json_error_t je;
	json_t *doc = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	json_t *list, *rec, *out;
	size_t i;

	if (!doc) {
		snprintf(err, errlen, "geen geldige JSON (regel %d)", je.line);
		return NULL;
	}
	list = json_object_get(doc, "aanbieders");
	if (!json_is_array(list)) {
		snprintf(err, errlen, "JSON zonder lijst \"aanbieders\"");
		json_decref(doc);
		return NULL;
	}
	if (json_array_size(list) > VNG_MAX_RECORDS) {
		snprintf(err, errlen, "meer dan %d aanbieders", VNG_MAX_RECORDS);
		json_decref(doc);
		return NULL;
	}
	out = json_array();
	json_array_foreach(list, i, rec) {
		char where[48];
		snprintf(where, sizeof(where), "aanbieders[%zu]", i);
		json_t *norm = check_record(c, where, rec);
		if (norm)
			json_array_append_new(out, norm);
	}
	json_decref(doc);
	return out;
}

/* "a|b|c" -> ["a","b","c"]; "" -> []. Items are trimmed of spaces. */
static json_t *split_items(const char *s)
{
	json_t *a = json_array();
	while (*s) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);
		const char *b = s, *e = s + n;
		while (b < e && *b == ' ')
			b++;
		while (e > b && e[-1] == ' ')
			e--;
		json_array_append_new(a, json_stringn(b, (size_t)(e - b)));
		if (!bar)
			break;
		s = bar + 1;
	}
	return a;
}

static json_t *parse_csv(checker *c, const char *body, size_t len, char *err, size_t errlen)
{
	json_t *out = json_array();
	const char *p = body, *end = body + len;
	long lineno = 0;
	size_t records = 0;
	char line[MAX_LINE + 1];
	char *fields[NCOLS + 1];

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char where[32];
		lineno++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > MAX_LINE) {
			snprintf(err, errlen, "regel %ld is langer dan %d bytes", lineno, MAX_LINE);
			json_decref(out);
			return NULL;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p = nl ? nl + 1 : end;
		if (lineno == 1) {
			if (strcmp(line, csv_header) != 0) {
				snprintf(err, errlen, "CSV-kop is niet \"%s\"", csv_header);
				json_decref(out);
				return NULL;
			}
			continue;
		}
		if (n == 0)
			continue;
		if (++records > VNG_MAX_RECORDS) {
			snprintf(err, errlen, "meer dan %d aanbieders", VNG_MAX_RECORDS);
			json_decref(out);
			return NULL;
		}
		snprintf(where, sizeof(where), "regel %ld", lineno);
		if (tg_csv_split(line, ',', fields, NCOLS) != NCOLS) {
			bad(c, where, "", "7 velden verwacht (let op aanhalingstekens)");
			continue;
		}
		json_t *rec = json_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:s}", "naam", fields[0],
		    "agb", fields[1], "kvk", fields[2], "functies", split_items(fields[3]),
		    "productcategorieen", split_items(fields[4]), "ingangsdatum", fields[5],
		    "einddatum", fields[6]);
		if (!rec) { /* the body is valid UTF-8: only memory can fail here */
			snprintf(err, errlen, "geen geheugen");
			json_decref(out);
			return NULL;
		}
		json_t *norm = check_record(c, where, rec);
		json_decref(rec);
		if (norm)
			json_array_append_new(out, norm);
	}
	return out;
}

static bool looks_like_json(const char *body, size_t len, const char *content_type)
{
	if (content_type && strncasecmp(content_type, "application/json", 16) == 0)
		return true;
	if (content_type && strncasecmp(content_type, "text/csv", 8) == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r' && body[i] != '\n')
			return body[i] == '{' || body[i] == '[';
	return false;
}

json_t *vng_lijst_parse(const char *body, size_t len, const char *content_type,
    const zk_codelijst *jz020, json_t *invalid, size_t *nbad, char *err, size_t errlen)
{
	checker c = { .jz020 = jz020, .invalid = invalid };
	json_t *out;

	*nbad = 0;
	err[0] = '\0';
	if (!tg_valid_utf8(body, len) || memchr(body, '\0', len)) {
		snprintf(err, errlen, "geen geldige UTF-8-tekst");
		return NULL;
	}
	out = looks_like_json(body, len, content_type) ? parse_json(&c, body, len, err, errlen)
						       : parse_csv(&c, body, len, err, errlen);
	*nbad = c.nbad;
	if (out && c.nbad > 0) {
		snprintf(err, errlen, "%zu fout(en) in de lijst; niets overgenomen", c.nbad);
		json_decref(out);
		return NULL;
	}
	if (out && json_array_size(out) == 0) {
		snprintf(err, errlen, "de lijst is leeg");
		json_decref(out);
		return NULL;
	}
	return out;
}
