/* The shared create body as a validation table, and its cross-field rules. */
#include "zaak_input.h"

#include <stdio.h>
#include <string.h>

zk_codelijst zk_gemeenten;
zk_codelijst zk_productcategorieen;

/* iJw COD046: 0 onbekend, 1 mannelijk, 2 vrouwelijk (a JW301 carries it). */
static const char *const geslachten[] = { "0", "1", "2", NULL };
static const zk_field jeugdige_fields[] = {
	{ .name = "bsn", .kind = ZK_BSN, .required = true },
	{ .name = "geboortedatum", .kind = ZK_DATE, .required = true },
	{ .name = "naam", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = "geslacht", .kind = ZK_ENUM, .values = geslachten },
	{ .name = NULL },
};

static const zk_field gezaghebbende_fields[] = {
	{ .name = "bsn", .kind = ZK_BSN, .required = true },
	{ .name = "naam", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = "gemeente", .kind = ZK_CODE, .required = true, .codes = &zk_gemeenten,
	  .code_name = "CBS-gemeentecode" },
	{ .name = NULL },
};

const zk_field zk_zaak_fields[] = {
	{ .name = "jeugdige", .kind = ZK_OBJECT, .required = true, .fields = jeugdige_fields },
	{ .name = "gezaghebbenden", .kind = ZK_ARRAY, .required = true, .min = 1,
	  .max = ZK_MAX_GEZAGHEBBENDEN, .fields = gezaghebbende_fields },
	{ .name = "hulpvraag", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 4000 },
	{ .name = "spoed", .kind = ZK_BOOL },
	{ .name = "voortzetting", .kind = ZK_BOOL },
	{ .name = NULL },
};

const zk_field zk_verwijzing_fields[] = {
	{ .name = "specialisme", .kind = ZK_TEXT, .min = 1, .max = 200 },
	{ .name = "reden", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = "productcategorie", .kind = ZK_CODE, .codes = &zk_productcategorieen,
	  .code_name = "JZ020-productcategorie" },
	{ .name = "aanbieder_agb", .kind = ZK_AGB },
	{ .name = NULL },
};

static const char *const maatregelen[] = {
	"ots", "voogdij", "jeugdreclassering", "machtiging_gesloten_jeugdhulp", "overig", NULL,
};

/* The iJw WJ232 juridische status of a maatregel, where one applies. */
static const struct {
	const char *maatregel, *code;
} juridische_statussen[] = {
	{ "ots", "04" },                           /* Onder toezichtstelling */
	{ "machtiging_gesloten_jeugdhulp", "01" }, /* Rechterlijke machtiging */
	{ "jeugdreclassering", "12" },             /* Strafrechtelijke justitiële contacten (overig) */
};

const char *zk_juridische_status(const char *maatregel)
{
	for (size_t i = 0; maatregel && i < sizeof(juridische_statussen) / sizeof(juridische_statussen[0]); i++)
		if (strcmp(juridische_statussen[i].maatregel, maatregel) == 0)
			return juridische_statussen[i].code;
	return NULL;
}

/* iJw WJ756 eenheid and WMO757 frequentie. */
static const char *const eenheden[] = { "01", "04", "14", "16", "82", "83", "84", NULL };
static const char *const frequenties[] = { "1", "2", "4", "6", NULL };
const zk_field zk_omvang_fields[] = {
	{ .name = "volume", .kind = ZK_INT, .required = true, .min = 1, .max = 99999999 },
	{ .name = "eenheid", .kind = ZK_ENUM, .required = true, .values = eenheden },
	{ .name = "frequentie", .kind = ZK_ENUM, .required = true, .values = frequenties },
	{ .name = NULL },
};

/* Required by API.md; the jeugdhulp the GI deems necessary is optional. */
const zk_field zk_mandaat_fields[] = {
	{ .name = "maatregel", .kind = ZK_ENUM, .required = true, .values = maatregelen },
	{ .name = "uitspraakdatum", .kind = ZK_DATE, .required = true },
	{ .name = "kenmerk", .kind = ZK_TEXT, .required = true, .min = 1, .max = 100 },
	{ .name = "productcategorie", .kind = ZK_CODE, .codes = &zk_productcategorieen,
	  .code_name = "JZ020-productcategorie" },
	{ .name = "aanbieder_agb", .kind = ZK_AGB },
	{ .name = "omvang", .kind = ZK_OBJECT, .fields = zk_omvang_fields },
	{ .name = NULL },
};

