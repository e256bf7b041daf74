/*
 * The taxpayer register in the store: written by the feed's import
 * (upserts keyed by the tax office's ids, so a file imported twice
 * changes nothing) and by payments; read for one taxpayer at a time.
 */
#ifndef GUICHET_STORE_REGISTER_H
#define GUICHET_STORE_REGISTER_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/dues.h"
#include "guichet/register.h"

struct store;

/* The upserts set *changed to whether they wrote anything: false when
 * the row was already stored as given. */

/* Inserts or updates the taxpayer of t->national_id (name, address),
 * linking the person or business of that id; sets t->id. */
int store_taxpayer_upsert(struct store *st, struct taxpayer *t,
    bool *changed);

/* Inserts or updates the unit of u->code; sets u->id. */
int store_unit_upsert(struct store *st, struct taxable_unit *u,
    bool *changed);

/* Records taxpayer_id as an owner of unit_id with share num/den. */
int store_unit_owner_set(struct store *st, int64_t unit_id,
    int64_t taxpayer_id, int num, int den, bool *changed);

/* Inserts or updates the obligation of o->ref (its id resolved by the
 * caller into taxpayer_id and unit_id); sets o->id. */
int store_obligation_upsert(struct store *st, struct obligation_row *o,
    bool *changed);

/* Finds the obligation of the tax office's ref; sets *id. */
int store_obligation_find(struct store *st, const char *ref, int64_t *id);

/* Finds the taxpayer of national_id, or of person_id when national_id is
 * NULL. */
int store_taxpayer_find(struct store *st, const char *national_id,
    int64_t person_id, struct taxpayer *out);

/* Reads taxpayer id. */
int store_taxpayer_get(struct store *st, int64_t id, struct taxpayer *out);

/* Finds the unit of code. */
int store_unit_find(struct store *st, const char *code,
    struct taxable_unit *out);

/* Calls fn with each obligation taxpayer id may see and pay: their own
 * and those on units they co-own, by due date, with what extinguished
 * them so far. */
int store_register_obligations(struct store *st, int64_t taxpayer_id,
    int (*fn)(const struct obligation_row *o, void *arg), void *arg);

/* Calls fn with each unit taxpayer id owns, with their share. */
int store_register_units(struct store *st, int64_t taxpayer_id,
    int (*fn)(const struct taxable_unit *u, void *arg), void *arg);

/* Inserts or updates the warrant of w->ref; sets w->id and *changed. */
int store_warrant_upsert(struct store *st, struct warrant *w, bool *changed);

/* Calls fn with each warrant issued to taxpayer id, newest first. */
int store_register_warrants(struct store *st, int64_t taxpayer_id,
    int (*fn)(const struct warrant *w, void *arg), void *arg);

/* Calls fn with each payment of taxpayer id, newest first. */
int store_register_payments(struct store *st, int64_t taxpayer_id,
    int (*fn)(const struct payment_row *p, void *arg), void *arg);

/* Inserts payment p (its key once only: G_ERR_EXISTS when known, with
 * p->id set to the one stored); sets p->id and p->registered_at. */
int store_payment_insert(struct store *st, struct payment_row *p);

/* Reads payment id. */
int store_payment_get(struct store *st, int64_t id, struct payment_row *out);

/* Records what payment_id did to obligation_id. */
int store_allocation_insert(struct store *st, int64_t payment_id,
    int64_t obligation_id, const struct allocation *a);

/* Calls fn with what payment_id did to each obligation, with the
 * obligation (its name, year and RF reference). */
int store_payment_allocations(struct store *st, int64_t payment_id,
    int (*fn)(const struct obligation_row *o, const struct allocation *a,
    void *arg), void *arg);

/* Starts the record of an import of file (its SHA-256) by whom; sets
 * *id. */
int store_register_import_begin(struct store *st, const char *file,
    const char *sha256, const char *by, int64_t *id);

/* Ends import id with what it read. */
int store_register_import_finish(struct store *st, int64_t id,
    int64_t rows_read, int64_t rows_bad);

/* Writes when the register was last refreshed (the end of the last
 * finished import, ISO UTC) into when, or "" when never. */
int store_register_refreshed(struct store *st, char *when, size_t len);

#endif
