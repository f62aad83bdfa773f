/*
 * The JW301s of a beschikking: when the CJG grants products that name a
 * provider, one toewijzingbericht per provider, made from the zaak as
 * stored (zaak_sql.h), checked against JW301.xsd and kept in ijw_bericht in
 * the same transaction as the toewijzingen: a grant is never stored without
 * its messages, nor a message that breaks the schema.
 */
#ifndef TOEGANG_ZAAK_JW301_STORE_H
#define TOEGANG_ZAAK_JW301_STORE_H

#include <toegang/plugin.h>

/* In init: loads data_dir/ijw/xsd/JW301.xsd and registers the statements. */
int zk_jw301_init(const tg_services *svc, const char *prefix);
void zk_jw301_fini(void);

/*
 * For zaak_id, inside the open transaction: the JW301s for its toewijzingen
 * with a provider that no message carries yet. 0 when done (or none was
 * due); > 0: that many schema violations appended to invalid, nothing
 * stored; TG_FAIL_DB or TG_FAIL_INTERNAL (negative) otherwise.
 */
long zk_jw301_make(tg_request *req, const tg_services *svc, const char *zaak_id, json_t *invalid);

#endif
