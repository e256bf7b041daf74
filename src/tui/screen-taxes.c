/*
 * The taxpayer register: the obligations with what is due on them today
 * (late charges included), the payments, the total, and when the register
 * was last refreshed.  A clerk opens anyone's by their CNP, CUI or AFM
 * (the view is audited), marks obligations and takes a payment; at the
 * kiosk a validated citizen sees their own.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/clock.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/role.h"
#include "guichet/service-register.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"

#define TOP 4			/* rows above the table */
#define BOTTOM 4		/* rows under it */

static const struct form_field_spec fields[] = {
	{ N_("CNP / CUI / AFM"), 16, 16, false, NULL },
};

struct taxes {
	struct form_widget *form;	/* staff: whose register */
	struct register_data d;
	bool loaded;
	bool *marked;			/* obligations chosen for payment */
	struct list list;
	enum { SHOW_OBLIGATIONS, SHOW_PAYMENTS, SHOW_WARRANTS } shows;
	struct numfmt fmt;
};

static const struct key_hint staff_hints[] = {
	{ "Enter", N_("Open") },
	{ "Space", N_("Mark") },
	{ "F5", N_("Take payment") },
	{ "Tab", N_("Obligations/Payments/Warrants") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct key_hint kiosk_hints[] = {
	{ "↑↓", N_("Choose") },
	{ "Tab", N_("Obligations/Payments/Warrants") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static bool
staff(const struct tui *tui)
{
	return role_is_staff(service_actor(tui->svc)->role);
}

/* Writes amount with the separators of the language on screen. */
static const char *
amount(const struct taxes *t, money_t m, char *buf, size_t len)
{
	money_format_plain(m, t->fmt, buf, len);
	return buf;
}

static void
obligation_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct taxes *t = arg;
	const struct obligation_row *o = &t->d.obligations[i];
	const struct obligation_due *due = &t->d.due[i];
	char name[200], day[16], a[32];
	int x = cols - 36;

	snprintf(name, sizeof name, "%s%s%s%s", t->marked[i] ? "✓ " : "",
	    o->name, o->unit_code[0] ? " · " : "", o->unit_code);
	draw_text(w, y, 1, x - 13, name);
	snprintf(day, sizeof day, "%d", o->tax_year);
	draw_text(w, y, x - 12, 4, day);
	date_format_local(due->due, i18n_language(), day, sizeof day);
	draw_text(w, y, x - 7, 10, day);
	draw_text(w, y, x + 4 + 11 - draw_width(amount(t, due->principal, a,
	    sizeof a)), 11, a);
	draw_text(w, y, x + 16 + 9 - draw_width(amount(t, due->charges, a,
	    sizeof a)), 9, a);
	draw_text(w, y, cols - 1 - draw_width(amount(t, due->total, a,
	    sizeof a)), 11, a);
}

static void
payment_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct taxes *t = arg;
	const struct payment_row *p = &t->d.payments[i];
	struct date on;
	char line[300], day[16], a[32];

	if (date_parse_iso(p->paid_on, &on))
		date_format_local(on, i18n_language(), day, sizeof day);
	else
		snprintf(day, sizeof day, "%s", p->paid_on);
	snprintf(line, sizeof line, "%s  %-8s %s", day,
	    _(payment_channel_label(p->channel)), p->advice[0] ? p->advice :
	    p->station);
	draw_text(w, y, 1, cols - 16, line);
	draw_text(w, y, cols - 1 - draw_width(amount(t, p->amount, a,
	    sizeof a)), 14, a);
}

static void
warrant_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct taxes *t = arg;
	const struct warrant *v = &t->d.warrants[i];
	struct date on;
	char line[400], day[16], a[32];

	if (date_parse_iso(v->issued_on, &on))
		date_format_local(on, i18n_language(), day, sizeof day);
	else
		snprintf(day, sizeof day, "%s", v->issued_on);
	snprintf(line, sizeof line, "%s  %s · %s%s", day, v->ref,
	    v->description, v->paid_on[0] ? "" : _(" (not paid yet)"));
	draw_text(w, y, 1, cols - 16, line);
	draw_text(w, y, cols - 1 - draw_width(amount(t, v->amount, a,
	    sizeof a)), 14, a);
}

/* Reads the register of national_id (staff) or the citizen's own. */
static void
load(struct tui *tui, struct taxes *t, const char *national_id)
{
	register_data_free(&t->d);
	free(t->marked);
	t->marked = NULL;
	t->loaded = false;
	t->list.count = t->list.top = 0;
	t->list.selected = -1;
	if (service_register_open(tui->svc, national_id, clock_today(),
	    &t->d) != G_OK) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		return;
	}
	t->loaded = true;
	t->marked = xcalloc((size_t)t->d.nobligations + 1, sizeof *t->marked);
	t->shows = SHOW_OBLIGATIONS;
	t->list.count = t->d.nobligations;
	t->list.draw_row = obligation_row;
	t->list.selected = t->list.count > 0 ? 0 : -1;
	snprintf(tui->taxpayer, sizeof tui->taxpayer, "%s",
	    t->d.taxpayer.national_id);
}

