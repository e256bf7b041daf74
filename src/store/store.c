#include "config.h"

#include "guichet/store.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guichet/clock.h"
#include "guichet/embedded.h"
#include "guichet/err.h"
#include "guichet/xmalloc.h"
#include "store-internal.h"

#define BUSY_TIMEOUT_MS 10000

/* FNV-1a: tells most SQL texts apart before a strcmp. */
static uint32_t
sql_hash(const char *sql)
{
	uint32_t h = 2166136261u;

	for (; *sql != '\0'; sql++)
		h = (h ^ (unsigned char)*sql) * 16777619u;
	return h;
}

sqlite3_stmt *
store_prepare(struct store *st, const char *sql)
{
	struct store_statement *c;
	uint32_t hash = sql_hash(sql);
	sqlite3_stmt *s = NULL;
	int i;

	/* A statement that failed for want of memory makes SQLite roll the
	 * whole transaction back by itself: nothing more may run in it, or
	 * it would commit on its own, half an operation. */
	if (st->in_tx && sqlite3_get_autocommit(st->db)) {
		snprintf(st->errmsg, sizeof st->errmsg, "the transaction was "
		    "rolled back: %s", sqlite3_errmsg(st->db));
		return NULL;
	}
	for (i = 0; i < st->nstatements; i++) {
		c = &st->statements[i];
		if (!c->busy && c->hash == hash && strcmp(c->sql, sql) == 0) {
			c->busy = true;
			return c->s;
		}
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
	    NULL) != SQLITE_OK) {
		store_fail(st, "prepare");
		sqlite3_finalize(s);
		return NULL;
	}
	if (st->nstatements < STORE_STATEMENTS)
		st->statements[st->nstatements++] = (struct store_statement){
			xstrdup(sql), hash, s, true };
	return s;
}

void
store_release(struct store *st, sqlite3_stmt *s)
{
	int i;

	if (s == NULL)
		return;
	for (i = 0; i < st->nstatements; i++)
		if (st->statements[i].s == s) {
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			st->statements[i].busy = false;
			return;
		}
	sqlite3_finalize(s);
}

int
store_fail(struct store *st, const char *doing)
{
	snprintf(st->errmsg, sizeof st->errmsg, "%s: %s", doing,
	    sqlite3_errmsg(st->db));
	return G_ERR_STORE;
}

int
store_step_insert(struct store *st, sqlite3_stmt *s, const char *doing,
    int64_t *id)
{
	int rc;

	if (s == NULL)
		return G_ERR_STORE;
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		if (id != NULL)
			*id = sqlite3_last_insert_rowid(st->db);
		rc = G_OK;
	} else if (rc == SQLITE_CONSTRAINT) {
		store_fail(st, doing);
		rc = G_ERR_EXISTS;
	} else
		rc = store_fail(st, doing);
	store_release(st, s);
	return rc;
}

int
store_changes(struct store *st)
{
	return sqlite3_changes(st->db);
}

int
store_step_change(struct store *st, sqlite3_stmt *s, const char *doing,
    bool must_change)
{
	int rc;

	if (s == NULL)
		return G_ERR_STORE;
	rc = sqlite3_step(s);
	if (rc == SQLITE_CONSTRAINT) {
		store_fail(st, doing);
		rc = G_ERR_EXISTS;
	} else if (rc != SQLITE_DONE)
		rc = store_fail(st, doing);
	else
		rc = must_change && sqlite3_changes(st->db) == 0 ?
		    G_ERR_NOTFOUND : G_OK;
	store_release(st, s);
	return rc;
}

int
store_step_one(struct store *st, sqlite3_stmt *s, const char *doing,
    void (*fill)(sqlite3_stmt *s, void *out), void *out)
{
	int rc;

	if (s == NULL)
		return G_ERR_STORE;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		fill(s, out);
		rc = G_OK;
	} else
		rc = rc == SQLITE_DONE ? G_ERR_NOTFOUND :
		    store_fail(st, doing);
	store_release(st, s);
	return rc;
}

