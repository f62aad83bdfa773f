/* The CJG procedure table; see procedure.h. Article numbers: Nadere regels
 * jeugdhulp Zutphen 2015 (the seed), Awb for the decision terms. */
#include "procedure.h"

#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "pgb_calc.h"
#include "regio.h"
#include "zaak_input.h"

#define OPEN_STATES "ontvangen", "ontvangst_bevestigd", "vooronderzoek_afgerond", \
	"gesprek_gevoerd", "verslag_verstrekt", "gezinsplan_opgesteld", "aanvraag_ontvangen", \
	"beoordeeld", "advies_ontvangen"

const char *const zk_end_states[] = {
	"toegekend", "gedeeltelijk_toegekend", "afgewezen", "ingetrokken", "doorgezonden", NULL,
};

static const char *const from_ontvangen[] = { "ontvangen", NULL };
static const char *const from_bevestigd[] = { "ontvangst_bevestigd", NULL };
static const char *const from_vooronderzoek[] = { "vooronderzoek_afgerond", NULL };
static const char *const from_gesprek[] = { "gesprek_gevoerd", NULL };
static const char *const from_plan[] = { "gezinsplan_opgesteld", "verslag_verstrekt", NULL };
static const char *const from_gezinsplan[] = { "gezinsplan_opgesteld", NULL };
static const char *const from_aanvraag[] = { "aanvraag_ontvangen", NULL };
static const char *const from_beoordeeld[] = { "beoordeeld", NULL };
static const char *const from_beslisbaar[] = { "beoordeeld", "advies_ontvangen", NULL };
/* 3.7.4: a referral or mandate needs no eigen-kracht assessment. */
static const char *const from_verwezen[] = { "ontvangst_bevestigd", "vooronderzoek_afgerond",
	"gesprek_gevoerd", "verslag_verstrekt", "gezinsplan_opgesteld", "aanvraag_ontvangen", NULL };
/* Gedwongen kader: the help is allocated from receipt on. */
static const char *const from_mandaat[] = { "ontvangen", "ontvangst_bevestigd",
	"vooronderzoek_afgerond", "gesprek_gevoerd", "verslag_verstrekt", "gezinsplan_opgesteld",
	"aanvraag_ontvangen", NULL };
static const char *const from_toegekend[] = { "toegekend", "gedeeltelijk_toegekend", NULL };
static const char *const from_open[] = { OPEN_STATES, NULL };
static const char *const from_after_verslag[] = { "verslag_verstrekt", "gezinsplan_opgesteld",
	"aanvraag_ontvangen", "beoordeeld", "advies_ontvangen", NULL };
static const char *const from_beslistermijn[] = { "aanvraag_ontvangen", "beoordeeld",
	"advies_ontvangen", NULL };

static const char *const clears_verslag[] = { "verslag", NULL };
static const char *const clears_spoed[] = { "tijdelijke_maatregel", NULL };
static const char *const clears_all[] = { "verslag", "beschikking", "toewijzing",
	"tijdelijke_maatregel", NULL };

/* --- content tables --- */

static const char *const bevestiging_wijzen[] = { "brief", "email", NULL };
static const zk_field f_bevestigen[] = {
	{ .name = "wijze", .kind = ZK_ENUM, .required = true, .values = bevestiging_wijzen },
	{ .name = NULL },
};

static const char *const id_documenten[] = {
	"paspoort", "identiteitskaart", "rijbewijs", "verblijfsdocument", NULL,
};
/* 3.2: the woonplaats is settled; the ID document is checked (its type and
 * the check, never its number), or the vooronderzoek is waived (3.2.4). */
static const zk_field f_vooronderzoek[] = {
	{ .name = "woonplaats_gemeente", .kind = ZK_CODE, .required = true, .codes = &zk_gemeenten,
	  .code_name = "CBS-gemeentecode" },
	{ .name = "id_document_type", .kind = ZK_ENUM, .values = id_documenten },
	{ .name = "id_gecontroleerd", .kind = ZK_BOOL },
	{ .name = "afgezien", .kind = ZK_BOOL },
	{ .name = "reden_afzien", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = NULL },
};

