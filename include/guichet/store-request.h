/*
 * Requests and the registry in the store.  Protocol numbers are taken
 * inside the caller's write transaction (serialised by the writer lock),
 * as the next number of the year: gap-free and unique however many
 * processes write.
 */
#ifndef GUICHET_STORE_REQUEST_H
#define GUICHET_STORE_REQUEST_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/digest.h"
#include "guichet/signing.h"

#include "guichet/request.h"

struct store;

/* Inserts r ('submitted') with its n values; sets r->id. */
int store_request_insert(struct store *st, struct request *r,
    const struct request_value *values, int n);

/* Which requests a list shows; zeroed, every request, oldest first. */
struct request_filter {
	const char *department;		/* NULL: every department */
	unsigned statuses;		/* bit (1u << status); 0: any */
	int64_t person_id;		/* 0: anyone's */
	const char *assigned_to;	/* NULL: anyone's; "": no one's */
	bool newest_first;
	int limit;			/* 0: no limit */
};

/* Calls fn with each request that f lets through (with its protocol and
 * emergency numbers); fn returns non-zero to stop. */
int store_request_list(struct store *st, const struct request_filter *f,
    int (*fn)(const struct request *r, void *arg), void *arg);

/* A change of status, as the history shows it. */
struct request_event {
	enum request_status from, to;
	char text[4096];
	char by[160];
	char station[96];
	char at[32];
};

/* Calls fn with each change of request id, oldest first. */
int store_request_events(struct store *st, int64_t id,
    int (*fn)(const struct request_event *e, void *arg), void *arg);

/* Gives request id to staff member username ("" takes it back). */
int store_request_assign(struct store *st, int64_t id, const char *username);

/* Reads request id, with its protocol number when it has one. */
int store_request_get(struct store *st, int64_t id, struct request *out);

/* Calls fn with each field value of request id, in filing order. */
int store_request_values(struct store *st, int64_t id,
    int (*fn)(const char *name, const char *value, void *arg), void *arg);

/* Gives request id the next protocol number of year; sets *number. */
int store_registry_register(struct store *st, int64_t id, int year,
    const char *by, const char *station, int64_t *number);

/* Queues request id for a protocol number from the centre. */
int store_registry_pending_add(struct store *st, int64_t id);

/* Calls fn with each request waiting for a number from the centre, with
 * its uid, in filing order; fn's non-zero return stops and is returned. */
int store_registry_pending_each(struct store *st,
    int (*fn)(int64_t id, const char *uid, void *arg), void *arg);

/* Records the number the centre gave request id and takes it off the
 * queue. */
int store_registry_pending_done(struct store *st, int64_t id, int year,
    int64_t number, const char *by, const char *station);

/* Gives request id the next emergency number of station and year, under
 * the station's open outage (opened with cause when there is none); sets
 * *number. */
int store_emergency_register(struct store *st, int64_t id,
    const char *station, int year, const char *cause, int64_t *number);

/* Finds the request with emergency number of station and year. */
int store_emergency_find(struct store *st, const char *station, int year,
    int64_t number, int64_t *id);

/* Calls fn with each request of station that has an emergency number but
 * no ordinary one yet, in emergency-number order. */
int store_emergency_pending(struct store *st, const char *station,
    int (*fn)(int64_t id, void *arg), void *arg);

/* Ends the station's open outage, if any. */
int store_outage_close(struct store *st, const char *station);

/* Annuls the registration of request id, by whom, for reason;
 * G_ERR_NOTFOUND when it has none, G_ERR_EXISTS when already annulled. */
int store_registry_annul(struct store *st, int64_t id, const char *by,
    const char *reason);

/* Calls fn with the canonical line of each registration made on day
 * ("YYYY-MM-DD", by registered_at), in year and number order:
 * "year|number|request|registered_at|by|station".  An annulment is not
 * part of it (it is in the audit trail), so annulling after the seal
 * keeps the seal valid.  Only station's own: those another station made
 * arrive by sync at any time, after this station sealed the day. */
int store_registry_day(struct store *st, const char *day, const char *station,
    int (*fn)(const char *line, void *arg), void *arg);

/* Records the seal of day; G_ERR_EXISTS when it is sealed already. */
struct registry_seal {
	int64_t count;
	char hash[DIGEST_HEX];
	char public[SIGNING_PUBLIC_B64];	/* "": sealed before signatures */
	char signature[SIGNING_SIGNATURE_B64];
};
int store_registry_seal(struct store *st, const char *day,
    const struct registry_seal *seal, const char *by);

/* Reads the seal of day. */
int store_registry_seal_get(struct store *st, const char *day,
    struct registry_seal *out);

/* Finds the request registered as number of year. */
int store_registry_find(struct store *st, int year, int64_t number,
    int64_t *id);

/* Sets request id's status (and reply when not NULL, the original it
 * duplicates when duplicate_of is not 0), recording the event with its
 * text, who and where. */
int store_request_set_status(struct store *st, int64_t id,
    enum request_status from, enum request_status to, const char *text,
    const char *reply, int64_t duplicate_of, const char *by,
    const char *station);

#endif
