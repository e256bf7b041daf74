/*
 * The local side of sync.  A row leaves as a JSON object made by SQLite
 * (json_object), with the uids of the rows it points at in place of local
 * ids, and comes back the same way (json_extract), so the station that
 * pulls it links it to its own ids.
 */
#include "config.h"

#include "guichet/store-sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"
#include "store-internal.h"

/* How each table's row becomes a record: uid, rank, time of the change
 * and body, for the row with local id ?1. */
static const struct export {
	const char *tbl;
	const char *sql;
} exports[] = {
	{ "person", "SELECT uid, revision, changed_at, json_object("
	  "'country', country, 'cnp', cnp, 'afm', afm, 'amka', amka, "
	  "'surname', surname, 'given_names', given_names, "
	  "'former_names', former_names, 'birth_date', birth_date, "
	  "'town', town, 'district', district, 'street', street, "
	  "'number', number, 'block', block, 'staircase', staircase, "
	  "'floor', floor, 'apartment', apartment, "
	  "'postal_code', postal_code, 'phone', phone, 'email', email, "
	  "'contact', contact, 'level', level, 'created_at', created_at) "
	  "FROM person WHERE id = ?1" },
	{ "request", "SELECT r.uid, r.revision, r.changed_at, json_object("
	  "'type', r.type, 'department', r.department, "
	  "'category', r.category, "
	  "'person', (SELECT uid FROM person WHERE id = r.person_id), "
	  "'filed_by', r.filed_by, 'station', r.station, "
	  "'status', r.status, 'filed_at', r.filed_at, 'reply', r.reply, "
	  "'assigned_to', r.assigned_to, "
	  "'duplicate_of', (SELECT uid FROM request WHERE id = r.duplicate_of), "
	  "'fields', json((SELECT json_group_object(name, value) "
	  "FROM request_field WHERE request_id = r.id)), "
	  "'registry', json((SELECT json_object('year', year, "
	  "'number', number, 'registered_at', registered_at, "
	  "'registered_by', registered_by, 'station', station, "
	  "'annulled_at', annulled_at, 'annulled_by', annulled_by, "
	  "'annul_reason', annul_reason) FROM registry "
	  "WHERE request_id = r.id))) FROM request r WHERE r.id = ?1" },
	{ "request_event", "SELECT e.uid, 0, e.at, json_object("
	  "'request', (SELECT uid FROM request WHERE id = e.request_id), "
	  "'from_status', e.from_status, 'to_status', e.to_status, "
	  "'text', e.text, 'by_actor', e.by_actor, 'station', e.station, "
	  "'at', e.at) FROM request_event e WHERE e.id = ?1" },
};

#define N_EXPORTS ((int)(sizeof exports / sizeof exports[0]))

static const struct export *
export_of(const char *tbl)
{
	int i;

	for (i = 0; i < N_EXPORTS; i++)
		if (strcmp(exports[i].tbl, tbl) == 0)
			return &exports[i];
	return NULL;
}

