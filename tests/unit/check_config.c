/*
 * Unit tests for core/config.c: defaults, the "key = value" file syntax,
 * number, octal and boolean keys with their bounds, plugin keys, overrides,
 * and the errors (which must name file, line and key).
 *
 * Build with -DPLUGINDIR='"/tmp/plugins"' (the default plugin_dir).
 */
#include <check.h>

#include "run_suite.h"
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
	ck_assert_str_eq(c->socket_path, "/run/toegang/toegangd.sock");
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

	return s;
}

int main(void)
{
	return tg_run_suite(config_suite());
}
