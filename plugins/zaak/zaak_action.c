/* Actions of the CJG procedure, the worklist, and the family's inzage. */
#include "zaak_action.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "ijw_variant.h"
#include "jw301_store.h"
#include "pgb_calc.h"
#include "plugin_common.h"
#include "procedure.h"
#include "zaak_sql.h"
#include "zaak_store.h"

#define DUE_SOON_WERKDAGEN 5

static char st_load[80], st_apply[80], st_move[80], st_werk[80], st_inzage[80], st_ggz[80];

int zk_action_init(const tg_services *svc, const char *prefix)
{
	snprintf(st_load, sizeof(st_load), "%s.actie_laden", prefix);
	snprintf(st_apply, sizeof(st_apply), "%s.actie_uitvoeren", prefix);
	snprintf(st_werk, sizeof(st_werk), "%s.werkvoorraad", prefix);
	snprintf(st_inzage, sizeof(st_inzage), "%s.inzage", prefix);
	snprintf(st_ggz, sizeof(st_ggz), "%s.ggz", prefix);
	snprintf(st_move, sizeof(st_move), "%s.actie_verplaatsen", prefix);
	if (svc->db_prepare(st_load, ZK_SQL_ACTION_LOAD, 5) != 0 ||
	    svc->db_prepare(st_apply, ZK_SQL_ACTION_APPLY, 14) != 0 ||
	    svc->db_prepare(st_move, ZK_SQL_ACTION_MOVE, 5) != 0 ||
	    zk_pgb_init(svc, prefix) != 0 ||
	    svc->db_prepare(st_werk, ZK_SQL_WERKVOORRAAD, 2) != 0 ||
	    svc->db_prepare(st_inzage, ZK_SQL_INZAGE, 1) != 0 ||
	    svc->db_prepare(st_ggz, ZK_SQL_GGZ, 1) != 0 ||
	    zk_jw301_init(svc, prefix) != 0)
		return -1;
	return 0;
}

void zk_action_fini(void) { zk_jw301_fini(); }

static void not_found(tg_request *req, const tg_services *svc)
{
	svc->send_problem(req, 404, "not-found", "Not Found", "Deze zaak bestaat niet.", NULL);
}

/* An action refused after the zaak was read: one access-log record. */
static int action_log(tg_request *req, const tg_services *svc, const char *name, const char *id,
    const char *outcome)
{
	char what[96];
	snprintf(what, sizeof(what), "zaak.actie.%s", name);
	return svc->audit(req, what, id, NULL, outcome);
}

static int refused_log(tg_request *req, const tg_services *svc, const char *name, const char *id)
{
	return action_log(req, svc, name, id, "geweigerd");
}

/* 422 after the zaak was read: undo, log the refusal, answer. */
static tg_outcome refuse_invalid(tg_request *req, const tg_services *svc, const char *name,
    const char *id, const json_t *invalid)
{
	svc->db_tx(req, TG_TX_ROLLBACK);
	if (refused_log(req, svc, name, id) != 0)
		return TG_FAIL_DB;
	zk_send_invalid(req, svc, invalid);
	return TG_DONE;
}

/* 409: the action does not fit the zaak's state; say which state and which actions do. */
static void conflict(tg_request *req, const tg_services *svc, const char *name, const char *status,
    const char *route, unsigned flags)
{
	char detail[512];
	json_t *allowed = zk_actions_allowed(status, route, flags);
	char *list = allowed ? json_dumps(allowed, JSON_COMPACT) : NULL;
	snprintf(detail, sizeof(detail),
	    "De actie %s kan niet in de status %s. Toegestaan: %s.", name, status,
	    list && json_array_size(allowed) ? list : "geen (de zaak is afgerond)");
	svc->send_problem(req, 409, "illegal-transition", "Conflict", detail, NULL);
	free(list);
	json_decref(allowed);
}

/*
 * 3.7.5: no individuele voorziening for a psychological intervention that
 * does not meet the state of science and practice. Each requested one must be
 * on the positive list; the outcome is recorded with the step (gegevens).
 * Returns the number of problems, or -1 when the database failed.
 */
