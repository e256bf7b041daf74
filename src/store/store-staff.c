#include "config.h"

#include "guichet/store-staff.h"

#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

#define STAFF_COLUMNS "id, username, role, password_hash, disabled, " \
	"locked, failed_logins, retry_after, created_at"

/* Fills the struct staff at arg from a row selected with STAFF_COLUMNS. */
static void
staff_from_row(sqlite3_stmt *s, void *arg)
{
	struct staff *out = arg;
	char role[16];
	int r;

	out->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, out->username, sizeof out->username);
	store_column_copy(s, 2, role, sizeof role);
	r = role_from_name(role);
	out->role = r < 0 ? ROLE_CLERK : (enum role)r;
	store_column_copy(s, 3, out->password_hash, sizeof out->password_hash);
	out->disabled = sqlite3_column_int(s, 4) != 0;
	out->locked = sqlite3_column_int(s, 5) != 0;
	out->failed_logins = sqlite3_column_int(s, 6);
	out->retry_after = sqlite3_column_int64(s, 7);
	store_column_copy(s, 8, out->created_at, sizeof out->created_at);
}

int
store_staff_insert(struct store *st, const struct staff *staff)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO staff (username, role, "
	    "password_hash, disabled, created_at, password_changed_at) "
	    "VALUES (?, ?, ?, ?, ?, ?)");
	if (s != NULL) {
		store_bind_text(s, 1, staff->username);
		store_bind_text(s, 2, role_name(staff->role));
		store_bind_text(s, 3, staff->password_hash);
		sqlite3_bind_int(s, 4, staff->disabled);
		store_bind_text(s, 5, now);
		store_bind_text(s, 6, now);
	}
	return store_step_insert(st, s, "add staff account", NULL);
}

int
store_staff_get(struct store *st, const char *username, struct staff *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT " STAFF_COLUMNS " FROM staff "
	    "WHERE username = ?");
	if (s != NULL)
		store_bind_text(s, 1, username);
	return store_step_one(st, s, "read staff account", staff_from_row,
	    out);
}

int
store_staff_each(struct store *st,
    int (*fn)(const struct staff *staff, void *arg), void *arg)
{
	struct staff staff;
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT " STAFF_COLUMNS " FROM staff "
	    "ORDER BY username");
	if (s == NULL)
		return G_ERR_STORE;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		staff_from_row(s, &staff);
		stop = fn(&staff, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "list staff accounts");
	store_release(st, s);
	return stop;
}

int
store_staff_set_password(struct store *st, int64_t id, const char *hash)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE staff SET password_hash = ?, "
	    "password_changed_at = ?, failed_logins = 0, locked = 0, "
	    "retry_after = 0 WHERE id = ?");
	if (s != NULL) {
		store_bind_text(s, 1, hash);
		store_bind_text(s, 2, now);
		sqlite3_bind_int64(s, 3, id);
	}
	return store_step_change(st, s, "change password", true);
}

int
store_staff_set_disabled(struct store *st, int64_t id, bool disabled)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "UPDATE staff SET disabled = ? WHERE id = ?");
	if (s != NULL) {
		sqlite3_bind_int(s, 1, disabled);
		sqlite3_bind_int64(s, 2, id);
	}
	return store_step_change(st, s, "disable staff account", true);
}

int
store_staff_set_attempts(struct store *st, int64_t id, int failed,
    bool locked, int64_t retry_after)
{
	return store_set_attempts(st, "staff", id, failed, locked, retry_after);
}
