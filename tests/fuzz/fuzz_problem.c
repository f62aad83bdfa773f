/*
 * The problem+json writer (core/response.c) with fuzzed status, slug,
 * title, detail and invalid-params. Input: two bytes of status, then
 * NUL-separated slug, title, detail and name/reason pairs.
 *
 * Written: exactly one CGI answer whose Content-Length is its body's, of
 * type application/problem+json, whose body is a JSON object with exactly
 * type ("urn:toegang:problem:" + slug, whole), title, status (the answer's),
 * detail (the title when none was given) and invalid-params as given; or,
 * when it cannot be written (a status outside 200..599, text that is no
 * UTF-8), nothing at all. A second answer to the same request is refused
 * and writes nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "fake_fcgi.h"
#include "fuzz_common.h"
#include "request.h"
#include "response.h"

static bool utf8(const char *s)
{
	json_t *j = json_string(s);
	json_decref(j);
	return j != NULL;
}

static void check_body(const fz_answer *a, int status, const char *slug, const char *title,
    const char *detail, const json_t *inv)
{
	json_error_t e;
	json_t *doc = json_loadb(a->body, a->body_len, JSON_REJECT_DUPLICATES, &e);
	const char *type = json_string_value(json_object_get(doc, "type"));
	char *ct = fz_answer_header(a, "Content-Type");

	FZ_ASSERT(a->status == status, "Status %d for %d", a->status, status);
	FZ_ASSERT(ct && strcmp(ct, "application/problem+json") == 0, "Content-Type %s", ct ? ct : "(none)");
	FZ_ASSERT(json_is_object(doc), "the body is no JSON object: %s", e.text);
	FZ_ASSERT(json_object_size(doc) == (inv ? 5u : 4u), "%zu members", json_object_size(doc));
	FZ_ASSERT(type && strncmp(type, "urn:toegang:problem:", 20) == 0 && strcmp(type + 20, slug) == 0,
	    "type \"%s\" for slug \"%s\"", type ? type : "(none)", slug);
	FZ_ASSERT(strcmp(json_string_value(json_object_get(doc, "title")), title) == 0, "title changed");
	FZ_ASSERT(strcmp(json_string_value(json_object_get(doc, "detail")), detail ? detail : title) == 0,
	    "detail changed");
	FZ_ASSERT(json_integer_value(json_object_get(doc, "status")) == status, "status member");
	FZ_ASSERT(!inv || json_equal(json_object_get(doc, "invalid-params"), inv), "invalid-params changed");
	free(ct);
	json_decref(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *field[64];
	size_t nfield = 0;
	char *text;
	int status;
	json_t *inv = NULL;
	tg_request req;
	fz_fcgi f;
	fz_answer a;
	const char *why;
	bool writable;
	int rc;

	if (size < 2)
		return 0;
	status = ((data[0] << 8) | data[1]) % 700;
	text = malloc(size - 1);
	FZ_ASSERT(text, "out of memory");
	memcpy(text, data + 2, size - 2);
	text[size - 2] = '\0';
	for (const char *p = text; nfield < 64 && p <= text + (size - 2); p += strlen(p) + 1)
		field[nfield++] = p;
	if (nfield < 2) {
		free(text);
		return 0;
	}
	if (nfield > 4) {
		inv = json_array();
		for (size_t i = 3; i + 1 < nfield; i += 2) {
			json_t *name = json_string(field[i]), *reason = json_string(field[i + 1]);
			if (name && reason)
				json_array_append_new(inv, json_pack("{s:o, s:o}", "name", name, "reason", reason));
			else {
				json_decref(name);
				json_decref(reason);
			}
		}
	}
	memset(&req, 0, sizeof(req));
	fz_fcgi_start(&f, NULL, 0);
	req.fcgi = &f.req;
	strcpy(req.rid, "fuzz-rid");
	fz_log_reset();
	rc = tg_send_problem(&req, status, field[0], field[1], nfield > 2 ? field[2] : NULL, inv);
	writable = status >= 200 && status <= 599 && utf8(field[0]) && utf8(field[1]) &&
	    (nfield <= 2 || utf8(field[2]));
	if (rc != 0) {
		FZ_ASSERT(!writable, "a writable problem was refused (status %d)", status);
		FZ_ASSERT(f.answer_len == 0, "a refused problem wrote %zu bytes", f.answer_len);
	} else {
		size_t before = f.answer_len;
		FZ_ASSERT(writable, "wrote a problem that should be refused (status %d)", status);
		FZ_ASSERT(fz_answer_parse(&f, &a, &why) == 0, "%s", why);
		check_body(&a, status, field[0], field[1], nfield > 2 ? field[2] : NULL, inv);
		fz_answer_free(&a);
		FZ_ASSERT(tg_send_problem(&req, 500, "x", "y", NULL, NULL) != 0 && f.answer_len == before,
		    "a second answer to one request was written");
	}
	json_decref(inv);
	fz_fcgi_free(&f);
	fz_log_reset();
	free(text);
	return 0;
}
