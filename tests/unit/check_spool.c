/*
 * Unit tests for core/spool.c, the access-log spool: records appended are
 * on disk as the access-log row's parameters (NULLs kept), one file per
 * process, 0600; replay hands each file's records to the sink in one
 * transaction and removes the file only after the commit; an unreachable
 * destination keeps everything, a refused record or a damaged line sets the
 * file aside, a half last line (never acknowledged) is dropped, a file a
 * writer holds waits for the next round.
 */
#include <check.h>

#include "run_suite.h"
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spool.h"

static char dir[64];
static char own[PATH_MAX];

/* What the sink saw, and how it behaves. */
typedef struct seen {
	int begins, commits, rollbacks;
	int nrecords;
	char *records[16][TG_SPOOL_NPARAMS];
	int fail_begin, fail_end;
	int record_rc;        /* what record() answers */
	int record_rc_after;  /* ...from this record on (0-based) */
} seen;

static seen got;

static int sink_begin(void *ctx)
{
	seen *s = ctx;
	s->begins++;
	return s->fail_begin ? -1 : 0;
}

static int sink_record(void *ctx, const char *const params[TG_SPOOL_NPARAMS])
{
	seen *s = ctx;
	int i = s->nrecords;
	if (i >= s->record_rc_after && s->record_rc)
		return s->record_rc;
	ck_assert_int_lt(i, 16);
	for (int k = 0; k < TG_SPOOL_NPARAMS; k++)
		s->records[i][k] = params[k] ? strdup(params[k]) : NULL;
	s->nrecords++;
	return 0;
}

static int sink_end(void *ctx, bool commit)
{
	seen *s = ctx;
	if (commit)
		s->commits++;
	else
		s->rollbacks++;
	return commit && s->fail_end ? -1 : 0;
}

static const tg_spool_sink sink = { &got, sink_begin, sink_record, sink_end };

static void clear_seen(void)
{
	for (int i = 0; i < got.nrecords; i++)
		for (int k = 0; k < TG_SPOOL_NPARAMS; k++)
			free(got.records[i][k]);
	memset(&got, 0, sizeof(got));
}

static void remove_all(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[PATH_MAX];
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
}

static void setup(void)
{
	strcpy(dir, "/tmp/check_spool.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(own, sizeof(own), "%s/toegangslog-%ld.spool", dir, (long)getpid());
	memset(&got, 0, sizeof(got));
}

static void teardown(void)
{
	clear_seen();
	remove_all();
	rmdir(dir);
}

/* A record like services.c writes: request id rid, a NULL role (no principal). */
static void record(const char *rid, const char *params[TG_SPOOL_NPARAMS])
{
	static const char *const tmpl[TG_SPOOL_NPARAMS] = {
		NULL, NULL, "01234567", "zaak.lezen", "{\"6b1c5a52-9f0e-4c57-8f3b-1c2d3e4f5a6b\"}",
		"{\"p-0123456789abcdef0123456789abcdef\"}", "getoond", "10.0.0.1", "dev-huisarts",
		"agb:01234567", "2026-01-31T09:15:02.123456Z", NULL,
	};
	memcpy(params, tmpl, sizeof(tmpl));
	params[0] = rid;
	params[11] = rid; /* the delivery key, as good as any for the test */
}

static void append(const char *rid)
{
	const char *params[TG_SPOOL_NPARAMS];
	record(rid, params);
	ck_assert_int_eq(tg_spool_append(dir, params), 0);
}

static void write_raw(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq((long)write(fd, text, strlen(text)), (long)strlen(text));
	close(fd);
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static long lines_in(const char *path)
{
	FILE *f = fopen(path, "r");
	long n = 0;
	int c;
	ck_assert_ptr_nonnull(f);
	while ((c = fgetc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

START_TEST(test_append_file_and_mode)
{
	struct stat st;
	ck_assert(!tg_spool_pending(dir));
	append("rid-1");
	append("rid-2");
	ck_assert(tg_spool_pending(dir));
	ck_assert_int_eq(stat(own, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(lines_in(own), 2);
}
END_TEST

START_TEST(test_replay_delivers_then_removes)
{
	append("rid-1");
	append("rid-2");
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 2);
	ck_assert_int_eq(got.begins, 1);
	ck_assert_int_eq(got.commits, 1);
	ck_assert_int_eq(got.nrecords, 2);
	ck_assert_str_eq(got.records[0][0], "rid-1");
	ck_assert_str_eq(got.records[1][0], "rid-2");
	/* Every parameter as given, NULL as NULL. */
	ck_assert_ptr_null(got.records[0][1]);
	ck_assert_str_eq(got.records[0][3], "zaak.lezen");
	ck_assert_str_eq(got.records[0][4], "{\"6b1c5a52-9f0e-4c57-8f3b-1c2d3e4f5a6b\"}");
	ck_assert_str_eq(got.records[0][10], "2026-01-31T09:15:02.123456Z");
	ck_assert(!exists(own));
	ck_assert(!tg_spool_pending(dir));
	/* Nothing left: a second replay delivers nothing. */
	clear_seen();
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 0);
	ck_assert_int_eq(got.begins, 0);
}
END_TEST

START_TEST(test_replay_every_file)
{
	char other[PATH_MAX];
	FILE *f;
	char line[2048];
	append("rid-1");
	/* A dead worker's file: the same records under another pid. */
	snprintf(other, sizeof(other), "%s/toegangslog-1.spool", dir);
	f = fopen(own, "r");
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
	write_raw(other, line);
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 2);
	ck_assert_int_eq(got.commits, 2);
	ck_assert(!exists(own) && !exists(other));
}
END_TEST

START_TEST(test_unreachable_keeps_all)
{
	append("rid-1");
	append("rid-2");
	got.record_rc = -1;
	got.record_rc_after = 1;
	ck_assert_int_eq(tg_spool_replay(dir, &sink), -1);
	ck_assert_int_eq(got.rollbacks, 1);
	ck_assert_int_eq(got.commits, 0);
	ck_assert_int_eq(lines_in(own), 2);
	/* And the next round, with the destination back, delivers both. */
	clear_seen();
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 2);
	ck_assert(!exists(own));
}
END_TEST

START_TEST(test_begin_or_commit_failing_keeps_file)
{
	append("rid-1");
	got.fail_begin = 1;
	ck_assert_int_eq(tg_spool_replay(dir, &sink), -1);
	ck_assert(exists(own));
	clear_seen();
	got.fail_end = 1;
	ck_assert_int_eq(tg_spool_replay(dir, &sink), -1);
	ck_assert(exists(own));
	ck_assert_int_eq(lines_in(own), 1);
}
END_TEST

START_TEST(test_refused_record_sets_file_aside)
{
	char rejected[PATH_MAX + 16];
	append("rid-1");
	append("rid-2");
	got.record_rc = -2;
	got.record_rc_after = 1;
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 0);
	ck_assert_int_eq(got.rollbacks, 1);
	snprintf(rejected, sizeof(rejected), "%s.rejected", own);
	ck_assert(!exists(own));
	ck_assert(exists(rejected));
	ck_assert_int_eq(lines_in(rejected), 2);
	/* Set aside is not pending: it waits for a person, not for a replay. */
	ck_assert(!tg_spool_pending(dir));
}
END_TEST

START_TEST(test_damaged_line_sets_file_aside)
{
	char rejected[PATH_MAX + 16];
	append("rid-1");
	write_raw(own, "{\"v\":1,\"p\":[\"only one\"]}\n");
	append("rid-3");
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 0);
	snprintf(rejected, sizeof(rejected), "%s.rejected", own);
	ck_assert(exists(rejected));
	ck_assert_int_eq(got.commits, 0);
}
END_TEST

START_TEST(test_half_last_line_dropped)
{
	append("rid-1");
	/* Its writer died before the fdatasync: never acknowledged. */
	write_raw(own, "{\"v\":1,\"p\":[\"rid-2\"");
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 1);
	ck_assert_str_eq(got.records[0][0], "rid-1");
	ck_assert(!exists(own));
}
END_TEST

