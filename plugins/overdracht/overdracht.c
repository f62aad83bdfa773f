/*
 * overdracht: the Plein or a gebiedsgericht sociaal team hands a family over
 * to the CJG. POST /api/v1/overdrachten: the common body plus the reason
 * (reden) and the family's consent to share their data
 * (toestemming_gegevensdeling must be true: without it the team may not pass
 * the data on, and the answer says so), what the team tried (geprobeerd) and
 * the team with its contact. A team hands over families of its own
 * gemeente; it becomes the gezin's casusregisseur when there is none yet
 * (art. 2). The verwijzer is COD327 01 (gemeente).
 */
#include <string.h>

#include <toegang/plugin.h>

#include "plugin_macros.h"
#include "zaak_input.h"
#include "zaak_store.h"

static const char *refuse(const tg_principal *p, const zk_zaak_input *in)
{
	/* Its own gemeente's families, and those from outside the region (forwarded by its CJG). */
	if (strcmp(in->behandelende_gemeente, p->identity) == 0)
		return NULL;
	return "Een team draagt gezinnen over aan het CJG van de eigen gemeente.";
}

static const zk_route overdracht = {
	.route = "overdracht",
	.toelichting = "Overdracht van het sociale team aan het CJG ontvangen.",
	.fields = zk_overdracht_fields,
	/* iJw COD327 */
	.verwijzer_types = {
		[TG_ROLE_PLEIN] = "01",
		[TG_ROLE_GST] = "01",
	},
	.refuse = refuse,
};

ZK_CREATE_PLUGIN("overdracht", overdracht, "/api/v1/overdrachten",
	TG_ROLE_BIT(TG_ROLE_PLEIN) | TG_ROLE_BIT(TG_ROLE_GST))