static long check_ggz(tg_request *req, const tg_services *svc, json_t *body, json_t *invalid)
{
	const json_t *list = json_object_get(body, "ggz_interventies"), *item;
	json_t *names = json_array(), *toetsing = json_array();
	const char *params[1];
	char *text = NULL;
	PGresult *r = NULL;
	long problems = -1;
	size_t i;

	if (!names || !toetsing)
		goto done;
	json_array_foreach(list, i, item)
		json_array_append(names, json_object_get(item, "naam"));
	if (json_array_size(names) == 0) {
		problems = 0;
		goto done;
	}
	text = json_dumps(names, JSON_COMPACT);
	params[0] = text;
	r = text ? svc->db_exec(req, st_ggz, 1, params) : NULL;
	if (!r || PQresultStatus(r) != PGRES_TUPLES_OK || (size_t)PQntuples(r) != json_array_size(names))
		goto done;
	problems = 0;
	for (int k = 0; k < PQntuples(r); k++) {
		char name[64];
		const char *lijst = PQgetisnull(r, k, 1) ? NULL : PQgetvalue(r, k, 1);
		snprintf(name, sizeof(name), "ggz_interventies[%d].naam", k);
		json_array_append_new(toetsing, json_pack("{s:s, s:s}", "naam", PQgetvalue(r, k, 0),
		    "lijst", lijst ? lijst : "onbekend"));
		if (!lijst) {
			zk_invalid(invalid, name, "staat niet op de lijsten van het Zorginstituut (art. 3.7.5): "
			    "gebruik de naam zoals op de positieve lijst");
			problems++;
		} else if (strcmp(lijst, "negatief") == 0) {
			zk_invalid(invalid, name, "voldoet niet aan de stand der wetenschap en praktijk "
			    "(negatieve lijst van het Zorginstituut, art. 3.7.5)");
			problems++;
		}
	}
	json_object_set(body, "ggz_toetsing", toetsing);
done:
	if (r && PQresultStatus(r) != PGRES_TUPLES_OK)
		zk_log_sqlstate(svc, req, "ggz-check-failed", r);
	PQclear(r);
	free(text);
	json_decref(names);
	json_decref(toetsing);
	return problems;
}

/* A member that is there and not null (the validation treats null as absent). */
static const json_t *member(const json_t *o, const char *name)
{
	const json_t *v = json_object_get(o, name);
	return json_is_null(v) ? NULL : v;
}

/* Where a line's member lives in a beschikking's product. */
static void pgb_name(char *out, size_t len, size_t i, const char *veld)
{
	static const struct { const char *veld, *name; } map[] = {
		{ "volume", "omvang.volume" }, { "per", "omvang.frequentie" },
		{ "eenheid", "omvang.eenheid" }, { "ingangsdatum", "ingangsdatum" },
		{ "einddatum", "einddatum" }, { "productcategorie", "vorm" }, { "maatregel", "vorm" },
		{ "product", "productcode" },
	};
	for (size_t k = 0; k < sizeof(map) / sizeof(map[0]); k++)
		if (veld && strcmp(map[k].veld, veld) == 0) {
			snprintf(out, len, "producten[%zu].%s", i, map[k].name);
			return;
		}
	snprintf(out, len, "producten[%zu].pgb.%s", i, veld ? veld : "");
}

/* 4.2.1 (and 4.3.1 sub a for informal help): the plan motivates the PGB. */
static long pgb_motivations(size_t i, const json_t *pgb, json_t *invalid)
{
	static const struct { const char *name, *reason; } needed[] = {
		{ "aanbod_niet_passend", "waarom het gecontracteerde aanbod niet passend is (art. 4.2.1 sub a)" },
		{ "wens_pgb", "waarom de hulp als pgb gewenst is (art. 4.2.1 sub b)" },
		{ "kwaliteit", "hoe de kwaliteit van de hulp gewaarborgd is (art. 4.2.1 sub c)" },
		{ "informele_hulp", "waarom voor informele hulp gekozen wordt (art. 4.3.1 sub a)" },
	};
	const json_t *m = json_object_get(pgb, "motivering");
	const char *hulp = json_string_value(json_object_get(pgb, "hulp"));
	bool informeel = hulp && strcmp(hulp, "informeel") == 0;
	long problems = 0;
	for (size_t k = 0; k < sizeof(needed) / sizeof(needed[0]); k++) {
		char name[96];
		if (member(m, needed[k].name) || (k == 3 && !informeel))
			continue;
		snprintf(name, sizeof(name), "producten[%zu].pgb.motivering.%s", i, needed[k].name);
		zk_invalid(invalid, name, needed[k].reason);
		problems++;
	}
	return problems;
}

