/*
 * What the service layer's files share.  Nothing above src/service/
 * includes this.
 */
#ifndef GUICHET_SERVICE_INTERNAL_H
#define GUICHET_SERVICE_INTERNAL_H

#include "guichet/calendar.h"
#include "guichet/register.h"
#include "guichet/service.h"

#define PRINT_TIMEOUT 60	/* seconds a print job may take to complete */

struct service {
	struct store *st;
	const struct conf *conf;
	struct service_actor actor;
	bool acting;
	char on_behalf[64];	/* the citizen the operation is for */
	struct request_type *types;	/* parsed forms/, on first use */
	int ntypes;
	struct dues_rules *dues;	/* the profile's, on first use */
	struct fine_rules *fines;	/* likewise */
	struct info_pages *info;	/* likewise */
	int64_t visitor_filed;	/* the request this visitor filed, or 0 */
	int failed_here;	/* citizen logins failed in a row here */
	int64_t retry_here;	/* and when this station takes the next */
	char message[512];
};

/* Says the operation now running is done for person id: its audit rows
 * name them too (a clerk acting for a citizen is recorded as both). */
void service_for(struct service *svc, int64_t person_id);

/* Sets the message the user will read and returns code. */
int service_fail(struct service *svc, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Clears the message before an operation. */
void service_clear(struct service *svc);

/* Returns G_OK when an actor is set and holds at least role needed, else
 * G_ERR_DENIED with the message set. */
int service_require(struct service *svc, enum role needed);

/* Starts an operation's transaction; on failure sets the message. */
int service_begin(struct service *svc);

/* Appends an audit row inside the open transaction: the actor (or
 * actor_name with actor_role when no one is acting yet) did action on
 * object. */
int service_audit(struct service *svc, const char *actor_name,
    const char *actor_role, const char *action, const char *object,
    const char *outcome);

/* Writes HMAC-SHA256 of kind:value under the installation's secret (made
 * with RAND_bytes on first use) into out.  Must run inside a write
 * transaction.  Returns G_OK, G_ERR_STORE or G_ERR_CRYPTO. */
int service_keyed_hash(struct service *svc, const char *kind,
    const char *value, char out[65]);

/* Checks the actor has at least role to read kind:id (id 0: kind
 * alone) by action; a refusal is audited, so a citizen probing for other
 * people's data leaves a trace.  Returns G_OK or the refusal. */
int service_require_read(struct service *svc, enum role role,
    const char *action, const char *kind, int64_t id);

/* Records that action on object was refused with rc before anything was
 * changed, in a transaction of its own; returns rc. */
int service_refused(struct service *svc, int rc, const char *action,
    const char *object);

/* Ends an operation begun with service_begin.  On G_OK it audits "ok" and
 * commits; otherwise it rolls the change back and audits the refusal
 * alone.  Returns rc, or G_ERR_STORE when the commit fails. */
int service_finish(struct service *svc, int rc, const char *action,
    const char *object);

/* Returns the dues rules of the configured profile (data/profiles/),
 * parsed on first use; NULL with the message set when damaged. */
struct dues_rules;
const struct dues_rules *service_dues_rules(struct service *svc);

/* Records payment p (its key once only) and allocates it over the
 * obligations its taxpayer may pay, as due on p->paid_on: only[0..nonly)
 * first, then by the profile's rule (dues_allocate); what is left is
 * kept as the payment's credit.  Runs inside the caller's open write
 * transaction and writes no audit row.  G_ERR_EXISTS, with p->id set to
 * the payment stored, when p->key was recorded before. */
struct payment_row;
int service_payment_apply(struct service *svc, struct payment_row *p,
    const int64_t *only, int nonly);

/* Returns G_OK when a counter payment may be taken in channel (cash or
 * card) with key (the screen's, 1 to 79 characters, no control
 * characters); else G_ERR_INVALID with the message set. */
int service_check_payment(struct service *svc, enum payment_channel channel,
    const char *key);

/* Parses the profile's file (the country's prefix, "ro" or "gr", then
 * suffix: "ro.ini", "gr-fines.ini") with parse into a new zeroed object of
 * size bytes, which it returns (caller frees); on failure logs, sets the
 * message and returns NULL. */
void *service_profile_load(struct service *svc, const char *suffix,
    size_t size, int (*parse)(const char *name, const char *text,
    void *out, char **cause));

#define CHECK_CODE_LEN 20	/* "3F9A-11C2-77D0-0B4E" and its NUL */

/* Writes into check the check code of what (of kind: "receipt",
 * "payment"): the first 64 bits of the installation's keyed hash, in four
 * groups of hex digits.  Must run in a write transaction. */
int service_check_code(struct service *svc, const char *kind,
    const char *what, char check[CHECK_CODE_LEN]);

/* Prints pdf (len bytes) through CUPS on printer (NULL: the configured
 * one), outside any transaction, then audits action on object with the
 * outcome; sets the message to printed, or to not_printed (a format
 * with one %s: why). */
int service_pdf_print(struct service *svc, const void *pdf, size_t len,
    const char *printer, const char *action, const char *object,
    const char *printed, const char *not_printed);

/* Prints doc through CUPS on printer (NULL: the configured one), outside
 * any transaction, then audits action on object with the outcome; sets
 * the message to printed, or to what went wrong. */
struct receipt_doc;
int service_receipt_print(struct service *svc, const struct receipt_doc *doc,
    const char *printer, const char *action, const char *object,
    const char *printed);

/* Adds demo person p (stored as person_id, the i-th of the demo) to the
 * taxpayer register: a home taxed last year and this one, some a car or
 * a shared plot, last year paid at a bank (in part for every third).
 * Runs inside the caller's open transaction. */
struct person;
int service_demo_register(struct service *svc, const struct person *p,
    int64_t person_id, uint64_t i, int year);

/* Imports the demo's council decisions of country (seeded by seed), each
 * with its PDF, as a supervisor imports them; one whose number is taken
 * by another decision is left out.  *added counts the new ones. */
int service_demo_decisions(struct service *svc, enum country country,
    uint64_t seed, int *added);

/* Reads request id for the one acting, saying so when there is none: a
 * citizen reads only their own, a visitor only what they just filed;
 * fills in the formatted numbers. */
struct request;
/* Turns the outbox on when a central store is configured (the first
 * time, queueing all the station has). */
int service_sync_enable(struct service *svc);

struct central;

/* The station's signing key file: [audit] key, or db_path and ".key". */
void service_signing_key_path(const struct conf *conf, const char *db_path,
    char *out, size_t len);

/* Makes the signing key when it is missing (guichetctl init, migrate). */
int service_signing_key_ensure(const struct conf *conf, const char *db_path,
    char **cause);

/* Loads the station's signing key; sets the message when it cannot. */
struct signing_key;
int service_signing_key(struct service *svc, struct signing_key **out);

/* Claims key at the central store for this station (see central_claim):
 * *mine tells whether this station holds it.  G_ERR_IO, with the
 * message set, when the centre cannot be reached. */
int service_central_claim(struct service *svc, const char *key,
    bool *mine);

/* Gives the requests waiting for a protocol number theirs from centre c,
 * in filing order, each in its own transaction; *count says how many. */
int service_sync_number(struct service *svc, struct central *c,
    int *count);

/* Gives the people without search keys theirs; *count says how many.
 * Inside a transaction. */
int service_person_index_missing(struct service *svc, int64_t *count);

/* Stores p, checked already, as known to the town hall without an
 * account (LEVEL_NONE) and sets *id; a person holding one of p's
 * national ids is not stored twice: G_ERR_EXISTS with their *id.  Must
 * run inside a transaction. */
int service_person_insert(struct service *svc, struct person *p,
    int64_t *id);

int service_request_load(struct service *svc, int64_t id, struct request *r);

#endif
