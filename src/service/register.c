/*
 * One taxpayer's register, with the amount due on a day, and payments:
 * recorded once per key and allocated by the profile's rule.
 */
#include "config.h"

#include "guichet/service-register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/info-pages.h"
#include "guichet/person.h"
#include "guichet/store-person.h"
#include "guichet/store-register.h"
#include "guichet/store.h"
#include "guichet/xmalloc.h"
#include "service-internal.h"

static int
parse_dues(const char *name, const char *text, void *out, char **cause)
{
	return dues_rules_parse(name, text, out, cause);
}

const struct dues_rules *
service_dues_rules(struct service *svc)
{
	if (svc->dues == NULL)
		svc->dues = service_profile_load(svc, ".ini",
		    sizeof *svc->dues, parse_dues);
	return svc->dues;
}

/* A taxpayer's obligations, as stored and as the dues rules see them. */
struct obligations {
	struct obligation_row *rows;
	struct obligation *obs;
	int n, cap;
};

static int
keep_obligation(const struct obligation_row *o, void *arg)
{
	struct obligations *set = arg;
	struct obligation *ob;

	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 16;
		set->rows = xreallocarray(set->rows, (size_t)set->cap,
		    sizeof *set->rows);
		set->obs = xreallocarray(set->obs, (size_t)set->cap,
		    sizeof *set->obs);
	}
	set->rows[set->n] = *o;
	ob = &set->obs[set->n++];
	memset(ob, 0, sizeof *ob);
	ob->id = o->id;
	ob->principal = o->principal;
	if (!date_parse_iso(o->due_date, &ob->due))
		ob->due = (struct date){ 1970, 1, 1 };
	ob->tax_year = o->tax_year;
	ob->discountable = o->discountable;
	ob->paid_principal = o->paid_principal;
	ob->paid_charges = o->paid_charges;
	ob->closed_charges = o->closed_charges;
	ob->discount = o->discount;
	return 0;
}

static void
obligations_free(struct obligations *set)
{
	free(set->rows);
	free(set->obs);
	memset(set, 0, sizeof *set);
}

/* Allocates amount over the obligations at idx[0..n) of set; returns what
 * is left and adds what went where to alloc (indexed like set). */
static money_t
allocate_subset(const struct dues_rules *r, struct obligations *set,
    const int *idx, int n, money_t amount, struct date on,
    struct allocation *alloc)
{
	struct obligation *sub = xcalloc((size_t)n + 1, sizeof *sub);
	struct allocation *got = xcalloc((size_t)n + 1, sizeof *got);
	money_t left;
	int i;

	for (i = 0; i < n; i++)
		sub[i] = set->obs[idx[i]];
	left = dues_allocate(r, sub, n, amount, on, got);
	for (i = 0; i < n && left >= 0; i++) {
		set->obs[idx[i]] = sub[i];
		alloc[idx[i]].principal += got[i].principal;
		alloc[idx[i]].charges += got[i].charges;
		alloc[idx[i]].closed_charges += got[i].closed_charges;
		alloc[idx[i]].discount += got[i].discount;
	}
	free(sub);
	free(got);
	return left < 0 ? amount : left;
}

/* Fills idx with the obligations of set among only[] (or not among them,
 * when chosen is false); returns how many. */
static int
pick(const struct obligations *set, const int64_t *only, int nonly,
    bool chosen, int *idx)
{
	int i, k, n = 0;
	bool in;

	for (i = 0; i < set->n; i++) {
		for (in = false, k = 0; k < nonly && !in; k++)
			in = only[k] == set->rows[i].id;
		if (in == chosen)
			idx[n++] = i;
	}
	return n;
}

int
service_payment_apply(struct service *svc, struct payment_row *p,
    const int64_t *only, int nonly)
{
	const struct dues_rules *r = service_dues_rules(svc);
	struct obligations set = { 0 };
	struct allocation *alloc;
	struct date on;
	money_t left;
	int *idx, n, i, rc;

	if (r == NULL)
		return G_ERR_CONFIG;
	if (!date_parse_iso(p->paid_on, &on))
		return service_fail(svc, G_ERR_INVALID, _("'%s' is not a date."),
		    p->paid_on);
	if ((rc = store_register_obligations(svc->st, p->taxpayer_id,
	    keep_obligation, &set)) != G_OK)
		return rc;
	alloc = xcalloc((size_t)set.n + 1, sizeof *alloc);
	idx = xcalloc((size_t)set.n + 1, sizeof *idx);
	/* The chosen obligations first, then the rest by the rule. */
	n = pick(&set, only, nonly, true, idx);
	left = n > 0 ? allocate_subset(r, &set, idx, n, p->amount, on, alloc) :
	    p->amount;
	n = pick(&set, only, nonly, false, idx);
	if (left > 0 && n > 0)
		left = allocate_subset(r, &set, idx, n, left, on, alloc);
	p->credit = left;
	rc = store_payment_insert(svc->st, p);
	for (i = 0; rc == G_OK && i < set.n; i++)
		if (alloc[i].principal || alloc[i].charges || alloc[i].discount)
			rc = store_allocation_insert(svc->st, p->id,
			    set.rows[i].id, &alloc[i]);
	free(idx);
	free(alloc);
	obligations_free(&set);
	return rc;
}

