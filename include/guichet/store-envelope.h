/*
 * Envelopes and citizens' credentials in the store.
 */
#ifndef GUICHET_STORE_ENVELOPE_H
#define GUICHET_STORE_ENVELOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/envelope.h"

struct store;

/* Inserts e ('pending') with the next number of year, setting e->id and
 * e->serial.  Inside a write transaction, so numbers have no gaps. */
int store_envelope_insert(struct store *st, struct envelope *e, int year,
    const char *station);

/* Reads envelope id, or the one with serial when serial is not NULL. */
int store_envelope_get(struct store *st, int64_t id, const char *serial,
    struct envelope *out);

/* Calls fn with the envelopes of person_id (0: everyone's) in state
 * (-1: any), oldest first. */
int store_envelope_each(struct store *st, int64_t person_id, int state,
    int (*fn)(const struct envelope *e, void *arg), void *arg);

/* Records a completed print: credential, printer, job, expiry. */
int store_envelope_printed(struct store *st, int64_t id,
    int64_t credential_id, const char *printer, int job_id,
    const char *expires_at);

/* Records a failed print and why. */
int store_envelope_print_failed(struct store *st, int64_t id,
    const char *printer, int job_id, const char *error);

/* Sets the state of envelope id, with a reason. */
int store_envelope_set_state(struct store *st, int64_t id,
    enum envelope_state state, const char *reason);

/* Records the hand-over: by whom, against which document. */
int store_envelope_handed_over(struct store *st, int64_t id, const char *by,
    const char *document);

/* Expires printed envelopes whose time ran out before now (ISO time) and
 * revokes their credentials; *count says how many. */
int store_envelope_expire(struct store *st, const char *now, int64_t *count);

/* Inserts c and sets c->id; G_ERR_EXISTS when the username is taken by
 * an active credential. */
int store_credential_insert(struct store *st, struct credential *c);

/* Reads the live (not revoked) credential called username: the active
 * one when there is one, else the newest pending one. */
int store_credential_by_username(struct store *st, const char *username,
    struct credential *out);

/* Reads credential id. */
int store_credential_get(struct store *st, int64_t id,
    struct credential *out);

/* Sets the state of credential id (reason kept when revoking). */
int store_credential_set_state(struct store *st, int64_t id,
    enum credential_state state, const char *reason);

/* Revokes every live credential of person_id but except_id. */
int store_credential_revoke_others(struct store *st, int64_t person_id,
    int64_t except_id, const char *reason);

/* Replaces the password hash; must_change as given; clears failures. */
int store_credential_set_password(struct store *st, int64_t id,
    const char *hash, bool must_change);

/* Records the throttling state after a login attempt. */
int store_credential_set_attempts(struct store *st, int64_t id, int failed,
    bool locked, int64_t retry_after);

#endif
