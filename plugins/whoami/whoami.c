/*
 * whoami: the smallest plugin that proves the path from nginx to a plugin
 * handler: routing, authentication, the role check, the services table and
 * the access log. GET /api/v1/whoami answers the caller's role and which
 * claim identified them (not its value: a BSN does not travel back).
 */
#include <toegang/plugin.h>

static tg_outcome whoami(tg_request *req, const tg_services *svc, void *state)
{
	const tg_principal *p = svc->principal(req);
	static const char *const claim[] = {
		[TG_IDENTITY_AGB] = "agb", [TG_IDENTITY_ORG] = "org",
		[TG_IDENTITY_BSN] = "bsn", [TG_IDENTITY_GEMEENTE] = "gemeente",
	};
	json_t *body;
	(void)state;

	if (svc->audit(req, "whoami", NULL, NULL, "ok") != 0)
		return TG_FAIL_DB;
	body = json_pack("{s:s, s:s}", "role", p->role_name, "identity_claim",
	    claim[p->identity_kind]);
	if (!body)
		return TG_FAIL_INTERNAL;
	svc->send_json(req, 200, body, NULL);
	json_decref(body);
	return TG_DONE;
}

static int init(const tg_services *svc, void **state)
{
	(void)state;
	if (svc->abi != TOEGANG_PLUGIN_ABI || svc->size < sizeof(tg_services))
		return -1;
	return 0;
}

static const tg_route routes[] = {
	{ "GET", "/api/v1/whoami", whoami, TG_ROUTE_ANY_ROLE },
};

static const tg_plugin descriptor = TG_PLUGIN_DESCRIPTOR_INIT("whoami", "1.0", routes, init, NULL);

TG_EXPORT const tg_plugin *toegang_plugin_describe(void);
const tg_plugin *toegang_plugin_describe(void) { return &descriptor; }
