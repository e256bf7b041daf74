/*
 * Fines at the counter: looked up, registered when missing, paid whole
 * once, with their receipts.
 */
#include "config.h"

#include "guichet/service-fine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/dues.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/person-check.h"
#include "guichet/receipt-pdf.h"
#include "guichet/store-fine.h"
#include "guichet/store.h"
#include "service-internal.h"

#define FINE_PAYMENT_PREFIX "guichet-fine"

static int
parse_fines(const char *name, const char *text, void *out, char **cause)
{
	return fine_rules_parse(name, text, out, cause);
}

const struct fine_rules *
service_fine_rules(struct service *svc)
{
	if (svc->fines == NULL)
		svc->fines = service_profile_load(svc, "-fines.ini",
		    sizeof *svc->fines, parse_fines);
	return svc->fines;
}

int
service_fine_check(struct service *svc, const struct fine *typed,
    struct fine *out)
{
	const char *town = svc->conf->town_code;

	service_clear(svc);
	memset(out, 0, sizeof *out);
	if (town[0] == '\0')
		return service_fail(svc, G_ERR_CONFIG, "%s", _("This town "
		    "hall's code is not set ([town] code): fines cannot be "
		    "checked."));
	if (strcmp(typed->municipality, town) != 0)
		return service_fail(svc, G_ERR_DENIED, _("This fine was given "
		    "by another municipality (code %s, ours is %s): it is paid "
		    "there."), typed->municipality, town);
	if (typed->number[0] == '\0' || strspn(typed->number,
	    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-/")
	    != strlen(typed->number))
		return service_fail(svc, G_ERR_INVALID, "%s", _("Number: the "
		    "report's number, letters, digits, '-' and '/'."));
	if (!fine_plate_normalise(typed->plate, out->plate, sizeof out->plate))
		return service_fail(svc, G_ERR_INVALID, "%s", _("Plate: letters "
		    "and digits, as on the car (at most 15)."));
	if (!fine_time_parse(typed->issued_at, out->issued_at))
		return service_fail(svc, G_ERR_INVALID, "%s", _("Date and time: "
		    "as on the report, 25.11.2026 10:30."));
	snprintf(out->municipality, sizeof out->municipality, "%s", town);
	snprintf(out->number, sizeof out->number, "%s", typed->number);
	snprintf(out->type, sizeof out->type, "%s", typed->type);
	return G_OK;
}

int
service_fine_find(struct service *svc, const struct fine *q,
    struct fine *out)
{
	char object[96];
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK)
		return rc;
	rc = store_fine_find(svc->st, q->municipality, q->number, out);
	if (rc == G_ERR_NOTFOUND)
		return service_fail(svc, rc, _("Fine %s is not recorded yet."),
		    q->number);
	if (rc != G_OK)
		return rc;
	/* The number alone must not open someone else's fine; at the
	 * kiosk it must not even tell that the number is in use, and the
	 * attempt is audited.  A clerk is told to check the report. */
	if (!fine_plate_same(out->plate, q->plate) || strcmp(out->issued_at,
	    q->issued_at) != 0) {
		memset(out, 0, sizeof *out);
		if (svc->actor.role < ROLE_CLERK) {
			service_fail(svc, G_ERR_NOTFOUND, _("Fine %s is not "
			    "recorded yet."), q->number);
			snprintf(object, sizeof object, "fine:%.40s/%.40s",
			    q->municipality, q->number);
			return service_refused(svc, G_ERR_NOTFOUND,
			    "fine.lookup", object);
		}
		return service_fail(svc, G_ERR_INVALID, _("Fine %s is recorded "
		    "for another plate or time: check the report."),
		    q->number);
	}
	return G_OK;
}

int
service_fine_register(struct service *svc, struct fine *f)
{
	const struct fine_rules *r;
	const struct fine_type *t;
	char object[64];
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "fine:%s", f->number);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "fine.register", object);
	if ((r = service_fine_rules(svc)) == NULL)
		return G_ERR_CONFIG;
	if ((t = fine_type_find(r, f->type)) == NULL) {
		service_fail(svc, G_ERR_INVALID, "%s", _("Choose the kind of "
		    "fine: its amount comes from the table."));
		return service_refused(svc, G_ERR_INVALID, "fine.register",
		    object);
	}
	f->amount = t->amount;
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_fine_insert(svc->st, f, svc->actor.name, svc->conf->station);
	if (rc == G_ERR_EXISTS)
		service_fail(svc, rc, _("Fine %s is recorded already."),
		    f->number);
	else if (rc == G_OK)
		service_fail(svc, G_OK, _("Fine %s is registered."), f->number);
	return service_finish(svc, rc, "fine.register", object);
}

