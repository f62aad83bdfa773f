/*
 * The benchmark's yardstick: the least a FastCGI responder behind nginx can
 * do, shaped like toegangd (one listening unix socket, N forked processes
 * each in FCGX_Accept_r, one libpq connection per process, prepared
 * statements), so that the portal's figures can be read as a fraction of
 * what this machine allows at all (tests/bench/run.sh).
 *
 *   responder -s SOCKET -n PROCESSES -m empty|select|insert [-d CONNINFO] [-r ROWS]
 *
 * empty   answers "Status: 200 OK" and a short body, nothing else;
 * select  first reads one row by primary key (bench_rij, ids 1..ROWS, a
 *         different one each time);
 * insert  first inserts one row into bench_schrijf and commits (autocommit,
 *         so with the cluster's synchronous_commit).
 * The tables are made by run.sh. SIGTERM stops every process at once: this is
 * a measuring tool, a request cut short at the end of a run does not matter.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <libpq-fe.h>

enum mode { MODE_EMPTY, MODE_SELECT, MODE_INSERT };

static volatile sig_atomic_t stopping;

static void on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

static void answer(FCGX_Request *rq, int ok, const char *body)
{
	FCGX_FPrintF(rq->out, "Status: %s\r\nContent-Type: text/plain\r\n\r\n%s\n",
	    ok ? "200 OK" : "503 Service Unavailable", body);
}

/* One process: its own connection, then requests until SIGTERM. */
static int serve(int listen_fd, enum mode mode, const char *conninfo, long rows, unsigned seed)
{
	FCGX_Request rq;
	PGconn *db = NULL;
	PGresult *r;
	const char *sql = NULL;

	signal(SIGTERM, SIG_DFL);
	if (mode != MODE_EMPTY) {
		db = PQconnectdb(conninfo);
		if (PQstatus(db) != CONNECTION_OK) {
			fprintf(stderr, "responder: %s", PQerrorMessage(db));
			PQfinish(db);
			return 1;
		}
		sql = mode == MODE_SELECT ? "SELECT waarde FROM bench_rij WHERE id = $1::integer" :
		    "INSERT INTO bench_schrijf (waarde) VALUES ($1)";
		r = PQprepare(db, "q", sql, 1, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			fprintf(stderr, "responder: prepare: %s", PQerrorMessage(db));
			PQclear(r);
			PQfinish(db);
			return 1;
		}
		PQclear(r);
	}
	if (FCGX_InitRequest(&rq, listen_fd, 0) != 0) {
		PQfinish(db);
		return 1;
	}
	while (FCGX_Accept_r(&rq) >= 0) {
		char param[32];
		const char *params[1] = { param };
		int ok = 1;

		if (mode == MODE_SELECT)
			snprintf(param, sizeof(param), "%ld", 1 + (long)(rand_r(&seed) % rows));
		else
			snprintf(param, sizeof(param), "responder %u", rand_r(&seed));
		if (db) {
			r = PQexecPrepared(db, "q", 1, params, NULL, NULL, 0);
			ok = PQresultStatus(r) == (mode == MODE_SELECT ? PGRES_TUPLES_OK : PGRES_COMMAND_OK) &&
			    (mode != MODE_SELECT || PQntuples(r) == 1);
			PQclear(r);
		}
		answer(&rq, ok, ok ? "ok" : "database");
		FCGX_Finish_r(&rq);
	}
	FCGX_Free(&rq, 1);
	PQfinish(db);
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: responder -s SOCKET -n PROCESSES -m empty|select|insert "
	    "[-d CONNINFO] [-r ROWS]\n");
}

int main(int argc, char **argv)
{
	const char *socket_path = NULL, *conninfo = "", *m = "empty";
	long n = 2, rows = 100000;
	enum mode mode;
	pid_t *kids;
	int opt, fd, rc = 0;
	sigset_t set;
	struct sigaction sa;

	while ((opt = getopt(argc, argv, "s:n:m:d:r:")) != -1) {
		switch (opt) {
		case 's': socket_path = optarg; break;
		case 'n': n = strtol(optarg, NULL, 10); break;
		case 'm': m = optarg; break;
		case 'd': conninfo = optarg; break;
		case 'r': rows = strtol(optarg, NULL, 10); break;
		default: usage(); return 2;
		}
	}
	if (strcmp(m, "empty") == 0)
		mode = MODE_EMPTY;
	else if (strcmp(m, "select") == 0)
		mode = MODE_SELECT;
	else if (strcmp(m, "insert") == 0)
		mode = MODE_INSERT;
	else {
		usage();
		return 2;
	}
	if (!socket_path || n < 1 || n > 64 || rows < 1 || optind != argc) {
		usage();
		return 2;
	}
	if (FCGX_Init() != 0)
		return 1;
	unlink(socket_path);
	fd = FCGX_OpenSocket(socket_path, 1024);
	/* Its directory decides who reaches it (run.sh: nginx's group only). */
	if (fd < 0 || chmod(socket_path, 0666) != 0) {
		fprintf(stderr, "responder: cannot listen on %s: %s\n", socket_path, strerror(errno));
		return 1;
	}
	kids = calloc((size_t)n, sizeof(*kids));
	if (!kids)
		return 1;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (long i = 0; i < n; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			sigprocmask(SIG_UNBLOCK, &set, NULL);
			_exit(serve(fd, mode, conninfo, rows, (unsigned)getpid()));
		}
	}
	/* Without SA_RESTART (which signal() sets), so that SIGTERM ends the wait(). */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	while (!stopping) {
		int status;
		pid_t pid = wait(&status);
		if (pid < 0 && errno != EINTR)
			break;
		if (pid > 0 && !stopping) {
			fprintf(stderr, "responder: process %d ended\n", (int)pid);
			rc = 1;
			break;
		}
	}
	for (long i = 0; i < n; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGTERM);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	free(kids);
	unlink(socket_path);
	return rc;
}
