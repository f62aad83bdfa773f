/*
 * Unit tests for core/config.c: defaults, the "key = value" file syntax,
 * number, octal and boolean keys with their bounds, plugin keys, overrides,
 * and the errors (which must name file, line and key); tg_config_check for
 * the keys that depend on each other: listen (FastCGI over TCP) with
 * web_server_addrs, and reads from a standby (read_from, database_standby,
 * spool_dir).
 *
 * Build with -DPLUGINDIR='"/tmp/plugins"' (the default plugin_dir).
 */
#include <check.h>

#include "run_suite.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static tg_config cfg;
static char err[1024];
static char path[64];

static void setup(void)
{
	memset(&cfg, 0, sizeof(cfg));
	memset(err, 0, sizeof(err));
	path[0] = '\0';
}

static void teardown(void)
{
	tg_config_free(&cfg);
}

/* Writes text to a new temporary file, whose name goes into path. */
static void write_file(const char *text)
{
	int fd;
	size_t len = strlen(text);

	strcpy(path, "/tmp/check_config.XXXXXX");
	fd = mkstemp(path);
	ck_assert_msg(fd >= 0, "mkstemp failed");
	ck_assert_int_eq((long)write(fd, text, len), (long)len);
	close(fd);
}

/* Loads text as a config file (freeing what an earlier load left) and
 * removes the file at once, so a failing test leaves nothing in /tmp; path
 * keeps the name for checking error messages. Returns tg_config_load's result. */
static int load(const char *text)
{
	int rc;
	tg_config_free(&cfg);
	write_file(text);
	rc = tg_config_load(&cfg, path, err, sizeof(err));
	unlink(path);
	return rc;
}

static void load_ok(const char *text)
{
	int rc = load(text);
	ck_assert_msg(rc == 0, "load failed: %s", err);
}

/* Checks that err starts with "<path>:<line>: " and contains what. */
static void assert_err_at(unsigned line, const char *what)
{
	char prefix[128];
	snprintf(prefix, sizeof(prefix), "%s:%u: ", path, line);
	ck_assert_msg(strncmp(err, prefix, strlen(prefix)) == 0, "error \"%s\" does not start with \"%s\"",
	    err, prefix);
	ck_assert_msg(strstr(err, what) != NULL, "error \"%s\" does not mention \"%s\"", err, what);
}

/* --------------------------------------------------------------- defaults */

static void assert_defaults(const tg_config *c)
{
	ck_assert_int_eq(c->workers, 4);
	ck_assert_int_eq(c->jwt_leeway, 30);
	ck_assert_int_eq(c->max_body_bytes, 65536);
	ck_assert_int_eq(c->socket_mode, 0660);
	ck_assert_int_eq(c->shutdown_grace, 10);
	ck_assert_int_eq(c->db_connect_timeout, 3);
	ck_assert_int_eq(c->log_requests, 1);
	/* Until tg_config_check: it is the default only when listen is not set. */
	ck_assert_ptr_null(c->socket_path);
	ck_assert_ptr_null(c->listen);
	ck_assert_ptr_null(c->web_server_addrs);
	ck_assert_ptr_null(c->database_standby);
	ck_assert_str_eq(c->read_from, "primary");
	ck_assert_int_eq(c->standby_max_wait_ms, 200);
	ck_assert_str_eq(c->spool_dir, "/var/lib/toegang/spool");
	ck_assert_str_eq(c->plugin_dir, PLUGINDIR);
	ck_assert_str_eq(c->plugins, "");
	ck_assert_str_eq(c->database, "dbname=toegang");
	ck_assert_str_eq(c->jwt_alg, "RS256");
	ck_assert_str_eq(c->jwt_audience, "toegang");
	ck_assert_str_eq(c->log_level, "info");
	ck_assert_ptr_null(c->socket_group);
	ck_assert_ptr_null(c->user);
	ck_assert_ptr_null(c->jwt_issuer);
	ck_assert_ptr_null(c->jwt_hs256_secret_file);
	ck_assert_ptr_null(c->jwt_public_key_file);
	ck_assert_uint_eq(c->nplugin_settings, 0);
}

START_TEST(test_defaults_from_empty_file)
{
	load_ok("");
	assert_defaults(&cfg);
}
END_TEST

