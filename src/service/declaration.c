/*
 * Declarations of gross receipts, declared and paid in one step: the
 * business becomes a taxpayer of the register if it was not one, the fee
 * (and the charge for declaring late) become its obligations, and the
 * payment extinguishes them, all in one transaction.
 */
#include "config.h"

#include "guichet/service-declaration.h"

#include <stdio.h>
#include <string.h>

#include "guichet/business.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/dues.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/ident.h"
#include "guichet/store-business.h"
#include "guichet/store-register.h"
#include "guichet/store.h"
#include "guichet/store-declaration.h"
#include "service-internal.h"

int
service_declaration_compute(struct service *svc, struct declaration *d)
{
	const struct dues_rules *r;
	struct date today = clock_today(), end;
	int month;

	service_clear(svc);
	if ((r = service_dues_rules(svc)) == NULL)
		return G_ERR_CONFIG;
	if (d->quarter < 1 || d->quarter > 4 || d->year < 2000 ||
	    d->year > today.year)
		return service_fail(svc, G_ERR_INVALID, "%s", _("Choose a "
		    "quarter of this year or an earlier one."));
	month = d->quarter * 3;
	end = (struct date){ d->year, month, date_days_in_month(d->year,
	    month) };
	if (date_cmp(end, today) >= 0)
		return service_fail(svc, G_ERR_INVALID, "%s", _("This quarter "
		    "has not ended yet: it is declared after its last day."));
	if (d->gross < 0)
		return service_fail(svc, G_ERR_INVALID, "%s", _("Gross receipts "
		    "cannot be negative."));
	/* Due by the end of the month after the quarter. */
	month = month % 12 + 1;
	d->due = (struct date){ d->year + (month == 1), month,
	    date_days_in_month(d->year + (month == 1), month) };
	d->fee = dues_declared_fee(r, d->gross, d->night_club, d->due, today,
	    &d->charge) - d->charge;
	return G_OK;
}

/* Makes the business a taxpayer of the register (or finds it). */
static int
business_taxpayer(struct service *svc, const struct business *b,
    struct taxpayer *t)
{
	bool changed;

	memset(t, 0, sizeof *t);
	snprintf(t->national_id, sizeof t->national_id, "%s", b->cui[0] ?
	    b->cui : b->afm);
	snprintf(t->name, sizeof t->name, "%s", b->name);
	snprintf(t->address, sizeof t->address, "%s %s, %s", b->street,
	    b->number, b->town);
	return store_taxpayer_upsert(svc->st, t, &changed);
}

/* Adds the obligation ref of amount due on due to taxpayer t; sets *id. */
static int
declared_obligation(struct service *svc, const struct taxpayer *t,
    const char *ref, const char *name, const struct declaration *d,
    money_t amount, struct date due, int64_t *id)
{
	struct obligation_row o;
	bool changed;
	int rc;

	memset(&o, 0, sizeof o);
	snprintf(o.ref, sizeof o.ref, "%s", ref);
	o.taxpayer_id = t->id;
	snprintf(o.tax_type, sizeof o.tax_type, "gross-receipts");
	snprintf(o.name, sizeof o.name, "%s", name);
	o.tax_year = d->year;
	o.principal = amount;
	snprintf(o.notice, sizeof o.notice, "%d-Q%d", d->year, d->quarter);
	date_format_iso(clock_today(), o.notice_date, sizeof o.notice_date);
	date_format_iso(due, o.due_date, sizeof o.due_date);
	if (!ident_rf_make(ref, o.rf, sizeof o.rf))
		return service_fail(svc, G_ERR_INVALID, "%s", _("The payment "
		    "reference could not be made."));
	rc = store_obligation_upsert(svc->st, &o, &changed);
	*id = o.id;
	return rc;
}

/* Records the fee and the charge as obligations and pays them. */
static int
declare_and_pay(struct service *svc, struct declaration *d,
    const struct taxpayer *t, enum payment_channel channel, const char *key)
{
	struct payment_row p;
	int64_t only[2];
	char ref[64];
	int n = 0, rc = G_OK;

	snprintf(ref, sizeof ref, "DECL%s%dQ%d", t->national_id, d->year,
	    d->quarter);
	/* Both fall due the day they are declared and paid: lateness is
	 * what the declaration's charge already counts. */
	if (d->fee > 0)
		rc = declared_obligation(svc, t, ref, _("Fee on gross receipts"),
		    d, d->fee, clock_today(), &only[n++]);
	strcat(ref, "L");
	if (rc == G_OK && d->charge > 0)
		rc = declared_obligation(svc, t, ref, _("Late declaration "
		    "charge"), d, d->charge, clock_today(), &only[n++]);
	if (rc != G_OK || n == 0)
		return rc;
	memset(&p, 0, sizeof p);
	snprintf(p.key, sizeof p.key, "%s", key);
	p.taxpayer_id = t->id;
	snprintf(p.payer, sizeof p.payer, "%s", t->name);
	p.amount = d->fee + d->charge;
	date_format_iso(clock_today(), p.paid_on, sizeof p.paid_on);
	p.channel = channel;
	snprintf(p.registered_by, sizeof p.registered_by, "%s",
	    svc->actor.name);
	snprintf(p.station, sizeof p.station, "%s", svc->conf->station);
	if ((rc = service_payment_apply(svc, &p, only, n)) == G_OK)
		d->payment_id = p.id;
	else if (rc == G_ERR_EXISTS)
		rc = service_fail(svc, rc, "%s", _("This payment was recorded "
		    "already."));
	return rc;
}

int
service_declaration_file(struct service *svc, struct declaration *d,
    enum payment_channel channel, const char *key)
{
	struct business b;
	struct taxpayer t;
	char object[64];
	int rc;

	snprintf(object, sizeof object, "business:%lld",
	    (long long)d->business_id);
	if ((rc = service_declaration_compute(svc, d)) != G_OK)
		return service_refused(svc, rc, "declaration.file", object);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "declaration.file", object);
	if ((rc = service_check_payment(svc, channel, key)) != G_OK)
		return service_refused(svc, rc, "declaration.file", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = store_business_get(svc->st, d->business_id, &b)) ==
	    G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("There is no such business."));
	if (rc == G_OK)
		rc = business_taxpayer(svc, &b, &t);
	if (rc == G_OK)
		rc = declare_and_pay(svc, d, &t, channel, key);
	if (rc == G_OK)
		rc = store_declaration_insert(svc->st, d, svc->actor.name,
		    svc->conf->station);
	if (rc == G_ERR_EXISTS)
		service_fail(svc, rc, _("Quarter %d of %d is declared already."),
		    d->quarter, d->year);
	else if (rc == G_OK)
		service_fail(svc, G_OK, _("Quarter %d of %d is declared and "
		    "paid."), d->quarter, d->year);
	return service_finish(svc, rc, "declaration.file", object);
}
