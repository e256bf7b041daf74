/*
 * Traffic and parking fines at the counter: looked up by the report's
 * number, plate, date and time; registered when the police's record has
 * not reached the register yet; paid whole, at the amount of the day,
 * once per key; and their receipts.  Fines of another municipality are
 * refused: they are paid there.
 */
#ifndef GUICHET_SERVICE_FINE_H
#define GUICHET_SERVICE_FINE_H

#include <stdint.h>

#include "guichet/fines.h"
#include "guichet/register.h"

struct service;

/* Returns the kinds of fines of the profile, or NULL with the message
 * set when the profile's file is damaged. */
const struct fine_rules *service_fine_rules(struct service *svc);

/* Checks what was typed (municipality, number, plate, issued_at as typed:
 * "25.11.2026 10:30") and puts it in the stored form in *out.  G_OK, or
 * G_ERR_INVALID / G_ERR_DENIED (another municipality) with the message. */
int service_fine_check(struct service *svc, const struct fine *typed,
    struct fine *out);

/* Looks up the fine checked as q: G_OK with *out (its amount, payment if
 * paid), G_ERR_NOTFOUND when not recorded, G_ERR_INVALID when the number
 * is recorded for another plate or time. */
int service_fine_find(struct service *svc, const struct fine *q,
    struct fine *out);

/* Registers fine f (checked), of kind f->type at its amount (clerks). */
int service_fine_register(struct service *svc, struct fine *f);

/* Takes the whole amount of fine id due today, in cash or by card (key:
 * once only); sets *payment_id and *amount. */
int service_fine_pay(struct service *svc, int64_t id,
    enum payment_channel channel, const char *key, int64_t *payment_id,
    money_t *amount);

/* Prints the receipt of a fine's payment. */
int service_fine_receipt(struct service *svc, int64_t payment_id,
    const char *printer);

#endif