START_TEST(test_defaults_function)
{
	tg_config_defaults(&cfg);
	assert_defaults(&cfg);
}
END_TEST

START_TEST(test_defaults_kept_for_unset_keys)
{
	load_ok("workers = 8\n");
	ck_assert_int_eq(cfg.workers, 8);
	ck_assert_int_eq(cfg.jwt_leeway, 30);
	ck_assert_int_eq(cfg.max_body_bytes, 65536);
	ck_assert_int_eq(cfg.socket_mode, 0660);
	ck_assert_str_eq(cfg.jwt_alg, "RS256");
}
END_TEST

/* ----------------------------------------------------------------- syntax */

START_TEST(test_comments_and_blank_lines)
{
	load_ok("# toegang configuration\n"
		"\n"
		"   \n"
		"\t\n"
		"   # indented comment = with equals sign\n"
		"workers = 7\n"
		"\n"
		"#workers = 9\n");
	ck_assert_int_eq(cfg.workers, 7);
}
END_TEST

START_TEST(test_spaces_around_equals)
{
	load_ok("workers=5\n"
		"jwt_leeway   =   12\n"
		"\tshutdown_grace\t=\t20\t\n"
		"  jwt_issuer = https://idp.example.nl  \n");
	ck_assert_int_eq(cfg.workers, 5);
	ck_assert_int_eq(cfg.jwt_leeway, 12);
	ck_assert_int_eq(cfg.shutdown_grace, 20);
	ck_assert_str_eq(cfg.jwt_issuer, "https://idp.example.nl");
}
END_TEST

START_TEST(test_crlf_line_endings)
{
	load_ok("workers = 6\r\njwt_alg = HS256\r\n");
	ck_assert_int_eq(cfg.workers, 6);
	ck_assert_str_eq(cfg.jwt_alg, "HS256");
}
END_TEST

START_TEST(test_last_line_without_newline)
{
	load_ok("workers = 3\nuser = toegang");
	ck_assert_int_eq(cfg.workers, 3);
	ck_assert_str_eq(cfg.user, "toegang");
}
END_TEST

START_TEST(test_value_keeps_inner_spaces_and_equals)
{
	load_ok("database = host=db.internal dbname=toegang user=toegang\n"
		"plugins = whoami  verwijzing\n");
	ck_assert_str_eq(cfg.database, "host=db.internal dbname=toegang user=toegang");
	ck_assert_str_eq(cfg.plugins, "whoami  verwijzing");
}
END_TEST

START_TEST(test_empty_string_value)
{
	load_ok("plugins = whoami\nplugins =\n");
	ck_assert_str_eq(cfg.plugins, "");
}
END_TEST

START_TEST(test_string_keys_set)
{
	load_ok("socket_path = /run/t.sock\n"
		"socket_group = www-data\n"
		"user = toegang\n"
		"plugin_dir = /usr/lib/toegang\n"
		"jwt_hs256_secret_file = /etc/toegang/secret\n"
		"jwt_public_key_file = /etc/toegang/idp.pem\n"
		"jwt_audience = portal\n"
		"log_level = debug\n");
	ck_assert_str_eq(cfg.socket_path, "/run/t.sock");
	ck_assert_str_eq(cfg.socket_group, "www-data");
	ck_assert_str_eq(cfg.user, "toegang");
	ck_assert_str_eq(cfg.plugin_dir, "/usr/lib/toegang");
	ck_assert_str_eq(cfg.jwt_hs256_secret_file, "/etc/toegang/secret");
	ck_assert_str_eq(cfg.jwt_public_key_file, "/etc/toegang/idp.pem");
	ck_assert_str_eq(cfg.jwt_audience, "portal");
	ck_assert_str_eq(cfg.log_level, "debug");
}
END_TEST

START_TEST(test_last_value_wins)
{
	load_ok("workers = 2\n"
		"jwt_alg = HS256\n"
		"workers = 8\n"
		"jwt_alg = RS256\n");
	ck_assert_int_eq(cfg.workers, 8);
	ck_assert_str_eq(cfg.jwt_alg, "RS256");
}
END_TEST

/* ----------------------------------------------------------------- errors */

