/*
 * Council decisions: imported by supervisors with their PDF, searched
 * and read by anyone, printed through CUPS like receipts, saved to a file
 * by staff.
 */
#include "config.h"

#include "guichet/service-decision.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/calendar.h"
#include "guichet/digest.h"
#include "guichet/err.h"
#include "guichet/file.h"
#include "guichet/fold.h"
#include "guichet/i18n.h"
#include "guichet/person-check.h"
#include "guichet/store-decision.h"
#include "guichet/store.h"
#include "service-internal.h"

/* Writes the audit object of decision number/year: "decision:123/2026". */
static void
object_of(int number, int year, char *out, size_t len)
{
	char shown[DECISION_NUMBER_LEN];

	decision_number_format(number, year, shown, sizeof shown);
	snprintf(out, len, "decision:%s", shown);
}

/* Checks the typed fields into d: number, title, date of adoption. */
static int
check_fields(struct service *svc, const char *number, const char *title,
    const char *date, struct decision *d)
{
	struct date day;
	const char *why;

	if (!decision_number_parse(number, false, &d->number, &d->year))
		return service_fail(svc, G_ERR_INVALID, "%s", _("Number: type "
		    "the decision's number and year, as in 123/2026."));
	if (title == NULL || title[0] == '\0')
		why = N_("the text is missing");
	else
		why = person_check_text(title, DECISION_TITLE_CHARS);
	if (why != NULL)
		return service_fail(svc, G_ERR_INVALID, _("Title: %s."),
		    _(why));
	snprintf(d->title, sizeof d->title, "%s", title);
	if (date == NULL || !date_parse_any(date, &day))
		return service_fail(svc, G_ERR_INVALID, "%s", _("Date: type "
		    "the day the council adopted it, as in 2026-11-25 or "
		    "25.11.2026."));
	if (day.year != d->year)
		return service_fail(svc, G_ERR_INVALID, _("Date: decision "
		    "%d/%d is of %d, but the date is in %d."), d->number,
		    d->year, d->year, day.year);
	date_format_iso(day, d->adopted_on, sizeof d->adopted_on);
	return G_OK;
}

/* Checks that pdf (len bytes, from the file called name) is a PDF not
 * over DECISION_PDF_MAX, and sets d's size and SHA-256. */
static int
check_pdf(struct service *svc, const char *name, const unsigned char *pdf,
    size_t len, struct decision *d)
{
	struct digest *dg;
	int rc = G_OK;

	if (len > DECISION_PDF_MAX)
		rc = service_fail(svc, G_ERR_INVALID, _("File: %s is larger "
		    "than %d MiB; a decision's PDF must be smaller (scan it at "
		    "a lower resolution)."), name,
		    DECISION_PDF_MAX / (1024 * 1024));
	else if (!decision_is_pdf(pdf, len))
		rc = service_fail(svc, G_ERR_INVALID, _("File: %s is not a "
		    "PDF (it does not begin with %%PDF-)."), name);
	else if ((dg = digest_new()) == NULL || digest_add(dg, pdf, len) !=
	    G_OK || digest_finish(dg, d->pdf_sha256) != G_OK)
		rc = service_fail(svc, G_ERR_CRYPTO, "%s", _("The file's "
		    "SHA-256 could not be computed (crypto library error)."));
	d->pdf_size = (int64_t)len;
	return rc;
}

/* Reads the PDF at path into *pdf (caller frees) and *len, and checks it
 * with check_pdf. */
static int
read_pdf(struct service *svc, const char *path, struct decision *d,
    unsigned char **pdf, size_t *len)
{
	int rc;

	if ((rc = file_read_all(path, DECISION_PDF_MAX, pdf, len)) ==
	    G_ERR_INVALID)
		return service_fail(svc, rc, _("File: %s is larger than %d "
		    "MiB; a decision's PDF must be smaller (scan it at a "
		    "lower resolution)."), path,
		    DECISION_PDF_MAX / (1024 * 1024));
	if (rc != G_OK)
		return service_fail(svc, rc == G_ERR_NOMEM ? rc :
		    G_ERR_INVALID, _("File: %s cannot be read: %s."), path,
		    strerror(errno));
	if ((rc = check_pdf(svc, path, *pdf, *len, d)) != G_OK) {
		free(*pdf);
		*pdf = NULL;
	}
	return rc;
}

/* Returns true when stored and d say the same: title, date and file. */
static bool
same_decision(const struct decision *stored, const struct decision *d)
{
	return strcmp(stored->title, d->title) == 0 &&
	    strcmp(stored->adopted_on, d->adopted_on) == 0 &&
	    strcmp(stored->pdf_sha256, d->pdf_sha256) == 0;
}

