/* The calendar; see calendar.h for the rules it follows. */
#include "calendar.h"

#include <string.h>

/* Howard Hinnant's days_from_civil / civil_from_days. */
zk_day zk_day_from(const zk_date *d)
{
	long y = d->y - (d->m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d->m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d->d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

zk_date zk_day_to(zk_day day)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	zk_date d;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(yoe + era * 400 + (d.m <= 2));
	return d;
}

int zk_weekday(zk_day day)
{
	/* 1970-01-01 was a Thursday (4). */
	long w = (day % 7 + 7) % 7;
	return (int)((w + 3) % 7 + 1);
}

zk_date zk_easter(int year)
{
	int a = year % 19, b = year / 100, c = year % 100;
	int h = (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30;
	int l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	zk_date d = { year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1 };
	return d;
}

static zk_day ymd(int y, int m, int d)
{
	zk_date t = { y, m, d };
	return zk_day_from(&t);
}

const char *zk_feestdag(zk_day day)
{
	zk_date d = zk_day_to(day);
	zk_date e = zk_easter(d.y);
	zk_day pasen = zk_day_from(&e);
	zk_day koning;

	if (d.m == 1 && d.d == 1)
		return "Nieuwjaarsdag";
	if (day == pasen)
		return "Eerste Paasdag";
	if (day == pasen + 1)
		return "Tweede Paasdag";
	if (day == pasen + 39)
		return "Hemelvaartsdag";
	if (day == pasen + 49)
		return "Eerste Pinksterdag";
	if (day == pasen + 50)
		return "Tweede Pinksterdag";
	if (d.m == 12 && d.d == 25)
		return "Eerste Kerstdag";
	if (d.m == 12 && d.d == 26)
		return "Tweede Kerstdag";
	if (d.m == 5 && d.d == 5)
		return "Bevrijdingsdag";
	/* Koningsdag from 2014 (27 April); Koninginnedag before (30 April). In
	 * both, a Sunday moves it a day back. */
	koning = d.y >= 2014 ? ymd(d.y, 4, 27) : ymd(d.y, 4, 30);
	if (zk_weekday(koning) == 7)
		koning--;
	if (day == koning)
		return d.y >= 2014 ? "Koningsdag" : "Koninginnedag";
	return NULL;
}

bool zk_vrije_dag(zk_day day)
{
	return zk_weekday(day) >= 6 || zk_feestdag(day) != NULL;
}

zk_day zk_atw_einde(zk_day day)
{
	while (zk_vrije_dag(day))
		day++;
	return day;
}

zk_day zk_termijn(zk_day start, int n, zk_unit unit)
{
	zk_day d = start;
	switch (unit) {
	case ZK_DAGEN:
		d = start + n;
		break;
	case ZK_WEKEN:
		d = start + 7L * n;
		break;
	case ZK_WERKDAGEN:
		while (n > 0) {
			d++;
			if (!zk_vrije_dag(d))
				n--;
		}
		break;
	case ZK_MAANDEN: {
		/* The same day n months on; the month's last day where it has none
		 * (31 August + 6 months = 28 or 29 February). */
		static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		zk_date s = zk_day_to(start);
		int m0 = s.m - 1 + n, last;
		s.y += m0 / 12;
		s.m = m0 % 12 + 1;
		last = mdays[s.m - 1] + (s.m == 2 && (s.y % 4 == 0 && (s.y % 100 != 0 || s.y % 400 == 0)));
		if (s.d > last)
			s.d = last;
		d = zk_day_from(&s);
		break;
	}
	case ZK_KALENDERDAGEN:
		/* not a term of law: the ATW does not move it */
		return start + n;
	}
	return zk_atw_einde(d);
}

bool zk_unit_parse(const char *s, zk_unit *unit)
{
	if (!s)
		return false;
	if (strcmp(s, "dagen") == 0)
		*unit = ZK_DAGEN;
	else if (strcmp(s, "weken") == 0)
		*unit = ZK_WEKEN;
	else if (strcmp(s, "werkdagen") == 0)
		*unit = ZK_WERKDAGEN;
	else if (strcmp(s, "kalenderdagen") == 0)
		*unit = ZK_KALENDERDAGEN;
	else if (strcmp(s, "maanden") == 0)
		*unit = ZK_MAANDEN;
	else
		return false;
	return true;
}

zk_day zk_opgeschort(zk_day deadline, zk_day van, zk_day tot)
{
	if (tot < van || van > deadline)
		return deadline;
	return zk_atw_einde(deadline + (tot - van + 1));
}

void zk_day_format(zk_day day, char out[11])
{
	zk_date d = zk_day_to(day);
	unsigned y = (unsigned)d.y % 10000u, m = (unsigned)d.m % 13u, dd = (unsigned)d.d % 32u;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + dd / 10);
	out[9] = (char)('0' + dd % 10);
	out[10] = '\0';
}
