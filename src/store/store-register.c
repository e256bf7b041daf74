/*
 * Reading one taxpayer's register, and recording payments.  The feed's
 * upserts are in store-register-import.c.
 */
#include "config.h"

#include "guichet/store-register.h"

#include <string.h>

#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

#define TAXPAYER_SELECT "SELECT id, national_id, name, address, " \
	"COALESCE(person_id, 0), COALESCE(business_id, 0) FROM taxpayer "

static void
taxpayer_from_row(sqlite3_stmt *s, void *out)
{
	struct taxpayer *t = out;

	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, t->national_id, sizeof t->national_id);
	store_column_copy(s, 2, t->name, sizeof t->name);
	store_column_copy(s, 3, t->address, sizeof t->address);
	t->person_id = sqlite3_column_int64(s, 4);
	t->business_id = sqlite3_column_int64(s, 5);
}

int
store_taxpayer_find(struct store *st, const char *national_id,
    int64_t person_id, struct taxpayer *out)
{
	sqlite3_stmt *s;

	if (national_id != NULL) {
		s = store_prepare(st, TAXPAYER_SELECT "WHERE national_id = ?");
		if (s != NULL)
			store_bind_text(s, 1, national_id);
	} else {
		s = store_prepare(st, TAXPAYER_SELECT "WHERE person_id = ? "
		    "ORDER BY id LIMIT 1");
		if (s != NULL)
			sqlite3_bind_int64(s, 1, person_id);
	}
	return store_step_one(st, s, "find the taxpayer", taxpayer_from_row,
	    out);
}

int
store_taxpayer_get(struct store *st, int64_t id, struct taxpayer *out)
{
	sqlite3_stmt *s = store_prepare(st, TAXPAYER_SELECT "WHERE id = ?");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read the taxpayer", taxpayer_from_row,
	    out);
}

/* Steps the SELECT s (binds done), turning each row into a struct of
 * size bytes with fill and passing it to fn until fn returns non-zero;
 * finalizes s. */
static int
each_row(struct store *st, sqlite3_stmt *s, const char *doing,
    void (*fill)(sqlite3_stmt *s, void *out), void *row,
    int (*fn)(const void *row, void *arg), void *arg)
{
	int rc, stop = 0;

	if (s == NULL)
		return G_ERR_STORE;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill(s, row);
		stop = fn(row, arg);
	}
	rc = stop == 0 && rc != SQLITE_DONE ? store_fail(st, doing) : G_OK;
	store_release(st, s);
	return rc;
}

static void
obligation_from_row(sqlite3_stmt *s, void *out)
{
	struct obligation_row *o = out;

	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, o->ref, sizeof o->ref);
	o->taxpayer_id = sqlite3_column_int64(s, 2);
	o->unit_id = sqlite3_column_int64(s, 3);
	store_column_copy(s, 4, o->unit_code, sizeof o->unit_code);
	store_column_copy(s, 5, o->tax_type, sizeof o->tax_type);
	store_column_copy(s, 6, o->name, sizeof o->name);
	o->tax_year = sqlite3_column_int(s, 7);
	o->principal = sqlite3_column_int64(s, 8);
	store_column_copy(s, 9, o->notice, sizeof o->notice);
	store_column_copy(s, 10, o->notice_date, sizeof o->notice_date);
	store_column_copy(s, 11, o->due_date, sizeof o->due_date);
	store_column_copy(s, 12, o->iban, sizeof o->iban);
	store_column_copy(s, 13, o->rf, sizeof o->rf);
	o->discountable = sqlite3_column_int(s, 14) != 0;
	o->paid_principal = sqlite3_column_int64(s, 15);
	o->paid_charges = sqlite3_column_int64(s, 16);
	o->closed_charges = sqlite3_column_int64(s, 17);
	o->discount = sqlite3_column_int64(s, 18);
}

int
store_register_obligations(struct store *st, int64_t taxpayer_id,
    int (*fn)(const struct obligation_row *o, void *arg), void *arg)
{
	/* Their own, and those on the units they co-own: a UNION keeps
	 * each half on its index. */
	static const char sql[] = "WITH mine(id) AS ("
	    "SELECT id FROM obligation WHERE taxpayer_id = ?1 UNION "
	    "SELECT o.id FROM unit_owner w JOIN obligation o "
	    "ON o.unit_id = w.unit_id WHERE w.taxpayer_id = ?1) "
	    "SELECT o.id, o.ref, o.taxpayer_id, COALESCE(o.unit_id, 0), "
	    "COALESCE(u.code, ''), o.tax_type, o.name, o.tax_year, "
	    "o.principal, o.notice, o.notice_date, o.due_date, o.iban, o.rf, "
	    "o.discountable, COALESCE(SUM(a.principal), 0), "
	    "COALESCE(SUM(a.charges), 0), COALESCE(SUM(a.closed_charges), 0), "
	    "COALESCE(SUM(a.discount), 0) FROM mine "
	    "JOIN obligation o ON o.id = mine.id "
	    "LEFT JOIN taxable_unit u ON u.id = o.unit_id "
	    "LEFT JOIN allocation a ON a.obligation_id = o.id "
	    "GROUP BY o.id ORDER BY o.due_date, o.id";
	struct obligation_row row;
	sqlite3_stmt *s = store_prepare(st, sql);

	if (s != NULL)
		sqlite3_bind_int64(s, 1, taxpayer_id);
	return each_row(st, s, "read the register", obligation_from_row, &row,
	    (int (*)(const void *, void *))fn, arg);
}

