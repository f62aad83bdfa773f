/*
 * The calendar on real dates: Easter and the feestdagen that hang on it,
 * Koningsdag on a Sunday, terms that end on a free day, terms across
 * Christmas and New Year, opschorting.
 */
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "calendar.h"
#include "run_suite.h"

static zk_day day(const char *s)
{
	zk_date d;
	ck_assert_msg(zk_date_parse(s, &d), "bad test date %s", s);
	return zk_day_from(&d);
}

static void expect_day(zk_day got, const char *want)
{
	char buf[11];
	zk_day_format(got, buf);
	ck_assert_str_eq(buf, want);
}

START_TEST(day_numbers_round_trip)
{
	ck_assert_int_eq(day("1970-01-01"), 0);
	ck_assert_int_eq(zk_weekday(day("1970-01-01")), 4);
	ck_assert_int_eq(zk_weekday(day("2026-11-23")), 1);
	ck_assert_int_eq(zk_weekday(day("2000-02-29")), 2);
	for (zk_day d = day("1999-12-01"); d < day("2041-01-31"); d++) {
		zk_date t = zk_day_to(d);
		ck_assert_int_eq(zk_day_from(&t), d);
	}
	ck_assert_int_eq(day("2025-01-01") - day("2024-12-31"), 1);
	ck_assert_int_eq(day("2024-03-01") - day("2024-02-28"), 2);
}
END_TEST

/* Easter Sundays from the published tables (e.g. the KNMI / Meertens lists). */
START_TEST(easter_for_twelve_years)
{
	static const char *const easter[][2] = {
		{ "2019", "2019-04-21" }, { "2020", "2020-04-12" }, { "2021", "2021-04-04" },
		{ "2022", "2022-04-17" }, { "2023", "2023-04-09" }, { "2024", "2024-03-31" },
		{ "2025", "2025-04-20" }, { "2026", "2026-04-05" }, { "2027", "2027-03-28" },
		{ "2028", "2028-04-16" }, { "2029", "2029-04-01" }, { "2030", "2030-04-21" },
		{ "2038", "2038-04-25" }, { "2285", "2285-03-22" },
	};
	for (size_t i = 0; i < sizeof(easter) / sizeof(easter[0]); i++) {
		zk_date e = zk_easter(atoi(easter[i][0]));
		expect_day(zk_day_from(&e), easter[i][1]);
		ck_assert_str_eq(zk_feestdag(day(easter[i][1])), "Eerste Paasdag");
	}
}
END_TEST

START_TEST(feestdagen_that_hang_on_easter)
{
	ck_assert_str_eq(zk_feestdag(day("2026-04-06")), "Tweede Paasdag");
	ck_assert_str_eq(zk_feestdag(day("2026-05-14")), "Hemelvaartsdag");
	ck_assert_str_eq(zk_feestdag(day("2026-05-25")), "Tweede Pinksterdag");
	ck_assert_str_eq(zk_feestdag(day("2027-05-06")), "Hemelvaartsdag");
	ck_assert_str_eq(zk_feestdag(day("2027-05-17")), "Tweede Pinksterdag");
	ck_assert_str_eq(zk_feestdag(day("2024-05-09")), "Hemelvaartsdag");
	ck_assert_str_eq(zk_feestdag(day("2030-06-10")), "Tweede Pinksterdag");
	/* Goede Vrijdag is no feestdag of the Algemene termijnenwet. */
	ck_assert_ptr_null(zk_feestdag(day("2026-04-03")));
	ck_assert(!zk_vrije_dag(day("2026-04-03")));
}
END_TEST

START_TEST(koningsdag_on_a_sunday)
{
	/* 27 April 2025 and 2031 are Sundays: Koningsdag is the 26th. */
	ck_assert_str_eq(zk_feestdag(day("2025-04-26")), "Koningsdag");
	ck_assert_ptr_null(zk_feestdag(day("2025-04-27")));
	ck_assert_str_eq(zk_feestdag(day("2031-04-26")), "Koningsdag");
	ck_assert_str_eq(zk_feestdag(day("2026-04-27")), "Koningsdag");
	ck_assert_str_eq(zk_feestdag(day("2026-05-05")), "Bevrijdingsdag");
	ck_assert_str_eq(zk_feestdag(day("2027-01-01")), "Nieuwjaarsdag");
	ck_assert_str_eq(zk_feestdag(day("2026-12-26")), "Tweede Kerstdag");
}
END_TEST

START_TEST(terms_that_end_on_a_free_day_move)
{
	/* Eight weeks from Saturday 2026-10-31 end on Saturday 2026-12-26
	 * (also Tweede Kerstdag): Monday the 28th. */
	expect_day(zk_termijn(day("2026-10-31"), 8, ZK_WEKEN), "2026-12-28");
	/* Eight weeks from 2026-03-02 end on Monday 2026-04-27, Koningsdag. */
	expect_day(zk_termijn(day("2026-03-02"), 8, ZK_WEKEN), "2026-04-28");
	/* Eight weeks from 2026-03-16 end on Easter Monday 2026-05-11? No: on
	 * Monday 2026-05-11, an ordinary day. */
	expect_day(zk_termijn(day("2026-03-16"), 8, ZK_WEKEN), "2026-05-11");
	/* ...and from 2026-02-09 on Tweede Paasdag 2026-04-06: Tuesday. */
	expect_day(zk_termijn(day("2026-02-09"), 8, ZK_WEKEN), "2026-04-07");
	/* Days ending on a Sunday. */
	expect_day(zk_termijn(day("2026-11-20"), 2, ZK_DAGEN), "2026-11-23");
	/* An ordinary end stays. */
	expect_day(zk_termijn(day("2026-11-23"), 8, ZK_WEKEN), "2027-01-18");
}
END_TEST