static const char *const onderwerp_waarden[] = { "besproken", "niet_nodig", NULL };
#define ONDERWERP(x) { .name = x, .kind = ZK_ENUM, .required = true, .values = onderwerp_waarden }
/* 3.3.1 a-i, each discussed or marked not needed. */
static const zk_field f_onderwerpen[] = {
	ONDERWERP("a"), ONDERWERP("b"), ONDERWERP("c"), ONDERWERP("d"), ONDERWERP("e"),
	ONDERWERP("f"), ONDERWERP("g"), ONDERWERP("h"), ONDERWERP("i"),
	{ .name = NULL },
};
static const zk_field f_gesprek[] = {
	{ .name = "datum", .kind = ZK_DATE, .required = true },
	{ .name = "onderwerpen", .kind = ZK_OBJECT, .fields = f_onderwerpen },
	{ .name = "toestemming_persoonsgegevens", .kind = ZK_BOOL },       /* 3.3.3 */
	{ .name = "ouderbijdrage_geinformeerd", .kind = ZK_BOOL },         /* 3.3.2 */
	{ .name = "afgezien", .kind = ZK_BOOL },                           /* 3.3.4 */
	{ .name = "reden_afzien", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = NULL },
};

/* 3.4: the verslag is given to the family, unless they said they do not want it. */
static const zk_field f_verslag[] = {
	{ .name = "verstrekt_op", .kind = ZK_DATE },
	{ .name = "gezin_wil_geen_verslag", .kind = ZK_BOOL },
	{ .name = "samenvatting", .kind = ZK_TEXT_LINES, .min = 1, .max = 20000 },
	{ .name = NULL },
};
/* 3.4.2: remarks and additions of the family are added. */
static const zk_field f_aanvulling[] = {
	{ .name = "aanvulling", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 20000 },
	{ .name = NULL },
};

/* 3.5: one plan per family (3.5.2), so a zaak of a gezin that has a plan
 * may adopt it (bestaand_plan) instead of writing a new version; a
 * familiegroepsplan may take its place. */
static const zk_field f_gezinsplan[] = {
	{ .name = "eigen_kracht_netwerk", .kind = ZK_TEXT_LINES, .min = 1, .max = 20000 },
	{ .name = "vrij_toegankelijke_voorzieningen", .kind = ZK_TEXT_LINES, .min = 1, .max = 20000 },
	{ .name = "individuele_voorzieningen", .kind = ZK_TEXT_LINES, .min = 1, .max = 20000 },
	{ .name = "familiegroepsplan", .kind = ZK_BOOL },
	{ .name = "bestaand_plan", .kind = ZK_BOOL },
	{ .name = NULL },
};

static const char *const aanvraag_wijzen[] = { "format", "verslag", "plan", NULL };
/* 3.6: by the format, or the signed verslag/plan marked as aanvraag (3.6.2);
 * it states the support asked and its goal (3.6.3). */
static const zk_field f_aanvraag[] = {
	{ .name = "ontvangen_op", .kind = ZK_DATE, .required = true },
	{ .name = "wijze", .kind = ZK_ENUM, .required = true, .values = aanvraag_wijzen },
	{ .name = "ondertekend", .kind = ZK_BOOL },
	{ .name = "ondersteuning", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 4000 },
	{ .name = "doel", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 4000 },
	{ .name = NULL },
};

static const char *const criterium_besluiten[] = { "voldaan", "niet_voldaan", NULL };
static const zk_field f_criterium[] = {
	{ .name = "besluit", .kind = ZK_ENUM, .required = true, .values = criterium_besluiten },
	{ .name = "motivering", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 4000 },
	{ .name = NULL },
};
static const zk_field f_interventie[] = {
	{ .name = "naam", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = NULL },
};
/* 3.7.2 a, b and c, each decided with a motivation; requested psychological
 * interventions within the GGZ, to be checked against the lists (3.7.5). */
static const zk_field f_beoordeling[] = {
	{ .name = "a", .kind = ZK_OBJECT, .required = true, .fields = f_criterium },
	{ .name = "b", .kind = ZK_OBJECT, .required = true, .fields = f_criterium },
	{ .name = "c", .kind = ZK_OBJECT, .required = true, .fields = f_criterium },
	{ .name = "ggz_interventies", .kind = ZK_ARRAY, .min = 0, .max = 20, .fields = f_interventie },
	{ .name = NULL },
};

