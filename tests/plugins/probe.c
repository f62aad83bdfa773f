/*
 * probe: a plugin for the integration tests only. It exercises what the
 * core lends to plugins and that whoami does not: the JSON body reader with
 * its checks, a route limited to one role, a prepared statement of the
 * plugin's own, and a slow request to stop the daemon under.
 */
#include <stdlib.h>
#include <time.h>

#include <toegang/plugin.h>

static tg_outcome echo(tg_request *req, const tg_services *svc, void *state)
{
	json_t *body, *out;
	(void)state;
	if (svc->read_json(req, &body) != 0)
		return TG_DONE;
	out = json_pack("{s:I}", "members", (json_int_t)json_object_size(body));
	json_decref(body);
	if (!out)
		return TG_FAIL_INTERNAL;
	svc->send_json(req, 200, out, NULL);
	json_decref(out);
	return TG_DONE;
}

static tg_outcome slow(tg_request *req, const tg_services *svc, void *state)
{
	const char *ms = svc->query_param(req, "ms");
	long n = ms ? strtol(ms, NULL, 10) : 0;
	struct timespec ts;
	json_t *out;
	(void)state;
	if (n < 0 || n > 5000)
		n = 0;
	ts.tv_sec = n / 1000;
	ts.tv_nsec = (n % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) != 0)
		; /* SIGTERM must not cut the request short */
	out = json_pack("{s:I}", "slept_ms", (json_int_t)n);
	svc->send_json(req, 200, out, NULL);
	json_decref(out);
	return TG_DONE;
}

static tg_outcome db(tg_request *req, const tg_services *svc, void *state)
{
	PGresult *r = svc->db_exec(req, "probe_sum", 2, (const char *const[]){ "40", "2" });
	json_t *out;
	(void)state;
	if (!r)
		return TG_FAIL_DB;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(r);
		return TG_FAIL_INTERNAL;
	}
	out = json_pack("{s:s}", "sum", PQgetvalue(r, 0, 0));
	PQclear(r);
	svc->send_json(req, 200, out, NULL);
	json_decref(out);
	return TG_DONE;
}

/* A statement fails inside a transaction: COMMIT must then be reported as failed. */
static tg_outcome aborted_commit(tg_request *req, const tg_services *svc, void *state)
{
	PGresult *r;
	json_t *out;
	int committed;
	(void)state;
	if (svc->db_tx(req, TG_TX_BEGIN) != 0)
		return TG_FAIL_DB;
	r = svc->db_exec(req, "probe_fail", 0, NULL);
	if (!r)
		return TG_FAIL_DB;
	PQclear(r);
	committed = svc->db_tx(req, TG_TX_COMMIT) == 0;
	out = json_pack("{s:b}", "committed", committed);
	svc->send_json(req, 200, out, NULL);
	json_decref(out);
	return TG_DONE;
}

static int init(const tg_services *svc, void **state)
{
	(void)state;
	if (svc->db_prepare("probe_fail", "SELECT 1 / 0", 0) != 0)
		return -1;
	return svc->db_prepare("probe_sum", "SELECT ($1::int + $2::int)::text", 2);
}

static const tg_route routes[] = {
	{ "POST", "/api/v1/test/echo", echo, TG_ROLE_BIT(TG_ROLE_CJG) },
	{ "GET", "/api/v1/test/slow", slow, TG_ROUTE_ANY_ROLE },
	{ "GET", "/api/v1/test/db", db, TG_ROUTE_ANY_ROLE },
	{ "POST", "/api/v1/test/aborted-commit", aborted_commit, TG_ROUTE_ANY_ROLE },
};

static const tg_plugin descriptor = TG_PLUGIN_DESCRIPTOR_INIT("probe", "1.0", routes, init, NULL);

TG_EXPORT const tg_plugin *toegang_plugin_describe(void);
const tg_plugin *toegang_plugin_describe(void) { return &descriptor; }
