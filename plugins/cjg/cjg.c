/*
 * cjg: the CJG at work on the procedure of the Nadere regels (art. 3.1-3.8).
 * POST /api/v1/zaken/{id}/acties/{actie} takes one step of the procedure
 * (plugins/zaak/procedure.c) on a zaak of the worker's own gemeente;
 * GET /api/v1/werkvoorraad lists the open zaken by nearest deadline. The
 * family reads who looked at their zaak: GET /api/v1/zaken/{id}/inzage.
 * POST /api/v1/zaken/{id}/brp-woonplaats asks the BRP for the woonplaats
 * (brp_woonplaats.c), where the deployment has one configured.
 */
#include <toegang/plugin.h>

#include "brp_woonplaats.h"
#include "plugin_macros.h"
#include "zaak_action.h"

static tg_outcome post_actie(tg_request *req, const tg_services *svc, void *state)
{
	(void)state;
	return zk_action_post(req, svc, svc->path_param(req, "id"), svc->path_param(req, "actie"));
}

static tg_outcome get_werkvoorraad(tg_request *req, const tg_services *svc, void *state)
{
	(void)state;
	return zk_werkvoorraad(req, svc);
}

static tg_outcome get_inzage(tg_request *req, const tg_services *svc, void *state)
{
	(void)state;
	return zk_inzage(req, svc, svc->path_param(req, "id"));
}

static const tg_route routes[] = {
	{ "POST", "/api/v1/zaken/{id}/acties/{actie}", post_actie, TG_ROLE_BIT(TG_ROLE_CJG) },
	{ "GET", "/api/v1/werkvoorraad", get_werkvoorraad, TG_ROLE_BIT(TG_ROLE_CJG) },
	{ "GET", "/api/v1/zaken/{id}/inzage", get_inzage, TG_ROUTE_ANY_ROLE },
	{ "POST", "/api/v1/zaken/{id}/brp-woonplaats", brp_woonplaats_post, TG_ROLE_BIT(TG_ROLE_CJG) },
};

static int init_cjg(const tg_services *svc)
{
	if (zk_action_init(svc, "cjg") != 0)
		return -1;
	return brp_woonplaats_init(svc);
}

static void fini_cjg(void)
{
	brp_woonplaats_fini();
	zk_action_fini();
}

ZK_PLUGIN_FULL("cjg", init_cjg, fini_cjg)