/* 3.8: advice before the decision (internal). */
static const zk_field f_advies[] = {
	{ .name = "adviseur", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = "advies", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 20000 },
	{ .name = NULL },
};

static const char *const besluiten[] = { "toegekend", "gedeeltelijk_toegekend", "afgewezen", NULL };
static const char *const leveringsvormen[] = { "natura", "pgb", NULL };
static const zk_field f_product[] = {
	{ .name = "omschrijving", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = "productcategorie", .kind = ZK_CODE, .codes = &zk_productcategorieen,
	  .code_name = "JZ020-productcategorie" },
	{ .name = "aanbieder_agb", .kind = ZK_AGB },
	{ .name = "vorm", .kind = ZK_ENUM, .required = true, .values = leveringsvormen },
	{ .name = "ingangsdatum", .kind = ZK_DATE, .required = true },
	{ .name = "einddatum", .kind = ZK_DATE, .required = true },
	{ .name = "omvang", .kind = ZK_OBJECT, .fields = zk_omvang_fields },
	/* The productenboek's iJw product code, and for a PGB what it pays (chapter 4). */
	{ .name = "productcode", .kind = ZK_TEXT, .min = 1, .max = 5 },
	{ .name = "pgb", .kind = ZK_OBJECT, .fields = zk_pgb_product_fields },
	/* A natura budget in euro (iJw aspecifiek met budget), instead of a volume. */
	{ .name = "budget", .kind = ZK_AMOUNT, .min = 0, .max = 999999 },
	{ .name = NULL },
};
static const zk_field f_beschikking[] = {
	{ .name = "besluit", .kind = ZK_ENUM, .required = true, .values = besluiten },
	{ .name = "producten", .kind = ZK_ARRAY, .min = 0, .max = ZK_PRODUCTEN_MAX, .fields = f_product },
	{ .name = "grondslag", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 2000 },
	{ .name = "motivering", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 20000 },
	{ .name = NULL },
};

static const zk_field f_intrekken[] = {
	{ .name = "reden", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 2000 },
	{ .name = NULL },
};
static const zk_field f_doorzenden[] = {
	{ .name = "gemeente", .kind = ZK_CODE, .required = true, .codes = &zk_gemeenten,
	  .code_name = "CBS-gemeentecode" },
	{ .name = "reden", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 2000 },
	{ .name = NULL },
};
static const zk_field f_tijdelijke_maatregel[] = {
	{ .name = "maatregel", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 4000 },
	{ .name = NULL },
};
/* How the CJG works (productenboek seed): the four steps of the cliëntroute,
 * the opvoedsituatie on its scale, and the risk and safety instrument used
 * (Nadere regels, Noot 5). A record: the state does not change. */
static const char *const fasen[] = {
	"vraagstelling", "vraagverheldering", "vraagduiding", "vraagbemiddeling", NULL,
};
static const char *const opvoedsituaties[] = {
	"opvoedingsvragen", "opvoedingsspanning", "verhoogde_opvoedingsspanning", "opvoedingsnood",
	"opvoedingscrisis", NULL,
};
static const char *const instrumenten[] = {
	"signs_of_safety", "cfra", "lirik", "veiligheid_in_gezinnen", "deescalatie_beloop",
	"eerste_hulpkaart", "stoplicht", "thermometer", NULL,
};
static const zk_field f_werkwijze[] = {
	{ .name = "fase", .kind = ZK_ENUM, .required = true, .values = fasen },
	{ .name = "opvoedsituatie", .kind = ZK_ENUM, .values = opvoedsituaties },
	{ .name = "risico_instrument", .kind = ZK_ENUM, .values = instrumenten },
	{ .name = "toelichting", .kind = ZK_TEXT_LINES, .min = 1, .max = 4000 },
	{ .name = NULL },
};

/* The provider started on a toewijzing (iJw JW305 start zorg, until that message comes in). */
static const zk_field f_start_zorg[] = {
	{ .name = "toewijzing", .kind = ZK_INT, .required = true, .min = 1, .max = 99999999 },
	{ .name = "startdatum", .kind = ZK_DATE, .required = true },
	{ .name = NULL },
};