START_TEST(test_missing_file)
{
	int fd;

	/* A fresh name, made to exist and removed: it does not exist now. */
	strcpy(path, "/tmp/check_config.does-not-exist.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ne(fd, -1);
	close(fd);
	unlink(path);
	ck_assert_int_eq(tg_config_load(&cfg, path, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, path));
	ck_assert_ptr_nonnull(strstr(err, "No such file"));
}
END_TEST

START_TEST(test_unknown_key)
{
	ck_assert_int_eq(load("# comment\nworkers = 4\nwokers = 4\n"), -1);
	assert_err_at(3, "unknown key \"wokers\"");
}
END_TEST

START_TEST(test_unknown_key_stops_reading)
{
	/* The error is at the first bad line, not a later one. */
	ck_assert_int_eq(load("bogus = 1\nworkers = 0\n"), -1);
	assert_err_at(1, "bogus");
}
END_TEST

START_TEST(test_line_without_equals)
{
	ck_assert_int_eq(load("workers = 4\nworkers 4\n"), -1);
	assert_err_at(2, "expected key = value");
}
END_TEST

START_TEST(test_empty_key)
{
	ck_assert_int_eq(load(" = 4\n"), -1);
	assert_err_at(1, "unknown key");
}
END_TEST

START_TEST(test_key_case_sensitive)
{
	ck_assert_int_eq(load("Workers = 4\n"), -1);
	assert_err_at(1, "Workers");
}
END_TEST

START_TEST(test_line_too_long)
{
	size_t n = 5000;
	char *text = malloc(n + 16);
	ck_assert_ptr_nonnull(text);
	memcpy(text, "plugins = ", 10);
	memset(text + 10, 'x', n - 10);
	strcpy(text + n, "\n");
	ck_assert_int_eq(load(text), -1);
	free(text);
	assert_err_at(1, "line too long");
}
END_TEST

START_TEST(test_long_line_accepted)
{
	size_t n = 4000;
	char *text = malloc(n + 16);
	ck_assert_ptr_nonnull(text);
	memcpy(text, "plugins = ", 10);
	memset(text + 10, 'x', n - 10);
	strcpy(text + n, "\nworkers = 9\n");
	load_ok(text);
	free(text);
	ck_assert_uint_eq(strlen(cfg.plugins), n - 10);
	ck_assert_int_eq(cfg.workers, 9);
}
END_TEST

/* ---------------------------------------------------------------- numbers */

START_TEST(test_numbers_in_range)
{
	load_ok("workers = 1\njwt_leeway = 0\nmax_body_bytes = 1024\nshutdown_grace = 600\n"
		"db_connect_timeout = 60\n");
	ck_assert_int_eq(cfg.workers, 1);
	ck_assert_int_eq(cfg.jwt_leeway, 0);
	ck_assert_int_eq(cfg.max_body_bytes, 1024);
	ck_assert_int_eq(cfg.shutdown_grace, 600);
	ck_assert_int_eq(cfg.db_connect_timeout, 60);
	load_ok("workers = 256\njwt_leeway = 60\nmax_body_bytes = 16777216\n");
	ck_assert_int_eq(cfg.workers, 256);
	ck_assert_int_eq(cfg.jwt_leeway, 60);
	ck_assert_int_eq(cfg.max_body_bytes, 16777216);
}
END_TEST

static const struct {
	const char *line;
	const char *key;
} out_of_range[] = {
	{ "workers = 0\n", "workers" },
	{ "workers = 257\n", "workers" },
	{ "workers = -4\n", "workers" },
	{ "jwt_leeway = 61\n", "jwt_leeway" },
	{ "jwt_leeway = -1\n", "jwt_leeway" },
	{ "max_body_bytes = 1023\n", "max_body_bytes" },
	{ "max_body_bytes = 16777217\n", "max_body_bytes" },
	{ "shutdown_grace = 0\n", "shutdown_grace" },
	{ "db_connect_timeout = 61\n", "db_connect_timeout" },
	{ "workers = 99999999999999999999999\n", "workers" }, /* overflows a long */
};

START_TEST(test_number_out_of_range)
{
	ck_assert_int_eq(load(out_of_range[_i].line), -1);
	assert_err_at(1, out_of_range[_i].key);
	ck_assert_ptr_nonnull(strstr(err, "expected a number"));
}
END_TEST

START_TEST(test_out_of_range_messages)
{
	ck_assert_int_eq(load("workers = 0\n"), -1);
	assert_err_at(1, "workers: expected a number from 1 to 256, got \"0\"");
	ck_assert_int_eq(load("jwt_leeway = 61\n"), -1);
	assert_err_at(1, "jwt_leeway: expected a number from 0 to 60, got \"61\"");
}
END_TEST

static const char *const non_numeric[] = {
	"workers = four\n",
	"workers = 4x\n",
	"workers = 4 workers\n",
	"workers = 4.0\n",
	"workers = 0x10\n",
	"workers =\n",
};

START_TEST(test_number_not_numeric)
{
	ck_assert_msg(load(non_numeric[_i]) == -1, "\"%s\" accepted", non_numeric[_i]);
	assert_err_at(1, "workers: expected a number");
}
END_TEST

START_TEST(test_refused_value_keeps_previous)
{
	tg_config_defaults(&cfg);
	ck_assert_int_eq(tg_config_set(&cfg, "workers", "12", err, sizeof(err)), 0);
	ck_assert_int_eq(tg_config_set(&cfg, "workers", "0", err, sizeof(err)), -1);
	ck_assert_int_eq(cfg.workers, 12);
}
END_TEST

/* ------------------------------------------------------------------ octal */

START_TEST(test_socket_mode_octal)
{
	load_ok("socket_mode = 0600\n");
	ck_assert_int_eq(cfg.socket_mode, 0600);
	load_ok("socket_mode = 660\n"); /* octal even without the leading zero */
	ck_assert_int_eq(cfg.socket_mode, 0660);
	load_ok("socket_mode = 0777\n");
	ck_assert_int_eq(cfg.socket_mode, 0777);
}
END_TEST

START_TEST(test_socket_mode_refused)
{
	ck_assert_int_eq(load("socket_mode = 0680\n"), -1); /* 8 is not octal */
	assert_err_at(1, "socket_mode");
	ck_assert_int_eq(load("socket_mode = 01000\n"), -1); /* above 0777 */
	assert_err_at(1, "socket_mode");
	ck_assert_int_eq(load("socket_mode = rw-rw----\n"), -1);
	assert_err_at(1, "socket_mode");
}
END_TEST

/* --------------------------------------------------------------- booleans */

START_TEST(test_booleans)
{
	load_ok("log_requests = no\n");
	ck_assert_int_eq(cfg.log_requests, 0);
	load_ok("log_requests = yes\n");
	ck_assert_int_eq(cfg.log_requests, 1);
	load_ok("log_requests = false\n");
	ck_assert_int_eq(cfg.log_requests, 0);
	load_ok("log_requests = true\n");
	ck_assert_int_eq(cfg.log_requests, 1);
	load_ok("log_requests = 0\n");
	ck_assert_int_eq(cfg.log_requests, 0);
	load_ok("log_requests = 1\n");
	ck_assert_int_eq(cfg.log_requests, 1);
}
END_TEST

START_TEST(test_boolean_refused)
{
	ck_assert_int_eq(load("log_requests = maybe\n"), -1);
	assert_err_at(1, "log_requests: expected yes or no, got \"maybe\"");
	ck_assert_int_eq(load("log_requests = YES\n"), -1);
	assert_err_at(1, "log_requests");
	ck_assert_int_eq(load("log_requests = 2\n"), -1);
	assert_err_at(1, "log_requests");
}
END_TEST

/* ---------------------------------------------------------- plugin keys */

START_TEST(test_plugin_value_stored)
{
	load_ok("whoami.greeting = hi\n"
		"verwijzing.max_open = 10\n");
	ck_assert_str_eq(tg_config_plugin_value(&cfg, "whoami", "greeting"), "hi");
	ck_assert_str_eq(tg_config_plugin_value(&cfg, "verwijzing", "max_open"), "10");
}
END_TEST

START_TEST(test_plugin_value_absent)
{
	load_ok("whoami.greeting = hi\n");
	ck_assert_ptr_null(tg_config_plugin_value(&cfg, "whoami", "farewell"));
	ck_assert_ptr_null(tg_config_plugin_value(&cfg, "verwijzing", "greeting"));
	ck_assert_ptr_null(tg_config_plugin_value(&cfg, "who", "greeting"));
	ck_assert_ptr_null(tg_config_plugin_value(&cfg, "whoami", "greet"));
}
END_TEST

START_TEST(test_plugin_value_none_configured)
{
	load_ok("workers = 4\n");
	ck_assert_ptr_null(tg_config_plugin_value(&cfg, "whoami", "greeting"));
}
END_TEST

START_TEST(test_plugin_value_spaces)
{
	load_ok("  whoami.greeting   =   hello there  \n");
	ck_assert_str_eq(tg_config_plugin_value(&cfg, "whoami", "greeting"), "hello there");
}
END_TEST

START_TEST(test_plugin_value_last_wins)
{
	load_ok("whoami.greeting = hi\n"
		"whoami.greeting = hallo\n");
	ck_assert_str_eq(tg_config_plugin_value(&cfg, "whoami", "greeting"), "hallo");
}
END_TEST

START_TEST(test_plugin_key_with_dots)
{
	/* The plugin name ends at the first dot; the rest is the key. */
	load_ok("whoami.a.b = c\n");
	ck_assert_str_eq(tg_config_plugin_value(&cfg, "whoami", "a.b"), "c");
	ck_assert_ptr_null(tg_config_plugin_value(&cfg, "whoami.a", "b"));
}
END_TEST

START_TEST(test_plugin_key_malformed)
{
	ck_assert_int_eq(load(".greeting = hi\n"), -1);
	assert_err_at(1, "unknown key \".greeting\"");
	ck_assert_int_eq(load("whoami. = hi\n"), -1);
	assert_err_at(1, "unknown key \"whoami.\"");
}
END_TEST

/* ------------------------------------------------------------- overrides */

START_TEST(test_set_overrides_file)
{
	load_ok("workers = 2\njwt_alg = HS256\nwhoami.greeting = hi\n");
	ck_assert_int_eq(tg_config_set(&cfg, "workers", "16", err, sizeof(err)), 0);
	ck_assert_int_eq(tg_config_set(&cfg, "jwt_alg", "RS256", err, sizeof(err)), 0);
	ck_assert_int_eq(tg_config_set(&cfg, "whoami.greeting", "dag", err, sizeof(err)), 0);
	ck_assert_int_eq(cfg.workers, 16);
	ck_assert_str_eq(cfg.jwt_alg, "RS256");
	ck_assert_str_eq(tg_config_plugin_value(&cfg, "whoami", "greeting"), "dag");
}
END_TEST

START_TEST(test_set_same_rules)
{
	tg_config_defaults(&cfg);
	ck_assert_int_eq(tg_config_set(&cfg, "wokers", "4", err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "unknown key \"wokers\""));
	ck_assert_int_eq(tg_config_set(&cfg, "jwt_leeway", "61", err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "jwt_leeway"));
	ck_assert_int_eq(cfg.jwt_leeway, 30);
	ck_assert_int_eq(tg_config_set(&cfg, "log_requests", "no", err, sizeof(err)), 0);
	ck_assert_int_eq(cfg.log_requests, 0);
	ck_assert_int_eq(tg_config_set(&cfg, "socket_mode", "0640", err, sizeof(err)), 0);
	ck_assert_int_eq(cfg.socket_mode, 0640);
}
END_TEST

START_TEST(test_free_then_reload)
{
	load_ok("whoami.greeting = hi\nuser = a\n");
	tg_config_free(&cfg);
	ck_assert_ptr_null(cfg.user);
	ck_assert_ptr_null(cfg.plugin_settings);
	ck_assert_uint_eq(cfg.nplugin_settings, 0);
	ck_assert_ptr_null(tg_config_plugin_value(&cfg, "whoami", "greeting"));
	load_ok("user = b\n");
	ck_assert_str_eq(cfg.user, "b");
}
END_TEST

/* ------------------------------------------------ listen, web_server_addrs */

/* Loads text and runs tg_config_check; err holds the check's message. */
static int check_text(const char *text)
{
	load_ok(text);
	return tg_config_check(&cfg, err, sizeof(err));
}

START_TEST(test_check_defaults_unix_socket)
{
	ck_assert_int_eq(check_text(""), 0);
	ck_assert_str_eq(cfg.socket_path, "/run/toegang/toegangd.sock");
	ck_assert_ptr_null(cfg.listen);
	ck_assert_int_eq(tg_config_reads_standby(&cfg), 0);
}
END_TEST

START_TEST(test_check_socket_path_kept)
{
	ck_assert_int_eq(check_text("socket_path = /run/t/d.sock\n"), 0);
	ck_assert_str_eq(cfg.socket_path, "/run/t/d.sock");
}
END_TEST

START_TEST(test_listen_tcp)
{
	struct sockaddr_in sa;
	char addr[INET_ADDRSTRLEN];

	ck_assert_msg(check_text("listen = 10.0.0.5:9000\n"
	    "web_server_addrs = 10.0.0.1, 10.0.0.2  10.0.0.3,\t192.168.1.20\n") == 0, "%s", err);
	/* The unix socket is not opened at all. */
	ck_assert_ptr_null(cfg.socket_path);
	/* As libfcgi reads FCGI_WEB_SERVER_ADDRS: comma-separated, nothing else. */
	ck_assert_str_eq(cfg.web_server_addrs, "10.0.0.1,10.0.0.2,10.0.0.3,192.168.1.20");
	ck_assert_int_eq(tg_config_listen_addr(&cfg, &sa), 0);
	ck_assert_int_eq(sa.sin_family, AF_INET);
	ck_assert_int_eq(ntohs(sa.sin_port), 9000);
	ck_assert_ptr_nonnull(inet_ntop(AF_INET, &sa.sin_addr, addr, sizeof(addr)));
	ck_assert_str_eq(addr, "10.0.0.5");
}
END_TEST

START_TEST(test_listen_socket_path_emptied)
{
	/* The shipped file sets socket_path; "socket_path =" takes it away. */
	ck_assert_msg(check_text("socket_path = /run/toegang/toegangd.sock\nsocket_path =\n"
	    "listen = 127.0.0.1:9000\nweb_server_addrs = 127.0.0.1\n") == 0, "%s", err);
	ck_assert_ptr_null(cfg.socket_path);
}
END_TEST

START_TEST(test_listen_empty_is_unset)
{
	ck_assert_int_eq(check_text("listen =\n"), 0);
	ck_assert_ptr_null(cfg.listen);
	ck_assert_str_eq(cfg.socket_path, "/run/toegang/toegangd.sock");
}
END_TEST

START_TEST(test_listen_needs_web_server_addrs)
{
	ck_assert_int_eq(check_text("listen = 10.0.0.5:9000\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "listen needs web_server_addrs"));
	ck_assert_int_eq(check_text("listen = 10.0.0.5:9000\nweb_server_addrs =\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "listen needs web_server_addrs"));
	/* Separators only: no address at all. */
	ck_assert_int_eq(check_text("listen = 10.0.0.5:9000\nweb_server_addrs = , ,\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "web_server_addrs: no address given"));
}
END_TEST

START_TEST(test_listen_excludes_socket_path)
{
	ck_assert_int_eq(check_text("socket_path = /run/t.sock\nlisten = 10.0.0.5:9000\n"
	    "web_server_addrs = 10.0.0.1\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "mutually exclusive"));
}
END_TEST

static const char *const bad_listen[] = {
	"9000", ":9000", "10.0.0.5", "10.0.0.5:", "localhost:9000", "[::1]:9000", "::1:9000",
	"10.0.0.5:0", "10.0.0.5:65536", "10.0.0.5:90a", "10.0.0.5:+9000", "10.0.0.5: 9000",
	"10.0.0.256:9000", "10.0.5:9000", "unix:/run/t.sock",
};

START_TEST(test_listen_refused)
{
	char text[160];
	snprintf(text, sizeof(text), "listen = %s\nweb_server_addrs = 10.0.0.1\n", bad_listen[_i]);
	ck_assert_msg(check_text(text) == -1, "listen = %s accepted", bad_listen[_i]);
	ck_assert_msg(strstr(err, "listen: expected an IPv4 address and a port") != NULL &&
	    strstr(err, bad_listen[_i]) != NULL, "listen = %s: \"%s\"", bad_listen[_i], err);
}
END_TEST

static const char *const bad_addrs[] = {
	"nginx.example.nl", "10.1", "10.0.0.1/24", "0.0.0.0", "255.255.255.255", "::1",
	"10.0.0.1 10.0.0.999", "010.0.0.1", "10.0.0.1;10.0.0.2",
};

START_TEST(test_web_server_addrs_refused)
{
	char text[200];
	snprintf(text, sizeof(text), "listen = 10.0.0.5:9000\nweb_server_addrs = %s\n", bad_addrs[_i]);
	ck_assert_msg(check_text(text) == -1, "web_server_addrs = %s accepted", bad_addrs[_i]);
	ck_assert_msg(strncmp(err, "web_server_addrs: ", 18) == 0, "%s: \"%s\"", bad_addrs[_i], err);
}
END_TEST

START_TEST(test_web_server_addrs_at_most_32)
{
	char text[1024] = "listen = 10.0.0.5:9000\nweb_server_addrs =";
	for (int i = 1; i <= 32; i++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text), " 10.0.1.%d", i);
	strcat(text, "\n");
	ck_assert_msg(check_text(text) == 0, "%s", err);
	text[strlen(text) - 1] = '\0';
	strcat(text, " 10.0.2.1\n");
	ck_assert_int_eq(check_text(text), -1);
	ck_assert_ptr_nonnull(strstr(err, "at most 32"));
}
END_TEST

START_TEST(test_web_server_addrs_without_listen)
{
	ck_assert_int_eq(check_text("web_server_addrs = 10.0.0.1\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "web_server_addrs is for listen"));
}
END_TEST

/* ---------------------------------------------------- reads from a standby */

START_TEST(test_standby_reads)
{
	ck_assert_msg(check_text("database_standby = host=db2 dbname=toegang\n"
	    "read_from = standby\nspool_dir = /var/lib/t/spool\n") == 0, "%s", err);
	ck_assert_int_eq(tg_config_reads_standby(&cfg), 1);
	ck_assert_str_eq(cfg.database_standby, "host=db2 dbname=toegang");
	/* The default spool_dir will do. */
	ck_assert_msg(check_text("database_standby = host=db2\nread_from = standby\n") == 0, "%s", err);
}
END_TEST

START_TEST(test_standby_for_health_only)
{
	/* A standby that health reports on, while the primary serves the reads. */
	ck_assert_int_eq(check_text("database_standby = host=db2\n"), 0);
	ck_assert_int_eq(tg_config_reads_standby(&cfg), 0);
}
END_TEST

START_TEST(test_standby_reads_need_standby)
{
	ck_assert_int_eq(check_text("read_from = standby\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "read_from = standby needs database_standby"));
	ck_assert_int_eq(check_text("read_from = standby\ndatabase_standby =\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "needs database_standby"));
}
END_TEST

START_TEST(test_standby_reads_need_spool)
{
	ck_assert_int_eq(check_text("read_from = standby\ndatabase_standby = host=db2\n"
	    "spool_dir =\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "needs spool_dir"));
	ck_assert_int_eq(check_text("read_from = standby\ndatabase_standby = host=db2\n"
	    "spool_dir = var/spool\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "absolute"));
}
END_TEST

START_TEST(test_read_from_refused)
{
	ck_assert_int_eq(check_text("read_from = both\ndatabase_standby = host=db2\n"), -1);
	ck_assert_ptr_nonnull(strstr(err, "read_from: expected primary or standby, got \"both\""));
	ck_assert_int_eq(check_text("read_from = Standby\ndatabase_standby = host=db2\n"), -1);
}
END_TEST

START_TEST(test_standby_max_wait_bounds)
{
	load_ok("standby_max_wait_ms = 0\n");
	ck_assert_int_eq(cfg.standby_max_wait_ms, 0);
	load_ok("standby_max_wait_ms = 10000\n");
	ck_assert_int_eq(cfg.standby_max_wait_ms, 10000);
	ck_assert_int_eq(load("standby_max_wait_ms = 10001\n"), -1);
	assert_err_at(1, "standby_max_wait_ms: expected a number from 0 to 10000");
	ck_assert_int_eq(load("standby_max_wait_ms = -1\n"), -1);
}
END_TEST

static Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc;

	tc = tcase_create("defaults");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_defaults_from_empty_file);
	tcase_add_test(tc, test_defaults_function);
	tcase_add_test(tc, test_defaults_kept_for_unset_keys);
	suite_add_tcase(s, tc);

	tc = tcase_create("syntax");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_comments_and_blank_lines);
	tcase_add_test(tc, test_spaces_around_equals);
	tcase_add_test(tc, test_crlf_line_endings);
	tcase_add_test(tc, test_last_line_without_newline);
	tcase_add_test(tc, test_value_keeps_inner_spaces_and_equals);
	tcase_add_test(tc, test_empty_string_value);
	tcase_add_test(tc, test_string_keys_set);
	tcase_add_test(tc, test_last_value_wins);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_unknown_key);
	tcase_add_test(tc, test_unknown_key_stops_reading);
	tcase_add_test(tc, test_line_without_equals);
	tcase_add_test(tc, test_empty_key);
	tcase_add_test(tc, test_key_case_sensitive);
	tcase_add_test(tc, test_line_too_long);
	tcase_add_test(tc, test_long_line_accepted);
	suite_add_tcase(s, tc);

	tc = tcase_create("numbers");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_numbers_in_range);
	tcase_add_loop_test(tc, test_number_out_of_range, 0,
	    (int)(sizeof(out_of_range) / sizeof(out_of_range[0])));
	tcase_add_test(tc, test_out_of_range_messages);
	tcase_add_loop_test(tc, test_number_not_numeric, 0,
	    (int)(sizeof(non_numeric) / sizeof(non_numeric[0])));
	tcase_add_test(tc, test_refused_value_keeps_previous);
	tcase_add_test(tc, test_socket_mode_octal);
	tcase_add_test(tc, test_socket_mode_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("booleans");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_booleans);
	tcase_add_test(tc, test_boolean_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("plugin_keys");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_plugin_value_stored);
	tcase_add_test(tc, test_plugin_value_absent);
	tcase_add_test(tc, test_plugin_value_none_configured);
	tcase_add_test(tc, test_plugin_value_spaces);
	tcase_add_test(tc, test_plugin_value_last_wins);
	tcase_add_test(tc, test_plugin_key_with_dots);
	tcase_add_test(tc, test_plugin_key_malformed);
	suite_add_tcase(s, tc);

	tc = tcase_create("overrides");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_set_overrides_file);
	tcase_add_test(tc, test_set_same_rules);
	tcase_add_test(tc, test_free_then_reload);
	suite_add_tcase(s, tc);

	tc = tcase_create("listen");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_check_defaults_unix_socket);
	tcase_add_test(tc, test_check_socket_path_kept);
	tcase_add_test(tc, test_listen_tcp);
	tcase_add_test(tc, test_listen_socket_path_emptied);
	tcase_add_test(tc, test_listen_empty_is_unset);
	tcase_add_test(tc, test_listen_needs_web_server_addrs);
	tcase_add_test(tc, test_listen_excludes_socket_path);
	tcase_add_loop_test(tc, test_listen_refused, 0,
	    (int)(sizeof(bad_listen) / sizeof(bad_listen[0])));
	tcase_add_loop_test(tc, test_web_server_addrs_refused, 0,
	    (int)(sizeof(bad_addrs) / sizeof(bad_addrs[0])));
	tcase_add_test(tc, test_web_server_addrs_at_most_32);
	tcase_add_test(tc, test_web_server_addrs_without_listen);
	suite_add_tcase(s, tc);

	tc = tcase_create("standby");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_standby_reads);
	tcase_add_test(tc, test_standby_for_health_only);
	tcase_add_test(tc, test_standby_reads_need_standby);
	tcase_add_test(tc, test_standby_reads_need_spool);
	tcase_add_test(tc, test_read_from_refused);
	tcase_add_test(tc, test_standby_max_wait_bounds);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	return tg_run_suite(config_suite());
}
