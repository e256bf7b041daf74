/*
 * The central store as one SQLite file that every station on the host
 * opens: WAL, synchronous=FULL, and each push or numbering one BEGIN
 * IMMEDIATE transaction, so versions and protocol numbers are handed out
 * one writer at a time.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "central-internal.h"
#include "guichet/err.h"
#include "guichet/xmalloc.h"

#define BUSY_TIMEOUT_MS 15000

struct central_sqlite {
	struct central base;
	sqlite3 *db;
};

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS central_record ("
	" tbl TEXT NOT NULL, uid TEXT NOT NULL, station TEXT NOT NULL,"
	" rank INTEGER NOT NULL, changed_at TEXT NOT NULL,"
	" body TEXT NOT NULL, version INTEGER NOT NULL,"
	" PRIMARY KEY (tbl, uid));"
	"CREATE INDEX IF NOT EXISTS central_record_version"
	" ON central_record (version);"
	"CREATE TABLE IF NOT EXISTS central_clock (version INTEGER NOT NULL);"
	"INSERT INTO central_clock SELECT 0"
	" WHERE NOT EXISTS (SELECT 1 FROM central_clock);"
	"CREATE TABLE IF NOT EXISTS central_registry ("
	" year INTEGER NOT NULL, number INTEGER NOT NULL,"
	" request_uid TEXT NOT NULL UNIQUE, station TEXT NOT NULL,"
	" at TEXT NOT NULL, PRIMARY KEY (year, number));"
	"CREATE TABLE IF NOT EXISTS central_claim ("
	" key TEXT PRIMARY KEY, station TEXT NOT NULL, at TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS central_secret ("
	" id INTEGER PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL);";

static struct sqlite3 *
db_of(struct central *c)
{
	return ((struct central_sqlite *)c)->db;
}

/* Sets *cause from the engine's last error, prefixed by what was being
 * done; returns G_ERR_IO. */
static int
fail(struct central *c, const char *doing, char **cause)
{
	*cause = xasprintf("central store: %s: %s", doing,
	    sqlite3_errmsg(db_of(c)));
	return G_ERR_IO;
}

