/*
 * Sealed-envelope credentials (Romanian norms art. 18-20, annex 2).
 *
 * Issuing makes an envelope for a registered citizen; printing makes its
 * one-time password with RAND_bytes, keeps only its scrypt hash, draws
 * the envelope and sends it to the envelope queue, and wipes the password
 * once CUPS has the job; a failed print leaves no usable credential.  The
 * credential works only after the clerk hands the envelope over against
 * the citizen's identity document, and its first login must choose a new
 * password.  An envelope reported unsealed is revoked at once and a
 * replacement issued and printed.  Envelopes not handed over in
 * [print] expire_days expire.
 */
#ifndef GUICHET_SERVICE_ENVELOPE_H
#define GUICHET_SERVICE_ENVELOPE_H

#include <stdint.h>

#include "guichet/envelope.h"
#include "guichet/iddoc.h"

struct service;

/* Issues a new envelope for person_id ('pending') into *out.  The person
 * must have an account (Level A or B). */
int service_envelope_issue(struct service *svc, int64_t person_id,
    struct envelope *out);

/* Prints envelope id on printer (NULL: the configured one) and reads it
 * back into *out.  G_ERR_IO when the queue is missing, stopped or the job
 * failed: the envelope is then 'print-failed', the message says why, and
 * its credential is not usable. */
int service_envelope_print(struct service *svc, int64_t id,
    const char *printer, struct envelope *out);

/* Prints every pending or failed envelope, one job each (supervisors).
 * fn, when not NULL, hears about each envelope after its attempt, with
 * the result code and the message; *printed and *failed count them. */
int service_envelope_print_pending(struct service *svc, const char *printer,
    void (*fn)(const struct envelope *e, int rc, const char *message,
    int done, int total, void *arg), void *arg, int *printed, int *failed);

/* Hands envelope id over to its citizen, whose identity document doc was
 * checked (the validation rules apply: an expired document is refused);
 * the credential becomes usable, any older one of the person is revoked. */
int service_envelope_hand_over(struct service *svc, int64_t id,
    struct iddoc *doc);

/* The citizen logged in reports their credentials exposed (norms annex
 * 2): they are revoked at once, a replacement envelope is queued for the
 * counter, and the session ends.  Allowed even before the first password
 * change. */
int service_citizen_report_exposed(struct service *svc,
    struct envelope *replacement);

/* The citizen reports envelope id unsealed, or the credentials exposed:
 * its credential is revoked at once, and a replacement is issued into
 * *replacement (pending: print it next). */
int service_envelope_replace(struct service *svc, int64_t id,
    const char *reason, struct envelope *replacement);

/* Reads envelope id, or the one with serial when serial is not NULL. */
int service_envelope_get(struct service *svc, int64_t id,
    const char *serial, struct envelope *out);

/* Calls fn with the envelopes of person_id (0: all), oldest first, after
 * expiring those whose time ran out. */
int service_envelope_list(struct service *svc, int64_t person_id,
    int (*fn)(const struct envelope *e, void *arg), void *arg);

#endif