static void
unit_from_row(sqlite3_stmt *s, void *out)
{
	struct taxable_unit *u = out;
	int k;

	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, u->code, sizeof u->code);
	k = unit_kind_from_name((const char *)sqlite3_column_text(s, 2));
	u->kind = k < 0 ? UNIT_OTHER : (enum unit_kind)k;
	store_column_copy(s, 3, u->description, sizeof u->description);
	store_column_copy(s, 4, u->address, sizeof u->address);
	u->share_num = sqlite3_column_int(s, 5);
	u->share_den = sqlite3_column_int(s, 6);
}

int
store_register_units(struct store *st, int64_t taxpayer_id,
    int (*fn)(const struct taxable_unit *u, void *arg), void *arg)
{
	struct taxable_unit row;
	sqlite3_stmt *s = store_prepare(st, "SELECT u.id, u.code, u.kind, "
	    "u.description, u.address, w.share_num, w.share_den FROM "
	    "unit_owner w JOIN taxable_unit u ON u.id = w.unit_id WHERE "
	    "w.taxpayer_id = ? ORDER BY u.code");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, taxpayer_id);
	return each_row(st, s, "read the units", unit_from_row, &row,
	    (int (*)(const void *, void *))fn, arg);
}

#define PAYMENT_SELECT "SELECT id, key, taxpayer_id, payer, amount, " \
	"paid_on, channel, advice, bank, account, credit, registered_at, " \
	"registered_by, station FROM payment "

static void
payment_from_row(sqlite3_stmt *s, void *out)
{
	struct payment_row *p = out;
	const char *channel;

	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, p->key, sizeof p->key);
	p->taxpayer_id = sqlite3_column_int64(s, 2);
	store_column_copy(s, 3, p->payer, sizeof p->payer);
	p->amount = sqlite3_column_int64(s, 4);
	store_column_copy(s, 5, p->paid_on, sizeof p->paid_on);
	channel = (const char *)sqlite3_column_text(s, 6);
	p->channel = strcmp(channel, "cash") == 0 ? PAY_CASH :
	    strcmp(channel, "card") == 0 ? PAY_CARD : PAY_BANK;
	store_column_copy(s, 7, p->advice, sizeof p->advice);
	store_column_copy(s, 8, p->bank, sizeof p->bank);
	store_column_copy(s, 9, p->account, sizeof p->account);
	p->credit = sqlite3_column_int64(s, 10);
	store_column_copy(s, 11, p->registered_at, sizeof p->registered_at);
	store_column_copy(s, 12, p->registered_by, sizeof p->registered_by);
	store_column_copy(s, 13, p->station, sizeof p->station);
}

int
store_register_payments(struct store *st, int64_t taxpayer_id,
    int (*fn)(const struct payment_row *p, void *arg), void *arg)
{
	struct payment_row row;
	sqlite3_stmt *s = store_prepare(st, PAYMENT_SELECT "WHERE "
	    "taxpayer_id = ? ORDER BY paid_on DESC, id DESC");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, taxpayer_id);
	return each_row(st, s, "read the payments", payment_from_row, &row,
	    (int (*)(const void *, void *))fn, arg);
}

int
store_payment_get(struct store *st, int64_t id, struct payment_row *out)
{
	sqlite3_stmt *s = store_prepare(st, PAYMENT_SELECT "WHERE id = ?");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read the payment", payment_from_row, out);
}

int
store_payment_insert(struct store *st, struct payment_row *p)
{
	sqlite3_stmt *s;
	int rc;

	clock_now_iso(p->registered_at, sizeof p->registered_at);
	s = store_prepare(st, "INSERT INTO payment (key, taxpayer_id, payer, "
	    "amount, paid_on, channel, advice, bank, account, credit, "
	    "registered_at, registered_by, station) VALUES (?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING");
	if (s != NULL) {
		store_bind_text(s, 1, p->key);
		sqlite3_bind_int64(s, 2, p->taxpayer_id);
		store_bind_text(s, 3, p->payer);
		sqlite3_bind_int64(s, 4, p->amount);
		store_bind_text(s, 5, p->paid_on);
		store_bind_text(s, 6, payment_channel_name(p->channel));
		store_bind_text(s, 7, p->advice);
		store_bind_text(s, 8, p->bank);
		store_bind_text(s, 9, p->account);
		sqlite3_bind_int64(s, 10, p->credit);
		store_bind_text(s, 11, p->registered_at);
		store_bind_text(s, 12, p->registered_by);
		store_bind_text(s, 13, p->station);
	}
	if ((rc = store_step_insert(st, s, "record the payment", &p->id)) !=
	    G_OK)
		return rc;
	if (store_changes(st) > 0)
		return G_OK;
	/* The key is known: this payment was recorded before. */
	s = store_prepare(st, "SELECT id FROM payment WHERE key = ?");
	if (s != NULL)
		store_bind_text(s, 1, p->key);
	rc = store_step_one(st, s, "read the payment", store_fill_id, &p->id);
	return rc == G_OK ? G_ERR_EXISTS : rc;
}

