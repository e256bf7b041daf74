/*
 * Backups with SQLite's online backup: one consistent snapshot of the
 * store, taken while stations go on working (in WAL mode a reader stops
 * no writer), and a restore that puts one back under the writer lock.
 */
#include "config.h"

#include "guichet/store-backup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"
#include "store-internal.h"

/* Copies database "main" of from into to, in one step: one snapshot. */
static int
copy(sqlite3 *to, sqlite3 *from, int64_t *pages, char **cause)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	int rc;

	if (b == NULL) {
		*cause = xasprintf("cannot start the copy: %s",
		    sqlite3_errmsg(to));
		return G_ERR_STORE;
	}
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED)
		sqlite3_sleep(50);
	if (pages != NULL)
		*pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		*cause = xasprintf("the copy failed: %s", sqlite3_errstr(rc));
		return G_ERR_STORE;
	}
	return G_OK;
}

/* Runs PRAGMA integrity_check on db: G_OK when it says "ok". */
static int
intact(sqlite3 *db, const char *path, char **cause)
{
	sqlite3_stmt *s = NULL;
	int rc = G_OK;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL) !=
	    SQLITE_OK || sqlite3_step(s) != SQLITE_ROW) {
		*cause = xasprintf("%s cannot be checked: %s", path,
		    sqlite3_errmsg(db));
		rc = G_ERR_STORE;
	} else if (strcmp((const char *)sqlite3_column_text(s, 0), "ok") !=
	    0) {
		*cause = xasprintf("%s is damaged: %s", path,
		    sqlite3_column_text(s, 0));
		rc = G_ERR_STORE;
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_backup(struct store *st, const char *path, int64_t *pages,
    char **cause)
{
	sqlite3 *to = NULL;
	int fd, rc;

	*cause = NULL;
	/* A new file only, readable by its owner alone: it holds the
	 * citizens' personal data. */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1) {
		*cause = errno == EEXIST ? xasprintf("%s exists already: give "
		    "the backup a new name", path) : xasprintf("cannot create "
		    "%s: %s", path, strerror(errno));
		return errno == EEXIST ? G_ERR_EXISTS : G_ERR_IO;
	}
	close(fd);
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK)
		*cause = xasprintf("cannot open %s: %s", path,
		    sqlite3_errmsg(to));
	rc = *cause != NULL ? G_ERR_IO : copy(to, st->db, pages, cause);
	/* One self-contained file, without -wal and -shm beside it. */
	if (rc == G_OK && sqlite3_exec(to, "PRAGMA journal_mode = DELETE",
	    NULL, NULL, NULL) != SQLITE_OK) {
		*cause = xasprintf("%s: %s", path, sqlite3_errmsg(to));
		rc = G_ERR_STORE;
	}
	if (rc == G_OK)
		rc = intact(to, path, cause);
	sqlite3_close(to);
	if (rc != G_OK)
		unlink(path);
	return rc;
}

int
store_backup_check(const char *path, int *version, char **cause)
{
	sqlite3_stmt *s = NULL;
	sqlite3 *db = NULL;
	int rc;

	*cause = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		*cause = xasprintf("cannot open %s: %s", path,
		    sqlite3_errmsg(db));
		sqlite3_close(db);
		return G_ERR_IO;
	}
	rc = intact(db, path, cause);
	if (rc == G_OK && (sqlite3_prepare_v2(db, "SELECT MAX(version) FROM "
	    "schema_migration", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW)) {
		*cause = xasprintf("%s is not a guichet database", path);
		rc = G_ERR_STORE;
	}
	if (rc == G_OK)
		*version = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return rc;
}

int
store_restore(struct store *st, const char *path, char **cause)
{
	sqlite3 *from = NULL;
	int rc;

	*cause = NULL;
	if (sqlite3_open_v2(path, &from, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		*cause = xasprintf("cannot open %s: %s", path,
		    sqlite3_errmsg(from));
		sqlite3_close(from);
		return G_ERR_IO;
	}
	/* The writer lock keeps every station's writes out; the copy takes
	 * the database's own locks for the rest. */
	if (flock(st->lock_fd, LOCK_EX) == -1) {
		*cause = xasprintf("writer lock: %s", strerror(errno));
		rc = G_ERR_STORE;
	} else {
		rc = copy(st->db, from, NULL, cause);
		flock(st->lock_fd, LOCK_UN);
	}
	sqlite3_close(from);
	if (rc == G_OK)
		rc = intact(st->db, st->path, cause);
	return rc;
}

/* Renames path + suffix to kept + suffix, when there is one. */
static int
set_aside(const char *path, const char *kept, const char *suffix,
    char **cause)
{
	char *from = xasprintf("%s%s", path, suffix);
	char *to = xasprintf("%s%s", kept, suffix);
	int rc = G_OK;

	if (rename(from, to) == -1 && errno != ENOENT) {
		*cause = xasprintf("cannot move %s aside: %s", from,
		    strerror(errno));
		rc = G_ERR_IO;
	}
	free(from);
	free(to);
	return rc;
}

int
store_restore_file(const char *db_path, const char *path, const char *kept,
    char **cause)
{
	static const char *const parts[] = { "", "-wal", "-shm", NULL };
	sqlite3 *from = NULL, *to = NULL;
	int fd, rc = G_OK, i;

	*cause = NULL;
	for (i = 0; rc == G_OK && parts[i] != NULL; i++)
		rc = set_aside(db_path, kept, parts[i], cause);
	if (rc != G_OK)
		return rc;
	/* Made as the store is made: its mode follows the umask. */
	if ((fd = open(db_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0666)) == -1) {
		*cause = xasprintf("cannot create %s: %s", db_path,
		    strerror(errno));
		return G_ERR_IO;
	}
	close(fd);
	if (sqlite3_open_v2(path, &from, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK || sqlite3_open_v2(db_path, &to, SQLITE_OPEN_READWRITE,
	    NULL) != SQLITE_OK) {
		*cause = xasprintf("cannot open %s or %s", path, db_path);
		rc = G_ERR_IO;
	}
	if (rc == G_OK && (rc = copy(to, from, NULL, cause)) == G_OK &&
	    sqlite3_exec(to, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		*cause = xasprintf("%s: %s", db_path, sqlite3_errmsg(to));
		rc = G_ERR_STORE;
	}
	if (rc == G_OK)
		rc = intact(to, db_path, cause);
	sqlite3_close(from);
	sqlite3_close(to);
	return rc;
}
