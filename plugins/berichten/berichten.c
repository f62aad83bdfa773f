/*
 * berichten: iJw 3.2 messages between the gemeente and the providers.
 *
 * POST /api/v1/berichten/jw315 (aanbieder): a verzoek om toewijzing. The XML
 * is parsed without any DTD (plugins/zaak/ijw_xml.h), validated against
 * JW315.xsd and the rules the schema cannot hold (plugins/zaak/jw315.h), and
 * becomes a zaak of route verwijzing for the receiving gemeente's CJG,
 * linked to the referrer the message names. The provider learns the
 * outcome ({id, referentie, status}), not the zaak: it sees a zaak only once
 * a toewijzing names it. The message itself is kept with the zaak.
 *
 * GET /api/v1/zaken/{id}/toewijzingen/{nr}/jw301 (cjg, aanbieder): the JW301
 * a beschikking produced for that toewijzing, as sent (application/xml).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <toegang/plugin.h>

#include "berichten_sql.h"
#include "ijw_xml.h"
#include "jw315.h"
#include "plugin_macros.h"
#include "regio.h"
#include "validate.h"
#include "zaak_input.h"
#include "zaak_store.h"

#define HULPVRAAG_MAX 4000

static char st_get[80], st_store[80];
static zk_ijw_schema *jw315_schema;

/* The received message, kept with the zaak (zk_create_opts.with_zaak). */
typedef struct ontvangen {
	const json_t *bericht;
	const char *xml;
} ontvangen;

static tg_outcome keep_message(tg_request *req, const tg_services *svc, const char *zaak_id, void *arg)
{
	const ontvangen *o = arg;
	const char *params[6] = { zaak_id, json_string_value(json_object_get(o->bericht, "ontvanger")),
		json_string_value(json_object_get(o->bericht, "afzender")),
		json_string_value(json_object_get(o->bericht, "identificatie")),
		json_string_value(json_object_get(o->bericht, "dagtekening")), o->xml };
	PGresult *r = svc->db_exec(req, st_store, 6, params);
	bool ok;
	if (!r)
		return TG_FAIL_DB;
	ok = PQresultStatus(r) == PGRES_COMMAND_OK && strcmp(PQcmdTuples(r), "1") == 0;
	if (!ok)
		zk_log_sqlstate(svc, req, "jw315-store-failed", r);
	PQclear(r);
	return ok ? TG_DONE : TG_FAIL_INTERNAL;
}

/* Refused before any zaak exists: the attempt is access-logged, nothing else is stored. */
static void refuse_with(tg_request *req, const tg_services *svc, int status, const char *slug,
    const char *title, const char *detail, const json_t *invalid)
{
	if (svc->audit(req, "bericht.jw315.ontvangen", NULL, NULL, "geweigerd") != 0)
		svc->log(req, TG_LOG_ERROR, "audit-failed", "a refused JW315 was not access-logged");
	svc->send_problem(req, status, slug, title, detail, invalid);
}

static void refuse(tg_request *req, const tg_services *svc, int status, const char *slug,
    const char *title, const char *detail)
{
	refuse_with(req, svc, status, slug, title, detail, NULL);
}

static void refuse_invalid(tg_request *req, const tg_services *svc, const json_t *invalid)
{
	refuse_with(req, svc, 422, "validation", "Unprocessable Content",
	    "Het bericht is niet verwerkt en er is niets opgeslagen: invalid-params noemt per element "
	    "wat er niet klopt.", invalid);
}

