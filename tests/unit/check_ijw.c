/*
 * The iJw modules: safe XML parsing and schema validation (ijw_xml), the
 * toewijzingsvarianten (ijw_variant), the JW301 a gemeente sends (jw301)
 * and the JW315 a provider sends (jw315): what a provider or a gemeente
 * would notice when one of them is wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <check.h>
#include <libxml/parser.h>

#include "codelijst.h"
#include "fields.h"
#include "ijw_variant.h"
#include "ijw_xml.h"
#include "jw301.h"
#include "jw315.h"
#include "run_suite.h"
#include "zaak_input.h"

static const zk_date today = { 2026, 11, 23 };

#define AP "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct"

/* ---- helpers ---- */

/* The file's bytes, NUL-terminated (malloc()ed), its length in *len. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	ck_assert_msg(f != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

static char *fixture(const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", FIXTURES, name);
	return slurp(path, len);
}

/* text with its first from replaced by to (a new string; text is freed). */
static char *with(char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	size_t head, flen = strlen(from), tlen = strlen(to), total;
	char *out;
	ck_assert_msg(at != NULL, "'%s' not in the test document", from);
	head = (size_t)(at - text);
	total = strlen(text) - flen + tlen;
	out = malloc(total + 1);
	ck_assert_ptr_nonnull(out);
	memcpy(out, text, head);
	memcpy(out + head, to, tlen);
	strcpy(out + head + tlen, at + flen);
	free(text);
	return out;
}

/* Whether invalid holds an entry named name (and, if set, whose reason has part). */
static bool names(const json_t *invalid, const char *name, const char *part)
{
	for (size_t i = 0; i < json_array_size(invalid); i++) {
		const json_t *p = json_array_get(invalid, i);
		const char *n = json_string_value(json_object_get(p, "name"));
		const char *r = json_string_value(json_object_get(p, "reason"));
		if (n && strcmp(n, name) == 0 && (!part || (r && strstr(r, part))))
			return true;
	}
	return false;
}

/* The problems, for a failure message (static buffer). */
static const char *dump(const json_t *invalid)
{
	static char buf[4096];
	char *s = json_dumps(invalid, JSON_COMPACT);
	snprintf(buf, sizeof(buf), "%s", s ? s : "?");
	free(s);
	return buf;
}

static zk_ijw_schema *jw301_schema, *jw315_schema;

static void setup(void)
{
	char err[512] = "";
	ck_assert_msg(zk_codelijsten_load(CODELIJSTEN, err, sizeof(err)) == 0, "%s", err);
	jw301_schema = zk_ijw_schema_load(IJW_XSD, "JW301.xsd", err, sizeof(err));
	ck_assert_msg(jw301_schema != NULL, "%s", err);
	jw315_schema = zk_ijw_schema_load(IJW_XSD, "JW315.xsd", err, sizeof(err));
	ck_assert_msg(jw315_schema != NULL, "%s", err);
}

static void teardown(void)
{
	zk_ijw_schema_free(jw301_schema);
	zk_ijw_schema_free(jw315_schema);
	jw301_schema = jw315_schema = NULL;
	zk_codelijsten_free();
}

static xmlDocPtr parse_ok(const char *text, size_t len)
{
	zk_xml_status st = ZK_XML_NOMEM;
	xmlDocPtr doc = zk_ijw_parse(text, len, &st);
	ck_assert_msg(st == ZK_XML_OK && doc != NULL, "status %d for:\n%s", (int)st, text);
	return doc;
}

static zk_xml_status parse_status(const char *text, size_t len)
{
	zk_xml_status st = ZK_XML_NOMEM;
	xmlDocPtr doc = zk_ijw_parse(text, len, &st);
	if (st != ZK_XML_OK)
		ck_assert_ptr_null(doc);
	xmlFreeDoc(doc);
	return st;
}

/* The text of the element at the path of child names below node, or NULL (xmlFree it). */
static char *text_at(const xmlNode *node, const char *const *path)
{
	for (; path[1]; path++)
		node = zk_ijw_child(node, path[0]);
	return zk_ijw_child_text(node, path[0]);
}

static void expect_text(const xmlNode *node, const char *const *path, const char *want)
{
	char *t = text_at(node, path);
	ck_assert_msg(t != NULL, "no element %s...", path[0]);
	ck_assert_str_eq((const char *)t, want);
	xmlFree(t);
}

/* ---- zk_naam_split ---- */

