/*
 * The taxpayer register: plain data shared by the layers (the tax
 * office's feed, the store, the screens).  Amounts in minor units.
 */
#ifndef GUICHET_REGISTER_H
#define GUICHET_REGISTER_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/money.h"

struct taxpayer {
	int64_t id;
	char national_id[32];		/* CNP, CUI, AFM */
	char name[256];
	char address[256];
	int64_t person_id;		/* 0: no person of that id */
	int64_t business_id;		/* 0: no business of that id */
};

enum unit_kind { UNIT_BUILDING, UNIT_LAND, UNIT_VEHICLE, UNIT_OTHER,
	UNIT_KIND_COUNT };

struct taxable_unit {
	int64_t id;
	char code[64];			/* the tax office's */
	enum unit_kind kind;
	char description[256];
	char address[256];
	int share_num, share_den;	/* the owner's share, when listed for
					 * one owner */
};

/* An obligation with what has extinguished it so far. */
struct obligation_row {
	int64_t id;
	char ref[64];			/* the tax office's */
	int64_t taxpayer_id;
	int64_t unit_id;		/* 0: not on a unit */
	char unit_code[64];
	char tax_type[32];		/* building, land, vehicle, ... */
	char name[128];			/* as on the notice */
	int tax_year;
	money_t principal;
	char notice[64];
	char notice_date[11];		/* YYYY-MM-DD */
	char due_date[11];
	char iban[40];
	char rf[40];			/* ISO 11649, printed as grouped */
	bool discountable;
	money_t paid_principal, paid_charges, closed_charges, discount;
};

enum payment_channel { PAY_BANK, PAY_CASH, PAY_CARD, PAY_CHANNEL_COUNT };

struct payment_row {
	int64_t id;
	char key[80];			/* once only: the feed's ref, or the
					 * counter's idempotency key */
	int64_t taxpayer_id;
	char payer[256];
	money_t amount;
	char paid_on[11];
	enum payment_channel channel;
	char advice[64];		/* payment advice number */
	char bank[128];
	char account[40];
	money_t credit;			/* not allocated: an overpayment */
	char registered_at[32];
	char registered_by[160];
	char station[96];
};

/* A payment warrant the town hall issued to a supplier. */
struct warrant {
	int64_t id;
	char ref[64];			/* the treasury's */
	int64_t taxpayer_id;
	char issued_on[11];
	money_t amount;
	char description[256];
	char paid_on[11];		/* "": not paid yet */
};

/* Names for storage and the feed; "?" when out of range. */
const char *unit_kind_name(enum unit_kind k);
int unit_kind_from_name(const char *name);	/* -1: unknown */
const char *payment_channel_name(enum payment_channel c);

/* Labels for people, marked N_(). */
const char *unit_kind_label(enum unit_kind k);
const char *payment_channel_label(enum payment_channel c);

#endif
