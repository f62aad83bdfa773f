/* Outbound HTTP through libcurl, with the limits described in http_client.h. */
#include "http_client.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

typedef struct sink {
	char *buf;
	size_t len, cap, max;
	bool too_large;
	tg_http_response *resp;
} sink;

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int tg_http_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void tg_http_opts_default(tg_http_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->connect_timeout_ms = 5000;
	o->timeout_ms = 30000;
	o->deadline_ms = 120000;
	o->low_speed_bytes = 1024;
	o->low_speed_secs = 10;
	o->max_bytes = 8u << 20;
	o->retries = 2;
	o->backoff_ms = 1000;
}

typedef struct number_key {
	const char *key;
	size_t offset;
	long min, max;
	bool is_size;
} number_key;

#define NKEY(k, lo, hi) { #k, offsetof(tg_http_opts, k), lo, hi, false }
static const number_key number_keys[] = {
	NKEY(connect_timeout_ms, 10, 60000),
	NKEY(timeout_ms, 10, 600000),
	NKEY(deadline_ms, 10, 3600000),
	NKEY(low_speed_bytes, 1, 1L << 30),
	NKEY(low_speed_secs, 1, 600),
	{ "max_bytes", offsetof(tg_http_opts, max_bytes), 1024, 1L << 30, true },
	NKEY(backoff_ms, 0, 600000),
};

int tg_http_opts_configure(tg_http_opts *o, const char *(*get)(void *ctx, const char *key),
    void *ctx, char *err, size_t errlen)
{
	const char *v;
	char *end;
	for (size_t i = 0; i < sizeof(number_keys) / sizeof(number_keys[0]); i++) {
		const number_key *k = &number_keys[i];
		long n;
		if (!(v = get(ctx, k->key)))
			continue;
		errno = 0;
		n = strtol(v, &end, 10);
		if (errno || end == v || *end || n < k->min || n > k->max) {
			snprintf(err, errlen, "%s: expected a number from %ld to %ld", k->key, k->min,
			    k->max);
			return -1;
		}
		if (k->is_size)
			*(size_t *)((char *)o + k->offset) = (size_t)n;
		else
			*(long *)((char *)o + k->offset) = n;
	}
	if ((v = get(ctx, "retries"))) {
		long n = strtol(v, &end, 10);
		if (end == v || *end || n < 0 || n > 10)
			return snprintf(err, errlen, "retries: expected a number from 0 to 10"), -1;
		o->retries = (int)n;
	}
	if ((v = get(ctx, "allow_http_loopback"))) {
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
			return snprintf(err, errlen, "allow_http_loopback: expected yes or no"), -1;
		o->allow_http_loopback = strcmp(v, "yes") == 0;
	}
	o->ca_file = get(ctx, "ca_file");
	return 0;
}

const char *tg_http_result_name(tg_http_result r)
{
	static const char *const names[] = {
		[TG_HTTP_OK] = "ok", [TG_HTTP_NOT_MODIFIED] = "not-modified",
		[TG_HTTP_STATUS] = "http-status", [TG_HTTP_REDIRECT] = "redirect-refused",
		[TG_HTTP_TOO_LARGE] = "too-large", [TG_HTTP_TIMEOUT] = "timeout",
		[TG_HTTP_CONNECT] = "connect-failed", [TG_HTTP_TLS] = "tls-failed",
		[TG_HTTP_TRUNCATED] = "truncated", [TG_HTTP_REFUSED_URL] = "url-refused",
		[TG_HTTP_FAILED] = "failed",
	};
	return (unsigned)r < sizeof(names) / sizeof(names[0]) ? names[r] : "failed";
}

static bool is_loopback(const char *host)
{
	return strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0 ||
	    strcmp(host, "::1") == 0 || strcasecmp(host, "localhost") == 0;
}