static void split(const char *naam, const char *voornamen, const char *voorvoegsel,
    const char *achternaam)
{
	char buf[512];
	zk_naam_delen d;
	zk_naam_split(naam, buf, sizeof(buf), &d);
	if (voornamen)
		ck_assert_msg(d.voornamen && strcmp(d.voornamen, voornamen) == 0,
		    "'%s': voornamen '%s', expected '%s'", naam, d.voornamen ? d.voornamen : "(null)",
		    voornamen);
	else
		ck_assert_msg(d.voornamen == NULL, "'%s': voornamen '%s', expected none", naam, d.voornamen);
	if (voorvoegsel)
		ck_assert_msg(d.voorvoegsel && strcmp(d.voorvoegsel, voorvoegsel) == 0,
		    "'%s': voorvoegsel '%s', expected '%s'", naam,
		    d.voorvoegsel ? d.voorvoegsel : "(null)", voorvoegsel);
	else
		ck_assert_msg(d.voorvoegsel == NULL, "'%s': voorvoegsel '%s', expected none", naam,
		    d.voorvoegsel);
	ck_assert_msg(d.achternaam && strcmp(d.achternaam, achternaam) == 0,
	    "'%s': achternaam '%s', expected '%s'", naam, d.achternaam ? d.achternaam : "(null)",
	    achternaam);
}

START_TEST(naam_with_a_voorvoegsel)
{
	split("Sam de Vries", "Sam", "de", "Vries");
	split("Noa Fleur de Visser", "Noa Fleur", "de", "Visser");
	split("Maria van der Berg-de Vries", "Maria", "van der", "Berg-de Vries");
	split("Pieter Van Dijk", "Pieter", "Van", "Dijk");
}
END_TEST

START_TEST(naam_without_a_voorvoegsel)
{
	split("Jan Peter Jansen", "Jan Peter", NULL, "Jansen");
	split("Cher", NULL, NULL, "Cher");
	split("Ali Yilmaz", "Ali", NULL, "Yilmaz");
}
END_TEST

START_TEST(naam_with_extra_spaces)
{
	split("  Sam   de  Vries  ", "Sam", "de", "Vries");
	split("Noa  Fleur   de Visser", "Noa Fleur", "de", "Visser");
	split("   Cher ", NULL, NULL, "Cher");
}
END_TEST

/* ---- zk_variant_check ---- */

static const zk_variant_names vnames = { "categorie", "code", "einddatum", "frequentie", "budget" };

/* Runs the check; expects exactly one entry at name, or none when name is NULL. */
static void variant(const zk_variant *v, const char *name)
{
	json_t *inv = json_array();
	int n = zk_variant_check(v, &vnames, inv);
	ck_assert_int_eq((size_t)n, json_array_size(inv));
	if (!name)
		ck_assert_msg(n == 0, "expected no problem, got %s", dump(inv));
	else
		ck_assert_msg(n == 1 && names(inv, name, NULL), "expected one problem at %s, got %s",
		    name, dump(inv));
	json_decref(inv);
}

START_TEST(variant_uur_per_week)
{
	zk_variant v = { .categorie = "54", .code = "54A01", .einddatum = "2027-05-31",
		.eenheid = "04", .frequentie = "2" };
	variant(&v, NULL);
	v.einddatum = NULL;
	variant(&v, "einddatum");
}
END_TEST

START_TEST(variant_totaal_needs_an_einddatum)
{
	zk_variant v = { .categorie = "54", .code = "54A01", .eenheid = "04", .frequentie = "6" };
	variant(&v, "einddatum");
	v.einddatum = "2027-05-31";
	variant(&v, NULL);
}
END_TEST

START_TEST(variant_etmaal_per_dag_is_no_variant)
{
	zk_variant v = { .categorie = "44", .code = "44A01", .einddatum = "2027-05-31",
		.eenheid = "14", .frequentie = "1" };
	variant(&v, "frequentie");
	v.frequentie = "2";
	variant(&v, NULL);
}
END_TEST

START_TEST(variant_omvang_needs_a_code)
{
	zk_variant v = { .categorie = "54", .einddatum = "2027-05-31", .eenheid = "04",
		.frequentie = "2" };
	variant(&v, "code");
}
END_TEST

START_TEST(variant_omvang_or_budget)
{
	zk_variant v = { .categorie = "54", .code = "54A01", .einddatum = "2027-05-31",
		.eenheid = "04", .frequentie = "2", .budget = true };
	variant(&v, "budget");
}
END_TEST

START_TEST(variant_budget)
{
	/* budget with a code but no omvang: the code must go */
	zk_variant v = { .categorie = "54", .code = "54A01", .einddatum = "2027-05-31", .budget = true };
	variant(&v, "code");
	v.code = NULL;
	variant(&v, NULL);
	/* a budget without an end date */
	v.einddatum = NULL;
	variant(&v, "einddatum");
	/* generiek: only a budget (and an end date) */
	v.categorie = NULL;
	v.einddatum = "2027-05-31";
	variant(&v, NULL);
}
END_TEST

START_TEST(variant_aspecifiek)
{
	zk_variant v = { .categorie = "54" };
	variant(&v, NULL);
	v.categorie = NULL;
	variant(&v, "categorie");
}
END_TEST

/* ---- zk_ijw_parse ---- */