/* The calculator's line for PGB product i, or NULL with the problem noted. */
static json_t *pgb_line(size_t i, const json_t *p, json_t *invalid, long *problems)
{
	static const char *const copied[] = {
		"tarief", "hulp", "leeftijd_hulpverlener", "woont_elders", "vog_datum",
		"hulpverlening_per_etmaal", "tarief_gevraagd",
	};
	static const char *const per[][2] = { { "1", "dag" }, { "2", "week" }, { "4", "maand" }, { "6", "totaal" } };
	static const char *const unit[][2] = { { "04", "uur" }, { "14", "etmaal" }, { "16", "dagdeel" } };
	const json_t *pgb = member(p, "pgb"), *omvang = member(p, "omvang");
	const char *freq, *eenheid;
	char name[64];
	json_t *line;

	if (!pgb) {
		snprintf(name, sizeof(name), "producten[%zu].pgb", i);
		zk_invalid(invalid, name, "een pgb noemt het tarief, de soort hulp en de motivering (art. 4.2.1 en 4.4.1)");
		(*problems)++;
		return NULL;
	}
	*problems += pgb_motivations(i, pgb, invalid);
	if (!omvang) {
		snprintf(name, sizeof(name), "producten[%zu].omvang", i);
		zk_invalid(invalid, name, "het budget wordt berekend uit het volume (art. 4.4.1)");
		(*problems)++;
		return NULL;
	}
	eenheid = json_string_value(json_object_get(omvang, "eenheid"));
	if (!eenheid || (strcmp(eenheid, "04") != 0 && strcmp(eenheid, "14") != 0 && strcmp(eenheid, "16") != 0 &&
	    strcmp(eenheid, "82") != 0)) {
		snprintf(name, sizeof(name), "producten[%zu].omvang.eenheid", i);
		zk_invalid(invalid, name, "een pgb wordt berekend in de eenheid van het tarief: uur (04), "
		    "etmaal (14), dagdeel (16) of stuks (82)");
		(*problems)++;
		return NULL;
	}
	if (!member(pgb, "tarief") && !(member(p, "aanbieder_agb") && member(p, "productcode"))) {
		snprintf(name, sizeof(name), "producten[%zu].pgb.tarief", i);
		zk_invalid(invalid, name, "noem het pgb-tarief, of het product (aanbieder_agb en productcode) "
		    "uit het productenboek");
		(*problems)++;
		return NULL;
	}
	line = json_object();
	if (!line)
		return NULL;
	for (size_t k = 0; k < sizeof(copied) / sizeof(copied[0]); k++)
		if (member(pgb, copied[k]))
			json_object_set(line, copied[k], json_object_get(pgb, copied[k]));
	if (!member(pgb, "tarief"))
		json_object_set_new(line, "product", json_pack("{s:O, s:O}",
		    "aanbieder_agb", json_object_get(p, "aanbieder_agb"),
		    "productcode", json_object_get(p, "productcode")));
	if (member(p, "productcategorie"))
		json_object_set(line, "productcategorie", json_object_get(p, "productcategorie"));
	json_object_set(line, "volume", json_object_get(omvang, "volume"));
	freq = json_string_value(json_object_get(omvang, "frequentie"));
	for (size_t k = 0; k < 4; k++)
		if (freq && strcmp(per[k][0], freq) == 0)
			json_object_set_new(line, "per", json_string(per[k][1]));
	/* Stuks (82) count in the tariff row's own unit (traject, dag, DBC). */
	for (size_t k = 0; k < 3; k++)
		if (strcmp(unit[k][0], eenheid) == 0)
			json_object_set_new(line, "eenheid", json_string(unit[k][1]));
	json_object_set(line, "ingangsdatum", json_object_get(p, "ingangsdatum"));
	json_object_set(line, "einddatum", json_object_get(p, "einddatum"));
	return line;
}

/*
 * The PGB products of a beschikking (chapter 4): the motivations of 4.2.1,
 * then pgb_bereken, which applies the exclusions of 4.2.4 sub h (by the
 * tariff row, the mandaat's maatregel and the productcategorie), 4.3.3 and
 * the caps of 4.4.1; a refusal names the rule. Each granted PGB product
 * gets its calculated line as "berekening", stored with its toewijzing.
 * Returns the number of problems, or -1 when the database failed.
 */
