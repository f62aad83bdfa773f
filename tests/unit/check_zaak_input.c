/*
 * The create body's validation table and cross-field rules: what a GP's
 * system sends, and what it is told when something is wrong.
 */
#include <stdio.h>
#include <string.h>

#include <check.h>

#include "codelijst.h"
#include "fields.h"
#include "pgb_calc.h"
#include "run_suite.h"
#include "zaak_input.h"

static const zk_date today = { 2026, 11, 23 };

static const char *valid_body =
    "{\"jeugdige\": {\"bsn\": \"123456782\", \"geboortedatum\": \"2014-05-01\", \"naam\": \"Sam de Vries\"},"
    " \"gezaghebbenden\": [{\"bsn\": \"111222333\", \"naam\": \"Anna de Vries\", \"gemeente\": \"0301\"}],"
    " \"hulpvraag\": \"vrije tekst\", \"spoed\": false}";

static void setup(void)
{
	char err[256];
	ck_assert_msg(zk_codelijsten_load(CODELIJSTEN, err, sizeof(err)) == 0, "%s", err);
}

static void teardown(void) { zk_codelijsten_free(); }

/* Parses body (with the verwijzing extras); returns the invalid-params array. */
static json_t *run(const char *text, zk_zaak_input *in, int *rc)
{
	json_error_t e;
	json_t *body = json_loads(text, JSON_REJECT_DUPLICATES, &e);
	json_t *invalid = json_array();
	ck_assert_msg(body != NULL, "test body does not parse: %s", e.text);
	*rc = zk_zaak_input_parse(body, zk_verwijzing_fields, &today, in, invalid);
	/* in borrows from body: keep the body alive for the test via invalid's lifetime. */
	json_array_append_new(invalid, body);
	return invalid;
}

/* The body is the last element run() appended; problems come before it. */
static size_t nproblems(const json_t *invalid) { return json_array_size(invalid) - 1; }

static bool names(const json_t *invalid, const char *field, const char *reason_part)
{
	for (size_t i = 0; i + 1 < json_array_size(invalid); i++) {
		const json_t *p = json_array_get(invalid, i);
		const char *n = json_string_value(json_object_get(p, "name"));
		const char *r = json_string_value(json_object_get(p, "reason"));
		if (n && strcmp(n, field) == 0 && (!reason_part || (r && strstr(r, reason_part))))
			return true;
	}
	return false;
}

/* valid_body with one substitution of from by to. */
static char *with(const char *from, const char *to)
{
	static char buf[4096];
	const char *at = strstr(valid_body, from);
	ck_assert_ptr_nonnull(at);
	snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(at - valid_body), valid_body, to, at + strlen(from));
	return buf;
}

