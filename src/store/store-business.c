#include "config.h"

#include "guichet/store-business.h"

#include <stdio.h>
#include <string.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

#define BUSINESS_COLUMNS "id, country, COALESCE(cui, ''), " \
	"COALESCE(afm, ''), name, town, street, number, postal_code, email"

/* Fills the struct business at out from a row selected with
 * BUSINESS_COLUMNS. */
static void
business_from_row(sqlite3_stmt *s, void *out)
{
	struct business *b = out;
	memset(b, 0, sizeof *b);
	b->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, b->country, sizeof b->country);
	store_column_copy(s, 2, b->cui, sizeof b->cui);
	store_column_copy(s, 3, b->afm, sizeof b->afm);
	store_column_copy(s, 4, b->name, sizeof b->name);
	store_column_copy(s, 5, b->town, sizeof b->town);
	store_column_copy(s, 6, b->street, sizeof b->street);
	store_column_copy(s, 7, b->number, sizeof b->number);
	store_column_copy(s, 8, b->postal_code, sizeof b->postal_code);
	store_column_copy(s, 9, b->email, sizeof b->email);
}

int
store_business_insert(struct store *st, struct business *b,
    const char *folded_name, const char *by)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO business (country, cui, afm, name, "
	    "search_key, town, street, number, postal_code, email, "
	    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?)");
	if (s == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, b->country);
	store_bind_text(s, 2, b->cui[0] != '\0' ? b->cui : NULL);
	store_bind_text(s, 3, b->afm[0] != '\0' ? b->afm : NULL);
	store_bind_text(s, 4, b->name);
	store_bind_text(s, 5, folded_name);
	store_bind_text(s, 6, b->town);
	store_bind_text(s, 7, b->street);
	store_bind_text(s, 8, b->number);
	store_bind_text(s, 9, b->postal_code);
	store_bind_text(s, 10, b->email);
	store_bind_text(s, 11, by);
	store_bind_text(s, 12, now);
	return store_step_insert(st, s, "add business", &b->id);
}

int
store_business_get(struct store *st, int64_t id, struct business *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT " BUSINESS_COLUMNS " FROM business "
	    "WHERE id = ?");
	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read business", business_from_row, out);
}

int
store_business_find(struct store *st, const char *column, const char *value,
    int64_t *id)
{
	sqlite3_stmt *s;

	s = store_prepare(st, strcmp(column, "afm") == 0 ?
	    "SELECT id FROM business WHERE afm = ?" :
	    "SELECT id FROM business WHERE cui = ?");
	if (s != NULL)
		store_bind_text(s, 1, value);
	return store_step_one(st, s, "find business", store_fill_id, id);
}

int
store_business_search(struct store *st, const char *prefix, int limit,
    int (*fn)(const struct business *b, void *arg), void *arg)
{
	struct business b;
	sqlite3_stmt *s;
	char upper[512];
	int rc, stop = 0;

	snprintf(upper, sizeof upper, "%s\xf4\x8f\xbf\xbf", prefix);
	s = store_prepare(st, "SELECT " BUSINESS_COLUMNS " FROM business "
	    "WHERE (search_key >= ?1 AND search_key < ?2) OR cui >= ?1 AND "
	    "cui < ?2 OR afm >= ?1 AND afm < ?2 ORDER BY search_key LIMIT ?3");
	if (s == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, prefix);
	store_bind_text(s, 2, upper);
	sqlite3_bind_int(s, 3, limit);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		business_from_row(s, &b);
		stop = fn(&b, arg);
	}
	rc = stop == 0 && rc != SQLITE_DONE ?
	    store_fail(st, "search businesses") : G_OK;
	store_release(st, s);
	return rc;
}

int
store_representative_insert(struct store *st, struct representative *r,
    const char *station)
{
	char now[32], decl[16];
	sqlite3_stmt *s;

	clock_now_iso(now, sizeof now);
	date_format_iso(r->declaration_date, decl, sizeof decl);
	s = store_prepare(st, "INSERT INTO representative (business_id, "
	    "person_id, declaration_date, document_ref, recorded_by, station, "
	    "at) VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, r->business_id);
	sqlite3_bind_int64(s, 2, r->person_id);
	store_bind_text(s, 3, decl);
	store_bind_text(s, 4, r->document_ref);
	store_bind_text(s, 5, r->recorded_by);
	store_bind_text(s, 6, station);
	store_bind_text(s, 7, now);
	return store_step_insert(st, s, "record the representative", &r->id);
}

int
store_representative_end(struct store *st, int64_t id, const char *by)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE representative SET ended_at = ?, "
	    "ended_by = ? WHERE id = ? AND ended_at IS NULL");
	if (s != NULL) {
		store_bind_text(s, 1, now);
		store_bind_text(s, 2, by);
		sqlite3_bind_int64(s, 3, id);
	}
	return store_step_change(st, s, "end the representation", true);
}

int
store_representative_each(struct store *st, int64_t business_id,
    int64_t person_id,
    int (*fn)(const struct representative *r, void *arg), void *arg)
{
	struct representative r;
	sqlite3_stmt *s;
	char decl[16];
	int rc, stop = 0;

	s = store_prepare(st, "SELECT r.id, r.business_id, r.person_id, "
	    "p.surname || ' ' || p.given_names, b.name, r.declaration_date, "
	    "r.document_ref, r.recorded_by, r.at FROM representative r "
	    "JOIN person p ON p.id = r.person_id JOIN business b ON "
	    "b.id = r.business_id WHERE r.ended_at IS NULL AND "
	    "(r.business_id = ?1 OR r.person_id = ?2) ORDER BY r.id");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, business_id);
	sqlite3_bind_int64(s, 2, person_id);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.business_id = sqlite3_column_int64(s, 1);
		r.person_id = sqlite3_column_int64(s, 2);
		store_column_copy(s, 3, r.person_name, sizeof r.person_name);
		store_column_copy(s, 4, r.business_name,
		    sizeof r.business_name);
		store_column_copy(s, 5, decl, sizeof decl);
		date_parse_iso(decl, &r.declaration_date);
		store_column_copy(s, 6, r.document_ref, sizeof r.document_ref);
		store_column_copy(s, 7, r.recorded_by, sizeof r.recorded_by);
		store_column_copy(s, 8, r.at, sizeof r.at);
		stop = fn(&r, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "read representatives");
	store_release(st, s);
	return stop;
}