int
store_allocation_insert(struct store *st, int64_t payment_id,
    int64_t obligation_id, const struct allocation *a)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT INTO allocation "
	    "(payment_id, obligation_id, principal, charges, closed_charges, "
	    "discount) VALUES (?, ?, ?, ?, ?, ?)");

	if (s != NULL) {
		sqlite3_bind_int64(s, 1, payment_id);
		sqlite3_bind_int64(s, 2, obligation_id);
		sqlite3_bind_int64(s, 3, a->principal);
		sqlite3_bind_int64(s, 4, a->charges);
		sqlite3_bind_int64(s, 5, a->closed_charges);
		sqlite3_bind_int64(s, 6, a->discount);
	}
	return store_step_insert(st, s, "record the payment's allocation",
	    NULL);
}

int
store_payment_allocations(struct store *st, int64_t payment_id,
    int (*fn)(const struct obligation_row *o, const struct allocation *a,
    void *arg), void *arg)
{
	struct obligation_row o;
	struct allocation a;
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT o.id, o.ref, o.name, o.tax_year, o.rf, "
	    "a.principal, a.charges, a.closed_charges, a.discount FROM "
	    "allocation a JOIN obligation o ON o.id = a.obligation_id WHERE "
	    "a.payment_id = ? ORDER BY o.due_date, o.id");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, payment_id);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&o, 0, sizeof o);
		o.id = sqlite3_column_int64(s, 0);
		store_column_copy(s, 1, o.ref, sizeof o.ref);
		store_column_copy(s, 2, o.name, sizeof o.name);
		o.tax_year = sqlite3_column_int(s, 3);
		store_column_copy(s, 4, o.rf, sizeof o.rf);
		a.principal = sqlite3_column_int64(s, 5);
		a.charges = sqlite3_column_int64(s, 6);
		a.closed_charges = sqlite3_column_int64(s, 7);
		a.discount = sqlite3_column_int64(s, 8);
		stop = fn(&o, &a, arg);
	}
	rc = stop == 0 && rc != SQLITE_DONE ? store_fail(st,
	    "read the payment's allocation") : G_OK;
	store_release(st, s);
	return rc;
}

int
store_warrant_upsert(struct store *st, struct warrant *w, bool *changed)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT INTO warrant (ref, "
	    "taxpayer_id, issued_on, amount, description, paid_on) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (ref) DO UPDATE SET "
	    "taxpayer_id = ?2, issued_on = ?3, amount = ?4, description = ?5, "
	    "paid_on = ?6 WHERE taxpayer_id IS NOT ?2 OR issued_on IS NOT ?3 "
	    "OR amount IS NOT ?4 OR description IS NOT ?5 OR "
	    "paid_on IS NOT ?6");
	int rc;

	if (s != NULL) {
		store_bind_text(s, 1, w->ref);
		sqlite3_bind_int64(s, 2, w->taxpayer_id);
		store_bind_text(s, 3, w->issued_on);
		sqlite3_bind_int64(s, 4, w->amount);
		store_bind_text(s, 5, w->description);
		store_bind_text(s, 6, w->paid_on);
	}
	if ((rc = store_step_insert(st, s, "record the warrant", NULL)) !=
	    G_OK)
		return rc;
	*changed = store_changes(st) > 0;
	s = store_prepare(st, "SELECT id FROM warrant WHERE ref = ?");
	if (s != NULL)
		store_bind_text(s, 1, w->ref);
	return store_step_one(st, s, "read the warrant", store_fill_id, &w->id);
}

static void
warrant_from_row(sqlite3_stmt *s, void *out)
{
	struct warrant *w = out;

	memset(w, 0, sizeof *w);
	w->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, w->ref, sizeof w->ref);
	w->taxpayer_id = sqlite3_column_int64(s, 2);
	store_column_copy(s, 3, w->issued_on, sizeof w->issued_on);
	w->amount = sqlite3_column_int64(s, 4);
	store_column_copy(s, 5, w->description, sizeof w->description);
	store_column_copy(s, 6, w->paid_on, sizeof w->paid_on);
}

int
store_register_warrants(struct store *st, int64_t taxpayer_id,
    int (*fn)(const struct warrant *w, void *arg), void *arg)
{
	struct warrant row;
	sqlite3_stmt *s = store_prepare(st, "SELECT id, ref, taxpayer_id, "
	    "issued_on, amount, description, paid_on FROM warrant WHERE "
	    "taxpayer_id = ? ORDER BY issued_on DESC, id DESC");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, taxpayer_id);
	return each_row(st, s, "read the warrants", warrant_from_row, &row,
	    (int (*)(const void *, void *))fn, arg);
}
