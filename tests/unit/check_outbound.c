/*
 * The outbound modules without a network: which URLs the client will fetch
 * at all (http_client), how configuration sets its limits, the VNG list
 * parser (vng_lijst: all or nothing, each bad record named) and the BRP
 * gezag mapping (brp_gezag) against the fixtures the integration tests serve.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <jansson.h>

#include "brp_gezag.h"
#include "codelijst.h"
#include "http_client.h"
#include "run_suite.h"
#include "vng_lijst.h"

static zk_codelijst jz020;

static char *slurp(const char *rel, size_t *len)
{
	char path[1024];
	FILE *f;
	char *buf;
	long n;
	snprintf(path, sizeof(path), "%s/%s", FIXTURES, rel);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "fixture %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void load_jz020(void)
{
	char err[256];
	ck_assert_int_eq(zk_codelijst_load(&jz020, CODELIJSTEN "/JZ020_Productcategorie.md", 2, err,
	    sizeof(err)), 0);
}

static void free_jz020(void)
{
	zk_codelijst_free(&jz020);
}

/* ---- http_client: what may be fetched ---- */

static bool allowed(const char *url, bool loopback)
{
	tg_http_opts o;
	char err[128];
	tg_http_opts_default(&o);
	o.allow_http_loopback = loopback;
	return tg_http_url_allowed(url, &o, err, sizeof(err)) == 0;
}

START_TEST(https_only_unless_loopback_is_allowed)
{
	ck_assert(allowed("https://lijst.vng.nl/landelijk.json", false));
	ck_assert(!allowed("http://lijst.vng.nl/landelijk.json", false));
	ck_assert(!allowed("http://127.0.0.1:8000/x", false));
	ck_assert(allowed("http://127.0.0.1:8000/x", true));
	ck_assert(allowed("http://localhost:8000/x", true));
	ck_assert(allowed("http://[::1]:8000/x", true));
	/* The switch opens loopback only, never another host. */
	ck_assert(!allowed("http://lijst.vng.nl/x", true));
	ck_assert(!allowed("http://127.0.0.2/x", true));
	ck_assert(!allowed("file:///etc/passwd", true));
	ck_assert(!allowed("gopher://127.0.0.1/", true));
	ck_assert(!allowed("ftp://127.0.0.1/", true));
	ck_assert(!allowed("not a url", true));
}
END_TEST

START_TEST(a_refused_url_is_never_attempted)
{
	tg_http_opts o;
	tg_http_request req = { .url = "http://example.org/lijst.json" };
	tg_http_response resp;
	tg_http_opts_default(&o);
	tg_http_perform(&o, &req, &resp);
	ck_assert_int_eq(resp.result, TG_HTTP_REFUSED_URL);
	ck_assert_int_eq(resp.attempts, 0);
	ck_assert_ptr_null(resp.body);
}
END_TEST

START_TEST(a_closed_port_fails_fast_and_is_retried_within_the_deadline)
{
	tg_http_opts o;
	/* Port 9 (discard) on loopback is closed on a test machine. */
	tg_http_request req = { .url = "http://127.0.0.1:9/x" };
	tg_http_response resp;
	tg_http_opts_default(&o);
	o.allow_http_loopback = true;
	o.retries = 2;
	o.backoff_ms = 10;
	tg_http_perform(&o, &req, &resp);
	ck_assert_int_eq(resp.result, TG_HTTP_CONNECT);
	ck_assert_int_eq(resp.attempts, 3);
	ck_assert_int_lt(resp.elapsed_ms, 2000);
	ck_assert_str_eq(tg_http_result_name(resp.result), "connect-failed");
	tg_http_response_free(&resp);
}
END_TEST

static const char *const settings[][2] = {
	{ "timeout_ms", "1500" }, { "deadline_ms", "4000" }, { "max_bytes", "1048576" },
	{ "retries", "0" }, { "allow_http_loopback", "yes" }, { "ca_file", "/etc/ssl/x.pem" },
	{ NULL, NULL },
};
static const char *const (*current)[2] = settings;

static const char *get(void *ctx, const char *key)
{
	(void)ctx;
	for (size_t i = 0; current[i][0]; i++)
		if (strcmp(current[i][0], key) == 0)
			return current[i][1];
	return NULL;
}