int tg_http_url_allowed(const char *url, const tg_http_opts *o, char *err, size_t errlen)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL;
	int rc = -1;

	if (!u)
		return snprintf(err, errlen, "out of memory"), -1;
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		snprintf(err, errlen, "not an absolute URL");
	else if (strcmp(scheme, "https") == 0)
		rc = 0;
	else if (strcmp(scheme, "http") == 0 && o->allow_http_loopback && is_loopback(host))
		rc = 0;
	else if (strcmp(scheme, "http") == 0)
		snprintf(err, errlen, o->allow_http_loopback ?
		    "plain http only to a loopback address" : "https only");
	else
		snprintf(err, errlen, "scheme %s not allowed: https only", scheme);
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return rc;
}

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	sink *s = arg;
	size_t add = size * n;
	if (add > s->max - s->len) {
		s->too_large = true;
		return 0; /* libcurl stops the transfer with CURLE_WRITE_ERROR */
	}
	if (s->len + add + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 16384;
		while (cap < s->len + add + 1)
			cap *= 2;
		if (cap > s->max + 1)
			cap = s->max + 1;
		char *grown = realloc(s->buf, cap);
		if (!grown)
			return 0;
		s->buf = grown;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, data, add);
	s->len += add;
	s->buf[s->len] = '\0';
	return add;
}

/* Copies the value of "Name: value\r\n" into out when the name matches. */
static bool header_value(const char *line, size_t n, const char *name, char *out, size_t outlen)
{
	size_t k = strlen(name);
	if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
		return false;
	const char *v = line + k + 1, *end = line + n;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	size_t len = (size_t)(end - v) < outlen - 1 ? (size_t)(end - v) : outlen - 1;
	memcpy(out, v, len);
	out[len] = '\0';
	return true;
}

static size_t on_header(char *line, size_t size, size_t n, void *arg)
{
	sink *s = arg;
	size_t len = size * n;
	char length[32];

	if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) {
		s->resp->content_type[0] = s->resp->etag[0] = s->resp->last_modified[0] = '\0';
		return len;
	}
	header_value(line, len, "Content-Type", s->resp->content_type, sizeof(s->resp->content_type));
	header_value(line, len, "ETag", s->resp->etag, sizeof(s->resp->etag));
	header_value(line, len, "Last-Modified", s->resp->last_modified,
	    sizeof(s->resp->last_modified));
	/* Refuse a declared oversize body before a byte of it arrives. */
	if (header_value(line, len, "Content-Length", length, sizeof(length)) &&
	    strtoull(length, NULL, 10) > s->max) {
		s->too_large = true;
		return 0;
	}
	return len;
}

static tg_http_result classify(CURLcode c, const sink *s)
{
	if (s->too_large)
		return TG_HTTP_TOO_LARGE;
	switch (c) {
	case CURLE_OPERATION_TIMEDOUT:
		return TG_HTTP_TIMEOUT;
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
		return TG_HTTP_CONNECT;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
		return TG_HTTP_TLS;
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
		return TG_HTTP_TRUNCATED;
	case CURLE_FILESIZE_EXCEEDED:
		return TG_HTTP_TOO_LARGE;
	case CURLE_UNSUPPORTED_PROTOCOL:
		return TG_HTTP_REFUSED_URL;
	default:
		return TG_HTTP_FAILED;
	}
}

static bool transient(const tg_http_response *r)
{
	switch (r->result) {
	case TG_HTTP_TIMEOUT:
	case TG_HTTP_CONNECT:
	case TG_HTTP_TRUNCATED:
	case TG_HTTP_FAILED:
		return true;
	case TG_HTTP_STATUS:
		return r->status >= 500 || r->status == 429;
	default:
		return false;
	}
}

