/*
 * One HTTP request as the core sees it, and the helpers that read it.
 *
 * The struct is the core's; plugins get it as the opaque tg_request and read
 * it only through the services table. Everything a request holds lives here
 * and is released by tg_request_reset, so nothing survives into the next one.
 */
#ifndef TOEGANG_REQUEST_H
#define TOEGANG_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <fcgiapp.h>
#include <jansson.h>

#include <toegang/plugin.h>

#include "router.h"

#define TG_MAX_QUERY_PARAMS 32

typedef struct tg_query_param {
	char *name;
	char *value;
} tg_query_param;

struct tg_request {
	FCGX_Request *fcgi;
	const char *method;
	char path[TG_ROUTER_MAX_PATH + 1];
	bool path_too_long;
	char rid[65];
	uint64_t started_us;

	tg_route_match match;
	json_t *claims;       /* owns the strings principal points at */
	tg_principal principal;
	bool authenticated;

	size_t max_body;
	int status;           /* the status sent, 0 while nothing is */

	/* Parsed on first use; kept last so that start can clear the rest cheaply. */
	bool query_parsed;
	size_t nquery;
	tg_query_param query[TG_MAX_QUERY_PARAMS];
};

/* Fills req from an accepted FastCGI request. */
void tg_request_start(tg_request *req, FCGX_Request *fcgi, size_t max_body);
/* Releases what the request holds. */
void tg_request_reset(tg_request *req);

const char *tg_request_header(const tg_request *req, const char *name);
const char *tg_request_param(const tg_request *req, const char *fcgi_name);
const char *tg_request_path_param(const tg_request *req, const char *name);
const char *tg_request_query_param(tg_request *req, const char *name);
int tg_request_read_json(tg_request *req, json_t **out);
/*
 * Reads the raw body when its Content-Type is one of types (NULL-terminated;
 * "; charset=utf-8" allowed), within the size cap. *out is malloc'ed, NUL-
 * terminated, *len bytes long; the caller frees it. On failure the 4xx
 * problem has been sent and -1 is returned.
 */
int tg_request_read_body(tg_request *req, const char *const *types, char **out, size_t *len);

uint64_t tg_now_us(void);

#endif