static const zk_field f_verdagen[] = {
	{ .name = "nieuwe_datum", .kind = ZK_DATE, .required = true },
	{ .name = "reden", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 2000 },
	{ .name = NULL },
};
static const zk_field f_opschorten[] = {
	{ .name = "van", .kind = ZK_DATE, .required = true },
	{ .name = "tot", .kind = ZK_DATE, .required = true },
	{ .name = "reden", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 2000 },
	{ .name = NULL },
};

/* --- rules across fields --- */

static bool member_true(const json_t *body, const char *name)
{
	return json_is_true(json_object_get(body, name));
}

static const char *member_str(const json_t *body, const char *name)
{
	return json_string_value(json_object_get(body, name));
}

static size_t need(json_t *invalid, const json_t *body, const char *name, const char *reason)
{
	const json_t *v = json_object_get(body, name);
	/* null is absent, as in the validation table */
	if (v && !json_is_null(v))
		return 0;
	zk_invalid(invalid, name, reason);
	return 1;
}

static size_t not_future(json_t *invalid, const json_t *body, const char *name, const zk_action_ctx *ctx)
{
	zk_date d;
	if (zk_date_parse(member_str(body, name), &d) && zk_date_cmp(&d, &ctx->today) > 0) {
		zk_invalid(invalid, name, "ligt in de toekomst");
		return 1;
	}
	return 0;
}

static size_t rule_vooronderzoek(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	size_t n = 0;
	const char *woonplaats = member_str(body, "woonplaats_gemeente");
	if (woonplaats && strcmp(woonplaats, ctx->gemeente) != 0) {
		zk_invalid(invalid, "woonplaats_gemeente",
		    "een andere gemeente is verantwoordelijk: zend de zaak door (actie doorzenden)");
		n++;
	}
	if (member_true(body, "afgezien")) {
		n += need(invalid, body, "reden_afzien", "verplicht als van het vooronderzoek is afgezien (3.2.4)");
	} else {
		n += need(invalid, body, "id_document_type", "welk identiteitsbewijs is gezien (3.2.3)");
		if (!member_true(body, "id_gecontroleerd")) {
			zk_invalid(invalid, "id_gecontroleerd", "het identiteitsbewijs moet zijn gecontroleerd (3.2.3)");
			n++;
		}
	}
	ctx->woonplaats_vastgesteld = n == 0;
	return n;
}

static size_t rule_gesprek(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	size_t n = not_future(invalid, body, "datum", ctx);
	if (member_true(body, "afgezien"))
		return n + need(invalid, body, "reden_afzien", "verplicht als van het gesprek is afgezien (3.3.4)");
	n += need(invalid, body, "onderwerpen", "de onderwerpen a tot en met i van 3.3.1");
	if (!member_true(body, "toestemming_persoonsgegevens")) {
		zk_invalid(invalid, "toestemming_persoonsgegevens",
		    "zonder toestemming voor het verwerken van persoonsgegevens (3.3.3) gaat de procedure niet verder");
		n++;
	}
	return n;
}

static size_t rule_verslag(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	if (member_true(body, "gezin_wil_geen_verslag"))
		return 0;
	return need(invalid, body, "verstrekt_op", "wanneer het verslag aan het gezin is gegeven (3.4.1)") +
	    need(invalid, body, "samenvatting", "het verslag zelf") + not_future(invalid, body, "verstrekt_op", ctx);
}

static size_t rule_gezinsplan(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	static const char *const parts[] = { "eigen_kracht_netwerk", "vrij_toegankelijke_voorzieningen",
		"individuele_voorzieningen", NULL };
	size_t n = 0;
	if (member_true(body, "bestaand_plan")) {
		if (ctx->gezinsplan_versies == 0) {
			zk_invalid(invalid, "bestaand_plan", "het gezin heeft nog geen plan: stel het op (art. 3.5)");
			return 1;
		}
		for (size_t i = 0; parts[i]; i++)
			if (json_object_get(body, parts[i]) && !json_is_null(json_object_get(body, parts[i]))) {
				zk_invalid(invalid, parts[i], "een bestaand plan overnemen of een nieuwe versie "
				    "opstellen, niet allebei");
				n++;
			}
		return n;
	}
	for (size_t i = 0; parts[i]; i++)
		n += need(invalid, body, parts[i], "verplicht in een gezinsplan (art. 3.5)");
	return n;
}