int
store_set_attempts(struct store *st, const char *table, int64_t id,
    int failed, bool locked, int64_t retry_after)
{
	sqlite3_stmt *s;

	/* The table name comes from the two callers, never from input. */
	s = store_prepare(st, strcmp(table, "staff") == 0 ?
	    "UPDATE staff SET failed_logins = ?, locked = ?, retry_after = ? "
	    "WHERE id = ?" :
	    "UPDATE credential SET failed_logins = ?, locked = ?, "
	    "retry_after = ? WHERE id = ?");
	if (s != NULL) {
		sqlite3_bind_int(s, 1, failed);
		sqlite3_bind_int(s, 2, locked);
		sqlite3_bind_int64(s, 3, retry_after);
		sqlite3_bind_int64(s, 4, id);
	}
	return store_step_change(st, s, "record the login attempt", true);
}

void
store_fill_id(sqlite3_stmt *s, void *out)
{
	*(int64_t *)out = sqlite3_column_int64(s, 0);
}

int
store_bind_text(sqlite3_stmt *s, int idx, const char *text)
{
	if (text == NULL)
		return sqlite3_bind_null(s, idx);
	/* Not copied (a copy could fail for want of memory, and the
	 * statement would run with NULL in its place): the text lives until
	 * the statement is stepped, and store_release clears it. */
	return sqlite3_bind_text(s, idx, text, -1, SQLITE_STATIC);
}

void
store_column_copy(sqlite3_stmt *s, int col, char *buf, size_t len)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	snprintf(buf, len, "%s", t != NULL ? (const char *)t : "");
}

/* Says why path cannot hold a database, or NULL when its folder exists. */
static char *
check_directory(const char *path)
{
	char *copy = xstrdup(path), *dir, *cause = NULL;
	struct stat sb;

	dir = dirname(copy);
	if (stat(dir, &sb) != 0)
		cause = xasprintf("the directory %s of database %s does not "
		    "exist: create it or give another path with -d", dir, path);
	else if (!S_ISDIR(sb.st_mode))
		cause = xasprintf("%s is not a directory, so database %s "
		    "cannot be there", dir, path);
	free(copy);
	return cause;
}

/* Says whether st is a guichet database, reading only: a file that is
 * not SQLite, or an SQLite file of some other program, is refused before
 * anything is written to it. */
static int
check_identity(struct store *st, bool create, char **cause)
{
	sqlite3_stmt *s = NULL;
	int rc;

	rc = sqlite3_prepare_v2(st->db, "SELECT COUNT(*) FROM sqlite_master "
	    "WHERE type = 'table' AND name = 'schema_migration'", -1, &s,
	    NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
		*cause = xasprintf("%s is not a guichet database (the file is "
		    "not SQLite or is damaged): check the path or restore it "
		    "from a backup", st->path);
		rc = G_ERR_STORE;
	} else if (rc != SQLITE_ROW) {
		*cause = xasprintf("%s: %s", st->path, sqlite3_errmsg(st->db));
		rc = G_ERR_STORE;
	} else if (!create && sqlite3_column_int(s, 0) == 0) {
		*cause = xasprintf("%s is not a guichet database (it holds no "
		    "guichet schema): check the path, or create a new one "
		    "with 'guichetctl init'", st->path);
		rc = G_ERR_STORE;
	} else
		rc = G_OK;
	sqlite3_finalize(s);
	return rc;
}

/* Applies the connection settings every handle needs; a new database
 * also gets WAL mode (kept in the file) and the migrations table.  An
 * existing one is not written to here: many processes open it at once,
 * and only store_begin may take the write lock. */
static int
configure_connection(struct store *st, bool create, char **cause)
{
	static const char *const every[] = {
		"PRAGMA foreign_keys = ON",
		"PRAGMA synchronous = FULL",
		"PRAGMA mmap_size = 268435456",
		NULL
	};
	static const char *const once[] = {
		"PRAGMA journal_mode = WAL",
		"CREATE TABLE IF NOT EXISTS schema_migration ("
		" version INTEGER PRIMARY KEY,"
		" name TEXT NOT NULL,"
		" applied_at TEXT NOT NULL)",
		NULL
	};
	const char *const *statements = every;
	int i;

again:
	for (i = 0; statements[i] != NULL; i++) {
		if (sqlite3_exec(st->db, statements[i], NULL, NULL, NULL) !=
		    SQLITE_OK) {
			*cause = xasprintf("%s: %s", st->path,
			    sqlite3_errmsg(st->db));
			return G_ERR_STORE;
		}
	}
	if (create && statements == every) {
		statements = once;
		goto again;
	}
	return G_OK;
}

