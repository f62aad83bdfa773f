/*
 * melding: a parent or the child reports to the CJG (Nadere regels 3.1), or
 * a CJG worker records such a report. POST /api/v1/meldingen takes the
 * common body. A parent may only report a child over whom they have gezag
 * (their BSN among the gezaghebbenden), a child only themselves; a CJG
 * records meldingen for its own gemeente, and for families from outside the
 * region, which it then forwards (doorzending, woonplaatsbeginsel). The verwijzer is
 * COD327 06 (zelfverwijzer) or 01 (gemeente).
 */
#include <string.h>

#include <toegang/plugin.h>

#include "plugin_macros.h"
#include "zaak_input.h"
#include "zaak_store.h"

static const char *refuse(const tg_principal *p, const zk_zaak_input *in)
{
	switch (p->role) {
	case TG_ROLE_OUDER:
		for (size_t i = 0; i < in->ngezaghebbenden; i++)
			if (strcmp(in->gezaghebbenden[i].bsn, p->identity) == 0)
				return NULL;
		return "Een ouder kan alleen een melding doen voor een kind over wie hij of zij gezag "
		       "heeft: uw BSN staat niet bij de gezaghebbenden.";
	case TG_ROLE_JEUGDIGE:
		if (strcmp(in->jeugdige.bsn, p->identity) == 0)
			return NULL;
		return "Een jeugdige kan alleen voor zichzelf een melding doen.";
	case TG_ROLE_CJG:
		/* Its own gemeente's families, and those from outside the region, which it forwards. */
		if (strcmp(in->behandelende_gemeente, p->identity) == 0)
			return NULL;
		return "Een CJG registreert meldingen voor gezinnen in de eigen gemeente "
		       "(of van buiten de regio, om ze door te zenden).";
	default:
		return "Deze rol kan geen melding doen.";
	}
}

static const zk_route melding = {
	.route = "melding",
	.toelichting = "Melding ontvangen bij het CJG (art. 3.1).",
	.fields = zk_melding_fields,
	/* iJw COD327 */
	.verwijzer_types = {
		[TG_ROLE_OUDER] = "06",
		[TG_ROLE_JEUGDIGE] = "06",
		[TG_ROLE_CJG] = "01",
	},
	.refuse = refuse,
};

ZK_CREATE_PLUGIN("melding", melding, "/api/v1/meldingen",
	TG_ROLE_BIT(TG_ROLE_OUDER) | TG_ROLE_BIT(TG_ROLE_JEUGDIGE) |
	TG_ROLE_BIT(TG_ROLE_CJG))
