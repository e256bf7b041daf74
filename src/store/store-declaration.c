#include "config.h"

#include "guichet/store-declaration.h"

#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

int
store_declaration_insert(struct store *st, const struct declaration *d,
    const char *by, const char *station)
{
	char today[11], due[11];
	sqlite3_stmt *s;

	date_format_iso(clock_today(), today, sizeof today);
	date_format_iso(d->due, due, sizeof due);
	s = store_prepare(st, "INSERT INTO declaration (business_id, year, "
	    "quarter, gross, night_club, declared_on, due_on, fee, charge, "
	    "payment_id, declared_by, station) VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?)");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, d->business_id);
		sqlite3_bind_int(s, 2, d->year);
		sqlite3_bind_int(s, 3, d->quarter);
		sqlite3_bind_int64(s, 4, d->gross);
		sqlite3_bind_int(s, 5, d->night_club);
		store_bind_text(s, 6, today);
		store_bind_text(s, 7, due);
		sqlite3_bind_int64(s, 8, d->fee);
		sqlite3_bind_int64(s, 9, d->charge);
		if (d->payment_id != 0)
			sqlite3_bind_int64(s, 10, d->payment_id);
		else
			sqlite3_bind_null(s, 10);
		store_bind_text(s, 11, by);
		store_bind_text(s, 12, station);
	}
	return store_step_insert(st, s, "record the declaration", NULL);
}