START_TEST(configuration_sets_the_limits_and_names_a_bad_key)
{
	tg_http_opts o;
	char err[128];
	static const char *const bad[][2] = { { "timeout_ms", "5s" }, { NULL, NULL } };
	static const char *const bad_bool[][2] = { { "allow_http_loopback", "ja" }, { NULL, NULL } };

	tg_http_opts_default(&o);
	current = settings;
	ck_assert_int_eq(tg_http_opts_configure(&o, get, NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(o.timeout_ms, 1500);
	ck_assert_int_eq(o.deadline_ms, 4000);
	ck_assert_uint_eq(o.max_bytes, 1048576);
	ck_assert_int_eq(o.retries, 0);
	ck_assert(o.allow_http_loopback);
	ck_assert_str_eq(o.ca_file, "/etc/ssl/x.pem");
	ck_assert_int_eq(o.connect_timeout_ms, 5000); /* untouched default */

	current = bad;
	ck_assert_int_eq(tg_http_opts_configure(&o, get, NULL, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "timeout_ms"));
	current = bad_bool;
	ck_assert_int_eq(tg_http_opts_configure(&o, get, NULL, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "allow_http_loopback"));
	current = settings;
}
END_TEST

/* ---- vng_lijst ---- */

static json_t *parse_fixture(const char *rel, const char *type, json_t *invalid, size_t *nbad,
    char *err)
{
	size_t len;
	char *body = slurp(rel, &len);
	json_t *out = vng_lijst_parse(body, len, type, &jz020, invalid, nbad, err, 256);
	free(body);
	return out;
}

START_TEST(json_and_csv_of_the_same_list_give_the_same_records)
{
	json_t *inv = json_array();
	size_t nbad;
	char err[256];
	json_t *a = parse_fixture("vng/lijst.json", "application/json", inv, &nbad, err);
	json_t *b = parse_fixture("vng/lijst.csv", "text/csv; charset=utf-8", inv, &nbad, err);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(json_array_size(a), 6);
	ck_assert_msg(json_equal(a, b), "JSON and CSV differ");
	/* By content too, when the server sends no useful type. */
	json_t *c = parse_fixture("vng/lijst.csv", "application/octet-stream", inv, &nbad, err);
	ck_assert_msg(json_equal(a, c), "CSV sniffed differently");
	ck_assert_uint_eq(json_array_size(inv), 0);
	json_decref(a);
	json_decref(b);
	json_decref(c);
	json_decref(inv);
}
END_TEST

START_TEST(a_half_valid_list_is_refused_whole_with_each_bad_record_named)
{
	json_t *inv = json_array();
	size_t nbad;
	char err[256];
	ck_assert_ptr_null(parse_fixture("vng/half-valid.json", "application/json", inv, &nbad, err));
	ck_assert_uint_eq(nbad, 2);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(inv, 0), "name")),
	    "aanbieders[2].agb");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(inv, 1), "name")),
	    "aanbieders[4].einddatum");
	json_array_clear(inv);
	ck_assert_ptr_null(parse_fixture("vng/half-valid.csv", "text/csv", inv, &nbad, err));
	ck_assert_uint_eq(nbad, 2);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(inv, 0), "name")), "regel 4");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(inv, 1), "name")),
	    "regel 6, ingangsdatum");
	json_decref(inv);
}
END_TEST

static json_t *parse_text(const char *text, size_t *nbad, json_t *inv, char *err)
{
	return vng_lijst_parse(text, strlen(text), NULL, &jz020, inv, nbad, err, 256);
}

START_TEST(empty_truncated_and_binary_downloads_are_refused)
{
	json_t *inv = json_array();
	size_t nbad;
	char err[256];
	size_t len;
	char *leeg = slurp("vng/leeg.json", &len);

	ck_assert_ptr_null(vng_lijst_parse(leeg, len, "application/json", &jz020, inv, &nbad, err, 256));
	ck_assert_ptr_nonnull(strstr(err, "leeg"));
	free(leeg);
	ck_assert_ptr_null(parse_text("{\"aanbieders\": [{\"naam\": \"X\"", &nbad, inv, err));
	ck_assert_ptr_nonnull(strstr(err, "JSON"));
	ck_assert_ptr_null(vng_lijst_parse("\xff\xfe\x00garbage", 10, "application/json", &jz020, inv,
	    &nbad, err, 256));
	ck_assert_ptr_nonnull(strstr(err, "UTF-8"));
	ck_assert_ptr_null(parse_text("name,agb\nX,12345678\n", &nbad, inv, err));
	ck_assert_ptr_nonnull(strstr(err, "CSV-kop"));
	ck_assert_ptr_null(parse_text("{\"providers\": []}", &nbad, inv, err));
	json_decref(inv);
}
END_TEST

