/*
 * Unit tests for core/validate.c: the BSN 11-proef, AGB codes, gemeentecode
 * form, organisation identifiers, visible-ASCII strings, tg_is_digits and UTF-8.
 */
#include <check.h>

#include "run_suite.h"
#include <stdlib.h>
#include <string.h>

#include "validate.h"

/* ---------------------------------------------------------------- tg_is_digits */

START_TEST(test_digits_exact_length)
{
	ck_assert(tg_is_digits("0", 1));
	ck_assert(tg_is_digits("0123456789", 10));
	ck_assert(tg_is_digits("", 0));
}
END_TEST

START_TEST(test_digits_wrong_length)
{
	ck_assert(!tg_is_digits("123", 2)); /* longer than n */
	ck_assert(!tg_is_digits("123", 4)); /* shorter than n */
	ck_assert(!tg_is_digits("", 1));
	ck_assert(!tg_is_digits("1", 0));
}
END_TEST

START_TEST(test_digits_non_digits)
{
	ck_assert(!tg_is_digits("12a4", 4));
	ck_assert(!tg_is_digits("a234", 4));
	ck_assert(!tg_is_digits("123a", 4));
	ck_assert(!tg_is_digits("12 4", 4));
	ck_assert(!tg_is_digits("-123", 4));
	ck_assert(!tg_is_digits("+123", 4));
	ck_assert(!tg_is_digits("12/4", 4)); /* '/' is just below '0' */
	ck_assert(!tg_is_digits("12:4", 4)); /* ':' is just above '9' */
	ck_assert(!tg_is_digits("\xd9\xa1\xd9\xa2", 4)); /* Arabic-Indic digits, UTF-8 */
}
END_TEST

START_TEST(test_digits_null)
{
	ck_assert(!tg_is_digits(NULL, 0));
	ck_assert(!tg_is_digits(NULL, 4));
}
END_TEST

/* ------------------------------------------------------------------------ BSN */

/* Valid by the 11-proef (9a+8b+7c+6d+5e+4f+3g+2h-i = 0 mod 11), worked out by hand. */
static const char *const valid_bsns[] = {
	"111222333", /* 9+8+7+12+10+8+9+6 = 69;      69-3 = 66 = 6*11 */
	"123456782", /* 9+16+21+24+25+24+21+16 = 156; 156-2 = 154 = 14*11 */
	"999999990", /* 9*44 = 396;                   396-0 = 396 = 36*11 */
	"012345672", /* 0+8+14+18+20+20+18+14 = 112;  112-2 = 110 = 10*11 */
	"900000004", /* 81;                           81-4 = 77 = 7*11 */
	"100000009", /* 9;                            9-9 = 0 */
	"000000012", /* 2;                            2-2 = 0, and not all zero */
};

static const char *const invalid_bsns[] = {
	"000000000",  /* passes the sum, but all zero */
	"123456789",  /* 156-9 = 147, 147 mod 11 = 4 */
	"111222334",  /* check digit one off: 65 */
	"111222332",  /* check digit one off the other way: 67 */
	"123456783",  /* 153 */
	"213456782",  /* first two digits swapped: 155 */
	"010000007",  /* 8-7 = 1 */
	"99999999",   /* 8 digits */
	"12345678",   /* 8 digits */
	"1234567820", /* 10 digits, a valid BSN followed by a digit */
	"0123456782", /* 10 digits, a valid BSN preceded by a zero */
	"",
	"12345678a",
	"a23456782",
	"12345 782",
	" 123456782",
	"123456782 ",
	"123 456 782",
	"123-456-782",
	"123456782\n",
	"-23456782",
};

START_TEST(test_bsn_valid)
{
	const char *b = valid_bsns[_i];
	ck_assert_msg(tg_valid_bsn(b), "BSN \"%s\" refused", b);
}
END_TEST

START_TEST(test_bsn_invalid)
{
	const char *b = invalid_bsns[_i];
	ck_assert_msg(!tg_valid_bsn(b), "BSN \"%s\" accepted", b);
}
END_TEST

START_TEST(test_bsn_null)
{
	ck_assert(!tg_valid_bsn(NULL));
}
END_TEST

/* Every single-digit change of a valid BSN breaks the 11-proef. */
START_TEST(test_bsn_single_digit_errors_detected)
{
	char b[10];
	for (int pos = 0; pos < 9; pos++) {
		for (char d = '0'; d <= '9'; d++) {
			memcpy(b, "123456782", sizeof(b));
			if (b[pos] == d)
				continue;
			b[pos] = d;
			ck_assert_msg(!tg_valid_bsn(b), "BSN \"%s\" accepted", b);
		}
	}
}
END_TEST

/* The last digit is the check digit: for a fixed first eight, at most one works. */
START_TEST(test_bsn_one_check_digit)
{
	char b[10];
	int n = 0;
	memcpy(b, "12345678_", sizeof(b));
	for (char d = '0'; d <= '9'; d++) {
		b[8] = d;
		n += tg_valid_bsn(b);
	}
	ck_assert_int_eq(n, 1);
}
END_TEST

