/*
 * Validations in the store: one active per national key (the store's
 * unique index refuses a second: G_ERR_EXISTS).
 */
#ifndef GUICHET_STORE_VALIDATION_H
#define GUICHET_STORE_VALIDATION_H

#include <stdint.h>

#include "guichet/validation.h"

struct store;

/* Inserts v for the person with national key key; sets v->id. */
int store_validation_insert(struct store *st, struct validation *v,
    const char *key);

/* Reads the active validation of person id; G_ERR_NOTFOUND if none. */
int store_validation_active(struct store *st, int64_t person_id,
    struct validation *out);

/* Reads the active validation under national key key, for any person. */
int store_validation_by_key(struct store *st, const char *key,
    struct validation *out);

/* Marks validation id revoked by whom, for reason. */
int store_validation_revoke(struct store *st, int64_t id, const char *by,
    const char *reason);

/* Calls fn with each validation of person id, oldest first. */
int store_validation_each(struct store *st, int64_t person_id,
    int (*fn)(const struct validation *v, void *arg), void *arg);

#endif
