/*
 * The services table: thin wrappers that give plugins the core's request,
 * response, database, access-log, configuration and log helpers, so that a
 * plugin links against nothing of the core.
 */
#include "services.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>

#include "db.h"
#include "log.h"
#include "pseudonym.h"
#include "request.h"
#include "response.h"
#include "spool.h"

_Static_assert(TG_PERSON_REF_SIZE == TG_PSEUDONYM_SIZE, "person_ref and pseudonym sizes differ");

static const tg_config *config;

static const char *svc_method(const tg_request *req) { return req->method; }

static const char *svc_path_param(const tg_request *req, const char *name)
{
	return tg_request_path_param(req, name);
}

static const char *svc_query_param(tg_request *req, const char *name)
{
	return tg_request_query_param(req, name);
}

static const char *svc_header(const tg_request *req, const char *name)
{
	/* The token is the core's business; a plugin has no use for it. */
	if (strcasecmp(name, "Authorization") == 0)
		return NULL;
	return tg_request_header(req, name);
}

static const tg_principal *svc_principal(const tg_request *req)
{
	return req->authenticated ? &req->principal : NULL;
}

static const char *svc_request_id(const tg_request *req) { return req->rid; }

static int svc_read_json(tg_request *req, json_t **out) { return tg_request_read_json(req, out); }

static int svc_read_body(tg_request *req, const char *const *types, char **out, size_t *len)
{
	return tg_request_read_body(req, types, out, len);
}

static int svc_send_body(tg_request *req, int status, const char *content_type, const char *body,
    size_t len)
{
	/* The media type becomes a header line: a plain token/token only. */
	for (const char *c = content_type; c && *c; c++)
		if (!(isalnum((unsigned char)*c) || strchr("/+.-", *c)))
			return -1;
	return content_type ? tg_send(req, status, content_type, NULL, body, len) : -1;
}

static int svc_db_prepare(const char *name, const char *sql, int nparams)
{
	return tg_db_register(name, sql, nparams);
}

static PGresult *svc_db_exec(tg_request *req, const char *name, int nparams,
    const char *const *params)
{
	(void)req;
	return tg_db_exec(name, nparams, params);
}

/*
 * Whether the request may read from the standby (read_from = standby): the
 * methods that only read. Every GET route of the plugins writes nothing but
 * its access-log records (checked route by route, listed in
 * docs/scale-out.md); a GET route that must write would be served by a
 * POST, or marked here.
 */
static bool reads_standby(const tg_request *req)
{
	return tg_config_reads_standby(config) &&
	    (strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0);
}

static int svc_db_tx(tg_request *req, tg_tx what)
{
	static const char *const sql[] = {
		[TG_TX_BEGIN] = "BEGIN", [TG_TX_COMMIT] = "COMMIT", [TG_TX_ROLLBACK] = "ROLLBACK",
	};
	if ((int)what < 0 || what > TG_TX_ROLLBACK)
		return -1;
	if (what == TG_TX_BEGIN && req->authenticated)
		return reads_standby(req)
		    ? tg_db_begin_read_as(req->principal.role_name, req->principal.identity)
		    : tg_db_begin_as(req->principal.role_name, req->principal.identity);
	return tg_db_command(sql[what]);
}

#define MAX_AUDIT_ROWS 1000

/*
 * Appends one element to a PostgreSQL array literal: NULL, or the value in
 * double quotes with " and \ escaped. Returns the new length, or 0 when the
 * buffer could not grow.
 */
static size_t array_append(char **buf, size_t *cap, size_t len, const char *value)
{
	size_t need = len + 2 * (value ? strlen(value) : 4) + 4;
	if (need > *cap) {
		size_t ncap = need * 2;
		char *n = realloc(*buf, ncap);
		if (!n)
			return 0;
		*buf = n;
		*cap = ncap;
	}
	if (len > 1)
		(*buf)[len++] = ',';
	if (!value) {
		memcpy(*buf + len, "NULL", 4);
		return len + 4;
	}
	(*buf)[len++] = '"';
	for (const char *p = value; *p; p++) {
		if (*p == '"' || *p == '\\')
			(*buf)[len++] = '\\';
		(*buf)[len++] = *p;
	}
	(*buf)[len++] = '"';
	return len;
}

