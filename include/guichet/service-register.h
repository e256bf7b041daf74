/*
 * The taxpayer register: reading one taxpayer's register with the amount
 * due on a day, counter payments and their receipts, and the nightly
 * import of the tax office's feed.  Financial data needs a validated
 * account (Level B): a citizen sees only their own; a clerk's view of
 * anyone's register is audited.
 */
#ifndef GUICHET_SERVICE_REGISTER_H
#define GUICHET_SERVICE_REGISTER_H

#include <stddef.h>
#include <stdint.h>

#include "guichet/calendar.h"
#include "guichet/dues.h"
#include "guichet/register.h"

struct service;

/* One taxpayer's register as it stands on a day. */
struct register_data {
	struct taxpayer taxpayer;
	struct date on;			/* the day amounts are due on */
	int nobligations;
	struct obligation_row *obligations;	/* by due date */
	struct obligation_due *due;	/* each one on that day */
	int nunits;
	struct taxable_unit *units;	/* owned, with shares */
	int npayments;
	struct payment_row *payments;	/* newest first */
	int nwarrants;
	struct warrant *warrants;	/* paid to it as a supplier */
	money_t total_due;
	int discount_year;		/* 0: no discount offered */
	money_t discount_offer;		/* the year's whole, discounted */
	char refreshed[32];		/* last import, ISO UTC; "" never */
	enum currency currency;
};

/* Reads the register of the taxpayer with national_id (staff) or, for a
 * citizen, their own (national_id is then ignored), as due on day on.
 * G_ERR_NOTFOUND when the register holds no such taxpayer; G_ERR_DENIED
 * for a citizen below Level B (the message says how to get there).
 * Free *out with register_data_free. */
int service_register_open(struct service *svc, const char *national_id,
    struct date on, struct register_data *out);

/* Frees what service_register_open filled in. */
void register_data_free(struct register_data *d);

/* Takes a counter payment (clerks) of amount from taxpayer_id, in cash
 * or by card, on obligations only[0..nonly) first (their order kept; all
 * by the profile's rule when nonly is 0), the rest by the rule.  key is
 * the screen's idempotency key: the same key again records nothing and
 * returns the first payment (G_OK, the message says so).  Sets *out. */
int service_payment_take(struct service *svc, int64_t taxpayer_id,
    money_t amount, enum payment_channel channel, const int64_t *only,
    int nonly, const char *key, struct payment_row *out);

/* Prints the receipt of payment id on printer (NULL: the configured one):
 * what it paid, obligation by obligation, with their RF references. */
int service_payment_receipt(struct service *svc, int64_t id,
    const char *printer);

/* Writes when the register was last refreshed (ISO UTC, "" when never)
 * into when: for the kiosk's information page, anyone may ask. */
int service_register_refreshed(struct service *svc, char *when, size_t len);

/* Returns the kiosk's information pages of the profile, or NULL with the
 * message set when the file is damaged. */
struct info_pages;
const struct info_pages *service_info_pages(struct service *svc);

/* What an import did. */
struct import_report {
	int64_t rows;			/* records read */
	int64_t bad;			/* refused, each reported */
	int64_t changed;		/* records that changed the store */
};

/* Imports the tax office's feed at path (the format is in
 * guichetctl(8)), admins and the system: every good record kept, each
 * bad one reported through bad_row (line, reason) and skipped; progress
 * says how far (bytes done, total).  Idempotent: the same file again
 * changes nothing.  Written in batches of transactions, so a kill leaves
 * whole records; running it again completes the import. */
int service_register_import(struct service *svc, const char *path,
    void (*progress)(int64_t done, int64_t total, void *arg),
    void (*bad_row)(int64_t line, const char *reason, void *arg),
    void *arg, struct import_report *out);

#endif
