#include "config.h"

#include "guichet/store-registration.h"

#include <string.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

int
store_registration_insert(struct store *st, struct registration *r)
{
	sqlite3_stmt *s;
	char deadline[16];

	date_format_iso(r->deadline, deadline, sizeof deadline);
	s = store_prepare(st, "INSERT INTO registration_request (person_id, "
	    "source, received_at, deadline, note) VALUES (?, ?, ?, ?, ?)");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, r->person_id);
	store_bind_text(s, 2, registration_source_name(r->source));
	store_bind_text(s, 3, r->received_at);
	store_bind_text(s, 4, deadline);
	store_bind_text(s, 5, r->note);
	return store_step_insert(st, s, "record the registration request",
	    &r->id);
}

int
store_registration_pending(struct store *st, int limit,
    int (*fn)(const struct registration *r, void *arg), void *arg)
{
	struct registration r;
	sqlite3_stmt *s;
	char text[32];
	int rc, stop = 0, i;

	s = store_prepare(st, "SELECT r.id, r.person_id, p.surname || ' ' || "
	    "p.given_names, COALESCE(p.cnp, p.afm, ''), r.source, "
	    "r.received_at, r.deadline, r.note FROM registration_request r "
	    "JOIN person p ON p.id = r.person_id WHERE r.status = 'pending' "
	    "ORDER BY r.deadline, r.received_at LIMIT ?");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int(s, 1, limit);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.person_id = sqlite3_column_int64(s, 1);
		store_column_copy(s, 2, r.person_name, sizeof r.person_name);
		store_column_copy(s, 3, r.person_national_id,
		    sizeof r.person_national_id);
		store_column_copy(s, 4, text, sizeof text);
		r.source = (i = registration_source_from_name(text)) < 0 ?
		    REG_COUNTER : i;
		store_column_copy(s, 5, r.received_at, sizeof r.received_at);
		store_column_copy(s, 6, text, sizeof text);
		date_parse_iso(text, &r.deadline);
		store_column_copy(s, 7, r.note, sizeof r.note);
		r.status = REG_PENDING;
		stop = fn(&r, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "read registration requests");
	store_release(st, s);
	return stop;
}

int
store_registration_close(struct store *st, int64_t person_id,
    enum registration_status status, const char *by, const char *note)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE registration_request SET status = ?, "
	    "handled_by = ?, handled_at = ?, note = CASE WHEN ? = '' THEN note "
	    "ELSE ? END WHERE person_id = ? AND status = 'pending'");
	if (s == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, registration_status_name(status));
	store_bind_text(s, 2, by);
	store_bind_text(s, 3, now);
	store_bind_text(s, 4, note);
	store_bind_text(s, 5, note);
	sqlite3_bind_int64(s, 6, person_id);
	return store_step_change(st, s, "close the registration request",
	    false);
}
