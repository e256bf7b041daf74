#include "config.h"

#include "guichet/store-validation.h"

#include <string.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

#define VALIDATION_COLUMNS "id, person_id, method, doc_type, doc_series, " \
	"doc_number, doc_issuer, doc_expiry, address_proof, evidence, " \
	"validated_by, station, at, COALESCE(revoked_at, ''), " \
	"COALESCE(revoked_by, ''), COALESCE(revoke_reason, '')"

/* Fills the struct validation at out from a row selected with
 * VALIDATION_COLUMNS. */
static void
validation_from_row(sqlite3_stmt *s, void *out)
{
	struct validation *v = out;
	char name[32];
	int i;

	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(s, 0);
	v->person_id = sqlite3_column_int64(s, 1);
	store_column_copy(s, 2, name, sizeof name);
	v->method = (i = validation_method_from_name(name)) < 0 ? 0 : i;
	store_column_copy(s, 3, name, sizeof name);
	v->doc.type = (i = iddoc_type_from_name(name)) < 0 ? 0 : i;
	store_column_copy(s, 4, v->doc.series, sizeof v->doc.series);
	store_column_copy(s, 5, v->doc.number, sizeof v->doc.number);
	store_column_copy(s, 6, v->doc.issuer, sizeof v->doc.issuer);
	store_column_copy(s, 7, name, sizeof name);
	date_parse_iso(name, &v->doc.expiry);
	store_column_copy(s, 8, v->address_proof, sizeof v->address_proof);
	store_column_copy(s, 9, v->evidence, sizeof v->evidence);
	store_column_copy(s, 10, v->validated_by, sizeof v->validated_by);
	store_column_copy(s, 11, v->station, sizeof v->station);
	store_column_copy(s, 12, v->at, sizeof v->at);
	store_column_copy(s, 13, v->revoked_at, sizeof v->revoked_at);
	store_column_copy(s, 14, v->revoked_by, sizeof v->revoked_by);
	store_column_copy(s, 15, v->revoke_reason, sizeof v->revoke_reason);
}

int
store_validation_insert(struct store *st, struct validation *v,
    const char *key)
{
	char expiry[16] = "";
	sqlite3_stmt *s;

	if (v->doc.expiry.year != 0)
		date_format_iso(v->doc.expiry, expiry, sizeof expiry);
	s = store_prepare(st, "INSERT INTO validation (person_id, "
	    "national_key, method, doc_type, doc_series, doc_number, "
	    "doc_issuer, doc_expiry, address_proof, evidence, validated_by, "
	    "station, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, v->person_id);
	store_bind_text(s, 2, key);
	store_bind_text(s, 3, validation_method_name(v->method));
	store_bind_text(s, 4, v->method == VALIDATION_COUNTER ?
	    iddoc_type_name(v->doc.type) : "");
	store_bind_text(s, 5, v->doc.series);
	store_bind_text(s, 6, v->doc.number);
	store_bind_text(s, 7, v->doc.issuer);
	store_bind_text(s, 8, expiry);
	store_bind_text(s, 9, v->address_proof);
	store_bind_text(s, 10, v->evidence);
	store_bind_text(s, 11, v->validated_by);
	store_bind_text(s, 12, v->station);
	store_bind_text(s, 13, v->at);
	return store_step_insert(st, s, "record the validation", &v->id);
}

/* Reads the first row of a query on one bound value into *out. */
static int
validation_one(struct store *st, const char *sql, int64_t id,
    const char *text, struct validation *out)
{
	sqlite3_stmt *s;

	if ((s = store_prepare(st, sql)) == NULL)
		return G_ERR_STORE;
	if (text != NULL)
		store_bind_text(s, 1, text);
	else
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read the validation",
	    validation_from_row, out);
}

int
store_validation_active(struct store *st, int64_t person_id,
    struct validation *out)
{
	return validation_one(st, "SELECT " VALIDATION_COLUMNS " FROM "
	    "validation WHERE person_id = ? AND revoked_at IS NULL",
	    person_id, NULL, out);
}

int
store_validation_by_key(struct store *st, const char *key,
    struct validation *out)
{
	return validation_one(st, "SELECT " VALIDATION_COLUMNS " FROM "
	    "validation WHERE national_key = ? AND revoked_at IS NULL", 0,
	    key, out);
}

int
store_validation_revoke(struct store *st, int64_t id, const char *by,
    const char *reason)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "UPDATE validation SET revoked_at = ?, "
	    "revoked_by = ?, revoke_reason = ? WHERE id = ? AND "
	    "revoked_at IS NULL");
	if (s != NULL) {
		store_bind_text(s, 1, now);
		store_bind_text(s, 2, by);
		store_bind_text(s, 3, reason);
		sqlite3_bind_int64(s, 4, id);
	}
	return store_step_change(st, s, "revoke the validation", true);
}

int
store_validation_each(struct store *st, int64_t person_id,
    int (*fn)(const struct validation *v, void *arg), void *arg)
{
	struct validation v;
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT " VALIDATION_COLUMNS " FROM validation "
	    "WHERE person_id = ? ORDER BY id");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, person_id);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		validation_from_row(s, &v);
		stop = fn(&v, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "read validations");
	store_release(st, s);
	return stop;
}
