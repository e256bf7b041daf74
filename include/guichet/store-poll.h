/*
 * Polls in the store: the question and options with their counts, and
 * who voted, kept apart.
 */
#ifndef GUICHET_STORE_POLL_H
#define GUICHET_STORE_POLL_H

#include <stdint.h>

#include "guichet/service-poll.h"

struct store;

/* Inserts poll p with its options, by whom; sets p->id. */
int store_poll_insert(struct store *st, struct poll *p, const char *by);

/* Reads poll id with its options and counts; voted says whether
 * person_id (0: no one) voted in it. */
int store_poll_get(struct store *st, int64_t id, int64_t person_id,
    struct poll *out);

/* Calls fn with each poll open on day ("YYYY-MM-DD"; NULL: every poll),
 * newest first, read as store_poll_get does. */
int store_poll_each(struct store *st, const char *day, int64_t person_id,
    int (*fn)(const struct poll *p, void *arg), void *arg);

/* Records that person_id voted in poll id, from origin, and counts one
 * vote for option: G_ERR_EXISTS when they voted already. */
int store_poll_vote(struct store *st, int64_t id, int64_t person_id,
    const char *origin, int option);

/* The key under which person_id's vote in poll id is claimed at the
 * central store: the poll's and the person's uids, the same at every
 * station.  out holds STORE_VOTE_KEY_LEN bytes. */
#define STORE_VOTE_KEY_LEN 96
int store_poll_vote_key(struct store *st, int64_t id, int64_t person_id,
    char out[STORE_VOTE_KEY_LEN]);

#endif
