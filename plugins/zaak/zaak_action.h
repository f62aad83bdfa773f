/*
 * The CJG at work: an action of the procedure on a zaak (procedure.h), the
 * worklist, and the family's view of who looked at their zaak.
 */
#ifndef TOEGANG_ZAAK_ACTION_H
#define TOEGANG_ZAAK_ACTION_H

#include <toegang/plugin.h>

/* In init: registers the statements as "<prefix>.<name>". */
int zk_action_init(const tg_services *svc, const char *prefix);
/* In fini: releases what init loaded (the JW301 schema). */
void zk_action_fini(void);

/* POST /api/v1/zaken/{id}/acties/{actie} */
tg_outcome zk_action_post(tg_request *req, const tg_services *svc, const char *id,
    const char *name);
/* GET /api/v1/werkvoorraad */
tg_outcome zk_werkvoorraad(tg_request *req, const tg_services *svc);
/* GET /api/v1/zaken/{id}/inzage */
tg_outcome zk_inzage(tg_request *req, const tg_services *svc, const char *id);

#endif
