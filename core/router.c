/* The route table; see router.h for the matching rules. */
#include "router.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
	const tg_route *route;
	void *owner;
	size_t nsegs;
	char *segs[TG_ROUTER_MAX_SEGMENTS]; /* "{id}" stored as "id" with is_param set */
	bool is_param[TG_ROUTER_MAX_SEGMENTS];
} entry;

struct tg_router {
	entry *entries;
	size_t n;
};

static bool path_char_ok(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '-' || c == '.' || c == '_' || c == '~';
}

/*
 * Splits "/a/b/c" in place into segments: each '/' becomes the terminator of
 * the segment before it. -1 when malformed (empty, "." or ".." segments).
 */
static int split_path(char *path, char **segs, size_t *nsegs)
{
	size_t n = 0;
	char *p = path;

	if (*p != '/')
		return -1;
	while (*p == '/') {
		char *start;
		*p++ = '\0';
		start = p;
		while (*p && *p != '/') {
			if (!path_char_ok(*p))
				return -1;
			p++;
		}
		if (p == start)
			return -1; /* "//" or a trailing slash */
		if (strncmp(start, ".", (size_t)(p - start)) == 0 ||
		    strncmp(start, "..", (size_t)(p - start)) == 0)
			return -1;
		if (n == TG_ROUTER_MAX_SEGMENTS)
			return -1;
		segs[n++] = start;
	}
	*nsegs = n;
	return 0;
}

tg_router *tg_router_new(void) { return calloc(1, sizeof(tg_router)); }

static void entry_free(entry *e)
{
	for (size_t i = 0; i < e->nsegs; i++)
		free(e->segs[i]);
}

void tg_router_free(tg_router *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		entry_free(&r->entries[i]);
	free(r->entries);
	free(r);
}

static bool method_ok(const char *m)
{
	if (!m || !*m || strlen(m) > 16)
		return false;
	for (; *m; m++)
		if (*m < 'A' || *m > 'Z')
			return false;
	return true;
}

static int parse_pattern(const char *pattern, entry *e, char *err, size_t errlen)
{
	const char *p = pattern;
	if (!pattern || *p != '/') {
		snprintf(err, errlen, "pattern must start with '/'");
		return -1;
	}
	while (*p == '/') {
		const char *start = ++p;
		size_t len;
		bool param = false;
		while (*p && *p != '/')
			p++;
		len = (size_t)(p - start);
		if (len == 0) {
			snprintf(err, errlen, "pattern \"%s\" has an empty segment", pattern);
			return -1;
		}
		if (e->nsegs == TG_ROUTER_MAX_SEGMENTS) {
			snprintf(err, errlen, "pattern \"%s\" has too many segments", pattern);
			return -1;
		}
		if (start[0] == '{') {
			if (len < 3 || start[len - 1] != '}') {
				snprintf(err, errlen, "pattern \"%s\": malformed parameter", pattern);
				return -1;
			}
			param = true;
			start++;
			len -= 2;
		}
		for (size_t i = 0; i < len; i++) {
			if (!path_char_ok(start[i])) {
				snprintf(err, errlen, "pattern \"%s\": character not allowed", pattern);
				return -1;
			}
		}
		if (!param && ((len == 1 && start[0] == '.') ||
		    (len == 2 && start[0] == '.' && start[1] == '.'))) {
			snprintf(err, errlen, "pattern \"%s\": no request path can hold \".\" or \"..\"",
			    pattern);
			return -1;
		}
		for (size_t k = 0; param && k < e->nsegs; k++) {
			if (e->is_param[k] && strlen(e->segs[k]) == len &&
			    strncmp(e->segs[k], start, len) == 0) {
				snprintf(err, errlen, "pattern \"%s\" names a parameter twice", pattern);
				return -1;
			}
		}
		e->segs[e->nsegs] = strndup(start, len);
		if (!e->segs[e->nsegs]) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		e->is_param[e->nsegs] = param;
		e->nsegs++;
	}
	if (*p != '\0') {
		snprintf(err, errlen, "pattern \"%s\" is malformed", pattern);
		return -1;
	}
	return 0;
}

static bool same_shape(const entry *a, const entry *b)
{
	if (a->nsegs != b->nsegs)
		return false;
	for (size_t i = 0; i < a->nsegs; i++) {
		if (a->is_param[i] != b->is_param[i])
			return false;
		if (!a->is_param[i] && strcmp(a->segs[i], b->segs[i]) != 0)
			return false;
	}
	return true;
}