static long check_pgb(tg_request *req, const tg_services *svc, json_t *body,
    const zk_action_ctx *ctx, json_t *invalid)
{
	json_t *list = json_object_get(body, "producten"), *item, *lines = json_array(), *result = NULL;
	size_t idx[ZK_PRODUCTEN_MAX], n = 0, i;
	long problems = 0;

	if (!lines)
		return -1;
	json_array_foreach(list, i, item) {
		json_t *line;
		if (strcmp(json_string_value(json_object_get(item, "vorm")), "pgb") != 0 || n >= ZK_PRODUCTEN_MAX)
			continue;
		line = pgb_line(i, item, invalid, &problems);
		if (line) {
			json_array_append_new(lines, line);
			idx[n++] = i;
		}
	}
	if (problems > 0 || n == 0)
		goto done;
	result = zk_pgb_bereken(req, svc, lines, ctx->gemeente, ctx->maatregel);
	if (!result) {
		problems = -1;
		goto done;
	}
	json_array_foreach(json_object_get(result, "fouten"), i, item) {
		char name[96];
		json_int_t k = json_integer_value(json_object_get(item, "i"));
		if (k < 0 || (size_t)k >= n)
			continue;
		pgb_name(name, sizeof(name), idx[k], json_string_value(json_object_get(item, "veld")));
		zk_invalid(invalid, name, json_string_value(json_object_get(item, "reden")));
		problems++;
	}
	if (problems == 0)
		json_array_foreach(json_object_get(result, "regels"), i, item) {
			json_int_t k = json_integer_value(json_object_get(item, "i"));
			if (k >= 0 && (size_t)k < n) {
				/* i: the product's own index, not the line's */
				json_object_set_new(item, "i", json_integer((json_int_t)idx[k]));
				json_object_set(json_array_get(list, idx[k]), "berekening", item);
			}
		}
done:
	json_decref(lines);
	json_decref(result);
	return problems;
}

/*
 * The products that go to a provider as a JW301 must form a valid iJw
 * toewijzingsvariant as they will be sent: natura with its volume
 * (specifiek: category and code) or its budget (aspecifiek: category, no
 * code), a PGB as its budget. Returns the number of problems.
 */
/* A member that is there and not null (null reads as absent). */
static bool given(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	return v && !json_is_null(v);
}

static long check_ijw(const json_t *body, json_t *invalid)
{
	const json_t *list = json_object_get(body, "producten"), *item;
	const char *besluit = json_string_value(json_object_get(body, "besluit"));
	long problems = 0;
	size_t i;

	if (besluit && strcmp(besluit, "afgewezen") == 0)
		return 0;  /* nothing is allocated, nothing is sent */
	json_array_foreach(list, i, item) {
		char n_cat[64], n_code[64], n_eind[64], n_freq[64], n_budget[64];
		zk_variant_names names = { n_cat, n_code, n_eind, n_freq, n_budget };
		const json_t *omvang = json_object_get(item, "omvang");
		bool pgb = strcmp(json_string_value(json_object_get(item, "vorm")), "pgb") == 0;
		zk_variant v = { 0 };

		snprintf(n_budget, sizeof(n_budget), "producten[%zu].budget", i);
		if (pgb && given(item, "budget")) {
			zk_invalid(invalid, n_budget, "het budget van een pgb volgt uit de berekening "
			    "(art. 4.4.1); laat dit veld weg");
			problems++;
			continue;
		}
		if (!given(item, "aanbieder_agb"))
			continue;
		snprintf(n_cat, sizeof(n_cat), "producten[%zu].productcategorie", i);
		snprintf(n_code, sizeof(n_code), "producten[%zu].productcode", i);
		snprintf(n_eind, sizeof(n_eind), "producten[%zu].einddatum", i);
		snprintf(n_freq, sizeof(n_freq), "producten[%zu].omvang.frequentie", i);
		v.categorie = json_string_value(json_object_get(item, "productcategorie"));
		v.einddatum = json_string_value(json_object_get(item, "einddatum"));
		if (pgb) {
			v.budget = true;
		} else {
			v.code = json_string_value(json_object_get(item, "productcode"));
			v.eenheid = json_string_value(json_object_get(omvang, "eenheid"));
			v.frequentie = json_string_value(json_object_get(omvang, "frequentie"));
			v.budget = given(item, "budget");
		}
		if (!v.categorie) {
			/* a provider is always told the category (a generic toewijzing has no place here) */
			zk_invalid(invalid, n_cat, "een toewijzing aan een aanbieder noemt de "
			    "productcategorie (JZ020): zij gaat als iJw-toewijzing (JW301) naar de aanbieder");
			problems++;
			continue;
		}
		problems += zk_variant_check(&v, &names, invalid);
	}
	return problems;
}

