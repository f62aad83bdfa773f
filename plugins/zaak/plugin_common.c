/* Start-up shared by the zaak plugins; see plugin_common.h. */
#include "plugin_common.h"

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "regio.h"
#include "zaak_input.h"
#include "zaak_store.h"

int zk_plugin_init(const tg_services *svc, const char *plugin)
{
	char err[512];
	char dir[1024];
	const char *own, *data;

	/* Older cores lack person_ref and audit_zaken. */
	if (svc->abi != TOEGANG_PLUGIN_ABI ||
	    svc->size < offsetof(tg_services, audit_zaken) + sizeof(svc->audit_zaken))
		return -1;
	own = svc->config(plugin, "codelijsten");
	data = svc->config(NULL, "data_dir");
	if (own)
		snprintf(dir, sizeof(dir), "%s", own);
	else
		snprintf(dir, sizeof(dir), "%s/codelijsten", data ? data : ".");
	if (zk_codelijsten_load(dir, err, sizeof(err)) != 0) {
		svc->log(NULL, TG_LOG_ERROR, "codelijst-load-failed", err);
		fprintf(stderr, "toegangd: plugin %s: %s\n", plugin, err);
		return -1;
	}
	if (zk_regio_load(svc->config(NULL, "regio"), &zk_gemeenten, err, sizeof(err)) != 0) {
		svc->log(NULL, TG_LOG_ERROR, "regio-invalid", err);
		fprintf(stderr, "toegangd: plugin %s: %s\n", plugin, err);
		zk_codelijsten_free();
		return -1;
	}
	if (zk_store_init(svc, plugin) != 0) {
		zk_codelijsten_free();
		return -1;
	}
	return 0;
}

void zk_plugin_fini(void) { zk_codelijsten_free(); }

void zk_send_invalid(tg_request *req, const tg_services *svc, const json_t *invalid)
{
	svc->send_problem(req, 422, "validation", "Unprocessable Content",
	    "Er is niets vastgelegd: invalid-params noemt wat er niet klopt.", invalid);
}

void zk_today(const tg_services *svc, zk_date *today)
{
	time_t now = svc->now();
	struct tm tm;
	localtime_r(&now, &tm);
	today->y = tm.tm_year + 1900;
	today->m = tm.tm_mon + 1;
	today->d = tm.tm_mday;
}
