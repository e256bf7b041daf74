/*
 * Requests, complaints and proposals, and the registry.  Filing gives a
 * request its id at once; registering gives it a protocol number, per
 * year and without gaps (certificate requests are registered on filing).
 * Every change of status is checked against the rules of
 * request-status.h and recorded with who made it; the citizen a clerk
 * acts for is in the audit row too.
 */
#ifndef GUICHET_SERVICE_REQUEST_H
#define GUICHET_SERVICE_REQUEST_H

#include <stdint.h>

#include "guichet/request-type.h"
#include "guichet/request.h"
#include "guichet/store-request.h"

struct service;

/* Returns the type called id, or NULL (the message says so). */
const struct request_type *service_request_type(struct service *svc,
    const char *id);

/* Returns the request types known (*n of them), or NULL with the message
 * set when a type file is damaged. */
const struct request_type *service_request_types(struct service *svc,
    int *n);

/* Returns G_OK when the one acting may file a request of type_id for
 * person_id (0: anonymous; a citizen always files for themselves), else
 * G_ERR_DENIED with the message saying what account it needs, before
 * anyone types a whole form. */
int service_request_may_file(struct service *svc, const char *type_id,
    int64_t person_id);

/* Files a request of type_id for person_id (0: anonymous) with the n
 * values given (field name = value).  Each value is checked against its
 * field; a missing required field, an unknown field, a value too long or
 * with control characters is refused with the field's name and nothing is
 * stored.  The person's account level must allow the type.  Sets *out
 * (with its protocol number when the type registers on filing). */
int service_request_file(struct service *svc, const char *type_id,
    int64_t person_id, const struct request_value *values, int n,
    struct request *out);

/* Registers request id: the next protocol number of this year. */
int service_request_register(struct service *svc, int64_t id,
    struct request *out);

/* Gives the requests this station registered in emergency their
 * ordinary numbers, in filing order, and ends the outage; *count says
 * how many.  Refused while the registry is still unreachable.  (Also done
 * before any new registration once the registry is back.) */
int service_request_recover(struct service *svc, int *count);

/* Annuls the registration of request id, visibly, for reason
 * (supervisors): the protocol number stays taken and shown as annulled. */
int service_request_annul(struct service *svc, int64_t id,
    const char *reason);

/* Seals day ("YYYY-MM-DD", a day that has ended): SHA-256 over its
 * registrations in number order.  Sets *count and hash (65 bytes). */
int service_registry_seal(struct service *svc, const char *day,
    int64_t *count, char *hash);

/* Checks day's registrations against its seal: G_OK, G_ERR_TAMPERED
 * (the message says what differs) or G_ERR_NOTFOUND (not sealed). */
int service_registry_verify(struct service *svc, const char *day);

/* Reads a request by its id ("123"), its protocol number ("2026/000123")
 * or its emergency number ("E-2026-000007"); "#123" is the id too.  A
 * citizen finds only their own, a visitor only what they just filed:
 * anyone else's is "no such request". */
int service_request_find(struct service *svc, const char *what,
    struct request *out);

/* Moves request id to status to, with text (the reason, or the reply
 * for "answered"); a duplicate names its original (its id or number as
 * typed; NULL otherwise), which is kept as its link.  Staff only, except
 * that a citizen resubmits their own request when it was returned to
 * them. */
int service_request_set_status(struct service *svc, int64_t id,
    enum request_status to, const char *text, const char *original,
    struct request *out);

/* Calls fn with each request f lets through; a citizen sees only their
 * own, whatever f says. */
int service_request_list(struct service *svc, const struct request_filter *f,
    int (*fn)(const struct request *r, void *arg), void *arg);

/* Calls fn with each field value of request id (see find for who may). */
int service_request_values(struct service *svc, int64_t id,
    int (*fn)(const char *name, const char *value, void *arg), void *arg);

/* Calls fn with each change of status of request id, oldest first. */
int service_request_events(struct service *svc, int64_t id,
    int (*fn)(const struct request_event *e, void *arg), void *arg);

/* Gives request id to staff member username (NULL or "": the one logged
 * in).  A clerk takes requests; a supervisor hands them to others. */
int service_request_assign(struct service *svc, int64_t id,
    const char *username);

#endif
