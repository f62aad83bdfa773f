/* The zaak in PostgreSQL; see zaak_store.h. */
#include "zaak_store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "calendar.h"
#include "procedure.h"
#include "plugin_common.h"
#include "regio.h"
#include "validate.h"
#include "zaak_sql.h"

#define LIST_DEFAULT 20
#define LIST_MAX 100
#define IDEMPOTENCY_KEY_MAX 200

/* The list statements by kind of caller (see list_kind). */
enum { LIST_BSN, LIST_AGB, LIST_AANBIEDER, LIST_ORG, LIST_GEMEENTE, NLIST };
static char st_create[80], st_parts[80], st_idem[80], st_read[80], st_as_cjg[80], st_list[NLIST][80];

int zk_store_init(const tg_services *svc, const char *prefix)
{
	snprintf(st_create, sizeof(st_create), "%s.zaak_create", prefix);
	snprintf(st_parts, sizeof(st_parts), "%s.zaak_create_parts", prefix);
	snprintf(st_idem, sizeof(st_idem), "%s.zaak_idempotent", prefix);
	snprintf(st_read, sizeof(st_read), "%s.zaak_read", prefix);
	snprintf(st_as_cjg, sizeof(st_as_cjg), "%s.zaak_as_cjg", prefix);
	static const char *const list_sql[NLIST] = {
		[LIST_BSN] = ZK_SQL_LIST(ZK_WHO_BSN),
		[LIST_AGB] = ZK_SQL_LIST(ZK_WHO_AGB),
		[LIST_AANBIEDER] = ZK_SQL_LIST(ZK_WHO_AANBIEDER),
		[LIST_ORG] = ZK_SQL_LIST(ZK_WHO_ORG),
		[LIST_GEMEENTE] = ZK_SQL_LIST(ZK_WHO_GEMEENTE),
	};
	if (svc->db_prepare(st_create, ZK_SQL_CREATE, ZK_SQL_CREATE_N) != 0 ||
	    svc->db_prepare(st_parts, ZK_SQL_CREATE_PARTS, 7) != 0 ||
	    svc->db_prepare(st_idem, ZK_SQL_IDEMPOTENT, 2) != 0 ||
	    svc->db_prepare(st_read, ZK_SQL_READ, 3) != 0 ||
	    svc->db_prepare(st_as_cjg, ZK_SQL_AS_CJG, 1) != 0)
		return -1;
	for (int i = 0; i < NLIST; i++) {
		snprintf(st_list[i], sizeof(st_list[i]), "%s.zaak_list_%d", prefix, i);
		if (svc->db_prepare(st_list[i], list_sql[i], 7) != 0)
			return -1;
	}
	return 0;
}

void zk_uuid_canonical(const char *id, char out[37])
{
	for (int i = 0; i < 36; i++)
		out[i] = (char)tolower((unsigned char)id[i]);
	out[36] = '\0';
}

bool zk_is_uuid(const char *s)
{
	if (!s || strlen(s) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!isxdigit((unsigned char)s[i])) {
			return false;
		}
	}
	return true;
}

void zk_log_sqlstate(const tg_services *svc, tg_request *req, const char *event, PGresult *r)
{
	/* Only the SQLSTATE: a message's DETAIL can quote the row, BSN and all. */
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	char msg[64];
	snprintf(msg, sizeof(msg), "sqlstate %s", state ? state : "?");
	svc->log(req, TG_LOG_ERROR, event, msg);
}

/* The caller for idempotency: role, identity and user, as a keyed pseudonym. */
static int caller_ref(const tg_services *svc, const tg_principal *p, char out[TG_PERSON_REF_SIZE])
{
	/* The whole of it: a cut-off sub could merge two users' keys. */
	size_t n = strlen(p->role_name) + strlen(p->identity) + strlen(p->subject) + 3;
	char *buf = malloc(n);
	int rc;
	if (!buf)
		return -1;
	snprintf(buf, n, "%s\x1f%s\x1f%s", p->role_name, p->identity, p->subject);
	rc = svc->person_ref(buf, out);
	free(buf);
	return rc;
}