START_TEST(parse_a_minimal_document)
{
	static const char text[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b>caf\xc3\xa9</b></a>";
	xmlDocPtr doc = parse_ok(text, sizeof(text) - 1);
	const char *const path[] = { "b", NULL };
	expect_text(xmlDocGetRootElement(doc), path, "caf\xc3\xa9");
	xmlFreeDoc(doc);
	doc = parse_ok("<a/>", 4);
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(parse_refuses_any_doctype)
{
	static const char harmless[] = "<?xml version=\"1.0\"?><!DOCTYPE x><x/>";
	static const char bericht[] = "<!DOCTYPE Bericht><Bericht/>";
	static const char external[] = "<!DOCTYPE Bericht SYSTEM \"http://127.0.0.1:9/jw315.dtd\"><Bericht/>";
	ck_assert_int_eq(parse_status(harmless, sizeof(harmless) - 1), ZK_XML_DTD);
	ck_assert_int_eq(parse_status(bericht, sizeof(bericht) - 1), ZK_XML_DTD);
	ck_assert_int_eq(parse_status(external, sizeof(external) - 1), ZK_XML_DTD);
}
END_TEST

START_TEST(parse_refuses_the_billion_laughs_at_once)
{
	size_t len;
	char *text = fixture("billion-laughs.xml", &len);
	struct timespec a, b;
	double secs;
	clock_gettime(CLOCK_MONOTONIC, &a);
	ck_assert_int_eq(parse_status(text, len), ZK_XML_DTD);
	clock_gettime(CLOCK_MONOTONIC, &b);
	secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	ck_assert_msg(secs < 1.0, "the billion laughs took %.2f s", secs);
	free(text);
}
END_TEST

START_TEST(parse_refuses_external_entities)
{
	static const char *const files[] = { "xxe-file.xml", "xxe-net.xml", "xxe-net-parameter.xml",
		"xxe-net-extern.xml" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		size_t len;
		char *text = fixture(files[i], &len);
		ck_assert_msg(parse_status(text, len) == ZK_XML_DTD, "%s not refused as DTD", files[i]);
		free(text);
	}
	{
		static const char xxe[] = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM "
		    "\"file:///etc/passwd\">]><a>&x;</a>";
		ck_assert_int_eq(parse_status(xxe, sizeof(xxe) - 1), ZK_XML_DTD);
	}
}
END_TEST

START_TEST(parse_refuses_what_is_not_well_formed)
{
	static const char latin1[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>caf\xe9</a>";
	static const char latin1_declared[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xe9</a>";
	static const char mismatched[] = "<a><b></a></b>";
	size_t len;
	char *text = fixture("afgebroken.xml", &len);
	ck_assert_int_eq(parse_status(text, len), ZK_XML_MALFORMED);
	free(text);
	ck_assert_int_eq(parse_status(latin1, sizeof(latin1) - 1), ZK_XML_MALFORMED);
	ck_assert_int_eq(parse_status(latin1_declared, sizeof(latin1_declared) - 1), ZK_XML_MALFORMED);
	ck_assert_int_eq(parse_status(mismatched, sizeof(mismatched) - 1), ZK_XML_MALFORMED);
	ck_assert_int_eq(parse_status("", 0), ZK_XML_MALFORMED);
	ck_assert_int_eq(parse_status("   \n", 4), ZK_XML_MALFORMED);
	ck_assert_int_eq(parse_status("<a/>", 3), ZK_XML_MALFORMED);  /* cut by len */
}
END_TEST

/* ---- zk_ijw_schema_load ---- */

START_TEST(schema_load)
{
	char err[512] = "";
	zk_ijw_schema *s;
	ck_assert_ptr_nonnull(jw301_schema);
	ck_assert_ptr_nonnull(jw315_schema);
	s = zk_ijw_schema_load("/nonexistent/toegang/ijw/xsd", "JW301.xsd", err, sizeof(err));
	ck_assert_ptr_null(s);
	ck_assert_msg(err[0] != '\0', "no reason given");
	err[0] = '\0';
	s = zk_ijw_schema_load(IJW_XSD, "JW999.xsd", err, sizeof(err));
	ck_assert_ptr_null(s);
	ck_assert_msg(err[0] != '\0', "no reason given");
}
END_TEST

static void copy_file(const char *from, const char *to)
{
	size_t len;
	char *text = slurp(from, &len);
	FILE *f = fopen(to, "wb");
	ck_assert_msg(f != NULL, "cannot write %s", to);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	free(text);
}

/*
 * tmp/inner holds only basisschema.xsd; tmp/xsd a complete copy. Loaded
 * from tmp, "xsd/JW301.xsd" works; loaded from tmp/inner, "../xsd/JW301.xsd"
 * (and the sibling tmp/inner-x, which shares the prefix) must not.
 */
static const char *const escape_sub[] = { "inner", "xsd", "inner-x" };
static const char *const escape_files[] = { "basisschema.xsd", "JW301.xsd" };

/* Removes what the test made (only that), whatever state it got to. */
static void escape_cleanup(const char *tmp)
{
	char q[1024];
	for (size_t d = 0; d < 3; d++) {
		for (size_t f = 0; f < 2; f++) {
			snprintf(q, sizeof(q), "%s/%s/%s", tmp, escape_sub[d], escape_files[f]);
			unlink(q);
		}
		snprintf(q, sizeof(q), "%s/%s", tmp, escape_sub[d]);
		rmdir(q);
	}
	rmdir(tmp);
}

START_TEST(schema_load_stays_in_its_directory)
{
	char tmp[] = "/tmp/check_ijw-XXXXXX", p[1024], q[1024], err[3][512] = { "", "", "" };
	zk_ijw_schema *s;
	bool inside, escaped, sibling;

	ck_assert_ptr_nonnull(mkdtemp(tmp));
	for (size_t d = 0; d < 3; d++) {
		snprintf(p, sizeof(p), "%s/%s", tmp, escape_sub[d]);
		mkdir(p, 0700);
		for (size_t f = 0; f < (d == 0 ? 1u : 2u); f++) {
			snprintf(p, sizeof(p), "%s/%s", IJW_XSD, escape_files[f]);
			snprintf(q, sizeof(q), "%s/%s/%s", tmp, escape_sub[d], escape_files[f]);
			copy_file(p, q);
		}
	}

	s = zk_ijw_schema_load(tmp, "xsd/JW301.xsd", err[0], sizeof(err[0]));
	inside = s != NULL;
	zk_ijw_schema_free(s);
	snprintf(p, sizeof(p), "%s/inner", tmp);
	s = zk_ijw_schema_load(p, "../xsd/JW301.xsd", err[1], sizeof(err[1]));
	escaped = s != NULL;
	zk_ijw_schema_free(s);
	s = zk_ijw_schema_load(p, "../inner-x/JW301.xsd", err[2], sizeof(err[2]));
	sibling = s != NULL;
	zk_ijw_schema_free(s);
	escape_cleanup(tmp);

	ck_assert_msg(inside, "the copy itself does not load: %s", err[0]);
	ck_assert_msg(!escaped, "a schema outside the directory was loaded");
	ck_assert_msg(err[1][0] != '\0', "no reason given");
	ck_assert_msg(!sibling, "a schema in a sibling directory with the same prefix was loaded");
	ck_assert_msg(err[2][0] != '\0', "no reason given");
}
END_TEST

/* ---- zk_jw301_xml ---- */

static json_t *bericht(const char *client_extra, const char *product)
{
	static char text[64 * 1024];
	json_error_t e;
	json_t *b;
	snprintf(text, sizeof(text),
	    "{\"afzender\": \"0301\", \"ontvanger\": \"78999999\", \"identificatie\": \"000123\","
	    " \"dagtekening\": \"2026-11-23\","
	    " \"client\": {\"bsn\": \"123456782\", \"geboortedatum\": \"2014-05-01\", \"geslacht\": \"1\","
	    "  \"naam\": \"Sam de Vries\"%s},"
	    " \"producten\": [%s]}", client_extra, product);
	b = json_loads(text, JSON_REJECT_DUPLICATES, &e);
	ck_assert_msg(b != NULL, "test JSON does not parse: %s", e.text);
	return b;
}

#define PRODUCT_HEAD \
	"{\"nummer\": 7, \"toewijzingsdatum\": \"2026-11-23\", \"toewijzingstijd\": \"10:15:00\"," \
	" \"ingangsdatum\": \"2026-12-01\", \"einddatum\": \"2027-05-31\", "
static const char natura_per_week[] = PRODUCT_HEAD
    "\"categorie\": \"54\", \"code\": \"54A01\", \"omvang\": {\"volume\": 3, \"eenheid\": \"04\", \"frequentie\": \"2\"}}";
static const char natura_totaal[] = PRODUCT_HEAD
    "\"categorie\": \"54\", \"code\": \"54A01\", \"omvang\": {\"volume\": 40, \"eenheid\": \"04\", \"frequentie\": \"6\"}}";
static const char budget_categorie[] = PRODUCT_HEAD "\"categorie\": \"54\", \"budget\": 123450}";

/* Writes b, parses it back and validates it against JW301 (zero violations); the document. */
static xmlDocPtr jw301_valid(const json_t *b)
{
	size_t len = 0;
	char *xml = zk_jw301_xml(b, &len);
	json_t *inv = json_array();
	xmlDocPtr doc;
	long n;
	ck_assert_ptr_nonnull(xml);
	ck_assert_uint_eq(len, strlen(xml));
	doc = parse_ok(xml, len);
	n = zk_ijw_validate(jw301_schema, doc, inv);
	ck_assert_msg(n == 0, "%ld violations: %s\n%s", n, dump(inv), xml);
	json_decref(inv);
	free(xml);
	return doc;
}

START_TEST(jw301_natura_per_week)
{
	json_t *b = bericht("", natura_per_week);
	xmlDocPtr doc = jw301_valid(b);
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *tp = zk_ijw_child(zk_ijw_child(zk_ijw_child(root, "Client"),
	    "ToegewezenProducten"), "ToegewezenProduct");
	char msg[16];
	const char *const code[] = { "Header", "BerichtCode", NULL };
	const char *const volume[] = { "Omvang", "Volume", NULL };
	const char *const freq[] = { "Omvang", "Frequentie", NULL };
	const char *const eind[] = { "Einddatum", NULL };
	const char *const nummer[] = { "ToewijzingNummer", NULL };
	const char *const achternaam[] = { "Client", "Naam", "Geslachtsnaam", "Achternaam", NULL };
	const char *const voorvoegsel[] = { "Client", "Naam", "Geslachtsnaam", "Voorvoegsel", NULL };
	const char *const voornamen[] = { "Client", "Naam", "Voornamen", NULL };

	ck_assert_str_eq(zk_ijw_message_of(root, msg, sizeof(msg)), "jw301");
	expect_text(root, code, "436");
	expect_text(tp, nummer, "7");
	expect_text(tp, volume, "3");
	expect_text(tp, freq, "2");
	expect_text(tp, eind, "2027-05-31");
	ck_assert_ptr_null(zk_ijw_child(tp, "Budget"));
	expect_text(root, achternaam, "Vries");
	expect_text(root, voorvoegsel, "de");
	expect_text(root, voornamen, "Sam");
	xmlFreeDoc(doc);
	json_decref(b);
}
END_TEST

START_TEST(jw301_natura_totaal)
{
	json_t *b = bericht("", natura_totaal);
	xmlDocPtr doc = jw301_valid(b);
	const xmlNode *tp = zk_ijw_child(zk_ijw_child(zk_ijw_child(xmlDocGetRootElement(doc),
	    "Client"), "ToegewezenProducten"), "ToegewezenProduct");
	const char *const volume[] = { "Omvang", "Volume", NULL };
	const char *const freq[] = { "Omvang", "Frequentie", NULL };
	expect_text(tp, volume, "40");
	expect_text(tp, freq, "6");
	xmlFreeDoc(doc);
	json_decref(b);
}
END_TEST

START_TEST(jw301_budget_with_categorie_only)
{
	json_t *b = bericht("", budget_categorie);
	xmlDocPtr doc = jw301_valid(b);
	const xmlNode *tp = zk_ijw_child(zk_ijw_child(zk_ijw_child(xmlDocGetRootElement(doc),
	    "Client"), "ToegewezenProducten"), "ToegewezenProduct");
	const char *const budget[] = { "Budget", NULL };
	const char *const cat[] = { "Product", "Categorie", NULL };
	expect_text(tp, budget, "123450");
	expect_text(tp, cat, "54");
	ck_assert_ptr_null(zk_ijw_child(zk_ijw_child(tp, "Product"), "Code"));
	ck_assert_ptr_null(zk_ijw_child(tp, "Omvang"));
	xmlFreeDoc(doc);
	json_decref(b);
}
END_TEST

START_TEST(jw301_mandate_with_a_relatie)
{
	json_t *b = bericht(", \"juridische_status\": \"04\", \"relaties\": [{\"nummer\": \"1\","
	    " \"soort\": \"10\", \"naam\": \"Anna de Vries\"}]", natura_per_week);
	xmlDocPtr doc = jw301_valid(b);
	const xmlNode *client = zk_ijw_child(xmlDocGetRootElement(doc), "Client");
	const xmlNode *relatie = zk_ijw_child(zk_ijw_child(client, "Relaties"), "Relatie");
	const char *const status[] = { "JuridischeStatus", NULL };
	const char *const nummer[] = { "Nummer", NULL };
	const char *const soort[] = { "Soort", NULL };
	const char *const achternaam[] = { "Naam", "Geslachtsnaam", "Achternaam", NULL };
	const char *const voornamen[] = { "Naam", "Voornamen", NULL };
	expect_text(client, status, "04");
	ck_assert_ptr_nonnull(relatie);
	expect_text(relatie, nummer, "1");
	expect_text(relatie, soort, "10");
	expect_text(relatie, achternaam, "Vries");
	expect_text(relatie, voornamen, "Anna");
	xmlFreeDoc(doc);
	json_decref(b);
}
END_TEST

START_TEST(jw301_several_products_and_escaping)
{
	char products[2048];
	json_t *b;
	xmlDocPtr doc;
	const xmlNode *tps;
	int count = 0;
	const char *const achternaam[] = { "Client", "Naam", "Geslachtsnaam", "Achternaam", NULL };
	snprintf(products, sizeof(products), "%s, %s, %s", natura_per_week, natura_totaal, budget_categorie);
	b = bericht("", products);
	json_object_set_new(json_object_get(b, "client"), "naam", json_string("Jo <B&amp;> O\"Neill"));
	doc = jw301_valid(b);
	tps = zk_ijw_child(zk_ijw_child(xmlDocGetRootElement(doc), "Client"), "ToegewezenProducten");
	for (const xmlNode *c = tps->children; c; c = c->next)
		count += c->type == XML_ELEMENT_NODE;
	ck_assert_int_eq(count, 3);
	expect_text(xmlDocGetRootElement(doc), achternaam, "O\"Neill");
	xmlFreeDoc(doc);
	json_decref(b);
}
END_TEST

START_TEST(jw301_bad_bsn_is_named_without_its_value)
{
	json_t *b = bericht("", natura_per_week), *inv = json_array();
	size_t len = 0;
	char *xml;
	xmlDocPtr doc;
	long n;
	json_object_set_new(json_object_get(b, "client"), "bsn", json_string("12AB"));
	xml = zk_jw301_xml(b, &len);
	ck_assert_ptr_nonnull(xml);
	doc = parse_ok(xml, len);
	n = zk_ijw_validate(jw301_schema, doc, inv);
	ck_assert_int_ge(n, 1);
	ck_assert_uint_eq((size_t)n, json_array_size(inv));
	ck_assert_msg(names(inv, "/Bericht/Client/Bsn", NULL), "not named: %s", dump(inv));
	for (size_t i = 0; i < json_array_size(inv); i++) {
		const char *r = json_string_value(json_object_get(json_array_get(inv, i), "reason"));
		ck_assert_ptr_nonnull(r);
		ck_assert_msg(r[0] != '\0', "empty reason");
		ck_assert_msg(strstr(r, "12AB") == NULL, "the reason quotes the value: %s", r);
		ck_assert_msg(strstr(r, "istandaarden") == NULL, "the reason quotes a namespace: %s", r);
	}
	xmlFreeDoc(doc);
	free(xml);
	json_decref(inv);
	json_decref(b);
}
END_TEST

START_TEST(validate_reports_at_most_50)
{
	size_t size = 60 * 512, used = 0, len = 0;
	char *products = malloc(size), *xml;
	json_t *b, *inv = json_array();
	xmlDocPtr doc;
	long n;
	ck_assert_ptr_nonnull(products);
	/* 60 products, each with a Budget above LDT_Budget's maximum */
	for (int i = 0; i < 60; i++)
		used += (size_t)snprintf(products + used, size - used, "%s" PRODUCT_HEAD
		    "\"categorie\": \"54\", \"budget\": 100000000}", i ? ", " : "");
	b = bericht("", products);
	xml = zk_jw301_xml(b, &len);
	ck_assert_ptr_nonnull(xml);
	doc = parse_ok(xml, len);
	n = zk_ijw_validate(jw301_schema, doc, inv);
	ck_assert_int_eq(n, 60);
	ck_assert_uint_eq(json_array_size(inv), 50);
	ck_assert_msg(names(inv, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Budget", NULL),
	    "%s", dump(inv));
	ck_assert_msg(names(inv, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[50]/Budget", NULL),
	    "%s", dump(inv));
	xmlFreeDoc(doc);
	free(xml);
	free(products);
	json_decref(inv);
	json_decref(b);
}
END_TEST

/* ---- zk_jw315_read ---- */

/* Parses and validates text against JW315 (zero violations), then reads it. */
static long read315(const char *text, json_t **out, json_t *invalid)
{
	xmlDocPtr doc = parse_ok(text, strlen(text));
	json_t *schema_inv = json_array();
	long n = zk_ijw_validate(jw315_schema, doc, schema_inv);
	ck_assert_msg(n == 0, "the test document breaks the schema: %s", dump(schema_inv));
	json_decref(schema_inv);
	n = zk_jw315_read(doc, &today, out, invalid);
	ck_assert_int_ge(n, 0);
	ck_assert_uint_eq((size_t)n, json_array_size(invalid));
	if (n > 0)
		ck_assert_ptr_null(*out);
	xmlFreeDoc(doc);
	return n;
}

/* Expects text to read with a problem named name (and nothing else). */
static void refused315(char *text, const char *name)
{
	json_t *out = NULL, *inv = json_array();
	long n = read315(text, &out, inv);
	ck_assert_msg(n >= 1 && names(inv, name, NULL), "expected a problem at %s, got %s", name,
	    dump(inv));
	ck_assert_msg(n == 1, "expected only %s, got %s", name, dump(inv));
	json_decref(inv);
	free(text);
}

START_TEST(jw315_the_valid_example)
{
	size_t len;
	char *text = fixture("jw315-geldig.xml", &len);
	json_t *out = NULL, *inv = json_array(), *p, *omvang, *volume;
	xmlDocPtr doc = parse_ok(text, len);
	char msg[16];
	long n;

	ck_assert_str_eq(zk_ijw_message_of(xmlDocGetRootElement(doc), msg, sizeof(msg)), "jw315");
	ck_assert_int_eq(zk_ijw_validate(jw315_schema, doc, inv), 0);
	n = zk_jw315_read(doc, &today, &out, inv);
	ck_assert_msg(n == 0, "%s", dump(inv));
	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(json_string_value(json_object_get(out, "afzender")), "78999999");
	ck_assert_str_eq(json_string_value(json_object_get(out, "ontvanger")), "0080");
	ck_assert_str_eq(json_string_value(json_object_get(out, "identificatie")), "VOORBEELD-01");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(out, "client"), "bsn")),
	    "799999994");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(out, "client"),
	    "geboortedatum")), "2015-03-14");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(out, "client"), "naam")),
	    "Noa Fleur de Visser");
	ck_assert_uint_eq(json_array_size(json_object_get(out, "producten")), 1);
	p = json_array_get(json_object_get(out, "producten"), 0);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(p, "verwijzer"), "type")), "02");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(p, "verwijzer"), "agb")),
	    "78999998");
	ck_assert_str_eq(json_string_value(json_object_get(p, "categorie")), "54");
	ck_assert_str_eq(json_string_value(json_object_get(p, "code")), "54A01");
	ck_assert_str_eq(json_string_value(json_object_get(p, "einddatum")), "2026-07-31");
	omvang = json_object_get(p, "omvang");
	volume = json_object_get(omvang, "volume");
	ck_assert_msg(json_is_integer(volume), "volume is not an integer");
	ck_assert_int_eq(json_integer_value(volume), 3);
	ck_assert_str_eq(json_string_value(json_object_get(omvang, "eenheid")), "04");
	ck_assert_str_eq(json_string_value(json_object_get(omvang, "frequentie")), "2");
	ck_assert_ptr_null(json_object_get(p, "budget"));

	/* against the other message's schema: refused */
	ck_assert_int_gt(zk_ijw_validate(jw301_schema, doc, inv), 0);

	json_decref(out);
	json_decref(inv);
	xmlFreeDoc(doc);
	free(text);
}
END_TEST

