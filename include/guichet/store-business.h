/*
 * Businesses and their legal representatives in the store.
 */
#ifndef GUICHET_STORE_BUSINESS_H
#define GUICHET_STORE_BUSINESS_H

#include <stdint.h>

#include "guichet/business.h"

struct store;

/* Inserts b (by whom, with its folded name) and sets b->id;
 * G_ERR_EXISTS when its CUI or AFM is taken. */
int store_business_insert(struct store *st, struct business *b,
    const char *folded_name, const char *by);

/* Reads business id; G_ERR_NOTFOUND when there is none. */
int store_business_get(struct store *st, int64_t id, struct business *out);

/* Finds a business by CUI ("cui") or AFM ("afm"). */
int store_business_find(struct store *st, const char *column,
    const char *value, int64_t *id);

/* Calls fn with each business whose folded name starts with prefix or
 * whose CUI/AFM does, at most limit, by name. */
int store_business_search(struct store *st, const char *prefix, int limit,
    int (*fn)(const struct business *b, void *arg), void *arg);

/* Records r (an active representation) and sets r->id; G_ERR_EXISTS when
 * the person already represents the business. */
int store_representative_insert(struct store *st,
    struct representative *r, const char *station);

/* Ends representation id, by whom. */
int store_representative_end(struct store *st, int64_t id, const char *by);

/* Calls fn with each active representation of a business (business_id
 * set) or of a person (person_id set; the other 0). */
int store_representative_each(struct store *st, int64_t business_id,
    int64_t person_id,
    int (*fn)(const struct representative *r, void *arg), void *arg);

#endif
