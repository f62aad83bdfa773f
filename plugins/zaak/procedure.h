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
	const char *behandelend;    /* the gemeente whose CJG has the zaak */
	const char *maatregel;      /* of a mandaat, or NULL */
	long gezinsplan_versies;    /* versions of the gezin's plan so far */
	const json_t *termijnen;    /* {"naam": "YYYY-MM-DD"} of the zaak now */
	const json_t *toewijzingen; /* [{nummer, ingangsdatum, gestart_op}] of the zaak */
	zk_date today;
	json_t *set;                /* out: [{naam, datum, grondslag}] */
	bool woonplaats_vastgesteld; /* out: clears woonplaats_te_bepalen */
	/* out (doorzenden): the gemeente in the region the zaak moves to, or the
	 * one outside it that it was sent to (then the zaak ends here). */
	const char *verplaatsen_naar;
	const char *doorgezonden_naar;
	json_t *gegevens_extra;     /* out: members added to what the step records */
} zk_action_ctx;

/* Appends problems to invalid (and deadline changes to ctx); returns how many problems. */
typedef size_t (*zk_action_rule)(const json_t *body, zk_action_ctx *ctx, json_t *invalid);

#define ZK_ROUTE_VERWIJZING 1u
#define ZK_ROUTE_MANDAAT 2u
#define ZK_ROUTE_MELDING 4u
#define ZK_ROUTE_OVERDRACHT 8u
#define ZK_ROUTES_ALL 15u

/* The products one beschikking may name. */
#define ZK_PRODUCTEN_MAX 20

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
	/* Instead of event: the event the content starts, or NULL for none. */
	const char *(*event_of)(const json_t *body);
	const char *event_gemeente;   /* content member naming the gemeente whose rules apply */
	const char *const *clears;    /* deadlines it ends, NULL-terminated; may be NULL */
	bool spoed_only;
	/* Its ggz_interventies are checked against the Zorginstituut's lists (3.7.5). */
	bool checks_ggz;
	/* Its PGB products are checked against the exclusions of 4.2.4 sub h. */
	bool checks_pgb;
	/* Its content (unless it adopts the plan there is) is a new version of the gezin's plan. */
	bool writes_plan;
	/* Its products, when it grants help, become toewijzingen. */
	bool allocates;
	/* It records that the provider started on a toewijzing. */
	bool starts;
	/* It may be taken on a zaak from outside the region (which is only forwarded). */
	bool outside_region;
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
/* What about a zaak, besides its state and route, decides what may be done. */
#define ZK_SPOED 1u
#define ZK_BUITEN_REGIO 2u

/* The action of that name that may be taken now (flags: ZK_SPOED, ...), or NULL. */
const zk_action *zk_action_find(const char *name, const char *status, const char *route,
    unsigned flags);
/* The names of the actions allowed now, as a new JSON array (distinct). */
json_t *zk_actions_allowed(const char *status, const char *route, unsigned flags);
/* The flags of a zaak as the JSON of a zaak states them (spoed, buiten_regio). */
unsigned zk_flags(bool spoed, bool buiten_regio);

#endif