static int
exec(struct central *c, const char *sql, const char *doing, char **cause)
{
	if (sqlite3_exec(db_of(c), sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail(c, doing, cause);
	return G_OK;
}

static int
prepare(struct central *c, const char *sql, sqlite3_stmt **s,
    const char *doing, char **cause)
{
	if (sqlite3_prepare_v2(db_of(c), sql, -1, s, NULL) != SQLITE_OK)
		return fail(c, doing, cause);
	return G_OK;
}

/* Ends the transaction: commits when rc is G_OK, else rolls back. */
static int
finish(struct central *c, int rc, char **cause)
{
	if (rc == G_OK)
		return exec(c, "COMMIT", "commit", cause);
	sqlite3_exec(db_of(c), "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Reads the newest version the centre has given into *top. */
static int
read_clock(struct central *c, int64_t *top, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = prepare(c, "SELECT version FROM central_clock", &s,
	    "read the clock", cause)) != G_OK)
		return rc;
	if (sqlite3_step(s) == SQLITE_ROW)
		*top = sqlite3_column_int64(s, 0);
	else
		rc = fail(c, "read the clock", cause);
	sqlite3_finalize(s);
	return rc;
}

static int
sqlite_push(struct central *c, const struct central_record *r, int n,
    int64_t clock[2], char **cause)
{
	sqlite3_stmt *put = NULL, *tick = NULL;
	int rc, i;

	if ((rc = exec(c, "BEGIN IMMEDIATE", "begin", cause)) != G_OK)
		return rc;
	rc = read_clock(c, &clock[0], cause);
	if (rc == G_OK)
		rc = prepare(c, "INSERT INTO central_record (tbl, uid, station, "
		    "rank, changed_at, body, version) VALUES (?1, ?2, ?3, ?4, "
		    "?5, ?6, (SELECT version + 1 FROM central_clock)) ON "
		    "CONFLICT (tbl, uid) DO UPDATE SET station = "
		    "excluded.station, rank = excluded.rank, changed_at = "
		    "excluded.changed_at, body = excluded.body, version = "
		    "excluded.version WHERE excluded.body <> "
		    "central_record.body AND (excluded.rank > "
		    "central_record.rank OR (excluded.rank = "
		    "central_record.rank AND excluded.changed_at >= "
		    "central_record.changed_at))", &put,
		    "store a record", cause);
	if (rc == G_OK)
		rc = prepare(c, "UPDATE central_clock SET version = version + 1",
		    &tick, "count the version", cause);
	for (i = 0; rc == G_OK && i < n; i++) {
		sqlite3_bind_text(put, 1, r[i].tbl, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 2, r[i].uid, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 3, r[i].station, -1, SQLITE_STATIC);
		sqlite3_bind_int64(put, 4, r[i].rank);
		sqlite3_bind_text(put, 5, r[i].changed_at, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 6, r[i].body, -1, SQLITE_STATIC);
		if (sqlite3_step(put) != SQLITE_DONE)
			rc = fail(c, "store a record", cause);
		else if (sqlite3_changes(db_of(c)) > 0 &&
		    sqlite3_step(tick) != SQLITE_DONE)
			rc = fail(c, "count the version", cause);
		sqlite3_reset(put);
		sqlite3_reset(tick);
	}
	sqlite3_finalize(put);
	sqlite3_finalize(tick);
	if (rc == G_OK)
		rc = read_clock(c, &clock[1], cause);
	return finish(c, rc, cause);
}

static void
copy_column(sqlite3_stmt *s, int col, char *out, size_t len)
{
	const unsigned char *v = sqlite3_column_text(s, col);

	snprintf(out, len, "%s", v != NULL ? (const char *)v : "");
}

/* The clock and the records are read in one transaction, so that what
 * the clock says was given is all there. */
static int
sqlite_pull(struct central *c, int64_t after, const char *station,
    int limit, int (*fn)(const struct central_record *r, void *arg),
    void *arg, int64_t *seen, char **cause)
{
	struct central_record r;
	sqlite3_stmt *s;
	int64_t top = 0;
	int rc, step, n = 0, stop = 0;

	if ((rc = exec(c, "BEGIN", "begin", cause)) != G_OK)
		return rc;
	if ((rc = read_clock(c, &top, cause)) != G_OK ||
	    (rc = prepare(c, "SELECT tbl, uid, station, rank, changed_at, "
	    "body, version FROM central_record WHERE version > ?1 AND "
	    "station <> ?2 AND tbl <> 'audit' ORDER BY version LIMIT ?3", &s,
	    "read records", cause)) != G_OK)
		return finish(c, rc, cause);
	sqlite3_bind_int64(s, 1, after);
	sqlite3_bind_text(s, 2, station, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, limit);
	while (stop == 0 && (step = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		copy_column(s, 0, r.tbl, sizeof r.tbl);
		copy_column(s, 1, r.uid, sizeof r.uid);
		copy_column(s, 2, r.station, sizeof r.station);
		r.rank = sqlite3_column_int64(s, 3);
		copy_column(s, 4, r.changed_at, sizeof r.changed_at);
		r.body = (char *)sqlite3_column_text(s, 5);
		r.version = sqlite3_column_int64(s, 6);
		if (r.body == NULL)	/* no memory to read it */
			break;
		stop = fn(&r, arg);
		*seen = r.version;
		n++;
	}
	if (stop == 0 && step != SQLITE_DONE)
		rc = fail(c, "read records", cause);
	sqlite3_finalize(s);
	if (rc == G_OK && stop == 0 && n < limit && top > *seen)
		*seen = top;
	return finish(c, rc != G_OK ? rc : stop, cause);
}

static int
sqlite_number(struct central *c, int year, const char *request_uid,
    const char *station, int64_t *number, char **cause)
{
	sqlite3_stmt *give = NULL, *read = NULL;
	int rc;

	if ((rc = exec(c, "BEGIN IMMEDIATE", "begin", cause)) != G_OK)
		return rc;
	rc = prepare(c, "INSERT OR IGNORE INTO central_registry (year, "
	    "number, request_uid, station, at) VALUES (?1, (SELECT "
	    "COALESCE(MAX(number), 0) + 1 FROM central_registry WHERE year = "
	    "?1), ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", &give,
	    "give a protocol number", cause);
	if (rc == G_OK)
		rc = prepare(c, "SELECT number FROM central_registry WHERE "
		    "request_uid = ?1", &read, "read a protocol number",
		    cause);
	if (rc == G_OK) {
		sqlite3_bind_int(give, 1, year);
		sqlite3_bind_text(give, 2, request_uid, -1, SQLITE_STATIC);
		sqlite3_bind_text(give, 3, station, -1, SQLITE_STATIC);
		sqlite3_bind_text(read, 1, request_uid, -1, SQLITE_STATIC);
		if (sqlite3_step(give) != SQLITE_DONE)
			rc = fail(c, "give a protocol number", cause);
		else if (sqlite3_step(read) != SQLITE_ROW)
			rc = fail(c, "read a protocol number", cause);
		else
			*number = sqlite3_column_int64(read, 0);
	}
	sqlite3_finalize(give);
	sqlite3_finalize(read);
	return finish(c, rc, cause);
}

static int
sqlite_claim(struct central *c, const char *key, const char *station,
    char *holder, char **cause)
{
	sqlite3_stmt *give = NULL, *read = NULL;
	int rc;

	if ((rc = exec(c, "BEGIN IMMEDIATE", "begin", cause)) != G_OK)
		return rc;
	rc = prepare(c, "INSERT OR IGNORE INTO central_claim (key, station, "
	    "at) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
	    &give, "claim", cause);
	if (rc == G_OK)
		rc = prepare(c, "SELECT station FROM central_claim WHERE "
		    "key = ?1", &read, "read a claim", cause);
	if (rc == G_OK) {
		sqlite3_bind_text(give, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(give, 2, station, -1, SQLITE_STATIC);
		sqlite3_bind_text(read, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(give) != SQLITE_DONE)
			rc = fail(c, "claim", cause);
		else if (sqlite3_step(read) != SQLITE_ROW)
			rc = fail(c, "read a claim", cause);
		else
			snprintf(holder, 96, "%s", sqlite3_column_text(read, 0));
	}
	sqlite3_finalize(give);
	sqlite3_finalize(read);
	return finish(c, rc, cause);
}

static int
sqlite_secret(struct central *c, const unsigned char *offered,
    unsigned char *out, char **cause)
{
	sqlite3_stmt *give = NULL, *read = NULL;
	int rc;

	if ((rc = exec(c, "BEGIN IMMEDIATE", "begin", cause)) != G_OK)
		return rc;
	rc = prepare(c, "INSERT OR IGNORE INTO central_secret (id, key) "
	    "VALUES (1, ?1)", &give, "keep the secret", cause);
	if (rc == G_OK)
		rc = prepare(c, "SELECT key FROM central_secret WHERE id = 1",
		    &read, "read the secret", cause);
	if (rc == G_OK) {
		sqlite3_bind_blob(give, 1, offered, CENTRAL_SECRET_BYTES,
		    SQLITE_STATIC);
		if (sqlite3_step(give) != SQLITE_DONE)
			rc = fail(c, "keep the secret", cause);
		else if (sqlite3_step(read) != SQLITE_ROW ||
		    sqlite3_column_bytes(read, 0) != CENTRAL_SECRET_BYTES)
			rc = fail(c, "read the secret", cause);
		else
			memcpy(out, sqlite3_column_blob(read, 0),
			    CENTRAL_SECRET_BYTES);
	}
	sqlite3_finalize(give);
	sqlite3_finalize(read);
	return finish(c, rc, cause);
}

static void
sqlite_close(struct central *c)
{
	sqlite3_close(db_of(c));
	free(c);
}

static const struct central_ops sqlite_ops = {
	.push = sqlite_push,
	.pull = sqlite_pull,
	.number = sqlite_number,
	.claim = sqlite_claim,
	.secret = sqlite_secret,
	.close = sqlite_close,
};

int
central_sqlite_open(const char *path, bool create, struct central **out,
    char **cause)
{
	struct central_sqlite *cs = xcalloc(1, sizeof *cs);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
	    (create ? SQLITE_OPEN_CREATE : 0);
	int rc = G_OK;

	cs->base.ops = &sqlite_ops;
	if (sqlite3_open_v2(path, &cs->db, flags, NULL) != SQLITE_OK) {
		*cause = xasprintf("central store %s cannot be opened: %s%s",
		    path, sqlite3_errmsg(cs->db), create ? "" :
		    " (made with 'guichetctl central init'?)");
		sqlite3_close(cs->db);
		free(cs);
		return G_ERR_IO;
	}
	sqlite3_busy_timeout(cs->db, BUSY_TIMEOUT_MS);
	rc = exec(&cs->base, "PRAGMA journal_mode = WAL; "
	    "PRAGMA synchronous = FULL", "set up", cause);
	if (rc == G_OK && create)
		rc = exec(&cs->base, schema, "create the tables", cause);
	if (rc != G_OK) {
		sqlite_close(&cs->base);
		return rc;
	}
	*out = &cs->base;
	return G_OK;
}