/* Stores d with its PDF inside the open transaction: new, unchanged, or
 * replaced when allowed. */
static int
import_stored(struct service *svc, struct decision *d,
    const unsigned char *pdf, bool replace,
    enum decision_import_result *result)
{
	char shown[DECISION_NUMBER_LEN], *folded;
	struct decision stored;
	bool exists;
	int rc;

	decision_number_format(d->number, d->year, shown, sizeof shown);
	rc = store_decision_find(svc->st, d->number, d->year, &stored);
	exists = rc == G_OK;
	if (rc == G_OK && same_decision(&stored, d)) {
		*d = stored;
		*result = DECISION_UNCHANGED;
		return service_fail(svc, G_OK, _("Decision %s is imported "
		    "already, with this file: nothing changed."), shown);
	}
	if (rc == G_OK && !replace)
		return service_fail(svc, G_ERR_EXISTS, _("Decision %s is "
		    "imported already with %s: to put this one in its place, "
		    "import it with --replace."), shown,
		    strcmp(stored.pdf_sha256, d->pdf_sha256) != 0 ?
		    _("another file") : _("another title or date"));
	if (rc != G_OK && rc != G_ERR_NOTFOUND)
		return rc;
	folded = fold_search(d->title);
	if (exists)
		rc = store_decision_replace(svc->st, d, folded, pdf,
		    svc->actor.name);
	else
		rc = store_decision_insert(svc->st, d, folded, pdf,
		    svc->actor.name);
	free(folded);
	if (rc != G_OK)
		return rc;
	*result = exists ? DECISION_REPLACED : DECISION_ADDED;
	return service_fail(svc, G_OK, *result == DECISION_REPLACED ?
	    _("Decision %s is replaced.") : _("Decision %s is imported."),
	    shown);
}

/* Imports decision number with the PDF read from path, or - path NULL -
 * the len bytes at data, called name in messages. */
static int
decision_import(struct service *svc, const char *number, const char *title,
    const char *date, const char *path, const char *name,
    const unsigned char *data, size_t len, bool replace,
    enum decision_import_result *result, int64_t *id)
{
	unsigned char *owned = NULL;
	struct decision d;
	char object[64];
	int rc;

	service_clear(svc);
	memset(&d, 0, sizeof d);
	snprintf(object, sizeof object, "decision:%s", number != NULL &&
	    decision_number_parse(number, false, &d.number, &d.year) ?
	    number : "?");
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK ||
	    (rc = check_fields(svc, number, title, date, &d)) != G_OK ||
	    (rc = path != NULL ? read_pdf(svc, path, &d, &owned, &len) :
	    check_pdf(svc, name, data, len, &d)) != G_OK)
		return service_refused(svc, rc, "decision.import", object);
	object_of(d.number, d.year, object, sizeof object);
	if ((rc = service_begin(svc)) != G_OK) {
		free(owned);
		return rc;
	}
	rc = import_stored(svc, &d, owned != NULL ? owned : data, replace,
	    result);
	free(owned);
	*id = d.id;
	if (rc == G_OK && *result == DECISION_UNCHANGED) {
		store_rollback(svc->st);	/* nothing to record */
		return G_OK;
	}
	return service_finish(svc, rc, "decision.import", object);
}

int
service_decision_import(struct service *svc, const char *number,
    const char *title, const char *date, const char *path, bool replace,
    enum decision_import_result *result, int64_t *id)
{
	return decision_import(svc, number, title, date, path, path, NULL, 0,
	    replace, result, id);
}

int
service_decision_import_pdf(struct service *svc, const char *number,
    const char *title, const char *date, const char *name,
    const void *pdf, size_t len, bool replace,
    enum decision_import_result *result, int64_t *id)
{
	return decision_import(svc, number, title, date, NULL, name, pdf, len,
	    replace, result, id);
}

/* Checks the query into f: the number, the days, the folded words
 * (which the caller frees). */
static int
check_query(struct service *svc, const struct decision_query *q,
    struct decision_filter *f, char from[11], char to[11])
{
	struct date day;