static void
taxes_enter(struct tui *tui)
{
	struct taxes *t = xcalloc(1, sizeof *t);

	tui->state = t;
	t->fmt = numfmt_for_lang(i18n_language());
	t->list.arg = t;
	t->list.selected = -1;
	if (staff(tui)) {
		t->form = form_widget_new(fields, 1);
		form_widget_set_value(t->form, 0, tui->taxpayer);
		if (tui->taxpayer[0] != '\0')
			load(tui, t, tui->taxpayer);
	} else
		load(tui, t, NULL);
}

static void
taxes_leave(struct tui *tui)
{
	struct taxes *t = tui->state;

	if (t->form != NULL)
		form_widget_free(t->form);
	register_data_free(&t->d);
	free(t->marked);
	free(t);
	tui->state = NULL;
}

/* The taxpayer, the day and the freshness of the register. */
static void
draw_head(struct tui *tui, struct taxes *t, WINDOW *w, int cols)
{
	char line[600], when[32], day[16];

	wattron(w, A_BOLD);
	snprintf(line, sizeof line, "%s · %s", t->d.taxpayer.name,
	    t->d.taxpayer.national_id);
	draw_text(w, staff(tui) ? 1 : 0, 1, cols - 2, line);
	wattroff(w, A_BOLD);
	date_format_local(t->d.on, i18n_language(), day, sizeof day);
	if (t->d.refreshed[0] != '\0')
		clock_local_text(t->d.refreshed, when, sizeof when);
	snprintf(line, sizeof line, _("Due on %s · register refreshed %s"),
	    day, t->d.refreshed[0] ? when : _("never"));
	draw_text(w, 2, 1, cols - 2, line);
}

/* The column titles of what the list shows. */
static void
draw_titles(struct taxes *t, WINDOW *w, int cols)
{
	int x = cols - 36;

	wattron(w, A_BOLD);
	if (t->shows != SHOW_OBLIGATIONS) {
		draw_text(w, TOP - 1, 1, cols - 16, t->shows == SHOW_PAYMENTS ?
		    _("Payments") : _("Payment warrants issued to it"));
		draw_text(w, TOP - 1, cols - 1 - draw_width(_("Amount")), 14,
		    _("Amount"));
	} else {
		draw_text(w, TOP - 1, 1, x - 13, _("Obligation"));
		draw_text(w, TOP - 1, x - 12, 4, _("Year"));
		draw_text(w, TOP - 1, x - 7, 10, _("Due"));
		draw_text(w, TOP - 1, x + 15 - draw_width(_("Principal")), 11,
		    _("Principal"));
		draw_text(w, TOP - 1, x + 25 - draw_width(_("Charges")), 9,
		    _("Charges"));
		draw_text(w, TOP - 1, cols - 1 - draw_width(_("Total")), 11,
		    _("Total"));
	}
	wattroff(w, A_BOLD);
}

/* The selected obligation's reference, and the totals. */
static void
draw_foot(struct taxes *t, WINDOW *w, int rows, int cols)
{
	const struct obligation_row *o;
	char line[400], a[32], b[32];
	int i = t->list.selected;

	mvwhline(w, rows - BOTTOM, 1, ACS_HLINE, cols - 2);
	if (t->shows == SHOW_OBLIGATIONS && i >= 0 && i < t->d.nobligations) {
		o = &t->d.obligations[i];
		snprintf(line, sizeof line, _("Notice %s · RF %s · IBAN %s · %d "
		    "months late"), o->notice, o->rf, o->iban,
		    t->d.due[i].months_late);
		draw_text(w, rows - BOTTOM + 1, 1, cols - 2, line);
	}
	wattron(w, A_BOLD);
	money_format(t->d.total_due, t->d.currency, t->fmt, a, sizeof a);
	snprintf(line, sizeof line, _("Total due today: %s"), a);
	draw_text(w, rows - BOTTOM + 2, 1, cols - 2, line);
	wattroff(w, A_BOLD);
	if (t->d.discount_year != 0) {
		money_format(t->d.discount_offer, t->d.currency, t->fmt, b,
		    sizeof b);
		snprintf(line, sizeof line, _("Paid whole by the first due "
		    "date, %d costs %s (early-payment discount)."),
		    t->d.discount_year, b);
		draw_text(w, rows - BOTTOM + 3, 1, cols - 2, line);
	}
}

