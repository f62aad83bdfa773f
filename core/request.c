/* Reading a request: headers, path and query, the JSON body. */
#include "request.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "response.h"
#include "validate.h"

uint64_t tg_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static bool rid_ok(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!isalnum((unsigned char)s[n]) && s[n] != '-')
			return false;
	return n > 0 && n < 65;
}

void tg_request_start(tg_request *req, FCGX_Request *fcgi, size_t max_body)
{
	static unsigned long counter;
	const char *uri, *q, *rid;
	size_t len;

	memset(req, 0, offsetof(tg_request, query));
	req->fcgi = fcgi;
	req->max_body = max_body;
	req->started_us = tg_now_us();
	req->method = FCGX_GetParam("REQUEST_METHOD", fcgi->envp);
	if (!req->method)
		req->method = "";

	/* Route on the path as sent (REQUEST_URI), not nginx's decoded copy:
	 * the router refuses anything encoded, so decoding can't smuggle. */
	uri = FCGX_GetParam("REQUEST_URI", fcgi->envp);
	if (!uri)
		uri = "";
	q = strchr(uri, '?');
	len = q ? (size_t)(q - uri) : strlen(uri);
	if (len > TG_ROUTER_MAX_PATH) {
		req->path_too_long = true;
		len = 0;
	}
	memcpy(req->path, uri, len);
	req->path[len] = '\0';

	rid = FCGX_GetParam("REQUEST_ID", fcgi->envp);
	if (rid && rid_ok(rid))
		snprintf(req->rid, sizeof(req->rid), "%s", rid);
	else
		snprintf(req->rid, sizeof(req->rid), "%lx-%lx-%lx", (long)getpid(),
		    (unsigned long)time(NULL), ++counter);
}

void tg_request_reset(tg_request *req)
{
	json_decref(req->claims);
	req->claims = NULL;
	for (size_t i = 0; i < req->nquery; i++) {
		free(req->query[i].name);
		free(req->query[i].value);
	}
	req->nquery = 0;
	req->query_parsed = false;
}

const char *tg_request_param(const tg_request *req, const char *fcgi_name)
{
	return FCGX_GetParam(fcgi_name, req->fcgi->envp);
}

const char *tg_request_header(const tg_request *req, const char *name)
{
	char key[128];
	size_t o = 0;

	if (strcasecmp(name, "Content-Type") == 0)
		return tg_request_param(req, "CONTENT_TYPE");
	if (strcasecmp(name, "Content-Length") == 0)
		return tg_request_param(req, "CONTENT_LENGTH");
	if (strlen(name) + 6 > sizeof(key))
		return NULL;
	memcpy(key, "HTTP_", 5);
	o = 5;
	for (const char *p = name; *p; p++)
		key[o++] = *p == '-' ? '_' : (char)toupper((unsigned char)*p);
	key[o] = '\0';
	return tg_request_param(req, key);
}

