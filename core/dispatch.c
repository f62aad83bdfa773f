/* Request dispatch; see dispatch.h. */
#include "dispatch.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "db.h"
#include "log.h"
#include "principal.h"
#include "request.h"
#include "response.h"
#include "services.h"

/*
 * 200 {"status":"ok"} while the database answers, with details of what the
 * portal depends on: each database server (the primary, and the standby
 * when one is configured: "up" or "down") and the VNG landelijke inkoop copy
 * (its fetch time and whether it is stale). A stale copy is shown, not a
 * reason for 503. With a standby, one server down still answers 200
 * {"status":"ok"} as the API contract has it (the database answers: with the
 * primary down, reads go on) and says which in details.database: every host
 * shares the servers, so taking this one out of nginx's upstream would help
 * nobody. No server at all answering is 503.
 * Staleness counts in hours, so each worker re-reads the details at most
 * every HEALTH_DETAILS_TTL seconds; between reads health costs one SELECT 1
 * per server (the details query cost a third of health's rate).
 */
#define HEALTH_DETAILS_TTL 10

static json_t *health_details;
static time_t health_details_at;

/* Whether server answers; refreshes the details there when asked to. */
static bool health_ask(tg_db_server server, bool refresh, time_t now)
{
	PGresult *r = tg_db_exec_on(server, refresh ? "tg_health_details" : "tg_health", 0, NULL);
	bool ok = r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
	if (ok && refresh) {
		json_t *fresh = json_loads(PQgetvalue(r, 0, 0), 0, NULL);
		if ((ok = fresh != NULL)) {
			json_decref(health_details);
			health_details = fresh;
			health_details_at = now;
		}
	}
	PQclear(r);
	return ok;
}

static tg_outcome health(tg_request *req, const tg_services *svc, void *state)
{
	json_t *body, *servers;
	time_t now = time(NULL);
	bool refresh = !health_details || now - health_details_at >= HEALTH_DETAILS_TTL ||
	    now < health_details_at;
	bool primary = health_ask(TG_DB_PRIMARY, refresh, now);
	bool standby = tg_db_has_standby() && health_ask(TG_DB_STANDBY, refresh && !primary, now);
	(void)state;

	if ((!primary && !standby) || !health_details) {
		svc->send_problem(req, 503, "database-unavailable", "Service Unavailable",
		    "The database does not answer.", NULL);
		return TG_DONE;
	}
	servers = json_pack("{s:s}", "primary", primary ? "up" : "down");
	if (servers && tg_db_has_standby())
		json_object_set_new(servers, "standby", json_string(standby ? "up" : "down"));
	body = servers ? json_pack("{s:s, s:{s:O, s:o}}", "status", "ok", "details",
	    "landelijke_inkoop", health_details, "database", servers) : NULL;
	if (!body)
		return TG_FAIL_INTERNAL;
	svc->send_json(req, 200, body, NULL);
	json_decref(body);
	return TG_DONE;
}

static const tg_route core_routes[] = {
	{ "GET", "/api/v1/health", health, TG_ROUTE_PUBLIC },
};

int tg_dispatch_register_core_routes(tg_router *router, char *err, size_t errlen)
{
	for (size_t i = 0; i < sizeof(core_routes) / sizeof(core_routes[0]); i++)
		if (tg_router_add(router, &core_routes[i], NULL, err, errlen) != 0)
			return -1;
	return 0;
}

static void unauthorized(tg_request *req, const char *why, int token_given)
{
	char hdr[256];
	char detail[160];
	if (token_given)
		snprintf(hdr, sizeof(hdr),
		    "WWW-Authenticate: Bearer realm=\"toegang\", error=\"invalid_token\", "
		    "error_description=\"%s\"\r\n", why);
	else
		snprintf(hdr, sizeof(hdr), "WWW-Authenticate: Bearer realm=\"toegang\"\r\n");
	snprintf(detail, sizeof(detail), "%s.", why);
	detail[0] = (char)(detail[0] >= 'a' && detail[0] <= 'z' ? detail[0] - 32 : detail[0]);
	tg_send_problem_h(req, 401, "unauthorized", "Unauthorized", detail, NULL, hdr);
}

