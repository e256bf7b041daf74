/*
 * The audit table.  Appends happen inside the caller's write transaction
 * (store_begin), so the row and the change it records commit together.
 */
#ifndef GUICHET_STORE_AUDIT_H
#define GUICHET_STORE_AUDIT_H

#include <stdint.h>

#include "guichet/audit.h"
#include "guichet/checkpoint.h"

struct store;

/* Reads the newest row's id and hash (0 and the genesis hash when the
 * trail is empty).  Returns G_OK or G_ERR_STORE. */
int store_audit_last(struct store *st, int64_t *id,
    char hash[AUDIT_HASH_LEN]);

/* Inserts row as given, id and hash included.  Returns G_OK or
 * G_ERR_STORE. */
int store_audit_insert(struct store *st, const struct audit_row *row);

/* Calls fn for each row in id order until it returns non-zero; the row's
 * strings live until fn returns.  Returns G_OK, G_ERR_STORE, or fn's
 * non-zero value. */
int store_audit_each(struct store *st,
    int (*fn)(const struct audit_row *row, void *arg), void *arg);

/* Keeps a signed checkpoint (never changed or removed). */
int store_checkpoint_insert(struct store *st, const struct checkpoint *c);

/* Calls fn for each checkpoint, oldest first, until it returns non-zero. */
int store_checkpoint_each(struct store *st,
    int (*fn)(const struct checkpoint *c, void *arg), void *arg);

/* Reads when the newest checkpoint was made; G_ERR_NOTFOUND for none. */
int store_checkpoint_latest(struct store *st, char at[32]);

#endif