	memset(f, 0, sizeof *f);
	f->limit = q->limit > 0 ? q->limit : 100;
	if (q->number != NULL && q->number[0] != '\0' &&
	    !decision_number_parse(q->number, true, &f->number, &f->year))
		return service_fail(svc, G_ERR_INVALID, "%s", _("Number: type "
		    "a decision's number, as in 123/2026, or 123 for every "
		    "year."));
	if (q->from != NULL && q->from[0] != '\0') {
		if (!date_parse_any(q->from, &day))
			return service_fail(svc, G_ERR_INVALID, "%s",
			    _("Adopted from: type a day, as in 25.11.2026."));
		date_format_iso(day, from, 11);
		f->from = from;
	}
	if (q->to != NULL && q->to[0] != '\0') {
		if (!date_parse_any(q->to, &day))
			return service_fail(svc, G_ERR_INVALID, "%s",
			    _("Adopted until: type a day, as in 25.11.2026."));
		date_format_iso(day, to, 11);
		f->to = to;
	}
	f->words = fold_search(q->words);
	return G_OK;
}

int
service_decision_search(struct service *svc, const struct decision_query *q,
    int (*fn)(const struct decision *d, void *arg), void *arg)
{
	struct decision_filter f;
	char from[11], to[11];
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK ||
	    (rc = check_query(svc, q, &f, from, to)) != G_OK)
		return rc;
	rc = store_decision_search(svc->st, &f, fn, arg);
	free((char *)f.words);
	if (rc == G_ERR_STORE)
		return service_fail(svc, rc, _("The decisions could not be "
		    "searched (%s)."), store_errmsg(svc->st));
	return rc;
}

/* Reads decision id for anyone, saying so when there is none. */
static int
decision_load(struct service *svc, int64_t id, struct decision *out)
{
	int rc;

	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK)
		return rc;
	if ((rc = store_decision_get(svc->st, id, out)) == G_ERR_NOTFOUND)
		return service_fail(svc, rc, "%s", _("There is no such "
		    "decision."));
	if (rc != G_OK)
		return service_fail(svc, rc, _("The decision could not be "
		    "read (%s)."), store_errmsg(svc->st));
	return G_OK;
}

int
service_decision_get(struct service *svc, int64_t id, struct decision *out)
{
	service_clear(svc);
	return decision_load(svc, id, out);
}

/* Reads decision id and its PDF (*pdf: caller frees); the audit object
 * is written into object. */
static int
decision_pdf(struct service *svc, int64_t id, struct decision *d,
    unsigned char **pdf, size_t *len, char *object, size_t object_len)
{
	int rc;

	snprintf(object, object_len, "decision:#%lld", (long long)id);
	if ((rc = decision_load(svc, id, d)) != G_OK)
		return rc;
	object_of(d->number, d->year, object, object_len);
	if ((rc = store_decision_pdf(svc->st, id, pdf, len)) != G_OK)
		return service_fail(svc, rc, _("The decision's file could not "
		    "be read (%s)."), store_errmsg(svc->st));
	return G_OK;
}

int
service_decision_print(struct service *svc, int64_t id, const char *printer)
{
	char object[64], printed[200], shown[DECISION_NUMBER_LEN];
	unsigned char *pdf = NULL;
	struct decision d;
	size_t len = 0;
	int rc;

	service_clear(svc);
	if ((rc = decision_pdf(svc, id, &d, &pdf, &len, object,
	    sizeof object)) != G_OK)
		return service_refused(svc, rc, "decision.print", object);
	decision_number_format(d.number, d.year, shown, sizeof shown);
	snprintf(printed, sizeof printed, _("Decision %s is printed: take it "
	    "from the printer."), shown);
	rc = service_pdf_print(svc, pdf, len, printer, "decision.print",
	    object, printed, _("The decision was not printed: %s."));
	free(pdf);
	return rc;
}

int
service_decision_save(struct service *svc, int64_t id, const char *path)
{
	char object[64], shown[DECISION_NUMBER_LEN];
	unsigned char *pdf = NULL;
	struct decision d;
	size_t len = 0;
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "decision:#%lld", (long long)id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "decision.save", object);
	if (path == NULL || path[0] == '\0')
		rc = service_fail(svc, G_ERR_INVALID, "%s", _("Type the path "
		    "of the file to write, as in /home/ana/decision.pdf."));
	else if ((rc = decision_pdf(svc, id, &d, &pdf, &len, object,
	    sizeof object)) == G_OK) {
		decision_number_format(d.number, d.year, shown, sizeof shown);
		rc = file_write_new(path, pdf, len);
		free(pdf);
		if (rc == G_ERR_EXISTS)
			service_fail(svc, rc, _("%s exists already: choose "
			    "another name, nothing is overwritten."), path);
		else if (rc != G_OK)
			service_fail(svc, rc, _("%s cannot be written: %s."),
			    path, strerror(errno));
		else
			service_fail(svc, rc, _("Decision %s is saved to %s."),
			    shown, path);
	}
	if (rc != G_OK)
		return service_refused(svc, rc, "decision.save", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	return service_finish(svc, G_OK, "decision.save", object);
}
