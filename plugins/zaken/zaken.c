/*
 * zaken: reading zaken, whatever route made them. GET /api/v1/zaken/{id}
 * and GET /api/v1/zaken for every role; what each caller sees follows
 * API.md "Who sees what", in the query and again in PostgreSQL's row-level
 * security. Every read is in the access log, one record per zaak shown.
 */
#include <toegang/plugin.h>

#include "plugin_macros.h"
#include "zaak_store.h"

static tg_outcome get_zaak(tg_request *req, const tg_services *svc, void *state)
{
	(void)state;
	return zk_zaak_get(req, svc, svc->path_param(req, "id"));
}

static tg_outcome get_zaken(tg_request *req, const tg_services *svc, void *state)
{
	(void)state;
	return zk_zaken_list(req, svc);
}

static const tg_route routes[] = {
	{ "GET", "/api/v1/zaken/{id}", get_zaak, TG_ROUTE_ANY_ROLE },
	{ "GET", "/api/v1/zaken", get_zaken, TG_ROUTE_ANY_ROLE },
};

ZK_PLUGIN("zaken")
