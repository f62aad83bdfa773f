/*
 * Unit tests for core/principal.c: the role table of include/toegang/plugin.h
 * (which identity claim each role carries) and tg_principal_from_claims, with
 * the exact reasons it gives for refusing claims.
 */
#include <check.h>

#include "run_suite.h"
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "principal.h"

/* Identities that pass their validator. */
#define AGB "01234567"
#define ORG "00000001234567890000"
#define BSN "123456782" /* 11-proef: 156 - 2 = 154 = 14 * 11 */
#define GEMEENTE "0363"

/* The role table as API.md states it, written out independently of principal.c. */
static const struct {
	tg_role role;
	const char *name;
	const char *claim;
	tg_identity_kind kind;
	const char *value;
} table[] = {
	{ TG_ROLE_HUISARTS, "huisarts", "agb", TG_IDENTITY_AGB, AGB },
	{ TG_ROLE_JEUGDARTS, "jeugdarts", "agb", TG_IDENTITY_AGB, AGB },
	{ TG_ROLE_MEDISCH_SPECIALIST, "medisch_specialist", "agb", TG_IDENTITY_AGB, AGB },
	{ TG_ROLE_GI, "gi", "org", TG_IDENTITY_ORG, ORG },
	{ TG_ROLE_RECHTER, "rechter", "org", TG_IDENTITY_ORG, ORG },
	{ TG_ROLE_OM, "om", "org", TG_IDENTITY_ORG, ORG },
	{ TG_ROLE_JJI, "jji", "org", TG_IDENTITY_ORG, ORG },
	{ TG_ROLE_CJG, "cjg", "gemeente", TG_IDENTITY_GEMEENTE, GEMEENTE },
	{ TG_ROLE_PLEIN, "plein", "gemeente", TG_IDENTITY_GEMEENTE, GEMEENTE },
	{ TG_ROLE_GST, "gst", "gemeente", TG_IDENTITY_GEMEENTE, GEMEENTE },
	{ TG_ROLE_OUDER, "ouder", "bsn", TG_IDENTITY_BSN, BSN },
	{ TG_ROLE_JEUGDIGE, "jeugdige", "bsn", TG_IDENTITY_BSN, BSN },
	{ TG_ROLE_BEHEERDER, "beheerder", "gemeente", TG_IDENTITY_GEMEENTE, GEMEENTE },
	{ TG_ROLE_AANBIEDER, "aanbieder", "agb", TG_IDENTITY_AGB, AGB },
};

#define NTABLE ((int)(sizeof(table) / sizeof(table[0])))

static json_t *claims;
static tg_principal p;
static const char *why;

static void setup(void)
{
	claims = NULL;
	memset(&p, 0, sizeof(p));
	why = NULL;
}

static void teardown(void)
{
	json_decref(claims);
	claims = NULL;
}

/* Claims {"sub": sub, "role": role, claim: value}; a NULL leaves that member out. */
static json_t *make_claims(const char *sub, const char *role, const char *claim, const char *value)
{
	json_t *c = json_object();
	ck_assert_ptr_nonnull(c);
	if (sub)
		ck_assert_int_eq(json_object_set_new(c, "sub", json_string(sub)), 0);
	if (role)
		ck_assert_int_eq(json_object_set_new(c, "role", json_string(role)), 0);
	if (claim)
		ck_assert_int_eq(json_object_set_new(c, claim, json_string(value)), 0);
	return c;
}

/* Expects a refusal with exactly the reason want. */
static void assert_refused(const char *want)
{
	why = NULL;
	ck_assert_int_eq(tg_principal_from_claims(claims, &p, &why), -1);
	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, want);
}

/* ------------------------------------------------------------- role table */

START_TEST(test_table_covers_every_role)
{
	/* Guards the tests themselves: a role added to plugin.h must be added here. */
	ck_assert_int_eq(NTABLE, TG_ROLE__MAX);
	for (int i = 0; i < NTABLE; i++)
		ck_assert_int_eq(table[i].role, i);
}
END_TEST

START_TEST(test_role_name)
{
	ck_assert_str_eq(tg_role_name(table[_i].role), table[_i].name);
}
END_TEST

START_TEST(test_role_parse)
{
	ck_assert_int_eq(tg_role_parse(table[_i].name), (int)table[_i].role);
}
END_TEST

