/* Configuration file reader; the table below is the list of keys. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
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
	STR(socket_path, NULL), /* TG_DEFAULT_SOCKET unless listen is set: tg_config_check */
	STR(socket_group, NULL),
	{ "socket_mode", CFG_OCTAL, offsetof(tg_config, socket_mode), "0660", 0, 0777 },
	STR(listen, NULL),
	STR(web_server_addrs, NULL),
	STR(user, NULL),
	NUM(workers, "4", 1, 256),
	NUM(shutdown_grace, "10", 1, 600),
	STR(plugin_dir, PLUGINDIR),
	STR(data_dir, PKGDATADIR),
	STR(regio, ""),
	STR(plugins, ""),
	STR(database, "dbname=toegang"),
	STR(database_standby, NULL),
	STR(read_from, "primary"),
	NUM(standby_max_wait_ms, "200", 0, 10000),
	STR(spool_dir, "/var/lib/toegang/spool"),
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

#define TG_DEFAULT_SOCKET "/run/toegang/toegangd.sock"
/* More nginx hosts than this is a list nobody checks by eye any more. */
#define MAX_WEB_SERVER_ADDRS 32

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

static int is_set(const char *s) { return s && *s; }

int tg_config_reads_standby(const tg_config *cfg)
{
	return cfg->read_from && strcmp(cfg->read_from, "standby") == 0;
}

int tg_config_listen_addr(const tg_config *cfg, struct sockaddr_in *out)
{
	const char *colon = is_set(cfg->listen) ? strrchr(cfg->listen, ':') : NULL;
	char host[INET_ADDRSTRLEN];
	long port;

	if (!colon || (size_t)(colon - cfg->listen) >= sizeof(host) ||
	    strspn(colon + 1, "0123456789") != strlen(colon + 1) ||
	    parse_long(colon + 1, 10, &port) != 0 || port < 1 || port > 65535)
		return -1;
	memcpy(host, cfg->listen, (size_t)(colon - cfg->listen));
	host[colon - cfg->listen] = '\0';
	memset(out, 0, sizeof(*out));
	out->sin_family = AF_INET;
	out->sin_port = htons((uint16_t)port);
	return inet_pton(AF_INET, host, &out->sin_addr) == 1 ? 0 : -1;
}

/*
 * Rewrites web_server_addrs (IPv4 addresses separated by spaces or commas)
 * as the comma-separated list libfcgi compares each TCP peer with. libfcgi
 * reads each entry with inet_addr(), which takes "10.1" or " 10.0.0.1" too,
 * and to which 255.255.255.255 is an error: only four plain decimal parts.
 */
static int normalise_addrs(tg_config *cfg, char *err, size_t errlen)
{
	size_t len = strlen(cfg->web_server_addrs), n = 0, o = 0;
	char *out = malloc(len + 1);
	const char *p = cfg->web_server_addrs;

	if (!out) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	while (*p) {
		char one[INET_ADDRSTRLEN + 1];
		struct in_addr a;
		size_t k = strcspn(p, " \t,");
		if (k == 0) {
			p++;
			continue;
		}
		if (k >= sizeof(one)) {
			snprintf(err, errlen, "web_server_addrs: \"%.*s\" is not an IPv4 address",
			    (int)(k > 40 ? 40 : k), p);
			goto fail;
		}
		memcpy(one, p, k);
		one[k] = '\0';
		if (inet_pton(AF_INET, one, &a) != 1 || a.s_addr == htonl(INADDR_ANY) ||
		    a.s_addr == htonl(INADDR_BROADCAST)) {
			snprintf(err, errlen,
			    "web_server_addrs: \"%s\" is not the IPv4 address of a host (a.b.c.d)", one);
			goto fail;
		}
		if (++n > MAX_WEB_SERVER_ADDRS) {
			snprintf(err, errlen, "web_server_addrs: at most %d addresses",
			    MAX_WEB_SERVER_ADDRS);
			goto fail;
		}
		o += (size_t)sprintf(out + o, "%s%s", o ? "," : "", one);
		p += k;
	}
	if (n == 0) {
		snprintf(err, errlen, "web_server_addrs: no address given");
		goto fail;
	}
	free(cfg->web_server_addrs);
	cfg->web_server_addrs = out;
	return 0;
fail:
	free(out);
	return -1;
}

static int check_listen(tg_config *cfg, char *err, size_t errlen)
{
	struct sockaddr_in sa;

	if (!is_set(cfg->listen)) {
		if (is_set(cfg->web_server_addrs)) {
			snprintf(err, errlen, "web_server_addrs is for listen (TCP); the unix socket "
			    "is guarded by its owner, group and mode");
			return -1;
		}
		if (!is_set(cfg->socket_path)) {
			char *d = strdup(TG_DEFAULT_SOCKET);
			if (!d) {
				snprintf(err, errlen, "out of memory");
				return -1;
			}
			free(cfg->socket_path);
			cfg->socket_path = d;
		}
		return 0;
	}
	if (tg_config_listen_addr(cfg, &sa) != 0) {
		snprintf(err, errlen, "listen: expected an IPv4 address and a port (10.0.0.5:9000), "
		    "got \"%s\"; IPv6 is refused because libfcgi checks web_server_addrs only for "
		    "IPv4 peers", cfg->listen);
		return -1;
	}
	if (is_set(cfg->socket_path)) {
		snprintf(err, errlen, "listen and socket_path are mutually exclusive: remove "
		    "socket_path to serve FastCGI over TCP");
		return -1;
	}
	/* An empty list lets libfcgi accept every peer: a crafted record from any
	 * host on the network could then abort a worker. */
	if (!is_set(cfg->web_server_addrs)) {
		snprintf(err, errlen, "listen needs web_server_addrs: the addresses of the nginx "
		    "hosts, the only peers accepted");
		return -1;
	}
	free(cfg->socket_path);
	cfg->socket_path = NULL;
	return normalise_addrs(cfg, err, errlen);
}

static int check_standby(const tg_config *cfg, char *err, size_t errlen)
{
	if (!cfg->read_from || (strcmp(cfg->read_from, "primary") != 0 &&
	    strcmp(cfg->read_from, "standby") != 0)) {
		snprintf(err, errlen, "read_from: expected primary or standby, got \"%s\"",
		    cfg->read_from ? cfg->read_from : "");
		return -1;
	}
	if (!tg_config_reads_standby(cfg))
		return 0;
	if (!is_set(cfg->database_standby)) {
		snprintf(err, errlen, "read_from = standby needs database_standby");
		return -1;
	}
	/* A read the primary cannot log goes to the spool: without one, reads
	 * would stop with the primary after all. */
	if (!is_set(cfg->spool_dir) || cfg->spool_dir[0] != '/') {
		snprintf(err, errlen, "read_from = standby needs spool_dir, an absolute path");
		return -1;
	}
	return 0;
}

int tg_config_check(tg_config *cfg, char *err, size_t errlen)
{
	/* "key =" (or -s key=) unsets these: the checks below read NULL only. */
	char **unsettable[] = { &cfg->socket_path, &cfg->listen, &cfg->web_server_addrs,
		&cfg->database_standby };
	for (size_t i = 0; i < sizeof(unsettable) / sizeof(unsettable[0]); i++)
		if (*unsettable[i] && !**unsettable[i]) {
			free(*unsettable[i]);
			*unsettable[i] = NULL;
		}
	if (check_listen(cfg, err, errlen) != 0)
		return -1;
	return check_standby(cfg, err, errlen);
}