/* The sender and the receiver the header names: the caller, and a gemeente served here. */
static void check_parties(const tg_principal *p, const json_t *b, json_t *invalid)
{
	const char *afzender = json_string_value(json_object_get(b, "afzender"));
	const char *ontvanger = json_string_value(json_object_get(b, "ontvanger"));
	if (!afzender || strcmp(afzender, p->identity) != 0)
		zk_invalid(invalid, "/Bericht/Header/Afzender", "is niet de AGB-code van de aanbieder die "
		    "het bericht stuurt (de agb van het token)");
	if (!ontvanger || !zk_codelijst_has(&zk_gemeenten, ontvanger))
		zk_invalid(invalid, "/Bericht/Header/Ontvanger", "is geen CBS-gemeentecode");
	else if (!zk_regio_lid(ontvanger) && zk_regio_array())
		zk_invalid(invalid, "/Bericht/Header/Ontvanger", "deze gemeente neemt niet deel aan "
		    "toegang in deze regio; stuur het verzoek naar die gemeente zelf (iJw WJ759 code 5)");
}

/* The zaak the verzoek becomes; strings are borrowed from b (and hulpvraag). */
static void zaak_of(const json_t *b, const zk_date *today, char *hulpvraag, size_t size,
    zk_zaak_input *in)
{
	const json_t *c = json_object_get(b, "client");
	const json_t *first = json_array_get(json_object_get(b, "producten"), 0);
	const json_t *v = json_object_get(first, "verwijzer");
	const char *commentaar = json_string_value(json_object_get(c, "commentaar"));
	zk_date birth;

	memset(in, 0, sizeof(*in));
	in->jeugdige.bsn = json_string_value(json_object_get(c, "bsn"));
	in->jeugdige.naam = json_string_value(json_object_get(c, "naam"));
	in->jeugdige.geboortedatum = json_string_value(json_object_get(c, "geboortedatum"));
	in->jeugdige.geslacht = json_string_value(json_object_get(c, "geslacht"));
	snprintf(hulpvraag, size, "Verzoek om toewijzing (iJw JW315) van aanbieder %s, "
	    "%zu product(en).%s%s", json_string_value(json_object_get(b, "afzender")),
	    json_array_size(json_object_get(b, "producten")), commentaar ? " Toelichting: " : "",
	    commentaar ? commentaar : "");
	/* A long Commentaar is cut at a character boundary, within the hulpvraag's 4000. */
	if (strlen(hulpvraag) > HULPVRAAG_MAX) {
		size_t cut = HULPVRAAG_MAX;
		while (cut > 0 && ((unsigned char)hulpvraag[cut] & 0xC0) == 0x80)
			cut--;
		hulpvraag[cut] = '\0';
	}
	in->hulpvraag = hulpvraag;
	/* 18 to 22: jeugdhulp continued (art. 1.1); the age rule was applied in zk_jw315_read */
	in->voortzetting = zk_date_parse(in->jeugdige.geboortedatum, &birth) &&
	    zk_age_on(&birth, today) >= ZK_ADULT_AGE;
	in->reden = json_string_value(json_object_get(first, "commentaar"));
	in->productcategorie = json_string_value(json_object_get(first, "categorie"));
	in->aanbieder_agb = json_string_value(json_object_get(b, "afzender"));
	in->verwijzer_gegeven = true;
	in->verwijzer_agb = json_string_value(json_object_get(v, "agb"));
	in->verwijzer_naam = json_string_value(json_object_get(v, "naam"));
	in->verantwoordelijke_gemeente = json_string_value(json_object_get(b, "ontvanger"));
	/* No gezaghebbende in a JW315: the CJG settles the woonplaatsbeginsel. */
	in->woonplaats_te_bepalen = true;
	in->behandelende_gemeente = zk_behandelende_gemeente(in->verantwoordelijke_gemeente, NULL);
}

static const zk_route jw315_route = {
	.route = "verwijzing",
	.toelichting = "Verzoek om toewijzing (iJw JW315) ontvangen van een jeugdhulpaanbieder, op "
	    "verwijzing van de verwijzer die het noemt.",
};

