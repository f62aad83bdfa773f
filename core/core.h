/*
 * What the master builds at start-up and every worker inherits by fork:
 * the configuration, the route table, the JWT verifier, the loaded plugins.
 * Read-only after start-up.
 */
#ifndef TOEGANG_CORE_H
#define TOEGANG_CORE_H

#include "auth_jwt.h"
#include "config.h"
#include "plugin_loader.h"
#include "router.h"

typedef struct tg_core {
	tg_config config;
	tg_router *router;
	tg_jwt_verifier *verifier;
	tg_plugin_set plugins;
	int listen_fd;
	/* The periodic VNG list sync run by the master (landelijk.interval
	 * seconds; 0: never), with the daemon's own configuration. */
	long sync_interval;
	const char *sync_command;
	const char *config_path;
	char **overrides;      /* the -s key=value arguments, as given */
	size_t noverrides;
} tg_core;

#endif
