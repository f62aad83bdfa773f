/* The access-log spool; see spool.h for what it is for and its guarantees. */
#include "spool.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "log.h"

#define SUFFIX ".spool"
#define RECORD_VERSION 1

int tg_spool_check(const char *dir, char *err, size_t errlen)
{
	struct stat st;
	if (!dir || dir[0] != '/') {
		snprintf(err, errlen, "spool_dir must be an absolute path");
		return -1;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "spool_dir %s is not a directory", dir);
		return -1;
	}
	if (access(dir, W_OK | X_OK) != 0) {
		snprintf(err, errlen, "spool_dir %s is not writable for this user: %s", dir,
		    strerror(errno));
		return -1;
	}
	return 0;
}

static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* {"v":1,"p":[...]} and a newline, as one malloc()ed string. */
static char *encode(const char *const params[TG_SPOOL_NPARAMS])
{
	json_t *p = json_array(), *rec;
	char *text, *line = NULL;
	size_t len;

	for (int i = 0; p && i < TG_SPOOL_NPARAMS; i++)
		if (json_array_append_new(p, params[i] ? json_string(params[i]) : json_null()) != 0) {
			json_decref(p);
			p = NULL;
		}
	rec = p ? json_pack("{s:i, s:o}", "v", RECORD_VERSION, "p", p) : NULL;
	text = rec ? json_dumps(rec, JSON_COMPACT) : NULL;
	json_decref(rec);
	if (!text)
		return NULL;
	len = strlen(text);
	line = malloc(len + 2);
	if (line) {
		memcpy(line, text, len);
		memcpy(line + len, "\n", 2);
	}
	free(text);
	return line;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, buf, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Whether fd is still the file at path (a replay may have removed or set it aside). */
static bool still_there(int fd, const char *path)
{
	struct stat a, b;
	return fstat(fd, &a) == 0 && stat(path, &b) == 0 && a.st_ino == b.st_ino &&
	    a.st_dev == b.st_dev;
}

/* The size of the file without a last line that has no newline: a record
 * whose writer died before its fdatasync, never acknowledged. -1 on error. */
static off_t whole_lines(int fd, off_t size)
{
	char buf[4096];
	off_t end = size;
	while (end > 0) {
		size_t n = end > (off_t)sizeof(buf) ? sizeof(buf) : (size_t)end;
		if (pread(fd, buf, n, end - (off_t)n) != (ssize_t)n)
			return -1;
		for (size_t i = n; i-- > 0;)
			if (buf[i] == '\n')
				return end - (off_t)n + (off_t)i + 1;
		end -= (off_t)n;
	}
	return 0;
}

/* Appends line under the lock. A failed write is cut off again, and so is a
 * half line a previous process with this pid left: no half record may end
 * up between two whole ones, where replay could not tell it from damage. */
static int append_locked(int fd, const char *line)
{
	struct stat st;
	off_t keep;
	if (fstat(fd, &st) != 0 || (keep = whole_lines(fd, st.st_size)) < 0)
		return -1;
	if ((keep != st.st_size && ftruncate(fd, keep) != 0) ||
	    write_all(fd, line, strlen(line)) != 0 || fdatasync(fd) != 0) {
		if (ftruncate(fd, keep) != 0) {
			/* Nothing more to do: replay drops a broken last line. */
		}
		return -1;
	}
	return 0;
}

int tg_spool_append(const char *dir, const char *const params[TG_SPOOL_NPARAMS])
{
	char path[PATH_MAX];
	char *line = encode(params);
	int rc = -1;

	if (!line)
		return -1;
	if ((size_t)snprintf(path, sizeof(path), "%s/toegangslog-%ld" SUFFIX, dir,
	    (long)getpid()) >= sizeof(path)) {
		free(line);
		return -1;
	}
	for (int attempt = 0; attempt < 3 && rc != 0; attempt++) {
		bool created = true;
		/* Read as well: append_locked looks at the last byte. */
		int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno == EEXIST) {
			created = false;
			fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC);
		}
		if (fd < 0)
			break;
		if (flock(fd, LOCK_EX) != 0) {
			close(fd);
			break;
		}
		if (!still_there(fd, path)) {
			close(fd);
			continue;
		}
		rc = append_locked(fd, line);
		/* A new file's name must be on disk as well as its data. */
		if (rc == 0 && created && sync_dir(dir) != 0)
			rc = -1;
		close(fd);
		if (rc != 0)
			break;
	}
	if (rc != 0) {
		char extra[64] = "";
		tg_log_field_str(extra, sizeof(extra), "error", strerror(errno));
		tg_log(TG_LOG_ERROR, "spool-write-failed", NULL, NULL, extra);
	}
	free(line);
	return rc;
}

