/*
 * The one calendar module: dates as day numbers, Easter, the algemeen
 * erkende feestdagen of the Algemene termijnenwet (ATW) and the terms of the
 * Nadere regels and the Awb counted on them. Pure functions, no tables:
 * Easter is computed (Gregorian computus), so every year works.
 *
 * ATW art. 1: a term set by law that ends on a Saturday, Sunday or
 * feestdag is extended to the next day that is none of these. ATW art. 3
 * names the feestdagen: Nieuwjaarsdag, Eerste en Tweede Paasdag,
 * Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag,
 * Koningsdag (27 April, the 26th when the 27th is a Sunday) and 5 mei
 * (Bevrijdingsdag). Goede Vrijdag is not one.
 */
#ifndef TOEGANG_ZAAK_CALENDAR_H
#define TOEGANG_ZAAK_CALENDAR_H

#include <stdbool.h>

#include "fields.h"

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef long zk_day;

/* Kalenderdagen: every day counts and the end is not moved (spoed, not a
 * term of law); the other units end per ATW art. 1. */
typedef enum zk_unit { ZK_DAGEN, ZK_WEKEN, ZK_WERKDAGEN, ZK_KALENDERDAGEN, ZK_MAANDEN } zk_unit;

zk_day zk_day_from(const zk_date *d);
zk_date zk_day_to(zk_day day);
/* 1 = Monday ... 7 = Sunday (ISO). */
int zk_weekday(zk_day day);

zk_date zk_easter(int year);
/* The ATW feestdag that falls on day, or NULL. */
const char *zk_feestdag(zk_day day);
/* Saturday, Sunday or feestdag. */
bool zk_vrije_dag(zk_day day);
/* The day itself, or the first working day after it (ATW art. 1). */
zk_day zk_atw_einde(zk_day day);

/*
 * The end of a term of n units counted from start (the day of the event
 * itself does not count), moved off a free day per ATW art. 1. Werkdagen
 * count only working days.
 */
zk_day zk_termijn(zk_day start, int n, zk_unit unit);

/* Parses "dagen" / "weken" / "werkdagen" / "kalenderdagen" / "maanden"; false for anything else. */
bool zk_unit_parse(const char *s, zk_unit *unit);

/*
 * Opschorting (Awb 4:15): the clock stops from `van` up to and including
 * `tot`; a deadline still running on `van` moves by those days, then off a
 * free day.
 */
zk_day zk_opgeschort(zk_day deadline, zk_day van, zk_day tot);

/* Writes "YYYY-MM-DD" into out (11 bytes). */
void zk_day_format(zk_day day, char out[11]);

#endif