static tg_outcome post_jw315(tg_request *req, const tg_services *svc, void *state)
{
	static const char *const types[] = { "application/xml", "text/xml", NULL };
	const tg_principal *p = svc->principal(req);
	char *body = NULL, msg[16], hulpvraag[HULPVRAAG_MAX + 200], key[64], caller[64];
	size_t len;
	xmlDocPtr doc = NULL;
	zk_xml_status st;
	json_t *invalid = NULL, *bericht = NULL, *extra = NULL;
	zk_zaak_input in;
	zk_date today;
	tg_outcome out = TG_FAIL_INTERNAL;
	long n;
	(void)state;

	zk_today(svc, &today);
	if (svc->read_body(req, types, &body, &len) != 0)
		return TG_DONE;
	doc = zk_ijw_parse(body, len, &st);
	if (!doc) {
		if (st == ZK_XML_NOMEM)
			goto done;
		if (st == ZK_XML_DTD)
			refuse(req, svc, 400, "xml-dtd-not-allowed", "Bad Request", "Een iJw-bericht heeft "
			    "geen DOCTYPE: documenttypedeclaraties en entiteiten worden niet verwerkt.");
		else
			refuse(req, svc, 400, "malformed-xml", "Bad Request", "Het bericht is geen "
			    "goedgevormde XML in UTF-8.");
		out = TG_DONE;
		goto done;
	}
	invalid = json_array();
	if (!invalid)
		goto done;
	if (!zk_ijw_message_of(xmlDocGetRootElement(doc), msg, sizeof(msg)) || strcmp(msg, "jw315") != 0 ||
	    !xmlStrEqual(xmlDocGetRootElement(doc)->name, (const xmlChar *)"Bericht")) {
		zk_invalid(invalid, "/", "dit is geen JW315-bericht (element Bericht in de namespace "
		    "http://www.istandaarden.nl/ijw/3_2/jw315/schema)");
		refuse_invalid(req, svc, invalid);
		out = TG_DONE;
		goto done;
	}
	n = zk_ijw_validate(jw315_schema, doc, invalid);
	if (n < 0)
		goto done;
	if (n == 0) {
		n = zk_jw315_read(doc, &today, &bericht, invalid);
		if (n < 0)
			goto done;
		if (n == 0)
			check_parties(p, bericht, invalid);
	}
	if (json_array_size(invalid) > 0) {
		refuse_invalid(req, svc, invalid);
		out = TG_DONE;
		goto done;
	}
	zaak_of(bericht, &today, hulpvraag, sizeof(hulpvraag), &in);
	{
		const json_t *first = json_array_get(json_object_get(bericht, "producten"), 0);
		const char *type = json_string_value(json_object_get(json_object_get(first, "verwijzer"), "type"));
		ontvangen o = { bericht, body };
		zk_create_opts opts = { 0 };
		/* One message, one zaak: its identification per sender (LDT_IdentificatieBericht
		 * is unique for the Afzender on its Dagtekening), whoever at the provider sends it. */
		snprintf(key, sizeof(key), "jw315:%s:%s",
		    json_string_value(json_object_get(bericht, "identificatie")),
		    json_string_value(json_object_get(bericht, "dagtekening")));
		snprintf(caller, sizeof(caller), "aanbieder\x1f%s\x1fjw315", p->identity);
		extra = json_pack("{s:{s:O, s:O}}", "bericht", "identificatie",
		    json_object_get(bericht, "identificatie"), "dagtekening",
		    json_object_get(bericht, "dagtekening"));
		if (!extra)
			goto done;
		opts.idempotency_key = key;
		opts.caller = caller;
		opts.as_gemeente = in.behandelende_gemeente;
		opts.answer_extra = extra;
		opts.with_zaak = keep_message;
		opts.arg = &o;
		out = zk_zaak_create(req, svc, bericht, &in, &jw315_route, type, &opts);
	}
done:
	xmlFreeDoc(doc);
	free(body);
	json_decref(invalid);
	json_decref(bericht);
	json_decref(extra);
	return out;
}