/* SHA-256 of the body in canonical form (sorted keys, compact), in hex. */
static int body_hash(const json_t *body, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char *canon = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
	int ok;
	if (!canon)
		return -1;
	ok = EVP_Digest(canon, strlen(canon), md, &mdlen, EVP_sha256(), NULL) == 1 && mdlen == 32;
	free(canon);
	if (!ok)
		return -1;
	for (unsigned int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	return 0;
}

static json_t *betrokkenen_json(const zk_zaak_input *in)
{
	json_t *a = json_array();
	if (!a)
		return NULL;
	json_array_append_new(a, json_pack("{s:s, s:i, s:s, s:s, s:s, s:s?}", "rol", "jeugdige",
	    "volgorde", 0, "bsn", in->jeugdige.bsn, "naam", in->jeugdige.naam, "geboortedatum",
	    in->jeugdige.geboortedatum, "geslacht", in->jeugdige.geslacht));
	for (size_t i = 0; i < in->ngezaghebbenden; i++)
		json_array_append_new(a, json_pack("{s:s, s:i, s:s, s:s, s:s}", "rol", "gezaghebbende",
		    "volgorde", (int)i, "bsn", in->gezaghebbenden[i].bsn, "naam",
		    in->gezaghebbenden[i].naam, "gemeente", in->gezaghebbenden[i].gemeente));
	if (json_array_size(a) != in->ngezaghebbenden + 1) {
		json_decref(a);
		return NULL;
	}
	return a;
}

tg_outcome zk_read_log_send(tg_request *req, const tg_services *svc, const char *id,
    const char *action, const char *outcome, int status, bool created)
{
	const tg_principal *p = svc->principal(req);
	const char *params[3] = { id, p->role_name, p->identity };
	char ref[TG_PERSON_REF_SIZE], location[96];
	json_t *doc = NULL;
	PGresult *r = svc->db_exec(req, st_read, 3, params);
	bool found;

	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		zk_log_sqlstate(svc, req, "zaak-read-failed", r);
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	found = PQntuples(r) == 1;
	if (found) {
		doc = json_loads(PQgetvalue(r, 0, 0), 0, NULL);
		/* The CJG of the zaak also learns what it may do next. */
		/* The stapeling warning (WJ759 code 6) is for the CJG alone. */
		if (doc && p->role != TG_ROLE_CJG)
			json_object_del(doc, "waarschuwingen");
		if (doc && p->role == TG_ROLE_CJG)
			json_object_set_new(doc, "acties_toegestaan", zk_actions_allowed(
			    json_string_value(json_object_get(doc, "status")),
			    json_string_value(json_object_get(doc, "route")),
			    zk_flags(json_is_true(json_object_get(doc, "spoed")),
			        json_is_true(json_object_get(doc, "buiten_regio")))));
		if (!doc || svc->person_ref(PQgetvalue(r, 0, 1), ref) != 0) {
			json_decref(doc);
			PQclear(r);
			return TG_FAIL_INTERNAL;
		}
	}
	PQclear(r);
	if (svc->audit(req, action, id, found ? ref : NULL, found ? outcome : "niet-gevonden") != 0 ||
	    svc->db_tx(req, TG_TX_COMMIT) != 0) {
		json_decref(doc);
		return TG_FAIL_DB;
	}
	if (!found) {
		/* A zaak the caller may not see looks exactly like one that does not exist. */
		svc->send_problem(req, 404, "not-found", "Not Found", "Deze zaak bestaat niet.", NULL);
		return TG_DONE;
	}
	snprintf(location, sizeof(location), "/api/v1/zaken/%s", id);
	svc->send_json(req, status, doc, created ? location : NULL);
	json_decref(doc);
	return TG_DONE;
}

int zk_deadlines_append(const char *rules_text, const zk_date *on, json_t *set)
{
	json_t *rules = json_loads(rules_text, 0, NULL), *r;
	size_t i;
	int rc = 0;

	if (!json_is_array(rules)) {
		json_decref(rules);
		return -1;
	}
	json_array_foreach(rules, i, r) {
		zk_unit unit;
		char datum[11];
		json_int_t n = json_integer_value(json_object_get(r, "aantal"));
		if (!zk_unit_parse(json_string_value(json_object_get(r, "eenheid")), &unit) || n <= 0 ||
		    n > 10000) {
			rc = -1;
			break;
		}
		zk_day_format(zk_termijn(zk_day_from(on), (int)n, unit), datum);
		if (json_array_append_new(set, json_pack("{s:O?, s:s, s:O?}", "naam",
		    json_object_get(r, "naam"), "datum", datum, "grondslag",
		    json_object_get(r, "grondslag"))) != 0) {
			rc = -1;
			break;
		}
	}
	json_decref(rules);
	return rc;
}

/* The deadlines that follow from receipt, as a new JSON text, or NULL. */
static char *deadlines_json(const char *receipt, const char *rules_text)
{
	json_t *set = json_array();
	zk_date d;
	char *text = NULL;
	if (set && zk_date_parse(receipt, &d) && zk_deadlines_append(rules_text, &d, set) == 0)
		text = json_dumps(set, JSON_COMPACT);
	json_decref(set);
	return text;
}

/* The JSON text of v (compact), NULL for NULL; sets *failed when out of memory. */
static char *dump_or_null(const json_t *v, bool *failed)
{
	char *text;
	if (!v)
		return NULL;
	text = json_dumps(v, JSON_COMPACT);
	if (!text)
		*failed = true;
	return text;
}

/* The handing-over team as casusregisseur (art. 2): its contact, or its role and gemeente. */
static char *team_regisseur(const tg_principal *p, const zk_zaak_input *in, bool *failed)
{
	char organisatie[64];
	json_t *r;
	char *text;
	snprintf(organisatie, sizeof(organisatie), "%s gemeente %s",
	    p->role == TG_ROLE_PLEIN ? "Plein" : "Gebiedsgericht sociaal team", p->identity);
	r = json_pack("{s:s, s:s, s:O?, s:O?}",
	    "naam", in->team ? json_string_value(json_object_get(in->team, "contactpersoon")) : organisatie,
	    "organisatie", in->team ? json_string_value(json_object_get(in->team, "naam")) : organisatie,
	    "telefoon", in->team ? json_object_get(in->team, "telefoon") : NULL,
	    "email", in->team ? json_object_get(in->team, "email") : NULL);
	text = r ? json_dumps(r, JSON_COMPACT) : NULL;
	json_decref(r);
	if (!text)
		*failed = true;
	return text;
}

/* The zaak's parties, first status and deadlines (and the handing-over team
 * as the gezin's regisseur), once the zaak is there. */
static tg_outcome create_parts(tg_request *req, const tg_services *svc, const char *zaak_id,
    const char *betrokkenen, const zk_route *route, const char *termijnen, const char *regisseur)
{
	const tg_principal *p = svc->principal(req);
	const char *params[7] = { zaak_id, betrokkenen, route->toelichting, p->role_name,
		p->identity, termijnen, regisseur };
	PGresult *r = svc->db_exec(req, st_parts, 7, params);
	bool ok;
	if (!r)
		return TG_FAIL_DB;
	ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
	    strcmp(PQgetvalue(r, 0, 0), "1") == 0;
	if (!ok)
		zk_log_sqlstate(svc, req, "zaak-create-parts-failed", r);
	PQclear(r);
	return ok ? TG_DONE : TG_FAIL_INTERNAL;
}

/* Same key again: the same body gets the same zaak, another body a 422. */
/* The intake's answer: what the sender may know of the zaak it caused, not the zaak. */
static tg_outcome intake_answer(tg_request *req, const tg_services *svc, const char *zaak_id,
    const zk_create_opts *opts, const char *outcome, int status)
{
	const char *params[3] = { zaak_id, "cjg", opts->as_gemeente };
	char ref[TG_PERSON_REF_SIZE];
	json_t *doc = NULL, *answer = NULL;
	PGresult *r = svc->db_exec(req, st_read, 3, params);
	tg_outcome out = TG_FAIL_INTERNAL;

	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		zk_log_sqlstate(svc, req, "zaak-intake-read-failed", r);
		goto done;
	}
	doc = json_loads(PQgetvalue(r, 0, 0), 0, NULL);
	answer = doc ? json_pack("{s:O, s:O, s:O}", "id", json_object_get(doc, "id"), "referentie",
	    json_object_get(doc, "referentie"), "status", json_object_get(doc, "status")) : NULL;
	if (!answer || svc->person_ref(PQgetvalue(r, 0, 1), ref) != 0 ||
	    (opts->answer_extra && json_object_update(answer, (json_t *)opts->answer_extra) != 0))
		goto done;
	if (svc->audit(req, "zaak.aanmaken", zaak_id, ref, outcome) != 0 ||
	    svc->db_tx(req, TG_TX_COMMIT) != 0) {
		out = TG_FAIL_DB;
		goto done;
	}
	svc->send_json(req, status, answer, NULL);
	out = TG_DONE;
done:
	PQclear(r);
	json_decref(doc);
	json_decref(answer);
	return out;
}