START_TEST(record_rules)
{
	json_t *inv = json_array();
	size_t nbad;
	char err[256];
	json_t *ok = parse_text("{\"aanbieders\": [{\"naam\": \"Alleen KvK\", \"kvk\": \"41490123\", "
	    "\"functies\": [\"hulplijn\"], \"ingangsdatum\": \"2025-01-01\"}]}", &nbad, inv, err);
	ck_assert_ptr_nonnull(ok);
	/* No categories given: 55, landelijk ingekochte zorg. */
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(json_array_get(ok, 0),
	    "productcategorieen"), 0)), "55");
	ck_assert(json_is_null(json_object_get(json_array_get(ok, 0), "agb")));
	json_decref(ok);

	ck_assert_ptr_null(parse_text("{\"aanbieders\": [{\"naam\": \"Geen nummer\", "
	    "\"functies\": [\"x\"], \"ingangsdatum\": \"2025-01-01\"}]}", &nbad, inv, err));
	ck_assert_ptr_null(parse_text("{\"aanbieders\": [{\"naam\": \"Onbekende categorie\", "
	    "\"agb\": \"79000001\", \"functies\": [\"x\"], \"productcategorieen\": [\"99\"], "
	    "\"ingangsdatum\": \"2025-01-01\"}]}", &nbad, inv, err));
	ck_assert_ptr_null(parse_text("{\"aanbieders\": [{\"naam\": \"Geen functie\", "
	    "\"agb\": \"79000001\", \"functies\": [], \"ingangsdatum\": \"2025-01-01\"}]}", &nbad, inv, err));
	ck_assert_ptr_null(parse_text("{\"aanbieders\": [{\"naam\": \"Regel\\nbreuk\", "
	    "\"agb\": \"79000001\", \"functies\": [\"x\"], \"ingangsdatum\": \"2025-02-30\"}]}", &nbad, inv,
	    err));
	ck_assert_uint_eq(nbad, 2); /* the name's line break and the impossible date */
	json_decref(inv);
}
END_TEST

/* ---- brp_gezag ---- */

static json_t *persoon(const char *bsn)
{
	char rel[64];
	size_t len;
	snprintf(rel, sizeof(rel), "brp/%s.json", bsn);
	char *text = slurp(rel, &len);
	json_t *p = json_loadb(text, len, 0, NULL);
	free(text);
	ck_assert_ptr_nonnull(p);
	return p;
}

/* Runs the two-step lookup against the fixture files, as the BRP would answer. */
static void outcome(const char *bsn, brp_uitkomst *out)
{
	json_t *kind = persoon(bsn);
	char bsns[BRP_MAX_GEZAGHEBBENDEN][10];
	size_t n = brp_gezaghebbenden(kind, bsns);
	json_t *answer = json_pack("{s:[]}", "personen");
	for (size_t i = 0; i < n; i++)
		json_array_append_new(json_object_get(answer, "personen"), persoon(bsns[i]));
	brp_woonplaats(kind, n ? answer : NULL, out);
	json_decref(kind);
	json_decref(answer);
}

static void expect(const char *bsn, const char *gemeente, const char *grond)
{
	brp_uitkomst u;
	outcome(bsn, &u);
	if (gemeente) {
		ck_assert_msg(u.voorstel, "%s: expected %s, got a person (%s)", bsn, gemeente, u.reden);
		ck_assert_str_eq(u.gemeente, gemeente);
	} else {
		ck_assert_msg(!u.voorstel, "%s: expected a person, got %s", bsn, u.gemeente);
	}
	if (grond)
		ck_assert_str_eq(u.grond, grond);
	else
		ck_assert_ptr_null(u.grond);
	ck_assert_ptr_nonnull(u.reden);
}

