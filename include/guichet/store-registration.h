/*
 * Registration requests in the store.
 */
#ifndef GUICHET_STORE_REGISTRATION_H
#define GUICHET_STORE_REGISTRATION_H

#include <stdint.h>

#include "guichet/registration.h"

struct store;

/* Inserts r (pending) and sets r->id. */
int store_registration_insert(struct store *st, struct registration *r);

/* Calls fn with each pending request, earliest deadline first, at most
 * limit; the person's name and national id are filled in. */
int store_registration_pending(struct store *st, int limit,
    int (*fn)(const struct registration *r, void *arg), void *arg);

/* Marks the pending requests of person_id done or rejected, by whom. */
int store_registration_close(struct store *st, int64_t person_id,
    enum registration_status status, const char *by, const char *note);

#endif
