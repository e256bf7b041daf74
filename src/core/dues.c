#include "config.h"

#include "guichet/dues.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"

/* What ini_parse_string's callback carries between lines. */
struct rules_parse {
	struct dues_rules *r;
	char *error;		/* the first problem, once found */
};

/* Reads a rate: a whole number of hundredths of a percent, 0..10000. */
static bool
parse_bp(const char *v, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (end == v || *end != '\0' || n < 0 || n > 10000)
		return false;
	*out = (int)n;
	return true;
}

static int
rules_dues_key(struct rules_parse *p, const char *name, const char *value)
{
	struct dues_rules *r = p->r;
	int c;

	if (strcmp(name, "country") == 0) {
		if (strcmp(value, "RO") != 0 && strcmp(value, "GR") != 0)
			return p->error = xasprintf("country is RO or GR, not "
			    "'%s'", value), 0;
		r->country = strcmp(value, "RO") == 0 ? COUNTRY_RO : COUNTRY_GR;
	} else if (strcmp(name, "currency") == 0) {
		if ((c = currency_from_code(value)) < 0)
			return p->error = xasprintf("unknown currency '%s'",
			    value), 0;
		r->currency = (enum currency)c;
	} else if (strcmp(name, "months") == 0) {
		if (strcmp(value, "started") != 0 &&
		    strcmp(value, "whole") != 0)
			return p->error = xasprintf("months is started or "
			    "whole, not '%s'", value), 0;
		r->whole_months = strcmp(value, "whole") == 0;
	} else
		return p->error = xasprintf("unknown key '%s'", name), 0;
	return 1;
}

static int
rules_fee_key(struct rules_parse *p, const char *name, const char *value)
{
	int *to = strcmp(name, "gross_receipts") == 0 ? &p->r->fee_bp :
	    strcmp(name, "night_club") == 0 ? &p->r->night_fee_bp :
	    strcmp(name, "late_declaration") == 0 ?
	    &p->r->late_declaration_bp : NULL;

	if (to == NULL)
		return p->error = xasprintf("unknown key '%s'", name), 0;
	if (!parse_bp(value, to))
		return p->error = xasprintf("'%s' is not a rate in hundredths "
		    "of a percent (0 to 10000)", value), 0;
	return 1;
}

static int
rules_ini_line(void *user, const char *section, const char *name,
    const char *value)
{
	struct rules_parse *p = user;
	struct dues_rules *r = p->r;
	struct date from;
	char *end;
	long year;
	int bp;

	if (strcmp(section, "dues") == 0)
		return rules_dues_key(p, name, value);
	if (strcmp(section, "fees") == 0)
		return rules_fee_key(p, name, value);
	if (strcmp(section, "late") == 0) {
		if (!date_parse_iso(name, &from) || !parse_bp(value, &bp))
			return p->error = xasprintf("a late rate is "
			    "YYYY-MM-DD = hundredths of a percent a month"), 0;
		if (r->nlate == DUES_RATES_MAX)
			return p->error = xasprintf("more than %d late rates",
			    DUES_RATES_MAX), 0;
		if (r->nlate > 0 && date_cmp(from, r->late[r->nlate - 1].from)
		    <= 0)
			return p->error = xasprintf("late rates go in date "
			    "order"), 0;
		r->late[r->nlate++] = (struct dated_rate){ from, bp };
		return 1;
	}
	if (strcmp(section, "discount") == 0) {
		year = strtol(name, &end, 10);
		if (end == name || *end != '\0' || year < 1900 ||
		    year > 9999 || !parse_bp(value, &bp))
			return p->error = xasprintf("a discount is YEAR = "
			    "hundredths of a percent"), 0;
		if (r->ndiscounts == DUES_DISCOUNTS_MAX)
			return p->error = xasprintf("more than %d discounts",
			    DUES_DISCOUNTS_MAX), 0;
		r->discounts[r->ndiscounts++] = (struct year_rate){ (int)year,
		    bp };
		return 1;
	}
	return p->error = xasprintf("unknown section [%s]", section), 0;
}

