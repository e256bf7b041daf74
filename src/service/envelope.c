#include "config.h"

#include "guichet/service-envelope.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/credential.h"
#include "guichet/demo.h"
#include "guichet/envelope-pdf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/password.h"
#include "guichet/printer.h"
#include "guichet/store-envelope.h"
#include "guichet/store-person.h"
#include "guichet/store.h"
#include "guichet/xmalloc.h"
#include "service-internal.h"


/* Loads envelope id (or serial) inside an operation, saying so when
 * there is none. */
static int
envelope_load(struct service *svc, int64_t id, const char *serial,
    struct envelope *e)
{
	int rc = store_envelope_get(svc->st, id, serial, e);

	if (rc == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("There is no such envelope."));
	return rc;
}

/* Writes "envelope:SERIAL" for audit rows. */
static void
envelope_object(const struct envelope *e, char *out, size_t len)
{
	snprintf(out, len, "envelope:%s", e->serial);
}

int
service_envelope_issue(struct service *svc, int64_t person_id,
    struct envelope *out)
{
	char object[64];
	struct person p;
	int rc;

	service_clear(svc);
	service_for(svc, person_id);
	memset(out, 0, sizeof *out);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "envelope.issue",
		    svc->on_behalf);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_person_get(svc->st, person_id, &p);
	if (rc == G_OK && p.level != LEVEL_STANDARD &&
	    p.level != LEVEL_VALIDATED) {
		service_fail(svc, G_ERR_DENIED, "%s", _("Credentials go to "
		    "registered citizens only (Level A or B): register the "
		    "citizen, or reinstate the account, first."));
		rc = G_ERR_DENIED;
	}
	if (rc == G_OK) {
		out->person_id = person_id;
		snprintf(out->created_by, sizeof out->created_by, "%s",
		    svc->actor.name);
		rc = store_envelope_insert(svc->st, out, clock_today().year,
		    svc->conf->station);
	}
	snprintf(object, sizeof object, "envelope:%s", out->serial[0] ?
	    out->serial : "?");
	if (rc == G_OK)
		service_fail(svc, G_OK, _("Envelope %s issued."), out->serial);
	return service_finish(svc, rc, "envelope.issue", object);
}

/* The translated texts of an envelope, in the citizen's language. */
struct envelope_texts {
	char serial[64], username[64], password[64], stamp[64];
	char instructions[1024];
};

/* Fills t in lang, then puts the screen's language back. */
static void
envelope_texts(const char *lang, struct envelope_texts *t)
{
	char screen[8];

	snprintf(screen, sizeof screen, "%s", i18n_language());
	i18n_set_language(lang);
	snprintf(t->serial, sizeof t->serial, "%s", _("Envelope no."));
	snprintf(t->username, sizeof t->username, "%s", _("Username"));
	snprintf(t->password, sizeof t->password, "%s",
	    _("One-time password"));
	snprintf(t->stamp, sizeof t->stamp, "%s", _("Stamp"));
	snprintf(t->instructions, sizeof t->instructions, "%s", _("Keep this "
	    "letter to yourself. At the town hall's kiosk or on its web "
	    "platform, log in with the username and the one-time password "
	    "above: you will be asked at once to choose your own password. "
	    "If this envelope reached you open or damaged, tell the town hall: "
	    "the password is then cancelled and a new envelope issued."));
	i18n_set_language(screen);
}

/* Chooses the username of p's new credential: their e-mail when free,
 * else given.surname in ASCII, numbered when taken. */
