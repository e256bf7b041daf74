/*
 * Citizens in the store.  National ids are unique per kind; a second
 * person with the same CNP, AFM or AMKA is refused with G_ERR_EXISTS.
 */
#ifndef GUICHET_STORE_PERSON_H
#define GUICHET_STORE_PERSON_H

#include <stdint.h>

#include "guichet/person.h"

struct store;

/* Inserts p and sets *id.  Returns G_OK, G_ERR_EXISTS or G_ERR_STORE. */
int store_person_insert(struct store *st, const struct person *p,
    int64_t *id);

/* Sets *count to the number of people stored. */
int store_person_count(struct store *st, int64_t *count);

#endif