static void expect_refused(const char *text, const char *field, const char *reason_part)
{
	zk_zaak_input in;
	int rc;
	json_t *inv = run(text, &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(names(inv, field, reason_part), "expected %s (%s) among the problems of %s",
	    field, reason_part ? reason_part : "any reason", text);
	json_decref(inv);
}

START_TEST(the_api_example_is_accepted)
{
	zk_zaak_input in;
	int rc;
	json_t *inv = run(valid_body, &in, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(nproblems(inv), 0);
	ck_assert_str_eq(in.jeugdige.bsn, "123456782");
	ck_assert_str_eq(in.gezaghebbenden[0].naam, "Anna de Vries");
	ck_assert_uint_eq(in.ngezaghebbenden, 1);
	ck_assert_str_eq(in.verantwoordelijke_gemeente, "0301");
	ck_assert(!in.woonplaats_te_bepalen);
	ck_assert(!in.spoed);
	ck_assert_ptr_null(in.productcategorie);
	json_decref(inv);
}
END_TEST

START_TEST(verwijzing_extras_are_accepted)
{
	zk_zaak_input in;
	int rc;
	json_t *inv = run(with("\"spoed\": false", "\"spoed\": true, \"specialisme\": \"huisartsgeneeskunde\","
	    " \"reden\": \"angstklachten\\nsinds maanden\", \"productcategorie\": \"54\", \"aanbieder_agb\": \"12345678\""),
	    &in, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert(in.spoed);
	ck_assert_str_eq(in.productcategorie, "54");
	ck_assert_str_eq(in.aanbieder_agb, "12345678");
	json_decref(inv);
}
END_TEST

START_TEST(bsn_rules)
{
	expect_refused(with("123456782", "123456783"), "jeugdige.bsn", "elfproef");
	expect_refused(with("123456782", "12345678"), "jeugdige.bsn", "9 cijfers");
	expect_refused(with("123456782", "1234567820"), "jeugdige.bsn", "9 cijfers");
	expect_refused(with("111222333", "11122233x"), "gezaghebbenden[0].bsn", "9 cijfers");
	expect_refused(with("\"123456782\"", "123456782"), "jeugdige.bsn", "string");
}
END_TEST

START_TEST(required_fields)
{
	expect_refused("{\"gezaghebbenden\": [{\"bsn\": \"111222333\", \"naam\": \"A\", \"gemeente\": \"0301\"}],"
	    " \"hulpvraag\": \"x\"}", "jeugdige", "verplicht");
	expect_refused(with("[{\"bsn\": \"111222333\", \"naam\": \"Anna de Vries\", \"gemeente\": \"0301\"}]", "[]"),
	    "gezaghebbenden", "minstens");
	expect_refused(with(", \"naam\": \"Sam de Vries\"", ""), "jeugdige.naam", "verplicht");
	expect_refused(with("\"hulpvraag\": \"vrije tekst\", ", ""), "hulpvraag", "verplicht");
	expect_refused(with("\"Sam de Vries\"", "\"   \""), "jeugdige.naam", "leeg");
}
END_TEST

START_TEST(dates)
{
	expect_refused(with("2014-05-01", "2014-02-30"), "jeugdige.geboortedatum", "datum");
	expect_refused(with("2014-05-01", "2014-13-01"), "jeugdige.geboortedatum", "datum");
	expect_refused(with("2014-05-01", "01-05-2014"), "jeugdige.geboortedatum", "datum");
	expect_refused(with("2014-05-01", "2014-5-1"), "jeugdige.geboortedatum", "datum");
	expect_refused(with("2014-05-01", "2026-11-24"), "jeugdige.geboortedatum", "toekomst");
	/* 29 February exists in leap years only. */
	expect_refused(with("2014-05-01", "2015-02-29"), "jeugdige.geboortedatum", "datum");
	{
		zk_zaak_input in;
		int rc;
		json_t *inv = run(with("2014-05-01", "2016-02-29"), &in, &rc);
		ck_assert_int_eq(rc, 0);
		json_decref(inv);
	}
}
END_TEST

START_TEST(age_rule)
{
	zk_zaak_input in;
	int rc;
	json_t *inv;
	/* 18 today: only as voortgezette jeugdhulp. */
	expect_refused(with("2014-05-01", "2008-11-23"), "jeugdige.geboortedatum", "18 jaar");
	inv = run(with("\"spoed\": false", "\"spoed\": false, \"voortzetting\": true"), &in, &rc);
	ck_assert_int_eq(rc, 0);
	json_decref(inv);
	{
		char body[4096];
		snprintf(body, sizeof(body), "%s", with("2014-05-01", "2008-11-23"));
		/* add voortzetting to the 18-year-old */
		char *at = strstr(body, "\"spoed\": false");
		ck_assert_ptr_nonnull(at);
		memcpy(at, "\"spoed\": true,", 14);
		char full[4200];
		snprintf(full, sizeof(full), "%.*s \"voortzetting\": true%s", (int)(at + 14 - body), body, at + 14);
		inv = run(full, &in, &rc);
		ck_assert_msg(rc == 0, "%s", full);
		json_decref(inv);
	}
	/* Still 17 the day before the 18th birthday. */
	inv = run(with("2014-05-01", "2008-11-24"), &in, &rc);
	ck_assert_int_eq(rc, 0);
	json_decref(inv);
	/* 23: outside the Jeugdwet even with voortzetting. */
	expect_refused(with("2014-05-01", "2003-11-23"), "jeugdige.geboortedatum", "23 jaar");
}
END_TEST

START_TEST(gemeentecode_from_the_cbs_list)
{
	expect_refused(with("\"0301\"", "\"9999\""), "gezaghebbenden[0].gemeente", "CBS-gemeentecode");
	expect_refused(with("\"0301\"", "\"301\""), "gezaghebbenden[0].gemeente", "CBS-gemeentecode");
	expect_refused(with("\"0301\"", "301"), "gezaghebbenden[0].gemeente", "string");
	ck_assert(zk_codelijst_has(&zk_gemeenten, "0363"));  /* Amsterdam */
	ck_assert(zk_codelijst_has(&zk_gemeenten, "1680"));
	ck_assert_uint_eq(zk_gemeenten.n, 342);
	ck_assert_uint_eq(zk_productcategorieen.n, 24);
	expect_refused(with("\"spoed\": false", "\"spoed\": false, \"productcategorie\": \"99\""),
	    "productcategorie", "JZ020");
}
END_TEST

START_TEST(woonplaatsbeginsel)
{
	zk_zaak_input in;
	int rc;
	json_t *inv = run(with("\"gemeente\": \"0301\"}]", "\"gemeente\": \"0301\"},"
	    " {\"bsn\": \"100000009\", \"naam\": \"Bo\", \"gemeente\": \"0363\"}]"), &in, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(in.verantwoordelijke_gemeente, "0301");
	ck_assert(in.woonplaats_te_bepalen);
	json_decref(inv);
	inv = run(with("\"gemeente\": \"0301\"}]", "\"gemeente\": \"0301\"},"
	    " {\"bsn\": \"100000009\", \"naam\": \"Bo\", \"gemeente\": \"0301\"}]"), &in, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert(!in.woonplaats_te_bepalen);
	json_decref(inv);
}
END_TEST

START_TEST(persons_must_differ)
{
	expect_refused(with("111222333", "123456782"), "gezaghebbenden[0].bsn", "jeugdige");
	expect_refused(with("\"gemeente\": \"0301\"}]", "\"gemeente\": \"0301\"},"
	    " {\"bsn\": \"111222333\", \"naam\": \"Anna\", \"gemeente\": \"0301\"}]"),
	    "gezaghebbenden[1].bsn", "al in");
}
END_TEST

START_TEST(unknown_and_mistyped_fields)
{
	expect_refused(with("\"spoed\": false", "\"spoed\": false, \"spoedd\": true"), "spoedd", "onbekend");
	expect_refused(with("\"naam\": \"Sam de Vries\"", "\"naam\": \"Sam de Vries\", \"x\": 1"),
	    "jeugdige.x", "onbekend");
	expect_refused(with("\"spoed\": false", "\"spoed\": \"false\""), "spoed", "true of false");
	expect_refused(with("\"hulpvraag\": \"vrije tekst\"", "\"hulpvraag\": 12"), "hulpvraag", "string");
	expect_refused(with("[{\"bsn\": \"111222333\", \"naam\": \"Anna de Vries\", \"gemeente\": \"0301\"}]",
	    "{\"bsn\": \"111222333\"}"), "gezaghebbenden", "lijst");
}
END_TEST

START_TEST(every_problem_is_reported_at_once)
{
	zk_zaak_input in;
	int rc;
	json_t *inv = run("{\"jeugdige\": {\"bsn\": \"123\", \"geboortedatum\": \"x\", \"naam\": \"\"},"
	    " \"gezaghebbenden\": [{\"bsn\": \"111222333\", \"naam\": \"A\", \"gemeente\": \"0000\"}],"
	    " \"extra\": 1}", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "jeugdige.bsn", NULL));
	ck_assert(names(inv, "jeugdige.geboortedatum", NULL));
	ck_assert(names(inv, "jeugdige.naam", NULL));
	ck_assert(names(inv, "gezaghebbenden[0].gemeente", NULL));
	ck_assert(names(inv, "hulpvraag", NULL));
	ck_assert(names(inv, "extra", NULL));
	json_decref(inv);
	/* Rules across fields are reported alongside the table's problems. */
	inv = run("{\"jeugdige\": {\"bsn\": \"123456782\", \"geboortedatum\": \"2027-01-01\", \"naam\": \"Sam\"},"
	    " \"gezaghebbenden\": [{\"bsn\": \"123456782\", \"naam\": \"A\", \"gemeente\": \"0301\"}],"
	    " \"hulpvraag\": \"x\", \"spoed\": 1}", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "spoed", "true of false"));
	ck_assert(names(inv, "jeugdige.geboortedatum", "toekomst"));
	ck_assert(names(inv, "gezaghebbenden[0].bsn", "jeugdige"));
	json_decref(inv);
}
END_TEST

START_TEST(text_rules)
{
	ck_assert_ptr_null(zk_text_problem("Zoë d'Ármagnac 李小龍 🙂", strlen("Zoë d'Ármagnac 李小龍 🙂"), false, 1, 200));
	ck_assert_str_eq(zk_text_problem("a\x01" "b", 3, false, 1, 10), "bevat een stuurteken");
	ck_assert_str_eq(zk_text_problem("a\nb", 3, false, 1, 10), "bevat een stuurteken");
	ck_assert_ptr_null(zk_text_problem("a\nb", 3, true, 1, 10));
	ck_assert_str_eq(zk_text_problem("a\x7f", 2, true, 1, 10), "bevat een stuurteken");
	ck_assert_str_eq(zk_text_problem("a\xc2\x85", 3, true, 1, 10), "bevat een stuurteken");
	ck_assert_str_eq(zk_text_problem("a\0b", 3, true, 1, 10), "bevat een NUL-teken");
	ck_assert_str_eq(zk_text_problem("\xff", 1, true, 1, 10), "geen geldige UTF-8");
	/* Length counts characters, not bytes: ten emoji fit in ten. */
	ck_assert_ptr_null(zk_text_problem("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", 40, false, 1, 10));
	ck_assert_str_eq(zk_text_problem("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", 44, false, 1, 10), "is te lang");
	expect_refused(with("\"vrije tekst\"", "\"a\\u0007b\""), "hulpvraag", "stuurteken");
	/* Blank to the eye is blank: NBSP, ideographic space, BOM. */
	ck_assert_str_eq(zk_text_problem("\xc2\xa0 \xe3\x80\x80\xef\xbb\xbf", 9, false, 1, 10), "mag niet leeg zijn");
	expect_refused(with("\"vrije tekst\"", "\"\\u00a0\\ufeff\""), "hulpvraag", "leeg");
	/* ...but inner spaces of any kind are part of the text. */
	ck_assert_ptr_null(zk_text_problem("a\xc2\xa0" "b", 4, false, 1, 3));
}
END_TEST

/* valid_body plus the members of a route, parsed with that route's table. */
static json_t *run_route(const zk_field *table, const char *extra, zk_zaak_input *in, int *rc)
{
	char text[4096];
	json_error_t e;
	json_t *body, *invalid = json_array();
	snprintf(text, sizeof(text), "%.*s, %s}", (int)(strlen(valid_body) - 1), valid_body, extra);
	body = json_loads(text, JSON_REJECT_DUPLICATES, &e);
	ck_assert_msg(body != NULL, "test body does not parse: %s", e.text);
	*rc = zk_zaak_input_parse(body, table, &today, in, invalid);
	json_array_append_new(invalid, body);
	return invalid;
}

START_TEST(mandaat_fields)
{
	zk_zaak_input in;
	int rc;
	json_t *inv = run_route(zk_mandaat_fields,
	    "\"maatregel\": \"ots\", \"uitspraakdatum\": \"2026-11-02\", \"kenmerk\": \"C/05/1234\"", &in, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(in.maatregel, "ots");
	ck_assert_str_eq(in.kenmerk, "C/05/1234");
	json_decref(inv);
	inv = run_route(zk_mandaat_fields,
	    "\"maatregel\": \"huisarrest\", \"uitspraakdatum\": \"2026-11-24\", \"kenmerk\": \"\"", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "maatregel", "ots"));
	ck_assert(names(inv, "kenmerk", "leeg"));
	json_decref(inv);
	/* Once the table is satisfied, a decision dated tomorrow is refused. */
	inv = run_route(zk_mandaat_fields,
	    "\"maatregel\": \"voogdij\", \"uitspraakdatum\": \"2026-11-24\", \"kenmerk\": \"k\"", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "uitspraakdatum", "toekomst"));
	json_decref(inv);
	/* A verwijzing's own members do not belong in a mandaat. */
	inv = run_route(zk_mandaat_fields, "\"maatregel\": \"ots\", \"uitspraakdatum\": \"2026-11-02\", "
	    "\"kenmerk\": \"k\", \"specialisme\": \"x\"", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "specialisme", "onbekend"));
	json_decref(inv);
}
END_TEST

START_TEST(mandaat_juridische_status_and_omvang)
{
	zk_zaak_input in;
	int rc;
	json_t *inv = run_route(zk_mandaat_fields, "\"maatregel\": \"ots\", \"uitspraakdatum\": \"2026-11-02\", "
	    "\"kenmerk\": \"k\", \"omvang\": {\"volume\": 3, \"eenheid\": \"04\", \"frequentie\": \"2\"}",
	    &in, &rc);
	ck_assert_int_eq(rc, 0);
	/* iJw WJ232: an ots is juridische status 04. */
	ck_assert_str_eq(in.juridische_status, "04");
	ck_assert_int_eq(json_integer_value(json_object_get(in.omvang, "volume")), 3);
	json_decref(inv);
	ck_assert_str_eq(zk_juridische_status("machtiging_gesloten_jeugdhulp"), "01");
	ck_assert_str_eq(zk_juridische_status("jeugdreclassering"), "12");
	/* Voogdij has no WJ232 code. */
	ck_assert_ptr_null(zk_juridische_status("voogdij"));
	ck_assert_ptr_null(zk_juridische_status(NULL));
	/* A volume is a whole number of a WJ756 unit per a WMO757 period. */
	inv = run_route(zk_mandaat_fields, "\"maatregel\": \"ots\", \"uitspraakdatum\": \"2026-11-02\", "
	    "\"kenmerk\": \"k\", \"omvang\": {\"volume\": 0, \"eenheid\": \"uur\", \"frequentie\": 2}",
	    &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "omvang.volume", "geheel getal van 1"));
	ck_assert(names(inv, "omvang.eenheid", "een van"));
	ck_assert(names(inv, "omvang.frequentie", NULL));
	json_decref(inv);
	inv = run_route(zk_mandaat_fields, "\"maatregel\": \"ots\", \"uitspraakdatum\": \"2026-11-02\", "
	    "\"kenmerk\": \"k\", \"omvang\": {\"volume\": \"3\", \"eenheid\": \"04\", \"frequentie\": \"2\"}",
	    &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "omvang.volume", "geheel getal"));
	json_decref(inv);
}
END_TEST