const char *tg_request_path_param(const tg_request *req, const char *name)
{
	for (size_t i = 0; i < req->match.nparams; i++)
		if (strcmp(req->match.names[i], name) == 0)
			return req->match.values[i];
	return NULL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes application/x-www-form-urlencoded text; NULL on a bad escape, a
 * control character or invalid UTF-8 (the value would fail in PostgreSQL).
 */
static char *form_decode(const char *s, size_t len)
{
	char *out = malloc(len + 1);
	size_t o = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%') {
			int hi, lo;
			if (i + 2 >= len)
				goto bad;
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			/* No control characters: a value may end up in a header or a log. */
			if (hi < 0 || lo < 0 || (hi << 4 | lo) < 0x20 || (hi << 4 | lo) == 0x7f)
				goto bad;
			out[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	if (!tg_valid_utf8(out, o))
		goto bad;
	return out;
bad:
	free(out);
	return NULL;
}

static void parse_query(tg_request *req)
{
	const char *qs = tg_request_param(req, "QUERY_STRING");
	req->query_parsed = true;
	if (!qs)
		return;
	while (*qs && req->nquery < TG_MAX_QUERY_PARAMS) {
		const char *amp = strchr(qs, '&');
		size_t len = amp ? (size_t)(amp - qs) : strlen(qs);
		const char *eq = memchr(qs, '=', len);
		if (len > 0) {
			size_t nlen = eq ? (size_t)(eq - qs) : len;
			char *name = form_decode(qs, nlen);
			char *value = eq ? form_decode(eq + 1, len - nlen - 1) : strdup("");
			if (name && value) {
				req->query[req->nquery].name = name;
				req->query[req->nquery].value = value;
				req->nquery++;
			} else {
				free(name);
				free(value);
			}
		}
		if (!amp)
			break;
		qs = amp + 1;
	}
}

const char *tg_request_query_param(tg_request *req, const char *name)
{
	if (!req->query_parsed)
		parse_query(req);
	for (size_t i = 0; i < req->nquery; i++)
		if (strcmp(req->query[i].name, name) == 0)
			return req->query[i].value;
	return NULL;
}

/* ct is the media type (case-insensitive), optionally with "; charset=utf-8". */
static bool content_type_is(const char *ct, const char *type)
{
	size_t n = strlen(type);
	const char *p;
	if (!ct || strncasecmp(ct, type, n) != 0)
		return false;
	p = ct + n;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return true;
	if (*p != ';')
		return false;
	p++;
	while (*p == ' ')
		p++;
	return strcasecmp(p, "charset=utf-8") == 0 || strcasecmp(p, "charset=\"utf-8\"") == 0;
}

int tg_request_read_body(tg_request *req, const char *const *types, char **out, size_t *len)
{
	const char *ct = tg_request_header(req, "Content-Type");
	const char *cl = tg_request_header(req, "Content-Length");
	char *end;
	unsigned long long n;
	char *buf = NULL;
	size_t got = 0;
	char detail[200];
	bool known = false;

	*out = NULL;
	*len = 0;
	for (size_t i = 0; types[i] && !known; i++)
		known = content_type_is(ct, types[i]);
	if (!known) {
		size_t used = (size_t)snprintf(detail, sizeof(detail), "The body must be ");
		for (size_t i = 0; types[i] && used < sizeof(detail); i++)
			used += (size_t)snprintf(detail + used, sizeof(detail) - used, "%s%s",
			    i == 0 ? "" : types[i + 1] ? ", " : " or ", types[i]);
		if (used < sizeof(detail))
			snprintf(detail + used, sizeof(detail) - used, " (UTF-8).");
		tg_send_problem(req, 415, "unsupported-media-type", "Unsupported Media Type", detail, NULL);
		return -1;
	}
	if (!cl || !*cl) {
		tg_send_problem(req, 411, "length-required", "Length Required",
		    "A Content-Length header is required.", NULL);
		return -1;
	}
	errno = 0;
	n = strtoull(cl, &end, 10);
	if (errno || *end || !isdigit((unsigned char)cl[0])) {
		tg_send_problem(req, 400, "bad-request", "Bad Request",
		    "Content-Length is not a number.", NULL);
		return -1;
	}
	if (n > req->max_body) {
		snprintf(detail, sizeof(detail), "The body may be at most %zu bytes.", req->max_body);
		tg_send_problem(req, 413, "payload-too-large", "Content Too Large", detail, NULL);
		return -1;
	}
	if (n == 0) {
		tg_send_problem(req, 400, "bad-request", "Bad Request", "The body is empty.", NULL);
		return -1;
	}
	/* One byte more, always NUL: text parsers may read the body as a string. */
	buf = malloc((size_t)n + 1);
	if (!buf) {
		tg_send_problem(req, 503, "unavailable", "Service Unavailable",
		    "The server is short of memory; try again.", NULL);
		return -1;
	}
	while (got < n) {
		int r = FCGX_GetStr(buf + got, (int)(n - got), req->fcgi->in);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (got != n) {
		free(buf);
		tg_send_problem(req, 400, "bad-request", "Bad Request",
		    "The body is shorter than its Content-Length.", NULL);
		return -1;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return 0;
}

int tg_request_read_json(tg_request *req, json_t **out)
{
	static const char *const json_types[] = { "application/json", NULL };
	char *buf;
	size_t got;
	json_error_t jerr;
	json_t *body;
	char detail[160];

	*out = NULL;
	if (tg_request_read_body(req, json_types, &buf, &got) != 0)
		return -1;
	body = json_loadb(buf, got, JSON_REJECT_DUPLICATES, &jerr);
	free(buf);
	if (!body) {
		/* jerr.text may quote the input; say where, not what. */
		snprintf(detail, sizeof(detail),
		    "The body is not valid JSON (UTF-8, no duplicate keys): error at line %d, column %d.",
		    jerr.line, jerr.column);
		tg_send_problem(req, 400, "malformed-json", "Malformed JSON", detail, NULL);
		return -1;
	}
	if (!json_is_object(body)) {
		json_decref(body);
		tg_send_problem(req, 422, "invalid-body", "Unprocessable Content",
		    "The body must be a JSON object.", NULL);
		return -1;
	}
	*out = body;
	return 0;
}
