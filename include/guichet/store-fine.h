/*
 * Fines and their payments in the store.
 */
#ifndef GUICHET_STORE_FINE_H
#define GUICHET_STORE_FINE_H

#include <stdint.h>

#include "guichet/fines.h"
#include "guichet/register.h"

struct store;

/* Finds the fine of municipality and number, with its payment if any. */
int store_fine_find(struct store *st, const char *municipality,
    const char *number, struct fine *out);

/* Reads fine id, with its payment if any. */
int store_fine_get(struct store *st, int64_t id, struct fine *out);

/* Inserts fine f (G_ERR_EXISTS when its number is taken); sets f->id. */
int store_fine_insert(struct store *st, struct fine *f, const char *by,
    const char *station);

/* Records the payment of fine_id: its key once only (G_ERR_EXISTS, with
 * *id set to the payment stored, when known).  A fine already paid under
 * another key is G_ERR_EXISTS with *id 0. */
int store_fine_pay(struct store *st, int64_t fine_id, const char *key,
    money_t amount, const char *paid_on, enum payment_channel channel,
    const char *by, const char *station, int64_t *id);

/* Reads payment id of a fine: the fine, and the payment's amount, day and
 * channel. */
int store_fine_payment_get(struct store *st, int64_t id, struct fine *fine,
    money_t *amount, enum payment_channel *channel);

#endif
