#include "config.h"

#include "guichet/store-envelope.h"

#include <string.h>

#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

#define ENVELOPE_COLUMNS "e.id, e.serial, e.person_id, " \
	"COALESCE(e.credential_id, 0), e.state, COALESCE(e.replaces, 0), " \
	"e.reason, e.printer, e.job_id, e.print_error, e.created_by, " \
	"e.created_at, COALESCE(e.printed_at, ''), COALESCE(e.expires_at, ''), " \
	"COALESCE(e.handed_over_at, ''), COALESCE(e.handed_over_by, ''), " \
	"COALESCE(c.username, '')"
#define ENVELOPE_FROM "FROM envelope e LEFT JOIN credential c " \
	"ON c.id = e.credential_id"

/* Fills the struct envelope at out from a row of ENVELOPE_COLUMNS. */
static void
envelope_from_row(sqlite3_stmt *s, void *out)
{
	struct envelope *e = out;
	char state[16];
	int i;

	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, e->serial, sizeof e->serial);
	e->person_id = sqlite3_column_int64(s, 2);
	e->credential_id = sqlite3_column_int64(s, 3);
	store_column_copy(s, 4, state, sizeof state);
	e->state = (i = envelope_state_from_name(state)) < 0 ? 0 : i;
	e->replaces = sqlite3_column_int64(s, 5);
	store_column_copy(s, 6, e->reason, sizeof e->reason);
	store_column_copy(s, 7, e->printer, sizeof e->printer);
	e->job_id = sqlite3_column_int(s, 8);
	store_column_copy(s, 9, e->print_error, sizeof e->print_error);
	store_column_copy(s, 10, e->created_by, sizeof e->created_by);
	store_column_copy(s, 11, e->created_at, sizeof e->created_at);
	store_column_copy(s, 12, e->printed_at, sizeof e->printed_at);
	store_column_copy(s, 13, e->expires_at, sizeof e->expires_at);
	store_column_copy(s, 14, e->handed_over_at, sizeof e->handed_over_at);
	store_column_copy(s, 15, e->handed_over_by, sizeof e->handed_over_by);
	store_column_copy(s, 16, e->username, sizeof e->username);
}

/* Fills the number and the station code of a numbering row. */
static void
number_and_code(sqlite3_stmt *s, void *out)
{
	void **p = out;

	*(int64_t *)p[0] = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, p[1], 8);
}

int
store_envelope_insert(struct store *st, struct envelope *e, int year,
    const char *station)
{
	sqlite3_stmt *s;
	int64_t number = 0;
	char now[32], code[8];
	void *out[2] = { &number, code };
	int rc;

	/* This station's next number, and its code when it has a centre. */
	s = store_prepare(st, "SELECT COALESCE(MAX(number), 0) + 1, "
	    "(SELECT CASE WHEN enabled THEN upper(substr(i.uid, 1, 6)) "
	    "ELSE '' END FROM sync_state) FROM station_identity i "
	    "LEFT JOIN envelope e ON e.origin = i.uid AND e.year = ?");
	if (s != NULL)
		sqlite3_bind_int(s, 1, year);
	if ((rc = store_step_one(st, s, "number the envelope", number_and_code,
	    out)) != G_OK)
		return rc;
	envelope_serial(year, code, number, e->serial);
	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO envelope (serial, year, number, "
	    "person_id, replaces, reason, created_by, station, created_at, "
	    "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "(SELECT uid FROM station_identity))");
	if (s != NULL) {
		store_bind_text(s, 1, e->serial);
		sqlite3_bind_int(s, 2, year);
		sqlite3_bind_int64(s, 3, number);
		sqlite3_bind_int64(s, 4, e->person_id);
		if (e->replaces != 0)
			sqlite3_bind_int64(s, 5, e->replaces);
		else
			sqlite3_bind_null(s, 5);
		store_bind_text(s, 6, e->reason);
		store_bind_text(s, 7, e->created_by);
		store_bind_text(s, 8, station);
		store_bind_text(s, 9, now);
	}
	e->state = ENVELOPE_PENDING;
	return store_step_insert(st, s, "record the envelope", &e->id);
}

