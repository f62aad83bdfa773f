/*
 * libfcgi's part in a request, played in memory: the parameters nginx would
 * send, the body as the input stream, and the answer collected as written.
 * The harnesses link this instead of libfcgi, so the core's request.c and
 * response.c run unchanged.
 */
#ifndef TOEGANG_FUZZ_FAKE_FCGI_H
#define TOEGANG_FUZZ_FAKE_FCGI_H

#include <stddef.h>

#include <fcgiapp.h>

#define FZ_MAX_PARAMS 16

typedef struct fz_fcgi {
	FCGX_Request req;
	FCGX_Stream in, out;
	char *envp[FZ_MAX_PARAMS + 1];
	size_t nenv;
	const unsigned char *body;
	size_t body_len, body_pos;
	int reads;        /* FCGX_GetStr calls: whether the handler read the body */
	char *answer;     /* what was written, NUL-terminated */
	size_t answer_len, answer_cap;
} fz_fcgi;

/* A request without parameters, reading body (borrowed). */
void fz_fcgi_start(fz_fcgi *f, const void *body, size_t len);
/* Adds NAME=value (copied; a NULL value adds nothing). */
void fz_fcgi_param(fz_fcgi *f, const char *name, const char *value);
void fz_fcgi_free(fz_fcgi *f);

/* The answer split: status, header block (without the status line) and body. */
typedef struct fz_answer {
	int status;
	const char *headers;     /* "Name: value\r\n" lines, NUL-terminated copy */
	const char *body;
	size_t body_len;
	char *storage;
} fz_answer;

/* 0, or -1 when what was written is no single well-formed CGI answer (reason in *why). */
int fz_answer_parse(const fz_fcgi *f, fz_answer *a, const char **why);
/* The value of header name in a->headers (a new string), or NULL. */
char *fz_answer_header(const fz_answer *a, const char *name);
void fz_answer_free(fz_answer *a);

#endif
