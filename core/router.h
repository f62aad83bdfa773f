/*
 * Method + path routing with named parameters ("/api/v1/zaken/{id}").
 *
 * Patterns are split into segments once, at start-up. A request path is
 * matched segment by segment; where several patterns match, the one with a
 * literal at the leftmost segment where they differ wins, so "/zaken/export"
 * beats "/zaken/{id}", whatever order the routes were added in. A path that
 * some pattern matches under another method gives 405 and the Allow list.
 * Paths are matched as they arrive (undecoded): a path with a character
 * outside the unreserved set and '/' never matches, so no route sees '%00',
 * '..' tricks or encoded slashes.
 */
#ifndef TOEGANG_ROUTER_H
#define TOEGANG_ROUTER_H

#include <stddef.h>

#include <toegang/plugin.h>

#define TG_ROUTER_MAX_SEGMENTS 16
#define TG_ROUTER_MAX_PARAMS 8
#define TG_ROUTER_MAX_PATH 1024

typedef struct tg_router tg_router;

typedef struct tg_route_match {
	const tg_route *route;
	void *owner; /* what was passed to tg_router_add (the plugin) */
	size_t nparams;
	const char *names[TG_ROUTER_MAX_PARAMS];
	const char *values[TG_ROUTER_MAX_PARAMS]; /* point into buf */
	char buf[TG_ROUTER_MAX_PATH + 1];
} tg_route_match;

typedef enum tg_router_result {
	TG_ROUTE_FOUND,
	TG_ROUTE_NOT_FOUND,
	TG_ROUTE_METHOD_NOT_ALLOWED
} tg_router_result;

tg_router *tg_router_new(void);
void tg_router_free(tg_router *r);

/*
 * Adds a route. Refuses (-1, err filled) a malformed pattern, a method that is
 * not an upper-case token, a route without roles, and a method + pattern that
 * another route already has (two plugins must not fight over one URL).
 */
int tg_router_add(tg_router *r, const tg_route *route, void *owner, char *err, size_t errlen);

/*
 * Matches; on TG_ROUTE_METHOD_NOT_ALLOWED, allow receives "GET, POST".
 * A HEAD request is not routed to GET handlers: nothing here needs it.
 */
tg_router_result tg_router_match(const tg_router *r, const char *method, const char *path,
    tg_route_match *m, char *allow, size_t allowcap);

#endif
