/*
 * Taking a payment at the counter: the amount (what the marked
 * obligations, or all, come to today), cash or card, a yes, then the
 * receipt printed at once.  The screen makes one payment key when it
 * opens, so Enter pressed twice, or a retry after an error, records the
 * payment once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draw.h"
#include "form.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-register.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

enum { F_AMOUNT, F_CHANNEL, N_FIELDS };

static const char *const channels[] = { N_("cash"), N_("card"), NULL };

static const struct form_field_spec fields[N_FIELDS] = {
	{ N_("Amount"), 16, 20, false, NULL },
	{ N_("Paid in"), 12, 12, false, channels },
};

struct payment {
	struct form_widget *form;
	char key[80];			/* this payment's, once only */
	money_t amount;			/* as typed, once checked */
	enum payment_channel channel;
	int64_t paid;			/* the payment recorded, or 0 */
};

static const struct key_hint hints[] = {
	{ "Tab/↑↓", N_("Field") },
	{ "←→", N_("Cash/Card") },
	{ "Enter", N_("Take payment") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Cancel") },
	{ NULL, NULL }
};

static void
payment_enter(struct tui *tui)
{
	struct payment *p = xcalloc(1, sizeof *p);
	char text[32];

	tui->state = p;
	p->form = form_widget_new(fields, N_FIELDS);
	money_format_plain(tui->pay_amount, numfmt_for_lang(i18n_language()),
	    text, sizeof text);
	form_widget_set_value(p->form, F_AMOUNT, text);
	snprintf(p->key, sizeof p->key, "%s:%s:%lld:%ld", tui->conf->station,
	    service_actor(tui->svc)->name, (long long)clock_now_ms(),
	    (long)getpid());
}

static void
payment_leave(struct tui *tui)
{
	struct payment *p = tui->state;

	form_widget_free(p->form);
	free(p);
	tui->state = NULL;
}

static void
payment_draw(struct tui *tui)
{
	struct payment *p = tui->state;
	WINDOW *w = tui->body;
	int cols = getmaxx(w);
	char line[200];

	wattron(w, A_BOLD);
	draw_text(w, 0, 2, cols - 4, _("Take a payment"));
	wattroff(w, A_BOLD);
	if (tui->pay_count > 0)
		snprintf(line, sizeof line, _("For the %d obligations marked, "
		    "then the oldest amounts due."), tui->pay_count);
	else
		snprintf(line, sizeof line, "%s", _("For the oldest amounts "
		    "due first, late charges before principal."));
	draw_text(w, 1, 2, cols - 4, line);
	form_widget_draw(p->form, w, 3, 2, form_widget_label_width(p->form));
	draw_wrapped(w, 6, 2, 3, cols - 4, _("The amount is what is due today; "
	    "change it for a part payment. An amount above what is due is "
	    "kept as a credit. The receipt prints at once."));
	tui_overlay(tui, form_widget_window(p->form));
	form_widget_cursor(p->form);
}

/* Records the payment and prints its receipt, once the clerk said yes. */
static void
payment_confirmed(struct tui *tui)
{
	struct payment *p = tui->state;
	struct payment_row row;
	int rc;

	rc = service_payment_take(tui->svc, tui->pay_taxpayer, p->amount,
	    p->channel, tui->pay_only, tui->pay_count, p->key, &row);
	if (rc != G_OK) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		return;
	}
	p->paid = row.id;
	if (service_payment_receipt(tui->svc, row.id, NULL) != G_OK)
		tui_message(tui, MSG_ERROR, "%s %s", _("The payment is "
		    "recorded."), service_message(tui->svc));
	else
		tui_message(tui, MSG_INFO, "%s", service_message(tui->svc));
	tui_switch(tui, &screen_taxes);
}

static void
payment_submit(struct tui *tui, struct payment *p)
{
	char *typed = form_widget_value(p->form, F_AMOUNT), text[32];
	struct numfmt fmt = numfmt_for_lang(i18n_language());
	const char *reason = money_parse(typed, fmt, &p->amount);

	free(typed);
	form_widget_clear_errors(p->form);
	if (reason == NULL && p->amount <= 0)
		reason = N_("not more than zero");
	if (reason != NULL) {
		form_widget_set_error(p->form, F_AMOUNT, reason);
		form_widget_focus(p->form, F_AMOUNT);
		return;
	}
	p->channel = form_widget_choice(p->form, F_CHANNEL) == 0 ? PAY_CASH :
	    PAY_CARD;
	money_format_plain(p->amount, fmt, text, sizeof text);
	tui_confirm(tui, payment_confirmed, _("Take %s %s? The payment is "
	    "recorded and its receipt printed."), text,
	    _(payment_channel_label(p->channel)));
}

static int
payment_key(struct tui *tui, struct key key)
{
	struct payment *p = tui->state;

	if (key_is_enter(key)) {
		payment_submit(tui, p);
		return KEY_HANDLED;
	}
	if (key_is_escape(key)) {
		tui_switch(tui, &screen_taxes);
		return KEY_HANDLED;
	}
	return form_widget_key(p->form, key);
}

const struct screen screen_payment = {
	.name = "payment",
	.title = N_("Payment"),
	.help = N_("The amount is what is due today for the obligations "
	    "marked on the register, or for all of them; change it for a part "
	    "payment. ← and → choose cash or card. Enter asks for a yes, then "
	    "records the payment and prints its receipt. A payment goes to the "
	    "marked obligations first, then to the oldest, late charges before "
	    "principal; what is left is kept as a credit. The same payment is "
	    "never recorded twice. Esc goes back without taking it."),
	.hints = hints,
	.enter = payment_enter,
	.draw = payment_draw,
	.key = payment_key,
	.leave = payment_leave,
};
