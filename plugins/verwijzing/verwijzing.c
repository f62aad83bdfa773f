/*
 * verwijzing: a huisarts, jeugdarts or medisch specialist refers a child
 * (Jeugdwet art. 2.6 lid 1 sub g; Nadere regels 3.7.3). POST
 * /api/v1/verwijzingen takes the common create body plus the referrer's
 * specialisme and reden, an optional JZ020 productcategorie and an optional
 * intended provider (AGB). The verwijzer is recorded as its iJw COD327 type
 * and the AGB code of the token, so that a JW315/JW301 can be made of it.
 */
#include <toegang/plugin.h>

#include "plugin_macros.h"
#include "zaak_input.h"
#include "zaak_store.h"

static const zk_route verwijzing = {
	.route = "verwijzing",
	.toelichting = "Verwijzing ontvangen; de ontvangst is aan de verwijzer bevestigd (art. 3.1.2).",
	.fields = zk_verwijzing_fields,
	/* iJw COD327 */
	.verwijzer_types = {
		[TG_ROLE_HUISARTS] = "02",
		[TG_ROLE_JEUGDARTS] = "03",
		[TG_ROLE_MEDISCH_SPECIALIST] = "05",
	},
};

ZK_CREATE_PLUGIN("verwijzing", verwijzing, "/api/v1/verwijzingen",
	TG_ROLE_BIT(TG_ROLE_HUISARTS) | TG_ROLE_BIT(TG_ROLE_JEUGDARTS) |
	TG_ROLE_BIT(TG_ROLE_MEDISCH_SPECIALIST))
