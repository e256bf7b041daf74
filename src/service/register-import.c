/*
 * The import of the tax office's register feed.  Every line is checked
 * (src/core/register-feed.c); good records are upserted in transactions
 * of BATCH records, so that a kill leaves whole records and running the
 * import again completes it: the upserts write only what differs and a
 * bank payment is recorded once per reference.  The import is recorded
 * (register_import) with the file's SHA-256, and audited once at the end.
 */
#include "config.h"

#include "guichet/service-register.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "guichet/conf.h"
#include "guichet/digest.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/register-feed.h"
#include "guichet/store-register.h"
#include "guichet/store.h"
#include "service-internal.h"

#define BATCH 500		/* records per write transaction */
#define ACTION "register.import"

/* One run of the import. */
struct import {
	struct service *svc;
	const char *path;
	char object[96];		/* "file:NAME" for the audit trail */
	int64_t size;			/* bytes in the file */
	int64_t id;			/* its register_import row */
	void (*progress)(int64_t done, int64_t total, void *arg);
	void (*bad_row)(int64_t line, const char *reason, void *arg);
	void *arg;
	struct import_report *out;
	int in_batch;			/* records in the open transaction */
	/* The taxpayer last named: a feed lists a taxpayer's records
	 * together, and a look-up saved is most of a record's time. */
	char last_national_id[32];
	int64_t last_taxpayer;
};

/* Says the file at imp->path cannot be read, and why. */
static int
unreadable(struct import *imp, const char *why)
{
	return service_fail(imp->svc, G_ERR_IO, _("The feed %s cannot be "
	    "read: %s."), imp->path, why);
}

/* Writes the SHA-256 of f into sha and rewinds f. */
static int
file_digest(struct import *imp, FILE *f, char sha[DIGEST_HEX])
{
	struct digest *d = digest_new();
	char buf[65536];
	size_t n;
	int rc = G_OK;

	if (d == NULL)
		return service_fail(imp->svc, G_ERR_CRYPTO, "%s",
		    _("The feed's SHA-256 could not be computed (crypto "
		    "library error)."));
	while (rc == G_OK && (n = fread(buf, 1, sizeof buf, f)) > 0)
		rc = digest_add(d, buf, n);
	if (ferror(f)) {
		digest_finish(d, sha);
		return unreadable(imp, strerror(errno));
	}
	if (digest_finish(d, sha) != G_OK || rc != G_OK)
		return service_fail(imp->svc, G_ERR_CRYPTO, "%s",
		    _("The feed's SHA-256 could not be computed (crypto "
		    "library error)."));
	rewind(f);
	return G_OK;
}

/* Sets why to say that the record names a FIELD the store does not
 * hold; returns G_ERR_INVALID, a bad row. */
static int
unknown(char why[FEED_REASON_MAX], const char *field, const char *what,
    const char *value)
{
	snprintf(why, FEED_REASON_MAX, "%s: there is no %s '%s', neither "
	    "earlier in the file nor in the register", field, what, value);
	return G_ERR_INVALID;
}

/* Remembers that national_id is taxpayer id. */
static void
taxpayer_seen(struct import *imp, const char *national_id, int64_t id)
{
	snprintf(imp->last_national_id, sizeof imp->last_national_id, "%s",
	    national_id);
	imp->last_taxpayer = id;
}

/* Finds the taxpayer of national_id into *id, or says there is none. */
static int
taxpayer_id(struct import *imp, const char *national_id, int64_t *id,
    char why[FEED_REASON_MAX])
{
	struct taxpayer t;
	int rc;

	if (imp->last_taxpayer != 0 &&
	    strcmp(imp->last_national_id, national_id) == 0) {
		*id = imp->last_taxpayer;
		return G_OK;
	}
	rc = store_taxpayer_find(imp->svc->st, national_id, 0, &t);
	if (rc == G_ERR_NOTFOUND)
		return unknown(why, "NATIONAL_ID", "taxpayer", national_id);
	if (rc == G_OK)
		taxpayer_seen(imp, national_id, t.id);
	*id = t.id;
	return rc;
}

/* Finds the unit of code into *id, or says there is none. */
static int
unit_id(struct service *svc, const char *code, int64_t *id,
    char why[FEED_REASON_MAX])
{
	struct taxable_unit u;
	int rc;

	rc = store_unit_find(svc->st, code, &u);
	if (rc == G_ERR_NOTFOUND)
		return unknown(why, "UNIT_CODE", "unit", code);
	*id = u.id;
	return rc;
}

/* Records the bank payment of r, allocated to its obligation first when
 * it names one. */