/* 3.1.1: how it goes in the other domains of the family's life, each optional. */
static const zk_field domein_fields[] = {
	{ .name = "werk", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = "school", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = "inkomen", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = "wonen", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = "gezondheid", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = NULL },
};

const zk_field zk_melding_fields[] = {
	{ .name = "andere_domeinen", .kind = ZK_OBJECT, .fields = domein_fields },
	{ .name = NULL },
};

/* What the team tried before handing over (eigen kracht first, art. 2). */
static const zk_field geprobeerd_fields[] = {
	{ .name = "eigen_kracht", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = "netwerk", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = "algemene_voorzieningen", .kind = ZK_TEXT_LINES, .min = 1, .max = 2000 },
	{ .name = NULL },
};
/* The team and whom the CJG can call. */
static const zk_field team_fields[] = {
	{ .name = "naam", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = "contactpersoon", .kind = ZK_TEXT, .required = true, .min = 1, .max = 200 },
	{ .name = "telefoon", .kind = ZK_TEXT, .min = 1, .max = 30 },
	{ .name = "email", .kind = ZK_TEXT, .min = 3, .max = 254 },
	{ .name = NULL },
};

const zk_field zk_overdracht_fields[] = {
	{ .name = "reden", .kind = ZK_TEXT_LINES, .required = true, .min = 1, .max = 2000 },
	{ .name = "toestemming_gegevensdeling", .kind = ZK_BOOL, .required = true },
	{ .name = "geprobeerd", .kind = ZK_OBJECT, .fields = geprobeerd_fields },
	{ .name = "team", .kind = ZK_OBJECT, .fields = team_fields },
	{ .name = NULL },
};

int zk_codelijsten_load(const char *dir, char *err, size_t errlen)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/CBS_Gemeentecodes.md", dir);
	if (zk_codelijst_load(&zk_gemeenten, path, 4, err, errlen) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/JZ020_Productcategorie.md", dir);
	if (zk_codelijst_load(&zk_productcategorieen, path, 2, err, errlen) != 0) {
		zk_codelijst_free(&zk_gemeenten);
		return -1;
	}
	return 0;
}

void zk_codelijsten_free(void)
{
	zk_codelijst_free(&zk_gemeenten);
	zk_codelijst_free(&zk_productcategorieen);
}

static const char *str(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

static const json_t *object_or_null(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);
	return json_is_object(v) ? v : NULL;
}

static void persons_distinct(zk_zaak_input *in, json_t *invalid, int *bad)
{
	char name[64];
	for (size_t i = 0; i < in->ngezaghebbenden; i++) {
		if (!in->gezaghebbenden[i].bsn)
			continue;
		snprintf(name, sizeof(name), "gezaghebbenden[%zu].bsn", i);
		if (in->jeugdige.bsn && strcmp(in->gezaghebbenden[i].bsn, in->jeugdige.bsn) == 0) {
			zk_invalid(invalid, name, "is hetzelfde BSN als dat van de jeugdige");
			*bad = 1;
		}
		for (size_t k = 0; k < i; k++) {
			if (in->gezaghebbenden[k].bsn &&
			    strcmp(in->gezaghebbenden[i].bsn, in->gezaghebbenden[k].bsn) == 0) {
				zk_invalid(invalid, name, "deze gezaghebbende staat er al in");
				*bad = 1;
			}
		}
	}
}

static void age_rule(zk_zaak_input *in, const zk_date *today, json_t *invalid, int *bad)
{
	zk_date birth;
	int age;
	if (!zk_date_parse(in->jeugdige.geboortedatum, &birth))
		return; /* already reported by the table */
	if (zk_date_cmp(&birth, today) > 0) {
		zk_invalid(invalid, "jeugdige.geboortedatum", "ligt in de toekomst");
		*bad = 1;
		return;
	}
	age = zk_age_on(&birth, today);
	if (age >= ZK_CONTINUATION_LIMIT) {
		zk_invalid(invalid, "jeugdige.geboortedatum",
		    "de jeugdige is 23 jaar of ouder; de Jeugdwet geldt tot 18 jaar, of tot 23 jaar bij voortgezette jeugdhulp");
		*bad = 1;
	} else if (age >= ZK_ADULT_AGE && !in->voortzetting) {
		zk_invalid(invalid, "jeugdige.geboortedatum",
		    "de jeugdige is 18 jaar of ouder: alleen voortgezette jeugdhulp is mogelijk (zet \"voortzetting\": true)");
		*bad = 1;
	}
}