START_TEST(test_role_round_trip)
{
	tg_role r = (tg_role)_i;
	const char *name = tg_role_name(r);
	ck_assert_ptr_nonnull(name);
	ck_assert_int_eq(tg_role_parse(name), _i);
}
END_TEST

START_TEST(test_role_names_distinct)
{
	for (int i = 0; i < TG_ROLE__MAX; i++)
		for (int j = i + 1; j < TG_ROLE__MAX; j++)
			ck_assert_str_ne(tg_role_name((tg_role)i), tg_role_name((tg_role)j));
}
END_TEST

START_TEST(test_role_identity)
{
	ck_assert_int_eq(tg_role_identity(table[_i].role), table[_i].kind);
	ck_assert_str_eq(tg_identity_claim(tg_role_identity(table[_i].role)), table[_i].claim);
}
END_TEST

START_TEST(test_identity_claim_names)
{
	ck_assert_str_eq(tg_identity_claim(TG_IDENTITY_AGB), "agb");
	ck_assert_str_eq(tg_identity_claim(TG_IDENTITY_ORG), "org");
	ck_assert_str_eq(tg_identity_claim(TG_IDENTITY_BSN), "bsn");
	ck_assert_str_eq(tg_identity_claim(TG_IDENTITY_GEMEENTE), "gemeente");
}
END_TEST

static const char *const unknown_roles[] = {
	"admin", "Huisarts", "HUISARTS", "huisarts ", " huisarts", "huisart", "huisartsen",
	"medisch-specialist", "", "gi\n",
};

START_TEST(test_role_parse_unknown)
{
	ck_assert_int_eq(tg_role_parse(unknown_roles[_i]), -1);
}
END_TEST

/* ---------------------------------------------------------------- accepted */

START_TEST(test_principal_each_role)
{
	claims = make_claims("user-42", table[_i].name, table[_i].claim, table[_i].value);
	why = NULL;
	ck_assert_msg(tg_principal_from_claims(claims, &p, &why) == 0, "role %s refused: %s",
	    table[_i].name, why ? why : "(no reason)");
	ck_assert_int_eq(p.role, table[_i].role);
	ck_assert_str_eq(p.role_name, table[_i].name);
	ck_assert_int_eq(p.identity_kind, table[_i].kind);
	ck_assert_str_eq(p.identity, table[_i].value);
	ck_assert_str_eq(p.subject, "user-42");
}
END_TEST

START_TEST(test_principal_points_into_claims)
{
	/* The principal borrows the claims' strings (they must outlive it). */
	claims = make_claims("s", "ouder", "bsn", BSN);
	ck_assert_int_eq(tg_principal_from_claims(claims, &p, &why), 0);
	ck_assert_ptr_eq(p.identity, json_string_value(json_object_get(claims, "bsn")));
	ck_assert_ptr_eq(p.subject, json_string_value(json_object_get(claims, "sub")));
}
END_TEST

START_TEST(test_principal_other_claims_ignored)
{
	/* Claims of other roles, and unrelated ones, do not disturb the right one. */
	claims = make_claims("s", "cjg", "gemeente", GEMEENTE);
	ck_assert_int_eq(json_object_set_new(claims, "bsn", json_string("000000000")), 0);
	ck_assert_int_eq(json_object_set_new(claims, "agb", json_integer(7)), 0);
	ck_assert_int_eq(json_object_set_new(claims, "exp", json_integer(1700000000)), 0);
	ck_assert_int_eq(tg_principal_from_claims(claims, &p, &why), 0);
	ck_assert_int_eq(p.role, TG_ROLE_CJG);
	ck_assert_str_eq(p.identity, GEMEENTE);
}
END_TEST

START_TEST(test_principal_each_identity_kind_other_values)
{
	static const struct {
		const char *role, *claim, *value;
	} ok[] = {
		{ "jeugdige", "bsn", "111222333" },
		{ "ouder", "bsn", "999999990" },
		{ "huisarts", "agb", "00000000" },
		{ "rechter", "org", "rb-den-haag.nl" },
		{ "om", "org", "x" },
		{ "gst", "gemeente", "0301" },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		json_decref(claims);
		claims = make_claims("s", ok[i].role, ok[i].claim, ok[i].value);
		why = NULL;
		ck_assert_msg(tg_principal_from_claims(claims, &p, &why) == 0, "%s %s=%s refused: %s",
		    ok[i].role, ok[i].claim, ok[i].value, why ? why : "(no reason)");
		ck_assert_str_eq(p.identity, ok[i].value);
	}
}
END_TEST