/* BEGIN, and for an intake the receiving gemeente's CJG as the party (see zk_create_opts). */
static int begin(tg_request *req, const tg_services *svc, const zk_create_opts *opts)
{
	const char *params[1];
	PGresult *r;
	bool ok;
	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return -1;
	if (!opts || !opts->as_gemeente)
		return 0;
	params[0] = opts->as_gemeente;
	r = svc->db_exec(req, st_as_cjg, 1, params);
	ok = r && PQresultStatus(r) == PGRES_TUPLES_OK;
	PQclear(r);
	return ok ? 0 : -1;
}

static tg_outcome replay(tg_request *req, const tg_services *svc, const char *caller,
    const char *key, const char *hash, const zk_create_opts *opts)
{
	const char *params[2] = { caller, key };
	char zaak_id[40];
	PGresult *r = svc->db_exec(req, st_idem, 2, params);
	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 0) {
		/* The key's zaak is out of the caller's sight now (forwarded to
		 * another gemeente), and row-level security hides the key with it
		 * (sql/015_rls_hardening.sql): a 404, as for any such zaak. */
		PQclear(r);
		if (svc->audit(req, "zaak.aanmaken", NULL, NULL, "niet-gevonden") != 0 ||
		    svc->db_tx(req, TG_TX_COMMIT) != 0)
			return TG_FAIL_DB;
		svc->send_problem(req, 404, "not-found", "Not Found", "Deze zaak bestaat niet.", NULL);
		return TG_DONE;
	}
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		if (PQresultStatus(r) != PGRES_TUPLES_OK)
			zk_log_sqlstate(svc, req, "idempotency-read-failed", r);
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	if (strcmp(PQgetvalue(r, 0, 0), hash) != 0) {
		json_t *inv = json_array();
		PQclear(r);
		svc->db_tx(req, TG_TX_ROLLBACK);
		zk_invalid(inv, "Idempotency-Key",
		    "deze sleutel is al gebruikt voor een verzoek met een andere inhoud");
		svc->send_problem(req, 422, "idempotency-key-reused", "Idempotency-Key reused",
		    "Dezelfde Idempotency-Key is eerder gebruikt met een andere body; gebruik een nieuwe sleutel.",
		    inv);
		json_decref(inv);
		return TG_DONE;
	}
	snprintf(zaak_id, sizeof(zaak_id), "%s", PQgetvalue(r, 0, 1));
	PQclear(r);
	if (opts && opts->as_gemeente)
		return intake_answer(req, svc, zaak_id, opts, "herhaald", 200);
	return zk_read_log_send(req, svc, zaak_id, "zaak.aanmaken", "herhaald", 200, true);
}

