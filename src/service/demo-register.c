/*
 * The demo's taxpayer register: each demo person owns a home (building
 * tax in two instalments this year, the early-payment discount offered),
 * some a car, some a plot of land shared half and half with the next
 * person; a third still owe last year's second instalment, so late
 * charges show.  Made with the same upserts as the tax office's feed.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "guichet/conf.h"
#include "guichet/dues.h"
#include "guichet/err.h"
#include "guichet/ident.h"
#include "guichet/person.h"
#include "guichet/register.h"
#include "guichet/store-register.h"
#include "service-internal.h"

/* The town hall's treasury accounts the demo notices name. */
#define DEMO_IBAN_RO "RO50TREZ2165070XXX000123"
#define DEMO_IBAN_GR "GR1601101250000000012300695"

/* Adds obligation ref (letters and digits) of the taxpayer. */
static int
demo_obligation(struct service *svc, const struct taxpayer *t,
    int64_t unit_id, const char *ref, const char *type, const char *name,
    int year, money_t principal, const char *due, bool discountable)
{
	struct obligation_row o;
	bool changed;

	memset(&o, 0, sizeof o);
	snprintf(o.ref, sizeof o.ref, "%s", ref);
	o.taxpayer_id = t->id;
	o.unit_id = unit_id;
	snprintf(o.tax_type, sizeof o.tax_type, "%s", type);
	snprintf(o.name, sizeof o.name, "%s", name);
	o.tax_year = year;
	o.principal = principal;
	snprintf(o.notice, sizeof o.notice, "N%d-%lld", year,
	    (long long)t->id);
	snprintf(o.notice_date, sizeof o.notice_date, "%d-01-15", year);
	snprintf(o.due_date, sizeof o.due_date, "%d-%s", year, due);
	snprintf(o.iban, sizeof o.iban, "%s", svc->conf->country ==
	    COUNTRY_GR ? DEMO_IBAN_GR : DEMO_IBAN_RO);
	if (!ident_rf_make(ref, o.rf, sizeof o.rf))
		return service_fail(svc, G_ERR_INVALID, "demo RF for %s", ref);
	o.discountable = discountable;
	return store_obligation_upsert(svc->st, &o, &changed);
}

/* Adds unit code of kind to taxpayer t with share num/den; sets *id. */
static int
demo_unit(struct service *svc, const struct taxpayer *t, const char *code,
    enum unit_kind kind, const char *description, int num, int den,
    int64_t *id)
{
	struct taxable_unit u;
	bool changed;
	int rc;

	memset(&u, 0, sizeof u);
	snprintf(u.code, sizeof u.code, "%s", code);
	u.kind = kind;
	snprintf(u.description, sizeof u.description, "%s", description);
	snprintf(u.address, sizeof u.address, "%s", t->address);
	if ((rc = store_unit_upsert(svc->st, &u, &changed)) == G_OK)
		rc = store_unit_owner_set(svc->st, u.id, t->id, num, den,
		    &changed);
	*id = u.id;
	return rc;
}

/* Pays last year at a bank: the whole year with its discount before the
 * first due date, or, for every third person, only the first instalment,
 * so that the second one is late. */
static int
demo_paid_last_year(struct service *svc, const struct taxpayer *t,
    uint64_t i, int year, money_t home)
{
	const struct dues_rules *r = service_dues_rules(svc);
	int bp = svc->conf->country == COUNTRY_GR || r == NULL ? 0 :
	    dues_discount_bp(r, year - 1);
	struct payment_row p;
	int rc;

	memset(&p, 0, sizeof p);
	snprintf(p.key, sizeof p.key, "DEMO-PAY-%llu-%d",
	    (unsigned long long)i, year - 1);
	p.taxpayer_id = t->id;
	snprintf(p.payer, sizeof p.payer, "%s", t->name);
	if (i % 3 == 0)
		p.amount = home / 2;
	else
		p.amount = home / 2 - money_percent(home / 2, bp, ROUND_HALF_UP) +
		    (home - home / 2) - money_percent(home - home / 2, bp,
		    ROUND_HALF_UP);
	snprintf(p.paid_on, sizeof p.paid_on, "%d-03-20", year - 1);
	p.channel = PAY_BANK;
	snprintf(p.advice, sizeof p.advice, "OP%llu", (unsigned long long)i);
	snprintf(p.bank, sizeof p.bank, "%s", svc->conf->country ==
	    COUNTRY_GR ? "Τράπεζα της Ελλάδος" : "Trezoreria");
	snprintf(p.registered_by, sizeof p.registered_by, "%s",
	    svc->actor.name);
	rc = service_payment_apply(svc, &p, NULL, 0);
	return rc == G_ERR_EXISTS ? G_OK : rc;
}

