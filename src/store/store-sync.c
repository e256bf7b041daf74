/*
 * The local side of sync.  A row leaves as a JSON object made by SQLite
 * (json_object), with the uids of the rows it points at in place of local
 * ids, and comes back the same way (json_extract), so the station that
 * pulls it links it to its own ids.
 */
#include "config.h"

#include "guichet/store-sync.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"
#include "store-internal.h"
#include "sync-tables.h"

int
store_sync_enable(struct store *st, bool *first)
{
	const struct sync_table *t;
	int64_t enabled = 0;
	int rc;

	rc = store_step_one(st, store_prepare(st, "SELECT enabled FROM "
	    "sync_state"), "read the sync state", store_fill_id, &enabled);
	*first = rc == G_OK && enabled == 0;
	for (t = sync_tables; rc == G_OK && *first && t->tbl != NULL; t++)
		rc = store_step_change(st, store_prepare(st, t->backlog),
		    "queue what the station has", false);
	if (rc == G_OK && *first)
		rc = store_step_change(st, store_prepare(st, "UPDATE "
		    "sync_state SET enabled = 1"), "turn the outbox on", true);
	return rc;
}

static void
fill_text(sqlite3_stmt *s, void *out)
{
	struct { char *buf; size_t len; } *t = out;

	store_column_copy(s, 0, t->buf, t->len);
}

int
store_sync_station(struct store *st, char *out, size_t len)
{
	struct { char *buf; size_t len; } t = { out, len };

	return store_step_one(st, store_prepare(st, "SELECT uid FROM "
	    "station_identity"), "read the station's uid", fill_text, &t);
}

/* Reads a record's uid, rank, time and body from columns col on of s
 * into *r, cleared first; false when the body could not be read (no
 * memory for it). */
static bool
record_fill(sqlite3_stmt *s, int col, struct central_record *r)
{
	const unsigned char *body;

	memset(r, 0, sizeof *r);
	store_column_copy(s, col, r->uid, sizeof r->uid);
	r->rank = sqlite3_column_int64(s, col + 1);
	store_column_copy(s, col + 2, r->changed_at, sizeof r->changed_at);
	if ((body = sqlite3_column_text(s, col + 3)) == NULL)
		return false;
	r->body = xstrdup((const char *)body);
	return true;
}

/* Exports the rows of table t in the outbox after entry after up to
 * entry last into out from out[*n] on, each with its first place in the
 * outbox as its version, fresh when it was made there. */
static int
export_table(struct store *st, const struct sync_table *t, int64_t after,
    int64_t last, const char *station, struct central_record *out, int *n)
{
	sqlite3_stmt *s = store_prepare(st, t->export);
	struct central_record *r;
	int rc = G_OK, step;

	if (s == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, t->tbl);
	sqlite3_bind_int64(s, 2, after);
	sqlite3_bind_int64(s, 3, last);
	while (rc == G_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		r = &out[*n];
		if (!record_fill(s, 2, r)) {
			rc = store_fail(st, "export a change");
			break;
		}
		r->version = sqlite3_column_int64(s, 0);
		r->fresh = sqlite3_column_int(s, 1) != 0;
		snprintf(r->tbl, sizeof r->tbl, "%s", t->tbl);
		snprintf(r->station, sizeof r->station, "%s", station);
		++*n;
	}
	if (rc == G_OK && step != SQLITE_DONE)
		rc = store_fail(st, "export a change");
	store_release(st, s);
	return rc;
}

static int
by_outbox_place(const void *a, const void *b)
{
	int64_t x = ((const struct central_record *)a)->version;
	int64_t y = ((const struct central_record *)b)->version;

	return (x > y) - (x < y);
}

int
store_sync_outbox(struct store *st, const char *station,
    struct central_record *out, int max, int64_t after, int *n,
    int64_t *last)
{
	const struct sync_table *t;
	sqlite3_stmt *s;
	int rc, step;

	*n = 0;
	*last = 0;
	if ((s = store_prepare(st, "SELECT COALESCE(MAX(seq), 0) FROM "
	    "(SELECT seq FROM outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2)"))
	    != NULL) {
		sqlite3_bind_int64(s, 1, after);
		sqlite3_bind_int(s, 2, max);
	}
	rc = store_step_one(st, s, "read the outbox", store_fill_id, last);
	if (rc != G_OK || *last == 0)
		return rc;
	/* Table by table, each row once (its latest state is what is
	 * exported anyway), then in the order they were first changed. */
	if ((s = store_prepare(st, "SELECT DISTINCT tbl FROM outbox WHERE "
	    "seq > ?1 AND seq <= ?2")) == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, after);
	sqlite3_bind_int64(s, 2, *last);
	while (rc == G_OK && (step = sqlite3_step(s)) == SQLITE_ROW)
		if ((t = sync_table((const char *)sqlite3_column_text(s, 0)))
		    != NULL)
			rc = export_table(st, t, after, *last, station, out, n);
	if (rc == G_OK && step != SQLITE_DONE)
		rc = store_fail(st, "read the outbox");
	store_release(st, s);
	if (rc != G_OK) {
		central_records_free(out, *n);
		return rc;
	}
	qsort(out, (size_t)*n, sizeof *out, by_outbox_place);
	return G_OK;
}

