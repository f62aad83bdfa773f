/*
 * The zaak in PostgreSQL (sql/002_zaak.sql): create (with Idempotency-Key),
 * read one, list. Shared by the route plugins; each registers the
 * statements under its own prefix, since every plugin carries its own copy.
 *
 * Every statement runs in a transaction begun through the services, which
 * sets the caller for the row-level security policies; the queries repeat
 * the visibility rule in their WHERE clause, so both must agree before a
 * zaak is shown.
 */
#ifndef TOEGANG_ZAAK_STORE_H
#define TOEGANG_ZAAK_STORE_H

#include <toegang/plugin.h>

#include "zaak_input.h"

/* A route: its name, its part of the body, and its rules about the caller. */
typedef struct zk_route {
	const char *route;          /* "verwijzing", ... */
	const char *toelichting;    /* the first status entry's explanation */
	const zk_field *fields;     /* what the route adds to the common body */
	/* The iJw COD327 verwijzer type of each role the route admits. */
	const char *verwijzer_types[TG_ROLE__MAX];
	/* NULL when the caller may create this zaak, else why not (a 403's
	 * detail, no personal data). May be NULL: anyone the route admits. */
	const char *(*refuse)(const tg_principal *p, const zk_zaak_input *in);
} zk_route;

/*
 * How a create differs when a message, not a person, brings the zaak in (a
 * JW315 from a provider): NULL members change nothing.
 */
typedef struct zk_create_opts {
	/* instead of the Idempotency-Key header: the message's identification */
	const char *idempotency_key;
	/* instead of role, identity and sub: who may not send that message twice */
	const char *caller;
	/*
	 * The zaak is written as the CJG of this gemeente, which receives it:
	 * the sender may not read what it caused (API.md: an aanbieder sees only
	 * zaken in which a toewijzing names it), so it is answered {id,
	 * referentie, status} and answer_extra, not with the zaak.
	 */
	const char *as_gemeente;
	/* members added to that answer (borrowed), e.g. the message's identification */
	const json_t *answer_extra;
	/* called in the transaction once the zaak exists (e.g. to keep the message) */
	tg_outcome (*with_zaak)(tg_request *req, const tg_services *svc, const char *zaak_id, void *arg);
	void *arg;
} zk_create_opts;

/* In the plugin's init: registers the statements as "<prefix>.<name>". */
int zk_store_init(const tg_services *svc, const char *prefix);

/*
 * Creates the zaak described by in (validated from body) for the caller,
 * honouring the Idempotency-Key header, and sends 201 (or 200 for a replay)
 * with the zaak, or the problem. verwijzer_type is the iJw COD327 code;
 * opts may be NULL.
 */
tg_outcome zk_zaak_create(tg_request *req, const tg_services *svc, const json_t *body,
    const zk_zaak_input *in, const zk_route *route, const char *verwijzer_type,
    const zk_create_opts *opts);

/* The whole POST of a route: read, validate, authorise, create. */
tg_outcome zk_handle_create(tg_request *req, const tg_services *svc, const zk_route *route);

/*
 * Reads zaak id as the caller (inside the open transaction), writes the
 * access-log record (action, outcome), commits, and sends it with status
 * (and a Location when created). TG_DONE once answered, or a failure.
 */
tg_outcome zk_read_log_send(tg_request *req, const tg_services *svc, const char *id,
    const char *action, const char *outcome, int status, bool created);

/* GET /api/v1/zaken/{id} and GET /api/v1/zaken. */
tg_outcome zk_zaak_get(tg_request *req, const tg_services *svc, const char *id);
tg_outcome zk_zaken_list(tg_request *req, const tg_services *svc);

/* Logs a failed statement by its SQLSTATE only (a DETAIL can quote a row). */
void zk_log_sqlstate(const tg_services *svc, tg_request *req, const char *event, PGresult *r);

/*
 * The id of a valid UUID (zk_is_uuid) in lower case: the access log names a
 * zaak by one spelling, so that "who read zaak X" finds every read.
 */
void zk_uuid_canonical(const char *id, char out[37]);

/*
 * Turns deadline rules (JSON [{naam, aantal, eenheid, grondslag}], as the
 * statements return them) into dates counted from on by the calendar, and
 * appends {naam, datum, grondslag} to set. 0, or -1 for a malformed rule.
 */
int zk_deadlines_append(const char *rules_text, const zk_date *on, json_t *set);

/* True for the canonical text form of a UUID (lower or upper case hex). */
bool zk_is_uuid(const char *s);

#endif
