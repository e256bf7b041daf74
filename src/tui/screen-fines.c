/*
 * Traffic and parking fines: the clerk types what the report says (the
 * municipality's code, the number, the plate, the date and time, the
 * kind), finds the fine or registers it when the police's record has not
 * arrived, and takes its whole amount of the day, printing the receipt.
 * At the kiosk anyone may look a fine up the same way, and is told what
 * it costs today and where to pay it.
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
#include "guichet/service-fine.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

enum { F_TOWN, F_NUMBER, F_PLATE, F_TIME, F_KIND, N_FIELDS };

struct fines {
	const struct fine_rules *rules;
	const char *kinds[FINE_TYPES_MAX + 1];	/* labels, NULL-ended */
	struct form_field_spec specs[N_FIELDS];
	struct form_widget *form;
	struct fine found;		/* the fine on screen, when id != 0 */
	enum payment_channel paying;
	char key[80];			/* this screen's payment key */
};

static const struct key_hint hints[] = {
	{ "Enter", N_("Look up") },
	{ "F3", N_("Register") },
	{ "F5/F6", N_("Pay cash/card") },
	{ "Tab", N_("Field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct key_hint kiosk_hints[] = {
	{ "Enter", N_("Look up") },
	{ "Tab/↑↓", N_("Field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

/* Makes a new payment key: one per fine paid from this screen. */
static void
new_key(struct tui *tui, struct fines *s)
{
	snprintf(s->key, sizeof s->key, "fine:%s:%s:%lld:%ld",
	    tui->conf->station, service_actor(tui->svc)->name,
	    (long long)clock_now_ms(), (long)getpid());
}

static void
fines_enter(struct tui *tui)
{
	struct fines *s = xcalloc(1, sizeof *s);
	int i;

	tui->state = s;
	if ((s->rules = service_fine_rules(tui->svc)) == NULL) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		tui_switch(tui, tui->kiosk ? &screen_kiosk_home : &screen_main);
		return;
	}
	for (i = 0; i < s->rules->ntypes; i++)
		s->kinds[i] = label3_get(&s->rules->types[i].label,
		    i18n_language());
	s->specs[F_TOWN] = (struct form_field_spec){ N_("Municipality code"),
	    8, 15, false, NULL };
	s->specs[F_NUMBER] = (struct form_field_spec){ N_("Report number"),
	    16, 31, false, NULL };
	s->specs[F_PLATE] = (struct form_field_spec){ N_("Plate"), 12, 20,
	    false, NULL };
	s->specs[F_TIME] = (struct form_field_spec){ N_("Date and time"), 16,
	    16, false, NULL };
	s->specs[F_KIND] = (struct form_field_spec){ N_("Kind"), 40, 40,
	    false, s->kinds };
	/* The kind only matters to register a fine, at the counter. */
	s->form = form_widget_new(s->specs, tui->kiosk ? F_KIND : N_FIELDS);
	form_widget_set_value(s->form, F_TOWN, tui->conf->town_code);
	form_widget_focus(s->form, F_NUMBER);
	new_key(tui, s);
}

static void
fines_leave(struct tui *tui)
{
	struct fines *s = tui->state;

	if (s->form != NULL)
		form_widget_free(s->form);
	free(s);
	tui->state = NULL;
}

/* The fine found: what it is, what it costs today, whether it is paid. */
static void
draw_found(struct fines *s, WINDOW *w, int y, int cols)
{
	const struct fine_type *t = fine_type_find(s->rules, s->found.type);
	struct numfmt fmt = numfmt_for_lang(i18n_language());
	char line[400], full[32], today[32];
	money_t due = fine_amount_on(s->rules, &s->found, clock_today());

	snprintf(line, sizeof line, "%s %s · %s · %s", _("Fine"),
	    s->found.number, s->found.plate, s->found.issued_at);
	wattron(w, A_BOLD);
	draw_text(w, y, 2, cols - 4, line);
	wattroff(w, A_BOLD);
	money_format_plain(s->found.amount, fmt, full, sizeof full);
	money_format_plain(due, fmt, today, sizeof today);
	snprintf(line, sizeof line, "%s: %s · %s %s", t != NULL ?
	    label3_get(&t->label, i18n_language()) : s->found.type, full,
	    _("to pay today:"), today);
	draw_text(w, y + 1, 2, cols - 4, line);
	if (s->found.payment_id != 0) {
		snprintf(line, sizeof line, _("Paid on %s."), s->found.paid_on);
		draw_text(w, y + 2, 2, cols - 4, line);
	} else if (due < s->found.amount)
		draw_wrapped(w, y + 2, 2, 2, cols - 4, _("Paid within the days "
		    "the law allows after the report, the fine is reduced."));
}

/* Where a citizen pays what the kiosk found. */
static void
draw_where_to_pay(WINDOW *w, int y, int cols)
{
	draw_wrapped(w, y, 2, 3, cols - 4, _("Pay it at the counter, in cash "
	    "or by card, or by bank transfer with the report's number: the "
	    "accounts are under Information (5) on the menu."));
}

static void
fines_draw(struct tui *tui)
{
	struct fines *s = tui->state;
	WINDOW *w = tui->body;
	int cols = getmaxx(w), y;

	if (s->form == NULL)
		return;
	wattron(w, A_BOLD);
	draw_text(w, 0, 2, cols - 4, _("Type what the report says."));
	wattroff(w, A_BOLD);
	y = 2 + form_widget_draw(s->form, w, 2, 2,
	    form_widget_label_width(s->form));
	draw_text(w, y, 2, cols - 4, _("Date and time as 25.11.2026 10:30."));
	if (s->found.id != 0)
		draw_found(s, w, y + 2, cols);
	if (s->found.id != 0 && s->found.payment_id == 0 && tui->kiosk)
		draw_where_to_pay(w, y + 5, cols);
	tui_overlay(tui, form_widget_window(s->form));
	form_widget_cursor(s->form);
}

/* Reads and checks the form into *q; false (message set) when wrong. */
static bool
typed(struct tui *tui, struct fines *s, struct fine *q)
{
	struct fine t;
	char *v[N_FIELDS];
	int i, rc;

	memset(&t, 0, sizeof t);
	for (i = 0; i < F_KIND; i++)
		v[i] = form_widget_value(s->form, i);
	snprintf(t.municipality, sizeof t.municipality, "%s", v[F_TOWN]);
	snprintf(t.number, sizeof t.number, "%s", v[F_NUMBER]);
	snprintf(t.plate, sizeof t.plate, "%s", v[F_PLATE]);
	snprintf(t.issued_at, sizeof t.issued_at, "%s", v[F_TIME]);
	if (s->rules->ntypes > 0 && !tui->kiosk)
		snprintf(t.type, sizeof t.type, "%s",
		    s->rules->types[form_widget_choice(s->form, F_KIND)].id);
	for (i = 0; i < F_KIND; i++)
		free(v[i]);
	if ((rc = service_fine_check(tui->svc, &t, q)) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	return rc == G_OK;
}

static void
look_up(struct tui *tui, struct fines *s)
{
	struct fine q;
	int rc;

	memset(&s->found, 0, sizeof s->found);
	if (!typed(tui, s, &q))
		return;
	if ((rc = service_fine_find(tui->svc, &q, &s->found)) == G_OK)
		tui_message(tui, MSG_NONE, NULL);
	else if (rc == G_ERR_NOTFOUND)
		tui_message(tui, MSG_INFO, "%s %s", service_message(tui->svc),
		    tui->kiosk ? _("The police's record may take a few days to "
		    "arrive; at the counter, with the report, it is paid at "
		    "once.") : _("F3 registers it, with the kind chosen."));
	else
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
}

static void
register_fine(struct tui *tui, struct fines *s)
{
	struct fine f;

	if (!typed(tui, s, &f))
		return;
	if (service_fine_register(tui->svc, &f) != G_OK) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		return;
	}
	tui_message(tui, MSG_INFO, "%s", service_message(tui->svc));
	service_fine_find(tui->svc, &f, &s->found);
}

/* Takes the payment once the clerk said yes, and prints the receipt. */
static void
pay_confirmed(struct tui *tui)
{
	struct fines *s = tui->state;
	int64_t payment;
	money_t amount;
	struct fine q;

	if (service_fine_pay(tui->svc, s->found.id, s->paying, s->key,
	    &payment, &amount) != G_OK) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		return;
	}
	if (service_fine_receipt(tui->svc, payment, NULL) != G_OK)
		tui_message(tui, MSG_ERROR, "%s %s", _("The payment is "
		    "recorded."), service_message(tui->svc));
	else
		tui_message(tui, MSG_INFO, "%s", service_message(tui->svc));
	q = s->found;
	service_fine_find(tui->svc, &q, &s->found);
	new_key(tui, s);		/* the next fine is another payment */
}

static void
pay(struct tui *tui, struct fines *s, enum payment_channel channel)
{
	char text[32];

	if (s->found.id == 0) {
		tui_message(tui, MSG_INFO, "%s", _("Look the fine up first "
		    "(Enter)."));
		return;
	}
	if (s->found.payment_id != 0) {
		tui_message(tui, MSG_INFO, _("Fine %s is paid already (on %s)."),
		    s->found.number, s->found.paid_on);
		return;
	}
	s->paying = channel;
	money_format_plain(fine_amount_on(s->rules, &s->found, clock_today()),
	    numfmt_for_lang(i18n_language()), text, sizeof text);
	tui_confirm(tui, pay_confirmed, _("Take %s %s? The payment is "
	    "recorded and its receipt printed."), text,
	    _(payment_channel_label(channel)));
}

static int
fines_key(struct tui *tui, struct key key)
{
	struct fines *s = tui->state;

	if (s->form == NULL)
		return KEY_IGNORED;
	if (key_is_escape(key))
		return tui_switch(tui, tui->kiosk ? &screen_kiosk_home :
		    &screen_main), KEY_HANDLED;
	if (key_is_enter(key))
		return look_up(tui, s), KEY_HANDLED;
	if (tui->kiosk && key.is_code && key.code >= KEY_F(2) &&
	    key.code <= KEY_F(9))
		return KEY_IGNORED;	/* registering and paying: the counter */
	if (key.is_code && key.code == KEY_F(3))
		return register_fine(tui, s), KEY_HANDLED;
	if (key.is_code && (key.code == KEY_F(5) || key.code == KEY_F(6)))
		return pay(tui, s, key.code == KEY_F(5) ? PAY_CASH : PAY_CARD),
		    KEY_HANDLED;
	if (form_widget_key(s->form, key) == KEY_HANDLED) {
		s->found.id = 0;	/* what was typed changed */
		return KEY_HANDLED;
	}
	return KEY_IGNORED;
}

const struct screen screen_fines = {
	.name = "fines",
	.title = N_("Fines"),
	.help = N_("Type what the report says: the municipality's code "
	    "(ours is filled in; a fine of another municipality is paid "
	    "there), the report's number, the plate, the date and time, and "
	    "choose the kind with ← and →. Enter looks the fine up: it is "
	    "shown with its amount and what it costs today (reduced when "
	    "paid soon after the report). A fine not recorded yet is "
	    "registered with F3, at the amount of its kind. F5 takes the "
	    "whole amount in cash, F6 by card; after a yes the receipt is "
	    "printed. A fine is paid once. Esc goes back."),
	.hints = hints,
	.kiosk_title = N_("Look up a fine"),
	.kiosk_help = N_("Type what your fine's report says: the report's "
	    "number, the car's plate, and the date and time as 25.11.2026 "
	    "10:30 (our municipality's code is filled in; a fine of another "
	    "municipality is paid there). Enter looks it up: you see its "
	    "amount, what it costs if paid today (less when paid soon after "
	    "the report) and where to pay. All three must match the report, "
	    "so nobody finds another person's fine. Esc goes back."),
	.kiosk_hints = kiosk_hints,
	.enter = fines_enter,
	.draw = fines_draw,
	.key = fines_key,
	.leave = fines_leave,
};