/* ------------------------------------------------------------------------ AGB */

START_TEST(test_agb)
{
	ck_assert(tg_valid_agb("01234567"));
	ck_assert(tg_valid_agb("00000000"));
	ck_assert(tg_valid_agb("99999999"));
	ck_assert(!tg_valid_agb("1234567"));   /* 7 digits */
	ck_assert(!tg_valid_agb("123456789")); /* 9 digits */
	ck_assert(!tg_valid_agb(""));
	ck_assert(!tg_valid_agb("1234567a"));
	ck_assert(!tg_valid_agb("1234 567"));
	ck_assert(!tg_valid_agb(" 1234567"));
	ck_assert(!tg_valid_agb(NULL));
}
END_TEST

/* ----------------------------------------------------------------- gemeente */

START_TEST(test_gemeentecode_form)
{
	ck_assert(tg_valid_gemeentecode_form("0301"));
	ck_assert(tg_valid_gemeentecode_form("0363"));
	ck_assert(tg_valid_gemeentecode_form("1990"));
	ck_assert(!tg_valid_gemeentecode_form("301"));
	ck_assert(!tg_valid_gemeentecode_form("03011"));
	ck_assert(!tg_valid_gemeentecode_form("03a1"));
	ck_assert(!tg_valid_gemeentecode_form("GM0301")); /* the CBS prefix is not part of it */
	ck_assert(!tg_valid_gemeentecode_form(" 301"));
	ck_assert(!tg_valid_gemeentecode_form(""));
	ck_assert(!tg_valid_gemeentecode_form(NULL));
}
END_TEST

/* ----------------------------------------------------------------------- org */

START_TEST(test_org_valid)
{
	ck_assert(tg_valid_org("00000001234567890000")); /* a 20-digit OIN */
	ck_assert(tg_valid_org("a"));
	ck_assert(tg_valid_org("GI-Utrecht_2.nl"));
	ck_assert(tg_valid_org("."));
	ck_assert(tg_valid_org("-"));
	ck_assert(tg_valid_org("_"));
}
END_TEST

START_TEST(test_org_invalid)
{
	ck_assert(!tg_valid_org(""));
	ck_assert(!tg_valid_org(NULL));
	ck_assert(!tg_valid_org("gi utrecht"));
	ck_assert(!tg_valid_org("gi/utrecht"));
	ck_assert(!tg_valid_org("gi:utrecht"));
	ck_assert(!tg_valid_org("gi@utrecht"));
	ck_assert(!tg_valid_org("gi\tutrecht"));
	ck_assert(!tg_valid_org("r\xc3\xa9gio")); /* non-ASCII */
	ck_assert(!tg_valid_org("org\n"));
}
END_TEST

START_TEST(test_org_length_limit)
{
	char s[66];
	memset(s, 'x', sizeof(s));
	s[64] = '\0';
	ck_assert(tg_valid_org(s));
	s[64] = 'x';
	s[65] = '\0';
	ck_assert(!tg_valid_org(s));
}
END_TEST

/* ------------------------------------------------------------ visible ASCII */

START_TEST(test_visible_ascii_valid)
{
	ck_assert(tg_valid_visible_ascii("a", 1));
	ck_assert(tg_valid_visible_ascii("!", 1));  /* 0x21, the first visible */
	ck_assert(tg_valid_visible_ascii("~", 1));  /* 0x7e, the last visible */
	ck_assert(tg_valid_visible_ascii("3f1c-9a\"{}<>", 64));
}
END_TEST

START_TEST(test_visible_ascii_length)
{
	ck_assert(!tg_valid_visible_ascii("", 10));
	ck_assert(tg_valid_visible_ascii("abcde", 5));
	ck_assert(!tg_valid_visible_ascii("abcdef", 5));
	ck_assert(!tg_valid_visible_ascii("a", 0));
}
END_TEST

START_TEST(test_visible_ascii_refused_chars)
{
	ck_assert(!tg_valid_visible_ascii("a b", 10));    /* space, 0x20 */
	ck_assert(!tg_valid_visible_ascii(" ", 10));
	ck_assert(!tg_valid_visible_ascii("ab\x7f", 10)); /* DEL */
	ck_assert(!tg_valid_visible_ascii("ab\t", 10));
	ck_assert(!tg_valid_visible_ascii("ab\r\n", 10));
	ck_assert(!tg_valid_visible_ascii("\x01", 10));
	ck_assert(!tg_valid_visible_ascii("caf\xc3\xa9", 10)); /* UTF-8 */
	ck_assert(!tg_valid_visible_ascii("\x80", 10));
	ck_assert(!tg_valid_visible_ascii("\xff", 10));
}
END_TEST

START_TEST(test_visible_ascii_null)
{
	ck_assert(!tg_valid_visible_ascii(NULL, 10));
}
END_TEST

