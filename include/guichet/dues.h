/*
 * What a taxpayer owes on a given day: late charges, the early-payment
 * discount, and how a payment extinguishes obligations.  The rules and
 * rates are a profile's data (data/profiles/ro.ini, gr.ini), each rate
 * with the day it takes effect.  Pure.
 *
 * Romania (local budgets, Law 207/2015): a late charge (majorare de
 * întârziere) of 1 % of the unpaid principal for each month or part of a
 * month, from the day after the due date to the payment date inclusive;
 * a due date on a non-working day moves to the next working day.  The
 * early-payment discount (bonificație), set by the council each year, is
 * granted for paying the whole year's annual taxes by the first due date.
 * Greece: 0.73 % a month on municipal debts.
 *
 * A payment extinguishes obligations oldest due date first (then in
 * their order), and within one obligation its late charges before its
 * principal; what is left over is an overpayment, kept as a credit.  A
 * late charge stops growing on the part of the principal paid: it is
 * fixed ("closed") at the day of that payment.
 */
#ifndef GUICHET_DUES_H
#define GUICHET_DUES_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/calendar.h"
#include "guichet/money.h"

#define DUES_RATES_MAX 16
#define DUES_DISCOUNTS_MAX 32

/* A rate in hundredths of a percent (1 % = 100, 0.73 % = 73) from a day
 * on. */
struct dated_rate {
	struct date from;
	int bp;
};

struct year_rate {
	int year;
	int bp;
};

/* A profile's rules for amounts due. */
struct dues_rules {
	enum country country;
	enum currency currency;
	bool whole_months;	/* count whole months late, not started ones */
	int nlate;		/* late charge per month, by the day it began */
	struct dated_rate late[DUES_RATES_MAX];
	int ndiscounts;		/* the council's discount, per tax year */
	struct year_rate discounts[DUES_DISCOUNTS_MAX];
	/* Declared fees (Greece): on gross receipts, on night clubs, and the
	 * charge per month for a late declaration, capped at the fee. */
	int fee_bp, night_fee_bp, late_declaration_bp;
	const struct holiday_table *holidays;	/* extra days off, or NULL */
};

/* One obligation and what has extinguished it so far. */
struct obligation {
	int64_t id;
	money_t principal;
	struct date due;		/* as on the notice */
	int tax_year;
	bool discountable;		/* an annual tax: the discount applies */
	money_t paid_principal;
	money_t paid_charges;
	money_t closed_charges;		/* accrued on principal already paid */
	money_t discount;		/* granted on it */
};

/* An obligation as it stands on a day. */
struct obligation_due {
	struct date due;		/* moved to a working day */
	int months_late;
	money_t principal;		/* unpaid */
	money_t charges;		/* accrued and unpaid */
	money_t total;
};

/* What one payment did to one obligation. */
struct allocation {
	money_t principal;
	money_t charges;
	money_t closed_charges;		/* fixed by paying principal late */
	money_t discount;
};

/* Parses a profile's dues rules (INI text, name for messages) into *out.
 * Returns G_OK, or G_ERR_INVALID with *cause ("name:line: message",
 * caller frees). */
int dues_rules_parse(const char *name, const char *text,
    struct dues_rules *out, char **cause);

/* Returns the due date moved to the next working day when it is not one:
 * the day lateness is counted from. */
struct date dues_effective_due(const struct dues_rules *r, struct date due);

/* Returns the months late on day on, as the profile counts them. */
int dues_months_late(const struct dues_rules *r, struct date due,
    struct date on);

/* Returns the late charge on amount due on due, paid on day on: the rate
 * in force at the start of each month late, summed, times amount,
 * rounded half up to the minor unit. */
money_t dues_late_charge(const struct dues_rules *r, money_t amount,
    struct date due, struct date on);

/* Fills *out with o as it stands on day on. */
void dues_obligation_on(const struct dues_rules *r,
    const struct obligation *o, struct date on, struct obligation_due *out);

/* Returns the council's discount rate for tax year, 0 when none. */
int dues_discount_bp(const struct dues_rules *r, int tax_year);

/* Returns what paying the whole of tax year's discountable obligations
 * among obs costs on day on with the discount, or -1 when no discount is
 * offered (none set, a payment already made on one of them, or on is
 * past the first due date). */
money_t dues_discount_offer(const struct dues_rules *r,
    const struct obligation *obs, int n, int tax_year, struct date on);

/* Allocates a payment of amount made on day on over the n obligations
 * (each updated, alloc[i] saying what went to obs[i]); a year's
 * discountable obligations are settled with the discount when amount
 * covers their discounted whole by the first due date.  Returns what is
 * left over (an overpayment), or -1 with nothing changed when amount is
 * not positive. */
money_t dues_allocate(const struct dues_rules *r, struct obligation *obs,
    int n, money_t amount, struct date on, struct allocation *alloc);

/* Returns the fee declared on gross receipts (night club or not), plus
 * the late-declaration charge: per month started after due up to
 * declared, capped at the fee.  Sets *charge to the latter. */
money_t dues_declared_fee(const struct dues_rules *r, money_t gross,
    bool night_club, struct date due, struct date declared, money_t *charge);

#endif
