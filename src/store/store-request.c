#include "config.h"

#include "guichet/store-request.h"

#include <string.h>

#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

int
store_request_insert(struct store *st, struct request *r,
    const struct request_value *values, int n)
{
	sqlite3_stmt *s;
	int i, rc;

	clock_now_iso(r->filed_at, sizeof r->filed_at);
	s = store_prepare(st, "INSERT INTO request (type, department, "
	    "category, person_id, filed_by, station, status, filed_at) VALUES "
	    "(?, ?, ?, ?, ?, ?, 'submitted', ?)");
	if (s != NULL) {
		store_bind_text(s, 1, r->type);
		store_bind_text(s, 2, r->department);
		store_bind_text(s, 3, r->category);
		if (r->person_id != 0)
			sqlite3_bind_int64(s, 4, r->person_id);
		else
			sqlite3_bind_null(s, 4);
		store_bind_text(s, 5, r->filed_by);
		store_bind_text(s, 6, r->station);
		store_bind_text(s, 7, r->filed_at);
	}
	if ((rc = store_step_insert(st, s, "file the request", &r->id)) !=
	    G_OK)
		return rc;
	r->status = REQ_SUBMITTED;
	for (i = 0; i < n && rc == G_OK; i++) {
		s = store_prepare(st, "INSERT INTO request_field (request_id, "
		    "name, value) VALUES (?, ?, ?)");
		if (s != NULL) {
			sqlite3_bind_int64(s, 1, r->id);
			store_bind_text(s, 2, values[i].name);
			store_bind_text(s, 3, values[i].value);
		}
		rc = store_step_insert(st, s, "file the request", NULL);
	}
	return rc;
}

/* Fills the struct request at out from its row. */
static void
request_from_row(sqlite3_stmt *s, void *out)
{
	struct request *r = out;
	char status[16];
	int i;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, r->type, sizeof r->type);
	store_column_copy(s, 2, r->department, sizeof r->department);
	store_column_copy(s, 3, r->category, sizeof r->category);
	r->person_id = sqlite3_column_int64(s, 4);
	store_column_copy(s, 5, r->filed_by, sizeof r->filed_by);
	store_column_copy(s, 6, r->station, sizeof r->station);
	store_column_copy(s, 7, status, sizeof status);
	r->status = (i = request_status_from_name(status)) < 0 ? 0 : i;
	store_column_copy(s, 8, r->filed_at, sizeof r->filed_at);
	store_column_copy(s, 9, r->reply, sizeof r->reply);
	r->duplicate_of = sqlite3_column_int64(s, 10);
	r->year = sqlite3_column_int(s, 11);
	r->number = sqlite3_column_int64(s, 12);
	r->emergency_year = sqlite3_column_int(s, 13);
	r->emergency_number = sqlite3_column_int64(s, 14);
	store_column_copy(s, 15, r->assigned_to, sizeof r->assigned_to);
}

/* The columns request_from_row reads, with both numbers joined in. */
#define REQUEST_SELECT "SELECT r.id, r.type, r.department, r.category, " \
	"COALESCE(r.person_id, 0), r.filed_by, r.station, r.status, " \
	"r.filed_at, r.reply, COALESCE(r.duplicate_of, 0), " \
	"COALESCE(g.year, 0), COALESCE(g.number, 0), " \
	"COALESCE(e.year, 0), COALESCE(e.number, 0), r.assigned_to " \
	"FROM request r " \
	"LEFT JOIN registry g ON g.request_id = r.id " \
	"LEFT JOIN emergency_registry e ON e.request_id = r.id "

int
store_request_get(struct store *st, int64_t id, struct request *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, REQUEST_SELECT "WHERE r.id = ?");
	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read the request", request_from_row,
	    out);
}

