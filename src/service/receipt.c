/*
 * Request receipts: drawn as a PDF and sent to CUPS outside any
 * transaction (a slow printer must not hold the store's writer lock),
 * with the outcome audited afterwards.
 */
#include "config.h"

#include "guichet/service-receipt.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/printer.h"
#include "guichet/receipt-pdf.h"
#include "guichet/request-type.h"
#include "guichet/service-request.h"
#include "guichet/store.h"
#include "service-internal.h"

#define CODE_PREFIX "guichet-receipt"

int
service_check_code(struct service *svc, const char *kind, const char *what,
    char check[CHECK_CODE_LEN])
{
	char hash[65];
	int i, rc, n = 0;

	if ((rc = service_keyed_hash(svc, kind, what, hash)) != G_OK)
		return rc;
	for (i = 0; i < 16; i++) {
		if (i > 0 && i % 4 == 0)
			check[n++] = '-';
		check[n++] = (char)toupper((unsigned char)hash[i]);
	}
	check[n] = '\0';
	return G_OK;
}

/* Writes the check code of request r: over what never changes in it (its
 * id and filing time). */
static int
check_code(struct service *svc, const struct request *r,
    char check[CHECK_CODE_LEN])
{
	char what[64];

	snprintf(what, sizeof what, "%lld|%s", (long long)r->id, r->filed_at);
	return service_check_code(svc, "receipt", what, check);
}

int
service_pdf_print(struct service *svc, const void *pdf, size_t len,
    const char *printer, const char *action, const char *object,
    const char *printed, const char *not_printed)
{
	char *reason = NULL;
	int rc, job = 0;

	rc = printer_submit_pdf(printer != NULL ? printer : svc->conf->printer,
	    object, pdf, len, PRINT_TIMEOUT, &job, &reason);
	if (rc == G_OK)
		service_fail(svc, G_OK, "%s", printed);
	else if (reason != NULL) {
		service_fail(svc, G_ERR_IO, not_printed, reason);
		log_warn("%s of %s not printed: %s", action, object, reason);
		free(reason);
	}
	if (service_begin(svc) != G_OK)
		return rc;
	return service_finish(svc, rc, action, object);
}

int
service_receipt_print(struct service *svc, const struct receipt_doc *doc,
    const char *printer, const char *action, const char *object,
    const char *printed)
{
	unsigned char *pdf = NULL;
	const char *why = NULL;
	size_t len = 0;
	int rc;

	if (receipt_pdf(doc, &pdf, &len, &why) != G_OK) {
		rc = service_fail(svc, G_ERR_IO, _("The receipt could not be "
		    "drawn: %s"), _(why));
		if (service_begin(svc) != G_OK)
			return rc;
		return service_finish(svc, rc, action, object);
	}
	rc = service_pdf_print(svc, pdf, len, printer, action, object,
	    printed, _("The receipt was not printed: %s."));
	free(pdf);
	return rc;
}

/* What the receipt of r shows, in the language on screen. */
struct request_receipt {
	struct receipt_doc doc;
	char id[24], date[20], qr[96];
};

static void
receipt_fill(struct service *svc, const struct request *r,
    const char *check, struct request_receipt *rr)
{
	const struct request_type *t = service_request_type(svc, r->type);
	struct receipt_doc *doc = &rr->doc;

	memset(rr, 0, sizeof *rr);
	snprintf(rr->id, sizeof rr->id, "%lld", (long long)r->id);
	clock_local_text(r->filed_at, rr->date, sizeof rr->date);
	snprintf(rr->qr, sizeof rr->qr, "%s %lld %s", CODE_PREFIX,
	    (long long)r->id, check);
	doc->town = svc->conf->town;
	doc->title = _("Receipt");
	doc->request_label = _("Request");
	doc->request_id = rr->id;
	doc->type_label = _("Type");
	doc->type = t != NULL ? label3_get(&t->label, i18n_language()) :
	    r->type;
	doc->protocol_label = r->protocol[0] != '\0' || r->emergency[0] ==
	    '\0' ? _("Protocol number") : _("Emergency number");
	doc->protocol = r->protocol[0] != '\0' ? r->protocol : r->emergency;
	doc->date_label = _("Filed");
	doc->date = rr->date;
	doc->check_label = _("Check code");
	doc->check = check;
	doc->qr_text = rr->qr;
	doc->note = r->protocol[0] == '\0' && r->emergency[0] == '\0' ?
	    _("Keep this receipt. Your request gets its protocol number when "
	    "the town hall registers it; you can follow it at the kiosk with "
	    "the request number.") : r->protocol[0] == '\0' ?
	    _("Keep this receipt. The registry could not be reached when you "
	    "filed: the emergency number above finds your request, and it "
	    "gets its ordinary protocol number soon.") :
	    _("Keep this receipt. With the request or protocol number you can "
	    "follow your request at the kiosk or at the counter.");
}

int
service_request_receipt(struct service *svc, int64_t id, const char *printer)
{
	char object[64], check[CHECK_CODE_LEN], printed[200];
	struct request_receipt rr;
	struct request r;
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "request:%lld", (long long)id);
	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK)
		return service_refused(svc, rc, "request.receipt", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = service_request_load(svc, id, &r)) == G_OK)
		rc = check_code(svc, &r, check);
	if (rc != G_OK)
		return service_finish(svc, rc, "request.receipt", object);
	store_commit(svc->st);
	if (r.person_id != 0)
		service_for(svc, r.person_id);
	receipt_fill(svc, &r, check, &rr);
	snprintf(printed, sizeof printed, _("The receipt of request %lld is "
	    "printed: take it from the printer."), (long long)id);
	return service_receipt_print(svc, &rr.doc, printer, "request.receipt",
	    object, printed);
}

int
service_request_receipt_check(struct service *svc, const char *code,
    struct request *out)
{
	char check[CHECK_CODE_LEN], given[CHECK_CODE_LEN + 8], object[64];
	long long id;
	int rc, n;

	service_clear(svc);
	memset(out, 0, sizeof *out);
	if ((rc = service_require_read(svc, ROLE_CLERK, "receipt.check",
	    "receipt", 0)) != G_OK)
		return rc;
	if (strncmp(code, CODE_PREFIX " ", sizeof CODE_PREFIX) == 0)
		code += sizeof CODE_PREFIX;
	if (sscanf(code, "%lld %25s%n", &id, given, &n) != 2 ||
	    code[n] != '\0' || id <= 0)
		return service_fail(svc, G_ERR_INVALID, "%s", _("This is not a "
		    "receipt's check code: type the request number and the "
		    "code, as in \"123 3F9A-11C2-77D0-0B4E\"."));
	snprintf(object, sizeof object, "request:%lld", id);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = service_request_load(svc, id, out)) == G_OK)
		rc = check_code(svc, out, check);
	if (rc == G_OK && strcasecmp(check, given) != 0)
		rc = service_fail(svc, G_ERR_TAMPERED, _("The check code does "
		    "not match request %lld: this receipt was not printed here, "
		    "or was altered."), id);
	else if (rc == G_OK)
		service_fail(svc, G_OK, _("The receipt is genuine: request %lld, "
		    "filed %s."), id, out->filed_at);
	return service_finish(svc, rc, "request.receipt-check", object);
}
