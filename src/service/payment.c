/*
 * Counter payments: taken once per key (a clerk pressing Enter twice, a
 * retry after a crash, record one payment), allocated by the profile's
 * rule, and their receipts.
 */
#include "config.h"

#include "guichet/service-register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/person-check.h"
#include "guichet/receipt-pdf.h"
#include "guichet/store-register.h"
#include "guichet/store.h"
#include "service-internal.h"

#define PAYMENT_PREFIX "guichet-payment"

int
service_check_payment(struct service *svc, enum payment_channel channel,
    const char *key)
{
	if ((channel == PAY_CASH || channel == PAY_CARD) && key != NULL &&
	    key[0] != '\0' && strlen(key) < sizeof ((struct payment_row *)0)->key
	    && person_check_text(key, sizeof ((struct payment_row *)0)->key -
	    1) == NULL)
		return G_OK;
	return service_fail(svc, G_ERR_INVALID, "%s", _("A payment at the "
	    "counter is in cash or by card, with the screen's payment key."));
}

int
service_payment_take(struct service *svc, int64_t taxpayer_id,
    money_t amount, enum payment_channel channel, const int64_t *only,
    int nonly, const char *key, struct payment_row *out)
{
	struct taxpayer t;
	struct date today = clock_today();
	char object[64], amount_text[32];
	int rc;

	service_clear(svc);
	memset(out, 0, sizeof *out);
	snprintf(object, sizeof object, "taxpayer:%lld",
	    (long long)taxpayer_id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "payment.take", object);
	if (amount <= 0)
		rc = service_fail(svc, G_ERR_INVALID, "%s",
		    _("Type the amount paid."));
	else
		rc = service_check_payment(svc, channel, key);
	if (rc != G_OK)
		return service_refused(svc, rc, "payment.take", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = store_taxpayer_get(svc->st, taxpayer_id, &t)) == G_OK) {
		if (t.person_id != 0)
			service_for(svc, t.person_id);
		snprintf(out->key, sizeof out->key, "%s", key);
		out->taxpayer_id = t.id;
		snprintf(out->payer, sizeof out->payer, "%s", t.name);
		out->amount = amount;
		date_format_iso(today, out->paid_on, sizeof out->paid_on);
		out->channel = channel;
		snprintf(out->registered_by, sizeof out->registered_by, "%s",
		    svc->actor.name);
		snprintf(out->station, sizeof out->station, "%s",
		    svc->conf->station);
		rc = service_payment_apply(svc, out, only, nonly);
	} else if (rc == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("There is no such taxpayer."));
	if (rc == G_ERR_EXISTS) {
		/* Recorded before: the same payment, not a second one. */
		rc = store_payment_get(svc->st, out->id, out);
		if (rc == G_OK)
			service_fail(svc, G_OK, _("Payment %lld was already "
			    "recorded; it is not taken twice."),
			    (long long)out->id);
	} else if (rc == G_OK) {
		money_format(amount, service_dues_rules(svc)->currency,
		    numfmt_for_lang(i18n_language()), amount_text,
		    sizeof amount_text);
		service_fail(svc, G_OK, _("Payment %lld of %s recorded."),
		    (long long)out->id, amount_text);
	}
	if (rc == G_OK)
		snprintf(object, sizeof object, "payment:%lld",
		    (long long)out->id);
	return service_finish(svc, rc, "payment.take", object);
}

/* What a payment receipt shows, in the language on screen. */
struct payment_receipt {
	struct receipt_doc doc;
	struct receipt_line lines[RECEIPT_LINES_MAX];
	char labels[RECEIPT_LINES_MAX][160];
	char values[RECEIPT_LINES_MAX][40];
	char id[24], amount[40], date[20], qr[96], check[CHECK_CODE_LEN];
	enum currency currency;
};

static int
receipt_line(const struct obligation_row *o, const struct allocation *a,
    void *arg)
{
	struct payment_receipt *pr = arg;
	size_t n = pr->doc.nlines;

	if (n == RECEIPT_LINES_MAX)
		return 1;
	snprintf(pr->labels[n], sizeof pr->labels[n], "%s %d · %s", o->name,
	    o->tax_year, o->rf);
	money_format(a->principal + a->charges, pr->currency,
	    numfmt_for_lang(i18n_language()), pr->values[n],
	    sizeof pr->values[n]);
	pr->lines[n] = (struct receipt_line){ pr->labels[n], pr->values[n] };
	pr->doc.nlines++;
	return 0;
}

static void
payment_receipt_fill(struct service *svc, const struct payment_row *p,
    struct payment_receipt *pr)
{
	struct receipt_doc *doc = &pr->doc;

	snprintf(pr->id, sizeof pr->id, "%lld", (long long)p->id);
	money_format(p->amount, pr->currency, numfmt_for_lang(i18n_language()),
	    pr->amount, sizeof pr->amount);
	clock_local_text(p->registered_at, pr->date, sizeof pr->date);
	snprintf(pr->qr, sizeof pr->qr, "%s %lld %s", PAYMENT_PREFIX,
	    (long long)p->id, pr->check);
	doc->town = svc->conf->town;
	doc->title = _("Payment receipt");
	doc->request_label = _("Payment");
	doc->request_id = pr->id;
	doc->type_label = _("Paid by");
	doc->type = p->payer;
	doc->protocol_label = _("Amount");
	doc->protocol = pr->amount;
	doc->date_label = _("Date");
	doc->date = pr->date;
	doc->check_label = _("Check code");
	doc->check = pr->check;
	doc->qr_text = pr->qr;
	doc->note = _("Keep this receipt: it proves the payment. The lines "
	    "above say what it paid, late charges first, then the oldest "
	    "amounts due.");
	doc->lines = pr->lines;
}

int
service_payment_receipt(struct service *svc, int64_t id, const char *printer)
{
	struct payment_receipt *pr;
	struct payment_row p;
	char object[64], what[128], printed[200];
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "payment:%lld", (long long)id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "payment.receipt", object);
	if (service_dues_rules(svc) == NULL)
		return G_ERR_CONFIG;
	pr = calloc(1, sizeof *pr);
	if (pr == NULL)
		return service_fail(svc, G_ERR_NOMEM, "%s", _("Out of memory."));
	pr->currency = service_dues_rules(svc)->currency;
	if ((rc = service_begin(svc)) != G_OK) {
		free(pr);
		return rc;
	}
	if ((rc = store_payment_get(svc->st, id, &p)) == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("There is no such payment."));
	if (rc == G_OK) {
		snprintf(what, sizeof what, "%lld|%s|%lld", (long long)p.id,
		    p.key, (long long)p.amount);
		rc = service_check_code(svc, "payment", what, pr->check);
	}
	if (rc == G_OK)
		rc = store_payment_allocations(svc->st, id, receipt_line, pr);
	if (rc != G_OK) {
		free(pr);
		return service_finish(svc, rc, "payment.receipt", object);
	}
	store_commit(svc->st);
	payment_receipt_fill(svc, &p, pr);
	snprintf(printed, sizeof printed, _("The receipt of payment %lld is "
	    "printed: give it to the payer."), (long long)id);
	rc = service_receipt_print(svc, &pr->doc, printer, "payment.receipt",
	    object, printed);
	free(pr);
	return rc;
}