/* Opens the writer lock beside the database; shared by every user of the
 * database, so its mode follows the umask like the database's own. */
static int
open_lock(struct store *st, char **cause)
{
	char *lock_path = xasprintf("%s-lock", st->path);

	st->lock_fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (st->lock_fd == -1)
		*cause = xasprintf("cannot open the writer lock %s: %s",
		    lock_path, strerror(errno));
	free(lock_path);
	return st->lock_fd == -1 ? G_ERR_IO : G_OK;
}

/* Opens the file, creating it when create is set, and checks it is ours
 * before changing anything in it. */
static int
open_handle(const char *path, bool create, struct store **out, char **cause)
{
	struct store *st;
	struct stat sb;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int rc;

	*out = NULL;
	*cause = NULL;
	if ((*cause = check_directory(path)) != NULL)
		return G_ERR_IO;
	if (create && stat(path, &sb) == 0) {
		*cause = xasprintf("database %s already exists: use "
		    "'guichetctl migrate' to bring it up to date", path);
		return G_ERR_EXISTS;
	}
	if (!create && stat(path, &sb) != 0) {
		*cause = xasprintf("database %s does not exist: create it with "
		    "'guichetctl init' or give another path with -d", path);
		return G_ERR_NOTFOUND;
	}
	if (create)
		flags |= SQLITE_OPEN_CREATE;

	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->lock_fd = -1;
	rc = sqlite3_open_v2(path, &st->db, flags, NULL);
	/* Before the first read: a reader may meet a checkpoint. */
	if (st->db != NULL)
		sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	if (rc != SQLITE_OK) {
		*cause = xasprintf("cannot open database %s: %s", path,
		    st->db != NULL ? sqlite3_errmsg(st->db) : "out of memory");
		rc = G_ERR_STORE;
	} else if ((rc = check_identity(st, create, cause)) == G_OK &&
	    (rc = open_lock(st, cause)) == G_OK)
		rc = configure_connection(st, create, cause);
	if (rc != G_OK) {
		store_close(st);
		return rc;
	}
	*out = st;
	return G_OK;
}

int
store_open_for_migration(const char *path, struct store **out, char **cause)
{
	return open_handle(path, false, out, cause);
}

int
store_open(const char *path, struct store **out, char **cause)
{
	struct store *st;
	int rc, version, latest = store_schema_latest();

	if ((rc = open_handle(path, false, &st, cause)) != G_OK)
		return rc;
	version = store_schema_version(st);
	if (version == 0)
		*cause = xasprintf("%s holds no guichet schema: create a "
		    "database with 'guichetctl init'", path);
	else if (version < latest)
		*cause = xasprintf("database %s is at schema version %d, this "
		    "program needs %d: run 'guichetctl migrate'", path,
		    version, latest);
	else if (version > latest)
		*cause = xasprintf("database %s is at schema version %d, newer "
		    "than this program (%d): install the newer guichet", path,
		    version, latest);
	if (*cause != NULL) {
		store_close(st);
		return G_ERR_STORE;
	}
	*out = st;
	return G_OK;
}

/* Removes a database that could not be made, with its side files. */
static void
remove_database(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-lock" };
	char *name;
	size_t i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		name = xasprintf("%s%s", path, suffixes[i]);
		unlink(name);
		free(name);
	}
}

int
store_create(const char *path, struct store **out, char **cause)
{
	struct store *st;
	int rc, applied;

	if ((rc = open_handle(path, true, &st, cause)) != G_OK)
		return rc;
	if ((rc = store_migrate(st, &applied, cause)) != G_OK) {
		store_close(st);
		remove_database(path);
		return rc;
	}
	*out = st;
	return G_OK;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	if (st->in_tx)
		store_rollback(st);
	for (int i = 0; i < st->nstatements; i++) {
		sqlite3_finalize(st->statements[i].s);
		free(st->statements[i].sql);
	}
	sqlite3_close_v2(st->db);
	if (st->lock_fd != -1)
		close(st->lock_fd);
	free(st->path);
	free(st);
}

