/*
 * A business declares a quarter's gross receipts and pays the fee on
 * them in the same step: the clerk types the figures, reads the fee and
 * any late charge, says yes, and the receipt prints.
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
#include "guichet/service-declaration.h"
#include "guichet/service-register.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

enum { F_YEAR, F_QUARTER, F_GROSS, F_NIGHT, F_CHANNEL, N_FIELDS };

static const char *const quarters[] = { "Q1", "Q2", "Q3", "Q4", NULL };
static const char *const yes_no[] = { N_("no"), N_("yes"), NULL };
static const char *const channels[] = { N_("cash"), N_("card"), NULL };

static const struct form_field_spec fields[N_FIELDS] = {
	{ N_("Year"), 6, 4, false, NULL },
	{ N_("Quarter"), 8, 8, false, quarters },
	{ N_("Gross receipts"), 16, 20, false, NULL },
	{ N_("Night club"), 8, 8, false, yes_no },
	{ N_("Paid in"), 12, 12, false, channels },
};

struct declare {
	struct form_widget *form;
	struct declaration d;
	enum payment_channel channel;
	char key[80];
};

static const struct key_hint hints[] = {
	{ "Tab/↑↓", N_("Field") },
	{ "←→", N_("Choice") },
	{ "Enter", N_("Declare and pay") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Cancel") },
	{ NULL, NULL }
};

static void
declare_enter(struct tui *tui)
{
	struct declare *s = xcalloc(1, sizeof *s);
	struct date today = clock_today();
	char year[8];

	tui->state = s;
	s->form = form_widget_new(fields, N_FIELDS);
	/* The quarter that ended last. */
	snprintf(year, sizeof year, "%d", today.month <= 3 ? today.year - 1 :
	    today.year);
	form_widget_set_value(s->form, F_YEAR, year);
	form_widget_set_choice(s->form, F_QUARTER, today.month <= 3 ? 3 :
	    (today.month - 1) / 3 - 1);
	form_widget_focus(s->form, F_GROSS);
	snprintf(s->key, sizeof s->key, "decl:%s:%s:%lld:%ld",
	    tui->conf->station, service_actor(tui->svc)->name,
	    (long long)clock_now_ms(), (long)getpid());
}

static void
declare_leave(struct tui *tui)
{
	struct declare *s = tui->state;

	form_widget_free(s->form);
	free(s);
	tui->state = NULL;
}

static void
declare_draw(struct tui *tui)
{
	struct declare *s = tui->state;
	WINDOW *w = tui->body;
	int cols = getmaxx(w), y;

	wattron(w, A_BOLD);
	draw_text(w, 0, 2, cols - 4, _("Declare gross receipts"));
	wattroff(w, A_BOLD);
	y = 2 + form_widget_draw(s->form, w, 2, 2,
	    form_widget_label_width(s->form));
	draw_wrapped(w, y + 1, 2, 4, cols - 4, _("The fee on the quarter's "
	    "gross receipts is paid as it is declared; declared after the end "
	    "of the month that follows the quarter, a charge for each month "
	    "started is added, never more than the fee. Enter shows the "
	    "amounts and asks for a yes."));
	tui_overlay(tui, form_widget_window(s->form));
	form_widget_cursor(s->form);
}

/* Files the declaration and prints the receipt, once the clerk said yes. */
static void
declare_confirmed(struct tui *tui)
{
	struct declare *s = tui->state;

	if (service_declaration_file(tui->svc, &s->d, s->channel, s->key) !=
	    G_OK) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		return;
	}
	if (s->d.payment_id != 0 && service_payment_receipt(tui->svc,
	    s->d.payment_id, NULL) != G_OK)
		tui_message(tui, MSG_ERROR, "%s %s", _("The declaration is "
		    "recorded and paid."), service_message(tui->svc));
	else
		tui_message(tui, MSG_INFO, _("Quarter %d of %d is declared and "
		    "paid; the receipt is printed."), s->d.quarter, s->d.year);
	tui_switch(tui, &screen_business_card);
}

static void
declare_submit(struct tui *tui, struct declare *s)
{
	struct numfmt fmt = numfmt_for_lang(i18n_language());
	char *year = form_widget_value(s->form, F_YEAR);
	char *gross = form_widget_value(s->form, F_GROSS);
	char fee[32], charge[32], total[32], *end;
	const char *reason;

	form_widget_clear_errors(s->form);
	memset(&s->d, 0, sizeof s->d);
	s->d.business_id = tui->business_id;
	s->d.year = (int)strtol(year, &end, 10);
	if (end == year || *end != '\0')
		s->d.year = 0;
	s->d.quarter = form_widget_choice(s->form, F_QUARTER) + 1;
	s->d.night_club = form_widget_choice(s->form, F_NIGHT) == 1;
	s->channel = form_widget_choice(s->form, F_CHANNEL) == 0 ? PAY_CASH :
	    PAY_CARD;
	reason = money_parse(gross, fmt, &s->d.gross);
	free(year);
	free(gross);
	if (reason != NULL) {
		form_widget_set_error(s->form, F_GROSS, reason);
		form_widget_focus(s->form, F_GROSS);
		return;
	}
	if (service_declaration_compute(tui->svc, &s->d) != G_OK) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		return;
	}
	money_format_plain(s->d.fee, fmt, fee, sizeof fee);
	money_format_plain(s->d.charge, fmt, charge, sizeof charge);
	money_format_plain(s->d.fee + s->d.charge, fmt, total, sizeof total);
	tui_confirm(tui, declare_confirmed, _("Q%d %d: fee %s, late charge %s. "
	    "Take %s %s and record the declaration?"), s->d.quarter,
	    s->d.year, fee, charge, total,
	    _(payment_channel_label(s->channel)));
}

static int
declare_key(struct tui *tui, struct key key)
{
	struct declare *s = tui->state;

	if (key_is_enter(key))
		return declare_submit(tui, s), KEY_HANDLED;
	if (key_is_escape(key)) {
		tui_confirm_leave(tui, &screen_business_card);
		return KEY_HANDLED;
	}
	return form_widget_key(s->form, key);
}

const struct screen screen_declaration = {
	.name = "declaration",
	.title = N_("Declaration"),
	.help = N_("A business declares a quarter's gross receipts and pays "
	    "the fee on them at once: type the year, choose the quarter, type "
	    "the gross receipts as in the VAT return, say whether the premises "
	    "are a night club (a higher rate), and cash or card. Enter shows "
	    "the fee and any charge for declaring late and asks for a yes; "
	    "then the declaration and its payment are recorded together and "
	    "the receipt prints. A quarter is declared once. Esc leaves "
	    "without declaring, after asking."),
	.hints = hints,
	.enter = declare_enter,
	.draw = declare_draw,
	.key = declare_key,
	.leave = declare_leave,
};
