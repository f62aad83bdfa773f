/*
 * The daemon's configuration: one file of "key = value" lines.
 *
 * Every key the core knows is declared once in the table in config.c, with its
 * type, default and bounds; etc/toegang.conf documents each of them. A key the
 * table does not know is an error at start (a typo must not silently fall back
 * to a default), except "<plugin>.<key>", which belongs to that plugin.
 */
#ifndef TOEGANG_CONFIG_H
#define TOEGANG_CONFIG_H

#include <stddef.h>

#define TG_CONFIG_MAX_PLUGINS 16

typedef struct tg_plugin_setting {
	char *plugin;
	char *key;
	char *value;
} tg_plugin_setting;

typedef struct tg_config {
	char *socket_path;      /* unix socket; NULL with listen (see tg_config_check) */
	char *socket_group;
	long socket_mode;
	char *listen;           /* "IPv4:port" for FastCGI over TCP, or NULL */
	char *web_server_addrs; /* the nginx hosts allowed on listen, comma-separated */
	char *user;
	long workers;
	long shutdown_grace;
	char *plugin_dir;
	char *data_dir;         /* code lists and other reference data */
	char *regio;            /* CBS gemeentecodes served, space-separated; "" = all */
	char *plugins;          /* space-separated plugin names */
	char *database;         /* libpq connection string of the primary */
	char *database_standby; /* of a hot standby, or NULL */
	char *read_from;        /* "primary" or "standby": where GET requests read */
	long standby_max_wait_ms;
	char *spool_dir;        /* access-log records while the primary is away */
	long db_connect_timeout;
	char *jwt_alg;
	char *jwt_hs256_secret_file;
	char *jwt_public_key_file;
	char *pseudonym_key_file;
	char *jwt_issuer;
	char *jwt_audience;
	long jwt_leeway;
	long max_body_bytes;
	char *log_level;
	long log_requests;

	tg_plugin_setting *plugin_settings;
	size_t nplugin_settings;
} tg_config;

/* Fills cfg with defaults, then reads path. Returns 0, or -1 with err filled. */
int tg_config_load(tg_config *cfg, const char *path, char *err, size_t errlen);
/* Applies one "key=value" (command-line override); same rules as a file line. */
int tg_config_set(tg_config *cfg, const char *key, const char *value, char *err, size_t errlen);
/* Applies one "key=value" as given to -s (the text is left as it is). */
int tg_config_override(tg_config *cfg, const char *kv, char *err, size_t errlen);
void tg_config_defaults(tg_config *cfg);
/*
 * Checks the keys that depend on each other, after the file and the
 * overrides: listen (IPv4 only) needs web_server_addrs and excludes
 * socket_path, which otherwise gets its default; web_server_addrs is
 * rewritten as libfcgi reads it (comma-separated); read_from = standby needs
 * database_standby and spool_dir. 0, or -1 with err filled.
 */
int tg_config_check(tg_config *cfg, char *err, size_t errlen);
/* read_from = standby. */
int tg_config_reads_standby(const tg_config *cfg);
struct sockaddr_in;
/* The listen key as an IPv4 socket address: 0, or -1 when it does not hold one. */
int tg_config_listen_addr(const tg_config *cfg, struct sockaddr_in *out);
void tg_config_free(tg_config *cfg);
const char *tg_config_plugin_value(const tg_config *cfg, const char *plugin, const char *key);

#endif