static int
username_for(struct service *svc, const struct person *p, char *out,
    size_t len)
{
	struct credential c;
	char given[64], surname[64];
	int i, rc;

	for (i = 0; i < 100; i++) {
		if (i == 0 && p->email[0] != '\0') {
			snprintf(out, len, "%s", p->email);
			for (char *q = out; *q != '\0'; q++)
				*q = (char)tolower((unsigned char)*q);
		} else {
			demo_ascii(p->given_names, given, sizeof given);
			demo_ascii(p->surname, surname, sizeof surname);
			if (strchr(given, '-') != NULL)
				*strchr(given, '-') = '\0';
			if (i <= 1)
				snprintf(out, len, "%s.%s", given, surname);
			else
				snprintf(out, len, "%s.%s%d", given, surname, i);
		}
		rc = store_credential_by_username(svc->st, out, &c);
		if (rc == G_ERR_NOTFOUND)
			return G_OK;
		if (rc != G_OK)
			return rc;
		if (c.person_id == p->id)
			return G_OK;	/* revoked below when this one goes live */
	}
	return service_fail(svc, G_ERR_EXISTS, "%s", _("No free username "
	    "could be made for this citizen."));
}

/* Draws the envelope into a PDF; the caller wipes and frees it. */
static int
envelope_render(struct service *svc, const struct envelope *e,
    const struct person *p, const char *username, const char *password,
    const char *check, unsigned char **pdf, size_t *len)
{
	struct envelope_layout layout;
	struct envelope_texts t;
	struct envelope_doc doc;
	char name[600], qr[128], *cause = NULL;
	const char *reason = NULL;

	envelope_layout_default(&layout);
	if (svc->conf->print_layout[0] != '\0' &&
	    envelope_layout_load(svc->conf->print_layout, &layout, &cause) !=
	    G_OK) {
		service_fail(svc, G_ERR_CONFIG, _("The envelope layout is "
		    "wrong: %s"), cause);
		free(cause);
		return G_ERR_CONFIG;
	}
	envelope_texts(strcmp(p->country, "GR") == 0 ? "el" : "ro", &t);
	snprintf(name, sizeof name, "%s %s", p->given_names, p->surname);
	snprintf(qr, sizeof qr, "%s %s", e->serial, check);
	memset(&doc, 0, sizeof doc);
	doc.town = svc->conf->town;
	doc.serial = e->serial;
	doc.recipient = name;
	doc.address = &p->address;
	doc.username = username;
	doc.password = password;
	doc.qr_text = qr;
	doc.label_serial = t.serial;
	doc.label_username = t.username;
	doc.label_password = t.password;
	doc.label_stamp = t.stamp;
	doc.instructions = t.instructions;
	if (envelope_pdf(&doc, &layout, pdf, len, &reason) != G_OK)
		return service_fail(svc, G_ERR_IO, _("The envelope could not be "
		    "drawn: %s"), _(reason));
	return G_OK;
}

/* Records the outcome of a print in one transaction with its audit row:
 * the credential and 'printed', or 'print-failed' and why. */
