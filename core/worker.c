/*
 * The worker loop. On SIGTERM a worker waiting in accept() exits on the spot
 * (it holds nothing); a worker in a request sets a flag and finishes the
 * request first. The handler is installed with SA_RESTART because libfcgi's
 * reads and writes do not retry on EINTR: an interrupted read would cut a
 * request body short. The master kills what still runs after shutdown_grace.
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
static volatile sig_atomic_t idle; /* set only around FCGX_Accept_r */

static void on_term(int sig)
{
	(void)sig;
	if (idle)
		_exit(0);
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
	sa.sa_flags = SA_RESTART;
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

	if (FCGX_InitRequest(&fcgi, core->listen_fd, 0) != 0) {
		tg_log(TG_LOG_ERROR, "worker-init-failed", NULL, NULL, NULL);
		_exit(1);
	}
	tg_log(TG_LOG_DEBUG, "worker-started", NULL, NULL, NULL);
	for (;;) {
		int rc;
		/* idle first, then stop: a SIGTERM before this sees stop, one after it exits. */
		idle = 1;
		if (stop)
			break;
		rc = FCGX_Accept_r(&fcgi);
		idle = 0;
		if (rc < 0) {
			if (errno == EINTR)
				continue;
			tg_log(TG_LOG_ERROR, "accept-failed", NULL, strerror(errno), NULL);
			break;
		}
		tg_dispatch(core, &fcgi);
		FCGX_Finish_r(&fcgi);
	}
	idle = 0;
	FCGX_Free(&fcgi, 1);
	tg_db_worker_close();
	tg_log(TG_LOG_DEBUG, "worker-stopped", NULL, NULL, NULL);
	_exit(stop ? 0 : 1);
}
