/*
 * The local side of sync: the outbox that triggers fill in each writer's
 * transaction, the rows it names exported as central records, pulled
 * records applied, and how far this station has pulled.  A person, a
 * request (with its fields and its registration) and a request's event
 * travel; see data/schema/0013-sync.sql.
 */
#ifndef GUICHET_STORE_SYNC_H
#define GUICHET_STORE_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guichet/central.h"

struct store;

/* Turns the outbox on (a station with a centre), putting in it every
 * person, request and event the station has, the first time.  Inside a
 * transaction; *first says whether it was the first time. */
int store_sync_enable(struct store *st, bool *first);

/* Writes this station's uid into out. */
int store_sync_station(struct store *st, char *out, size_t len);

/* Exports up to max changes waiting in the outbox after entry after,
 * oldest first, each row once, into out (bodies malloc'd:
 * central_records_free); *n is how many, *last the last outbox entry
 * they cover (0: none waiting). */
int store_sync_outbox(struct store *st, const char *station,
    struct central_record *out, int max, int64_t after, int *n,
    int64_t *last);

/* Drops the outbox entries up to last: the centre has them. */
int store_sync_sent(struct store *st, int64_t last);

/* Sets *count to the changes waiting in the outbox. */
int store_sync_waiting(struct store *st, int64_t *count);

/* What the status line shows of sync. */
struct sync_status {
	bool enabled;			/* the station has a centre */
	int64_t waiting;		/* changes in the outbox */
	char last_ok[32];		/* UTC ISO, or "" */
	char error_since[32];		/* UTC ISO, or "": syncs go through */
	char error[256];
};

/* Reads the sync's state into *out. */
int store_sync_status(struct store *st, struct sync_status *out);

/* Records how a sync round ended: error NULL when it went through. */
int store_sync_outcome(struct store *st, const char *error);

/* Reads the version the station has seen every record up to, and moves
 * it forward (never back). */
int store_sync_cursor(struct store *st, int64_t *cursor);
int store_sync_set_cursor(struct store *st, int64_t cursor);

/* Marks the open transaction as applying pulled records (nothing goes to
 * the outbox, no revision counts) or not. */
int store_sync_applying(struct store *st, bool on);

/* Applies pulled record r, unless what the station has is newer (a
 * higher revision, or the same with a later change); one that points at
 * a row not pulled yet (an event before its request) is kept for later.
 * A person applied loses its search keys: the caller indexes it anew
 * (store_person_each_unindexed).  Inside a transaction. */
int store_sync_apply(struct store *st, const struct central_record *r);

/* Applies the records kept for later whose rows have come; *applied
 * counts them.  Inside a transaction. */
int store_sync_unpark(struct store *st, int *applied);

#endif
