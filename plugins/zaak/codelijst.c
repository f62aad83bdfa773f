/* Code lists from markdown tables; see codelijst.h. */
#include "codelijst.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIST_BYTES (4 * 1024 * 1024)

static int cmp_code(const void *a, const void *b)
{
	return strcmp(((const zk_code *)a)->code, ((const zk_code *)b)->code);
}

/* The trimmed cell that starts at p and ends before the next '|' or end of line. */
static size_t cell(const char *p, const char **start)
{
	const char *end = p;
	while (*p == ' ' || *p == '\t')
		p++;
	end = p;
	while (*end && *end != '|' && *end != '\n')
		end++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	*start = p;
	return (size_t)(end - p);
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

void zk_codelijst_free(zk_codelijst *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->codes[i].omschrijving);
	free(l->codes);
	l->codes = NULL;
	l->n = 0;
}

int zk_codelijst_parse(zk_codelijst *l, const char *text, size_t width, char *err, size_t errlen)
{
	size_t cap = 0;
	const char *line = text;

	l->codes = NULL;
	l->n = 0;
	if (width == 0 || width >= sizeof(l->codes[0].code)) {
		snprintf(err, errlen, "bad code width");
		return -1;
	}
	while (*line) {
		const char *next = strchr(line, '\n');
		const char *p = line;
		while (*p == ' ')
			p++;
		if (*p == '|') {
			const char *c1, *c2;
			size_t n1 = cell(p + 1, &c1), n2 = 0;
			const char *after = c1 + n1;
			while (*after && *after != '|' && *after != '\n')
				after++;
			c2 = after;
			if (*after == '|')
				n2 = cell(after + 1, &c2);
			if (n1 == width && all_digits(c1, n1)) {
				if (l->n == cap) {
					size_t ncap = cap ? cap * 2 : 64;
					zk_code *nc = realloc(l->codes, ncap * sizeof(*nc));
					if (!nc)
						goto oom;
					l->codes = nc;
					cap = ncap;
				}
				memcpy(l->codes[l->n].code, c1, n1);
				l->codes[l->n].code[n1] = '\0';
				l->codes[l->n].omschrijving = strndup(c2, n2);
				if (!l->codes[l->n].omschrijving)
					goto oom;
				l->n++;
			}
		}
		if (!next)
			break;
		line = next + 1;
	}
	if (l->n == 0) {
		snprintf(err, errlen, "no codes of %zu digits in the table", width);
		zk_codelijst_free(l);
		return -1;
	}
	qsort(l->codes, l->n, sizeof(*l->codes), cmp_code);
	for (size_t i = 1; i < l->n; i++) {
		if (strcmp(l->codes[i - 1].code, l->codes[i].code) == 0) {
			snprintf(err, errlen, "code %s appears twice", l->codes[i].code);
			zk_codelijst_free(l);
			return -1;
		}
	}
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	zk_codelijst_free(l);
	return -1;
}

int zk_codelijst_load(zk_codelijst *l, const char *path, size_t width, char *err, size_t errlen)
{
	char *buf;
	size_t got;
	FILE *f = fopen(path, "rb");
	int rc;

	l->codes = NULL;
	l->n = 0;
	if (!f) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	buf = malloc(MAX_LIST_BYTES + 1);
	if (!buf) {
		fclose(f);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	got = fread(buf, 1, MAX_LIST_BYTES + 1, f);
	fclose(f);
	if (got > MAX_LIST_BYTES) {
		free(buf);
		snprintf(err, errlen, "%s is larger than %d bytes", path, MAX_LIST_BYTES);
		return -1;
	}
	buf[got] = '\0';
	rc = zk_codelijst_parse(l, buf, width, err, errlen);
	free(buf);
	if (rc != 0) {
		/* Name the file: the operator has to find it. */
		char inner[256];
		snprintf(inner, sizeof(inner), "%s", err);
		snprintf(err, errlen, "%s: %s", path, inner);
	}
	return rc;
}

bool zk_codelijst_has(const zk_codelijst *l, const char *code)
{
	zk_code key;
	if (!code || strlen(code) >= sizeof(key.code))
		return false;
	strcpy(key.code, code);
	return bsearch(&key, l->codes, l->n, sizeof(*l->codes), cmp_code) != NULL;
}
