#include "config.h"

#include "guichet/store-person.h"

#include <stdio.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

static const char *const contact_names[] = { "phone", "email", "post" };
static const char *const level_names[] = {
	"none", "standard", "validated", "suspended", "closed"
};

/* Binds s to NULL when empty, so UNIQUE ignores absent identifiers. */
static void
bind_optional(sqlite3_stmt *s, int idx, const char *text)
{
	store_bind_text(s, idx, text[0] != '\0' ? text : NULL);
}

int
store_person_insert(struct store *st, const struct person *p, int64_t *id)
{
	const struct address *a = &p->address;
	char now[32], birth[16];
	sqlite3_stmt *s;
	int rc, i = 1;

	s = store_prepare(st, "INSERT INTO person (country, cnp, afm, amka, "
	    "surname, given_names, former_names, birth_date, town, district, "
	    "street, number, block, staircase, floor, apartment, postal_code, "
	    "phone, email, contact, level, created_at) VALUES (?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (s == NULL)
		return G_ERR_STORE;
	clock_now_iso(now, sizeof now);
	store_bind_text(s, i++, p->country);
	bind_optional(s, i++, p->cnp);
	bind_optional(s, i++, p->afm);
	bind_optional(s, i++, p->amka);
	store_bind_text(s, i++, p->surname);
	store_bind_text(s, i++, p->given_names);
	store_bind_text(s, i++, p->former_names);
	if (p->birth_date.year != 0) {
		date_format_iso(p->birth_date, birth, sizeof birth);
		store_bind_text(s, i++, birth);
	} else
		sqlite3_bind_null(s, i++);
	store_bind_text(s, i++, a->town);
	store_bind_text(s, i++, a->district);
	store_bind_text(s, i++, a->street);
	store_bind_text(s, i++, a->number);
	store_bind_text(s, i++, a->block);
	store_bind_text(s, i++, a->staircase);
	store_bind_text(s, i++, a->floor);
	store_bind_text(s, i++, a->apartment);
	store_bind_text(s, i++, a->postal_code);
	store_bind_text(s, i++, p->phone);
	store_bind_text(s, i++, p->email);
	store_bind_text(s, i++, contact_names[p->contact]);
	store_bind_text(s, i++, level_names[p->level]);
	store_bind_text(s, i++, now);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		*id = sqlite3_last_insert_rowid(st->db);
		rc = G_OK;
	} else if (rc == SQLITE_CONSTRAINT) {
		store_fail(st, "add person");
		rc = G_ERR_EXISTS;
	} else
		rc = store_fail(st, "add person");
	sqlite3_finalize(s);
	return rc;
}

int
store_person_count(struct store *st, int64_t *count)
{
	sqlite3_stmt *s;
	int rc;

	*count = 0;
	if ((s = store_prepare(st, "SELECT COUNT(*) FROM person")) == NULL)
		return G_ERR_STORE;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? G_OK : store_fail(st, "count people");
}
