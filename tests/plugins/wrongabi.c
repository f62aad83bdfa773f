/*
 * A plugin that claims another plugin API version, as one built against an
 * older or newer toegang would: the daemon must refuse it at start.
 */
#include <toegang/plugin.h>

#define OTHER_ABI (TOEGANG_PLUGIN_ABI + 1)

static tg_outcome never(tg_request *req, const tg_services *svc, void *state)
{
	(void)req, (void)svc, (void)state;
	return TG_FAIL_INTERNAL;
}

static const tg_route routes[] = { { "GET", "/api/v1/wrongabi", never, TG_ROUTE_ANY_ROLE } };

static const tg_plugin descriptor = {
	.abi = OTHER_ABI, .size = sizeof(tg_plugin), .name = "wrongabi", .version = "0",
	.routes = routes, .nroutes = 1,
};

TG_EXPORT const tg_plugin *toegang_plugin_describe(void);
const tg_plugin *toegang_plugin_describe(void) { return &descriptor; }