static char *array_literal(size_t n, const char *const *values)
{
	size_t cap = 64, len = 1;
	char *buf = malloc(cap);
	if (!buf)
		return NULL;
	buf[0] = '{';
	for (size_t i = 0; i < n; i++) {
		len = array_append(&buf, &cap, len, values ? values[i] : NULL);
		if (!len) {
			free(buf);
			return NULL;
		}
	}
	/* array_append leaves room for the closing brace and NUL. */
	if (len + 2 > cap) {
		char *nb = realloc(buf, len + 2);
		if (!nb) {
			free(buf);
			return NULL;
		}
		buf = nb;
	}
	buf[len++] = '}';
	buf[len] = '\0';
	return buf;
}

/* "2026-01-31T09:15:02.123456Z": when the read happened, which a replay keeps. */
static void utc_now(char out[32])
{
	struct timespec ts;
	struct tm tm;
	size_t n;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + n, 32 - n, ".%06dZ", (int)(ts.tv_nsec / 1000) % 1000000);
}

/*
 * The record of a read the standby served: the standby cannot take it, so it
 * goes to the primary after the read (with the standby's COMMIT), or to the
 * spool when the primary is away. It carries its own time and a delivery
 * key, so that a record written twice (a connection cut after the insert,
 * a replay cut after its commit) stays one row. params has room for 12.
 */
static int audit_outside(tg_request *req, const char **params)
{
	char when[32], key[sizeof(req->rid) + 40];
	unsigned char rnd[12];
	size_t o;

	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
		return -1;
	utc_now(when);
	o = (size_t)snprintf(key, sizeof(key), "%s:", req->rid);
	for (size_t i = 0; i < sizeof(rnd); i++)
		o += (size_t)snprintf(key + o, sizeof(key) - o, "%02x", rnd[i]);
	params[10] = when;
	params[11] = key;
	if (tg_db_on_standby())
		return tg_db_defer("tg_audit_keyed", TG_SPOOL_NPARAMS, params) == 0 ? 0 : -1;
	return tg_db_write_or_spill("tg_audit_keyed", TG_SPOOL_NPARAMS, params);
}

/* The spill function of db.c: a keyed record the primary could not take. */
static int audit_spill(const char *name, int nparams, const char *const *params)
{
	if (strcmp(name, "tg_audit_keyed") != 0 || nparams != TG_SPOOL_NPARAMS ||
	    tg_spool_append(config->spool_dir, params) != 0)
		return -1;
	tg_log(TG_LOG_WARN, "audit-spooled", params[0],
	    "the primary is away: the access-log record waits in the spool", NULL);
	return 0;
}

int tg_audit_zaken(tg_request *req, const char *action, size_t n, const char *const *zaak_ids,
    const char *const *person_refs, const char *outcome)
{
	const tg_principal *p = req->authenticated ? &req->principal : NULL;
	char actor[TG_PSEUDONYM_SIZE + 16];
	char namens[TG_PSEUDONYM_SIZE + 16];
	char sub[TG_PSEUDONYM_SIZE];
	const char *params[TG_SPOOL_NPARAMS];
	char *zaken = NULL, *refs = NULL;
	PGresult *r;
	int ok = 0;

	if (!action || !outcome || n == 0 || n > MAX_AUDIT_ROWS)
		return -1;
	actor[0] = namens[0] = '\0';
	if (p) {
		static const char *const kind[] = {
			[TG_IDENTITY_AGB] = "agb", [TG_IDENTITY_ORG] = "org",
			[TG_IDENTITY_BSN] = "bsn", [TG_IDENTITY_GEMEENTE] = "gemeente",
		};
		/* A citizen's identity is their BSN: the log keeps its pseudonym,
		 * and of the sub too, which DigiD-style providers build from the
		 * BSN ("s00000000:<bsn>"). */
		if (p->identity_kind == TG_IDENTITY_BSN) {
			char ref[TG_PSEUDONYM_SIZE];
			if (tg_pseudonym(p->identity, ref) != 0 || tg_pseudonym(p->subject, sub) != 0)
				return -1;
			snprintf(actor, sizeof(actor), "%s", ref);
		} else {
			sub[0] = '\0';
			snprintf(actor, sizeof(actor), "%s", p->identity);
		}
		/* On whose behalf: the practice, organisation or gemeente the user
		 * (sub) works for; a citizen acts for themselves. */
		snprintf(namens, sizeof(namens), "%s:%s", kind[p->identity_kind], actor);
	}
	zaken = array_literal(n, zaak_ids);
	refs = array_literal(n, person_refs);
	if (!zaken || !refs)
		goto out;
	params[0] = req->rid;
	params[1] = p ? p->role_name : NULL;
	params[2] = p ? actor : NULL;
	params[3] = action;
	params[4] = zaken;
	params[5] = refs;
	params[6] = outcome;
	params[7] = tg_request_param(req, "REMOTE_ADDR");
	params[8] = p ? (p->identity_kind == TG_IDENTITY_BSN ? sub : p->subject) : NULL;
	params[9] = p ? namens : NULL;
	if (reads_standby(req) && (tg_db_on_standby() || !tg_db_in_transaction())) {
		ok = audit_outside(req, params) == 0;
		goto out;
	}
	/* Inside a transaction the record travels with the COMMIT (one round
	 * trip less), and commits or fails with it. */
	switch (tg_db_defer("tg_audit", 10, params)) {
	case 0:
		ok = 1;
		goto out;
	case -1:
		goto out;
	default:
		break;
	}
	r = tg_db_exec("tg_audit", 10, params);
	if (!r)
		goto out;
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok) {
		/* Only the SQLSTATE: the message's DETAIL can quote the row. */
		char extra[64] = "";
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		tg_log_field_str(extra, sizeof(extra), "sqlstate", state ? state : "");
		tg_log(TG_LOG_ERROR, "audit-failed", req->rid, NULL, extra);
	}
	PQclear(r);
