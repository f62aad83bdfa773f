/*
 * The master never serves a request: it only keeps cfg.workers workers
 * alive. Signals are taken synchronously with sigtimedwait, so there is no
 * handler to race with. A worker that dies is replaced at once, unless
 * workers keep dying young, when respawning waits a second so that a broken
 * start (say a plugin crashing at every request) does not spin the CPU.
 *
 * When landelijk.interval is set, the master also starts the VNG list sync
 * (toegang-landelijk-sync, a separate program) every interval, one run at a
 * time: outbound fetching never happens in a worker or on a request path.
 *
 * When reads go to the standby, the master looks at spool_dir every second
 * and, while it holds access-log records that the primary could not take,
 * starts a child that delivers them (spool_replay.c), one at a time, at
 * most every REPLAY_INTERVAL seconds.
 */
#include "master.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "spool.h"
#include "spool_replay.h"
#include "worker.h"

#define REPLAY_INTERVAL 5

typedef struct slot {
	pid_t pid;
	time_t started;
} slot;

static pid_t spawn(const tg_core *core, slot *s)
{
	pid_t pid = fork();
	if (pid < 0) {
		tg_log(TG_LOG_ERROR, "fork-failed", NULL, strerror(errno), NULL);
		return -1;
	}
	if (pid == 0)
		tg_worker_main(core);
	s->pid = pid;
	s->started = time(NULL);
	return pid;
}

static size_t alive(const slot *slots, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += slots[i].pid > 0;
	return k;
}

/*
 * fork() for a helper of the master (the sync, the spool's replay): the
 * child gets the signals the master holds back, and not the socket. The
 * child's pid to the master; 0 in the child; -1 (logged as event) on failure.
 */
static pid_t fork_helper(const tg_core *core, const char *event)
{
	pid_t pid = fork();
	if (pid == 0) {
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (core->listen_fd >= 0)
			close(core->listen_fd);
	} else if (pid < 0) {
		tg_log(TG_LOG_ERROR, event, NULL, strerror(errno), NULL);
	}
	return pid;
}

/* Starts toegang-landelijk-sync -c CONFIG [-s k=v]... -q; its pid, or 0. */
static pid_t sync_start(const tg_core *core)
{
	char **argv = calloc(core->noverrides * 2 + 5, sizeof(char *));
	size_t k = 0;
	pid_t pid;

	if (!argv)
		return 0;
	argv[k++] = (char *)core->sync_command;
	argv[k++] = "-c";
	argv[k++] = (char *)core->config_path;
	for (size_t i = 0; i < core->noverrides; i++) {
		argv[k++] = "-s";
		argv[k++] = core->overrides[i];
	}
	argv[k++] = "-q";
	pid = fork_helper(core, "landelijk-sync-fork-failed");
	if (pid == 0) {
		/* The daemon's log is one JSON object per line: the command's plain
		 * text stays out of it. Its cause is in laatste_fout (health), its
		 * exit status in landelijk-sync-failed. */
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
			if (null > STDERR_FILENO)
				close(null);
		}
		execv(core->sync_command, argv);
		_exit(127);
	}
	free(argv);
	return pid > 0 ? pid : 0;
}

/* A child of the master for the spool's replay; its pid, or 0. */
static pid_t replay_start(const tg_core *core)
{
	pid_t pid = fork_helper(core, "spool-replay-fork-failed");
	if (pid == 0)
		_exit(tg_spool_replay_run(&core->config) == 0 ? 0 : 1);
	return pid > 0 ? pid : 0;
}