static void not_found(tg_request *req, const tg_services *svc)
{
	svc->send_problem(req, 404, "not-found", "Not Found",
	    "Deze zaak heeft geen toewijzingbericht met dit nummer dat u mag zien.", NULL);
}

static tg_outcome get_jw301(tg_request *req, const tg_services *svc, void *state)
{
	const tg_principal *p = svc->principal(req);
	const char *id = svc->path_param(req, "id"), *nr = svc->path_param(req, "nr");
	const char *params[4];
	char canon[37], ref[TG_PERSON_REF_SIZE];
	PGresult *r;
	bool found;
	(void)state;

	if (!zk_is_uuid(id) || !nr || strlen(nr) < 1 || strlen(nr) > 8 || !tg_is_digits(nr, strlen(nr))) {
		if (svc->audit(req, "bericht.jw301.lezen", NULL, NULL, "niet-gevonden") != 0)
			return TG_FAIL_DB;
		not_found(req, svc);
		return TG_DONE;
	}
	zk_uuid_canonical(id, canon);
	params[0] = canon;
	params[1] = nr;
	params[2] = p->role_name;
	params[3] = p->identity;
	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	r = svc->db_exec(req, st_get, 4, params);
	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		zk_log_sqlstate(svc, req, "jw301-read-failed", r);
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	found = PQntuples(r) == 1;
	if ((found && svc->person_ref(PQgetvalue(r, 0, 1), ref) != 0)) {
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	if (svc->audit(req, "bericht.jw301.lezen", canon, found ? ref : NULL,
	        found ? "getoond" : "niet-gevonden") != 0 || svc->db_tx(req, TG_TX_COMMIT) != 0) {
		PQclear(r);
		return TG_FAIL_DB;
	}
	if (found)
		svc->send_body(req, 200, "application/xml", PQgetvalue(r, 0, 0),
		    (size_t)PQgetlength(r, 0, 0));
	else
		not_found(req, svc);
	PQclear(r);
	return TG_DONE;
}

static const tg_route routes[] = {
	{ "POST", "/api/v1/berichten/jw315", post_jw315, TG_ROLE_BIT(TG_ROLE_AANBIEDER) },
	{ "GET", "/api/v1/zaken/{id}/toewijzingen/{nr}/jw301", get_jw301,
	  TG_ROLE_BIT(TG_ROLE_CJG) | TG_ROLE_BIT(TG_ROLE_AANBIEDER) },
};

static int init_berichten(const tg_services *svc)
{
	const char *data = svc->config(NULL, "data_dir");
	char dir[1024], err[512];

	if (!TG_SERVICES_HAVE(svc, send_body)) {
		fprintf(stderr, "toegangd: plugin berichten needs a core with read_body/send_body\n");
		return -1;
	}
	snprintf(dir, sizeof(dir), "%s/ijw/xsd", data ? data : ".");
	jw315_schema = zk_ijw_schema_load(dir, "JW315.xsd", err, sizeof(err));
	if (!jw315_schema) {
		svc->log(NULL, TG_LOG_ERROR, "ijw-schema-load-failed", err);
		fprintf(stderr, "toegangd: plugin berichten: %s\n", err);
		return -1;
	}
	snprintf(st_get, sizeof(st_get), "berichten.jw301_lezen");
	snprintf(st_store, sizeof(st_store), "berichten.jw315_bewaren");
	if (svc->db_prepare(st_get, BR_SQL_JW301_GET, 4) != 0 ||
	    svc->db_prepare(st_store, BR_SQL_JW315_STORE, 6) != 0) {
		zk_ijw_schema_free(jw315_schema);
		jw315_schema = NULL;
		return -1;
	}
	return 0;
}

static void fini_berichten(void)
{
	zk_ijw_schema_free(jw315_schema);
	jw315_schema = NULL;
}

ZK_PLUGIN_FULL("berichten", init_berichten, fini_berichten)