out:
	free(zaken);
	free(refs);
	return ok ? 0 : -1;
}

int tg_audit_write(tg_request *req, const char *action, const char *zaak_id,
    const char *person_ref, const char *outcome)
{
	return tg_audit_zaken(req, action, 1, &zaak_id, &person_ref, outcome);
}

static int svc_person_ref(const char *bsn, char out[TG_PERSON_REF_SIZE])
{
	return tg_pseudonym(bsn, out);
}

static const char *svc_config(const char *plugin, const char *key)
{
	if (!config || !key)
		return NULL;
	/* The core's keys that plugins may read: where the reference data lives,
	 * and the gemeenten the deployment serves. */
	if (!plugin) {
		if (strcmp(key, "data_dir") == 0)
			return config->data_dir;
		return strcmp(key, "regio") == 0 ? config->regio : NULL;
	}
	return tg_config_plugin_value(config, plugin, key);
}

static void svc_log(const tg_request *req, tg_log_level level, const char *event,
    const char *message)
{
	tg_log(level, event, req ? req->rid : NULL, message, NULL);
}

static time_t svc_now(void) { return time(NULL); }

static const tg_services table = {
	.abi = TOEGANG_PLUGIN_ABI,
	.size = sizeof(tg_services),
	.method = svc_method,
	.path_param = svc_path_param,
	.query_param = svc_query_param,
	.header = svc_header,
	.principal = svc_principal,
	.request_id = svc_request_id,
	.read_json = svc_read_json,
	.send_json = tg_send_json,
	.send_problem = tg_send_problem,
	.db_prepare = svc_db_prepare,
	.db_exec = svc_db_exec,
	.db_tx = svc_db_tx,
	.audit = tg_audit_write,
	.config = svc_config,
	.log = svc_log,
	.now = svc_now,
	.person_ref = svc_person_ref,
	.audit_zaken = tg_audit_zaken,
	.read_body = svc_read_body,
	.send_body = svc_send_body,
};

int tg_services_init(const tg_config *cfg)
{
	config = cfg;
	if (tg_db_register("tg_health", "SELECT 1", 0) != 0 ||
	    tg_db_register("tg_health_details", "SELECT landelijke_lijst_status()::text", 0) != 0)
		return -1;
	if (tg_db_register("tg_principal_set",
	    "SELECT set_config('toegang.rol', $1, true), set_config('toegang.identiteit', $2, true)",
	    2) != 0)
		return -1;
	if (tg_config_reads_standby(cfg)) {
		if (tg_db_register("tg_audit_keyed", TG_AUDIT_KEYED_SQL, TG_SPOOL_NPARAMS) != 0)
			return -1;
		tg_db_set_spill(audit_spill);
	}
	return tg_db_register("tg_audit",
	    "INSERT INTO toegangslog (request_id, rol, actor, actie, zaak_id, persoon_ref, "
	    "uitkomst, herkomst, sub, namens) "
	    "SELECT $1, $2, $3, $4, u.zaak_id, u.persoon_ref, $7, $8, $9, $10 "
	    "FROM unnest($5::text[], $6::text[]) AS u (zaak_id, persoon_ref)",
	    10);
}

const tg_services *tg_services_table(void) { return &table; }