int
service_fine_pay(struct service *svc, int64_t id,
    enum payment_channel channel, const char *key, int64_t *payment_id,
    money_t *amount)
{
	const struct fine_rules *r;
	struct date today = clock_today();
	struct fine f;
	char object[64], day[11], text[32];
	int rc;

	service_clear(svc);
	*payment_id = 0;
	*amount = 0;
	snprintf(object, sizeof object, "fine-id:%lld", (long long)id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "fine.pay", object);
	if ((rc = service_check_payment(svc, channel, key)) != G_OK)
		return service_refused(svc, rc, "fine.pay", object);
	if ((r = service_fine_rules(svc)) == NULL)
		return G_ERR_CONFIG;
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = store_fine_get(svc->st, id, &f)) == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("There is no such fine."));
	if (rc == G_OK) {
		snprintf(object, sizeof object, "fine:%s", f.number);
		date_format_iso(today, day, sizeof day);
		*amount = fine_amount_on(r, &f, today);
		rc = store_fine_pay(svc->st, f.id, key, *amount, day, channel,
		    svc->actor.name, svc->conf->station, payment_id);
	}
	if (rc == G_ERR_EXISTS && *payment_id != 0) {
		rc = G_OK;	/* the same payment again: taken once */
		service_fail(svc, G_OK, _("Fine %s was paid with this payment "
		    "already; it is not taken twice."), f.number);
	} else if (rc == G_ERR_EXISTS)
		service_fail(svc, rc, _("Fine %s is paid already (on %s)."),
		    f.number, f.paid_on);
	else if (rc == G_OK) {
		money_format(*amount, service_dues_rules(svc) != NULL ?
		    service_dues_rules(svc)->currency : CURRENCY_RON,
		    numfmt_for_lang(i18n_language()), text, sizeof text);
		service_fail(svc, G_OK, _("Fine %s is paid: %s."), f.number,
		    text);
	}
	return service_finish(svc, rc, "fine.pay", object);
}

/* What a fine's receipt shows, in the language on screen. */
struct fine_receipt {
	struct receipt_doc doc;
	struct receipt_line lines[2];
	char id[24], amount[40], date[20], qr[96], check[CHECK_CODE_LEN];
	char issued[24];
};

int
service_fine_receipt(struct service *svc, int64_t payment_id,
    const char *printer)
{
	const struct fine_rules *r = service_fine_rules(svc);
	const struct fine_type *t;
	struct fine_receipt fr;
	struct receipt_doc *doc = &fr.doc;
	enum payment_channel channel;
	struct fine f;
	money_t paid;
	char object[64], what[96], printed[200];
	int rc;

	service_clear(svc);
	memset(&fr, 0, sizeof fr);
	snprintf(object, sizeof object, "fine-payment:%lld",
	    (long long)payment_id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "fine.receipt", object);
	if (r == NULL || service_dues_rules(svc) == NULL)
		return G_ERR_CONFIG;
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_fine_payment_get(svc->st, payment_id, &f, &paid, &channel);
	if (rc == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("There is no such payment."));
	snprintf(what, sizeof what, "%lld|%s|%lld", (long long)payment_id,
	    f.number, (long long)paid);
	if (rc == G_OK)
		rc = service_check_code(svc, "fine", what, fr.check);
	if (rc != G_OK)
		return service_finish(svc, rc, "fine.receipt", object);
	store_commit(svc->st);
	t = fine_type_find(r, f.type);
	snprintf(fr.id, sizeof fr.id, "%s", f.number);
	money_format(paid, service_dues_rules(svc)->currency,
	    numfmt_for_lang(i18n_language()), fr.amount, sizeof fr.amount);
	snprintf(fr.date, sizeof fr.date, "%s", f.paid_on);
	snprintf(fr.issued, sizeof fr.issued, "%s", f.issued_at);
	snprintf(fr.qr, sizeof fr.qr, "%s %lld %s", FINE_PAYMENT_PREFIX,
	    (long long)payment_id, fr.check);
	fr.lines[0] = (struct receipt_line){ _("Fine"), t != NULL ?
	    label3_get(&t->label, i18n_language()) : f.type };
	fr.lines[1] = (struct receipt_line){ _("Given on"), fr.issued };
	doc->town = svc->conf->town;
	doc->title = _("Payment receipt");
	doc->request_label = _("Report");
	doc->request_id = fr.id;
	doc->type_label = _("Plate");
	doc->type = f.plate;
	doc->protocol_label = _("Amount");
	doc->protocol = fr.amount;
	doc->date_label = _("Date");
	doc->date = fr.date;
	doc->check_label = _("Check code");
	doc->check = fr.check;
	doc->qr_text = fr.qr;
	doc->note = _("Keep this receipt: it proves the fine is paid.");
	doc->lines = fr.lines;
	doc->nlines = 2;
	snprintf(printed, sizeof printed, _("The receipt of fine %s is "
	    "printed: give it to the payer."), f.number);
	return service_receipt_print(svc, doc, printer, "fine.receipt", object,
	    printed);
}