START_TEST(jw315_bsn_11_proef)
{
	char *text = with(fixture("jw315-geldig.xml", NULL), "<Bsn>799999994</Bsn>", "<Bsn>123456789</Bsn>");
	refused315(text, "/Bericht/Client/Bsn");
}
END_TEST

START_TEST(jw315_verwijzer_06)
{
	char *text = with(fixture("jw315-geldig.xml", NULL), "<ijw:Type>02</ijw:Type>",
	    "<ijw:Type>06</ijw:Type>");
	refused315(text, AP "/Verwijzer");
	text = with(fixture("jw315-geldig.xml", NULL), "<ijw:Type>02</ijw:Type>", "<ijw:Type>01</ijw:Type>");
	refused315(text, AP "/Verwijzer");
}
END_TEST

START_TEST(jw315_verwijzer_03_needs_a_naam_or_agb)
{
	char *text = fixture("jw315-geldig.xml", NULL);
	json_t *out = NULL, *inv = json_array();
	text = with(text, "<ijw:Type>02</ijw:Type>", "<ijw:Type>03</ijw:Type>");
	/* with only a name, or only an AGB code: accepted */
	{
		char *only_naam = with(strdup(text), "<ijw:ZorgverlenerCode>78999998</ijw:ZorgverlenerCode>", "");
		char *only_agb = with(strdup(text), "<ijw:Naam>Huisartsenpraktijk De Linde</ijw:Naam>", "");
		ck_assert_int_eq(read315(only_naam, &out, inv), 0);
		json_decref(out);
		ck_assert_int_eq(read315(only_agb, &out, inv), 0);
		json_decref(out);
		free(only_naam);
		free(only_agb);
	}
	text = with(text, "<ijw:Naam>Huisartsenpraktijk De Linde</ijw:Naam>", "");
	text = with(text, "<ijw:ZorgverlenerCode>78999998</ijw:ZorgverlenerCode>", "");
	refused315(text, AP "/Verwijzer");
	json_decref(inv);
}
END_TEST

