/* Structured JSON log lines; see log.h for what may go in them. */
#include "log.h"

#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static tg_log_level log_min = TG_LOG_INFO;

static const char *const level_names[] = {
	[TG_LOG_DEBUG] = "debug", [TG_LOG_INFO] = "info",
	[TG_LOG_WARN] = "warn", [TG_LOG_ERROR] = "error",
};

void tg_log_set_level(tg_log_level min) { log_min = min; }

int tg_log_level_parse(const char *name, tg_log_level *out)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (strcmp(name, level_names[i]) == 0) {
			*out = (tg_log_level)i;
			return 0;
		}
	}
	return -1;
}

void tg_json_escape(char *dst, size_t cap, const char *src)
{
	size_t o = 0;
	if (cap == 0)
		return;
	for (const unsigned char *p = (const unsigned char *)src; *p; p++) {
		char tmp[8];
		const char *rep = NULL;
		size_t n;
		switch (*p) {
		case '"': rep = "\\\""; break;
		case '\\': rep = "\\\\"; break;
		case '\n': rep = "\\n"; break;
		case '\r': rep = "\\r"; break;
		case '\t': rep = "\\t"; break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				snprintf(tmp, sizeof(tmp), "\\u%04x", *p);
				rep = tmp;
			}
		}
		if (rep) {
			n = strlen(rep);
			if (o + n >= cap)
				break;
			memcpy(dst + o, rep, n);
			o += n;
		} else {
			if (o + 1 >= cap)
				break;
			dst[o++] = (char)*p;
		}
	}
	dst[o] = '\0';
}

static void append(char *buf, size_t cap, const char *s)
{
	size_t len = strlen(buf);
	if (len < cap)
		snprintf(buf + len, cap - len, "%s", s);
}

void tg_log_field_str(char *buf, size_t cap, const char *key, const char *value)
{
	char esc[512];
	char member[600];
	tg_json_escape(esc, sizeof(esc), value ? value : "");
	snprintf(member, sizeof(member), ",\"%s\":\"%s\"", key, esc);
	append(buf, cap, member);
}

void tg_log_field_int(char *buf, size_t cap, const char *key, long long value)
{
	char member[128];
	snprintf(member, sizeof(member), ",\"%s\":%lld", key, value);
	append(buf, cap, member);
}

void tg_log(tg_log_level level, const char *event, const char *rid, const char *msg,
    const char *extra)
{
	char line[2048];
	char ts[40];
	struct timeval tv;
	struct tm tm;
	int n;

	if ((int)level < (int)TG_LOG_DEBUG || level > TG_LOG_ERROR)
		level = TG_LOG_ERROR; /* a plugin's out-of-range level must not index past the table */
	if (level < log_min)
		return;
	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	n = (int)strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(ts + n, sizeof(ts) - (size_t)n, ".%03ldZ", (long)(tv.tv_usec / 1000));

	snprintf(line, sizeof(line), "{\"ts\":\"%s\",\"level\":\"%s\",\"pid\":%ld", ts,
	    level_names[level], (long)getpid());
	tg_log_field_str(line, sizeof(line) - 2, "event", event);
	if (rid)
		tg_log_field_str(line, sizeof(line) - 2, "rid", rid);
	if (msg)
		tg_log_field_str(line, sizeof(line) - 2, "msg", msg);
	if (extra)
		append(line, sizeof(line) - 2, extra);
	append(line, sizeof(line), "}\n");
	/* One write per line; a failed log write has nowhere better to go. */
	ssize_t w = write(STDERR_FILENO, line, strlen(line));
	(void)w;
}