/* Exhaustive over one byte: exactly 0x21..0x7e pass. */
START_TEST(test_visible_ascii_every_byte)
{
	char s[2] = { 0, 0 };
	for (int c = 1; c < 256; c++) {
		bool want = c >= 0x21 && c <= 0x7e;
		s[0] = (char)c;
		ck_assert_msg(tg_valid_visible_ascii(s, 1) == want, "byte 0x%02x: got %d", c, !want);
	}
}
END_TEST

/* ---------------------------------------------------------------- tg_valid_utf8 */

static const struct { const char *bytes; size_t len; } utf8_good[] = {
	{ "", 0 },
	{ "Sam de Vries", 12 },
	{ "\xc3\xa9", 2 },             /* é */
	{ "\xe2\x82\xac", 3 },         /* € */
	{ "\xf0\x9f\x98\x80", 4 },     /* an emoji, four bytes */
	{ "\xf4\x8f\xbf\xbf", 4 },     /* U+10FFFF, the last code point */
	{ "\xed\x9f\xbf", 3 },         /* U+D7FF, just below the surrogates */
};

static const struct { const char *bytes; size_t len; } utf8_bad[] = {
	{ "\x80", 1 },                 /* a continuation byte alone */
	{ "\xc3", 1 },                 /* cut short */
	{ "a\xe2\x82", 3 },            /* cut short after ASCII */
	{ "\xc0\xaf", 2 },             /* overlong '/' */
	{ "\xc1\xbf", 2 },             /* overlong, two bytes */
	{ "\xe0\x80\xaf", 3 },         /* overlong, three bytes */
	{ "\xf0\x8f\xbf\xbf", 4 },     /* overlong, four bytes */
	{ "\xed\xa0\x80", 3 },         /* a surrogate, U+D800 */
	{ "\xf4\x90\x80\x80", 4 },     /* above U+10FFFF */
	{ "\xf5\x80\x80\x80", 4 },     /* a lead byte never used */
	{ "\xff", 1 },
	{ "\xc3\x28", 2 },             /* lead byte, then no continuation */
};

START_TEST(test_utf8_good)
{
	ck_assert_msg(tg_valid_utf8(utf8_good[_i].bytes, utf8_good[_i].len), "case %d refused", _i);
}
END_TEST

START_TEST(test_utf8_bad)
{
	ck_assert_msg(!tg_valid_utf8(utf8_bad[_i].bytes, utf8_bad[_i].len), "case %d accepted", _i);
}
END_TEST

/* The length is what counts: bytes past it are not read, a bad one there does not matter. */
START_TEST(test_utf8_length_bounds_the_check)
{
	ck_assert(tg_valid_utf8("ok\xff", 2));
	ck_assert(!tg_valid_utf8("ok\xff", 3));
}
END_TEST

static Suite *validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc;

	tc = tcase_create("is_digits");
	tcase_add_test(tc, test_digits_exact_length);
	tcase_add_test(tc, test_digits_wrong_length);
	tcase_add_test(tc, test_digits_non_digits);
	tcase_add_test(tc, test_digits_null);
	suite_add_tcase(s, tc);

	tc = tcase_create("bsn");
	tcase_add_loop_test(tc, test_bsn_valid, 0, (int)(sizeof(valid_bsns) / sizeof(valid_bsns[0])));
	tcase_add_loop_test(tc, test_bsn_invalid, 0,
	    (int)(sizeof(invalid_bsns) / sizeof(invalid_bsns[0])));
	tcase_add_test(tc, test_bsn_null);
	tcase_add_test(tc, test_bsn_single_digit_errors_detected);
	tcase_add_test(tc, test_bsn_one_check_digit);
	suite_add_tcase(s, tc);

	tc = tcase_create("agb");
	tcase_add_test(tc, test_agb);
	suite_add_tcase(s, tc);

	tc = tcase_create("gemeentecode");
	tcase_add_test(tc, test_gemeentecode_form);
	suite_add_tcase(s, tc);

	tc = tcase_create("org");
	tcase_add_test(tc, test_org_valid);
	tcase_add_test(tc, test_org_invalid);
	tcase_add_test(tc, test_org_length_limit);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8");
	tcase_add_loop_test(tc, test_utf8_good, 0, (int)(sizeof(utf8_good) / sizeof(utf8_good[0])));
	tcase_add_loop_test(tc, test_utf8_bad, 0, (int)(sizeof(utf8_bad) / sizeof(utf8_bad[0])));
	tcase_add_test(tc, test_utf8_length_bounds_the_check);
	suite_add_tcase(s, tc);

	tc = tcase_create("visible_ascii");
	tcase_add_test(tc, test_visible_ascii_valid);
	tcase_add_test(tc, test_visible_ascii_length);
	tcase_add_test(tc, test_visible_ascii_refused_chars);
	tcase_add_test(tc, test_visible_ascii_null);
	tcase_add_test(tc, test_visible_ascii_every_byte);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	return tg_run_suite(validate_suite());
}
