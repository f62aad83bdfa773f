/*
 * core/router.c against a second router written here from router.h's rules.
 *
 * Input: lines. "+METHOD /pattern" adds a route (the seeds hold the API's
 * own table); "METHOD /path" matches. For every add, the router refuses
 * exactly the malformed patterns and methods and the duplicate shapes; for
 * every match it finds the same route (a literal beats a parameter at the
 * leftmost segment where two matching patterns differ), the same
 * parameters, the same 404/405 and the same Allow methods. A path with a
 * character outside the unreserved set, an empty, "." or ".." segment,
 * more than 16 segments or over 1024 bytes never matches.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "router.h"

#define MAX_ROUTES 48
/* A segment or pattern fits: paths are at most TG_ROUTER_MAX_PATH bytes. */
#define SEG (TG_ROUTER_MAX_PATH + 16)

typedef struct ref_route {
	char method[32];
	char pattern[SEG];
	size_t nsegs;
	char segs[TG_ROUTER_MAX_SEGMENTS][SEG];
	bool param[TG_ROUTER_MAX_SEGMENTS];
} ref_route;

static tg_outcome handler(tg_request *req, const tg_services *svc, void *state)
{
	(void)req;
	(void)svc;
	(void)state;
	return TG_DONE;
}

static bool unreserved(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	    c == '.' || c == '_' || c == '~';
}

static bool all_unreserved(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!unreserved(s[i]))
			return false;
	return true;
}

/* Splits "/a/b" into segments; false when any segment is empty or there are too many. */
static bool split(const char *s, char segs[][SEG], size_t *n)
{
	*n = 0;
	if (*s != '/')
		return false;
	while (*s == '/') {
		const char *start = ++s;
		size_t len;
		while (*s && *s != '/')
			s++;
		len = (size_t)(s - start);
		if (len == 0 || len >= SEG || *n == TG_ROUTER_MAX_SEGMENTS)
			return false;
		memcpy(segs[*n], start, len);
		segs[*n][len] = '\0';
		(*n)++;
	}
	return *s == '\0';
}

static bool ref_parse(const char *method, const char *pattern, ref_route *r)
{
	size_t nparams = 0, mlen = strlen(method);
	if (mlen == 0 || mlen > 16)
		return false;
	for (size_t i = 0; i < mlen; i++)
		if (method[i] < 'A' || method[i] > 'Z')
			return false;
	if (strlen(pattern) >= sizeof(r->pattern) || !split(pattern, r->segs, &r->nsegs))
		return false;
	for (size_t i = 0; i < r->nsegs; i++) {
		char *s = r->segs[i];
		size_t len = strlen(s);
		r->param[i] = s[0] == '{';
		if (r->param[i]) {
			if (len < 3 || s[len - 1] != '}' || !all_unreserved(s + 1, len - 2))
				return false;
			memmove(s, s + 1, len - 2);
			s[len - 2] = '\0';
			for (size_t k = 0; k < i; k++)
				if (r->param[k] && strcmp(r->segs[k], s) == 0)
					return false;
			nparams++;
		} else if (!all_unreserved(s, len) || strcmp(s, ".") == 0 || strcmp(s, "..") == 0) {
			return false;
		}
	}
	if (nparams > TG_ROUTER_MAX_PARAMS)
		return false;
	snprintf(r->method, sizeof(r->method), "%s", method);
	snprintf(r->pattern, sizeof(r->pattern), "%s", pattern);
	return true;
}

static bool same_shape(const ref_route *a, const ref_route *b)
{
	if (a->nsegs != b->nsegs)
		return false;
	for (size_t i = 0; i < a->nsegs; i++)
		if (a->param[i] != b->param[i] || (!a->param[i] && strcmp(a->segs[i], b->segs[i]) != 0))
			return false;
	return true;
}

static bool ref_matches(const ref_route *r, char segs[][SEG], size_t n)
{
	if (r->nsegs != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!r->param[i] && strcmp(r->segs[i], segs[i]) != 0)
			return false;
	return true;
}

/* a before b: a literal where b has a parameter, at the leftmost segment where they differ. */
static bool ref_better(const ref_route *a, const ref_route *b)
{
	for (size_t i = 0; i < a->nsegs; i++)
		if (a->param[i] != b->param[i])
			return !a->param[i];
	return false;
}

static ref_route refs[MAX_ROUTES];
static tg_route routes[MAX_ROUTES];
static size_t nroutes;

