/*
 * Plugin loading. A plugin built against another ABI must stop the daemon at
 * start, with a message naming the plugin and both versions: running it would
 * read its descriptor with the wrong layout.
 */
#include "plugin_loader.h"

#include <dlfcn.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The descriptor fields ABI 1 needs, whatever was added after them. */
#define MIN_DESCRIPTOR_SIZE (offsetof(tg_plugin, fini) + sizeof(((tg_plugin *)0)->fini))

static int name_ok(const char *s, size_t len)
{
	if (len == 0 || len > 64)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static int load_one(const tg_config *cfg, tg_router *router, const tg_services *svc,
    tg_loaded_plugin *lp, char *err, size_t errlen)
{
	char path[4096];
	char rerr[256];
	tg_plugin_describe_fn describe;
	const tg_plugin *d;

	snprintf(path, sizeof(path), "%s/%s.so", cfg->plugin_dir, lp->name);
	/* Plugins are loaded, and init runs, as root: a file others can write is theirs to run as root. */
	if (geteuid() == 0) {
		struct stat st;
		if (stat(path, &st) != 0) {
			snprintf(err, errlen, "plugin %s: cannot load %s: %s", lp->name, path,
			    strerror(errno));
			return -1;
		}
		if (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH))) {
			snprintf(err, errlen,
			    "plugin %s: %s must be owned by root and writable by no one else",
			    lp->name, path);
			return -1;
		}
	}
	lp->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!lp->handle) {
		snprintf(err, errlen, "plugin %s: cannot load %s: %s", lp->name, path, dlerror());
		return -1;
	}
	/* POSIX lets a void * hold a function address from dlsym. */
	*(void **)&describe = dlsym(lp->handle, TOEGANG_PLUGIN_SYMBOL);
	if (!describe) {
		snprintf(err, errlen, "plugin %s (%s): no %s symbol: not a toegang plugin", lp->name,
		    path, TOEGANG_PLUGIN_SYMBOL);
		return -1;
	}
	d = describe();
	if (!d) {
		snprintf(err, errlen, "plugin %s: %s returned no descriptor", lp->name,
		    TOEGANG_PLUGIN_SYMBOL);
		return -1;
	}
	if (d->abi != TOEGANG_PLUGIN_ABI) {
		snprintf(err, errlen,
		    "plugin %s (%s) was built against plugin API %u, this toegangd has plugin API %u: "
		    "rebuild the plugin",
		    lp->name, path, (unsigned)d->abi, (unsigned)TOEGANG_PLUGIN_ABI);
		return -1;
	}
	if (d->size < MIN_DESCRIPTOR_SIZE) {
		snprintf(err, errlen,
		    "plugin %s: descriptor of %u bytes, plugin API %u needs at least %zu",
		    lp->name, (unsigned)d->size, (unsigned)TOEGANG_PLUGIN_ABI, MIN_DESCRIPTOR_SIZE);
		return -1;
	}
	if (!d->name || strcmp(d->name, lp->name) != 0) {
		snprintf(err, errlen, "plugin %s: its descriptor names it \"%s\"", lp->name,
		    d->name ? d->name : "(null)");
		return -1;
	}
	if (d->nroutes > 0 && !d->routes) {
		snprintf(err, errlen, "plugin %s: routes missing", lp->name);
		return -1;
	}
	lp->desc = d;
	for (size_t i = 0; i < d->nroutes; i++) {
		if (tg_router_add(router, &d->routes[i], lp, rerr, sizeof(rerr)) != 0) {
			snprintf(err, errlen, "plugin %s: %s", lp->name, rerr);
			return -1;
		}
	}
	if (d->init) {
		if (d->init(svc, &lp->state) != 0) {
			snprintf(err, errlen, "plugin %s: init failed (see the log line before this)",
			    lp->name);
			return -1;
		}
		lp->initialised = 1;
	}
	return 0;
}

/* How many names a space- or comma-separated list holds (an upper bound is enough). */
static size_t count_names(const char *p)
{
	size_t n = 0;
	while (*p) {
		p += strspn(p, " ,\t");
		if (*p)
			n++;
		p += strcspn(p, " ,\t");
	}
	return n;
}

int tg_plugins_load(const tg_config *cfg, tg_router *router, const tg_services *svc,
    tg_plugin_set *set, char *err, size_t errlen)
{
	const char *p = cfg->plugins;
	size_t cap = count_names(p);

	memset(set, 0, sizeof(*set));
	if (cap == 0)
		return 0;
	/* Allocated once: the router keeps pointers to these entries as route owners. */
	set->items = calloc(cap, sizeof(*set->items));
	if (!set->items) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	while (*p) {
		size_t len;
		p += strspn(p, " ,\t");
		len = strcspn(p, " ,\t");
		if (len == 0)
			break;
		if (!name_ok(p, len)) {
			snprintf(err, errlen, "plugins: \"%.*s\" is not a plugin name ([a-z0-9_])",
			    (int)(len > 64 ? 64 : len), p);
			return -1;
		}
		for (size_t i = 0; i < set->n; i++) {
			if (strlen(set->items[i].name) == len && strncmp(set->items[i].name, p, len) == 0) {
				snprintf(err, errlen, "plugins: %.*s is listed twice", (int)len, p);
				return -1;
			}
		}
		set->items[set->n].name = strndup(p, len);
		if (!set->items[set->n].name) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		set->n++;
		if (load_one(cfg, router, svc, &set->items[set->n - 1], err, errlen) != 0)
			return -1;
		p += len;
	}
	return 0;
}

void tg_plugins_unload(tg_plugin_set *set)
{
	for (size_t i = set->n; i-- > 0;) {
		tg_loaded_plugin *lp = &set->items[i];
		if (lp->initialised && lp->desc->fini)
			lp->desc->fini(lp->state);
		/* The router may still point into the plugin's routes: the caller frees it first. */
		if (lp->handle)
			dlclose(lp->handle);
		free(lp->name);
	}
	free(set->items);
	memset(set, 0, sizeof(*set));
}
