/*
 * mandaat: the gedwongen kader. A gecertificeerde instelling, kinderrechter,
 * officier van justitie or justitiële jeugdinrichting registers help that a
 * measure (ots, voogdij, jeugdreclassering, machtiging gesloten jeugdhulp)
 * makes necessary, and which the gemeente must then provide (Jeugdwet
 * art. 2.3 lid 2, quoted in the seed's bijlage toegangscriteria). POST
 * /api/v1/mandaten: the common body plus maatregel, uitspraakdatum and
 * kenmerk (API.md), optionally the JZ020 productcategorie and provider the
 * GI deems necessary. The registering organisation (org claim) sees its
 * mandates; the verwijzer is COD327 04 (GI) or 08 (rechter, OM, JJI).
 */
#include <toegang/plugin.h>

#include "plugin_macros.h"
#include "zaak_input.h"
#include "zaak_store.h"

static const zk_route mandaat = {
	.route = "mandaat",
	.toelichting = "Mandaat geregistreerd in het gedwongen kader; de gemeente moet deze jeugdhulp bieden.",
	.fields = zk_mandaat_fields,
	/* iJw COD327 */
	.verwijzer_types = {
		[TG_ROLE_GI] = "04",
		[TG_ROLE_RECHTER] = "08",
		[TG_ROLE_OM] = "08",
		[TG_ROLE_JJI] = "08",
	},
};

ZK_CREATE_PLUGIN("mandaat", mandaat, "/api/v1/mandaten",
	TG_ROLE_BIT(TG_ROLE_GI) | TG_ROLE_BIT(TG_ROLE_RECHTER) |
	TG_ROLE_BIT(TG_ROLE_OM) | TG_ROLE_BIT(TG_ROLE_JJI))
