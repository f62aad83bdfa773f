/*
 * Unit tests for core/router.c: adding routes, matching with parameters,
 * precedence of literal segments, 404/405 with the Allow list, and the paths
 * and patterns the router must refuse.
 */
#include <check.h>

#include "run_suite.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "router.h"

static tg_outcome h(tg_request *req, const tg_services *svc, void *state)
{
	(void)req;
	(void)svc;
	(void)state;
	return TG_DONE;
}

static tg_outcome h2(tg_request *req, const tg_services *svc, void *state)
{
	(void)req;
	(void)svc;
	(void)state;
	return TG_FAIL_INTERNAL;
}

#define ROLES (TG_ROLE_BIT(TG_ROLE_HUISARTS) | TG_ROLE_BIT(TG_ROLE_GI))

/* The route table of the tests; its addresses are what a match must return. */
static const tg_route R_HEALTH = { "GET", "/api/v1/health", h, TG_ROUTE_PUBLIC };
static const tg_route R_LIST = { "GET", "/api/v1/zaken", h, ROLES };
static const tg_route R_CREATE = { "POST", "/api/v1/zaken", h, ROLES };
static const tg_route R_GET = { "GET", "/api/v1/zaken/{id}", h, ROLES };
static const tg_route R_ACTIE = { "POST", "/api/v1/zaken/{id}/acties/{actie}", h, ROLES };
static const tg_route R_EXPORT = { "GET", "/api/v1/zaken/export", h2, ROLES };

static int owner_a, owner_b;

static tg_router *rt;
static tg_route_match m;
static char allow[128];
static char err[256];

static void add_ok(tg_router *r, const tg_route *route, void *owner)
{
	char e[256] = "";
	int rc = tg_router_add(r, route, owner, e, sizeof(e));
	ck_assert_msg(rc == 0, "adding %s %s failed: %s", route->method, route->pattern, e);
}

/* A router with the usual table, built before each test of a TCase. */
static void setup_table(void)
{
	rt = tg_router_new();
	ck_assert_ptr_nonnull(rt);
	add_ok(rt, &R_HEALTH, &owner_a);
	add_ok(rt, &R_LIST, &owner_a);
	add_ok(rt, &R_CREATE, &owner_a);
	add_ok(rt, &R_GET, &owner_a);
	add_ok(rt, &R_ACTIE, &owner_b);
	add_ok(rt, &R_EXPORT, &owner_b);
	memset(&m, 0, sizeof(m));
	memset(allow, 'x', sizeof(allow));
	allow[sizeof(allow) - 1] = '\0';
}

static void setup_empty(void)
{
	rt = tg_router_new();
	ck_assert_ptr_nonnull(rt);
	memset(err, 0, sizeof(err));
}

static void teardown_router(void)
{
	tg_router_free(rt);
	rt = NULL;
}

static tg_router_result match(const char *method, const char *path)
{
	return tg_router_match(rt, method, path, &m, allow, sizeof(allow));
}

/* The value of parameter name in m, or NULL. */
static const char *param(const char *name)
{
	for (size_t i = 0; i < m.nparams; i++)
		if (strcmp(m.names[i], name) == 0)
			return m.values[i];
	return NULL;
}

/* ---------------------------------------------------------------- matching */