int
store_request_list(struct store *st, const struct request_filter *f,
    int (*fn)(const struct request *r, void *arg), void *arg)
{
	/* Every condition is always there, switched off by its own
	 * parameter, so the text is constant and each value bound.  The
	 * CASE numbers the statuses in enum request_status order. */
	static const char sql[] = REQUEST_SELECT "WHERE "
	    "(?1 IS NULL OR r.department = ?1) AND "
	    "(?2 = 0 OR (?2 >> (CASE r.status "
	    "WHEN 'submitted' THEN 0 WHEN 'registered' THEN 1 "
	    "WHEN 'in-progress' THEN 2 WHEN 'returned' THEN 3 "
	    "WHEN 'resubmitted' THEN 4 WHEN 'answered' THEN 5 "
	    "WHEN 'closed' THEN 6 WHEN 'rejected' THEN 7 "
	    "WHEN 'duplicate' THEN 8 WHEN 'not-ours' THEN 9 END)) & 1) AND "
	    "(?3 = 0 OR r.person_id = ?3) AND "
	    "(?4 IS NULL OR r.assigned_to = ?4) "
	    "ORDER BY CASE WHEN ?5 THEN -r.id ELSE r.id END LIMIT ?6";
	struct request r;
	sqlite3_stmt *s;
	int rc, stop = 0;

	if ((s = store_prepare(st, sql)) == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, f->department);
	sqlite3_bind_int64(s, 2, f->statuses);
	sqlite3_bind_int64(s, 3, f->person_id);
	store_bind_text(s, 4, f->assigned_to);
	sqlite3_bind_int(s, 5, f->newest_first);
	sqlite3_bind_int(s, 6, f->limit > 0 ? f->limit : -1);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		request_from_row(s, &r);
		stop = fn(&r, arg);
	}
	rc = stop == 0 && rc != SQLITE_DONE ? store_fail(st, "list the requests") :
	    G_OK;
	store_release(st, s);
	return rc;
}

int
store_request_events(struct store *st, int64_t id,
    int (*fn)(const struct request_event *e, void *arg), void *arg)
{
	struct request_event e;
	sqlite3_stmt *s;
	char name[16];
	int rc, stop = 0;

	s = store_prepare(st, "SELECT from_status, to_status, text, by_actor, "
	    "station, at FROM request_event WHERE request_id = ? ORDER BY id");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, id);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_column_copy(s, 0, name, sizeof name);
		e.from = request_status_from_name(name) < 0 ? 0 :
		    request_status_from_name(name);
		store_column_copy(s, 1, name, sizeof name);
		e.to = request_status_from_name(name) < 0 ? 0 :
		    request_status_from_name(name);
		store_column_copy(s, 2, e.text, sizeof e.text);
		store_column_copy(s, 3, e.by, sizeof e.by);
		store_column_copy(s, 4, e.station, sizeof e.station);
		store_column_copy(s, 5, e.at, sizeof e.at);
		stop = fn(&e, arg);
	}
	rc = stop == 0 && rc != SQLITE_DONE ? store_fail(st,
	    "read the request's history") : G_OK;
	store_release(st, s);
	return rc;
}

int
store_request_assign(struct store *st, int64_t id, const char *username)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "UPDATE request SET assigned_to = ? WHERE id = ?");
	if (s != NULL) {
		store_bind_text(s, 1, username);
		sqlite3_bind_int64(s, 2, id);
	}
	return store_step_change(st, s, "assign the request", true);
}

int
store_request_values(struct store *st, int64_t id,
    int (*fn)(const char *name, const char *value, void *arg), void *arg)
{
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT name, value FROM request_field WHERE "
	    "request_id = ?");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, id);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = fn((const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 1), arg);
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "read the request");
	store_release(st, s);
	return stop;
}

/* Records protocol number (year, number) for request id. */
static int
registry_insert(struct store *st, int64_t id, int year, int64_t number,
    const char *by, const char *station)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO registry (year, number, "
	    "request_id, registered_at, registered_by, station) VALUES "
	    "(?, ?, ?, ?, ?, ?)");
	if (s != NULL) {
		sqlite3_bind_int(s, 1, year);
		sqlite3_bind_int64(s, 2, number);
		sqlite3_bind_int64(s, 3, id);
		store_bind_text(s, 4, now);
		store_bind_text(s, 5, by);
		store_bind_text(s, 6, station);
	}
	return store_step_insert(st, s, "register the request", NULL);
}

int
store_registry_register(struct store *st, int64_t id, int year,
    const char *by, const char *station, int64_t *number)
{
	sqlite3_stmt *s;
	int rc;

	s = store_prepare(st, "SELECT COALESCE(MAX(number), 0) + 1 FROM "
	    "registry WHERE year = ?");
	if (s != NULL)
		sqlite3_bind_int(s, 1, year);
	if ((rc = store_step_one(st, s, "number the request", store_fill_id,
	    number)) != G_OK)
		return rc;
	return registry_insert(st, id, year, *number, by, station);
}

int
store_registry_pending_add(struct store *st, int64_t id)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT OR IGNORE INTO "
	    "registry_pending (request_id, at) VALUES (?1, "
	    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_insert(st, s, "queue the request for a number",
	    NULL);
}