static int
print_record(struct service *svc, struct envelope *e, struct credential *c,
    const char *printer, int job_id, const char *error)
{
	char object[64], expires[CLOCK_ISO_LEN], outcome[300];
	int rc;

	envelope_object(e, object, sizeof object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if (error == NULL) {
		clock_iso(clock_now() + (int64_t)svc->conf->envelope_expire_days *
		    86400, expires, sizeof expires);
		rc = store_credential_insert(svc->st, c);
		if (rc == G_OK)
			rc = store_envelope_printed(svc->st, e->id, c->id,
			    printer, job_id, expires);
		snprintf(outcome, sizeof outcome, "ok");
	} else {
		rc = store_envelope_print_failed(svc->st, e->id, printer,
		    job_id, error);
		snprintf(outcome, sizeof outcome, "refused: print failed");
	}
	if (rc == G_OK)
		rc = service_audit(svc, "", "", "envelope.print", object,
		    outcome);
	if (rc != G_OK) {
		store_rollback(svc->st);
		return service_fail(svc, G_ERR_STORE, "%s", _("The print could "
		    "not be recorded; print the envelope again."));
	}
	return store_commit(svc->st) == G_OK ? G_OK : G_ERR_STORE;
}

int
service_envelope_print(struct service *svc, int64_t id, const char *printer,
    struct envelope *out)
{
	char password[CREDENTIAL_PASSWORD_LEN + 1], check[65], object[64];
	struct credential c;
	struct person p;
	unsigned char *pdf = NULL;
	size_t len = 0;
	char *reason = NULL;
	int rc, job = 0;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "envelope.print", "envelope:?");
	if (printer == NULL)
		printer = svc->conf->printer;
	/* Read what the envelope needs, and make its check value. */
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = envelope_load(svc, id, NULL, out)) == G_OK &&
	    out->state != ENVELOPE_PENDING &&
	    out->state != ENVELOPE_PRINT_FAILED) {
		service_fail(svc, G_ERR_INVALID, _("Envelope %s is %s: only a "
		    "waiting envelope is printed."), out->serial,
		    _(envelope_state_label(out->state)));
		rc = G_ERR_INVALID;
	}
	if (rc == G_OK)
		rc = store_person_get(svc->st, out->person_id, &p);
	memset(&c, 0, sizeof c);
	if (rc == G_OK)
		rc = username_for(svc, &p, c.username, sizeof c.username);
	if (rc == G_OK)
		rc = service_keyed_hash(svc, "envelope", out->serial, check);
	if (rc != G_OK) {
		snprintf(object, sizeof object, "envelope:%lld", (long long)id);
		return service_finish(svc, rc, "envelope.print", object);
	}
	store_commit(svc->st);
	service_for(svc, out->person_id);
	check[16] = '\0';

	/* The secret exists in clear from here until the job is sent. */
	if (credential_generate(password, CREDENTIAL_PASSWORD_LEN) != G_OK ||
	    password_hash(password, c.password_hash,
	    sizeof c.password_hash) != G_OK) {
		secret_wipe(password, sizeof password);
		return service_fail(svc, G_ERR_CRYPTO, "%s", _("No secure "
		    "password could be made (crypto library error)."));
	}
	rc = envelope_render(svc, out, &p, c.username, password, check, &pdf,
	    &len);
	secret_wipe(password, sizeof password);
	if (rc == G_OK) {
		rc = printer_submit_pdf(printer, out->serial, pdf, len,
		    PRINT_TIMEOUT, &job, &reason);
		secret_wipe(pdf, len);
		free(pdf);
	}
	c.person_id = out->person_id;
	c.state = CREDENTIAL_PENDING;
	if (rc == G_OK)
		rc = print_record(svc, out, &c, printer, job, NULL);
	else if (reason != NULL) {
		print_record(svc, out, &c, printer, job, reason);
		service_fail(svc, G_ERR_IO, _("Envelope %s was not printed: %s. "
		    "Its credentials are not usable; print it again once the "
		    "printer works."), out->serial, reason);
		log_warn("envelope %s not printed: %s", out->serial, reason);
		rc = G_ERR_IO;
	}
	free(reason);
	secret_wipe(c.password_hash, sizeof c.password_hash);
	if (rc == G_OK) {
		store_envelope_get(svc->st, id, NULL, out);
		service_fail(svc, G_OK, _("Envelope %s printed (job %d); hand it "
		    "over once the citizen shows their identity document."),
		    out->serial, job);
	}
	return rc;
}

struct pending {
	int64_t *ids;
	int count, cap;
};

static int
collect(const struct envelope *e, void *arg)
{
	struct pending *p = arg;

	if (p->count == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->ids = xreallocarray(p->ids, (size_t)p->cap,
		    sizeof *p->ids);
	}
	p->ids[p->count++] = e->id;
	return 0;
}