START_TEST(jw315_per_week_needs_an_einddatum)
{
	char *text = with(fixture("jw315-geldig.xml", NULL),
	    "<ToewijzingEinddatum>2026-07-31</ToewijzingEinddatum>", "");
	refused315(text, AP "/ToewijzingEinddatum");
}
END_TEST

START_TEST(jw315_birth_date_in_the_future)
{
	char *text = with(fixture("jw315-geldig.xml", NULL), "<ijw:Datum>2015-03-14</ijw:Datum>",
	    "<ijw:Datum>2026-11-24</ijw:Datum>");
	refused315(text, "/Bericht/Client/Geboortedatum/Datum");
	/* 23 or older: no longer the Jeugdwet */
	text = with(fixture("jw315-geldig.xml", NULL), "<ijw:Datum>2015-03-14</ijw:Datum>",
	    "<ijw:Datum>2003-11-23</ijw:Datum>");
	refused315(text, "/Bericht/Client/Geboortedatum/Datum");
}
END_TEST

START_TEST(jw315_einddatum_before_ingangsdatum)
{
	char *text = with(fixture("jw315-geldig.xml", NULL),
	    "<ToewijzingEinddatum>2026-07-31</ToewijzingEinddatum>",
	    "<ToewijzingEinddatum>2026-01-31</ToewijzingEinddatum>");
	refused315(text, AP "/ToewijzingEinddatum");
}
END_TEST