static size_t rule_aanvraag(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	const char *wijze = member_str(body, "wijze");
	size_t n = not_future(invalid, body, "ontvangen_op", ctx);
	if (wijze && strcmp(wijze, "format") != 0 && !member_true(body, "ondertekend")) {
		zk_invalid(invalid, "ondertekend",
		    "een verslag of plan geldt alleen als aanvraag als het gezin het heeft ondertekend (3.6.2)");
		n++;
	}
	return n;
}

static size_t rule_beschikking(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	const char *besluit = member_str(body, "besluit");
	const json_t *producten = json_object_get(body, "producten");
	size_t n = 0, i;
	const json_t *p;
	(void)ctx;
	if (besluit && strcmp(besluit, "afgewezen") != 0 && json_array_size(producten) == 0) {
		zk_invalid(invalid, "producten", "een toekenning noemt de hulp die wordt toegekend");
		n++;
	}
	json_array_foreach(producten, i, p) {
		zk_date a, b;
		const json_t *code = json_object_get(p, "productcode");
		if (json_is_string(code) && !zk_productcode_ok(json_string_value(code))) {
			char name[48];
			snprintf(name, sizeof(name), "producten[%zu].productcode", i);
			zk_invalid(invalid, name, "een iJw-productcode: 1 tot 5 letters of cijfers, zonder spaties");
			n++;
		}
		if (zk_date_parse(member_str(p, "ingangsdatum"), &a) &&
		    zk_date_parse(member_str(p, "einddatum"), &b) && zk_date_cmp(&b, &a) < 0) {
			char name[48];
			snprintf(name, sizeof(name), "producten[%zu].einddatum", i);
			zk_invalid(invalid, name, "ligt voor de ingangsdatum");
			n++;
		}
	}
	return n;
}

/* A grant with a PGB starts the term of 4.2.4 sub i (termijnregel "toekenning_pgb"). */
static const char *event_beschikking(const json_t *body)
{
	const char *besluit = member_str(body, "besluit");
	size_t i;
	const json_t *p;
	if (!besluit || strcmp(besluit, "afgewezen") == 0)
		return NULL;
	json_array_foreach(json_object_get(body, "producten"), i, p)
		if (strcmp(member_str(p, "vorm"), "pgb") == 0)
			return "toekenning_pgb";
	return NULL;
}

/* To a gemeente of the region the zaak moves, to its CJG, and starts again
 * there; to any other (or when no region is configured) it is sent on and
 * ends here. Either way the iJw
 * reason is recorded: WJ759 code 8, woonplaatsbeginsel. */
static size_t rule_doorzenden(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	const char *g = member_str(body, "gemeente");
	if (g && strcmp(g, ctx->behandelend) == 0) {
		zk_invalid(invalid, "gemeente", "dit is de eigen gemeente: doorzenden is naar een andere gemeente");
		return 1;
	}
	if (!g)
		return 0;
	if (zk_regio_lid(g))
		ctx->verplaatsen_naar = g;
	else
		ctx->doorgezonden_naar = g;
	ctx->gegevens_extra = json_pack("{s:{s:s, s:s, s:s}, s:b}", "ijw_reden", "codelijst", "WJ759",
	    "code", "8", "omschrijving", "Woonplaatsbeginsel", "binnen_regio", zk_regio_lid(g));
	return 0;
}