/* Whether a product of the grant goes to a provider (and so as a JW301). */
static bool names_provider(const json_t *allocated)
{
	const json_t *item;
	size_t i;
	json_array_foreach(allocated, i, item)
		if (given(item, "aanbieder_agb"))
			return true;
	return false;
}

/* The products a grant allocates: the beschikking's, unless it refuses. */
static json_t *toewijzingen_of(const json_t *body)
{
	const char *besluit = json_string_value(json_object_get(body, "besluit"));
	if (!besluit || strcmp(besluit, "afgewezen") == 0)
		return NULL;
	return json_incref(json_object_get(body, "producten"));
}

/* "{a,b}" for the names in clears (names are our own identifiers). */
static void clears_literal(const char *const *clears, char *out, size_t size)
{
	size_t used = (size_t)snprintf(out, size, "{");
	for (size_t i = 0; clears && clears[i] && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? "," : "", clears[i]);
	if (used < size)
		snprintf(out + used, size - used, "}");
}

/* Applies the step: one statement (or, for a move within the region, the
 * owner's function), then the zaak is read back, logged and sent. */
static tg_outcome apply_step(tg_request *req, const tg_services *svc, const char *canon,
    const zk_action *action, const json_t *body, zk_action_ctx *ctx)
{
	const tg_principal *p = svc->principal(req);
	char clears[160];
	json_t *gegevens = json_deep_copy(body), *allocated = NULL, *start = NULL;
	char *gegevens_text = NULL, *set_text = NULL, *plan_text = NULL, *allocated_text = NULL;
	char *start_text = NULL;
	const char *to;
	PGresult *a = NULL;
	tg_outcome out = TG_FAIL_INTERNAL;
	bool ok;

	to = ctx->verplaatsen_naar ? "ontvangen" : action->to ? action->to
	    : action->to_field ? json_string_value(json_object_get(body, action->to_field))
	                       : ctx->status;
	if (!gegevens || !to)
		goto done;
	if (ctx->gegevens_extra)
		json_object_update(gegevens, ctx->gegevens_extra);
	gegevens_text = json_dumps(gegevens, JSON_COMPACT);
	set_text = json_dumps(ctx->set, JSON_COMPACT);
	if (!gegevens_text || !set_text)
		goto done;
	if (ctx->verplaatsen_naar) {
		char toelichting[160];
		const char *move[5] = { canon, ctx->verplaatsen_naar, toelichting, gegevens_text, set_text };
		snprintf(toelichting, sizeof(toelichting), "Doorgezonden naar het CJG van gemeente %s "
		    "binnen de regio (woonplaatsbeginsel, iJw WJ759 code 8); de termijnen beginnen opnieuw.",
		    ctx->verplaatsen_naar);
		a = svc->db_exec(req, st_move, 5, move);
	} else {
		/* a new version of the gezin's plan, unless the zaak adopts the current one */
		bool new_plan = action->writes_plan && !json_is_true(json_object_get(body, "bestaand_plan"));
		if (new_plan)
			plan_text = json_dumps(body, JSON_COMPACT);
		if (action->allocates && (allocated = toewijzingen_of(body)) != NULL)
			allocated_text = json_dumps(allocated, JSON_COMPACT);
		if (action->starts) {
			start = json_pack("{s:O, s:O}", "nummer", json_object_get(body, "toewijzing"),
			    "datum", json_object_get(body, "startdatum"));
			start_text = start ? json_dumps(start, JSON_COMPACT) : NULL;
		}
		if ((new_plan && !plan_text) || (allocated && !allocated_text) ||
		    (action->starts && !start_text))
			goto done;
		clears_literal(action->clears, clears, sizeof(clears));
		{
			const char *apply[14] = { canon, to, action->toelichting, p->role_name, p->identity,
				action->name, gegevens_text, clears, set_text,
				ctx->woonplaats_vastgesteld ? "true" : "false", plan_text, allocated_text,
				start_text, ctx->doorgezonden_naar };
			a = svc->db_exec(req, st_apply, 14, apply);
		}
	}
	if (!a) {
		out = TG_FAIL_DB;
		goto done;
	}
	ok = PQresultStatus(a) == PGRES_TUPLES_OK && strcmp(PQgetvalue(a, 0, 0), "1") == 0;
	if (!ok) {
		zk_log_sqlstate(svc, req, "zaak-action-failed", a);
		goto done;
	}
	if (allocated && names_provider(allocated)) {
		json_t *invalid = json_array();
		long n = invalid ? zk_jw301_make(req, svc, canon, invalid) : TG_FAIL_INTERNAL;
		if (n > 0)
			out = refuse_invalid(req, svc, action->name, canon, invalid);
		else if (n < 0)
			out = (tg_outcome)n;
		json_decref(invalid);
		if (n != 0)
			goto done;
	}
	if (ctx->verplaatsen_naar) {
		/* The zaak is no longer this CJG's to read: log the step and answer with where it went. */
		json_t *answer = json_pack("{s:s, s:s, s:s}", "id", canon, "doorgezonden_naar",
		    ctx->verplaatsen_naar, "status", "ontvangen");
		if (!answer)
			goto done;
		if (action_log(req, svc, action->name, canon, "uitgevoerd") != 0 ||
		    svc->db_tx(req, TG_TX_COMMIT) != 0) {
			json_decref(answer);
			out = TG_FAIL_DB;
			goto done;
		}
		svc->send_json(req, 200, answer, NULL);
		json_decref(answer);
		out = TG_DONE;
		goto done;
	}
	{
		char what[96];
		snprintf(what, sizeof(what), "zaak.actie.%s", action->name);
		out = zk_read_log_send(req, svc, canon, what, "uitgevoerd", 200, false);
	}
done:
	PQclear(a);
	json_decref(gegevens);
	json_decref(allocated);
	json_decref(start);
	free(gegevens_text);
	free(set_text);
	free(plan_text);
	free(allocated_text);
	free(start_text);
	return out;
}

