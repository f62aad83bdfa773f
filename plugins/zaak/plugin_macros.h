/*
 * The part every zaak plugin has in common: init and fini (code lists and
 * statements), the descriptor and its exported function. A plugin defines
 * its routes[] and then says ZK_PLUGIN("name") (or ZK_PLUGIN_WITH("name",
 * more_init), or ZK_PLUGIN_FULL("name", more_init, more_fini)); a create route's plugin
 * says ZK_CREATE_PLUGIN with its zk_route.
 */
#ifndef TOEGANG_ZAAK_PLUGIN_MACROS_H
#define TOEGANG_ZAAK_PLUGIN_MACROS_H

#include <toegang/plugin.h>

#include "plugin_common.h"
#include "zaak_store.h"

#define ZK_PLUGIN_FULL(NAME, EXTRA, EXTRA_FINI) \
	static int zk_init(const tg_services *svc, void **state) \
	{ \
		int (*extra)(const tg_services *) = EXTRA; \
		(void)state; \
		if (zk_plugin_init(svc, NAME) != 0) \
			return -1; \
		return extra ? extra(svc) : 0; \
	} \
	static void zk_fini(void *state) \
	{ \
		void (*extra_fini)(void) = EXTRA_FINI; \
		(void)state; \
		if (extra_fini) \
			extra_fini(); \
		zk_plugin_fini(); \
	} \
	static const tg_plugin zk_descriptor = \
	    TG_PLUGIN_DESCRIPTOR_INIT(NAME, "1.0", routes, zk_init, zk_fini); \
	TG_EXPORT const tg_plugin *toegang_plugin_describe(void); \
	const tg_plugin *toegang_plugin_describe(void) { return &zk_descriptor; }

#define ZK_PLUGIN_WITH(NAME, EXTRA) ZK_PLUGIN_FULL(NAME, EXTRA, NULL)
#define ZK_PLUGIN(NAME) ZK_PLUGIN_WITH(NAME, NULL)

/* A plugin whose one route is the POST that creates a zaak of route R. */
#define ZK_CREATE_PLUGIN(NAME, R, PATH, ROLES) \
	static tg_outcome zk_post(tg_request *req, const tg_services *svc, void *state) \
	{ \
		(void)state; \
		return zk_handle_create(req, svc, &(R)); \
	} \
	static const tg_route routes[] = { { "POST", PATH, zk_post, ROLES } }; \
	ZK_PLUGIN(NAME)

#endif