int tg_router_add(tg_router *r, const tg_route *route, void *owner, char *err, size_t errlen)
{
	entry e;
	entry *grown;
	size_t nparams = 0;

	memset(&e, 0, sizeof(e));
	if (!method_ok(route->method)) {
		snprintf(err, errlen, "route method is not an HTTP method token");
		return -1;
	}
	if (!route->handler) {
		snprintf(err, errlen, "route %s %s has no handler", route->method,
		    route->pattern ? route->pattern : "(null)");
		return -1;
	}
	if (route->roles == 0) {
		snprintf(err, errlen, "route %s %s allows no role (use TG_ROUTE_PUBLIC to open it)",
		    route->method, route->pattern ? route->pattern : "(null)");
		return -1;
	}
	if (parse_pattern(route->pattern, &e, err, errlen) != 0)
		goto fail;
	for (size_t i = 0; i < e.nsegs; i++)
		nparams += e.is_param[i];
	if (nparams > TG_ROUTER_MAX_PARAMS) {
		snprintf(err, errlen, "pattern \"%s\" has too many parameters", route->pattern);
		goto fail;
	}
	for (size_t i = 0; i < r->n; i++) {
		if (strcmp(r->entries[i].route->method, route->method) == 0 &&
		    same_shape(&r->entries[i], &e)) {
			snprintf(err, errlen, "route %s %s is already taken", route->method,
			    route->pattern);
			goto fail;
		}
	}
	grown = realloc(r->entries, (r->n + 1) * sizeof(*grown));
	if (!grown) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	r->entries = grown;
	e.route = route;
	e.owner = owner;
	r->entries[r->n++] = e;
	return 0;
fail:
	entry_free(&e);
	return -1;
}

/*
 * Of two patterns that match the same path, the one with a literal where the
 * other has a parameter, at the leftmost such segment, wins. Two patterns
 * matching one path can't be literal-for-literal different, and identical
 * shapes are refused at add, so this decides every case, in any add order.
 */
static bool more_specific(const entry *a, const entry *b)
{
	for (size_t i = 0; i < a->nsegs; i++)
		if (a->is_param[i] != b->is_param[i])
			return !a->is_param[i];
	return false;
}

static bool entry_matches(const entry *e, char *const *segs, size_t nsegs)
{
	if (e->nsegs != nsegs)
		return false;
	for (size_t i = 0; i < nsegs; i++)
		if (!e->is_param[i] && strcmp(e->segs[i], segs[i]) != 0)
			return false;
	return true;
}

static void append_allow(char *allow, size_t cap, const char *method)
{
	size_t len = strlen(allow);
	/* Skip a method already listed (two patterns of one shape can't share it, but
	 * two shapes matching one path can). */
	const char *p = allow;
	size_t mlen = strlen(method);
	while ((p = strstr(p, method)) != NULL) {
		if ((p == allow || p[-1] == ' ') && (p[mlen] == ',' || p[mlen] == '\0'))
			return;
		p += mlen;
	}
	snprintf(allow + len, cap - len, "%s%s", len ? ", " : "", method);
}

tg_router_result tg_router_match(const tg_router *r, const char *method, const char *path,
    tg_route_match *m, char *allow, size_t allowcap)
{
	char *segs[TG_ROUTER_MAX_SEGMENTS];
	size_t nsegs = 0;
	const entry *best = NULL;
	bool other_method = false;

	if (allowcap)
		allow[0] = '\0';
	memset(m, 0, offsetof(tg_route_match, buf));
	if (!path || strlen(path) > TG_ROUTER_MAX_PATH)
		return TG_ROUTE_NOT_FOUND;
	strcpy(m->buf, path);
	if (split_path(m->buf, segs, &nsegs) != 0)
		return TG_ROUTE_NOT_FOUND;

	for (size_t i = 0; i < r->n; i++) {
		const entry *e = &r->entries[i];
		if (!entry_matches(e, segs, nsegs))
			continue;
		if (strcmp(e->route->method, method) != 0) {
			other_method = true;
			if (allowcap)
				append_allow(allow, allowcap, e->route->method);
			continue;
		}
		if (!best || more_specific(e, best))
			best = e;
	}
	if (!best)
		return other_method ? TG_ROUTE_METHOD_NOT_ALLOWED : TG_ROUTE_NOT_FOUND;
	m->route = best->route;
	m->owner = best->owner;
	for (size_t i = 0; i < nsegs; i++) {
		if (best->is_param[i]) {
			m->names[m->nparams] = best->segs[i];
			m->values[m->nparams] = segs[i];
			m->nparams++;
		}
	}
	return TG_ROUTE_FOUND;
}