static const char *idempotency_key(tg_request *req, const tg_services *svc, bool *bad)
{
	const char *key = svc->header(req, "Idempotency-Key");
	*bad = false;
	if (key && (!*key || !tg_valid_visible_ascii(key, IDEMPOTENCY_KEY_MAX))) {
		json_t *inv = json_array();
		zk_invalid(inv, "Idempotency-Key", "1 tot 200 zichtbare ASCII-tekens");
		svc->send_problem(req, 400, "invalid-idempotency-key", "Bad Request",
		    "De Idempotency-Key-header is ongeldig.", inv);
		json_decref(inv);
		*bad = true;
	}
	return key;
}

tg_outcome zk_zaak_create(tg_request *req, const tg_services *svc, const json_t *body,
    const zk_zaak_input *in, const zk_route *route, const char *verwijzer_type,
    const zk_create_opts *opts)
{
	const tg_principal *p = svc->principal(req);
	char caller[TG_PERSON_REF_SIZE], hash[65], zaak_id[40];
	const char *params[ZK_SQL_CREATE_N];
	const char *key;
	bool bad = false, failed = false;
	char *betrokkenen, *domeinen = NULL, *omvang = NULL, *geprobeerd = NULL, *team = NULL;
	char *regisseur = NULL;
	json_t *b;
	PGresult *r;
	tg_outcome out;

	key = opts && opts->idempotency_key ? opts->idempotency_key : idempotency_key(req, svc, &bad);
	if (bad)
		return TG_DONE;
	if ((opts && opts->caller ? svc->person_ref(opts->caller, caller) : caller_ref(svc, p, caller)) != 0 ||
	    body_hash(body, hash) != 0)
		return TG_FAIL_INTERNAL;
	b = betrokkenen_json(in);
	betrokkenen = b ? json_dumps(b, JSON_COMPACT) : NULL;
	json_decref(b);
	if (!betrokkenen)
		return TG_FAIL_INTERNAL;

	params[0] = route->route;
	params[1] = in->verantwoordelijke_gemeente;
	params[2] = in->woonplaats_te_bepalen ? "true" : "false";
	params[3] = in->hulpvraag;
	params[4] = in->spoed ? "true" : "false";
	params[5] = in->voortzetting ? "true" : "false";
	params[6] = p->role_name;
	params[7] = p->identity;
	params[8] = verwijzer_type;
	params[9] = in->verwijzer_gegeven ? in->verwijzer_agb
	    : p->identity_kind == TG_IDENTITY_AGB ? p->identity : NULL;
	params[10] = p->identity_kind == TG_IDENTITY_ORG ? p->identity : NULL;
	params[11] = in->specialisme;
	params[12] = in->reden;
	params[13] = in->productcategorie;
	params[14] = in->aanbieder_agb;
	params[15] = betrokkenen;
	params[16] = caller;
	params[17] = key;
	params[18] = hash;
	params[19] = in->maatregel;
	params[20] = in->uitspraakdatum;
	params[21] = in->kenmerk;
	params[22] = in->has_toestemming ? (in->toestemming_gegevensdeling ? "true" : "false") : NULL;
	domeinen = dump_or_null(in->andere_domeinen, &failed);
	params[23] = domeinen;
	params[24] = in->behandelende_gemeente;
	params[25] = in->buiten_regio ? "true" : "false";
	params[26] = in->juridische_status;
	omvang = dump_or_null(in->omvang, &failed);
	geprobeerd = dump_or_null(in->geprobeerd, &failed);
	team = dump_or_null(in->team, &failed);
	params[27] = omvang;
	params[28] = geprobeerd;
	params[29] = team;
	params[30] = in->verwijzer_naam;
	if (!failed && strcmp(route->route, "overdracht") == 0)
		regisseur = team_regisseur(p, in, &failed);
	if (failed || begin(req, svc, opts) != 0) {
		out = failed ? TG_FAIL_INTERNAL : TG_FAIL_DB;
		goto done;
	}
	r = svc->db_exec(req, st_create, ZK_SQL_CREATE_N, params);
	if (!r) {
		out = TG_FAIL_DB;
		goto done;
	}
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
		char *termijnen = deadlines_json(PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 2));
		snprintf(zaak_id, sizeof(zaak_id), "%s", PQgetvalue(r, 0, 0));
		PQclear(r);
		out = termijnen ? create_parts(req, svc, zaak_id, betrokkenen, route, termijnen, regisseur)
		                : TG_FAIL_INTERNAL;
		free(termijnen);
		if (out == TG_DONE && opts && opts->with_zaak)
			out = opts->with_zaak(req, svc, zaak_id, opts->arg);
		if (out == TG_DONE)
			out = opts && opts->as_gemeente
			    ? intake_answer(req, svc, zaak_id, opts, "aangemaakt", 201)
			    : zk_read_log_send(req, svc, zaak_id, "zaak.aanmaken", "aangemaakt", 201, true);
		goto done;
	}
	{
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		const char *constraint = PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME);
		bool duplicate = key && state && strcmp(state, "23505") == 0 && constraint &&
		    strcmp(constraint, "idempotentie_pkey") == 0;
		if (!duplicate)
			zk_log_sqlstate(svc, req, "zaak-create-failed", r);
		PQclear(r);
		if (!duplicate) {
			out = TG_FAIL_INTERNAL;
			goto done;
		}
	}
	/* Another request with this key got there first (and has committed: the
	 * primary key made us wait for it). Start over and answer as a replay. */
	if (svc->db_tx(req, TG_TX_ROLLBACK) != 0 || begin(req, svc, opts) != 0)
		out = TG_FAIL_DB;
	else
		out = replay(req, svc, caller, key, hash, opts);