static int
payment(struct import *imp, struct feed_payment *r, bool *changed,
    char why[FEED_REASON_MAX])
{
	struct service *svc = imp->svc;
	struct payment_row *p = &r->row;
	int64_t only = 0;
	int rc;

	if ((rc = taxpayer_id(imp, r->national_id, &p->taxpayer_id, why)) !=
	    G_OK)
		return rc;
	if (r->obligation_ref[0] != '\0') {
		rc = store_obligation_find(svc->st, r->obligation_ref, &only);
		if (rc == G_ERR_NOTFOUND)
			return unknown(why, "OBLIGATION_REF", "obligation",
			    r->obligation_ref);
		if (rc != G_OK)
			return rc;
	}
	p->channel = PAY_BANK;
	snprintf(p->registered_by, sizeof p->registered_by, "%s",
	    svc->actor.name);
	snprintf(p->station, sizeof p->station, "%s", svc->conf->station);
	rc = service_payment_apply(svc, p, only != 0 ? &only : NULL,
	    only != 0 ? 1 : 0);
	/* Known: imported before, maybe by a run that was stopped. */
	if (rc == G_ERR_EXISTS)
		rc = G_OK;
	else if (rc == G_OK)
		*changed = true;
	else if (rc != G_ERR_STORE) {
		snprintf(why, FEED_REASON_MAX, "the payment was refused: %s",
		    svc->message);
		rc = G_ERR_INVALID;
	}
	if (rc != G_ERR_STORE)
		svc->message[0] = '\0';
	return rc;
}

/* Writes record r into the store inside the open transaction and sets
 * *changed.  Returns G_OK, G_ERR_INVALID with why set for a bad row
 * (it names what the store does not hold, or the store refused it), or
 * another code when the store failed. */
static int
record_apply(struct import *imp, struct feed_record *r, bool *changed,
    char why[FEED_REASON_MAX])
{
	struct service *svc = imp->svc;
	struct feed_obligation *o = &r->u.obligation;
	struct feed_owner *w = &r->u.owner;
	int64_t unit = 0, owner = 0;
	int rc = G_OK;

	*changed = false;
	switch (r->kind) {
	case FEED_TAXPAYER:
		rc = store_taxpayer_upsert(svc->st, &r->u.taxpayer, changed);
		if (rc == G_OK)
			taxpayer_seen(imp, r->u.taxpayer.national_id,
			    r->u.taxpayer.id);
		break;
	case FEED_UNIT:
		rc = store_unit_upsert(svc->st, &r->u.unit, changed);
		break;
	case FEED_OWNER:
		if ((rc = unit_id(svc, w->unit_code, &unit, why)) == G_OK &&
		    (rc = taxpayer_id(imp, w->national_id, &owner, why)) ==
		    G_OK)
			rc = store_unit_owner_set(svc->st, unit, owner,
			    w->share_num, w->share_den, changed);
		break;
	case FEED_OBLIGATION:
		rc = taxpayer_id(imp, o->national_id, &o->row.taxpayer_id,
		    why);
		if (rc == G_OK && o->row.unit_code[0] != '\0')
			rc = unit_id(svc, o->row.unit_code, &o->row.unit_id,
			    why);
		if (rc == G_OK)
			rc = store_obligation_upsert(svc->st, &o->row,
			    changed);
		break;
	case FEED_PAYMENT:
		rc = payment(imp, &r->u.payment, changed, why);
		break;
	case FEED_WARRANT:
		rc = taxpayer_id(imp, r->u.warrant.national_id,
		    &r->u.warrant.row.taxpayer_id, why);
		if (rc == G_OK)
			rc = store_warrant_upsert(svc->st, &r->u.warrant.row,
			    changed);
		break;
	case FEED_SKIP:
		break;
	}
	/* A constraint refused the row (the statement alone was undone). */
	if (rc == G_ERR_EXISTS) {
		snprintf(why, FEED_REASON_MAX, "the store refused it: %s",
		    store_errmsg(svc->st));
		rc = G_ERR_INVALID;
	}
	return rc;
}

/* Commits the open batch, if any, and says how far the import is. */
static int
batch_end(struct import *imp, int64_t done)
{
	if (imp->in_batch > 0) {
		if (store_commit(imp->svc->st) != G_OK)
			return G_ERR_STORE;
		imp->in_batch = 0;
	}
	if (imp->progress != NULL)
		imp->progress(done, imp->size, imp->arg);
	return G_OK;
}

/* Reports line lineno as bad. */
static void
bad(struct import *imp, int64_t lineno, const char *why)
{
	imp->out->bad++;
	if (imp->bad_row != NULL)
		imp->bad_row(lineno, why, imp->arg);
}

