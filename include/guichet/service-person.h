/*
 * Citizens at the counter: find, register, open the card, validate
 * identity in person, revoke a validation.  Every change is audited with
 * the citizen it was done for.
 */
#ifndef GUICHET_SERVICE_PERSON_H
#define GUICHET_SERVICE_PERSON_H

#include <stdint.h>

#include "guichet/enrolment.h"
#include "guichet/person-check.h"
#include "guichet/person.h"
#include "guichet/validation.h"

struct service;

#define PERSON_SEARCH_MAX 200	/* results one search returns at most */

/* Registers p as a citizen with a standard account (Level A).  Returns
 * G_OK and sets *id; G_ERR_INVALID with problems[0..*count) filled (one
 * per field, in field order); G_ERR_EXISTS when a national id is already
 * registered, with *id set to that person so the clerk can open them. */
int service_person_register(struct service *svc, struct person *p,
    struct person_problem *problems, int max, int *count, int64_t *id);

/* Finds people: by national id when query is digits, by e-mail when it
 * holds '@', else by name words in any order, each a prefix, accents and
 * case ignored.  Calls fn for at most limit people. */
int service_person_search(struct service *svc, const char *query, int limit,
    int (*fn)(const struct person_summary *p, void *arg), void *arg);

/* Sets *id to the person whose CNP, AFM or AMKA is exactly national_id;
 * G_ERR_NOTFOUND (with the message) when there is none. */
int service_person_find(struct service *svc, const char *national_id,
    int64_t *id);

/* Reads person id (a clerk opening the card; the read is not audited). */
int service_person_get(struct service *svc, int64_t id, struct person *out);

/* Calls fn with each level change of person id, oldest first. */
int service_person_history(struct service *svc, int64_t id,
    int (*fn)(const struct level_change *c, void *arg), void *arg);

/* Calls fn with each validation of person id, oldest first. */
int service_person_validations(struct service *svc, int64_t id,
    int (*fn)(const struct validation *v, void *arg), void *arg);

/* Validates person id: v gives the method, and for the counter the
 * document shown (checked and normalised: expired is refused) and, when
 * the document shows no address, what proved it.  The person moves to
 * Level B.  G_ERR_EXISTS when this national id already has an active
 * validation (on this or another record). */
int service_person_validate(struct service *svc, int64_t id,
    struct validation *v);

/* Validates person id with the signed enrolment request at path: the
 * signature is verified against the [enrolment] ca bundle, and the signer
 * must be this person (the certificate's serialNumber is their national
 * id, or its name is theirs).  signer (may be NULL) receives what the
 * certificate says; release it with enrolment_clear.  Refusals say why:
 * a changed document, an untrusted or expired certificate, another
 * signer. */
int service_person_validate_signed(struct service *svc, int64_t id,
    const char *path, struct enrolment *signer);

/* Verifies the signed request at path for person id without changing
 * anything, so the clerk sees who signed it before validating.  Fills
 * *signer (release with enrolment_clear; filled also when the signature
 * is valid but the signer is someone else: G_ERR_DENIED) or returns an
 * error with the reason. */
int service_enrolment_check(struct service *svc, int64_t id,
    const char *path, struct enrolment *signer);

/* Revokes the active validation of person id for reason; the person goes
 * back to Level A. */
int service_person_revoke(struct service *svc, int64_t id,
    const char *reason);

/* Suspends (to LEVEL_SUSPENDED), closes (LEVEL_CLOSED) or reinstates
 * (LEVEL_STANDARD: back to Level B when a validation is still active,
 * else Level A) the account of person id, for reason.  Needs a
 * supervisor; closing is final. */
int service_person_set_status(struct service *svc, int64_t id,
    enum account_level to, const char *reason);

/* Folds the names of people stored by an older version, so that search
 * finds them; returns how many were indexed in *count. */
int service_person_reindex(struct service *svc, int64_t *count);

#endif