tg_outcome zk_action_post(tg_request *req, const tg_services *svc, const char *id, const char *name)
{
	const tg_principal *p = svc->principal(req);
	const zk_action *action = NULL;
	const char *event;
	char canon[37];
	const char *params[5];
	json_t *body = NULL, *invalid = NULL, *termijnen = NULL, *toewijzingen = NULL;
	zk_action_ctx ctx;
	PGresult *r = NULL;
	tg_outcome out = TG_FAIL_INTERNAL;
	unsigned flags;
	zk_date on;

	memset(&ctx, 0, sizeof(ctx));
	if (!zk_is_uuid(id) || !zk_action_first(name)) {
		svc->send_problem(req, 404, "not-found", "Not Found",
		    zk_is_uuid(id) ? "Deze actie bestaat niet." : "Deze zaak bestaat niet.", NULL);
		return TG_DONE;
	}
	zk_uuid_canonical(id, canon);
	/* All rows of one name share their content table: check it before the zaak is read. */
	action = zk_action_first(name);
	switch (zk_read_valid_body(req, svc, action->fields, &body)) {
	case 0: break;
	case 1: return TG_DONE;
	default: return TG_FAIL_INTERNAL;
	}
	invalid = json_array();
	ctx.set = json_array();
	if (!invalid || !ctx.set)
		goto done;

	if (svc->db_tx(req, TG_TX_BEGIN) != 0) {
		out = TG_FAIL_DB;
		goto done;
	}
	params[0] = canon;
	params[1] = p->role_name;
	params[2] = p->identity;
	event = action->event_of ? action->event_of(body) : action->event;
	params[3] = event;
	params[4] = action->event_gemeente ?
	    json_string_value(json_object_get(body, action->event_gemeente)) : NULL;
	r = svc->db_exec(req, st_load, 5, params);
	if (!r) {
		out = TG_FAIL_DB;
		goto done;
	}
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		zk_log_sqlstate(svc, req, "zaak-action-load-failed", r);
		goto done;
	}
	if (PQntuples(r) != 1) {
		/* Not there, or not this CJG's: the same 404 (and the attempt logged). */
		if (action_log(req, svc, name, canon, "niet-gevonden") != 0 ||
		    svc->db_tx(req, TG_TX_COMMIT) != 0) {
			out = TG_FAIL_DB;
			goto done;
		}
		not_found(req, svc);
		out = TG_DONE;
		goto done;
	}
	ctx.status = PQgetvalue(r, 0, 0);
	ctx.route = PQgetvalue(r, 0, 1);
	ctx.gemeente = PQgetvalue(r, 0, 3);
	ctx.maatregel = PQgetisnull(r, 0, 6) ? NULL : PQgetvalue(r, 0, 6);
	ctx.behandelend = PQgetvalue(r, 0, 8);
	ctx.gezinsplan_versies = strtol(PQgetvalue(r, 0, 9), NULL, 10);
	termijnen = json_loads(PQgetvalue(r, 0, 4), 0, NULL);
	toewijzingen = json_loads(PQgetvalue(r, 0, 10), 0, NULL);
	ctx.termijnen = termijnen;
	ctx.toewijzingen = toewijzingen;
	zk_today(svc, &ctx.today);
	flags = zk_flags(strcmp(PQgetvalue(r, 0, 2), "true") == 0, strcmp(PQgetvalue(r, 0, 7), "true") == 0);
	action = zk_action_find(name, ctx.status, ctx.route, flags);
	if (!action) {
		svc->db_tx(req, TG_TX_ROLLBACK);
		/* The zaak was read: the refusal is logged (outside the rolled-back transaction). */
		if (refused_log(req, svc, name, canon) != 0) {
			out = TG_FAIL_DB;
			goto done;
		}
		conflict(req, svc, name, ctx.status, ctx.route, flags);
		out = TG_DONE;
		goto done;
	}
	if (!termijnen || !toewijzingen)
		goto done;
	if (action->rule && action->rule(body, &ctx, invalid) > 0) {
		out = refuse_invalid(req, svc, name, canon, invalid);
		goto done;
	}
	if (action->allocates && check_ijw(body, invalid) > 0) {
		out = refuse_invalid(req, svc, name, canon, invalid);
		goto done;
	}
	if (action->checks_ggz || action->checks_pgb) {
		long problems = action->checks_ggz ? check_ggz(req, svc, body, invalid) : 0;
		if (problems >= 0 && action->checks_pgb)
			problems = check_pgb(req, svc, body, &ctx, invalid);
		if (problems != 0) {
			out = problems < 0 ? TG_FAIL_DB : refuse_invalid(req, svc, name, canon, invalid);
			goto done;
		}
	}
	/* The deadlines the step starts count from its own date, or today; a
	 * zaak sent out of the region starts none here. */
	on = ctx.today;
	if (action->event_date)
		(void)zk_date_parse(json_string_value(json_object_get(body, action->event_date)), &on);
	if (event && !ctx.doorgezonden_naar &&
	    zk_deadlines_append(PQgetvalue(r, 0, 5), &on, ctx.set) != 0)
		goto done;
	out = apply_step(req, svc, canon, action, body, &ctx);
