/*
 * The validators every route leans on, each against a second implementation
 * written here from the rule itself (not from the code): the BSN 11-proef,
 * AGB, organisation identifier, visible ASCII, UTF-8 (Unicode's table of
 * well-formed byte sequences), dates (the C library's calendar), the
 * calendar's day numbers and terms, gemeentecodes (the CBS list read line by
 * line), iJw product codes and the text rule of the validation tables.
 *
 * Input: the first byte picks the validator, the rest is its argument.
 * An accepted BSN passes the 11-proef; an accepted date round-trips; the
 * two implementations agree both ways.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "fields.h"
#include "fuzz_common.h"
#include "validate.h"
#include "zaak_input.h"

/* The CBS list as its lines say it: "| NNNN | name | ...". */
static char cbs[1000][5];
static size_t ncbs;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[512], line[1024];
	FILE *f;
	(void)argc;
	(void)argv;
	if (zk_codelijsten_load(FUZZ_SRC "/data/codelijsten", err, sizeof(err)) != 0) {
		fprintf(stderr, "fuzz_validate: %s\n", err);
		exit(1);
	}
	f = fopen(FUZZ_SRC "/data/codelijsten/CBS_Gemeentecodes.md", "r");
	if (!f)
		abort();
	while (fgets(line, sizeof(line), f) && ncbs < 1000)
		if (line[0] == '|' && line[1] == ' ' &&
		    strspn(line + 2, "0123456789") == 4 && line[6] == ' ' && line[7] == '|')
			snprintf(cbs[ncbs++], 5, "%.4s", line + 2);
	fclose(f);
	if (ncbs < 300)
		abort();
	return 0;
}

static bool all_in(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i] || !strchr(set, s[i]))
			return false;
	return true;
}

#define DIGITS "0123456789"
#define ALNUM "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" DIGITS

/* Unicode 15, table 3-7: the well-formed UTF-8 byte sequences. */
static bool utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char b = s[i];
		unsigned char lo = 0x80, hi = 0xbf;
		size_t more;
		if (b <= 0x7f) {
			i++;
			continue;
		}
		if (b >= 0xc2 && b <= 0xdf)
			more = 1;
		else if (b == 0xe0)
			more = 2, lo = 0xa0;
		else if ((b >= 0xe1 && b <= 0xec) || b == 0xee || b == 0xef)
			more = 2;
		else if (b == 0xed)
			more = 2, hi = 0x9f;
		else if (b == 0xf0)
			more = 3, lo = 0x90;
		else if (b >= 0xf1 && b <= 0xf3)
			more = 3;
		else if (b == 0xf4)
			more = 3, hi = 0x8f;
		else
			return false;
		if (i + more >= n)
			return false;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return false;
		for (size_t k = 2; k <= more; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return false;
		i += more + 1;
	}
	return true;
}

/* The C library's proleptic Gregorian calendar: a real date comes back unchanged. */
static bool real_date(int y, int m, int d, int *wday)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12 };
	time_t t = timegm(&tm);
	struct tm back;
	gmtime_r(&t, &back);
	*wday = back.tm_wday;
	return back.tm_year == y - 1900 && back.tm_mon == m - 1 && back.tm_mday == d;
}

static void check_date(const char *s, size_t n)
{
	zk_date d;
	bool ok = zk_date_parse(s, &d);
	bool shape = n == 10 && all_in(s, 4, DIGITS) && s[4] == '-' && all_in(s + 5, 2, DIGITS) &&
	    s[7] == '-' && all_in(s + 8, 2, DIGITS);
	int y = shape ? atoi(s) : 0, m = shape ? atoi(s + 5) : 0, dd = shape ? atoi(s + 8) : 0, wday = -1;
	bool expected = shape && y >= 1900 && m >= 1 && m <= 12 && dd >= 1 && real_date(y, m, dd, &wday);
	char back[11];
	zk_day day;
	zk_date again;

	FZ_ASSERT(ok == expected, "zk_date_parse(\"%s\") = %d, the calendar says %d", s, ok, expected);
	if (!ok)
		return;
	/* Accepted: it round-trips through the day number, on the right weekday. */
	day = zk_day_from(&d);
	zk_day_format(day, back);
	FZ_ASSERT(strcmp(back, s) == 0, "%s came back as %s", s, back);
	again = zk_day_to(day);
	FZ_ASSERT(zk_date_cmp(&again, &d) == 0, "%s: day number does not round-trip", s);
	FZ_ASSERT(zk_weekday(day) == (wday == 0 ? 7 : wday), "%s: weekday %d, the calendar says %d", s,
	    zk_weekday(day), wday);
	/* Terms from that day end on a working day after it (ATW art. 1). */
	{
		int units = (unsigned char)s[9] % 30 + 1;
		zk_day end = zk_termijn(day, units, ZK_WERKDAGEN);
		FZ_ASSERT(end > day && !zk_vrije_dag(end), "%d werkdagen from %s ends on a free day or before", units,
		    s);
		end = zk_termijn(day, units, ZK_WEKEN);
		FZ_ASSERT(end >= day + 7L * units && !zk_vrije_dag(end) && end < day + 7L * units + 7,
		    "%d weken from %s", units, s);
		end = zk_termijn(day, units, ZK_KALENDERDAGEN);
		FZ_ASSERT(end == day + units, "%d kalenderdagen from %s", units, s);
		end = zk_atw_einde(day);
		FZ_ASSERT(end >= day && !zk_vrije_dag(end) && (end == day || zk_vrije_dag(day)),
		    "atw_einde of %s", s);
	}
}