START_TEST(overdracht_what_was_tried_and_the_team)
{
	zk_zaak_input in;
	int rc;
	json_t *inv = run_route(zk_overdracht_fields, "\"reden\": \"x\", \"toestemming_gegevensdeling\": true, "
	    "\"geprobeerd\": {\"eigen_kracht\": \"oma helpt\", \"algemene_voorzieningen\": \"opvoedcursus\"}, "
	    "\"team\": {\"naam\": \"GST Noord\", \"contactpersoon\": \"Fatma\", \"telefoon\": \"0575 123456\"}",
	    &in, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(json_string_value(json_object_get(in.team, "naam")), "GST Noord");
	ck_assert_ptr_nonnull(in.geprobeerd);
	json_decref(inv);
	inv = run_route(zk_overdracht_fields, "\"reden\": \"x\", \"toestemming_gegevensdeling\": true, "
	    "\"geprobeerd\": {\"bidden\": \"x\"}, \"team\": {\"naam\": \"GST Noord\"}", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "geprobeerd.bidden", "onbekend"));
	ck_assert(names(inv, "team.contactpersoon", "verplicht"));
	json_decref(inv);
}
END_TEST

START_TEST(overdracht_needs_consent)
{
	zk_zaak_input in;
	int rc;
	json_t *inv = run_route(zk_overdracht_fields,
	    "\"reden\": \"gezin heeft meer nodig\", \"toestemming_gegevensdeling\": true", &in, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert(in.has_toestemming && in.toestemming_gegevensdeling);
	json_decref(inv);
	inv = run_route(zk_overdracht_fields,
	    "\"reden\": \"x\", \"toestemming_gegevensdeling\": false", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "toestemming_gegevensdeling", "toestemming"));
	json_decref(inv);
	inv = run_route(zk_overdracht_fields, "\"reden\": \"x\"", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "toestemming_gegevensdeling", "verplicht"));
	json_decref(inv);
	/* A melding adds only the other domains of 3.1.1. */
	inv = run_route(zk_melding_fields, "\"reden\": \"x\"", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "reden", "onbekend"));
	json_decref(inv);
	inv = run_route(zk_melding_fields, "\"andere_domeinen\": {\"werk\": \"zoekt werk\", \"wonen\": \"krap\"}",
	    &in, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(in.andere_domeinen);
	json_decref(inv);
	inv = run_route(zk_melding_fields, "\"andere_domeinen\": {\"hobby\": \"x\"}", &in, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert(names(inv, "andere_domeinen.hobby", "onbekend"));
	json_decref(inv);
}
END_TEST

START_TEST(codelijst_parsing)
{
	zk_codelijst l;
	char err[128];
	ck_assert_int_eq(zk_codelijst_parse(&l, "| Code | Naam |\n|---|---|\n| 0301 | Zutphen |\n| 0363 | Amsterdam |\n", 4, err, sizeof(err)), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert(zk_codelijst_has(&l, "0301"));
	ck_assert(!zk_codelijst_has(&l, "Code"));
	ck_assert(!zk_codelijst_has(&l, "030"));
	ck_assert_str_eq(l.codes[0].omschrijving, "Zutphen");
	zk_codelijst_free(&l);
	ck_assert_int_eq(zk_codelijst_parse(&l, "| 0301 | a |\n| 0301 | b |\n", 4, err, sizeof(err)), -1);
	ck_assert(strstr(err, "twice") != NULL);
	ck_assert_int_eq(zk_codelijst_parse(&l, "no table here\n", 4, err, sizeof(err)), -1);
}
END_TEST

/* A PGB line: hours and euro with at most two decimals; a JSON number, not text. */
static json_t *pgb_problems(const char *text)
{
	const zk_field *tables[2] = { zk_pgb_regel_fields, NULL };
	json_t *line = json_loads(text, 0, NULL), *invalid = json_array();
	ck_assert_msg(line != NULL, "test line does not parse");
	zk_validate(line, tables, "regels[0]", invalid);
	/* keep names() working: it skips the last element */
	json_array_append_new(invalid, line);
	return invalid;
}

START_TEST(pgb_line_amounts)
{
	json_t *inv = pgb_problems("{\"tarief\": \"dagbesteding_medium\", \"hulp\": \"formeel\", "
	    "\"volume\": 2.5, \"per\": \"week\", \"tarief_gevraagd\": 12.75, "
	    "\"ingangsdatum\": \"2026-01-05\", \"einddatum\": \"2026-01-18\"}");
	ck_assert_uint_eq(nproblems(inv), 0);
	json_decref(inv);
	inv = pgb_problems("{\"tarief\": \"x\", \"hulp\": \"formeel\", \"volume\": 2.555, "
	    "\"per\": \"week\", \"tarief_gevraagd\": \"12.75\", \"ingangsdatum\": \"2026-01-05\", "
	    "\"einddatum\": \"2026-01-18\", \"leeftijd_hulpverlener\": 7, \"productcategorie\": \"99\"}");
	ck_assert(names(inv, "regels[0].volume", "twee decimalen"));
	ck_assert(names(inv, "regels[0].tarief_gevraagd", "getal"));
	ck_assert(names(inv, "regels[0].leeftijd_hulpverlener", "12 tot en met 120"));
	ck_assert(names(inv, "regels[0].productcategorie", "JZ020"));
	ck_assert_uint_eq(nproblems(inv), 4);
	json_decref(inv);
	inv = pgb_problems("{\"hulp\": \"mantelzorg\", \"volume\": -1, \"per\": \"jaar\"}");
	ck_assert(names(inv, "regels[0].hulp", NULL));
	ck_assert(names(inv, "regels[0].volume", "0 tot en met 100000"));
	ck_assert(names(inv, "regels[0].per", NULL));
	ck_assert(names(inv, "regels[0].ingangsdatum", NULL));
	json_decref(inv);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("zaak_input");
	TCase *tc = tcase_create("zaak_input");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_api_example_is_accepted);
	tcase_add_test(tc, verwijzing_extras_are_accepted);
	tcase_add_test(tc, bsn_rules);
	tcase_add_test(tc, required_fields);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, age_rule);
	tcase_add_test(tc, gemeentecode_from_the_cbs_list);
	tcase_add_test(tc, woonplaatsbeginsel);
	tcase_add_test(tc, persons_must_differ);
	tcase_add_test(tc, unknown_and_mistyped_fields);
	tcase_add_test(tc, every_problem_is_reported_at_once);
	tcase_add_test(tc, text_rules);
	tcase_add_test(tc, mandaat_fields);
	tcase_add_test(tc, mandaat_juridische_status_and_omvang);
	tcase_add_test(tc, overdracht_what_was_tried_and_the_team);
	tcase_add_test(tc, overdracht_needs_consent);
	tcase_add_test(tc, codelijst_parsing);
	tcase_add_test(tc, pgb_line_amounts);
	suite_add_tcase(s, tc);
	return tg_run_suite(s);
}