/* ---------------------------------------------------------------- refused */

START_TEST(test_refuse_missing_role)
{
	claims = make_claims("s", NULL, "agb", AGB);
	assert_refused("role claim missing");
}
END_TEST

START_TEST(test_refuse_role_not_string)
{
	claims = make_claims("s", NULL, "agb", AGB);
	ck_assert_int_eq(json_object_set_new(claims, "role", json_integer(0)), 0);
	assert_refused("role claim missing");
	ck_assert_int_eq(json_object_set_new(claims, "role", json_pack("[s]", "huisarts")), 0);
	assert_refused("role claim missing");
	ck_assert_int_eq(json_object_set_new(claims, "role", json_null()), 0);
	assert_refused("role claim missing");
}
END_TEST

START_TEST(test_refuse_unknown_role)
{
	claims = make_claims("s", unknown_roles[_i], "agb", AGB);
	assert_refused("unknown role");
}
END_TEST

START_TEST(test_refuse_missing_sub)
{
	claims = make_claims(NULL, "huisarts", "agb", AGB);
	assert_refused("sub claim missing");
}
END_TEST

START_TEST(test_refuse_empty_sub)
{
	claims = make_claims("", "huisarts", "agb", AGB);
	assert_refused("sub claim missing");
}
END_TEST

START_TEST(test_refuse_sub_not_string)
{
	claims = make_claims(NULL, "huisarts", "agb", AGB);
	ck_assert_int_eq(json_object_set_new(claims, "sub", json_integer(42)), 0);
	assert_refused("sub claim missing");
}
END_TEST

START_TEST(test_refuse_missing_identity)
{
	claims = make_claims("s", table[_i].name, NULL, NULL);
	assert_refused("identity claim for the role missing");
}
END_TEST

START_TEST(test_refuse_identity_of_other_role)
{
	/* A huisarts with only a (valid) BSN, an ouder with only an AGB, ... */
	claims = make_claims("s", "huisarts", "bsn", BSN);
	assert_refused("identity claim for the role missing");
	json_decref(claims);
	claims = make_claims("s", "ouder", "agb", AGB);
	assert_refused("identity claim for the role missing");
	json_decref(claims);
	claims = make_claims("s", "gi", "gemeente", GEMEENTE);
	assert_refused("identity claim for the role missing");
	json_decref(claims);
	claims = make_claims("s", "beheerder", "org", ORG);
	assert_refused("identity claim for the role missing");
}
END_TEST

START_TEST(test_refuse_identity_as_number)
{
	claims = make_claims("s", "huisarts", NULL, NULL);
	ck_assert_int_eq(json_object_set_new(claims, "agb", json_integer(12345678)), 0);
	assert_refused("identity claim for the role missing");
	json_decref(claims);
	claims = make_claims("s", "ouder", NULL, NULL);
	ck_assert_int_eq(json_object_set_new(claims, "bsn", json_integer(123456782)), 0);
	assert_refused("identity claim for the role missing");
}
END_TEST

START_TEST(test_refuse_agb_7_digits)
{
	claims = make_claims("s", "huisarts", "agb", "1234567");
	assert_refused("agb claim is not an 8-digit AGB code");
}
END_TEST

START_TEST(test_refuse_agb_malformed)
{
	claims = make_claims("s", "aanbieder", "agb", "123456789");
	assert_refused("agb claim is not an 8-digit AGB code");
	json_decref(claims);
	claims = make_claims("s", "jeugdarts", "agb", "1234567a");
	assert_refused("agb claim is not an 8-digit AGB code");
}
END_TEST

START_TEST(test_refuse_bsn_failing_11_proef)
{
	claims = make_claims("s", "ouder", "bsn", "123456789");
	assert_refused("bsn claim is not a valid BSN");
	json_decref(claims);
	claims = make_claims("s", "jeugdige", "bsn", "000000000");
	assert_refused("bsn claim is not a valid BSN");
	json_decref(claims);
	claims = make_claims("s", "jeugdige", "bsn", "12345678");
	assert_refused("bsn claim is not a valid BSN");
}
END_TEST

