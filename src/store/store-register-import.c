/*
 * The feed's side of the register in the store: upserts keyed by the tax
 * office's ids that write only what differs, so that a file imported
 * again changes no row, and the record of each import.  Reading and
 * payments are in store-register.c.
 */
#include "config.h"

#include "guichet/store-register.h"

#include <string.h>

#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

/* Steps the upsert s (binds done, ending in "RETURNING id") and finalizes
 * it: a row back means it wrote one, and then carries its id; none means
 * the stored row was already the same, and select (one text parameter,
 * bound to key) reads its id. */
static int
upsert_step(struct store *st, sqlite3_stmt *s, const char *select,
    const char *key, const char *doing, int64_t *id, bool *changed)
{
	int rc;

	if (s == NULL)
		return G_ERR_STORE;
	*changed = false;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*changed = true;
	}
	if (rc == SQLITE_CONSTRAINT) {
		store_fail(st, doing);
		rc = G_ERR_EXISTS;
	} else
		rc = rc == SQLITE_DONE ? G_OK : store_fail(st, doing);
	store_release(st, s);
	if (rc != G_OK || *changed)
		return rc;
	if ((s = store_prepare(st, select)) != NULL)
		store_bind_text(s, 1, key);
	return store_step_one(st, s, doing, store_fill_id, id);
}

int
store_taxpayer_upsert(struct store *st, struct taxpayer *t, bool *changed)
{
	/* The person and the business of the same id, as they are now: a
	 * citizen registered since the last import gets linked by the next
	 * one. */
	static const char sql[] = "INSERT INTO taxpayer (national_id, name, "
	    "address, person_id, business_id) VALUES (?1, ?2, ?3, "
	    "(SELECT id FROM person WHERE cnp = ?1 UNION ALL "
	    "SELECT id FROM person WHERE afm = ?1 LIMIT 1), "
	    "(SELECT id FROM business WHERE cui = ?1 UNION ALL "
	    "SELECT id FROM business WHERE afm = ?1 LIMIT 1)) "
	    "ON CONFLICT (national_id) DO UPDATE SET name = excluded.name, "
	    "address = excluded.address, person_id = excluded.person_id, "
	    "business_id = excluded.business_id WHERE "
	    "name IS NOT excluded.name OR address IS NOT excluded.address OR "
	    "person_id IS NOT excluded.person_id OR "
	    "business_id IS NOT excluded.business_id RETURNING id";
	sqlite3_stmt *s = store_prepare(st, sql);

	if (s != NULL) {
		store_bind_text(s, 1, t->national_id);
		store_bind_text(s, 2, t->name);
		store_bind_text(s, 3, t->address);
	}
	return upsert_step(st, s, "SELECT id FROM taxpayer WHERE "
	    "national_id = ?", t->national_id, "store the taxpayer", &t->id,
	    changed);
}

int
store_unit_upsert(struct store *st, struct taxable_unit *u, bool *changed)
{
	static const char sql[] = "INSERT INTO taxable_unit (code, kind, "
	    "description, address) VALUES (?, ?, ?, ?) "
	    "ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, "
	    "description = excluded.description, address = excluded.address "
	    "WHERE kind IS NOT excluded.kind OR "
	    "description IS NOT excluded.description OR "
	    "address IS NOT excluded.address RETURNING id";
	sqlite3_stmt *s = store_prepare(st, sql);

	if (s != NULL) {
		store_bind_text(s, 1, u->code);
		store_bind_text(s, 2, unit_kind_name(u->kind));
		store_bind_text(s, 3, u->description);
		store_bind_text(s, 4, u->address);
	}
	return upsert_step(st, s, "SELECT id FROM taxable_unit WHERE "
	    "code = ?", u->code, "store the unit", &u->id, changed);
}

int
store_unit_owner_set(struct store *st, int64_t unit_id, int64_t taxpayer_id,
    int num, int den, bool *changed)
{
	sqlite3_stmt *s;
	int rc;

	s = store_prepare(st, "INSERT INTO unit_owner (unit_id, taxpayer_id, "
	    "share_num, share_den) VALUES (?, ?, ?, ?) "
	    "ON CONFLICT (unit_id, taxpayer_id) DO UPDATE SET "
	    "share_num = excluded.share_num, share_den = excluded.share_den "
	    "WHERE share_num IS NOT excluded.share_num OR "
	    "share_den IS NOT excluded.share_den");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, unit_id);
		sqlite3_bind_int64(s, 2, taxpayer_id);
		sqlite3_bind_int(s, 3, num);
		sqlite3_bind_int(s, 4, den);
	}
	rc = store_step_change(st, s, "store the unit's owner", false);
	*changed = rc == G_OK && store_changes(st) > 0;
	return rc;
}

/* Binds v to parameter idx, or NULL when v is 0 (no such row). */
static void
bind_id_or_null(sqlite3_stmt *s, int idx, int64_t v)
{
	if (v != 0)
		sqlite3_bind_int64(s, idx, v);
	else
		sqlite3_bind_null(s, idx);
}