START_TEST(each_gezag_type_maps_as_the_fixture_table_says)
{
	expect("710000005", "0935", "EenhoofdigOuderlijkGezag");   /* the ouder's, not the child's */
	expect("710000017", "0080", "GezamenlijkOuderlijkGezag");
	expect("710000029", "0363", "GezamenlijkOuderlijkGezag");  /* child lives with one of them */
	expect("710000030", NULL, "GezamenlijkOuderlijkGezag");    /* with neither */
	expect("710000042", "0935", "GezamenlijkGezag");
	expect("710000054", "0080", "Voogdij");                    /* an instelling: the child's */
	expect("710000066", "0935", "Voogdij");                    /* a voogd person: theirs */
	expect("710000078", NULL, "TijdelijkGeenGezag");
	expect("710000091", NULL, "GezagNietTeBepalen");
	expect("710000108", NULL, "EenhoofdigOuderlijkGezag");     /* in onderzoek */
	expect("710000121", NULL, NULL);                           /* no gezag */
	expect("710000133", NULL, NULL);                           /* gezag: [] */
}
END_TEST

START_TEST(unknown_persons_and_odd_answers_need_a_person)
{
	brp_uitkomst u;
	json_t *kind;
	char bsns[BRP_MAX_GEZAGHEBBENDEN][10];

	brp_woonplaats(NULL, NULL, &u);
	ck_assert(!u.voorstel);

	/* The gezaghebbende was not in the second answer. */
	kind = persoon("710000005");
	ck_assert_uint_eq(brp_gezaghebbenden(kind, bsns), 1);
	brp_woonplaats(kind, NULL, &u);
	ck_assert(!u.voorstel);

	/* A gezag type toegang does not know is not guessed at. */
	json_t *g = json_array_get(json_object_get(kind, "gezag"), 0);
	json_object_set_new(g, "type", json_string("SomethingNew"));
	brp_woonplaats(kind, NULL, &u);
	ck_assert(!u.voorstel);
	ck_assert_ptr_null(u.grond);

	/* An ouder without a BSN cannot be looked up. */
	json_object_set_new(g, "type", json_string("EenhoofdigOuderlijkGezag"));
	json_object_del(json_object_get(g, "ouder"), "burgerservicenummer");
	ck_assert_uint_eq(brp_gezaghebbenden(kind, bsns), 0);
	brp_woonplaats(kind, NULL, &u);
	ck_assert(!u.voorstel);
	json_decref(kind);

	/* The deprecated name of joint parental custody still maps. */
	kind = persoon("710000017");
	g = json_array_get(json_object_get(kind, "gezag"), 0);
	json_object_set_new(g, "type", json_string("TweehoofdigOuderlijkGezag"));
	ck_assert_uint_eq(brp_gezaghebbenden(kind, bsns), 2);
	json_t *answer = json_pack("{s:[o,o]}", "personen", persoon(bsns[0]), persoon(bsns[1]));
	brp_woonplaats(kind, answer, &u);
	ck_assert(u.voorstel);
	ck_assert_str_eq(u.gemeente, "0080");
	json_decref(answer);
	json_decref(kind);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("outbound");
	TCase *http = tcase_create("http_client");
	TCase *vng = tcase_create("vng_lijst");
	TCase *brp = tcase_create("brp_gezag");

	tcase_add_test(http, https_only_unless_loopback_is_allowed);
	tcase_add_test(http, a_refused_url_is_never_attempted);
	tcase_add_test(http, a_closed_port_fails_fast_and_is_retried_within_the_deadline);
	tcase_add_test(http, configuration_sets_the_limits_and_names_a_bad_key);
	tcase_add_unchecked_fixture(vng, load_jz020, free_jz020);
	tcase_add_test(vng, json_and_csv_of_the_same_list_give_the_same_records);
	tcase_add_test(vng, a_half_valid_list_is_refused_whole_with_each_bad_record_named);
	tcase_add_test(vng, empty_truncated_and_binary_downloads_are_refused);
	tcase_add_test(vng, record_rules);
	tcase_add_test(brp, each_gezag_type_maps_as_the_fixture_table_says);
	tcase_add_test(brp, unknown_persons_and_odd_answers_need_a_person);
	suite_add_tcase(s, http);
	suite_add_tcase(s, vng);
	suite_add_tcase(s, brp);
	return s;
}

int main(void)
{
	int rc;
	tg_http_global_init();
	rc = tg_run_suite(suite());
	return rc;
}