int
service_envelope_print_pending(struct service *svc, const char *printer,
    void (*fn)(const struct envelope *e, int rc, const char *message,
    int done, int total, void *arg), void *arg, int *printed, int *failed)
{
	struct pending p = { NULL, 0, 0 };
	struct envelope e;
	int rc, i;

	service_clear(svc);
	*printed = *failed = 0;
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK)
		return service_refused(svc, rc, "envelope.print", "envelope:*");
	if ((rc = store_envelope_each(svc->st, 0, ENVELOPE_PENDING, collect,
	    &p)) == G_OK)
		rc = store_envelope_each(svc->st, 0, ENVELOPE_PRINT_FAILED,
		    collect, &p);
	for (i = 0; rc == G_OK && i < p.count; i++) {
		int one = service_envelope_print(svc, p.ids[i], printer, &e);

		if (one == G_OK)
			(*printed)++;
		else
			(*failed)++;
		if (fn != NULL)
			fn(&e, one, service_message(svc), i + 1, p.count, arg);
	}
	free(p.ids);
	if (rc != G_OK)
		return rc;
	service_fail(svc, *failed ? G_ERR_IO : G_OK, _("%d printed, %d "
	    "failed."), *printed, *failed);
	return *failed ? G_ERR_IO : G_OK;
}

/* Expires, inside the open transaction, the envelopes whose time ran
 * out. */
static int
expire_due(struct service *svc)
{
	char now[CLOCK_ISO_LEN];
	int64_t n;
	int rc;

	clock_now_iso(now, sizeof now);
	if ((rc = store_envelope_expire(svc->st, now, &n)) == G_OK && n > 0)
		rc = service_audit(svc, "", "", "envelope.expire", "envelope:*",
		    "ok");
	return rc;
}

int
service_envelope_hand_over(struct service *svc, int64_t id,
    struct iddoc *doc)
{
	char object[64] = "envelope:?", document[200];
	const char *reason;
	struct envelope e;
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "envelope.hand-over", object);
	if ((reason = iddoc_check(doc, clock_today())) != NULL) {
		service_fail(svc, G_ERR_INVALID, "%s", _(reason));
		return service_refused(svc, G_ERR_INVALID, "envelope.hand-over",
		    object);
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = expire_due(svc)) == G_OK)
		rc = envelope_load(svc, id, NULL, &e);
	if (rc == G_OK) {
		envelope_object(&e, object, sizeof object);
		service_for(svc, e.person_id);
		if (e.state != ENVELOPE_PRINTED) {
			service_fail(svc, G_ERR_INVALID, _("Envelope %s is %s: "
			    "only a printed envelope is handed over."),
			    e.serial, _(envelope_state_label(e.state)));
			rc = G_ERR_INVALID;
		}
	}
	snprintf(document, sizeof document, "%s %s %s",
	    iddoc_type_name(doc->type), doc->series, doc->number);
	/* The older login goes first: one active login per username. */
	if (rc == G_OK)
		rc = store_credential_revoke_others(svc->st, e.person_id,
		    e.credential_id, "replaced by a new envelope");
	if (rc == G_OK)
		rc = store_credential_set_state(svc->st, e.credential_id,
		    CREDENTIAL_ACTIVE, "");
	if (rc == G_OK)
		rc = store_envelope_handed_over(svc->st, id, svc->actor.name,
		    document);
	if (rc == G_OK)
		service_fail(svc, G_OK, _("Envelope %s handed over; its "
		    "credentials work now."), e.serial);
	return service_finish(svc, rc, "envelope.hand-over", object);
}

/* Revokes envelope e's credentials and queues its replacement, inside
 * the open transaction; sets the message. */
static int
replace_envelope(struct service *svc, const struct envelope *e,
    const char *reason, struct envelope *replacement)
{
	int rc = G_OK;

	if (e->state != ENVELOPE_PRINTED && e->state != ENVELOPE_HANDED_OVER)
		return service_fail(svc, G_ERR_INVALID, _("Envelope %s is %s: "
		    "there is nothing to replace."), e->serial,
		    _(envelope_state_label(e->state)));
	/* The old credentials stop working in this very transaction. */
	if (e->credential_id != 0)
		rc = store_credential_set_state(svc->st, e->credential_id,
		    CREDENTIAL_REVOKED, reason);
	if (rc == G_OK)
		rc = store_envelope_set_state(svc->st, e->id, ENVELOPE_UNSEALED,
		    reason);
	if (rc == G_OK) {
		replacement->person_id = e->person_id;
		replacement->replaces = e->id;
		snprintf(replacement->reason, sizeof replacement->reason, "%s",
		    reason);
		snprintf(replacement->created_by,
		    sizeof replacement->created_by, "%s", svc->actor.name);
		rc = store_envelope_insert(svc->st, replacement,
		    clock_today().year, svc->conf->station);
	}
	if (rc == G_OK)
		service_fail(svc, G_OK, _("Envelope %s is revoked; %s replaces "
		    "it."), e->serial, replacement->serial);
	return rc;
}