static size_t rule_start_zorg(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	json_int_t nummer = json_integer_value(json_object_get(body, "toewijzing"));
	const json_t *t;
	size_t i;
	size_t n = not_future(invalid, body, "startdatum", ctx);
	json_array_foreach(ctx->toewijzingen, i, t) {
		zk_date start, ingang;
		if (json_integer_value(json_object_get(t, "nummer")) != nummer)
			continue;
		if (!json_is_null(json_object_get(t, "gestart_op"))) {
			zk_invalid(invalid, "toewijzing", "de start van deze toewijzing is al vastgelegd");
			return n + 1;
		}
		if (zk_date_parse(member_str(body, "startdatum"), &start) &&
		    zk_date_parse(member_str(t, "ingangsdatum"), &ingang) && zk_date_cmp(&start, &ingang) < 0) {
			zk_invalid(invalid, "startdatum", "ligt voor de ingangsdatum van de toewijzing");
			n++;
		}
		return n;
	}
	zk_invalid(invalid, "toewijzing", "deze zaak heeft geen toewijzing met dit nummer");
	return n + 1;
}

static bool termijn_of(const zk_action_ctx *ctx, const char *naam, zk_date *d)
{
	return zk_date_parse(json_string_value(json_object_get(ctx->termijnen, naam)), d);
}

static void set_termijn(zk_action_ctx *ctx, const char *naam, zk_day day, const char *grondslag)
{
	char datum[11];
	zk_day_format(day, datum);
	json_array_append_new(ctx->set, json_pack("{s:s, s:s, s:s}", "naam", naam, "datum", datum,
	    "grondslag", grondslag));
}

/* Awb 4:14: a new date, announced before the term ends. */
static size_t rule_verdagen(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	zk_date oud, nieuw;
	if (!termijn_of(ctx, "beschikking", &oud)) {
		zk_invalid(invalid, "nieuwe_datum", "er loopt geen beslistermijn");
		return 1;
	}
	if (zk_date_cmp(&ctx->today, &oud) > 0) {
		zk_invalid(invalid, "nieuwe_datum", "de beslistermijn is al verstreken: verdagen kan alleen daarvoor (Awb 4:14)");
		return 1;
	}
	if (!zk_date_parse(member_str(body, "nieuwe_datum"), &nieuw) || zk_date_cmp(&nieuw, &oud) <= 0) {
		zk_invalid(invalid, "nieuwe_datum", "moet na de huidige beslistermijn liggen");
		return 1;
	}
	set_termijn(ctx, "beschikking", zk_atw_einde(zk_day_from(&nieuw)),
	    "Awb art. 4:14: beslistermijn verdaagd");
	return 0;
}

/* Awb 4:15: the term stops while suspended. */
static size_t rule_opschorten(const json_t *body, zk_action_ctx *ctx, json_t *invalid)
{
	zk_date oud, van, tot;
	if (!termijn_of(ctx, "beschikking", &oud)) {
		zk_invalid(invalid, "van", "er loopt geen beslistermijn");
		return 1;
	}
	if (!zk_date_parse(member_str(body, "van"), &van) || !zk_date_parse(member_str(body, "tot"), &tot))
		return 0;
	if (zk_date_cmp(&tot, &van) < 0) {
		zk_invalid(invalid, "tot", "ligt voor van");
		return 1;
	}
	if (zk_date_cmp(&van, &oud) > 0) {
		zk_invalid(invalid, "van", "ligt na de beslistermijn");
		return 1;
	}
	set_termijn(ctx, "beschikking", zk_opgeschort(zk_day_from(&oud), zk_day_from(&van), zk_day_from(&tot)),
	    "Awb art. 4:15: beslistermijn opgeschort");
	return 0;
}

/* --- the table --- */

