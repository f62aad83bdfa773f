/* Writing responses; see response.h. */
#include "response.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

const char *tg_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 411: return "Length Required";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

/* A header value from a plugin must not be able to add lines. */
static int header_value_ok(const char *v)
{
	for (; *v; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f)
			return 0;
	return 1;
}

int tg_send(tg_request *req, int status, const char *content_type, const char *extra_headers,
    const char *body, size_t len)
{
	char head[1024];
	int n;

	if (status < 200 || status > 599 || len > INT_MAX) {
		tg_log(TG_LOG_ERROR, "bad-response", req->rid, "status out of range or body too large",
		    NULL);
		return -1;
	}
	if (req->status != 0) {
		tg_log(TG_LOG_ERROR, "double-response", req->rid, "a second response was refused",
		    NULL);
		return -1;
	}
	n = snprintf(head, sizeof(head),
	    "Status: %d %s\r\n"
	    "Content-Type: %s\r\n"
	    "Content-Length: %zu\r\n"
	    "Cache-Control: no-store\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "X-Request-Id: %s\r\n"
	    "%s\r\n",
	    status, tg_status_text(status), content_type, len, req->rid,
	    extra_headers ? extra_headers : "");
	if (n < 0 || (size_t)n >= sizeof(head))
		return -1;
	req->status = status;
	if (FCGX_PutStr(head, n, req->fcgi->out) != n)
		return -1;
	if (len && FCGX_PutStr(body, (int)len, req->fcgi->out) != (int)len)
		return -1;
	return 0;
}

int tg_send_json(tg_request *req, int status, const json_t *body, const char *location)
{
	char extra[512] = "";
	char *text;
	int rc;

	if (location) {
		if (!header_value_ok(location) || strlen(location) > 400)
			return -1;
		snprintf(extra, sizeof(extra), "Location: %s\r\n", location);
	}
	/* Reals are amounts in euro (two decimals, at most 10 digits): 15
	 * significant digits print 1138.98 as itself, not its nearest double. */
	text = json_dumps(body, JSON_COMPACT | JSON_REAL_PRECISION(15));
	if (!text)
		return -1;
	rc = tg_send(req, status, "application/json", extra[0] ? extra : NULL, text, strlen(text));
	free(text);
	return rc;
}

int tg_send_problem_h(tg_request *req, int status, const char *slug, const char *title,
    const char *detail, const json_t *invalid_params, const char *extra_headers)
{
	json_t *p;
	char *text;
	int rc = -1;

	/* "s+" joins the prefix and the slug whole: a fixed buffer cut long slugs short. */
	p = json_pack("{s:s+, s:s, s:i, s:s}", "type", "urn:toegang:problem:", slug, "title", title,
	    "status", status, "detail", detail ? detail : title);
	if (!p)
		return -1;
	if (invalid_params && json_object_set(p, "invalid-params", (json_t *)invalid_params) != 0)
		goto out;
	text = json_dumps(p, JSON_COMPACT);
	if (!text)
		goto out;
	rc = tg_send(req, status, "application/problem+json", extra_headers, text, strlen(text));
	free(text);
out:
	json_decref(p);
	return rc;
}

int tg_send_problem(tg_request *req, int status, const char *slug, const char *title,
    const char *detail, const json_t *invalid_params)
{
	return tg_send_problem_h(req, status, slug, title, detail, invalid_params, NULL);
}
