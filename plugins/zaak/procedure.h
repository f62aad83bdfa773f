/*
 * The CJG procedure of the Nadere regels (art. 3.1-3.8) as one table: each
 * row an action the CJG takes, the states it may be taken from (for which
 * routes), the state it leads to, the content it must record (a validation
 * table) and the deadlines it starts or ends. Everything else (what is
 * allowed now, what a 409 says) is derived from the table.
 */
#ifndef TOEGANG_ZAAK_PROCEDURE_H
#define TOEGANG_ZAAK_PROCEDURE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "fields.h"

/* What a rule across the content's fields may look at and change. */
typedef struct zk_action_ctx {
	const char *status;
	const char *route;
	const char *gemeente;       /* the verantwoordelijke gemeente */
	const json_t *termijnen;    /* {"naam": "YYYY-MM-DD"} of the zaak now */
	zk_date today;
	json_t *set;                /* out: [{naam, datum, grondslag}] */
	bool woonplaats_vastgesteld; /* out: clears woonplaats_te_bepalen */
} zk_action_ctx;

/* Appends problems to invalid (and deadline changes to ctx); returns how many problems. */
typedef size_t (*zk_action_rule)(const json_t *body, zk_action_ctx *ctx, json_t *invalid);

#define ZK_ROUTE_VERWIJZING 1u
#define ZK_ROUTE_MANDAAT 2u
#define ZK_ROUTE_MELDING 4u
#define ZK_ROUTE_OVERDRACHT 8u
#define ZK_ROUTES_ALL 15u

typedef struct zk_action {
	const char *name;             /* the {actie} of POST /zaken/{id}/acties/{actie} */
	const char *const *from;      /* states, NULL-terminated */
	unsigned routes;              /* ZK_ROUTE_* it applies to */
	const char *to;               /* the next state; NULL: stays (a record only) */
	const char *to_field;         /* or: the state is this content member's value */
	const zk_field *fields;       /* the content it must record */
	zk_action_rule rule;          /* rules across fields, deadline changes; may be NULL */
	const char *event;            /* deadline rules (termijnregel.gebeurtenis) it starts */
	const char *event_date;       /* content member with the event's date; NULL: today */
	const char *const *clears;    /* deadlines it ends, NULL-terminated; may be NULL */
	bool spoed_only;
	/* Its ggz_interventies are checked against the Zorginstituut's lists (3.7.5). */
	bool checks_ggz;
	const char *toelichting;      /* its line in the status history */
} zk_action;

extern const zk_action zk_actions[];
extern const size_t zk_nactions;
/* The end states: no action leads out of them. */
extern const char *const zk_end_states[];

unsigned zk_route_bit(const char *route);
bool zk_is_end_state(const char *status);
/* The first row of that name (all rows of a name share their content table), or NULL. */
const zk_action *zk_action_first(const char *name);
/* The action of that name that may be taken now, or NULL. */
const zk_action *zk_action_find(const char *name, const char *status, const char *route,
    bool spoed);
/* The names of the actions allowed now, as a new JSON array (distinct). */
json_t *zk_actions_allowed(const char *status, const char *route, bool spoed);

#endif