int
store_registry_pending_each(struct store *st,
    int (*fn)(int64_t id, const char *uid, void *arg), void *arg)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT p.request_id, r.uid FROM "
	    "registry_pending p JOIN request r ON r.id = p.request_id "
	    "ORDER BY p.request_id");
	int rc, stop = 0;

	if (s == NULL)
		return G_ERR_STORE;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = fn(sqlite3_column_int64(s, 0),
		    (const char *)sqlite3_column_text(s, 1), arg);
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "read the requests waiting for a number");
	store_release(st, s);
	return stop;
}

int
store_registry_pending_done(struct store *st, int64_t id, int year,
    int64_t number, const char *by, const char *station)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = registry_insert(st, id, year, number, by, station)) !=
	    G_OK)
		return rc;
	s = store_prepare(st, "DELETE FROM registry_pending WHERE "
	    "request_id = ?1");
	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_change(st, s, "take the request off the queue",
	    true);
}

int
store_registry_find(struct store *st, int year, int64_t number, int64_t *id)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT request_id FROM registry WHERE year = ? "
	    "AND number = ?");
	if (s != NULL) {
		sqlite3_bind_int(s, 1, year);
		sqlite3_bind_int64(s, 2, number);
	}
	return store_step_one(st, s, "find the request", store_fill_id, id);
}

int
store_request_set_status(struct store *st, int64_t id,
    enum request_status from, enum request_status to, const char *text,
    const char *reply, int64_t duplicate_of, const char *by,
    const char *station)
{
	sqlite3_stmt *s;
	char now[32];
	int rc;

	s = store_prepare(st, "UPDATE request SET status = ?, reply = "
	    "COALESCE(?, reply), duplicate_of = COALESCE(?, duplicate_of) "
	    "WHERE id = ? AND status = ?");
	if (s != NULL) {
		store_bind_text(s, 1, request_status_name(to));
		store_bind_text(s, 2, reply);
		if (duplicate_of != 0)
			sqlite3_bind_int64(s, 3, duplicate_of);
		else
			sqlite3_bind_null(s, 3);
		sqlite3_bind_int64(s, 4, id);
		store_bind_text(s, 5, request_status_name(from));
	}
	if ((rc = store_step_change(st, s, "change the request", true)) !=
	    G_OK)
		return rc;
	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO request_event (request_id, "
	    "from_status, to_status, text, by_actor, station, at) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?)");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, id);
		store_bind_text(s, 2, request_status_name(from));
		store_bind_text(s, 3, request_status_name(to));
		store_bind_text(s, 4, text != NULL ? text : "");
		store_bind_text(s, 5, by);
		store_bind_text(s, 6, station);
		store_bind_text(s, 7, now);
	}
	return store_step_insert(st, s, "record the request's change", NULL);
}

int
store_emergency_register(struct store *st, int64_t id, const char *station,
    int year, const char *cause, int64_t *number)
{
	int64_t outage = 0;
	sqlite3_stmt *s;
	char now[32];
	int rc;

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "SELECT id FROM registry_outage WHERE station = "
	    "? AND ended_at IS NULL");
	if (s != NULL)
		store_bind_text(s, 1, station);
	rc = store_step_one(st, s, "find the outage", store_fill_id, &outage);
	if (rc == G_ERR_NOTFOUND) {
		s = store_prepare(st, "INSERT INTO registry_outage (station, "
		    "cause, started_at) VALUES (?, ?, ?)");
		if (s != NULL) {
			store_bind_text(s, 1, station);
			store_bind_text(s, 2, cause);
			store_bind_text(s, 3, now);
		}
		rc = store_step_insert(st, s, "record the outage", &outage);
	}
	if (rc != G_OK)
		return rc;
	s = store_prepare(st, "SELECT COALESCE(MAX(number), 0) + 1 FROM "
	    "emergency_registry WHERE station = ? AND year = ?");
	if (s != NULL) {
		store_bind_text(s, 1, station);
		sqlite3_bind_int(s, 2, year);
	}
	if ((rc = store_step_one(st, s, "number the request", store_fill_id,
	    number)) != G_OK)
		return rc;
	s = store_prepare(st, "INSERT INTO emergency_registry (station, year, "
	    "number, request_id, at, outage_id) VALUES (?, ?, ?, ?, ?, ?)");
	if (s != NULL) {
		store_bind_text(s, 1, station);
		sqlite3_bind_int(s, 2, year);
		sqlite3_bind_int64(s, 3, *number);
		sqlite3_bind_int64(s, 4, id);
		store_bind_text(s, 5, now);
		sqlite3_bind_int64(s, 6, outage);
	}
	if ((rc = store_step_insert(st, s, "register in emergency", NULL)) !=
	    G_OK)
		return rc;
	s = store_prepare(st, "UPDATE registry_outage SET count = count + 1 "
	    "WHERE id = ?");
	if (s != NULL)
		sqlite3_bind_int64(s, 1, outage);
	return store_step_change(st, s, "count the outage", true);
}

