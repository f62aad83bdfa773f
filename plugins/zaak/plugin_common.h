/* What every zaak plugin does at start-up and on each create. */
#ifndef TOEGANG_ZAAK_PLUGIN_COMMON_H
#define TOEGANG_ZAAK_PLUGIN_COMMON_H

#include <toegang/plugin.h>

#include "fields.h"

/*
 * Checks the services' ABI, loads the code lists from "<plugin>.codelijsten"
 * (default: the codelijsten directory under the core's data_dir) and registers the statements.
 */
int zk_plugin_init(const tg_services *svc, const char *plugin);
void zk_plugin_fini(void);

/* 422 for content that failed its table or rules: nothing was recorded. */
void zk_send_invalid(tg_request *req, const tg_services *svc, const json_t *invalid);

/*
 * Reads the request's JSON object and checks it against fields: 0 with
 * *body (the caller's) when it passes; 1 when the problem was answered
 * (the core's 400/413/415, or the 422 listing every problem); -1 when
 * memory ran out.
 */
int zk_read_valid_body(tg_request *req, const tg_services *svc, const zk_field *fields, json_t **body);

/* 400 for a query parameter that is not what it should be. */
void zk_bad_query(tg_request *req, const tg_services *svc, const char *name, const char *reason);

/*
 * Runs stmt (one row, one column of JSON text) in a transaction of its own
 * and sends the JSON with 200. TG_DONE once answered, or a failure (the
 * statement's SQLSTATE logged as event).
 */
tg_outcome zk_send_statement_json(tg_request *req, const tg_services *svc, const char *stmt,
    int nparams, const char *const *params, const char *event);

/* Today in the Dutch calendar (the core runs with TZ=Europe/Amsterdam). */
void zk_today(const tg_services *svc, zk_date *today);

#endif