int
service_envelope_replace(struct service *svc, int64_t id, const char *reason,
    struct envelope *replacement)
{
	char object[64] = "envelope:?";
	struct envelope e;
	int rc;

	service_clear(svc);
	memset(replacement, 0, sizeof *replacement);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "envelope.replace", object);
	if (reason[0] == '\0') {
		service_fail(svc, G_ERR_INVALID, "%s", _("Reason: say what "
		    "happened (envelope found open, password seen by someone)."));
		return service_refused(svc, G_ERR_INVALID, "envelope.replace",
		    object);
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = envelope_load(svc, id, NULL, &e)) == G_OK) {
		envelope_object(&e, object, sizeof object);
		service_for(svc, e.person_id);
		rc = replace_envelope(svc, &e, reason, replacement);
	}
	return service_finish(svc, rc, "envelope.replace", object);
}

/* Keeps the envelope whose credential is the one logged in. */
static int
find_by_credential(const struct envelope *e, void *arg)
{
	struct envelope *found = arg;

	if (e->credential_id != found->credential_id)
		return 0;
	*found = *e;
	return 1;
}

int
service_citizen_report_exposed(struct service *svc,
    struct envelope *replacement)
{
	char object[64] = "envelope:?";
	struct envelope e;
	int rc;

	service_clear(svc);
	memset(replacement, 0, sizeof *replacement);
	/* Even before the first password change: the envelope may be the
	 * very thing that was seen. */
	if (!svc->acting || svc->actor.role != ROLE_CITIZEN)
		return service_fail(svc, G_ERR_DENIED, "%s", _("Log in first."));
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	memset(&e, 0, sizeof e);
	e.credential_id = svc->actor.credential_id;
	service_for(svc, svc->actor.person_id);
	rc = store_envelope_each(svc->st, svc->actor.person_id, -1,
	    find_by_credential, &e);
	if (e.id != 0)
		rc = G_OK;	/* found: the walk stopped there */
	else if (rc == G_OK)
		rc = service_fail(svc, G_ERR_NOTFOUND, "%s", _("The envelope of "
		    "these credentials is not on record: ask at the counter."));
	if (rc == G_OK) {
		envelope_object(&e, object, sizeof object);
		rc = replace_envelope(svc, &e, _("reported exposed by the "
		    "citizen at the kiosk"), replacement);
	}
	if (rc == G_OK)
		service_fail(svc, G_OK, "%s", _("Your credentials are revoked: "
		    "nobody can log in with them any more. A new envelope waits "
		    "for you at the counter; bring an identity document."));
	rc = service_finish(svc, rc, "credential.exposed", object);
	if (rc == G_OK) {		/* the session ends with them */
		svc->acting = false;
		memset(&svc->actor, 0, sizeof svc->actor);
	}
	return rc;
}

int
service_envelope_get(struct service *svc, int64_t id, const char *serial,
    struct envelope *out)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "envelope.read",
	    "envelope", id)) != G_OK)
		return rc;
	return envelope_load(svc, id, serial, out);
}

int
service_envelope_list(struct service *svc, int64_t person_id,
    int (*fn)(const struct envelope *e, void *arg), void *arg)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "envelope.read",
	    "person", person_id)) != G_OK)
		return rc;
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = expire_due(svc)) == G_OK)
		rc = store_commit(svc->st);
	else
		store_rollback(svc->st);
	if (rc != G_OK)
		return rc;
	return store_envelope_each(svc->st, person_id, -1, fn, arg);
}