done:
	free(betrokkenen);
	free(domeinen);
	free(omvang);
	free(geprobeerd);
	free(team);
	free(regisseur);
	return out;
}

tg_outcome zk_zaak_get(tg_request *req, const tg_services *svc, const char *id)
{
	char canon[37];

	if (!zk_is_uuid(id)) {
		/* Not even an id: no zaak, and nothing worth logging as one. */
		if (svc->audit(req, "zaak.lezen", NULL, NULL, "niet-gevonden") != 0)
			return TG_FAIL_DB;
		svc->send_problem(req, 404, "not-found", "Not Found", "Deze zaak bestaat niet.", NULL);
		return TG_DONE;
	}
	zk_uuid_canonical(id, canon);
	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	return zk_read_log_send(req, svc, canon, "zaak.lezen", "getoond", 200, false);
}

tg_outcome zk_handle_create(tg_request *req, const tg_services *svc, const zk_route *route)
{
	const tg_principal *p = svc->principal(req);
	const char *type = (unsigned)p->role < TG_ROLE__MAX ? route->verwijzer_types[p->role] : NULL;
	const char *refusal;
	json_t *body = NULL, *invalid;
	zk_zaak_input in;
	zk_date today;
	tg_outcome out;

	if (!type) /* the route table admits only roles the route knows */
		return TG_FAIL_INTERNAL;
	if (svc->read_json(req, &body) != 0)
		return TG_DONE;
	invalid = json_array();
	if (!invalid) {
		json_decref(body);
		return TG_FAIL_INTERNAL;
	}
	zk_today(svc, &today);
	if (zk_zaak_input_parse(body, route->fields, &today, &in, invalid) != 0) {
		svc->send_problem(req, 422, "validation", "Unprocessable Content",
		    "Er is niets opgeslagen: invalid-params noemt wat er niet klopt.", invalid);
		json_decref(invalid);
		json_decref(body);
		return TG_DONE;
	}
	json_decref(invalid);
	in.buiten_regio = !zk_in_regio(in.verantwoordelijke_gemeente);
	in.behandelende_gemeente = zk_behandelende_gemeente(in.verantwoordelijke_gemeente,
	    p->identity_kind == TG_IDENTITY_GEMEENTE ? p->identity : NULL);
	refusal = route->refuse ? route->refuse(p, &in) : NULL;
	if (refusal) {
		svc->send_problem(req, 403, "forbidden", "Forbidden", refusal, NULL);
		json_decref(body);
		return TG_DONE;
	}
	out = zk_zaak_create(req, svc, body, &in, route, type, NULL);
	json_decref(body);
	return out;
}