START_TEST(test_refuse_gemeente_301)
{
	claims = make_claims("s", "cjg", "gemeente", "301");
	assert_refused("gemeente claim is not a 4-digit gemeentecode");
	json_decref(claims);
	claims = make_claims("s", "beheerder", "gemeente", "GM0363");
	assert_refused("gemeente claim is not a 4-digit gemeentecode");
}
END_TEST

START_TEST(test_refuse_org_malformed)
{
	claims = make_claims("s", "rechter", "org", "");
	assert_refused("org claim is not an organisation identifier");
	json_decref(claims);
	claims = make_claims("s", "jji", "org", "jji/zeist");
	assert_refused("org claim is not an organisation identifier");
}
END_TEST

START_TEST(test_refuse_role_checked_first)
{
	/* With everything wrong, the role is what is reported. */
	claims = json_object();
	ck_assert_ptr_nonnull(claims);
	assert_refused("role claim missing");
}
END_TEST

START_TEST(test_refuse_claims_not_object)
{
	claims = json_pack("[s,s]", "role", "huisarts");
	ck_assert_ptr_nonnull(claims);
	assert_refused("role claim missing");
}
END_TEST

/* jansson can hold a NUL inside a string; C comparisons would stop at it. */
START_TEST(test_refuse_embedded_nul)
{
	static const struct { const char *member; const char *value; size_t len; const char *why; } cases[] = {
		{ "role", "huisarts\0-admin", 15, "role claim missing" },
		{ "sub", "\0x", 2, "sub claim missing" },
		{ "agb", "01234567\0evil", 13, "identity claim for the role missing" },
	};
	claims = make_claims("s", "huisarts", "agb", "01234567");
	ck_assert_int_eq(json_object_set_new(claims, cases[_i].member,
	    json_stringn(cases[_i].value, cases[_i].len)), 0);
	assert_refused(cases[_i].why);
}
END_TEST

static Suite *principal_suite(void)
{
	Suite *s = suite_create("principal");
	TCase *tc;

	tc = tcase_create("role_table");
	tcase_add_test(tc, test_table_covers_every_role);
	tcase_add_loop_test(tc, test_role_name, 0, NTABLE);
	tcase_add_loop_test(tc, test_role_parse, 0, NTABLE);
	tcase_add_loop_test(tc, test_role_round_trip, 0, TG_ROLE__MAX);
	tcase_add_test(tc, test_role_names_distinct);
	tcase_add_loop_test(tc, test_role_identity, 0, NTABLE);
	tcase_add_test(tc, test_identity_claim_names);
	tcase_add_loop_test(tc, test_role_parse_unknown, 0,
	    (int)(sizeof(unknown_roles) / sizeof(unknown_roles[0])));
	suite_add_tcase(s, tc);

	tc = tcase_create("accepted");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_principal_each_role, 0, NTABLE);
	tcase_add_test(tc, test_principal_points_into_claims);
	tcase_add_test(tc, test_principal_other_claims_ignored);
	tcase_add_test(tc, test_principal_each_identity_kind_other_values);
	suite_add_tcase(s, tc);

	tc = tcase_create("refused");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_refuse_missing_role);
	tcase_add_test(tc, test_refuse_role_not_string);
	tcase_add_loop_test(tc, test_refuse_unknown_role, 0,
	    (int)(sizeof(unknown_roles) / sizeof(unknown_roles[0])));
	tcase_add_test(tc, test_refuse_missing_sub);
	tcase_add_test(tc, test_refuse_empty_sub);
	tcase_add_test(tc, test_refuse_sub_not_string);
	tcase_add_loop_test(tc, test_refuse_missing_identity, 0, NTABLE);
	tcase_add_test(tc, test_refuse_identity_of_other_role);
	tcase_add_test(tc, test_refuse_identity_as_number);
	tcase_add_test(tc, test_refuse_agb_7_digits);
	tcase_add_test(tc, test_refuse_agb_malformed);
	tcase_add_test(tc, test_refuse_bsn_failing_11_proef);
	tcase_add_test(tc, test_refuse_gemeente_301);
	tcase_add_test(tc, test_refuse_org_malformed);
	tcase_add_test(tc, test_refuse_role_checked_first);
	tcase_add_loop_test(tc, test_refuse_embedded_nul, 0, 3);
	tcase_add_test(tc, test_refuse_claims_not_object);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	return tg_run_suite(principal_suite());
}