int
store_obligation_upsert(struct store *st, struct obligation_row *o,
    bool *changed)
{
	static const char sql[] = "INSERT INTO obligation (ref, taxpayer_id, "
	    "unit_id, tax_type, name, tax_year, principal, notice, "
	    "notice_date, due_date, iban, rf, discountable) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	    "ON CONFLICT (ref) DO UPDATE SET "
	    "taxpayer_id = excluded.taxpayer_id, unit_id = excluded.unit_id, "
	    "tax_type = excluded.tax_type, name = excluded.name, "
	    "tax_year = excluded.tax_year, principal = excluded.principal, "
	    "notice = excluded.notice, notice_date = excluded.notice_date, "
	    "due_date = excluded.due_date, iban = excluded.iban, "
	    "rf = excluded.rf, discountable = excluded.discountable WHERE "
	    "taxpayer_id IS NOT excluded.taxpayer_id OR "
	    "unit_id IS NOT excluded.unit_id OR "
	    "tax_type IS NOT excluded.tax_type OR "
	    "name IS NOT excluded.name OR "
	    "tax_year IS NOT excluded.tax_year OR "
	    "principal IS NOT excluded.principal OR "
	    "notice IS NOT excluded.notice OR "
	    "notice_date IS NOT excluded.notice_date OR "
	    "due_date IS NOT excluded.due_date OR "
	    "iban IS NOT excluded.iban OR "
	    "rf IS NOT excluded.rf OR "
	    "discountable IS NOT excluded.discountable RETURNING id";
	sqlite3_stmt *s = store_prepare(st, sql);

	if (s != NULL) {
		store_bind_text(s, 1, o->ref);
		sqlite3_bind_int64(s, 2, o->taxpayer_id);
		bind_id_or_null(s, 3, o->unit_id);
		store_bind_text(s, 4, o->tax_type);
		store_bind_text(s, 5, o->name);
		sqlite3_bind_int(s, 6, o->tax_year);
		sqlite3_bind_int64(s, 7, o->principal);
		store_bind_text(s, 8, o->notice);
		store_bind_text(s, 9, o->notice_date);
		store_bind_text(s, 10, o->due_date);
		store_bind_text(s, 11, o->iban);
		store_bind_text(s, 12, o->rf);
		sqlite3_bind_int(s, 13, o->discountable ? 1 : 0);
	}
	return upsert_step(st, s, "SELECT id FROM obligation WHERE ref = ?",
	    o->ref, "store the obligation", &o->id, changed);
}

int
store_obligation_find(struct store *st, const char *ref, int64_t *id)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT id FROM obligation WHERE ref = ?");
	if (s != NULL)
		store_bind_text(s, 1, ref);
	return store_step_one(st, s, "find the obligation", store_fill_id, id);
}

/* Fills a struct taxable_unit from the columns store_unit_find reads. */
static void
unit_from_row(sqlite3_stmt *s, void *out)
{
	struct taxable_unit *u = out;
	int kind;

	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, u->code, sizeof u->code);
	kind = unit_kind_from_name((const char *)sqlite3_column_text(s, 2));
	u->kind = kind < 0 ? UNIT_OTHER : (enum unit_kind)kind;
	store_column_copy(s, 3, u->description, sizeof u->description);
	store_column_copy(s, 4, u->address, sizeof u->address);
}

int
store_unit_find(struct store *st, const char *code, struct taxable_unit *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT id, code, kind, description, address "
	    "FROM taxable_unit WHERE code = ?");
	if (s != NULL)
		store_bind_text(s, 1, code);
	return store_step_one(st, s, "find the unit", unit_from_row, out);
}

int
store_register_import_begin(struct store *st, const char *file,
    const char *sha256, const char *by, int64_t *id)
{
	char now[32];
	sqlite3_stmt *s;

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO register_import (file, sha256, "
	    "started_at, imported_by) VALUES (?, ?, ?, ?)");
	if (s != NULL) {
		store_bind_text(s, 1, file);
		store_bind_text(s, 2, sha256);
		store_bind_text(s, 3, now);
		store_bind_text(s, 4, by);
	}
	return store_step_insert(st, s, "record the import", id);
}

int
store_register_import_finish(struct store *st, int64_t id,
    int64_t rows_read, int64_t rows_bad)
{
	char now[32];
	sqlite3_stmt *s;

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE register_import SET finished_at = ?, "
	    "rows_read = ?, rows_bad = ? WHERE id = ?");
	if (s != NULL) {
		store_bind_text(s, 1, now);
		sqlite3_bind_int64(s, 2, rows_read);
		sqlite3_bind_int64(s, 3, rows_bad);
		sqlite3_bind_int64(s, 4, id);
	}
	return store_step_change(st, s, "record the end of the import", true);
}

/* A buffer for fill_text. */
struct text_out {
	char *buf;
	size_t len;
};

/* A fill for store_step_one: copies column 0 into a struct text_out. */
static void
fill_text(sqlite3_stmt *s, void *out)
{
	struct text_out *t = out;

	store_column_copy(s, 0, t->buf, t->len);
}

int
store_register_refreshed(struct store *st, char *when, size_t len)
{
	struct text_out out = { when, len };
	sqlite3_stmt *s;

	if (len > 0)
		when[0] = '\0';
	/* MAX over no row is one NULL row: copied as "". */
	s = store_prepare(st, "SELECT MAX(finished_at) FROM register_import");
	return store_step_one(st, s, "read when the register was refreshed",
	    fill_text, &out);
}