static bool is_spool_name(const char *name)
{
	size_t n = strlen(name), k = strlen(SUFFIX);
	return n > k && name[0] != '.' && strcmp(name + n - k, SUFFIX) == 0;
}

bool tg_spool_pending(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool found = false;
	if (!d)
		return false;
	while (!found && (e = readdir(d)) != NULL)
		found = is_spool_name(e->d_name);
	closedir(d);
	return found;
}

/* Decodes one line into params (pointing into *doc, which the caller frees). */
static int decode(const char *line, size_t len, json_t **doc,
    const char *params[TG_SPOOL_NPARAMS])
{
	json_t *p;
	*doc = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);
	p = json_object_get(*doc, "p");
	if (json_integer_value(json_object_get(*doc, "v")) != RECORD_VERSION ||
	    json_array_size(p) != TG_SPOOL_NPARAMS)
		return -1;
	for (size_t i = 0; i < TG_SPOOL_NPARAMS; i++) {
		json_t *v = json_array_get(p, i);
		if (!json_is_string(v) && !json_is_null(v))
			return -1;
		params[i] = json_string_value(v);
	}
	return 0;
}

static void set_aside(const char *dir, const char *path, const char *name, const char *why)
{
	char to[PATH_MAX + 16], extra[PATH_MAX + 64] = "";
	snprintf(to, sizeof(to), "%s.rejected", path);
	tg_log_field_str(extra, sizeof(extra), "file", name);
	if (rename(path, to) == 0)
		sync_dir(dir);
	tg_log(TG_LOG_ERROR, "spool-file-rejected", NULL, why, extra);
}

typedef enum { FILE_DONE, FILE_REJECTED, FILE_UNREACHABLE } file_result;

/* Delivers the records of one locked file in one transaction. */
static file_result deliver(FILE *f, const tg_spool_sink *sink, long *n, const char **why)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	bool open_tx = false;
	file_result res = FILE_DONE;

	*n = 0;
	while ((len = getline(&line, &cap, f)) > 0) {
		const char *params[TG_SPOOL_NPARAMS];
		json_t *doc = NULL;
		int rc;
		if (line[len - 1] != '\n')
			break; /* its writer died before the fdatasync: never acknowledged */
		if (decode(line, (size_t)len - 1, &doc, params) != 0) {
			json_decref(doc);
			*why = "a line of the file is not a spool record";
			res = FILE_REJECTED;
			break;
		}
		if (!open_tx && sink->begin(sink->ctx) != 0) {
			json_decref(doc);
			res = FILE_UNREACHABLE;
			break;
		}
		open_tx = true;
		rc = sink->record(sink->ctx, params);
		json_decref(doc);
		if (rc != 0) {
			*why = "the access log refused a record";
			res = rc == -2 ? FILE_REJECTED : FILE_UNREACHABLE;
			break;
		}
		(*n)++;
	}
	free(line);
	if (open_tx && sink->end(sink->ctx, res == FILE_DONE) != 0 && res == FILE_DONE)
		res = FILE_UNREACHABLE;
	return res;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

long tg_spool_replay(const char *dir, const tg_spool_sink *sink)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t nnames = 0;
	long delivered = 0;
	bool unreachable = false;

	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char **grown;
		if (!is_spool_name(e->d_name))
			continue;
		grown = realloc(names, (nnames + 1) * sizeof(*names));
		if (!grown)
			break;
		names = grown;
		if ((names[nnames] = strdup(e->d_name)) != NULL)
			nnames++;
	}
	closedir(d);
	if (nnames > 1)
		qsort(names, nnames, sizeof(*names), by_name);
	for (size_t i = 0; i < nnames && !unreachable; i++) {
		char path[PATH_MAX];
		const char *why = NULL;
		long n = 0;
		FILE *f;
		int fd;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, names[i]) >= sizeof(path))
			continue;
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		/* Held by a writer right now: its records wait for the next round. */
		if (flock(fd, LOCK_EX | LOCK_NB) != 0 || !still_there(fd, path) ||
		    !(f = fdopen(fd, "r"))) {
			close(fd);
			continue;
		}
		switch (deliver(f, sink, &n, &why)) {
		case FILE_DONE:
			if (unlink(path) == 0)
				sync_dir(dir);
			delivered += n;
			break;
		case FILE_REJECTED:
			set_aside(dir, path, names[i], why);
			break;
		case FILE_UNREACHABLE:
			unreachable = true;
			break;
		}
		fclose(f);
	}
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	return unreachable ? -1 : delivered;
}