START_TEST(test_match_literal_route)
{
	ck_assert_int_eq(match("GET", "/api/v1/health"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_HEALTH);
	ck_assert_ptr_eq(m.owner, &owner_a);
	ck_assert_uint_eq(m.nparams, 0);
}
END_TEST

START_TEST(test_match_by_method)
{
	ck_assert_int_eq(match("GET", "/api/v1/zaken"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_LIST);
	ck_assert_int_eq(match("POST", "/api/v1/zaken"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_CREATE);
}
END_TEST

START_TEST(test_match_one_param)
{
	ck_assert_int_eq(match("GET", "/api/v1/zaken/42"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_GET);
	ck_assert_ptr_eq(m.owner, &owner_a);
	ck_assert_uint_eq(m.nparams, 1);
	ck_assert_str_eq(m.names[0], "id");
	ck_assert_str_eq(m.values[0], "42");
}
END_TEST

START_TEST(test_match_two_params_in_order)
{
	ck_assert_int_eq(match("POST", "/api/v1/zaken/Z-2024.001/acties/sluiten"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_ACTIE);
	ck_assert_ptr_eq(m.owner, &owner_b);
	ck_assert_uint_eq(m.nparams, 2);
	ck_assert_str_eq(m.names[0], "id");
	ck_assert_str_eq(m.values[0], "Z-2024.001");
	ck_assert_str_eq(m.names[1], "actie");
	ck_assert_str_eq(m.values[1], "sluiten");
	ck_assert_str_eq(param("actie"), "sluiten");
}
END_TEST

START_TEST(test_match_unreserved_characters_in_values)
{
	/* Every unreserved character is allowed, and dots are fine when the
	 * segment is not exactly "." or "..". */
	ck_assert_int_eq(match("GET", "/api/v1/zaken/aZ09-._~"), TG_ROUTE_FOUND);
	ck_assert_str_eq(param("id"), "aZ09-._~");
	ck_assert_int_eq(match("GET", "/api/v1/zaken/..."), TG_ROUTE_FOUND);
	ck_assert_str_eq(param("id"), "...");
	ck_assert_int_eq(match("GET", "/api/v1/zaken/.x"), TG_ROUTE_FOUND);
	ck_assert_str_eq(param("id"), ".x");
}
END_TEST

START_TEST(test_match_does_not_modify_path)
{
	const char path[] = "/api/v1/zaken/7/acties/open";
	char copy[sizeof(path)];
	memcpy(copy, path, sizeof(path));
	ck_assert_int_eq(match("POST", copy), TG_ROUTE_FOUND);
	ck_assert_str_eq(copy, path);
	/* The values live in the match, not in the caller's string. */
	ck_assert_msg(m.values[0] >= m.buf && m.values[0] < m.buf + sizeof(m.buf),
	    "parameter value does not point into the match buffer");
}
END_TEST

START_TEST(test_match_is_case_sensitive)
{
	ck_assert_int_eq(match("GET", "/API/v1/health"), TG_ROUTE_NOT_FOUND);
	ck_assert_int_eq(match("GET", "/api/v1/Health"), TG_ROUTE_NOT_FOUND);
}
END_TEST

/* -------------------------------------------------------------- precedence */

START_TEST(test_literal_beats_param)
{
	ck_assert_int_eq(match("GET", "/api/v1/zaken/export"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_EXPORT);
	ck_assert_ptr_eq(m.owner, &owner_b);
	ck_assert_uint_eq(m.nparams, 0);
	/* ...and only that exact segment: a near miss still goes to {id}. */
	ck_assert_int_eq(match("GET", "/api/v1/zaken/exports"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_GET);
	ck_assert_str_eq(param("id"), "exports");
}
END_TEST

START_TEST(test_literal_beats_param_whatever_the_order)
{
	/* The literal route added first, the parameter route after it. */
	tg_router *r = tg_router_new();
	ck_assert_ptr_nonnull(r);
	add_ok(r, &R_EXPORT, &owner_b);
	add_ok(r, &R_GET, &owner_a);
	ck_assert_int_eq(tg_router_match(r, "GET", "/api/v1/zaken/export", &m, allow,
	    sizeof(allow)), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_EXPORT);
	ck_assert_int_eq(tg_router_match(r, "GET", "/api/v1/zaken/9", &m, allow, sizeof(allow)),
	    TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_GET);
	tg_router_free(r);
}
END_TEST

START_TEST(test_more_literals_win_deeper)
{
	static const tg_route any = { "GET", "/a/{x}/{y}", h, ROLES };
	static const tg_route mid = { "GET", "/a/{x}/c", h, ROLES };
	static const tg_route full = { "GET", "/a/b/c", h, ROLES };
	add_ok(rt, &any, NULL);
	add_ok(rt, &mid, NULL);
	add_ok(rt, &full, NULL);
	ck_assert_int_eq(match("GET", "/a/b/c"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &full);
	ck_assert_int_eq(match("GET", "/a/q/c"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &mid);
	ck_assert_str_eq(param("x"), "q");
	ck_assert_int_eq(match("GET", "/a/q/r"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &any);
	ck_assert_str_eq(param("y"), "r");
}
END_TEST

/* ------------------------------------------------------------------ 404/405 */

START_TEST(test_unknown_path_is_404)
{
	ck_assert_int_eq(match("GET", "/api/v1/nothing"), TG_ROUTE_NOT_FOUND);
	ck_assert_ptr_null(m.route);
	ck_assert_str_eq(allow, "");
	ck_assert_int_eq(match("GET", "/api/v2/health"), TG_ROUTE_NOT_FOUND);
	/* A prefix or an extension of a route is not that route. */
	ck_assert_int_eq(match("GET", "/api/v1"), TG_ROUTE_NOT_FOUND);
	ck_assert_int_eq(match("GET", "/api/v1/health/x"), TG_ROUTE_NOT_FOUND);
	ck_assert_int_eq(match("POST", "/api/v1/zaken/1/acties"), TG_ROUTE_NOT_FOUND);
	ck_assert_int_eq(match("POST", "/api/v1/zaken/1/acties/a/b"), TG_ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(test_empty_router_is_404)
{
	tg_router *r = tg_router_new();
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(tg_router_match(r, "GET", "/api/v1/health", &m, allow, sizeof(allow)),
	    TG_ROUTE_NOT_FOUND);
	ck_assert_str_eq(allow, "");
	tg_router_free(r);
}
END_TEST

START_TEST(test_405_lists_methods)
{
	ck_assert_int_eq(match("DELETE", "/api/v1/zaken"), TG_ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_str_eq(allow, "GET, POST");
	ck_assert_ptr_null(m.route);
}
END_TEST

START_TEST(test_405_single_method)
{
	ck_assert_int_eq(match("POST", "/api/v1/health"), TG_ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_str_eq(allow, "GET");
	/* Methods are case-sensitive tokens: "get" is not GET. */
	ck_assert_int_eq(match("get", "/api/v1/health"), TG_ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_str_eq(allow, "GET");
}
END_TEST

START_TEST(test_405_no_duplicates)
{
	/* /zaken/export matches both GET /zaken/{id} and GET /zaken/export. */
	ck_assert_int_eq(match("DELETE", "/api/v1/zaken/export"), TG_ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_str_eq(allow, "GET");
}
END_TEST

START_TEST(test_405_no_duplicates_mixed)
{
	static const tg_route put_id = { "PUT", "/api/v1/zaken/{id}", h, ROLES };
	static const tg_route put_export = { "PUT", "/api/v1/zaken/export", h, ROLES };
	static const tg_route patch_export = { "PATCH", "/api/v1/zaken/export", h, ROLES };
	add_ok(rt, &put_id, NULL);
	add_ok(rt, &put_export, NULL);
	add_ok(rt, &patch_export, NULL);
	ck_assert_int_eq(match("DELETE", "/api/v1/zaken/export"), TG_ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_str_eq(allow, "GET, PUT, PATCH");
	ck_assert_int_eq(match("DELETE", "/api/v1/zaken/12"), TG_ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_str_eq(allow, "GET, PUT");
}
END_TEST

START_TEST(test_405_method_inside_another_still_listed)
{
	/* "POS" and "OST" are listed although "POST", which contains both, already is. */
	static const tg_route pos = { "POS", "/api/v1/zaken", h, ROLES };
	static const tg_route ost = { "OST", "/api/v1/zaken", h, ROLES };
	add_ok(rt, &pos, NULL);
	add_ok(rt, &ost, NULL);
	ck_assert_int_eq(match("PUT", "/api/v1/zaken"), TG_ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_str_eq(allow, "GET, POST, POS, OST");
}
END_TEST

START_TEST(test_found_clears_allow)
{
	ck_assert_int_eq(match("DELETE", "/api/v1/zaken"), TG_ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_int_eq(match("GET", "/api/v1/nothing"), TG_ROUTE_NOT_FOUND);
	ck_assert_str_eq(allow, "");
}
END_TEST

START_TEST(test_405_allow_is_bounded)
{
	char small[6];
	memset(small, 'x', sizeof(small));
	ck_assert_int_eq(tg_router_match(rt, "DELETE", "/api/v1/zaken", &m, small, sizeof(small)),
	    TG_ROUTE_METHOD_NOT_ALLOWED);
	ck_assert_ptr_nonnull(memchr(small, '\0', sizeof(small)));
	ck_assert_int_eq(strncmp(small, "GET", 3), 0);
}
END_TEST

/* ----------------------------------------------------------- refused paths */

/* Each of these would reach GET /api/v1/zaken/{id} (or another route) if the
 * router were lax; all must be 404, never 405 nor a match. */
static const char *const bad_paths[] = {
	"/api/v1/zaken/",             /* trailing slash */
	"/api/v1/health/",            /* trailing slash */
	"/api/v1//zaken",             /* double slash */
	"//api/v1/health",            /* double slash at the start */
	"/api/v1/zaken//",            /* double slash at the end */
	"/api/v1/zaken/.",            /* dot segment */
	"/api/v1/zaken/..",           /* dot-dot segment */
	"/api/v1/./health",           /* dot segment in the middle */
	"/api/v1/zaken/../health",    /* dot-dot in the middle */
	"/api/v1/zaken/%2F",          /* encoded slash */
	"/api/v1/zaken/a%2Fb",        /* encoded slash inside */
	"/api/v1/zaken/%00",          /* encoded NUL */
	"/api/v1/zaken/%2e%2e",       /* encoded dot-dot */
	"/api/v1/zaken/1;x=2",        /* matrix parameter */
	"/api/v1/zaken/1 2",          /* space */
	"/api/v1/zaken/1?x=2",        /* query string not stripped by the caller */
	"/api/v1/zaken/{id}",         /* pattern syntax in a path */
	"/api/v1/zaken/1\\2",         /* backslash */
	"/api/v1/zaken/\xc3\xa9",     /* non-ASCII */
	"/api/v1/zaken/a\tb",         /* control character */
	"api/v1/health",              /* no leading slash */
	"/",                          /* root: an empty segment */
	"",                           /* empty */
};

START_TEST(test_refused_path)
{
	const char *path = bad_paths[_i];
	ck_assert_msg(match("GET", path) == TG_ROUTE_NOT_FOUND, "path \"%s\" was not refused", path);
	ck_assert_ptr_null(m.route);
	ck_assert_msg(match("POST", path) == TG_ROUTE_NOT_FOUND, "path \"%s\" was not refused",
	    path);
	ck_assert_str_eq(allow, "");
}
END_TEST

START_TEST(test_path_length_limit)
{
	char path[TG_ROUTER_MAX_PATH + 2];
	const char *prefix = "/api/v1/zaken/";
	size_t plen = strlen(prefix);

	/* Exactly TG_ROUTER_MAX_PATH characters: matched, value intact. */
	memcpy(path, prefix, plen);
	memset(path + plen, 'a', TG_ROUTER_MAX_PATH - plen);
	path[TG_ROUTER_MAX_PATH] = '\0';
	ck_assert_int_eq(match("GET", path), TG_ROUTE_FOUND);
	ck_assert_uint_eq(strlen(param("id")), TG_ROUTER_MAX_PATH - plen);

	/* One more: refused. */
	path[TG_ROUTER_MAX_PATH] = 'a';
	path[TG_ROUTER_MAX_PATH + 1] = '\0';
	ck_assert_int_eq(match("GET", path), TG_ROUTE_NOT_FOUND);
	ck_assert_ptr_null(m.route);
	ck_assert_int_eq(match("DELETE", path), TG_ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(test_path_much_longer_than_limit)
{
	size_t n = 64 * 1024;
	char *path = malloc(n + 1);
	ck_assert_ptr_nonnull(path);
	memcpy(path, "/api/v1/zaken/", 14);
	memset(path + 14, 'b', n - 14);
	path[n] = '\0';
	ck_assert_int_eq(match("GET", path), TG_ROUTE_NOT_FOUND);
	free(path);
}
END_TEST

/* Writes the path "/s0/s1/.../s(n-1)" of n segments into buf. */
static void segments_path(char *buf, size_t cap, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		len += (size_t)snprintf(buf + len, cap - len, "/s%zu", i);
		ck_assert_uint_lt(len, cap);
	}
}

START_TEST(test_segment_limit)
{
	char pattern[512];
	char path[TG_ROUTER_MAX_PATH];
	size_t len = 0;
	tg_route route = { "GET", pattern, h, ROLES };

	/* A pattern of TG_ROUTER_MAX_SEGMENTS literal segments is accepted... */
	for (size_t i = 0; i < TG_ROUTER_MAX_SEGMENTS; i++)
		len += (size_t)snprintf(pattern + len, sizeof(pattern) - len, "/s%zu", i);
	add_ok(rt, &route, NULL);

	/* ...and a path of as many segments matches it... */
	segments_path(path, sizeof(path), TG_ROUTER_MAX_SEGMENTS);
	ck_assert_int_eq(match("GET", path), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &route);

	/* ...but one segment more is refused, whatever it is. */
	segments_path(path, sizeof(path), TG_ROUTER_MAX_SEGMENTS + 1);
	ck_assert_int_eq(match("GET", path), TG_ROUTE_NOT_FOUND);
	segments_path(path, sizeof(path), 100);
	ck_assert_int_eq(match("GET", path), TG_ROUTE_NOT_FOUND);
}
END_TEST

/* ------------------------------------------------------------ add refusals */

START_TEST(test_add_duplicate_refused)
{
	static const tg_route dup = { "GET", "/api/v1/zaken/{id}", h2, ROLES };
	add_ok(rt, &R_GET, &owner_a);
	ck_assert_int_eq(tg_router_add(rt, &dup, &owner_b, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "already taken"));
	ck_assert_ptr_nonnull(strstr(err, "/api/v1/zaken/{id}"));
	/* The first one stays. */
	ck_assert_int_eq(tg_router_match(rt, "GET", "/api/v1/zaken/1", &m, allow, sizeof(allow)),
	    TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &R_GET);
	ck_assert_ptr_eq(m.owner, &owner_a);
}
END_TEST

START_TEST(test_add_duplicate_shape_refused)
{
	static const tg_route other_name = { "GET", "/api/v1/zaken/{zaak}", h2, ROLES };
	add_ok(rt, &R_GET, &owner_a);
	ck_assert_int_eq(tg_router_add(rt, &other_name, &owner_b, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "already taken"));
	ck_assert_int_eq(tg_router_match(rt, "GET", "/api/v1/zaken/1", &m, allow, sizeof(allow)),
	    TG_ROUTE_FOUND);
	ck_assert_str_eq(m.names[0], "id");
}
END_TEST

START_TEST(test_add_same_pattern_other_method_ok)
{
	static const tg_route del = { "DELETE", "/api/v1/zaken/{zaak}", h, ROLES };
	add_ok(rt, &R_GET, &owner_a);
	ck_assert_int_eq(tg_router_add(rt, &del, &owner_b, err, sizeof(err)), 0);
	ck_assert_int_eq(tg_router_match(rt, "DELETE", "/api/v1/zaken/5", &m, allow,
	    sizeof(allow)), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &del);
	ck_assert_str_eq(m.names[0], "zaak");
}
END_TEST

START_TEST(test_add_literal_next_to_param_ok)
{
	/* Same length, but a literal where the other has a parameter: another shape. */
	add_ok(rt, &R_GET, NULL);
	ck_assert_int_eq(tg_router_add(rt, &R_EXPORT, NULL, err, sizeof(err)), 0);
}
END_TEST

START_TEST(test_add_no_roles_refused)
{
	static const tg_route r = { "GET", "/api/v1/x", h, 0 };
	ck_assert_int_eq(tg_router_add(rt, &r, NULL, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "no role"));
	ck_assert_int_eq(tg_router_match(rt, "GET", "/api/v1/x", &m, allow, sizeof(allow)),
	    TG_ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(test_add_null_handler_refused)
{
	static const tg_route r = { "GET", "/api/v1/x", NULL, ROLES };
	ck_assert_int_eq(tg_router_add(rt, &r, NULL, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "no handler"));
	ck_assert_int_eq(tg_router_match(rt, "GET", "/api/v1/x", &m, allow, sizeof(allow)),
	    TG_ROUTE_NOT_FOUND);
}
END_TEST

static const char *const bad_methods[] = {
	"get", "Get", "", "GET ", "G-T", "GET1", "ABCDEFGHIJKLMNOPQ" /* 17 */,
};

START_TEST(test_add_bad_method_refused)
{
	tg_route r = { bad_methods[_i], "/api/v1/x", h, ROLES };
	ck_assert_msg(tg_router_add(rt, &r, NULL, err, sizeof(err)) == -1,
	    "method \"%s\" was accepted", r.method);
	ck_assert_ptr_nonnull(strstr(err, "method"));
}
END_TEST

START_TEST(test_add_null_method_refused)
{
	static const tg_route r = { NULL, "/api/v1/x", h, ROLES };
	ck_assert_int_eq(tg_router_add(rt, &r, NULL, err, sizeof(err)), -1);
	ck_assert_str_ne(err, "");
}
END_TEST

START_TEST(test_add_long_method_ok)
{
	/* Sixteen upper-case letters is the limit, and still a token. */
	static const tg_route r = { "ABCDEFGHIJKLMNOP", "/api/v1/x", h, ROLES };
	ck_assert_int_eq(tg_router_add(rt, &r, NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(tg_router_match(rt, "ABCDEFGHIJKLMNOP", "/api/v1/x", &m, allow,
	    sizeof(allow)), TG_ROUTE_FOUND);
}
END_TEST

static const char *const bad_patterns[] = {
	"zaken",                 /* no leading slash */
	"api/v1/zaken",          /* no leading slash */
	"",                      /* empty */
	"/",                     /* only an empty segment */
	"/api/v1/zaken/",        /* trailing slash: empty segment */
	"/api//zaken",           /* empty segment */
	"/api/v1/{",             /* unterminated parameter */
	"/api/v1/{}",            /* parameter without a name */
	"/api/v1/{id",           /* unterminated parameter */
	"/api/v1/id}",           /* stray brace */
	"/api/v1/{id}x",         /* text after a parameter */
	"/api/v1/x{id}",         /* text before a parameter */
	"/api/v1/{i d}",         /* bad character in a name */
	"/api/v1/{{id}}",        /* nested braces */
	"/api/v1/za ken",        /* space */
	"/api/v1/zaken;x",       /* ';' */
	"/api/v1/%2F",           /* '%' */
	"/api/v1/zaken/..",      /* no request path can hold ".." */
	"/api/v1/./zaken",       /* nor "." */
	"/a/{id}/b/{id}",        /* a parameter named twice */
};

START_TEST(test_add_bad_pattern_refused)
{
	tg_route r = { "GET", bad_patterns[_i], h, ROLES };
	ck_assert_msg(tg_router_add(rt, &r, NULL, err, sizeof(err)) == -1,
	    "pattern \"%s\" was accepted", r.pattern);
	ck_assert_str_ne(err, "");
}
END_TEST

/* Overlapping patterns with as many literals each: the leftmost literal wins, in either order. */
START_TEST(test_overlap_decided_by_leftmost_literal)
{
	static const tg_route a = { "GET", "/x/{a}/c", h, ROLES };
	static const tg_route b = { "GET", "/x/b/{y}", h2, ROLES };
	const tg_route *first = _i ? &a : &b, *second = _i ? &b : &a;
	add_ok(rt, first, &owner_a);
	add_ok(rt, second, &owner_b);
	ck_assert_int_eq(match("GET", "/x/b/c"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &b);
	ck_assert_str_eq(param("y"), "c");
	ck_assert_int_eq(match("GET", "/x/q/c"), TG_ROUTE_FOUND);
	ck_assert_ptr_eq(m.route, &a);
}
END_TEST

START_TEST(test_add_null_pattern_refused)
{
	static const tg_route r = { "GET", NULL, h, ROLES };
	ck_assert_int_eq(tg_router_add(rt, &r, NULL, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "'/'"));
}
END_TEST

START_TEST(test_add_too_many_segments_refused)
{
	char pattern[512];
	size_t len = 0;
	tg_route r = { "GET", pattern, h, ROLES };
	for (size_t i = 0; i < TG_ROUTER_MAX_SEGMENTS + 1; i++)
		len += (size_t)snprintf(pattern + len, sizeof(pattern) - len, "/s%zu", i);
	ck_assert_int_eq(tg_router_add(rt, &r, NULL, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "too many segments"));
}
END_TEST

START_TEST(test_add_param_limit)
{
	char pattern[512];
	size_t len = 0;
	char path[512];
	size_t plen = 0;
	tg_route r = { "GET", pattern, h, ROLES };

	/* TG_ROUTER_MAX_PARAMS parameters: accepted, all extracted. */
	for (size_t i = 0; i < TG_ROUTER_MAX_PARAMS; i++) {
		len += (size_t)snprintf(pattern + len, sizeof(pattern) - len, "/{p%zu}", i);
		plen += (size_t)snprintf(path + plen, sizeof(path) - plen, "/v%zu", i);
	}
	ck_assert_int_eq(tg_router_add(rt, &r, NULL, err, sizeof(err)), 0);
	ck_assert_int_eq(tg_router_match(rt, "GET", path, &m, allow, sizeof(allow)),
	    TG_ROUTE_FOUND);
	ck_assert_uint_eq(m.nparams, TG_ROUTER_MAX_PARAMS);
	ck_assert_str_eq(m.names[TG_ROUTER_MAX_PARAMS - 1], "p7");
	ck_assert_str_eq(m.values[TG_ROUTER_MAX_PARAMS - 1], "v7");

	/* One more: refused. */
	snprintf(pattern + len, sizeof(pattern) - len, "/{p%d}", TG_ROUTER_MAX_PARAMS);
	ck_assert_int_eq(tg_router_add(rt, &r, NULL, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "too many parameters"));
}
END_TEST

START_TEST(test_refused_add_leaves_router_usable)
{
	static const tg_route bad = { "GET", "/api/v1/zaken/{id}/{", h, ROLES };
	ck_assert_int_eq(tg_router_add(rt, &bad, NULL, err, sizeof(err)), -1);
	/* The half-parsed pattern registered nothing. */
	ck_assert_int_eq(tg_router_match(rt, "GET", "/api/v1/zaken/1/x", &m, allow, sizeof(allow)),
	    TG_ROUTE_NOT_FOUND);
	add_ok(rt, &R_GET, NULL);
	ck_assert_int_eq(tg_router_match(rt, "GET", "/api/v1/zaken/1", &m, allow, sizeof(allow)),
	    TG_ROUTE_FOUND);
}
END_TEST

START_TEST(test_free_null)
{
	/* Like free(NULL): a no-op, so error paths can free unconditionally. */
	tg_router_free(NULL);
}
END_TEST

static Suite *router_suite(void)
{
	Suite *s = suite_create("router");
	TCase *tc;

	tc = tcase_create("match");
	tcase_add_checked_fixture(tc, setup_table, teardown_router);
	tcase_add_test(tc, test_match_literal_route);
	tcase_add_test(tc, test_match_by_method);
	tcase_add_test(tc, test_match_one_param);
	tcase_add_test(tc, test_match_two_params_in_order);
	tcase_add_test(tc, test_match_unreserved_characters_in_values);
	tcase_add_test(tc, test_match_does_not_modify_path);
	tcase_add_test(tc, test_match_is_case_sensitive);
	suite_add_tcase(s, tc);

	tc = tcase_create("precedence");
	tcase_add_checked_fixture(tc, setup_table, teardown_router);
	tcase_add_test(tc, test_literal_beats_param);
	tcase_add_test(tc, test_literal_beats_param_whatever_the_order);
	tcase_add_loop_test(tc, test_overlap_decided_by_leftmost_literal, 0, 2);
	tcase_add_test(tc, test_more_literals_win_deeper);
	suite_add_tcase(s, tc);

	tc = tcase_create("not_found_and_method");
	tcase_add_checked_fixture(tc, setup_table, teardown_router);
	tcase_add_test(tc, test_unknown_path_is_404);
	tcase_add_test(tc, test_empty_router_is_404);
	tcase_add_test(tc, test_405_lists_methods);
	tcase_add_test(tc, test_405_single_method);
	tcase_add_test(tc, test_405_no_duplicates);
	tcase_add_test(tc, test_405_no_duplicates_mixed);
	tcase_add_test(tc, test_405_method_inside_another_still_listed);
	tcase_add_test(tc, test_found_clears_allow);
	tcase_add_test(tc, test_405_allow_is_bounded);
	suite_add_tcase(s, tc);

	tc = tcase_create("refused_paths");
	tcase_add_checked_fixture(tc, setup_table, teardown_router);
	tcase_add_loop_test(tc, test_refused_path, 0, (int)(sizeof(bad_paths) / sizeof(bad_paths[0])));
	tcase_add_test(tc, test_path_length_limit);
	tcase_add_test(tc, test_path_much_longer_than_limit);
	tcase_add_test(tc, test_segment_limit);
	suite_add_tcase(s, tc);

	tc = tcase_create("add_refusals");
	tcase_add_checked_fixture(tc, setup_empty, teardown_router);
	tcase_add_test(tc, test_add_duplicate_refused);
	tcase_add_test(tc, test_add_duplicate_shape_refused);
	tcase_add_test(tc, test_add_same_pattern_other_method_ok);
	tcase_add_test(tc, test_add_literal_next_to_param_ok);
	tcase_add_test(tc, test_add_no_roles_refused);
	tcase_add_test(tc, test_add_null_handler_refused);
	tcase_add_loop_test(tc, test_add_bad_method_refused, 0,
	    (int)(sizeof(bad_methods) / sizeof(bad_methods[0])));
	tcase_add_test(tc, test_add_null_method_refused);
	tcase_add_test(tc, test_add_long_method_ok);
	tcase_add_loop_test(tc, test_add_bad_pattern_refused, 0,
	    (int)(sizeof(bad_patterns) / sizeof(bad_patterns[0])));
	tcase_add_test(tc, test_add_null_pattern_refused);
	tcase_add_test(tc, test_add_too_many_segments_refused);
	tcase_add_test(tc, test_add_param_limit);
	tcase_add_test(tc, test_refused_add_leaves_router_usable);
	tcase_add_test(tc, test_free_null);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	return tg_run_suite(router_suite());
}