/* "<microseconds>.<uuid>" as produced by the list query. */
static bool parse_cursor(const char *c, char *us, size_t uslen, const char **id)
{
	const char *dot = c ? strchr(c, '.') : NULL;
	size_t n;
	if (!dot)
		return false;
	n = (size_t)(dot - c);
	if (n == 0 || n >= uslen || n > 18 || !zk_is_uuid(dot + 1))
		return false;
	memcpy(us, c, n);
	us[n] = '\0';
	if (!tg_is_digits(us, n))
		return false;
	*id = dot + 1;
	return true;
}

static bool known(const char *v, const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (strcmp(v, *allowed) == 0)
			return true;
	return false;
}

/* Which list statement serves the caller; the statement checks the role again. */
static int list_kind(const tg_principal *p)
{
	switch (p->identity_kind) {
	case TG_IDENTITY_BSN: return LIST_BSN;
	case TG_IDENTITY_AGB: return p->role == TG_ROLE_AANBIEDER ? LIST_AANBIEDER : LIST_AGB;
	case TG_IDENTITY_ORG: return LIST_ORG;
	default: return LIST_GEMEENTE;
	}
}

tg_outcome zk_zaken_list(tg_request *req, const tg_services *svc)
{
	static const char *const routes[] = { "verwijzing", "mandaat", "melding", "overdracht", NULL };
	const tg_principal *p = svc->principal(req);
	const char *status = svc->query_param(req, "status");
	const char *route = svc->query_param(req, "route");
	const char *limit_s = svc->query_param(req, "limit");
	const char *cursor = svc->query_param(req, "cursor");
	const char *cursor_id = NULL;
	char us[24], limit_plus[8];
	const char *params[7];
	const char *ids[LIST_MAX], *refs_p[LIST_MAX];
	char refs[LIST_MAX][TG_PERSON_REF_SIZE];
	long limit = LIST_DEFAULT;
	size_t n;
	json_t *items, *answer;
	PGresult *r;

	if (limit_s) {
		if (strlen(limit_s) > 3 || !tg_is_digits(limit_s, strlen(limit_s)) ||
		    (limit = strtol(limit_s, NULL, 10)) < 1 || limit > LIST_MAX) {
			zk_bad_query(req, svc, "limit", "een geheel getal van 1 tot en met 100");
			return TG_DONE;
		}
	}
	if (cursor && !parse_cursor(cursor, us, sizeof(us), &cursor_id)) {
		zk_bad_query(req, svc, "cursor", "gebruik de waarde van \"volgende\" uit het vorige antwoord");
		return TG_DONE;
	}
	if (route && !known(route, routes)) {
		zk_bad_query(req, svc, "route", "een van verwijzing, mandaat, melding, overdracht");
		return TG_DONE;
	}
	if (status && (!*status || strlen(status) > 64 || !tg_valid_visible_ascii(status, 64))) {
		zk_bad_query(req, svc, "status", "een statuscode");
		return TG_DONE;
	}
	snprintf(limit_plus, sizeof(limit_plus), "%ld", limit + 1);
	params[0] = p->role_name;
	params[1] = p->identity;
	params[2] = status;
	params[3] = route;
	params[4] = cursor ? us : NULL;
	params[5] = cursor_id;
	params[6] = limit_plus;

	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	r = svc->db_exec(req, st_list[list_kind(p)], 7, params);
	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		zk_log_sqlstate(svc, req, "zaak-list-failed", r);
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	n = (size_t)PQntuples(r);
	items = json_array();
	answer = json_object();
	if (!items || !answer)
		goto internal;
	for (size_t i = 0; i < n && i < (size_t)limit; i++) {
		json_t *item = json_loads(PQgetvalue(r, (int)i, 1), 0, NULL);
		if (!item || json_array_append_new(items, item) != 0 ||
		    svc->person_ref(PQgetvalue(r, (int)i, 2), refs[i]) != 0)
			goto internal;
		ids[i] = PQgetvalue(r, (int)i, 0);
		refs_p[i] = refs[i];
	}
	json_object_set_new(answer, "zaken", items);
	items = NULL;
	json_object_set_new(answer, "volgende", n > (size_t)limit ?
	    json_string(PQgetvalue(r, (int)limit - 1, 3)) : json_null());
	/* One access-log record per zaak shown; an empty answer still records the search. */
	if ((n == 0 ? svc->audit(req, "zaak.zoeken", NULL, NULL, "geen-resultaten")
	            : svc->audit_zaken(req, "zaak.zoeken", n < (size_t)limit ? n : (size_t)limit,
	                ids, refs_p, "getoond")) != 0 ||
	    svc->db_tx(req, TG_TX_COMMIT) != 0) {
		PQclear(r);
		json_decref(answer);
		return TG_FAIL_DB;
	}
	PQclear(r);
	svc->send_json(req, 200, answer, NULL);
	json_decref(answer);
	return TG_DONE;
internal:
	PQclear(r);
	json_decref(items);
	json_decref(answer);
	return TG_FAIL_INTERNAL;
}