done:
	PQclear(r);
	json_decref(body);
	json_decref(invalid);
	json_decref(termijnen);
	json_decref(toewijzingen);
	json_decref(ctx.set);
	json_decref(ctx.gegevens_extra);
	return out;
}

tg_outcome zk_werkvoorraad(tg_request *req, const tg_services *svc)
{
	const tg_principal *p = svc->principal(req);
	const char *params[2] = { p->identity, p->role_name };
	const char *ids[500], *refs_p[500];
	char (*refs)[TG_PERSON_REF_SIZE] = NULL;
	json_t *items = NULL, *answer = NULL;
	zk_date today;
	zk_day soon, now;
	PGresult *r;
	size_t n;
	tg_outcome out = TG_FAIL_INTERNAL;

	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	r = svc->db_exec(req, st_werk, 2, params);
	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		zk_log_sqlstate(svc, req, "werkvoorraad-failed", r);
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	n = (size_t)PQntuples(r);
	zk_today(svc, &today);
	now = zk_day_from(&today);
	soon = zk_termijn(now, DUE_SOON_WERKDAGEN, ZK_WERKDAGEN);
	items = json_array();
	answer = json_object();
	refs = calloc(n ? n : 1, sizeof(*refs));
	if (!items || !answer || !refs)
		goto done;
	for (size_t i = 0; i < n; i++) {
		int row = (int)i;
		bool spoed = strcmp(PQgetvalue(r, row, 4), "t") == 0;
		bool buiten = strcmp(PQgetvalue(r, row, 10), "t") == 0;
		json_t *item = json_pack("{s:s, s:s, s:s, s:s, s:b, s:s, s:b, s:b, s:s, s:s, s:o}",
		    "id", PQgetvalue(r, row, 0), "referentie", PQgetvalue(r, row, 1),
		    "route", PQgetvalue(r, row, 2), "status", PQgetvalue(r, row, 3), "spoed", spoed,
		    "aangemaakt", PQgetvalue(r, row, 5),
		    "woonplaats_te_bepalen", strcmp(PQgetvalue(r, row, 9), "t") == 0,
		    /* from outside the region: offered for doorzending to the gemeente named */
		    "buiten_regio", buiten, "verantwoordelijke_gemeente", PQgetvalue(r, row, 11),
		    "gezin", PQgetvalue(r, row, 12),
		    "acties_toegestaan", zk_actions_allowed(PQgetvalue(r, row, 3), PQgetvalue(r, row, 2),
		        zk_flags(spoed, buiten)));
		zk_date d;
		if (!item)
			goto done;
		if (!PQgetisnull(r, row, 7) && zk_date_parse(PQgetvalue(r, row, 7), &d)) {
			zk_day day = zk_day_from(&d);
			json_object_set_new(item, "termijn", json_pack("{s:s, s:s}", "naam",
			    PQgetvalue(r, row, 6), "datum", PQgetvalue(r, row, 7)));
			json_object_set_new(item, "verlopen", json_boolean(day < now));
			json_object_set_new(item, "binnen_5_werkdagen", json_boolean(day >= now && day <= soon));
		} else {
			json_object_set_new(item, "termijn", json_null());
			json_object_set_new(item, "verlopen", json_false());
			json_object_set_new(item, "binnen_5_werkdagen", json_false());
		}
		json_array_append_new(items, item);
		if (svc->person_ref(PQgetvalue(r, row, 8), refs[i]) != 0)
			goto done;
		ids[i] = PQgetvalue(r, row, 0);
		refs_p[i] = refs[i];
	}
	if ((n == 0 ? svc->audit(req, "zaak.werkvoorraad", NULL, NULL, "geen-resultaten")
	            : svc->audit_zaken(req, "zaak.werkvoorraad", n, ids, refs_p, "getoond")) != 0 ||
	    svc->db_tx(req, TG_TX_COMMIT) != 0) {
		out = TG_FAIL_DB;
		goto done;
	}
	json_object_set_new(answer, "zaken", items);
	items = NULL;
	svc->send_json(req, 200, answer, NULL);
	out = TG_DONE;
done:
	PQclear(r);
	free(refs);
	json_decref(items);
	json_decref(answer);
	return out;
}