int
store_envelope_get(struct store *st, int64_t id, const char *serial,
    struct envelope *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, serial != NULL ?
	    "SELECT " ENVELOPE_COLUMNS " " ENVELOPE_FROM " WHERE e.serial = ?" :
	    "SELECT " ENVELOPE_COLUMNS " " ENVELOPE_FROM " WHERE e.id = ?");
	if (s != NULL) {
		if (serial != NULL)
			store_bind_text(s, 1, serial);
		else
			sqlite3_bind_int64(s, 1, id);
	}
	return store_step_one(st, s, "read the envelope", envelope_from_row,
	    out);
}

int
store_envelope_each(struct store *st, int64_t person_id, int state,
    int (*fn)(const struct envelope *e, void *arg), void *arg)
{
	struct envelope e;
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT " ENVELOPE_COLUMNS " " ENVELOPE_FROM
	    " WHERE (?1 = 0 OR e.person_id = ?1) AND (?2 = '' OR e.state = ?2)"
	    " ORDER BY e.id");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, person_id);
	store_bind_text(s, 2, state < 0 ? "" :
	    envelope_state_name((enum envelope_state)state));
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		envelope_from_row(s, &e);
		stop = fn(&e, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "list envelopes");
	store_release(st, s);
	return stop;
}

int
store_envelope_printed(struct store *st, int64_t id, int64_t credential_id,
    const char *printer, int job_id, const char *expires_at)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE envelope SET state = 'printed', "
	    "credential_id = ?, printer = ?, job_id = ?, print_error = '', "
	    "printed_at = ?, expires_at = ? WHERE id = ?");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, credential_id);
		store_bind_text(s, 2, printer);
		sqlite3_bind_int(s, 3, job_id);
		store_bind_text(s, 4, now);
		store_bind_text(s, 5, expires_at);
		sqlite3_bind_int64(s, 6, id);
	}
	return store_step_change(st, s, "record the print", true);
}

int
store_envelope_print_failed(struct store *st, int64_t id,
    const char *printer, int job_id, const char *error)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "UPDATE envelope SET state = 'print-failed', "
	    "printer = ?, job_id = ?, print_error = ? WHERE id = ?");
	if (s != NULL) {
		store_bind_text(s, 1, printer);
		sqlite3_bind_int(s, 2, job_id);
		store_bind_text(s, 3, error);
		sqlite3_bind_int64(s, 4, id);
	}
	return store_step_change(st, s, "record the failed print", true);
}

int
store_envelope_set_state(struct store *st, int64_t id,
    enum envelope_state state, const char *reason)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "UPDATE envelope SET state = ?, reason = "
	    "CASE WHEN ? = '' THEN reason ELSE ? END WHERE id = ?");
	if (s != NULL) {
		store_bind_text(s, 1, envelope_state_name(state));
		store_bind_text(s, 2, reason);
		store_bind_text(s, 3, reason);
		sqlite3_bind_int64(s, 4, id);
	}
	return store_step_change(st, s, "change the envelope", true);
}

int
store_envelope_handed_over(struct store *st, int64_t id, const char *by,
    const char *document)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE envelope SET state = 'handed-over', "
	    "handed_over_at = ?, handed_over_by = ?, document = ? WHERE id = ?");
	if (s != NULL) {
		store_bind_text(s, 1, now);
		store_bind_text(s, 2, by);
		store_bind_text(s, 3, document);
		sqlite3_bind_int64(s, 4, id);
	}
	return store_step_change(st, s, "record the hand-over", true);
}

int
store_envelope_expire(struct store *st, const char *now, int64_t *count)
{
	sqlite3_stmt *s;
	int rc;

	*count = 0;
	s = store_prepare(st, "UPDATE credential SET state = 'revoked', "
	    "revoked_at = ?1, revoke_reason = 'envelope expired' WHERE id IN "
	    "(SELECT credential_id FROM envelope WHERE state = 'printed' AND "
	    "expires_at < ?1)");
	if (s != NULL)
		store_bind_text(s, 1, now);
	if ((rc = store_step_change(st, s, "expire credentials", false)) !=
	    G_OK)
		return rc;
	s = store_prepare(st, "UPDATE envelope SET state = 'expired' WHERE "
	    "state = 'printed' AND expires_at < ?");
	if (s != NULL)
		store_bind_text(s, 1, now);
	if ((rc = store_step_change(st, s, "expire envelopes", false)) == G_OK)
		*count = sqlite3_changes(st->db);
	return rc;
}