START_TEST(test_append_after_half_line)
{
	/* A previous process with this pid died mid-record: its half line goes. */
	append("rid-1");
	write_raw(own, "{\"v\":1,\"p\":[\"rid-2\"");
	append("rid-3");
	ck_assert_int_eq(lines_in(own), 2);
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 2);
	ck_assert_str_eq(got.records[1][0], "rid-3");
}
END_TEST

START_TEST(test_file_held_by_writer_waits)
{
	int fd;
	append("rid-1");
	fd = open(own, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(flock(fd, LOCK_EX), 0);
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 0);
	ck_assert_int_eq(got.begins, 0);
	ck_assert(exists(own));
	close(fd);
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 1);
}
END_TEST

START_TEST(test_append_after_replay_makes_new_file)
{
	append("rid-1");
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 1);
	append("rid-2");
	ck_assert_int_eq(lines_in(own), 1);
	clear_seen();
	ck_assert_int_eq(tg_spool_replay(dir, &sink), 1);
	ck_assert_str_eq(got.records[0][0], "rid-2");
}
END_TEST

START_TEST(test_check_dir)
{
	char err[256], file[PATH_MAX];
	ck_assert_int_eq(tg_spool_check(dir, err, sizeof(err)), 0);
	ck_assert_int_eq(tg_spool_check("relative/spool", err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "absolute"));
	snprintf(file, sizeof(file), "%s/plain", dir);
	write_raw(file, "x");
	ck_assert_int_eq(tg_spool_check(file, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "not a directory"));
	unlink(file);
}
END_TEST

START_TEST(test_append_to_missing_dir_fails)
{
	const char *params[TG_SPOOL_NPARAMS];
	record("rid-1", params);
	ck_assert_int_eq(tg_spool_append("/nonexistent/spool", params), -1);
}
END_TEST

static Suite *spool_suite(void)
{
	Suite *s = suite_create("spool");
	TCase *tc = tcase_create("spool");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_append_file_and_mode);
	tcase_add_test(tc, test_replay_delivers_then_removes);
	tcase_add_test(tc, test_replay_every_file);
	tcase_add_test(tc, test_unreachable_keeps_all);
	tcase_add_test(tc, test_begin_or_commit_failing_keeps_file);
	tcase_add_test(tc, test_refused_record_sets_file_aside);
	tcase_add_test(tc, test_damaged_line_sets_file_aside);
	tcase_add_test(tc, test_half_last_line_dropped);
	tcase_add_test(tc, test_append_after_half_line);
	tcase_add_test(tc, test_file_held_by_writer_waits);
	tcase_add_test(tc, test_append_after_replay_makes_new_file);
	tcase_add_test(tc, test_check_dir);
	tcase_add_test(tc, test_append_to_missing_dir_fails);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return tg_run_suite(spool_suite());
}