tg_outcome zk_inzage(tg_request *req, const tg_services *svc, const char *id)
{
	char canon[37];
	const char *params[1];
	json_t *list, *answer;
	PGresult *r;

	if (!zk_is_uuid(id)) {
		not_found(req, svc);
		return TG_DONE;
	}
	zk_uuid_canonical(id, canon);
	params[0] = canon;
	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	r = svc->db_exec(req, st_inzage, 1, params);
	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		zk_log_sqlstate(svc, req, "inzage-failed", r);
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	list = json_array();
	for (int i = 0; list && i < PQntuples(r); i++)
		json_array_append_new(list, json_pack("{s:s, s:s?, s:s?, s:s}", "tijdstip",
		    PQgetvalue(r, i, 0), "rol", PQgetisnull(r, i, 1) ? NULL : PQgetvalue(r, i, 1),
		    "wie", PQgetisnull(r, i, 2) ? NULL : PQgetvalue(r, i, 2), "actie", PQgetvalue(r, i, 3)));
	/* An empty answer is a zaak the caller cannot see, or one nobody read:
	 * a zaak is always read at least by its creation, so: 404. */
	if (!list || PQntuples(r) == 0) {
		PQclear(r);
		json_decref(list);
		if (svc->audit(req, "zaak.inzage", canon, NULL, "niet-gevonden") != 0 ||
		    svc->db_tx(req, TG_TX_COMMIT) != 0)
			return TG_FAIL_DB;
		not_found(req, svc);
		return TG_DONE;
	}
	PQclear(r);
	if (svc->audit(req, "zaak.inzage", canon, NULL, "getoond") != 0 ||
	    svc->db_tx(req, TG_TX_COMMIT) != 0) {
		json_decref(list);
		return TG_FAIL_DB;
	}
	answer = json_pack("{s:o}", "inzage", list);
	svc->send_json(req, 200, answer, NULL);
	json_decref(answer);
	return TG_DONE;
}