int
dues_rules_parse(const char *name, const char *text, struct dues_rules *out,
    char **cause)
{
	struct rules_parse p = { out, NULL };
	int line;

	memset(out, 0, sizeof *out);
	*cause = NULL;
	if ((line = ini_parse_string(text, rules_ini_line, &p)) != 0) {
		*cause = xasprintf("%s:%d: %s", name, line, p.error != NULL ?
		    p.error : "not a key = value line");
		free(p.error);
		memset(out, 0, sizeof *out);
		return G_ERR_INVALID;
	}
	if (out->nlate == 0) {
		*cause = xasprintf("%s: no [late] rate", name);
		return G_ERR_INVALID;
	}
	return G_OK;
}

struct date
dues_effective_due(const struct dues_rules *r, struct date due)
{
	return working_day_on_or_after(r->country, due, r->holidays);
}

int
dues_months_late(const struct dues_rules *r, struct date due, struct date on)
{
	struct date from = dues_effective_due(r, due);
	int months = date_months_started(from, on);

	/* The last month counts only when it is whole: on is its last day. */
	if (r->whole_months && months > 0 && date_months_started(from,
	    date_add_days(on, 1)) == months)
		months--;
	return months;
}

/* Returns the late rate in force on day d (0 before the first). */
static int
late_rate_on(const struct dues_rules *r, struct date d)
{
	int i, bp = 0;

	for (i = 0; i < r->nlate && date_cmp(r->late[i].from, d) <= 0; i++)
		bp = r->late[i].bp;
	return bp;
}

/* Returns the first day of the k-th month late (k from 0) after from:
 * the day after the same day of the month k months on, the day after the
 * month's end when it is shorter. */
static struct date
month_start(struct date from, int k)
{
	int months = from.month - 1 + k;
	struct date d = { from.year + months / 12, months % 12 + 1, from.day };
	int last = date_days_in_month(d.year, d.month);

	if (d.day > last)
		d.day = last;
	return date_add_days(d, 1);
}

money_t
dues_late_charge(const struct dues_rules *r, money_t amount, struct date due,
    struct date on)
{
	struct date from = dues_effective_due(r, due);
	int64_t bp = 0;
	int k, months = dues_months_late(r, due, on);

	if (amount <= 0)
		return 0;
	for (k = 0; k < months; k++)
		bp += late_rate_on(r, month_start(from, k));
	return money_muldiv(amount, bp, 10000, ROUND_HALF_UP, NULL);
}

void
dues_obligation_on(const struct dues_rules *r, const struct obligation *o,
    struct date on, struct obligation_due *out)
{
	money_t unpaid = o->principal - o->paid_principal - o->discount;

	out->due = dues_effective_due(r, o->due);
	out->months_late = dues_months_late(r, o->due, on);
	out->principal = unpaid > 0 ? unpaid : 0;
	out->charges = o->closed_charges + dues_late_charge(r, out->principal,
	    o->due, on) - o->paid_charges;
	if (out->charges < 0)
		out->charges = 0;
	out->total = out->principal + out->charges;
}

int
dues_discount_bp(const struct dues_rules *r, int tax_year)
{
	int i;

	for (i = 0; i < r->ndiscounts; i++)
		if (r->discounts[i].year == tax_year)
			return r->discounts[i].bp;
	return 0;
}

/* Returns true when obs[i] takes part in tax_year's discount. */
static bool
in_discount(const struct obligation *o, int tax_year)
{
	return o->discountable && o->tax_year == tax_year;
}

money_t
dues_discount_offer(const struct dues_rules *r, const struct obligation *obs,
    int n, int tax_year, struct date on)
{
	int bp = dues_discount_bp(r, tax_year), i, found = 0;
	struct date first = { 9999, 12, 31 };
	money_t whole = 0;

	if (bp == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (!in_discount(&obs[i], tax_year))
			continue;
		if (obs[i].paid_principal != 0 || obs[i].paid_charges != 0 ||
		    obs[i].discount != 0)
			return -1;	/* the whole year is paid at once */
		if (date_cmp(dues_effective_due(r, obs[i].due), first) < 0)
			first = dues_effective_due(r, obs[i].due);
		whole += obs[i].principal - money_percent(obs[i].principal, bp,
		    ROUND_HALF_UP);
		found++;
	}
	if (found == 0 || date_cmp(on, first) > 0)
		return -1;
	return whole;
}