/* Reaps every exited child; returns how many workers died within a second of starting. */
static int reap(slot *slots, size_t n, int stopping, pid_t *sync_pid, pid_t *replay_pid)
{
	int young = 0;
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (pid == *replay_pid) {
			/* It logs what it did; only a crash is the master's to tell. */
			*replay_pid = 0;
			if (WIFSIGNALED(status) && !stopping) {
				char extra[32] = "";
				tg_log_field_int(extra, sizeof(extra), "signal", WTERMSIG(status));
				tg_log(TG_LOG_ERROR, "spool-replay-died", NULL, "the spool stays", extra);
			}
			continue;
		}
		if (pid == *sync_pid) {
			char extra[64] = "";
			*sync_pid = 0;
			if (WIFSIGNALED(status))
				tg_log_field_int(extra, sizeof(extra), "signal", WTERMSIG(status));
			else
				tg_log_field_int(extra, sizeof(extra), "exit", WEXITSTATUS(status));
			if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
				tg_log(TG_LOG_INFO, "landelijk-sync-done", NULL, NULL, extra);
			else
				tg_log(TG_LOG_WARN, "landelijk-sync-failed", NULL,
				    "the last good copy stays; see health", extra);
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			char extra[128] = "";
			if (slots[i].pid != pid)
				continue;
			slots[i].pid = 0;
			if (stopping)
				break;
			tg_log_field_int(extra, sizeof(extra), "worker", (long long)pid);
			if (WIFSIGNALED(status))
				tg_log_field_int(extra, sizeof(extra), "signal", WTERMSIG(status));
			else
				tg_log_field_int(extra, sizeof(extra), "exit", WEXITSTATUS(status));
			tg_log(TG_LOG_WARN, "worker-died", NULL, "replacing it", extra);
			if (time(NULL) - slots[i].started < 1)
				young++;
			break;
		}
	}
	return young;
}

static void signal_all(const slot *slots, size_t n, int sig)
{
	for (size_t i = 0; i < n; i++)
		if (slots[i].pid > 0)
			kill(slots[i].pid, sig);
}

int tg_master_run(const tg_core *core)
{
	size_t n = (size_t)core->config.workers;
	slot *slots = calloc(n, sizeof(*slots));
	sigset_t set;
	struct timespec tick = { 1, 0 };
	time_t deadline = 0;
	int stopping = 0;
	int rc = 0;
	pid_t sync_pid = 0, replay_pid = 0;
	/* The first sync a little after start, so that workers come up first. */
	time_t next_sync = time(NULL) + 5, next_replay = time(NULL) + 1;
	bool spool = tg_config_reads_standby(&core->config);

	if (!slots)
		return 1;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);

	for (size_t i = 0; i < n; i++)
		spawn(core, &slots[i]);
	tg_log(TG_LOG_INFO, "started", NULL, "accepting requests", NULL);

	for (;;) {
		int sig = sigtimedwait(&set, NULL, &tick);
		if (sig == SIGTERM || sig == SIGINT) {
			if (!stopping) {
				tg_log(TG_LOG_INFO, "stopping", NULL,
				    "letting requests in flight finish", NULL);
				stopping = 1;
				deadline = time(NULL) + core->config.shutdown_grace;
				signal_all(slots, n, SIGTERM);
				if (sync_pid > 0)
					kill(sync_pid, SIGTERM);
				/* Its transaction rolls back; the files stay for next time. */
				if (replay_pid > 0)
					kill(replay_pid, SIGTERM);
			}
		}
		if (reap(slots, n, stopping, &sync_pid, &replay_pid) > 0 && !stopping) {
			struct timespec pause = { 1, 0 };
			nanosleep(&pause, NULL);
		}
		if (stopping) {
			if (alive(slots, n) == 0)
				break;
			if (time(NULL) >= deadline) {
				tg_log(TG_LOG_WARN, "stop-timeout", NULL,
				    "killing workers still busy after shutdown_grace", NULL);
				signal_all(slots, n, SIGKILL);
				rc = 1;
			}
			continue;
		}
		for (size_t i = 0; i < n; i++)
			if (slots[i].pid == 0)
				spawn(core, &slots[i]);
		if (core->sync_interval > 0 && sync_pid == 0 && time(NULL) >= next_sync) {
			sync_pid = sync_start(core);
			next_sync = time(NULL) + core->sync_interval;
		}
		if (spool && replay_pid == 0 && time(NULL) >= next_replay &&
		    tg_spool_pending(core->config.spool_dir)) {
			replay_pid = replay_start(core);
			next_replay = time(NULL) + REPLAY_INTERVAL;
		}
	}
	free(slots);
	tg_log(TG_LOG_INFO, "stopped", NULL, NULL, NULL);
	return rc;
}
