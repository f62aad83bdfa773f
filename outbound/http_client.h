/*
 * One outbound HTTP exchange with every limit the portal needs against a
 * service it does not own: https only (plain http only to a loopback
 * address, and only when the caller's configuration says so), TLS verified,
 * no redirect followed, hard connect and per-attempt timeouts, a low-speed
 * limit, a response size cap enforced while the body arrives, retries with
 * doubling backoff for transient failures, and one deadline for the whole
 * call including its retries.
 *
 * Error texts never hold the request body or the response body (a BRP
 * answer is personal data), only the transport's own message.
 */
#ifndef TOEGANG_HTTP_CLIENT_H
#define TOEGANG_HTTP_CLIENT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum tg_http_result {
	TG_HTTP_OK,           /* 2xx, whole body within the cap */
	TG_HTTP_NOT_MODIFIED, /* 304 to a conditional GET */
	TG_HTTP_STATUS,       /* another status: see status */
	TG_HTTP_REDIRECT,     /* 3xx: refused, never followed */
	TG_HTTP_TOO_LARGE,    /* the body passed max_bytes */
	TG_HTTP_TIMEOUT,      /* timeout, deadline or low-speed limit */
	TG_HTTP_CONNECT,      /* no connection (refused, unresolvable) */
	TG_HTTP_TLS,          /* certificate or handshake refused */
	TG_HTTP_TRUNCATED,    /* the connection closed before the body ended */
	TG_HTTP_REFUSED_URL,  /* scheme or host not allowed */
	TG_HTTP_FAILED        /* any other transport error */
} tg_http_result;

typedef struct tg_http_opts {
	long connect_timeout_ms;
	long timeout_ms;       /* one attempt, from connect to last byte */
	long deadline_ms;      /* the whole call, retries and backoff included */
	long low_speed_bytes;  /* fewer bytes/s than this ... */
	long low_speed_secs;   /* ... for this long ends the attempt */
	size_t max_bytes;      /* response body cap */
	int retries;           /* extra attempts after a transient failure */
	long backoff_ms;       /* pause before the first retry; doubles */
	bool allow_http_loopback;
	const char *ca_file;   /* NULL: the system's trust store */
} tg_http_opts;

typedef struct tg_http_request {
	const char *url;
	const char *body;          /* NULL: GET; else POST of body_len bytes */
	size_t body_len;
	const char *content_type;  /* of body */
	const char *accept;
	const char *header_name;   /* one extra header (an API key), or NULL */
	const char *header_value;
	const char *if_none_match; /* conditional GET validators, or NULL */
	const char *if_modified_since;
} tg_http_request;

typedef struct tg_http_response {
	tg_http_result result;
	long status;          /* last HTTP status, 0 when none came */
	char *body;           /* NUL-terminated, owned; NULL unless OK */
	size_t len;
	char content_type[128];
	char etag[256];
	char last_modified[64];
	int attempts;
	long elapsed_ms;
	char error[256];
} tg_http_response;

/* Once per process, before any other thread exists. 0 or -1. */
int tg_http_global_init(void);

/* Fills opts with the defaults below; callers then apply their configuration. */
void tg_http_opts_default(tg_http_opts *opts);

/*
 * Applies the settings get(ctx, key) returns (NULL: keep the default), for
 * the keys connect_timeout_ms, timeout_ms, deadline_ms, low_speed_bytes,
 * low_speed_secs, max_bytes, retries, backoff_ms (numbers),
 * allow_http_loopback (yes/no) and ca_file. The strings stay owned by the
 * getter. 0, or -1 with the offending key named in err.
 */
int tg_http_opts_configure(tg_http_opts *opts, const char *(*get)(void *ctx, const char *key),
    void *ctx, char *err, size_t errlen);

/* Never fails to fill resp; resp->result says how it went. */
void tg_http_perform(const tg_http_opts *opts, const tg_http_request *req,
    tg_http_response *resp);
void tg_http_response_free(tg_http_response *resp);

/* Stable short name of a result, for messages and logs ("timeout", ...). */
const char *tg_http_result_name(tg_http_result r);

/* 0 when url may be fetched under opts; else -1 with why in err. */
int tg_http_url_allowed(const char *url, const tg_http_opts *opts, char *err, size_t errlen);

#endif