int
store_sync_enable(struct store *st, bool *first)
{
	static const char *const backlog[] = {
		"INSERT INTO outbox (tbl, row_id, at) SELECT 'person', id, "
		"changed_at FROM person ORDER BY id",
		"INSERT INTO outbox (tbl, row_id, at) SELECT 'request', id, "
		"changed_at FROM request ORDER BY id",
		"INSERT INTO outbox (tbl, row_id, at) SELECT 'request_event', "
		"id, at FROM request_event ORDER BY id",
		"UPDATE sync_state SET enabled = 1",
	};
	int64_t enabled = 0;
	int rc, i;

	rc = store_step_one(st, store_prepare(st, "SELECT enabled FROM "
	    "sync_state"), "read the sync state", store_fill_id, &enabled);
	*first = rc == G_OK && enabled == 0;
	for (i = 0; rc == G_OK && *first && i < (int)(sizeof backlog /
	    sizeof backlog[0]); i++)
		rc = store_step_change(st, store_prepare(st, backlog[i]),
		    "queue what the station has", false);
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

/* Exports row id of tbl into *r; G_ERR_NOTFOUND when it is gone. */
static int
export_row(struct store *st, const char *tbl, int64_t id,
    const char *station, struct central_record *r)
{
	const struct export *e = export_of(tbl);
	sqlite3_stmt *s;
	int rc;

	if (e == NULL || (s = store_prepare(st, e->sql)) == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(r, 0, sizeof *r);
		snprintf(r->tbl, sizeof r->tbl, "%s", tbl);
		store_column_copy(s, 0, r->uid, sizeof r->uid);
		snprintf(r->station, sizeof r->station, "%s", station);
		r->rank = sqlite3_column_int64(s, 1);
		store_column_copy(s, 2, r->changed_at, sizeof r->changed_at);
		r->body = xstrdup((const char *)sqlite3_column_text(s, 3));
		rc = G_OK;
	} else
		rc = rc == SQLITE_DONE ? G_ERR_NOTFOUND :
		    store_fail(st, "export a change");
	store_release(st, s);
	return rc;
}

int
store_sync_outbox(struct store *st, const char *station,
    struct central_record *out, int max, int *n, int64_t *last)
{
	sqlite3_stmt *s;
	char tbl[32];
	int rc = G_OK, step;

	*n = 0;
	*last = 0;
	/* The oldest max entries, each row once: its latest state is what
	 * is exported anyway. */
	if ((s = store_prepare(st, "SELECT tbl, row_id, MAX(seq) FROM "
	    "(SELECT seq, tbl, row_id FROM outbox ORDER BY seq LIMIT ?1) "
	    "GROUP BY tbl, row_id ORDER BY MIN(seq)")) == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int(s, 1, max);
	while (rc == G_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_int64(s, 2) > *last)
			*last = sqlite3_column_int64(s, 2);
		store_column_copy(s, 0, tbl, sizeof tbl);
		rc = export_row(st, tbl, sqlite3_column_int64(s, 1), station,
		    &out[*n]);
		if (rc == G_OK)
			++*n;
		else if (rc == G_ERR_NOTFOUND)	/* a row rolled away since */
			rc = G_OK;
	}
	if (rc == G_OK && step != SQLITE_DONE)
		rc = store_fail(st, "read the outbox");
	store_release(st, s);
	if (rc != G_OK)
		central_records_free(out, *n);
	return rc;
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
	sqlite3_stmt *s = store_prepare(st, "UPDATE sync_state SET "
	    "cursor = ?1");

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

/* Binds the record's uid, body, rank and time as ?1 to ?4 and steps s. */
static int
step_record(struct store *st, sqlite3_stmt *s,
    const struct central_record *r, const char *doing)
{
	if (s == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, r->uid);
	store_bind_text(s, 2, r->body);
	sqlite3_bind_int64(s, 3, r->rank);
	store_bind_text(s, 4, r->changed_at);
	return store_step_change(st, s, doing, false);
}

/* Returns true when the station's copy of a row (revision, changed_at
 * from sql, by uid) is newer than r, so r must not replace it. */
static bool
newer_here(struct store *st, const char *sql, const struct central_record *r)
{
	sqlite3_stmt *s = store_prepare(st, sql);
	bool newer = false;
	int64_t revision;
	const char *at;

	if (s == NULL)
		return false;
	store_bind_text(s, 1, r->uid);
	if (sqlite3_step(s) == SQLITE_ROW) {
		revision = sqlite3_column_int64(s, 0);
		at = (const char *)sqlite3_column_text(s, 1);
		newer = revision > r->rank || (revision == r->rank &&
		    at != NULL && strcmp(at, r->changed_at) > 0);
	}
	store_release(st, s);
	return newer;
}

static int
apply_person(struct store *st, const struct central_record *r)
{
	int rc;

	if (newer_here(st, "SELECT revision, changed_at FROM person WHERE "
	    "uid = ?1", r))
		return G_OK;
	rc = step_record(st, store_prepare(st, "INSERT INTO person (uid, "
	    "country, cnp, afm, amka, surname, given_names, former_names, "
	    "birth_date, town, district, street, number, block, staircase, "
	    "floor, apartment, postal_code, phone, email, contact, level, "
	    "created_at, revision, changed_at) SELECT ?1, "
	    "j->>'country', j->>'cnp', j->>'afm', j->>'amka', "
	    "j->>'surname', j->>'given_names', j->>'former_names', "
	    "j->>'birth_date', j->>'town', j->>'district', j->>'street', "
	    "j->>'number', j->>'block', j->>'staircase', j->>'floor', "
	    "j->>'apartment', j->>'postal_code', j->>'phone', j->>'email', "
	    "j->>'contact', j->>'level', j->>'created_at', ?3, ?4 "
	    "FROM (SELECT json(?2) AS j) WHERE true "
	    "ON CONFLICT (uid) DO UPDATE SET country = excluded.country, "
	    "cnp = excluded.cnp, afm = excluded.afm, amka = excluded.amka, "
	    "surname = excluded.surname, given_names = excluded.given_names, "
	    "former_names = excluded.former_names, "
	    "birth_date = excluded.birth_date, town = excluded.town, "
	    "district = excluded.district, street = excluded.street, "
	    "number = excluded.number, block = excluded.block, "
	    "staircase = excluded.staircase, floor = excluded.floor, "
	    "apartment = excluded.apartment, "
	    "postal_code = excluded.postal_code, phone = excluded.phone, "
	    "email = excluded.email, contact = excluded.contact, "
	    "level = excluded.level, revision = excluded.revision, "
	    "changed_at = excluded.changed_at"), r, "apply a person");
	/* Its names may have changed: the caller indexes it anew. */
	if (rc == G_OK)
		rc = step_record(st, store_prepare(st, "DELETE FROM "
		    "person_search WHERE person_id = (SELECT id FROM person "
		    "WHERE uid = ?1)"), r, "apply a person");
	return rc;
}

/* The statements that bring a pulled request in, in order: the request,
 * its fields (once: they never change), its registration. */
static const char *const request_apply[] = {
	"INSERT INTO request (uid, type, department, category, person_id, "
	"filed_by, station, status, filed_at, reply, assigned_to, "
	"duplicate_of, revision, changed_at) SELECT ?1, j->>'type', "
	"j->>'department', j->>'category', "
	"(SELECT id FROM person WHERE uid = j->>'person'), j->>'filed_by', "
	"j->>'station', j->>'status', j->>'filed_at', j->>'reply', "
	"j->>'assigned_to', "
	"(SELECT id FROM request WHERE uid = j->>'duplicate_of'), ?3, ?4 "
	"FROM (SELECT json(?2) AS j) WHERE true "
	"ON CONFLICT (uid) DO UPDATE SET status = excluded.status, "
	"reply = excluded.reply, assigned_to = excluded.assigned_to, "
	"duplicate_of = excluded.duplicate_of, revision = excluded.revision, "
	"changed_at = excluded.changed_at",
	"INSERT OR IGNORE INTO request_field (request_id, name, value) "
	"SELECT (SELECT id FROM request WHERE uid = ?1), f.key, f.value "
	"FROM json_each(json(?2), '$.fields') f",
	"INSERT OR IGNORE INTO registry (year, number, request_id, "
	"registered_at, registered_by, station) SELECT j->>'year', "
	"j->>'number', (SELECT id FROM request WHERE uid = ?1), "
	"j->>'registered_at', j->>'registered_by', j->>'station' "
	"FROM (SELECT json(?2) -> '$.registry' AS j) WHERE j IS NOT NULL "
	"AND j <> 'null'",
	"UPDATE registry SET annulled_at = json(?2) ->> '$.registry.annulled_at', "
	"annulled_by = json(?2) ->> '$.registry.annulled_by', "
	"annul_reason = json(?2) ->> '$.registry.annul_reason' "
	"WHERE request_id = (SELECT id FROM request WHERE uid = ?1) AND "
	"annulled_at IS NULL AND "
	"json(?2) ->> '$.registry.annulled_at' IS NOT NULL",
	"DELETE FROM registry_pending WHERE request_id = "
	"(SELECT id FROM request WHERE uid = ?1) AND "
	"json(?2) ->> '$.registry.number' IS NOT NULL",
};

/* Returns G_ERR_NOTFOUND when a row r points at (by the uid at path in
 * its body, in table tbl) has not been pulled here yet. */
static int
needs(struct store *st, const struct central_record *r, const char *sql)
{
	int64_t missing = 0;
	sqlite3_stmt *s = store_prepare(st, sql);

	if (s != NULL)
		store_bind_text(s, 1, r->body);
	if (store_step_one(st, s, "check a pulled record", store_fill_id,
	    &missing) != G_OK)
		return G_ERR_STORE;
	return missing ? G_ERR_NOTFOUND : G_OK;
}

static int
apply_request(struct store *st, const struct central_record *r)
{
	int rc, i;

	if (newer_here(st, "SELECT revision, changed_at FROM request WHERE "
	    "uid = ?1", r))
		return G_OK;
	rc = needs(st, r, "SELECT j->>'person' IS NOT NULL AND NOT EXISTS "
	    "(SELECT 1 FROM person WHERE uid = j->>'person') FROM "
	    "(SELECT json(?1) AS j)");
	for (i = 0; rc == G_OK && i < (int)(sizeof request_apply /
	    sizeof request_apply[0]); i++)
		rc = step_record(st, store_prepare(st, request_apply[i]), r,
		    "apply a request");
	return rc;
}

static int
apply_event(struct store *st, const struct central_record *r)
{
	int rc = needs(st, r, "SELECT NOT EXISTS (SELECT 1 FROM request "
	    "WHERE uid = json(?1) ->> 'request')");

	if (rc != G_OK)
		return rc;
	return step_record(st, store_prepare(st, "INSERT OR IGNORE INTO "
	    "request_event (uid, request_id, from_status, to_status, text, "
	    "by_actor, station, at) SELECT ?1, q.id, j->>'from_status', "
	    "j->>'to_status', j->>'text', j->>'by_actor', j->>'station', "
	    "j->>'at' FROM (SELECT json(?2) AS j) JOIN request q "
	    "ON q.uid = j->>'request'"), r, "apply a request's event");
}

/* Applies r by its table; G_ERR_NOTFOUND when it must wait for a row it
 * points at. */
static int
apply(struct store *st, const struct central_record *r)
{
	if (strcmp(r->tbl, "person") == 0)
		return apply_person(st, r);
	if (strcmp(r->tbl, "request") == 0)
		return apply_request(st, r);
	if (strcmp(r->tbl, "request_event") == 0)
		return apply_event(st, r);
	return G_OK;		/* a table this version does not keep */
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
	sqlite3_stmt *s = store_prepare(st, "SELECT rowid, tbl, uid, "
	    "station, rank, changed_at, body FROM sync_parked WHERE "
	    "rowid > ?1 ORDER BY rowid LIMIT 1");
	int rc;

	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, *after);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(r, 0, sizeof *r);
		*after = sqlite3_column_int64(s, 0);
		store_column_copy(s, 1, r->tbl, sizeof r->tbl);
		store_column_copy(s, 2, r->uid, sizeof r->uid);
		store_column_copy(s, 3, r->station, sizeof r->station);
		r->rank = sqlite3_column_int64(s, 4);
		store_column_copy(s, 5, r->changed_at, sizeof r->changed_at);
		r->body = xstrdup((const char *)sqlite3_column_text(s, 6));
		rc = G_OK;
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
