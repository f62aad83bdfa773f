/*
 * The services table the core lends to plugins (include/toegang/plugin.h),
 * and the core's own statements behind it (the access log, health).
 */
#ifndef TOEGANG_SERVICES_H
#define TOEGANG_SERVICES_H

#include <toegang/plugin.h>

#include "config.h"

/* Registers the core's statements; call once in the master before plugins init. */
int tg_services_init(const tg_config *cfg);
const tg_services *tg_services_table(void);

/* The core's own access-log write, used by the table's audit entry. */
int tg_audit_write(tg_request *req, const char *action, const char *zaak_id,
    const char *person_ref, const char *outcome);

/* One record per zaak of a list, in one statement (n at most 1000). */
int tg_audit_zaken(tg_request *req, const char *action, size_t n, const char *const *zaak_ids,
    const char *const *person_refs, const char *outcome);

#endif