int
service_demo_register(struct service *svc, const struct person *p,
    int64_t person_id, uint64_t i, int year)
{
	bool gr = svc->conf->country == COUNTRY_GR;
	money_t home = 15000 + (money_t)(i * 7919 % 90000);
	struct taxpayer t;
	char code[64], ref[64];
	int64_t unit;
	bool changed;
	int rc;

	memset(&t, 0, sizeof t);
	snprintf(t.national_id, sizeof t.national_id, "%s", gr ? p->afm :
	    p->cnp);
	snprintf(t.name, sizeof t.name, "%s %s", p->surname, p->given_names);
	snprintf(t.address, sizeof t.address, "%s %s, %s", p->address.street,
	    p->address.number, p->address.town);
	t.person_id = person_id;
	if ((rc = store_taxpayer_upsert(svc->st, &t, &changed)) != G_OK)
		return rc;
	snprintf(code, sizeof code, "DEMO-B-%llu", (unsigned long long)i);
	rc = demo_unit(svc, &t, code, UNIT_BUILDING, gr ? "Κατοικία" :
	    "Locuință", 1, 1, &unit);
	for (int y = year - 1; y <= year && rc == G_OK; y++) {
		snprintf(ref, sizeof ref, "DEMO%lluB%d1", (unsigned long long)i,
		    y);
		rc = demo_obligation(svc, &t, unit, ref, "building", gr ?
		    "Τέλος ακινήτων" : "Impozit clădiri", y, home / 2, "03-31",
		    !gr);
		snprintf(ref, sizeof ref, "DEMO%lluB%d2", (unsigned long long)i,
		    y);
		if (rc == G_OK)
			rc = demo_obligation(svc, &t, unit, ref, "building", gr ?
			    "Τέλος ακινήτων" : "Impozit clădiri", y,
			    home - home / 2, "09-30", !gr);
	}
	if (rc == G_OK && i % 4 == 0) {
		snprintf(code, sizeof code, "DEMO-V-%llu",
		    (unsigned long long)i);
		rc = demo_unit(svc, &t, code, UNIT_VEHICLE, gr ? "Αυτοκίνητο" :
		    "Autoturism", 1, 1, &unit);
		snprintf(ref, sizeof ref, "DEMO%lluV%d", (unsigned long long)i,
		    year);
		if (rc == G_OK)
			rc = demo_obligation(svc, &t, unit, ref, "vehicle", gr ?
			    "Τέλη κυκλοφορίας" : "Impozit mijloace de transport",
			    year, 8000 + (money_t)(i % 40) * 1000, "03-31", !gr);
	}
	if (rc == G_OK)
		rc = demo_paid_last_year(svc, &t, i, year, home);
	/* A plot shared half and half with the next person. */
	if (rc == G_OK && i % 5 <= 1) {
		snprintf(code, sizeof code, "DEMO-L-%llu",
		    (unsigned long long)(i - i % 5));
		rc = demo_unit(svc, &t, code, UNIT_LAND, gr ? "Οικόπεδο" :
		    "Teren intravilan", 1, 2, &unit);
		snprintf(ref, sizeof ref, "DEMO%lluL%d",
		    (unsigned long long)(i - i % 5), year);
		if (rc == G_OK && i % 5 == 0)
			rc = demo_obligation(svc, &t, unit, ref, "land", gr ?
			    "Τέλος ακινήτων (οικόπεδο)" : "Impozit teren", year,
			    12000, "03-31", !gr);
	}
	return rc;
}