#define CREDENTIAL_COLUMNS "id, person_id, username, password_hash, state, " \
	"must_change, failed_logins, locked, retry_after"

/* Fills the struct credential at out from a row of CREDENTIAL_COLUMNS. */
static void
credential_from_row(sqlite3_stmt *s, void *out)
{
	struct credential *c = out;
	char state[16];
	int i;

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	c->person_id = sqlite3_column_int64(s, 1);
	store_column_copy(s, 2, c->username, sizeof c->username);
	store_column_copy(s, 3, c->password_hash, sizeof c->password_hash);
	store_column_copy(s, 4, state, sizeof state);
	c->state = (i = credential_state_from_name(state)) < 0 ?
	    CREDENTIAL_REVOKED : i;
	c->must_change = sqlite3_column_int(s, 5) != 0;
	c->failed_logins = sqlite3_column_int(s, 6);
	c->locked = sqlite3_column_int(s, 7) != 0;
	c->retry_after = sqlite3_column_int64(s, 8);
}

int
store_credential_insert(struct store *st, struct credential *c)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO credential (person_id, username, "
	    "password_hash, state, must_change, created_at) VALUES (?, ?, ?, "
	    "?, 1, ?)");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, c->person_id);
		store_bind_text(s, 2, c->username);
		store_bind_text(s, 3, c->password_hash);
		store_bind_text(s, 4, credential_state_name(c->state));
		store_bind_text(s, 5, now);
	}
	return store_step_insert(st, s, "record the credential", &c->id);
}

int
store_credential_by_username(struct store *st, const char *username,
    struct credential *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT " CREDENTIAL_COLUMNS " FROM credential "
	    "WHERE username = ? AND state != 'revoked' ORDER BY state = "
	    "'active' DESC, id DESC LIMIT 1");
	if (s != NULL)
		store_bind_text(s, 1, username);
	return store_step_one(st, s, "read the credential",
	    credential_from_row, out);
}

int
store_credential_get(struct store *st, int64_t id, struct credential *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT " CREDENTIAL_COLUMNS " FROM credential "
	    "WHERE id = ?");
	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read the credential",
	    credential_from_row, out);
}

int
store_credential_set_state(struct store *st, int64_t id,
    enum credential_state state, const char *reason)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE credential SET state = ?1, "
	    "activated_at = CASE WHEN ?1 = 'active' THEN ?2 ELSE activated_at "
	    "END, revoked_at = CASE WHEN ?1 = 'revoked' THEN ?2 ELSE "
	    "revoked_at END, revoke_reason = CASE WHEN ?1 = 'revoked' THEN ?3 "
	    "ELSE revoke_reason END WHERE id = ?4");
	if (s != NULL) {
		store_bind_text(s, 1, credential_state_name(state));
		store_bind_text(s, 2, now);
		store_bind_text(s, 3, reason);
		sqlite3_bind_int64(s, 4, id);
	}
	return store_step_change(st, s, "change the credential", true);
}

int
store_credential_revoke_others(struct store *st, int64_t person_id,
    int64_t except_id, const char *reason)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE credential SET state = 'revoked', "
	    "revoked_at = ?, revoke_reason = ? WHERE person_id = ? AND id != ? "
	    "AND state != 'revoked'");
	if (s != NULL) {
		store_bind_text(s, 1, now);
		store_bind_text(s, 2, reason);
		sqlite3_bind_int64(s, 3, person_id);
		sqlite3_bind_int64(s, 4, except_id);
	}
	return store_step_change(st, s, "revoke credentials", false);
}

int
store_credential_set_password(struct store *st, int64_t id,
    const char *hash, bool must_change)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "UPDATE credential SET password_hash = ?, "
	    "must_change = ?, failed_logins = 0, locked = 0, retry_after = 0 "
	    "WHERE id = ?");
	if (s != NULL) {
		store_bind_text(s, 1, hash);
		sqlite3_bind_int(s, 2, must_change);
		sqlite3_bind_int64(s, 3, id);
	}
	return store_step_change(st, s, "change the password", true);
}

int
store_credential_set_attempts(struct store *st, int64_t id, int failed,
    bool locked, int64_t retry_after)
{
	return store_set_attempts(st, "credential", id, failed, locked, retry_after);
}