const zk_action zk_actions[] = {
	{ .name = "ontvangst_bevestigen", .from = from_ontvangen, .routes = ZK_ROUTES_ALL,
	  .to = "ontvangst_bevestigd", .fields = f_bevestigen,
	  .toelichting = "Ontvangst van de melding bevestigd (art. 3.1.2)." },
	{ .name = "vooronderzoek", .from = from_bevestigd, .routes = ZK_ROUTES_ALL,
	  .to = "vooronderzoek_afgerond", .fields = f_vooronderzoek, .rule = rule_vooronderzoek,
	  .toelichting = "Vooronderzoek afgerond: woonplaats vastgesteld, identiteit gecontroleerd (art. 3.2)." },
	{ .name = "gesprek", .from = from_vooronderzoek, .routes = ZK_ROUTES_ALL,
	  .to = "gesprek_gevoerd", .fields = f_gesprek, .rule = rule_gesprek,
	  .event = "gesprek", .event_date = "datum",
	  .toelichting = "Gesprek gevoerd (art. 3.3)." },
	{ .name = "verslag", .from = from_gesprek, .routes = ZK_ROUTES_ALL,
	  .to = "verslag_verstrekt", .fields = f_verslag, .rule = rule_verslag, .clears = clears_verslag,
	  .toelichting = "Verslag van het gesprek verstrekt (art. 3.4)." },
	{ .name = "verslag_aanvullen", .from = from_after_verslag, .routes = ZK_ROUTES_ALL,
	  .fields = f_aanvulling,
	  .toelichting = "Opmerkingen van het gezin aan het verslag toegevoegd (art. 3.4.2)." },
	{ .name = "gezinsplan", .from = from_plan, .routes = ZK_ROUTES_ALL,
	  .to = "gezinsplan_opgesteld", .fields = f_gezinsplan, .rule = rule_gezinsplan,
	  .writes_plan = true,
	  .toelichting = "Gezinsplan opgesteld (art. 3.5)." },
	{ .name = "aanvraag", .from = from_gezinsplan,
	  .routes = ZK_ROUTES_ALL, .to = "aanvraag_ontvangen", .fields = f_aanvraag,
	  .rule = rule_aanvraag, .event = "aanvraag", .event_date = "ontvangen_op",
	  .toelichting = "Aanvraag om een individuele voorziening ontvangen (art. 3.6)." },
	{ .name = "beoordeling", .from = from_aanvraag, .routes = ZK_ROUTES_ALL,
	  .to = "beoordeeld", .fields = f_beoordeling, .checks_ggz = true,
	  .toelichting = "Aanvraag beoordeeld op de criteria van art. 3.7.2." },
	{ .name = "advies", .from = from_beoordeeld, .routes = ZK_ROUTES_ALL,
	  .to = "advies_ontvangen", .fields = f_advies,
	  .toelichting = "Advies ingewonnen (art. 3.8)." },
	{ .name = "beschikken", .from = from_beslisbaar, .routes = ZK_ROUTES_ALL,
	  .to_field = "besluit", .fields = f_beschikking, .rule = rule_beschikking,
	  .checks_pgb = true, .allocates = true, .event_of = event_beschikking,
	  .clears = clears_all, .toelichting = "Beschikking gegeven." },
	/* 3.7.4: after a referral, the decision without the eigen-kracht steps. */
	{ .name = "beschikken", .from = from_verwezen, .routes = ZK_ROUTE_VERWIJZING,
	  .to_field = "besluit", .fields = f_beschikking, .rule = rule_beschikking,
	  .checks_pgb = true, .allocates = true, .event_of = event_beschikking, .clears = clears_all,
	  .toelichting = "Beschikking gegeven op grond van de verwijzing (art. 3.7.4)." },
	/* Gedwongen kader: the gemeente provides the help the GI deems necessary,
	 * straight from receipt, without eigen-kracht assessment. */
	{ .name = "beschikken", .from = from_mandaat, .routes = ZK_ROUTE_MANDAAT,
	  .to_field = "besluit", .fields = f_beschikking, .rule = rule_beschikking,
	  .checks_pgb = true, .allocates = true, .event_of = event_beschikking, .clears = clears_all,
	  .toelichting = "Beschikking gegeven op grond van het mandaat: de hulp wordt toegewezen "
	                 "zonder eigen-krachtonderzoek (gedwongen kader, art. 3.7.4)." },
	{ .name = "start_zorg", .from = from_toegekend, .routes = ZK_ROUTES_ALL,
	  .fields = f_start_zorg, .rule = rule_start_zorg, .starts = true,
	  .toelichting = "De aanbieder is met de toegewezen hulp begonnen." },
	{ .name = "tijdelijke_maatregel", .from = from_open, .routes = ZK_ROUTES_ALL,
	  .fields = f_tijdelijke_maatregel, .spoed_only = true, .clears = clears_spoed,
	  .outside_region = true,
	  .toelichting = "Tijdelijke maatregel getroffen wegens spoed (art. 3.1.3)." },
	{ .name = "werkwijze", .from = from_open, .routes = ZK_ROUTES_ALL, .fields = f_werkwijze,
	  .outside_region = true,
	  .toelichting = "Werkwijze vastgelegd: fase, opvoedsituatie en gebruikt instrument." },
	{ .name = "verdagen", .from = from_beslistermijn, .routes = ZK_ROUTES_ALL,
	  .fields = f_verdagen, .rule = rule_verdagen,
	  .toelichting = "Beslistermijn verdaagd (Awb art. 4:14)." },
	{ .name = "opschorten", .from = from_beslistermijn, .routes = ZK_ROUTES_ALL,
	  .fields = f_opschorten, .rule = rule_opschorten,
	  .toelichting = "Beslistermijn opgeschort (Awb art. 4:15)." },
	{ .name = "intrekken", .from = from_open, .routes = ZK_ROUTES_ALL,
	  .to = "ingetrokken", .fields = f_intrekken, .clears = clears_all, .outside_region = true,
	  .toelichting = "Aanvraag ingetrokken door het gezin." },
	/* Inside the region the zaak moves and starts again (the deadlines of
	 * receipt, of the receiving gemeente); outside it, it ends here. */
	{ .name = "doorzenden", .from = from_open, .routes = ZK_ROUTES_ALL,
	  .to = "doorgezonden", .fields = f_doorzenden, .rule = rule_doorzenden, .clears = clears_all,
	  .event = "ontvangst", .event_gemeente = "gemeente", .outside_region = true,
	  .toelichting = "Doorgezonden naar de gemeente van het woonplaatsbeginsel (iJw WJ759 code 8)." },
};
const size_t zk_nactions = sizeof(zk_actions) / sizeof(zk_actions[0]);