int
store_sync_sent(struct store *st, int64_t last)
{
	sqlite3_stmt *s = store_prepare(st, "DELETE FROM outbox WHERE "
	    "seq <= ?1");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, last);
	return store_step_change(st, s, "empty the outbox", false);
}

int
store_sync_waiting(struct store *st, int64_t *count)
{
	return store_step_one(st, store_prepare(st, "SELECT COUNT(*) FROM "
	    "outbox"), "count the outbox", store_fill_id, count);
}

int
store_sync_cursor(struct store *st, int64_t *cursor)
{
	return store_step_one(st, store_prepare(st, "SELECT cursor FROM "
	    "sync_state"), "read the sync cursor", store_fill_id, cursor);
}

int
store_sync_set_cursor(struct store *st, int64_t cursor)
{
	/* Only forward: two syncs of this station at once may each move
	 * it. */
	sqlite3_stmt *s = store_prepare(st, "UPDATE sync_state SET "
	    "cursor = MAX(cursor, ?1)");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, cursor);
	return store_step_change(st, s, "move the sync cursor", true);
}

static void
status_from_row(sqlite3_stmt *s, void *out)
{
	struct sync_status *st = out;

	st->enabled = sqlite3_column_int(s, 0) != 0;
	st->waiting = sqlite3_column_int64(s, 1);
	store_column_copy(s, 2, st->last_ok, sizeof st->last_ok);
	store_column_copy(s, 3, st->error_since, sizeof st->error_since);
	store_column_copy(s, 4, st->error, sizeof st->error);
}

int
store_sync_status(struct store *st, struct sync_status *out)
{
	memset(out, 0, sizeof *out);
	return store_step_one(st, store_prepare(st, "SELECT enabled, "
	    "(SELECT COUNT(*) FROM outbox), last_ok, error_since, last_error "
	    "FROM sync_state"), "read the sync state", status_from_row, out);
}

int
store_sync_outcome(struct store *st, const char *error)
{
	sqlite3_stmt *s = store_prepare(st, error == NULL ?
	    "UPDATE sync_state SET last_ok = strftime('%Y-%m-%dT%H:%M:%SZ', "
	    "'now'), error_since = NULL, last_error = ''" :
	    "UPDATE sync_state SET error_since = COALESCE(error_since, "
	    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), last_error = ?1");

	if (s != NULL && error != NULL)
		store_bind_text(s, 1, error);
	return store_step_change(st, s, "record the sync", true);
}

int
store_sync_applying(struct store *st, bool on)
{
	sqlite3_stmt *s = store_prepare(st, "UPDATE sync_state SET "
	    "applying = ?1");

	if (s != NULL)
		sqlite3_bind_int(s, 1, on);
	return store_step_change(st, s, "mark the sync", true);
}

/* Binds the record's uid, body, rank and time as ?1 to ?4 (a statement
 * may use fewer). */
static sqlite3_stmt *
bind_record(sqlite3_stmt *s, const struct central_record *r)
{
	if (s == NULL)
		return NULL;
	store_bind_text(s, 1, r->uid);
	if (sqlite3_bind_parameter_count(s) >= 2)
		store_bind_text(s, 2, r->body);
	if (sqlite3_bind_parameter_count(s) >= 3)
		sqlite3_bind_int64(s, 3, r->rank);
	if (sqlite3_bind_parameter_count(s) >= 4)
		store_bind_text(s, 4, r->changed_at);
	return s;
}

/* Returns true when the station's copy of the row (its revision and time
 * by the table's newer) is newer than r, so r must not replace it. */
