/*
 * A business declares its gross receipts for a quarter and pays the fee
 * on them in the same step: the fee (0.5 % in Greece, 5 % for night
 * clubs; the council's rate in Romania) and, when declared after the due
 * date (the end of the month after the quarter), the charge for
 * declaring late, per month started, capped at the fee.  A declaration
 * whose payment fails is not kept.
 */
#ifndef GUICHET_SERVICE_DECLARATION_H
#define GUICHET_SERVICE_DECLARATION_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/calendar.h"
#include "guichet/money.h"
#include "guichet/register.h"

struct service;

struct declaration {
	int64_t business_id;
	int year;
	int quarter;			/* 1..4 */
	money_t gross;
	bool night_club;
	struct date due;		/* set by service_declaration_compute */
	money_t fee, charge;
	int64_t payment_id;		/* set when filed; 0: nothing due */
};

/* Works out d's due date, fee and late charge as declared today.
 * G_ERR_INVALID with the message for a quarter not ended yet, a year out
 * of range or a negative amount. */
int service_declaration_compute(struct service *svc, struct declaration *d);

/* Declares d and takes its payment (cash or card, key once only) in one
 * transaction (clerks); a quarter declared already is refused.  Sets
 * d->payment_id; print the receipt with service_payment_receipt. */
int service_declaration_file(struct service *svc, struct declaration *d,
    enum payment_channel channel, const char *key);

#endif
