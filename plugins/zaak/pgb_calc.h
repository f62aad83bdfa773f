/*
 * The PGB budget (Nadere regels 4.4.1): the shape of a line and the one
 * calculation, pgb_bereken() in sql/009_pgb.sql, which holds the rules as
 * dated data. The budget calculator (POST /api/v1/pgb/berekening) and the
 * beschikking (a product with vorm "pgb") both call it, so a family sees
 * beforehand exactly the budget the CJG will grant.
 */
#ifndef TOEGANG_ZAAK_PGB_CALC_H
#define TOEGANG_ZAAK_PGB_CALC_H

#include <toegang/plugin.h>

#include "fields.h"

/* A line of the calculator (its members are pgb_bereken's). */
extern const zk_field zk_pgb_regel_fields[];
/* The "pgb" object of a beschikking's product: the line's own part, with
 * the motivations of 4.2.1 and 4.3.1; volume and dates come from the product. */
extern const zk_field zk_pgb_product_fields[];

/* Registers the statement as "<prefix>.pgb_bereken". */
int zk_pgb_init(const tg_services *svc, const char *prefix);

/*
 * Runs pgb_bereken over lines (a JSON array) in the open transaction, for
 * the rules of gemeente (may be NULL) and the mandaat's maatregel (may be
 * NULL). Returns {regels, totaal, fouten} (the caller owns it), or NULL when
 * the database failed (logged).
 */
json_t *zk_pgb_bereken(tg_request *req, const tg_services *svc, const json_t *lines,
    const char *gemeente, const char *maatregel);

#endif