/* Reads every line of f, applying the good records in batches.  On a
 * failure of the store the open batch is undone and the code returned. */
static int
lines_import(struct import *imp, FILE *f)
{
	struct service *svc = imp->svc;
	struct feed_record r;
	char why[FEED_REASON_MAX], *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int64_t lineno = 0;
	bool changed;
	int rc = G_OK;

	while (rc == G_OK && (n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		/* A byte-order mark, as some spreadsheets write. */
		if (lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0)
			memmove(line, line + 3, (size_t)(n -= 3) + 1);
		if (strlen(line) != (size_t)n) {
			imp->out->rows++;
			bad(imp, lineno, "the line holds a NUL byte");
			continue;
		}
		if (!feed_parse_line(line, svc->conf->country, &r, why)) {
			imp->out->rows++;
			bad(imp, lineno, why);
			continue;
		}
		if (r.kind == FEED_SKIP)
			continue;
		imp->out->rows++;
		if (imp->in_batch == 0 && (rc = service_begin(svc)) != G_OK)
			break;
		imp->in_batch++;
		rc = record_apply(imp, &r, &changed, why);
		if (rc == G_ERR_INVALID) {
			bad(imp, lineno, why);
			rc = G_OK;
		} else if (rc == G_OK && changed)
			imp->out->changed++;
		if (rc == G_OK && imp->in_batch == BATCH)
			rc = batch_end(imp, (int64_t)ftello(f));
	}
	free(line);
	if (rc == G_OK && ferror(f))
		rc = unreadable(imp, strerror(errno));
	if (rc == G_OK)
		rc = batch_end(imp, imp->size);
	if (rc != G_OK && imp->in_batch > 0) {
		store_rollback(svc->st);
		imp->in_batch = 0;
	}
	if (rc == G_ERR_STORE) {
		log_error("register import %s, line %lld: %s", imp->path,
		    (long long)lineno, store_errmsg(svc->st));
		service_fail(svc, G_ERR_STORE, _("The store failed at line "
		    "%lld of the feed (%s). The records before its batch are "
		    "kept; run the import again to complete it."),
		    (long long)lineno, store_errmsg(svc->st));
	}
	return rc;
}

int
service_register_import(struct service *svc, const char *path,
    void (*progress)(int64_t done, int64_t total, void *arg),
    void (*bad_row)(int64_t line, const char *reason, void *arg),
    void *arg, struct import_report *out)
{
	struct import imp;
	const char *name = strrchr(path, '/');
	char sha[DIGEST_HEX];
	struct stat sb;
	FILE *f;
	int rc;

	service_clear(svc);
	memset(out, 0, sizeof *out);
	memset(&imp, 0, sizeof imp);
	imp.svc = svc;
	imp.path = path;
	imp.progress = progress;
	imp.bad_row = bad_row;
	imp.arg = arg;
	imp.out = out;
	snprintf(imp.object, sizeof imp.object, "file:%s",
	    name != NULL ? name + 1 : path);
	if ((rc = service_require(svc, ROLE_ADMIN)) != G_OK)
		return service_refused(svc, rc, ACTION, imp.object);
	if ((f = fopen(path, "rb")) == NULL) {
		unreadable(&imp, strerror(errno));
		return service_refused(svc, G_ERR_IO, ACTION, imp.object);
	}
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		unreadable(&imp, fstat(fileno(f), &sb) != 0 ? strerror(errno) :
		    _("it is not a file"));
		fclose(f);
		return service_refused(svc, G_ERR_IO, ACTION, imp.object);
	}
	imp.size = (int64_t)sb.st_size;
	if ((rc = file_digest(&imp, f, sha)) != G_OK) {
		fclose(f);
		return service_refused(svc, rc, ACTION, imp.object);
	}
	if ((rc = service_begin(svc)) != G_OK) {
		fclose(f);
		return rc;
	}
	rc = store_register_import_begin(svc->st, path, sha, svc->actor.name,
	    &imp.id);
	if (rc != G_OK)
		store_rollback(svc->st);
	else
		rc = store_commit(svc->st);
	if (rc != G_OK) {
		fclose(f);
		service_fail(svc, G_ERR_STORE, _("The import could not be "
		    "recorded (%s); nothing was imported."),
		    store_errmsg(svc->st));
		return service_refused(svc, G_ERR_STORE, ACTION, imp.object);
	}
	if (progress != NULL)
		progress(0, imp.size, arg);
	rc = lines_import(&imp, f);
	fclose(f);
	if (rc != G_OK)
		return service_refused(svc, rc, ACTION, imp.object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_register_import_finish(svc->st, imp.id, out->rows,
	    out->bad);
	return service_finish(svc, rc, ACTION, imp.object);
}
