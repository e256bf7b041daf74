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
#define CHECK_LEN 20		/* "3F9A-11C2-77D0-0B4E" and its NUL */

/* Writes the check code of r into check: the first 64 bits of the
 * installation's keyed hash over what never changes in a request (its id
 * and filing time), in four groups.  Must run in a write transaction. */
static int
check_code(struct service *svc, const struct request *r,
    char check[CHECK_LEN])
{
	char what[64], hash[65];
	int i, rc, n = 0;

	snprintf(what, sizeof what, "%lld|%s", (long long)r->id, r->filed_at);
	if ((rc = service_keyed_hash(svc, "receipt", what, hash)) != G_OK)
		return rc;
	for (i = 0; i < 16; i++) {
		if (i > 0 && i % 4 == 0)
			check[n++] = '-';
		check[n++] = (char)toupper((unsigned char)hash[i]);
	}
	check[n] = '\0';
	return G_OK;
}

/* Draws the receipt of r in the language on screen. */
static int
receipt_render(struct service *svc, const struct request *r,
    const char *check, unsigned char **pdf, size_t *len)
{
	const struct request_type *t = service_request_type(svc, r->type);
	char id[24], date[20], qr[96];
	struct receipt_doc doc;
	const char *reason = NULL;

	snprintf(id, sizeof id, "%lld", (long long)r->id);
	clock_local_text(r->filed_at, date, sizeof date);
	snprintf(qr, sizeof qr, "%s %lld %s", CODE_PREFIX, (long long)r->id,
	    check);
	memset(&doc, 0, sizeof doc);
	doc.town = svc->conf->town;
	doc.title = _("Receipt");
	doc.request_label = _("Request");
	doc.request_id = id;
	doc.type_label = _("Type");
	doc.type = t != NULL ? label3_get(&t->label, i18n_language()) :
	    r->type;
	doc.protocol_label = r->protocol[0] != '\0' || r->emergency[0] ==
	    '\0' ? _("Protocol number") : _("Emergency number");
	doc.protocol = r->protocol[0] != '\0' ? r->protocol : r->emergency;
	doc.date_label = _("Filed");
	doc.date = date;
	doc.check_label = _("Check code");
	doc.check = check;
	doc.qr_text = qr;
	doc.note = r->protocol[0] == '\0' && r->emergency[0] == '\0' ?
	    _("Keep this receipt. Your request gets its protocol number when "
	    "the town hall registers it; you can follow it at the kiosk with "
	    "the request number.") : r->protocol[0] == '\0' ?
	    _("Keep this receipt. The registry could not be reached when you "
	    "filed: the emergency number above finds your request, and it "
	    "gets its ordinary protocol number soon.") :
	    _("Keep this receipt. With the request or protocol number you can "
	    "follow your request at the kiosk or at the counter.");
	if (receipt_pdf(&doc, pdf, len, &reason) != G_OK)
		return service_fail(svc, G_ERR_IO, _("The receipt could not be "
		    "drawn: %s"), _(reason));
	return G_OK;
}

int
service_request_receipt(struct service *svc, int64_t id, const char *printer)
{
	char object[64], check[CHECK_LEN], *reason = NULL;
	unsigned char *pdf = NULL;
	struct request r;
	size_t len = 0;
	int rc, job = 0;

	service_clear(svc);
	snprintf(object, sizeof object, "request:%lld", (long long)id);
	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK)
		return service_refused(svc, rc, "request.receipt", object);
	if (printer == NULL)
		printer = svc->conf->printer;
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = service_request_load(svc, id, &r)) == G_OK)
		rc = check_code(svc, &r, check);
	if (rc != G_OK)
		return service_finish(svc, rc, "request.receipt", object);
	store_commit(svc->st);
	if (r.person_id != 0)
		service_for(svc, r.person_id);

	if ((rc = receipt_render(svc, &r, check, &pdf, &len)) == G_OK) {
		rc = printer_submit_pdf(printer, object, pdf, len,
		    PRINT_TIMEOUT, &job, &reason);
		free(pdf);
	}
	if (rc == G_OK)
		service_fail(svc, G_OK, _("The receipt of request %lld is "
		    "printed: take it from the printer."), (long long)id);
	else if (reason != NULL) {
		service_fail(svc, G_ERR_IO, _("The receipt was not printed: %s."),
		    reason);
		log_warn("receipt of request %lld not printed: %s",
		    (long long)id, reason);
		free(reason);
	}
	if (service_begin(svc) != G_OK)
		return rc;
	return service_finish(svc, rc, "request.receipt", object);
}

int
service_request_receipt_check(struct service *svc, const char *code,
    struct request *out)
{
	char check[CHECK_LEN], given[CHECK_LEN + 8], object[64];
	long long id;
	int rc, n;

	service_clear(svc);
	memset(out, 0, sizeof *out);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
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
