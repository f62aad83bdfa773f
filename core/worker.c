/*
 * The worker loop. SIGTERM sets a flag: a worker idle in accept() is woken
 * (the request is initialised with FCGI_FAIL_ACCEPT_ON_INTR and the handler
 * installed without SA_RESTART) and leaves; a worker in a request finishes it
 * first. The master kills what is still running after shutdown_grace.
 */
#include "worker.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "dispatch.h"
#include "log.h"

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

_Noreturn void tg_worker_main(const tg_core *core)
{
	FCGX_Request fcgi;
	struct sigaction sa;
	sigset_t none;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: accept() must return EINTR */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	tg_db_worker_init(core->config.database, (int)core->config.db_connect_timeout);
	/* Connect now, so the first request does not pay for it; failure is not fatal. */
	(void)tg_db_get();

	if (FCGX_InitRequest(&fcgi, core->listen_fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		tg_log(TG_LOG_ERROR, "worker-init-failed", NULL, NULL, NULL);
		_exit(1);
	}
	tg_log(TG_LOG_DEBUG, "worker-started", NULL, NULL, NULL);
	while (!stop) {
		if (FCGX_Accept_r(&fcgi) < 0) {
			if (stop || errno == EINTR)
				continue;
			tg_log(TG_LOG_ERROR, "accept-failed", NULL, strerror(errno), NULL);
			break;
		}
		tg_dispatch(core, &fcgi);
		FCGX_Finish_r(&fcgi);
	}
	FCGX_Free(&fcgi, 1);
	tg_db_worker_close();
	tg_log(TG_LOG_DEBUG, "worker-stopped", NULL, NULL, NULL);
	_exit(stop ? 0 : 1);
}