static void attempt(CURL *c, const tg_http_opts *o, const tg_http_request *req,
    tg_http_response *resp, long budget_ms)
{
	sink s = { .max = o->max_bytes, .resp = resp };
	struct curl_slist *hdr = NULL;
	char line[512];
	long timeout = o->timeout_ms < budget_ms ? o->timeout_ms : budget_ms;
	long connect = o->connect_timeout_ms < timeout ? o->connect_timeout_ms : timeout;
	bool conditional = false;

	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, req->url);
	/* Exactly the URL's own scheme, for the request and any redirect. */
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, strncmp(req->url, "https:", 6) == 0 ? "https" : "http");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 0L);
	curl_easy_setopt(c, CURLOPT_PROXY, ""); /* no proxy from the environment */
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (o->ca_file)
		curl_easy_setopt(c, CURLOPT_CAINFO, o->ca_file);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, connect > 0 ? connect : 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout > 0 ? timeout : 1L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, o->low_speed_bytes);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o->low_speed_secs);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "toegang/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &s);
	char errbuf[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);

	if (req->accept && snprintf(line, sizeof(line), "Accept: %s", req->accept) < (int)sizeof(line))
		hdr = curl_slist_append(hdr, line);
	if (req->header_name && req->header_value &&
	    snprintf(line, sizeof(line), "%s: %s", req->header_name, req->header_value) <
		(int)sizeof(line))
		hdr = curl_slist_append(hdr, line);
	if (req->if_none_match && *req->if_none_match &&
	    snprintf(line, sizeof(line), "If-None-Match: %s", req->if_none_match) < (int)sizeof(line)) {
		hdr = curl_slist_append(hdr, line);
		conditional = true;
	}
	if (req->if_modified_since && *req->if_modified_since &&
	    snprintf(line, sizeof(line), "If-Modified-Since: %s", req->if_modified_since) <
		(int)sizeof(line)) {
		hdr = curl_slist_append(hdr, line);
		conditional = true;
	}
	if (req->body) {
		if (req->content_type &&
		    snprintf(line, sizeof(line), "Content-Type: %s", req->content_type) < (int)sizeof(line))
			hdr = curl_slist_append(hdr, line);
		hdr = curl_slist_append(hdr, "Expect:");
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);

	CURLcode rc = curl_easy_perform(c);
	resp->status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp->status);
	curl_slist_free_all(hdr);

	if (rc != CURLE_OK) {
		resp->result = classify(rc, &s);
		if (resp->result == TG_HTTP_TOO_LARGE)
			snprintf(resp->error, sizeof(resp->error), "response larger than %zu bytes",
			    o->max_bytes);
		else
			snprintf(resp->error, sizeof(resp->error), "%s",
			    *errbuf ? errbuf : curl_easy_strerror(rc));
		free(s.buf);
		return;
	}
	if (resp->status == 304 && conditional) {
		resp->result = TG_HTTP_NOT_MODIFIED;
		free(s.buf);
	} else if (resp->status == 304) {
		resp->result = TG_HTTP_STATUS;
		snprintf(resp->error, sizeof(resp->error), "HTTP 304 to a request that was not conditional");
		free(s.buf);
	} else if (resp->status >= 300 && resp->status < 400) {
		resp->result = TG_HTTP_REDIRECT;
		snprintf(resp->error, sizeof(resp->error), "HTTP %ld redirect not followed",
		    resp->status);
		free(s.buf);
	} else if (resp->status < 200 || resp->status >= 300) {
		resp->result = TG_HTTP_STATUS;
		snprintf(resp->error, sizeof(resp->error), "HTTP %ld", resp->status);
		free(s.buf);
	} else {
		resp->result = TG_HTTP_OK;
		resp->error[0] = '\0';
		if (!s.buf)
			s.buf = calloc(1, 1);
		resp->body = s.buf;
		resp->len = s.len;
	}
}

void tg_http_perform(const tg_http_opts *o, const tg_http_request *req, tg_http_response *resp)
{
	long start = now_ms();
	long backoff = o->backoff_ms;
	CURL *c;

	memset(resp, 0, sizeof(*resp));
	resp->result = TG_HTTP_REFUSED_URL;
	if (tg_http_url_allowed(req->url, o, resp->error, sizeof(resp->error)) != 0)
		return;
	if (!(c = curl_easy_init())) {
		resp->result = TG_HTTP_FAILED;
		snprintf(resp->error, sizeof(resp->error), "out of memory");
		return;
	}
	for (;;) {
		long left = o->deadline_ms - (now_ms() - start);
		if (left <= 0) {
			resp->result = TG_HTTP_TIMEOUT;
			snprintf(resp->error, sizeof(resp->error), "deadline of %ld ms passed",
			    o->deadline_ms);
			break;
		}
		resp->attempts++;
		attempt(c, o, req, resp, left);
		if (!transient(resp) || resp->attempts > o->retries)
			break;
		left = o->deadline_ms - (now_ms() - start);
		if (backoff >= left)
			break; /* a retry could not finish in time: report this failure */
		struct timespec pause = { backoff / 1000, (backoff % 1000) * 1000000L };
		nanosleep(&pause, NULL);
		backoff *= 2;
	}
	resp->elapsed_ms = now_ms() - start;
	curl_easy_cleanup(c);
}

void tg_http_response_free(tg_http_response *resp)
{
	free(resp->body);
	resp->body = NULL;
	resp->len = 0;
}
