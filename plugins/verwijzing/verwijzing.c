/*
 * verwijzing: a huisarts, jeugdarts or medisch specialist refers a child
 * (Jeugdwet art. 2.6 lid 1 sub g; Nadere regels 3.7.3). POST
 * /api/v1/verwijzingen takes the common create body plus the referrer's
 * specialisme and reden, an optional JZ020 productcategorie and an optional
 * intended provider (AGB). The verwijzer is recorded as its iJw COD327 type
 * and the AGB code of the token, so that a JW315/JW301 can be made of it.
 */
#include <toegang/plugin.h>

#include "plugin_common.h"
#include "zaak_input.h"
#include "zaak_store.h"

/* iJw COD327 per referring role. */
static const char *verwijzer_type(tg_role role)
{
	switch (role) {
	case TG_ROLE_HUISARTS: return "02";
	case TG_ROLE_JEUGDARTS: return "03";
	case TG_ROLE_MEDISCH_SPECIALIST: return "05";
	default: return NULL;
	}
}

static tg_outcome post_verwijzing(tg_request *req, const tg_services *svc, void *state)
{
	static const zk_route route = {
		.route = "verwijzing",
		.toelichting = "Verwijzing ontvangen; de ontvangst is aan de verwijzer bevestigd (art. 3.1.2).",
	};
	const tg_principal *p = svc->principal(req);
	const char *type = verwijzer_type(p->role);
	json_t *body = NULL, *invalid;
	zk_zaak_input in;
	zk_date today;
	tg_outcome out;
	(void)state;

	if (!type) /* the route table admits only the three roles */
		return TG_FAIL_INTERNAL;
	if (svc->read_json(req, &body) != 0)
		return TG_DONE;
	invalid = json_array();
	if (!invalid) {
		json_decref(body);
		return TG_FAIL_INTERNAL;
	}
	zk_today(svc, &today);
	if (zk_zaak_input_parse(body, zk_verwijzing_fields, &today, &in, invalid) != 0) {
		svc->send_problem(req, 422, "validation", "Unprocessable Content",
		    "De verwijzing is niet opgeslagen: zie invalid-params.", invalid);
		json_decref(invalid);
		json_decref(body);
		return TG_DONE;
	}
	json_decref(invalid);
	out = zk_zaak_create(req, svc, body, &in, &route, type);
	json_decref(body);
	return out;
}

static int init(const tg_services *svc, void **state)
{
	(void)state;
	return zk_plugin_init(svc, "verwijzing");
}

static void fini(void *state)
{
	(void)state;
	zk_plugin_fini();
}

static const tg_route routes[] = {
	{ "POST", "/api/v1/verwijzingen", post_verwijzing,
	  TG_ROLE_BIT(TG_ROLE_HUISARTS) | TG_ROLE_BIT(TG_ROLE_JEUGDARTS) |
	  TG_ROLE_BIT(TG_ROLE_MEDISCH_SPECIALIST) },
};

static const tg_plugin descriptor =
    TG_PLUGIN_DESCRIPTOR_INIT("verwijzing", "1.0", routes, init, fini);

TG_EXPORT const tg_plugin *toegang_plugin_describe(void);
const tg_plugin *toegang_plugin_describe(void) { return &descriptor; }