static bool
newer_here(struct store *st, const struct sync_table *t,
    const struct central_record *r)
{
	sqlite3_stmt *s;
	bool newer = false;
	int64_t revision;
	const char *at;

	if (t->newer == NULL ||
	    (s = bind_record(store_prepare(st, t->newer), r)) == NULL)
		return false;
	if (sqlite3_step(s) == SQLITE_ROW) {
		revision = sqlite3_column_int64(s, 0);
		at = (const char *)sqlite3_column_text(s, 1);
		newer = revision > r->rank || (revision == r->rank &&
		    at != NULL && strcmp(at, r->changed_at) > 0);
	}
	store_release(st, s);
	return newer;
}

/* Applies r; G_ERR_NOTFOUND when it must wait for a row it points at. */
static int
apply(struct store *st, const struct central_record *r)
{
	const struct sync_table *t = sync_table(r->tbl);
	const char *const *sql;
	int64_t missing = 0;
	int rc = G_OK;

	if (t == NULL || newer_here(st, t, r))
		return G_OK;	/* not kept here, or older than ours */
	if (t->needs != NULL && (rc = store_step_one(st,
	    bind_record(store_prepare(st, t->needs), r), "check a pulled "
	    "record", store_fill_id, &missing)) == G_OK && missing)
		return G_ERR_NOTFOUND;
	/* All of the record or none: one that breaks a rule here (a
	 * username active twice) waits with those kept for later, and the
	 * rest of the batch goes on. */
	if (rc == G_OK)
		rc = store_step_change(st, store_prepare(st, "SAVEPOINT "
		    "record"), "apply a pulled record", false);
	for (sql = t->apply; rc == G_OK && *sql != NULL; sql++)
		rc = store_step_change(st, bind_record(store_prepare(st, *sql),
		    r), "apply a pulled record", false);
	if (rc != G_OK)
		sqlite3_exec(st->db, "ROLLBACK TO record", NULL, NULL, NULL);
	sqlite3_exec(st->db, "RELEASE record", NULL, NULL, NULL);
	return rc == G_ERR_EXISTS ? G_ERR_NOTFOUND : rc;
}

/* Keeps r until the row it points at is pulled. */
static int
park(struct store *st, const struct central_record *r)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT OR REPLACE INTO "
	    "sync_parked (tbl, uid, station, rank, changed_at, body) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

	if (s != NULL) {
		store_bind_text(s, 1, r->tbl);
		store_bind_text(s, 2, r->uid);
		store_bind_text(s, 3, r->station);
		sqlite3_bind_int64(s, 4, r->rank);
		store_bind_text(s, 5, r->changed_at);
		store_bind_text(s, 6, r->body);
	}
	return store_step_insert(st, s, "keep a record for later", NULL);
}

int
store_sync_apply(struct store *st, const struct central_record *r)
{
	int rc = apply(st, r);

	return rc == G_ERR_NOTFOUND ? park(st, r) : rc;
}

/* Reads the oldest parked record after rowid *after into *r. */
static int
parked_next(struct store *st, int64_t *after, struct central_record *r)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT rowid, tbl, station, "
	    "uid, rank, changed_at, body FROM sync_parked WHERE "
	    "rowid > ?1 ORDER BY rowid LIMIT 1");
	int rc;

	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, *after);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (!record_fill(s, 3, r))
			rc = store_fail(st, "read the records kept for later");
		else {
			*after = sqlite3_column_int64(s, 0);
			store_column_copy(s, 1, r->tbl, sizeof r->tbl);
			store_column_copy(s, 2, r->station, sizeof r->station);
			rc = G_OK;
		}
	} else
		rc = rc == SQLITE_DONE ? G_ERR_NOTFOUND :
		    store_fail(st, "read the records kept for later");
	store_release(st, s);
	return rc;
}

int
store_sync_unpark(struct store *st, int *applied)
{
	struct central_record r;
	sqlite3_stmt *s;
	int64_t after = 0;
	int rc;

	*applied = 0;
	while ((rc = parked_next(st, &after, &r)) == G_OK) {
		if ((rc = apply(st, &r)) == G_OK) {
			s = store_prepare(st, "DELETE FROM sync_parked WHERE "
			    "rowid = ?1");
			if (s != NULL)
				sqlite3_bind_int64(s, 1, after);
			rc = store_step_change(st, s, "drop a record kept",
			    true);
			++*applied;
		} else if (rc == G_ERR_NOTFOUND)
			rc = G_OK;	/* still waiting */
		free(r.body);
		if (rc != G_OK)
			return rc;
	}
	return rc == G_ERR_NOTFOUND ? G_OK : rc;
}
