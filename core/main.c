/*
 * toegangd: start-up. Everything that can be checked is checked here, before
 * the first fork, so that a misconfigured daemon stops at once with a message
 * instead of answering 500s: the configuration, the JWT key, the plugins and
 * their ABI, the socket. Then, when started as root, it drops to the
 * configured user and hands over to the master.
 *
 * The socket is the unix socket at socket_path, or with listen a TCP port
 * for nginx on other hosts. libfcgi aborts on crafted records, so a TCP
 * listener takes connections only from web_server_addrs: libfcgi 2.4.2
 * closes any other IPv4 peer in accept() (FCGI_WEB_SERVER_ADDRS, read by
 * FCGX_Init). It checks IPv4 peers only, which is why listen is IPv4.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "core.h"
#include "db.h"
#include "dispatch.h"
#include "log.h"
#include "master.h"
#include "pseudonym.h"
#include "services.h"
#include "spool.h"

static void usage(FILE *f)
{
	fprintf(f,
	    "usage: toegangd -c FILE [-s key=value]... [-t]\n"
	    "  -c FILE       configuration file (see etc/toegang.conf)\n"
	    "  -s key=value  override one configuration key\n"
	    "  -t            check the configuration, the key and the plugins, then exit\n");
}

static int fail(const char *what, const char *msg)
{
	fprintf(stderr, "toegangd: %s: %s\n", what, msg);
	return 1;
}

static tg_jwt_verifier *load_verifier(const tg_config *cfg, char *err, size_t errlen)
{
	tg_jwt_config jc;
	memset(&jc, 0, sizeof(jc));
	if (tg_jwt_alg_parse(cfg->jwt_alg, &jc.alg) != 0) {
		snprintf(err, errlen, "jwt_alg must be HS256, RS256 or ES256, not \"%s\"",
		    cfg->jwt_alg);
		return NULL;
	}
	jc.key_file = jc.alg == TG_JWT_HS256 ? cfg->jwt_hs256_secret_file : cfg->jwt_public_key_file;
	if (!jc.key_file || !*jc.key_file) {
		snprintf(err, errlen, "no JWT key configured: set %s",
		    jc.alg == TG_JWT_HS256 ? "jwt_hs256_secret_file" : "jwt_public_key_file");
		return NULL;
	}
	jc.issuer = cfg->jwt_issuer;
	jc.audience = cfg->jwt_audience;
	jc.leeway = (int)cfg->jwt_leeway;
	if (!jc.issuer || !*jc.issuer) {
		snprintf(err, errlen, "jwt_issuer is not set");
		return NULL;
	}
	return tg_jwt_verifier_new(&jc, err, errlen);
}

/* Opens the unix socket, owned and moded so that only the web server's group reaches it. */
static int open_socket(const tg_config *cfg, uid_t uid, gid_t gid, char *err, size_t errlen)
{
	struct stat st;
	int fd;
	mode_t old;

	if (cfg->socket_path[0] != '/') {
		snprintf(err, errlen, "socket_path must be an absolute path to a unix socket");
		return -1;
	}
	/* libfcgi exits, or overflows, on a path longer than sun_path holds: check first. */
	if (strlen(cfg->socket_path) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
		snprintf(err, errlen, "socket_path is longer than a unix socket path may be (%zu)",
		    sizeof(((struct sockaddr_un *)0)->sun_path) - 1);
		return -1;
	}
	if (lstat(cfg->socket_path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			snprintf(err, errlen, "%s exists and is not a socket", cfg->socket_path);
			return -1;
		}
		unlink(cfg->socket_path);
	}
	/* Created with no access for anyone; opened up only after chown. */
	old = umask(0777);
	fd = FCGX_OpenSocket(cfg->socket_path, 1024);
	umask(old);
	if (fd < 0) {
		snprintf(err, errlen, "cannot listen on %s: %s", cfg->socket_path, strerror(errno));
		return -1;
	}
	if (chown(cfg->socket_path, uid, gid) != 0 || chmod(cfg->socket_path, (mode_t)cfg->socket_mode) != 0) {
		snprintf(err, errlen, "cannot set owner or mode of %s: %s", cfg->socket_path,
		    strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* The TCP listener of listen (checked by tg_config_check: IPv4 and a port). */
static int open_tcp(const tg_config *cfg, char *err, size_t errlen)
{
	struct sockaddr_in sa;
	int one = 1;
	int fd;

	if (tg_config_listen_addr(cfg, &sa) != 0) {
		snprintf(err, errlen, "listen: not an IPv4 address and port");
		return -1;
	}
	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(fd, 1024) != 0) {
		snprintf(err, errlen, "cannot listen on %s: %s", cfg->listen, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	/* The workers inherit it across fork only; the sync command must not. */
	return fd;
}

static int resolve_ids(const tg_config *cfg, uid_t *uid, gid_t *gid, char *err, size_t errlen)
{
	*uid = geteuid();
	*gid = getegid();
	if (cfg->user) {
		struct passwd *pw = getpwnam(cfg->user);
		if (!pw) {
			snprintf(err, errlen, "user %s does not exist", cfg->user);
			return -1;
		}
		*uid = pw->pw_uid;
		*gid = pw->pw_gid;
	}
	if (cfg->socket_group) {
		struct group *gr = getgrnam(cfg->socket_group);
		if (!gr) {
			snprintf(err, errlen, "socket_group %s does not exist", cfg->socket_group);
			return -1;
		}
		*gid = gr->gr_gid;
	}
	return 0;
}

static int drop_privileges(const tg_config *cfg, char *err, size_t errlen)
{
	struct passwd *pw;
	if (geteuid() != 0)
		return 0;
	if (!cfg->user) {
		snprintf(err, errlen, "started as root without \"user\": refusing to serve as root");
		return -1;
	}
	pw = getpwnam(cfg->user);
	if (!pw || pw->pw_uid == 0) {
		snprintf(err, errlen, "user %s is unknown or root", cfg->user);
		return -1;
	}
	if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0 ||
	    setuid(0) == 0) {
		snprintf(err, errlen, "cannot drop privileges to %s", cfg->user);
		return -1;
	}
	return 0;
}

/* landelijk.interval (seconds, 0 = off) and landelijk.command. */
static int sync_settings(tg_core *core, char *err, size_t errlen)
{
	const char *iv = tg_config_plugin_value(&core->config, "landelijk", "interval");
	const char *cmd = tg_config_plugin_value(&core->config, "landelijk", "command");
	char *end;

	core->sync_interval = 0;
	core->sync_command = cmd ? cmd : BINDIR "/toegang-landelijk-sync";
	if (!iv)
		return 0;
	errno = 0;
	core->sync_interval = strtol(iv, &end, 10);
	if (errno || end == iv || *end || (core->sync_interval != 0 &&
	    (core->sync_interval < 10 || core->sync_interval > 604800))) {
		snprintf(err, errlen, "landelijk.interval: 0 (off) or 10 to 604800 seconds");
		return -1;
	}
	if (core->sync_interval && !tg_config_plugin_value(&core->config, "landelijk", "url")) {
		snprintf(err, errlen, "landelijk.interval is set but landelijk.url is not");
		return -1;
	}
	if (core->sync_interval && access(core->sync_command, X_OK) != 0) {
		snprintf(err, errlen, "landelijk.command %s: %s", core->sync_command, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	tg_core core;
	const char *config_path = NULL;
	int check_only = 0;
	char err[1024];
	tg_log_level level;
	uid_t uid;
	gid_t gid;
	int opt, rc = 1;
	char **overrides = calloc((size_t)argc, sizeof(char *));
	size_t noverrides = 0;

	memset(&core, 0, sizeof(core));
	core.listen_fd = -1;
	/* The Jeugdwet's dates (ages, deadlines, "today") are Dutch calendar
	 * dates, whatever zone the host runs in; log lines stay in UTC. */
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	if (!overrides)
		return 1;
	while ((opt = getopt(argc, argv, "c:s:th")) != -1) {
		switch (opt) {
		case 'c': config_path = optarg; break;
		case 's': overrides[noverrides++] = optarg; break;
		case 't': check_only = 1; break;
		case 'h': usage(stdout); free(overrides); return 0;
		default: usage(stderr); free(overrides); return 2;
		}
	}
	if (!config_path || optind != argc) {
		usage(stderr);
		free(overrides);
		return 2;
	}
	if (tg_config_load(&core.config, config_path, err, sizeof(err)) != 0) {
		rc = fail("configuration", err);
		goto out;
	}
	for (size_t i = 0; i < noverrides; i++) {
		if (tg_config_override(&core.config, overrides[i], err, sizeof(err)) != 0) {
			rc = fail("-s", err);
			goto out;
		}
	}
	if (tg_config_check(&core.config, err, sizeof(err)) != 0) {
		rc = fail("configuration", err);
		goto out;
	}
	core.config_path = config_path;
	core.overrides = overrides;
	core.noverrides = noverrides;
	if (sync_settings(&core, err, sizeof(err)) != 0) {
		rc = fail("configuration", err);
		goto out;
	}
	if (tg_log_level_parse(core.config.log_level, &level) != 0) {
		rc = fail("configuration", "log_level must be debug, info, warn or error");
		goto out;
	}
	tg_log_set_level(level);

	core.verifier = load_verifier(&core.config, err, sizeof(err));
	if (!core.verifier) {
		rc = fail("jwt", err);
		goto out;
	}
	if (tg_pseudonym_load(core.config.pseudonym_key_file, err, sizeof(err)) != 0) {
		rc = fail("pseudonym", err);
		goto out;
	}
	core.router = tg_router_new();
	if (!core.router || tg_dispatch_register_core_routes(core.router, err, sizeof(err)) != 0) {
		rc = fail("routes", core.router ? err : "out of memory");
		goto out;
	}
	if (tg_db_set_standby(core.config.database_standby, core.config.standby_max_wait_ms) != 0 ||
	    tg_services_init(&core.config) != 0) {
		rc = fail("services", "cannot register the core's statements");
		goto out;
	}
	if (tg_plugins_load(&core.config, core.router, tg_services_table(), &core.plugins, err,
	    sizeof(err)) != 0) {
		rc = fail("plugins", err);
		goto out;
	}
	for (size_t i = 0; i < core.config.nplugin_settings; i++) {
		const char *owner = core.config.plugin_settings[i].plugin;
		/* "landelijk.*" belongs to toegang-landelijk-sync and the master. */
		bool known = strcmp(owner, "landelijk") == 0;
		for (size_t k = 0; k < core.plugins.n; k++)
			known |= strcmp(core.plugins.items[k].name, owner) == 0;
		if (!known) {
			snprintf(err, sizeof(err), "unknown key \"%s.%s\" (no plugin %s is loaded)", owner,
			    core.config.plugin_settings[i].key, owner);
			rc = fail("configuration", err);
			goto out;
		}
	}
	if (check_only) {
		printf("toegangd: configuration OK (%zu plugin%s)\n", core.plugins.n,
		    core.plugins.n == 1 ? "" : "s");
		rc = 0;
		goto out;
	}
	/* FCGX_Init reads the allowed peers; a value from the environment must
	 * not stand in for the configured one, nor open a unix-socket daemon. */
	if (core.config.listen ? setenv("FCGI_WEB_SERVER_ADDRS", core.config.web_server_addrs, 1)
	                       : unsetenv("FCGI_WEB_SERVER_ADDRS")) {
		rc = fail("fastcgi", strerror(errno));
		goto out;
	}
	if (FCGX_Init() != 0) {
		rc = fail("fastcgi", "FCGX_Init failed");
		goto out;
	}
	if (resolve_ids(&core.config, &uid, &gid, err, sizeof(err)) != 0) {
		rc = fail("configuration", err);
		goto out;
	}
	core.listen_fd = core.config.listen ? open_tcp(&core.config, err, sizeof(err))
	                                    : open_socket(&core.config, uid, gid, err, sizeof(err));
	if (core.listen_fd < 0) {
		rc = fail("socket", err);
		goto out;
	}
	if (drop_privileges(&core.config, err, sizeof(err)) != 0) {
		rc = fail("privileges", err);
		goto out;
	}
	/* Checked as the user that writes it. */
	if (tg_config_reads_standby(&core.config) &&
	    tg_spool_check(core.config.spool_dir, err, sizeof(err)) != 0) {
		rc = fail("configuration", err);
		goto out;
	}
	rc = tg_master_run(&core);
	if (core.config.socket_path)
		unlink(core.config.socket_path);
out:
	if (core.listen_fd >= 0)
		close(core.listen_fd);
	tg_router_free(core.router);
	tg_plugins_unload(&core.plugins);
	tg_db_registry_free();
	tg_jwt_verifier_free(core.verifier);
	tg_pseudonym_unload();
	tg_config_free(&core.config);
	free(overrides);
	return rc;
}
