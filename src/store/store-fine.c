#include "config.h"

#include "guichet/store-fine.h"

#include <string.h>

#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

#define FINE_SELECT "SELECT f.id, f.municipality, f.number, f.plate, " \
	"f.issued_at, f.type, f.amount, COALESCE(p.id, 0), " \
	"COALESCE(p.paid_on, ''), COALESCE(p.amount, 0), " \
	"COALESCE(p.channel, 'cash') FROM fine f " \
	"LEFT JOIN fine_payment p ON p.fine_id = f.id "

/* What FINE_SELECT reads: the fine, and its payment's amount and
 * channel. */
struct fine_read {
	struct fine *fine;
	money_t paid;
	enum payment_channel channel;
};

static void
fine_from_row(sqlite3_stmt *s, void *out)
{
	struct fine_read *r = out;
	struct fine *f = r->fine;

	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, f->municipality, sizeof f->municipality);
	store_column_copy(s, 2, f->number, sizeof f->number);
	store_column_copy(s, 3, f->plate, sizeof f->plate);
	store_column_copy(s, 4, f->issued_at, sizeof f->issued_at);
	store_column_copy(s, 5, f->type, sizeof f->type);
	f->amount = sqlite3_column_int64(s, 6);
	f->payment_id = sqlite3_column_int64(s, 7);
	store_column_copy(s, 8, f->paid_on, sizeof f->paid_on);
	r->paid = sqlite3_column_int64(s, 9);
	r->channel = strcmp((const char *)sqlite3_column_text(s, 10),
	    "card") == 0 ? PAY_CARD : PAY_CASH;
}

int
store_fine_find(struct store *st, const char *municipality,
    const char *number, struct fine *out)
{
	struct fine_read r = { out, 0, PAY_CASH };
	sqlite3_stmt *s = store_prepare(st, FINE_SELECT "WHERE "
	    "f.municipality = ? AND f.number = ?");

	if (s != NULL) {
		store_bind_text(s, 1, municipality);
		store_bind_text(s, 2, number);
	}
	return store_step_one(st, s, "find the fine", fine_from_row, &r);
}

int
store_fine_get(struct store *st, int64_t id, struct fine *out)
{
	struct fine_read r = { out, 0, PAY_CASH };
	sqlite3_stmt *s = store_prepare(st, FINE_SELECT "WHERE f.id = ?");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read the fine", fine_from_row, &r);
}

int
store_fine_insert(struct store *st, struct fine *f, const char *by,
    const char *station)
{
	char now[CLOCK_ISO_LEN];
	sqlite3_stmt *s;

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO fine (municipality, number, plate, "
	    "issued_at, type, amount, registered_at, registered_by, station) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (s != NULL) {
		store_bind_text(s, 1, f->municipality);
		store_bind_text(s, 2, f->number);
		store_bind_text(s, 3, f->plate);
		store_bind_text(s, 4, f->issued_at);
		store_bind_text(s, 5, f->type);
		sqlite3_bind_int64(s, 6, f->amount);
		store_bind_text(s, 7, now);
		store_bind_text(s, 8, by);
		store_bind_text(s, 9, station);
	}
	return store_step_insert(st, s, "register the fine", &f->id);
}

int
store_fine_pay(struct store *st, int64_t fine_id, const char *key,
    money_t amount, const char *paid_on, enum payment_channel channel,
    const char *by, const char *station, int64_t *id)
{
	char now[CLOCK_ISO_LEN];
	sqlite3_stmt *s;
	int rc;

	*id = 0;
	/* The same key again: the payment made then. */
	s = store_prepare(st, "SELECT id FROM fine_payment WHERE key = ?");
	if (s != NULL)
		store_bind_text(s, 1, key);
	if ((rc = store_step_one(st, s, "read the payment", store_fill_id,
	    id)) != G_ERR_NOTFOUND)
		return rc == G_OK ? G_ERR_EXISTS : rc;
	*id = 0;
	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO fine_payment (key, fine_id, amount, "
	    "paid_on, channel, registered_at, registered_by, station) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?)");
	if (s != NULL) {
		store_bind_text(s, 1, key);
		sqlite3_bind_int64(s, 2, fine_id);
		sqlite3_bind_int64(s, 3, amount);
		store_bind_text(s, 4, paid_on);
		store_bind_text(s, 5, payment_channel_name(channel));
		store_bind_text(s, 6, now);
		store_bind_text(s, 7, by);
		store_bind_text(s, 8, station);
	}
	rc = store_step_insert(st, s, "record the fine's payment", id);
	if (rc == G_ERR_EXISTS)
		*id = 0;		/* paid before, under another key */
	return rc;
}

int
store_fine_payment_get(struct store *st, int64_t id, struct fine *fine,
    money_t *amount, enum payment_channel *channel)
{
	struct fine_read r = { fine, 0, PAY_CASH };
	sqlite3_stmt *s = store_prepare(st, FINE_SELECT "WHERE p.id = ?");
	int rc;

	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	rc = store_step_one(st, s, "read the fine's payment", fine_from_row,
	    &r);
	*amount = r.paid;
	*channel = r.channel;
	return rc;
}
