/*
 * Loading plugins: dlopen each name the configuration lists, check the
 * descriptor's ABI and size, register its routes, run its init.
 */
#ifndef TOEGANG_PLUGIN_LOADER_H
#define TOEGANG_PLUGIN_LOADER_H

#include <stddef.h>

#include <toegang/plugin.h>

#include "config.h"
#include "router.h"

typedef struct tg_loaded_plugin {
	char *name;
	void *handle;
	const tg_plugin *desc;
	void *state;
	int initialised;
} tg_loaded_plugin;

typedef struct tg_plugin_set {
	tg_loaded_plugin *items;
	size_t n;
} tg_plugin_set;

/*
 * Loads cfg->plugins from cfg->plugin_dir into set, adding their routes to
 * router. Returns 0, or -1 with a message naming the plugin in err.
 */
int tg_plugins_load(const tg_config *cfg, tg_router *router, const tg_services *svc,
    tg_plugin_set *set, char *err, size_t errlen);
/* Runs fini of every initialised plugin and unloads all. */
void tg_plugins_unload(tg_plugin_set *set);

#endif