int
store_emergency_find(struct store *st, const char *station, int year,
    int64_t number, int64_t *id)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT request_id FROM emergency_registry "
	    "WHERE station = ? AND year = ? AND number = ?");
	if (s != NULL) {
		store_bind_text(s, 1, station);
		sqlite3_bind_int(s, 2, year);
		sqlite3_bind_int64(s, 3, number);
	}
	return store_step_one(st, s, "find the request", store_fill_id, id);
}

int
store_emergency_pending(struct store *st, const char *station,
    int (*fn)(int64_t id, void *arg), void *arg)
{
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT e.request_id FROM emergency_registry e "
	    "WHERE e.station = ? AND NOT EXISTS (SELECT 1 FROM registry g "
	    "WHERE g.request_id = e.request_id) ORDER BY e.year, e.number");
	if (s == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, station);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = fn(sqlite3_column_int64(s, 0), arg);
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "list emergency registrations");
	store_release(st, s);
	return stop;
}

int
store_outage_close(struct store *st, const char *station)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE registry_outage SET ended_at = ? WHERE "
	    "station = ? AND ended_at IS NULL");
	if (s != NULL) {
		store_bind_text(s, 1, now);
		store_bind_text(s, 2, station);
	}
	return store_step_change(st, s, "end the outage", false);
}

int
store_registry_annul(struct store *st, int64_t id, const char *by,
    const char *reason)
{
	sqlite3_stmt *s;
	char now[32];
	int rc;

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE registry SET annulled_at = ?, "
	    "annulled_by = ?, annul_reason = ? WHERE request_id = ? AND "
	    "annulled_at IS NULL");
	if (s != NULL) {
		store_bind_text(s, 1, now);
		store_bind_text(s, 2, by);
		store_bind_text(s, 3, reason);
		sqlite3_bind_int64(s, 4, id);
	}
	rc = store_step_change(st, s, "annul the registration", true);
	return rc;
}

int
store_registry_day(struct store *st, const char *day, const char *station,
    int (*fn)(const char *line, void *arg), void *arg)
{
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT year || '|' || number || '|' || "
	    "request_id || '|' || registered_at || '|' || registered_by || "
	    "'|' || station FROM registry WHERE "
	    "substr(registered_at, 1, 10) = ? AND station = ? "
	    "ORDER BY year, number");
	if (s == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, day);
	store_bind_text(s, 2, station);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = fn((const char *)sqlite3_column_text(s, 0), arg);
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "read the day's registrations");
	store_release(st, s);
	return stop;
}

int
store_registry_seal(struct store *st, const char *day,
    const struct registry_seal *seal, const char *by)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO registry_seal (day, count, hash, "
	    "sealed_at, sealed_by, public, signature) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (s != NULL) {
		store_bind_text(s, 1, day);
		sqlite3_bind_int64(s, 2, seal->count);
		store_bind_text(s, 3, seal->hash);
		store_bind_text(s, 4, now);
		store_bind_text(s, 5, by);
		store_bind_text(s, 6, seal->public);
		store_bind_text(s, 7, seal->signature);
	}
	return store_step_insert(st, s, "seal the day", NULL);
}

/* Fills a struct registry_seal from a seal row. */
static void
seal_from_row(sqlite3_stmt *s, void *out)
{
	struct registry_seal *seal = out;

	seal->count = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, seal->hash, sizeof seal->hash);
	store_column_copy(s, 2, seal->public, sizeof seal->public);
	store_column_copy(s, 3, seal->signature, sizeof seal->signature);
}

int
store_registry_seal_get(struct store *st, const char *day,
    struct registry_seal *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT count, hash, public, signature FROM "
	    "registry_seal WHERE day = ?");
	if (s != NULL)
		store_bind_text(s, 1, day);
	return store_step_one(st, s, "read the seal", seal_from_row, out);
}