/* Returns the obligations' indexes in the order a payment takes them:
 * oldest (effective) due date first, then as given.  Caller frees. */
static int *
payment_order(const struct dues_rules *r, const struct obligation *obs, int n)
{
	int *order = xcalloc((size_t)n + 1, sizeof *order), i, j, t;

	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = 1; i < n; i++)	/* insertion sort: stable, n is small */
		for (j = i; j > 0 && date_cmp(dues_effective_due(r,
		    obs[order[j]].due), dues_effective_due(r,
		    obs[order[j - 1]].due)) < 0; j--) {
			t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	return order;
}

/* Settles every discountable obligation of tax_year with the discount. */
static money_t
settle_with_discount(const struct dues_rules *r, struct obligation *obs,
    int n, int tax_year, struct allocation *alloc)
{
	int bp = dues_discount_bp(r, tax_year), i;
	money_t used = 0, off;

	for (i = 0; i < n; i++) {
		if (!in_discount(&obs[i], tax_year))
			continue;
		off = money_percent(obs[i].principal, bp, ROUND_HALF_UP);
		alloc[i].discount = off;
		alloc[i].principal = obs[i].principal - off;
		obs[i].discount = off;
		obs[i].paid_principal = obs[i].principal - off;
		used += obs[i].principal - off;
	}
	return used;
}

/* Pays what it can of obligation o on day on from *left: charges first,
 * then principal, fixing the charges on the principal paid. */
static void
pay_one(const struct dues_rules *r, struct obligation *o, struct date on,
    money_t *left, struct allocation *a)
{
	struct obligation_due d;
	money_t part;

	dues_obligation_on(r, o, on, &d);
	part = d.charges < *left ? d.charges : *left;
	a->charges += part;
	o->paid_charges += part;
	*left -= part;
	part = d.principal < *left ? d.principal : *left;
	if (part <= 0)
		return;
	/* The charge on the part paid stops growing today. */
	a->closed_charges += dues_late_charge(r, part, o->due, on);
	o->closed_charges += dues_late_charge(r, part, o->due, on);
	a->principal += part;
	o->paid_principal += part;
	*left -= part;
}

money_t
dues_allocate(const struct dues_rules *r, struct obligation *obs, int n,
    money_t amount, struct date on, struct allocation *alloc)
{
	money_t left = amount, offer;
	int *order, i, year;

	if (amount <= 0)
		return -1;
	memset(alloc, 0, sizeof *alloc * (size_t)n);
	/* A year paid whole by its first due date earns the discount; its
	 * obligations are settled first, as one. */
	for (i = 0; i < n; i++) {
		year = obs[i].tax_year;
		if (!in_discount(&obs[i], year) || obs[i].discount != 0)
			continue;
		offer = dues_discount_offer(r, obs, n, year, on);
		if (offer >= 0 && offer <= left)
			left -= settle_with_discount(r, obs, n, year, alloc);
	}
	order = payment_order(r, obs, n);
	for (i = 0; i < n && left > 0; i++)
		pay_one(r, &obs[order[i]], on, &left, &alloc[order[i]]);
	free(order);
	return left;
}

money_t
dues_declared_fee(const struct dues_rules *r, money_t gross, bool night_club,
    struct date due, struct date declared, money_t *charge)
{
	money_t fee = money_percent(gross, night_club ? r->night_fee_bp :
	    r->fee_bp, ROUND_HALF_UP);
	int months = date_months_started(dues_effective_due(r, due),
	    declared);

	*charge = money_muldiv(fee, (int64_t)months * r->late_declaration_bp,
	    10000, ROUND_HALF_UP, NULL);
	if (*charge > fee)
		*charge = fee;
	return fee + *charge;
}
