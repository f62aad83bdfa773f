/* Configuration file reader; the table below is the list of keys. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { CFG_STR, CFG_LONG, CFG_BOOL, CFG_OCTAL } cfg_type;

typedef struct cfg_key {
	const char *name;
	cfg_type type;
	size_t offset;
	const char *def; /* default as text; NULL = unset */
	long min, max;   /* for numbers */
} cfg_key;

#define STR(f, d) { #f, CFG_STR, offsetof(tg_config, f), d, 0, 0 }
#define NUM(f, d, lo, hi) { #f, CFG_LONG, offsetof(tg_config, f), d, lo, hi }

static const cfg_key keys[] = {
	STR(socket_path, "/run/toegang/toegangd.sock"),
	STR(socket_group, NULL),
	{ "socket_mode", CFG_OCTAL, offsetof(tg_config, socket_mode), "0660", 0, 0777 },
	STR(user, NULL),
	NUM(workers, "4", 1, 256),
	NUM(shutdown_grace, "10", 1, 600),
	STR(plugin_dir, PLUGINDIR),
	STR(data_dir, PKGDATADIR),
	STR(regio, ""),
	STR(plugins, ""),
	STR(database, "dbname=toegang"),
	NUM(db_connect_timeout, "3", 1, 60),
	STR(jwt_alg, "RS256"),
	STR(jwt_hs256_secret_file, NULL),
	STR(pseudonym_key_file, NULL),
	STR(jwt_public_key_file, NULL),
	STR(jwt_issuer, NULL),
	STR(jwt_audience, "toegang"),
	NUM(jwt_leeway, "30", 0, 60),
	NUM(max_body_bytes, "65536", 1024, 16777216),
	STR(log_level, "info"),
	{ "log_requests", CFG_BOOL, offsetof(tg_config, log_requests), "yes", 0, 1 },
};

static const cfg_key *find_key(const char *name)
{
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static int parse_long(const char *s, int base, long *out)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, base);
	if (errno || end == s || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

static int apply(tg_config *cfg, const cfg_key *k, const char *value, char *err, size_t errlen)
{
	char *base = (char *)cfg;
	long v;

	switch (k->type) {
	case CFG_STR: {
		char **slot = (char **)(base + k->offset);
		char *copy = strdup(value);
		if (!copy) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		free(*slot);
		*slot = copy;
		return 0;
	}
	case CFG_BOOL:
		if (strcmp(value, "yes") == 0 || strcmp(value, "true") == 0 || strcmp(value, "1") == 0)
			v = 1;
		else if (strcmp(value, "no") == 0 || strcmp(value, "false") == 0 || strcmp(value, "0") == 0)
			v = 0;
		else {
			snprintf(err, errlen, "%s: expected yes or no, got \"%s\"", k->name, value);
			return -1;
		}
		*(long *)(base + k->offset) = v;
		return 0;
	case CFG_LONG:
	case CFG_OCTAL:
		if (parse_long(value, k->type == CFG_OCTAL ? 8 : 10, &v) != 0 || v < k->min ||
		    v > k->max) {
			snprintf(err, errlen, "%s: expected a number from %ld to %ld, got \"%s\"",
			    k->name, k->min, k->max, value);
			return -1;
		}
		*(long *)(base + k->offset) = v;
		return 0;
	}
	return -1;
}

static int set_plugin_value(tg_config *cfg, const char *key, const char *value, char *err,
    size_t errlen)
{
	const char *dot = strchr(key, '.');
	tg_plugin_setting *grown;
	tg_plugin_setting *s;

	if (!dot || dot == key || dot[1] == '\0') {
		snprintf(err, errlen, "unknown key \"%s\"", key);
		return -1;
	}
	grown = realloc(cfg->plugin_settings, (cfg->nplugin_settings + 1) * sizeof(*grown));
	if (!grown)
		goto oom;
	cfg->plugin_settings = grown;
	s = &grown[cfg->nplugin_settings];
	s->plugin = strndup(key, (size_t)(dot - key));
	s->key = strdup(dot + 1);
	s->value = strdup(value);
	if (!s->plugin || !s->key || !s->value) {
		free(s->plugin);
		free(s->key);
		free(s->value);
		goto oom;
	}
	cfg->nplugin_settings++;
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}

int tg_config_set(tg_config *cfg, const char *key, const char *value, char *err, size_t errlen)
{
	const cfg_key *k = find_key(key);
	if (k)
		return apply(cfg, k, value, err, errlen);
	return set_plugin_value(cfg, key, value, err, errlen);
}

int tg_config_override(tg_config *cfg, const char *kv, char *err, size_t errlen)
{
	const char *eq = strchr(kv, '=');
	char *key;
	int rc;

	if (!eq) {
		snprintf(err, errlen, "expected key=value");
		return -1;
	}
	if (!(key = strndup(kv, (size_t)(eq - kv)))) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rc = tg_config_set(cfg, key, eq + 1, err, errlen);
	free(key);
	return rc;
}

void tg_config_defaults(tg_config *cfg)
{
	char err[256];
	memset(cfg, 0, sizeof(*cfg));
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (keys[i].def && apply(cfg, &keys[i], keys[i].def, err, sizeof(err)) != 0)
			abort(); /* a default outside its own bounds is a bug in the table */
}

static char *trim(char *s)
{
	char *e;
	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

int tg_config_load(tg_config *cfg, const char *path, char *err, size_t errlen)
{
	FILE *f;
	char line[4096];
	char msg[512];
	unsigned lineno = 0;
	int rc = -1;

	tg_config_defaults(cfg);
	f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *s, *eq, *key, *value;
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			snprintf(err, errlen, "%s:%u: line too long", path, lineno);
			goto out;
		}
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		eq = strchr(s, '=');
		if (!eq) {
			snprintf(err, errlen, "%s:%u: expected key = value", path, lineno);
			goto out;
		}
		*eq = '\0';
		key = trim(s);
		value = trim(eq + 1);
		if (tg_config_set(cfg, key, value, msg, sizeof(msg)) != 0) {
			snprintf(err, errlen, "%s:%u: %s", path, lineno, msg);
			goto out;
		}
	}
	rc = 0;
out:
	fclose(f);
	return rc;
}

void tg_config_free(tg_config *cfg)
{
	char *base = (char *)cfg;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (keys[i].type == CFG_STR) {
			char **slot = (char **)(base + keys[i].offset);
			free(*slot);
			*slot = NULL;
		}
	}
	for (size_t i = 0; i < cfg->nplugin_settings; i++) {
		free(cfg->plugin_settings[i].plugin);
		free(cfg->plugin_settings[i].key);
		free(cfg->plugin_settings[i].value);
	}
	free(cfg->plugin_settings);
	cfg->plugin_settings = NULL;
	cfg->nplugin_settings = 0;
}

const char *tg_config_plugin_value(const tg_config *cfg, const char *plugin, const char *key)
{
	/* Last one wins, so a command-line override beats the file. */
	for (size_t i = cfg->nplugin_settings; i-- > 0;) {
		const tg_plugin_setting *s = &cfg->plugin_settings[i];
		if (strcmp(s->plugin, plugin) == 0 && strcmp(s->key, key) == 0)
			return s->value;
	}
	return NULL;
}
