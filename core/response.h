/*
 * Writing responses: a status line, fixed headers, a body with its length.
 *
 * Headers are formatted with snprintf and written with FCGX_PutStr, never
 * FCGX_FPrintF (it does not know %zu and silently truncates). Every answer
 * carries Cache-Control: no-store, since most hold personal data, and the
 * request id, so a user's report can be found in the log.
 */
#ifndef TOEGANG_RESPONSE_H
#define TOEGANG_RESPONSE_H

#include <stddef.h>

#include <jansson.h>

#include "request.h"

/* extra_headers: NULL or complete "Name: value\r\n" lines. */
int tg_send(tg_request *req, int status, const char *content_type, const char *extra_headers,
    const char *body, size_t len);
int tg_send_json(tg_request *req, int status, const json_t *body, const char *location);
int tg_send_problem(tg_request *req, int status, const char *slug, const char *title,
    const char *detail, const json_t *invalid_params);
/* As tg_send_problem, with extra header lines (Allow, WWW-Authenticate). */
int tg_send_problem_h(tg_request *req, int status, const char *slug, const char *title,
    const char *detail, const json_t *invalid_params, const char *extra_headers);

const char *tg_status_text(int status);

#endif
