/*
 * Structured logging: one JSON object per line on stderr.
 *
 * Each line is formatted into one buffer and written with a single write(2),
 * so lines from several workers never interleave. What goes in a line is
 * chosen by the caller from fixed, non-personal fields: never a token, a BSN,
 * a name, a body or a raw URL.
 */
#ifndef TOEGANG_LOG_H
#define TOEGANG_LOG_H

#include <stddef.h>

#include <toegang/plugin.h>

void tg_log_set_level(tg_log_level min);
int tg_log_level_parse(const char *name, tg_log_level *out);

/*
 * Writes {"ts":..,"level":..,"pid":..,"event":event[,"rid":rid][,"msg":msg]
 * [, extra]}. extra, when not NULL, is pre-rendered JSON members
 * ("\"status\":200,...") built with tg_log_field_*.
 */
void tg_log(tg_log_level level, const char *event, const char *rid, const char *msg,
    const char *extra);

/* Appends ,"key":"escaped value" / ,"key":number to buf (bounded, always terminated). */
void tg_log_field_str(char *buf, size_t cap, const char *key, const char *value);
void tg_log_field_int(char *buf, size_t cap, const char *key, long long value);

/* JSON-escapes src into dst (bounded, always terminated). */
void tg_json_escape(char *dst, size_t cap, const char *src);

#endif
