/* The toewijzingsvarianten of iJw 3.2; see ijw_variant.h. */
#include "ijw_variant.h"

#include <stdio.h>
#include <string.h>

#include "fields.h"

/*
 * Specifieke toewijzingen (category, code and volume): every eenheid with
 * the frequenties it may have, and whether an end date is then required.
 * From the iJw tables "Toewijzingsvarianten inspanningsgericht /
 * outputgericht"; "totaal binnen geldigheidsduur" (6) needs an end date,
 * since a total over an open period means nothing.
 */
static const struct {
	const char *eenheid, *frequentie;
	bool einddatum;
} specifiek[] = {
	{ "01", "1", false }, { "01", "2", true }, { "01", "4", false }, { "01", "6", true },  /* minuut */
	{ "04", "1", false }, { "04", "2", true }, { "04", "4", false }, { "04", "6", true },  /* uur */
	{ "16", "2", true }, { "16", "4", false }, { "16", "6", true },                        /* dagdeel */
	{ "14", "2", true }, { "14", "4", false }, { "14", "6", true },                        /* etmaal */
	{ "84", "2", true }, { "84", "4", false }, { "84", "6", true },                        /* stuks (inspanning) */
	{ "82", "1", false }, { "82", "2", true }, { "82", "4", false }, { "82", "6", true },  /* stuks (output) */
	{ "83", "2", true }, { "83", "4", false }, { "83", "6", true },                        /* euro's */
};

static const char *const frequentie_naam[] = { [1] = "per dag", [2] = "per week",
	[4] = "per maand", [6] = "totaal binnen de geldigheidsduur" };

int zk_variant_check(const zk_variant *v, const zk_variant_names *names, json_t *invalid)
{
	int n = 0;
	bool omvang = v->eenheid && v->frequentie;

	if (omvang && v->budget) {
		zk_invalid(invalid, names->budget, "een toewijzing heeft een omvang of een budget, niet "
		    "allebei (iJw toewijzingsvarianten)");
		return 1;
	}
	if (omvang) {
		size_t i, rows = sizeof(specifiek) / sizeof(specifiek[0]);
		if (!v->categorie) {
			zk_invalid(invalid, names->categorie, "een specifieke toewijzing (met omvang) noemt "
			    "de productcategorie (JZ020)");
			n++;
		}
		if (!v->code) {
			zk_invalid(invalid, names->code, "een specifieke toewijzing (met omvang) noemt de "
			    "productcode; zonder productcode is de toewijzing aspecifiek, zonder omvang");
			n++;
		}
		for (i = 0; i < rows; i++)
			if (strcmp(specifiek[i].eenheid, v->eenheid) == 0 &&
			    strcmp(specifiek[i].frequentie, v->frequentie) == 0)
				break;
		if (i == rows) {
			zk_invalid(invalid, names->frequentie, "deze frequentie past niet bij deze eenheid "
			    "(iJw toewijzingsvarianten: per dag alleen bij minuut, uur of stuks output)");
			n++;
		} else if (specifiek[i].einddatum && !v->einddatum) {
			char reason[160];
			int f = v->frequentie[0] - '0';
			snprintf(reason, sizeof(reason), "bij frequentie %s is een einddatum verplicht "
			    "(iJw toewijzingsvarianten)", f >= 0 && f <= 6 && frequentie_naam[f] ?
			    frequentie_naam[f] : v->frequentie);
			zk_invalid(invalid, names->einddatum, reason);
			n++;
		}
		return n;
	}
	/* aspecifiek (category, no code) or generiek (budget only) */
	if (v->code) {
		zk_invalid(invalid, names->code, "zonder omvang is de toewijzing aspecifiek en heeft zij "
		    "geen productcode; geef een omvang of laat de productcode weg");
		n++;
	}
	if (!v->categorie && !v->budget) {
		zk_invalid(invalid, names->categorie, "een toewijzing zonder omvang en zonder budget "
		    "noemt de productcategorie (JZ020)");
		n++;
	}
	if (v->budget && !v->einddatum) {
		zk_invalid(invalid, names->einddatum, "een toewijzing met een budget heeft een einddatum "
		    "(iJw toewijzingsvarianten)");
		n++;
	}
	return n;
}