unsigned zk_route_bit(const char *route)
{
	if (!route)
		return 0;
	if (strcmp(route, "verwijzing") == 0)
		return ZK_ROUTE_VERWIJZING;
	if (strcmp(route, "mandaat") == 0)
		return ZK_ROUTE_MANDAAT;
	if (strcmp(route, "melding") == 0)
		return ZK_ROUTE_MELDING;
	if (strcmp(route, "overdracht") == 0)
		return ZK_ROUTE_OVERDRACHT;
	return 0;
}

bool zk_is_end_state(const char *status)
{
	for (size_t i = 0; zk_end_states[i]; i++)
		if (strcmp(zk_end_states[i], status) == 0)
			return true;
	return false;
}

const zk_action *zk_action_first(const char *name)
{
	for (size_t i = 0; i < zk_nactions; i++)
		if (strcmp(zk_actions[i].name, name) == 0)
			return &zk_actions[i];
	return NULL;
}

unsigned zk_flags(bool spoed, bool buiten_regio)
{
	return (spoed ? ZK_SPOED : 0u) | (buiten_regio ? ZK_BUITEN_REGIO : 0u);
}

static bool allowed(const zk_action *a, const char *status, unsigned route, unsigned flags)
{
	if (!(a->routes & route) || (a->spoed_only && !(flags & ZK_SPOED)) ||
	    ((flags & ZK_BUITEN_REGIO) && !a->outside_region))
		return false;
	for (size_t k = 0; a->from[k]; k++)
		if (strcmp(a->from[k], status) == 0)
			return true;
	return false;
}

const zk_action *zk_action_find(const char *name, const char *status, const char *route, unsigned flags)
{
	unsigned bit = zk_route_bit(route);
	for (size_t i = 0; i < zk_nactions; i++)
		if (strcmp(zk_actions[i].name, name) == 0 && allowed(&zk_actions[i], status, bit, flags))
			return &zk_actions[i];
	return NULL;
}

json_t *zk_actions_allowed(const char *status, const char *route, unsigned flags)
{
	unsigned bit = zk_route_bit(route);
	json_t *names = json_array();
	for (size_t i = 0; names && i < zk_nactions; i++) {
		bool seen = false;
		if (!allowed(&zk_actions[i], status, bit, flags))
			continue;
		for (size_t k = 0; k < json_array_size(names); k++)
			seen |= strcmp(json_string_value(json_array_get(names, k)), zk_actions[i].name) == 0;
		if (!seen)
			json_array_append_new(names, json_string(zk_actions[i].name));
	}
	return names;
}