/* A second product, its problem named with its position. */
START_TEST(jw315_second_product_is_named_by_position)
{
	char *text = fixture("jw315-geldig.xml", NULL);
	const char *start = strstr(text, "<AangevraagdProduct>");
	const char *end = strstr(text, "</AangevraagdProduct>");
	char *second, *both;
	size_t n;
	json_t *out = NULL, *inv = json_array();
	long k;
	ck_assert_ptr_nonnull(start);
	ck_assert_ptr_nonnull(end);
	end += strlen("</AangevraagdProduct>");
	n = (size_t)(end - start);
	second = malloc(n + 1);
	ck_assert_ptr_nonnull(second);
	memcpy(second, start, n);
	second[n] = '\0';
	second = with(second, "<ToewijzingEinddatum>2026-07-31</ToewijzingEinddatum>", "");
	both = malloc(strlen(second) + 32);
	ck_assert_ptr_nonnull(both);
	sprintf(both, "</AangevraagdProduct>%s", second);
	text = with(text, "</AangevraagdProduct>", both);
	free(both);
	free(second);
	k = read315(text, &out, inv);
	ck_assert_msg(k == 1 && names(inv, AP "[2]/ToewijzingEinddatum", NULL), "%s", dump(inv));
	json_decref(inv);
	free(text);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ijw");
	TCase *naam = tcase_create("naam");
	TCase *var = tcase_create("variant");
	TCase *parse = tcase_create("parse");
	TCase *xml = tcase_create("xml");
	TCase *jw301 = tcase_create("jw301");
	TCase *jw315 = tcase_create("jw315");

	tcase_add_test(naam, naam_with_a_voorvoegsel);
	tcase_add_test(naam, naam_without_a_voorvoegsel);
	tcase_add_test(naam, naam_with_extra_spaces);
	suite_add_tcase(s, naam);

	tcase_add_test(var, variant_uur_per_week);
	tcase_add_test(var, variant_totaal_needs_an_einddatum);
	tcase_add_test(var, variant_etmaal_per_dag_is_no_variant);
	tcase_add_test(var, variant_omvang_needs_a_code);
	tcase_add_test(var, variant_omvang_or_budget);
	tcase_add_test(var, variant_budget);
	tcase_add_test(var, variant_aspecifiek);
	suite_add_tcase(s, var);

	/* parsing before any schema is loaded (libxml2's own entity loader in place) ... */
	tcase_add_test(parse, parse_a_minimal_document);
	tcase_add_test(parse, parse_refuses_any_doctype);
	tcase_add_test(parse, parse_refuses_the_billion_laughs_at_once);
	tcase_add_test(parse, parse_refuses_external_entities);
	tcase_add_test(parse, parse_refuses_what_is_not_well_formed);
	suite_add_tcase(s, parse);

	/* ... and after (the module's loader, which refuses every URI) */
	tcase_add_checked_fixture(xml, setup, teardown);
	tcase_set_timeout(xml, 60);
	tcase_add_test(xml, parse_refuses_any_doctype);
	tcase_add_test(xml, parse_refuses_the_billion_laughs_at_once);
	tcase_add_test(xml, parse_refuses_external_entities);
	tcase_add_test(xml, schema_load);
	tcase_add_test(xml, schema_load_stays_in_its_directory);
	suite_add_tcase(s, xml);

	tcase_add_checked_fixture(jw301, setup, teardown);
	tcase_set_timeout(jw301, 60);
	tcase_add_test(jw301, jw301_natura_per_week);
	tcase_add_test(jw301, jw301_natura_totaal);
	tcase_add_test(jw301, jw301_budget_with_categorie_only);
	tcase_add_test(jw301, jw301_mandate_with_a_relatie);
	tcase_add_test(jw301, jw301_several_products_and_escaping);
	tcase_add_test(jw301, jw301_bad_bsn_is_named_without_its_value);
	tcase_add_test(jw301, validate_reports_at_most_50);
	suite_add_tcase(s, jw301);

	tcase_add_checked_fixture(jw315, setup, teardown);
	tcase_set_timeout(jw315, 60);
	tcase_add_test(jw315, jw315_the_valid_example);
	tcase_add_test(jw315, jw315_bsn_11_proef);
	tcase_add_test(jw315, jw315_verwijzer_06);
	tcase_add_test(jw315, jw315_verwijzer_03_needs_a_naam_or_agb);
	tcase_add_test(jw315, jw315_per_week_needs_an_einddatum);
	tcase_add_test(jw315, jw315_birth_date_in_the_future);
	tcase_add_test(jw315, jw315_einddatum_before_ingangsdatum);
	tcase_add_test(jw315, jw315_second_product_is_named_by_position);
	suite_add_tcase(s, jw315);

	{
		int rc = tg_run_suite(s);
		xmlCleanupParser();
		return rc;
	}
}