static void check_match(tg_router *router, const char *method, const char *path)
{
	static char segs[TG_ROUTER_MAX_SEGMENTS][SEG];
	static tg_route_match m;
	char allow[SEG], want_allow[SEG] = "";
	size_t nsegs = 0;
	const ref_route *best = NULL;
	bool other = false, path_ok = strlen(path) <= TG_ROUTER_MAX_PATH && split(path, segs, &nsegs);
	tg_router_result got = tg_router_match(router, method, path, &m, allow, sizeof(allow));

	for (size_t i = 0; path_ok && i < nsegs; i++)
		if (!all_unreserved(segs[i], strlen(segs[i])) || strcmp(segs[i], ".") == 0 ||
		    strcmp(segs[i], "..") == 0)
			path_ok = false;
	for (size_t i = 0; path_ok && i < nroutes; i++) {
		if (!ref_matches(&refs[i], segs, nsegs))
			continue;
		if (strcmp(refs[i].method, method) != 0) {
			/* each method once, in the order of the table */
			char *p = want_allow;
			size_t mlen = strlen(refs[i].method);
			bool seen = false;
			while ((p = strstr(p, refs[i].method)) != NULL) {
				if ((p == want_allow || p[-1] == ' ') && (p[mlen] == ',' || p[mlen] == '\0'))
					seen = true;
				p += mlen;
			}
			if (!seen)
				snprintf(want_allow + strlen(want_allow), sizeof(want_allow) - strlen(want_allow),
				    "%s%s", want_allow[0] ? ", " : "", refs[i].method);
			other = true;
			continue;
		}
		if (!best || ref_better(&refs[i], best))
			best = &refs[i];
	}
	if (!best) {
		tg_router_result want = other ? TG_ROUTE_METHOD_NOT_ALLOWED : TG_ROUTE_NOT_FOUND;
		FZ_ASSERT(got == want, "%s %s: router says %d, expected %d", method, path, got, want);
		if (other)
			FZ_ASSERT(strcmp(allow, want_allow) == 0, "%s %s: Allow \"%s\", expected \"%s\"", method,
			    path, allow, want_allow);
		return;
	}
	FZ_ASSERT(got == TG_ROUTE_FOUND, "%s %s: router says %d, expected %s", method, path, got,
	    best->pattern);
	FZ_ASSERT(strcmp(m.route->pattern, best->pattern) == 0, "%s %s: router chose %s, expected %s",
	    method, path, m.route->pattern, best->pattern);
	{
		size_t k = 0;
		for (size_t i = 0; i < nsegs; i++) {
			if (!best->param[i])
				continue;
			FZ_ASSERT(k < m.nparams && strcmp(m.names[k], best->segs[i]) == 0 &&
			        strcmp(m.values[k], segs[i]) == 0,
			    "%s %s: parameter %zu is %s=%s, expected %s=%s", method, path, k,
			    k < m.nparams ? m.names[k] : "-", k < m.nparams ? m.values[k] : "-", best->segs[i],
			    segs[i]);
			k++;
		}
		FZ_ASSERT(k == m.nparams, "%s %s: %zu parameters, expected %zu", method, path, m.nparams, k);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_router *router = tg_router_new();
	char *text = malloc(size + 1), *save = NULL;

	FZ_ASSERT(router && text, "out of memory");
	memcpy(text, data, size);
	text[size] = '\0';
	nroutes = 0;
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		bool add = line[0] == '+';
		char *method = line + add, *arg = strchr(method, ' ');
		if (!arg || strlen(arg) > TG_ROUTER_MAX_PATH)
			continue;
		*arg++ = '\0';
		if (add) {
			char err[256];
			ref_route r;
			bool valid = nroutes < MAX_ROUTES && ref_parse(method, arg, &r);
			bool dup = false;
			int rc;
			if (nroutes == MAX_ROUTES)
				continue;
			for (size_t i = 0; valid && i < nroutes; i++)
				dup |= strcmp(refs[i].method, r.method) == 0 && same_shape(&refs[i], &r);
			routes[nroutes] = (tg_route){ method, arg, handler, TG_ROUTE_PUBLIC };
			rc = tg_router_add(router, &routes[nroutes], NULL, err, sizeof(err));
			FZ_ASSERT((rc == 0) == (valid && !dup), "+%s %s: router says %d (%s), expected %s", method,
			    arg, rc, rc ? err : "added", !valid ? "malformed" : dup ? "duplicate" : "added");
			if (rc == 0)
				refs[nroutes++] = r;
		} else {
			check_match(router, method, arg);
		}
	}
	tg_router_free(router);
	free(text);
	return 0;
}