static void check_text(const unsigned char *data, size_t size)
{
	bool lines;
	size_t min, max, chars = 0;
	const char *s;
	size_t n;
	const char *problem;
	if (size < 3)
		return;
	lines = data[0] & 1;
	min = data[1] % 4;
	max = min + data[2] % 64;
	s = (const char *)data + 3;
	n = size - 3;
	problem = zk_text_problem(s, n, lines, min, max);
	if (problem)
		return;
	/* Accepted: valid UTF-8 without NUL or control characters, length in bounds. */
	FZ_ASSERT(utf8_ok((const unsigned char *)s, n), "accepted text is no UTF-8");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		FZ_ASSERT(c >= 0x20 || (lines && (c == '\t' || c == '\n' || c == '\r')), "accepted a control character");
		FZ_ASSERT(c != 0x7f && !(c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0),
		    "accepted DEL or a C1 control");
		chars += (c & 0xc0) != 0x80;
	}
	FZ_ASSERT(chars >= min, "accepted %zu characters where %zu are the minimum", chars, min);
	/* The maximum counts without the surrounding blanks, so only a lower bound holds here. */
	FZ_ASSERT(min == 0 || chars > 0, "accepted an empty text");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	size_t n;
	bool got, want;

	if (size < 1)
		return 0;
	n = size - 1;
	s = malloc(n + 1);
	if (!s)
		return 0;
	memcpy(s, data + 1, n);
	s[n] = '\0';
	/* The validators take C strings, but for UTF-8 and text, which take a length. */
	if (data[0] % 9 != 6 && data[0] % 9 != 7)
		n = strlen(s);
	switch (data[0] % 9) {
	case 0:
		got = tg_valid_bsn(s);
		want = fz_elfproef(s, n);
		FZ_ASSERT(got == want, "tg_valid_bsn(\"%s\") = %d, the 11-proef says %d", s, got, want);
		break;
	case 1:
		check_date(s, n);
		break;
	case 2: {
		bool listed = false;
		for (size_t i = 0; i < ncbs; i++)
			listed |= n == 4 && strcmp(cbs[i], s) == 0;
		got = tg_valid_gemeentecode_form(s);
		FZ_ASSERT(got == (n == 4 && all_in(s, 4, DIGITS)), "gemeentecode form of \"%s\": %d", s, got);
		got = zk_codelijst_has(&zk_gemeenten, s);
		FZ_ASSERT(got == listed, "\"%s\" %s the CBS list, the code list says %d", s,
		    listed ? "is in" : "is not in", got);
		break;
	}
	case 3:
		got = tg_valid_agb(s);
		FZ_ASSERT(got == (n == 8 && all_in(s, 8, DIGITS)), "tg_valid_agb(\"%s\") = %d", s, got);
		break;
	case 4:
		got = tg_valid_org(s);
		want = n >= 1 && n <= 64 && all_in(s, n, ALNUM "._-");
		FZ_ASSERT(got == want, "tg_valid_org(\"%s\") = %d", s, got);
		break;
	case 5:
		got = tg_valid_visible_ascii(s, 200);
		want = n >= 1 && n <= 200;
		for (size_t i = 0; i < n; i++)
			want = want && (unsigned char)s[i] >= 0x21 && (unsigned char)s[i] <= 0x7e;
		FZ_ASSERT(got == want, "tg_valid_visible_ascii = %d, expected %d", got, want);
		break;
	case 6:
		got = tg_valid_utf8(s, n);
		want = utf8_ok((const unsigned char *)s, n);
		FZ_ASSERT(got == want, "tg_valid_utf8 = %d, Unicode's table says %d", got, want);
		break;
	case 7:
		check_text(data + 1, n);
		break;
	case 8:
		got = zk_productcode_ok(s);
		FZ_ASSERT(got == (n >= 1 && n <= 5 && all_in(s, n, ALNUM)), "zk_productcode_ok(\"%s\") = %d", s, got);
		break;
	}
	free(s);
	return 0;
}