/* Finds the taxpayer whose register the actor may read; sets the message
 * when there is none or the actor may not. */
static int
register_owner(struct service *svc, const char *national_id,
    struct taxpayer *t)
{
	struct person p;
	int rc;

	if (svc->actor.role == ROLE_CITIZEN) {
		if ((rc = store_person_get(svc->st, svc->actor.person_id, &p)) !=
		    G_OK)
			return rc;
		if (p.level != LEVEL_VALIDATED)
			return service_fail(svc, G_ERR_DENIED, "%s", _("Your "
			    "taxes are shown to validated accounts (Level B): "
			    "show an identity document at the counter and "
			    "your account is validated at once."));
		rc = store_taxpayer_find(svc->st, NULL, p.id, t);
	} else
		rc = store_taxpayer_find(svc->st, national_id, 0, t);
	if (rc == G_ERR_NOTFOUND)
		return service_fail(svc, rc, "%s", svc->actor.role ==
		    ROLE_CITIZEN ? _("The taxpayer register holds nothing in "
		    "your name.") : _("The taxpayer register holds no one with "
		    "this identification number."));
	return rc;
}

static int
keep_unit(const struct taxable_unit *u, void *arg)
{
	struct register_data *d = arg;

	d->units = xreallocarray(d->units, (size_t)d->nunits + 1,
	    sizeof *d->units);
	d->units[d->nunits++] = *u;
	return 0;
}

static int
keep_payment(const struct payment_row *p, void *arg)
{
	struct register_data *d = arg;

	d->payments = xreallocarray(d->payments, (size_t)d->npayments + 1,
	    sizeof *d->payments);
	d->payments[d->npayments++] = *p;
	return 0;
}

static int
keep_warrant(const struct warrant *w, void *arg)
{
	struct register_data *d = arg;

	d->warrants = xreallocarray(d->warrants, (size_t)d->nwarrants + 1,
	    sizeof *d->warrants);
	d->warrants[d->nwarrants++] = *w;
	return 0;
}

/* Works out what is due on d->on, and the current year's discount. */
static void
register_dues(const struct dues_rules *r, struct obligations *set,
    struct register_data *d)
{
	int i;

	d->due = xcalloc((size_t)set->n + 1, sizeof *d->due);
	for (i = 0; i < set->n; i++) {
		dues_obligation_on(r, &set->obs[i], d->on, &d->due[i]);
		d->total_due += d->due[i].total;
	}
	d->discount_offer = dues_discount_offer(r, set->obs, set->n,
	    d->on.year, d->on);
	d->discount_year = d->discount_offer >= 0 ? d->on.year : 0;
}

int
service_register_open(struct service *svc, const char *national_id,
    struct date on, struct register_data *out)
{
	const struct dues_rules *r;
	struct obligations set = { 0 };
	char object[64];
	int rc;

	service_clear(svc);
	memset(out, 0, sizeof *out);
	out->on = on;
	if ((rc = service_require(svc, ROLE_CITIZEN)) != G_OK)
		return rc;
	if ((r = service_dues_rules(svc)) == NULL)
		return G_ERR_CONFIG;
	out->currency = r->currency;
	/* A clerk reading someone's register is recorded. */
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = register_owner(svc, national_id, &out->taxpayer)) == G_OK) {
		if (out->taxpayer.person_id != 0)
			service_for(svc, out->taxpayer.person_id);
		rc = store_register_obligations(svc->st, out->taxpayer.id,
		    keep_obligation, &set);
	}
	if (rc == G_OK)
		rc = store_register_units(svc->st, out->taxpayer.id, keep_unit,
		    out);
	if (rc == G_OK)
		rc = store_register_payments(svc->st, out->taxpayer.id,
		    keep_payment, out);
	if (rc == G_OK)
		rc = store_register_warrants(svc->st, out->taxpayer.id,
		    keep_warrant, out);
	if (rc == G_OK)
		rc = store_register_refreshed(svc->st, out->refreshed,
		    sizeof out->refreshed);
	if (rc == G_OK) {
		out->nobligations = set.n;
		out->obligations = set.rows;
		set.rows = NULL;
		register_dues(r, &set, out);
	}
	obligations_free(&set);
	snprintf(object, sizeof object, "taxpayer:%lld",
	    (long long)out->taxpayer.id);
	if ((rc = service_finish(svc, rc, "register.view", object)) != G_OK)
		register_data_free(out);
	return rc;
}

void
register_data_free(struct register_data *d)
{
	free(d->obligations);
	free(d->due);
	free(d->units);
	free(d->payments);
	free(d->warrants);
	memset(d, 0, sizeof *d);
}

int
service_register_refreshed(struct service *svc, char *when, size_t len)
{
	service_clear(svc);
	return store_register_refreshed(svc->st, when, len) == G_OK ? G_OK :
	    service_fail(svc, G_ERR_STORE, "%s", _("The register could not "
	    "be read from the store."));
}

static int
parse_info(const char *name, const char *text, void *out, char **cause)
{
	return info_pages_parse(name, text, out, cause);
}

const struct info_pages *
service_info_pages(struct service *svc)
{
	if (svc->info == NULL)
		svc->info = service_profile_load(svc, "-info.ini",
		    sizeof *svc->info, parse_info);
	return svc->info;
}