/* Rules of the route fields; each applies only where the route's table has the field. */
static void route_rules(const zk_zaak_input *in, const json_t *body, const zk_date *today,
    json_t *invalid, int *bad)
{
	zk_date d;
	if (in->uitspraakdatum && zk_date_parse(in->uitspraakdatum, &d) && zk_date_cmp(&d, today) > 0) {
		zk_invalid(invalid, "uitspraakdatum", "ligt in de toekomst");
		*bad = 1;
	}
	if (json_is_false(json_object_get(body, "toestemming_gegevensdeling"))) {
		zk_invalid(invalid, "toestemming_gegevensdeling",
		    "zonder toestemming van het gezin mag het team de gegevens niet overdragen: "
		    "vraag die eerst, of verwijs het gezin zelf naar het CJG");
		*bad = 1;
	}
}

int zk_zaak_input_parse(const json_t *body, const zk_field *extra, const zk_date *today,
    zk_zaak_input *out, json_t *invalid)
{
	const zk_field *tables[3] = { zk_zaak_fields, extra, NULL };
	const json_t *j, *g;
	int bad = 0;

	memset(out, 0, sizeof(*out));
	if (!json_is_object(body)) {
		zk_invalid(invalid, "", "de body moet een JSON-object zijn");
		return -1;
	}
	/* The table first; the rules across fields run too, on whatever of their
	 * inputs is well-formed, so that one answer names every problem. */
	if (zk_validate(body, tables, "", invalid) > 0)
		bad = 1;

	j = json_object_get(body, "jeugdige");
	out->jeugdige.bsn = str(j, "bsn");
	out->jeugdige.naam = str(j, "naam");
	out->jeugdige.geboortedatum = str(j, "geboortedatum");
	out->jeugdige.geslacht = str(j, "geslacht");
	g = json_object_get(body, "gezaghebbenden");
	out->ngezaghebbenden = json_array_size(g);
	if (out->ngezaghebbenden > ZK_MAX_GEZAGHEBBENDEN)
		out->ngezaghebbenden = ZK_MAX_GEZAGHEBBENDEN;
	for (size_t i = 0; i < out->ngezaghebbenden; i++) {
		const json_t *p = json_array_get(g, i);
		out->gezaghebbenden[i].bsn = str(p, "bsn");
		out->gezaghebbenden[i].naam = str(p, "naam");
		out->gezaghebbenden[i].gemeente = str(p, "gemeente");
	}
	out->hulpvraag = str(body, "hulpvraag");
	out->spoed = json_is_true(json_object_get(body, "spoed"));
	out->voortzetting = json_is_true(json_object_get(body, "voortzetting"));
	out->specialisme = str(body, "specialisme");
	out->reden = str(body, "reden");
	out->productcategorie = str(body, "productcategorie");
	out->aanbieder_agb = str(body, "aanbieder_agb");
	out->maatregel = str(body, "maatregel");
	out->uitspraakdatum = str(body, "uitspraakdatum");
	out->kenmerk = str(body, "kenmerk");
	out->andere_domeinen = object_or_null(body, "andere_domeinen");
	out->omvang = object_or_null(body, "omvang");
	out->geprobeerd = object_or_null(body, "geprobeerd");
	out->team = object_or_null(body, "team");
	out->juridische_status = zk_juridische_status(out->maatregel);
	out->has_toestemming = json_is_boolean(json_object_get(body, "toestemming_gegevensdeling"));
	out->toestemming_gegevensdeling = json_is_true(json_object_get(body, "toestemming_gegevensdeling"));

	persons_distinct(out, invalid, &bad);
	age_rule(out, today, invalid, &bad);
	route_rules(out, body, today, invalid, &bad);
	if (bad)
		return -1;

	/* Woonplaatsbeginsel: the gemeente where the gezaghebbende(n) live. When
	 * they live apart the zaak goes to the first one's gemeente, flagged for
	 * the CJG to settle (e.g. with whom the child lives, via the BRP). */
	out->verantwoordelijke_gemeente = out->gezaghebbenden[0].gemeente;
	for (size_t i = 1; i < out->ngezaghebbenden; i++)
		if (strcmp(out->gezaghebbenden[i].gemeente, out->verantwoordelijke_gemeente) != 0)
			out->woonplaats_te_bepalen = true;
	return 0;
}
