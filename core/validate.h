/*
 * Pure validators for identifiers the law and API.md define. No I/O, no
 * allocation: they are called from the JWT principal check and from every
 * route's validation table, and fuzzed on their own.
 */
#ifndef TOEGANG_VALIDATE_H
#define TOEGANG_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

/* Exactly n ASCII digits. */
bool tg_is_digits(const char *s, size_t n);
/* 9 digits passing the 11-proef for BSN (weights 9..2 and -1; sum % 11 == 0, not all zero). */
bool tg_valid_bsn(const char *s);
/* An AGB code: 8 digits. */
bool tg_valid_agb(const char *s);
/* A CBS gemeentecode in its form: 4 digits (membership of the list is the route's check). */
bool tg_valid_gemeentecode_form(const char *s);
/* An organisation identifier: 1..64 of [A-Za-z0-9._-] (a 20-digit OIN fits). */
bool tg_valid_org(const char *s);
/* 1..max visible ASCII characters (0x21..0x7e), as Idempotency-Key wants. */
bool tg_valid_visible_ascii(const char *s, size_t max);

/*
 * n bytes of well-formed UTF-8: no overlong forms, no surrogates, nothing
 * above U+10FFFF (what PostgreSQL will store). NUL bytes are ASCII here.
 */
bool tg_valid_utf8(const char *s, size_t n);

#endif