START_TEST(werkdagen_across_christmas_and_new_year)
{
	/* 15 werkdagen from Friday 2026-12-11: 14,15,16,17,18, 21,22,23,24,
	 * (25, 26 free) 28,29,30,31, (1 Jan free) 2027-01-04, 05. */
	expect_day(zk_termijn(day("2026-12-11"), 15, ZK_WERKDAGEN), "2027-01-05");
	/* 3 werkdagen from the Thursday before Easter 2026: Fri, Tue, Wed. */
	expect_day(zk_termijn(day("2026-04-02"), 3, ZK_WERKDAGEN), "2026-04-08");
	/* From a Saturday, the first werkdag is Monday. */
	expect_day(zk_termijn(day("2026-11-21"), 1, ZK_WERKDAGEN), "2026-11-23");
	/* 15 werkdagen around Hemelvaart and Pinksteren 2027. */
	expect_day(zk_termijn(day("2027-05-03"), 15, ZK_WERKDAGEN), "2027-05-27");
}
END_TEST

START_TEST(opschorting_and_units)
{
	zk_unit u;
	/* Suspended for 10 days (1-10 December): 2027-01-18 becomes 2027-01-28. */
	expect_day(zk_opgeschort(day("2027-01-18"), day("2026-12-01"), day("2026-12-10")), "2027-01-28");
	/* Suspended 3 days, landing on a Saturday, moves to Monday. */
	expect_day(zk_opgeschort(day("2027-01-13"), day("2026-12-01"), day("2026-12-03")), "2027-01-18");
	/* A suspension that starts after the deadline changes nothing. */
	expect_day(zk_opgeschort(day("2027-01-18"), day("2027-01-19"), day("2027-01-20")), "2027-01-18");
	ck_assert(zk_unit_parse("werkdagen", &u) && u == ZK_WERKDAGEN);
	ck_assert(zk_unit_parse("weken", &u) && u == ZK_WEKEN);
	ck_assert(zk_unit_parse("kalenderdagen", &u) && u == ZK_KALENDERDAGEN);
	ck_assert(zk_unit_parse("maanden", &u) && u == ZK_MAANDEN);
	ck_assert(!zk_unit_parse("jaren", &u));
}
END_TEST

START_TEST(kalenderdagen_are_not_moved)
{
	/* Spoed (3.1.3) does not wait for Monday: a Friday's next day is Saturday... */
	expect_day(zk_termijn(day("2026-11-27"), 1, ZK_KALENDERDAGEN), "2026-11-28");
	/* ...and Christmas Eve's is Christmas, where a legal term would move to the 28th. */
	expect_day(zk_termijn(day("2026-12-24"), 1, ZK_KALENDERDAGEN), "2026-12-25");
	expect_day(zk_termijn(day("2026-12-24"), 1, ZK_DAGEN), "2026-12-28");
	/* Five werkdagen from the Friday before Pentecost skip Pinkstermaandag. */
	expect_day(zk_termijn(day("2027-05-14"), 5, ZK_WERKDAGEN), "2027-05-24");
}
END_TEST

START_TEST(maanden_keep_the_day_or_take_the_last)
{
	/* 4.2.4 sub i, six months: 2026-11-23 gives 2027-05-23, a Sunday, moved to Monday. */
	expect_day(zk_termijn(day("2026-11-23"), 6, ZK_MAANDEN), "2027-05-24");
	/* A day the later month lacks becomes its last: 31 August + 6 months is
	 * 28 February 2027 (a Sunday: 1 March), 29 February in the leap year 2028. */
	expect_day(zk_termijn(day("2026-08-31"), 6, ZK_MAANDEN), "2027-03-01");
	expect_day(zk_termijn(day("2027-08-31"), 6, ZK_MAANDEN), "2028-02-29");
	/* Across the year end: 2026-07-15 + 6 months = 2027-01-15, a Friday. */
	expect_day(zk_termijn(day("2026-07-15"), 6, ZK_MAANDEN), "2027-01-15");
	/* Twelve months on from a day in December stays in December. */
	expect_day(zk_termijn(day("2026-12-01"), 12, ZK_MAANDEN), "2027-12-01");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("calendar");
	tcase_add_test(tc, day_numbers_round_trip);
	tcase_add_test(tc, easter_for_twelve_years);
	tcase_add_test(tc, feestdagen_that_hang_on_easter);
	tcase_add_test(tc, koningsdag_on_a_sunday);
	tcase_add_test(tc, terms_that_end_on_a_free_day_move);
	tcase_add_test(tc, werkdagen_across_christmas_and_new_year);
	tcase_add_test(tc, opschorting_and_units);
	tcase_add_test(tc, kalenderdagen_are_not_moved);
	tcase_add_test(tc, maanden_keep_the_day_or_take_the_last);
	suite_add_tcase(s, tc);
	return tg_run_suite(s);
}