/*
 * 0 when req now has a principal; -1 when a 401 was sent. Never reads the URL.
 * Size and alphabet of the token are the verifier's first checks, not ours.
 */
static int authenticate(const tg_core *core, tg_request *req, const char **why)
{
	const char *h = tg_request_header(req, "Authorization");
	const char *token;

	if (!h || !*h)
		*why = "bearer token required";
	else if (strncasecmp(h, "Bearer ", 7) != 0)
		*why = "authorization scheme must be Bearer";
	if (*why) {
		unauthorized(req, *why, 0);
		return -1;
	}
	token = h + 7;
	while (*token == ' ')
		token++;
	if (tg_jwt_verify(core->verifier, token, strlen(token), time(NULL), &req->claims, why) != 0 ||
	    tg_principal_from_claims(req->claims, &req->principal, why) != 0) {
		unauthorized(req, *why, 1);
		return -1;
	}
	req->authenticated = true;
	return 0;
}

static void log_request(const tg_core *core, const tg_request *req, const char *why)
{
	char extra[512] = "";
	if (!core->config.log_requests && req->status < 500)
		return;
	tg_log_field_str(extra, sizeof(extra), "method", req->method);
	tg_log_field_str(extra, sizeof(extra), "route",
	    req->match.route ? req->match.route->pattern : "-");
	tg_log_field_int(extra, sizeof(extra), "status", req->status);
	tg_log_field_int(extra, sizeof(extra), "us", (long long)(tg_now_us() - req->started_us));
	if (req->authenticated)
		tg_log_field_str(extra, sizeof(extra), "role", req->principal.role_name);
	if (why)
		tg_log_field_str(extra, sizeof(extra), "reason", why);
	tg_log(req->status >= 500 ? TG_LOG_ERROR : TG_LOG_INFO, "request", req->rid, NULL, extra);
}

static void run_handler(tg_request *req)
{
	const tg_route *route = req->match.route;
	const tg_loaded_plugin *lp = req->match.owner;
	tg_outcome out;

	out = route->handler(req, tg_services_table(), lp ? lp->state : NULL);
	if (tg_db_in_transaction()) {
		/* A handler that returns inside a transaction did not mean to commit. */
		tg_db_command("ROLLBACK");
	}
	if (req->status != 0)
		return;
	switch (out) {
	case TG_FAIL_DB:
		tg_send_problem(req, 503, "database-unavailable", "Service Unavailable",
		    "The database is not reachable; try again shortly.", NULL);
		break;
	case TG_DONE:
		tg_log(TG_LOG_ERROR, "handler-sent-nothing", req->rid, NULL, NULL);
		/* fall through */
	default:
		tg_send_problem(req, 500, "internal-error", "Internal Server Error",
		    "Something went wrong on our side; the request id helps us find it.", NULL);
	}
}

void tg_dispatch(const tg_core *core, FCGX_Request *fcgi)
{
	tg_request req;
	char allow[128];
	char hdr[160];
	const char *why = NULL;

	tg_request_start(&req, fcgi, (size_t)core->config.max_body_bytes);
	switch (tg_router_match(core->router, req.method, req.path, &req.match, allow,
	    sizeof(allow))) {
	case TG_ROUTE_NOT_FOUND:
		tg_send_problem(&req, 404, "not-found", "Not Found", "There is nothing at this path.",
		    NULL);
		goto done;
	case TG_ROUTE_METHOD_NOT_ALLOWED:
		snprintf(hdr, sizeof(hdr), "Allow: %s\r\n", allow);
		tg_send_problem_h(&req, 405, "method-not-allowed", "Method Not Allowed",
		    "This path does not take that method; see the Allow header.", NULL, hdr);
		goto done;
	case TG_ROUTE_FOUND:
		break;
	}
	if (!(req.match.route->roles & TG_ROUTE_PUBLIC)) {
		if (authenticate(core, &req, &why) != 0)
			goto done;
		if (!(req.match.route->roles & TG_ROLE_BIT(req.principal.role))) {
			tg_send_problem(&req, 403, "forbidden", "Forbidden",
			    "Your role may not use this endpoint.", NULL);
			goto done;
		}
	}
	run_handler(&req);
done:
	tg_db_request_end();
	log_request(core, &req, why);
	tg_request_reset(&req);
}