static void
taxes_draw(struct tui *tui)
{
	struct taxes *t = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);

	t->fmt = numfmt_for_lang(i18n_language());
	if (t->form != NULL) {
		form_widget_draw(t->form, w, 0, 1,
		    form_widget_label_width(t->form));
		tui_overlay(tui, form_widget_window(t->form));
	}
	if (t->loaded) {
		draw_head(tui, t, w, cols);
		draw_titles(t, w, cols);
		if (t->list.count == 0)
			draw_text(w, TOP, 1, cols - 2, t->shows ==
			    SHOW_OBLIGATIONS ? _("Nothing is due.") :
			    _("No payments recorded."));
		list_draw(&t->list, w, TOP, rows - TOP - BOTTOM);
		draw_foot(t, w, rows, cols);
	} else if (t->form != NULL)
		draw_wrapped(w, 2, 1, 3, cols - 2, _("Type the taxpayer's CNP, "
		    "CUI or AFM and press Enter."));
	if (t->form != NULL && !t->loaded)
		form_widget_cursor(t->form);
}

/* Switches the list between obligations and payments. */
static void
toggle_view(struct taxes *t)
{
	/* Warrants only for a supplier that has some. */
	t->shows = t->shows == SHOW_OBLIGATIONS ? SHOW_PAYMENTS :
	    t->shows == SHOW_PAYMENTS && t->d.nwarrants > 0 ? SHOW_WARRANTS :
	    SHOW_OBLIGATIONS;
	t->list.count = t->shows == SHOW_PAYMENTS ? t->d.npayments :
	    t->shows == SHOW_WARRANTS ? t->d.nwarrants : t->d.nobligations;
	t->list.draw_row = t->shows == SHOW_PAYMENTS ? payment_row :
	    t->shows == SHOW_WARRANTS ? warrant_row : obligation_row;
	t->list.top = 0;
	t->list.selected = t->list.count > 0 ? 0 : -1;
}

/* Opens the payment screen for the marked obligations. */
static void
take_payment(struct tui *tui, struct taxes *t)
{
	int i;

	tui->pay_count = 0;
	tui->pay_amount = 0;
	for (i = 0; i < t->d.nobligations; i++)
		if (t->marked[i] && tui->pay_count < TUI_PAY_MAX) {
			tui->pay_only[tui->pay_count++] =
			    t->d.obligations[i].id;
			tui->pay_amount += t->d.due[i].total;
		}
	if (tui->pay_count == 0)
		tui->pay_amount = t->d.total_due;
	tui->pay_taxpayer = t->d.taxpayer.id;
	tui_switch(tui, &screen_payment);
}

static int
taxes_key(struct tui *tui, struct key key)
{
	struct taxes *t = tui->state;
	char *typed;

	if (key_is_escape(key)) {
		tui->taxpayer[0] = '\0';
		tui_switch(tui, tui->kiosk ? &screen_kiosk_home :
		    tui->taxes_back != NULL ? tui->taxes_back : &screen_main);
		return KEY_HANDLED;
	}
	if (t->loaded && !key.is_code && key.code == L'\t')
		return toggle_view(t), KEY_HANDLED;
	if (t->loaded && staff(tui) && t->shows == SHOW_OBLIGATIONS &&
	    !key.is_code &&
	    key.code == L' ' && t->list.selected >= 0) {
		t->marked[t->list.selected] = !t->marked[t->list.selected];
		return KEY_HANDLED;
	}
	if (t->loaded && staff(tui) && key.is_code && key.code == KEY_F(5))
		return take_payment(tui, t), KEY_HANDLED;
	if (t->form != NULL && key_is_enter(key)) {
		typed = form_widget_value(t->form, 0);
		load(tui, t, typed);
		free(typed);
		return KEY_HANDLED;
	}
	if (t->loaded && list_key(&t->list, key, getmaxy(tui->body) - TOP -
	    BOTTOM) == KEY_HANDLED)
		return KEY_HANDLED;
	if (t->form != NULL && form_widget_key(t->form, key) == KEY_HANDLED) {
		t->loaded = false;	/* typing another number */
		return KEY_HANDLED;
	}
	return KEY_IGNORED;
}

const struct screen screen_taxes = {
	.name = "taxes",
	.title = N_("Taxpayer register"),
	.help = N_("The taxpayer register: each obligation with its year, its "
	    "due date (moved to the next working day when it falls on a "
	    "holiday or a weekend), the principal still unpaid, the late "
	    "charges to today and the total; under the list, the selected "
	    "one's notice, RF payment reference and account. Type a CNP, CUI "
	    "or AFM and press Enter to open someone's register; opening it is "
	    "recorded. Tab shows the payments instead, then, for a supplier, the "
	    "payment warrants the town hall issued to it. Space marks "
	    "obligations to pay and F5 takes a payment: for the marked ones "
	    "first, otherwise the oldest first, late charges before "
	    "principal. Esc goes back."),
	.hints = staff_hints,
	.kiosk_help = N_("Your taxes: each obligation with its due date, what "
	    "is still unpaid, the late charges to today and the total. Under "
	    "the list, the selected one's payment reference (RF) for paying at "
	    "a bank. Tab shows your payments. Esc goes back."),
	.kiosk_hints = kiosk_hints,
	.enter = taxes_enter,
	.draw = taxes_draw,
	.key = taxes_key,
	.leave = taxes_leave,
};
