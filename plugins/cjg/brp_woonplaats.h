/* POST /api/v1/zaken/{id}/brp-woonplaats: the BRP's proposal for the woonplaats. */
#ifndef TOEGANG_CJG_BRP_WOONPLAATS_H
#define TOEGANG_CJG_BRP_WOONPLAATS_H

#include <toegang/plugin.h>

/* Reads cjg.brp_* at start-up; the route answers 404 when brp_url is unset. 0 or -1. */
int brp_woonplaats_init(const tg_services *svc);
void brp_woonplaats_fini(void);
tg_outcome brp_woonplaats_post(tg_request *req, const tg_services *svc, void *state);

#endif