int
store_schema_version(struct store *st)
{
	sqlite3_stmt *s;
	int version = 0;

	s = store_prepare(st, "SELECT COALESCE(MAX(version), 0) "
	    "FROM schema_migration");
	if (s == NULL)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		version = sqlite3_column_int(s, 0);
	store_release(st, s);
	return version;
}

/* Returns the version number a migration's file name starts with. */
static int
migration_version(const char *name)
{
	return atoi(name);
}

int
store_schema_latest(void)
{
	const struct embedded_file *f;
	int latest = 0, v;

	for (f = embedded_schema; f->name != NULL; f++)
		if ((v = migration_version(f->name)) > latest)
			latest = v;
	return latest;
}

/* Returns the embedded migration with version v, or NULL. */
static const struct embedded_file *
migration_find(int v)
{
	const struct embedded_file *f;

	for (f = embedded_schema; f->name != NULL; f++)
		if (migration_version(f->name) == v)
			return f;
	return NULL;
}

/* Applies one migration and records it, in one transaction. */
static int
migration_apply(struct store *st, const struct embedded_file *f,
    char **cause)
{
	sqlite3_stmt *s;
	char now[32];
	int rc;

	if ((rc = store_begin(st)) != G_OK)
		goto fail;
	if (sqlite3_exec(st->db, f->text, NULL, NULL, NULL) != SQLITE_OK) {
		rc = store_fail(st, f->name);
		goto fail;
	}
	s = store_prepare(st, "INSERT INTO schema_migration "
	    "(version, name, applied_at) VALUES (?, ?, ?)");
	if (s == NULL) {
		rc = G_ERR_STORE;
		goto fail;
	}
	clock_now_iso(now, sizeof now);
	sqlite3_bind_int(s, 1, migration_version(f->name));
	store_bind_text(s, 2, f->name);
	store_bind_text(s, 3, now);
	rc = sqlite3_step(s) == SQLITE_DONE ? G_OK :
	    store_fail(st, "record migration");
	store_release(st, s);
	if (rc == G_OK && (rc = store_commit(st)) == G_OK)
		return G_OK;
fail:
	store_rollback(st);
	*cause = xasprintf("migration %s failed: %s", f->name,
	    store_errmsg(st));
	return G_ERR_STORE;
}

int
store_migrate(struct store *st, int *applied, char **cause)
{
	const struct embedded_file *f;
	int v, rc, latest = store_schema_latest();

	*applied = 0;
	*cause = NULL;
	for (v = store_schema_version(st) + 1; v <= latest; v++) {
		if ((f = migration_find(v)) == NULL) {
			*cause = xasprintf("migration %d is missing from this "
			    "build", v);
			return G_ERR_STORE;
		}
		if ((rc = migration_apply(st, f, cause)) != G_OK)
			return rc;
		(*applied)++;
	}
	return G_OK;
}

int
store_begin(struct store *st)
{
	if (flock(st->lock_fd, LOCK_EX) == -1) {
		snprintf(st->errmsg, sizeof st->errmsg,
		    "writer lock: %s", strerror(errno));
		return G_ERR_STORE;
	}
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		store_fail(st, "begin");
		flock(st->lock_fd, LOCK_UN);
		return G_ERR_STORE;
	}
	st->in_tx = true;
	return G_OK;
}

int
store_commit(struct store *st)
{
	int rc = G_OK;

	if (sqlite3_get_autocommit(st->db)) {	/* rolled back already */
		snprintf(st->errmsg, sizeof st->errmsg, "the transaction was "
		    "rolled back: %s", sqlite3_errmsg(st->db));
		rc = G_ERR_STORE;
	} else if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		rc = store_fail(st, "commit");
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	st->in_tx = false;
	flock(st->lock_fd, LOCK_UN);
	return rc;
}

void
store_rollback(struct store *st)
{
	if (st->in_tx)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_tx = false;
	flock(st->lock_fd, LOCK_UN);
}

const char *
store_errmsg(struct store *st)
{
	return st->errmsg[0] != '\0' ? st->errmsg : "no error";
}

const char *
store_path(struct store *st)
{
	return st->path;
}
