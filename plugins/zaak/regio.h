/*
 * The gemeenten a deployment serves (core configuration "regio"). A zaak
 * whose verantwoordelijke gemeente lies outside is still accepted (nothing
 * acknowledged is lost), flagged, and handled by a gemeente of the region,
 * whose CJG forwards it (doorzending, woonplaatsbeginsel).
 */
#ifndef TOEGANG_ZAAK_REGIO_H
#define TOEGANG_ZAAK_REGIO_H

#include <stdbool.h>
#include <stddef.h>

#include "codelijst.h"

#define ZK_REGIO_MAX 400

/* Parses the space-separated codes; each must be in gemeenten. 0, or -1 with err. */
int zk_regio_load(const char *list, const zk_codelijst *gemeenten, char *err, size_t errlen);
/* True when gemeente is served here (always, when no region is configured). */
bool zk_in_regio(const char *gemeente);
/*
 * True when gemeente is listed in the region: its CJG is known to work in
 * this deployment, so a zaak forwarded to it moves there. Without a region
 * nothing is known, and a forwarded zaak leaves toegang (doorgezonden).
 */
bool zk_regio_lid(const char *gemeente);
/*
 * The gemeente whose CJG handles a zaak for verantwoordelijke: that one in
 * the region; outside it, the caller's own gemeente (a CJG or team, NULL
 * otherwise) when in the region, else the region's first.
 */
const char *zk_behandelende_gemeente(const char *verantwoordelijke, const char *eigen);

/* The region as a PostgreSQL text[] literal ("{0050,0262}"), or NULL when none is configured. */
const char *zk_regio_array(void);

#endif
