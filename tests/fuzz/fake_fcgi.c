/* libfcgi's calls that the core makes, in memory; see fake_fcgi.h. */
#include "fake_fcgi.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz_common.h"

char *FCGX_GetParam(const char *name, FCGX_ParamArray envp)
{
	size_t n = strlen(name);
	for (char **e = envp; e && *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

int FCGX_GetStr(char *str, int n, FCGX_Stream *stream)
{
	fz_fcgi *f = stream->data;
	size_t left = f->body_len - f->body_pos;
	size_t take = n < 0 ? 0 : (size_t)n < left ? (size_t)n : left;
	f->reads++;
	memcpy(str, f->body + f->body_pos, take);
	f->body_pos += take;
	return (int)take;
}

int FCGX_PutStr(const char *str, int n, FCGX_Stream *stream)
{
	fz_fcgi *f = stream->data;
	FZ_ASSERT(n >= 0, "FCGX_PutStr with length %d", n);
	if (f->answer_len + (size_t)n + 1 > f->answer_cap) {
		size_t cap = (f->answer_len + (size_t)n + 1) * 2;
		char *grown = realloc(f->answer, cap);
		FZ_ASSERT(grown != NULL, "out of memory");
		f->answer = grown;
		f->answer_cap = cap;
	}
	memcpy(f->answer + f->answer_len, str, (size_t)n);
	f->answer_len += (size_t)n;
	f->answer[f->answer_len] = '\0';
	return n;
}

void fz_fcgi_start(fz_fcgi *f, const void *body, size_t len)
{
	memset(f, 0, sizeof(*f));
	f->body = body;
	f->body_len = len;
	f->in.isReader = 1;
	f->in.data = f;
	f->out.data = f;
	f->req.in = &f->in;
	f->req.out = &f->out;
	f->req.envp = f->envp;
}

void fz_fcgi_param(fz_fcgi *f, const char *name, const char *value)
{
	size_t n;
	if (!value)
		return;
	FZ_ASSERT(f->nenv < FZ_MAX_PARAMS, "too many parameters");
	n = strlen(name) + strlen(value) + 2;
	f->envp[f->nenv] = malloc(n);
	FZ_ASSERT(f->envp[f->nenv] != NULL, "out of memory");
	snprintf(f->envp[f->nenv], n, "%s=%s", name, value);
	f->nenv++;
	f->envp[f->nenv] = NULL;
}

void fz_fcgi_free(fz_fcgi *f)
{
	for (size_t i = 0; i < f->nenv; i++)
		free(f->envp[i]);
	free(f->answer);
	f->answer = NULL;
	f->nenv = 0;
}

int fz_answer_parse(const fz_fcgi *f, fz_answer *a, const char **why)
{
	char *end, *cl;
	unsigned long long len;
	size_t head;

	memset(a, 0, sizeof(*a));
	if (!f->answer || strncmp(f->answer, "Status: ", 8) != 0)
		return *why = "no answer, or no Status line first", -1;
	end = strstr(f->answer, "\r\n\r\n");
	if (!end)
		return *why = "the header block does not end", -1;
	head = (size_t)(end - f->answer) + 4;
	a->storage = malloc(head + 1);
	FZ_ASSERT(a->storage != NULL, "out of memory");
	memcpy(a->storage, f->answer, head);
	a->storage[head] = '\0';
	a->status = (int)strtol(a->storage + 8, NULL, 10);
	a->headers = strstr(a->storage, "\r\n") + 2;
	a->body = f->answer + head;
	a->body_len = f->answer_len - head;
	cl = fz_answer_header(a, "Content-Length");
	if (!cl) {
		fz_answer_free(a);
		return *why = "no Content-Length", -1;
	}
	errno = 0;
	len = strtoull(cl, &end, 10);
	if (errno || *end || len != a->body_len) {
		free(cl);
		fz_answer_free(a);
		return *why = "Content-Length is not the body's length (two answers, or a short one)", -1;
	}
	free(cl);
	return 0;
}

char *fz_answer_header(const fz_answer *a, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = a->headers; p && *p && strncmp(p, "\r\n", 2) != 0;) {
		const char *eol = strstr(p, "\r\n");
		if (!eol)
			break;
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1;
			while (*v == ' ')
				v++;
			return strndup(v, (size_t)(eol - v));
		}
		p = eol + 2;
	}
	return NULL;
}

void fz_answer_free(fz_answer *a)
{
	free(a->storage);
	a->storage = NULL;
}
