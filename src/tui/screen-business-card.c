/*
 * A business's card: its data and its legal representatives; the clerk
 * adds a representative (a validated citizen with the special
 * declaration) or ends a representation.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/business.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-business.h"
#include "guichet/service-person.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"

#define REPRESENTATIVES_MAX 32

enum { F_PERSON, F_DATE, F_REFERENCE, N_FIELDS };

static const struct form_field_spec add_fields[N_FIELDS] = {
	{ N_("Citizen's CNP / AFM"), 13, 13, false, NULL },
	{ N_("Declaration date"), 12, 10, false, NULL },
	{ N_("Declaration no."), 20, 60, false, NULL },
};

struct business_card {
	struct business business;
	bool loaded;
	struct representative reps[REPRESENTATIVES_MAX];
	struct list list;
	struct form_widget *add;	/* adding a representative, or NULL */
	int64_t person_id;		/* whom the add form names */
	struct date declared;
	char reference[64];
};

static const struct key_hint hints[] = {
	{ "A/F5", N_("Add representative") },
	{ "X/F6", N_("End") },
	{ "D", N_("Declare") },
	{ "T", N_("Taxes") },
	{ "?/F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static void
rep_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct business_card *c = arg;
	const struct representative *r = &c->reps[i];
	char date[16];

	date_format_local(r->declaration_date, i18n_language(), date,
	    sizeof date);
	draw_text(w, y, 4, cols - 40, r->person_name);
	draw_text(w, y, cols - 35, 11, date);
	draw_text(w, y, cols - 23, 22, r->document_ref);
}

static int
keep_rep(const struct representative *r, void *arg)
{
	struct business_card *c = arg;

	c->reps[c->list.count++] = *r;
	return c->list.count >= REPRESENTATIVES_MAX;
}

/* Reads the business and its representatives. */
static void
business_card_load(struct tui *tui, struct business_card *c)
{
	c->loaded = service_business_get(tui->svc, tui->business_id,
	    &c->business) == G_OK;
	c->list.count = 0;
	if (!c->loaded) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		return;
	}
	service_business_representatives(tui->svc, tui->business_id, keep_rep,
	    c);
	c->list.selected = c->list.count > 0 ? 0 : -1;
}

static void
business_card_enter(struct tui *tui)
{
	struct business_card *c = xcalloc(1, sizeof *c);

	c->list.draw_row = rep_row;
	c->list.arg = c;
	tui->state = c;
	business_card_load(tui, c);
}

static void
business_card_leave(struct tui *tui)
{
	struct business_card *c = tui->state;

	form_widget_free(c->add);
	free(c);
	tui->state = NULL;
}

static void
business_card_draw(struct tui *tui)
{
	struct business_card *c = tui->state;
	const struct business *b = &c->business;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);
	char line[700];

	if (!c->loaded)
		return;
	snprintf(line, sizeof line, "%s · %s %s", b->name,
	    b->cui[0] ? "CUI" : "ΑΦΜ", b->cui[0] ? b->cui : b->afm);
	wattron(w, A_BOLD);
	draw_text(w, 0, 2, cols - 4, line);
	wattroff(w, A_BOLD);
	snprintf(line, sizeof line, "%s: %s %s, %s %s", _("Seat"), b->street,
	    b->number, b->town, b->postal_code);
	draw_text(w, 2, 2, cols - 4, line);
	snprintf(line, sizeof line, "%s: %s", _("Payment notes to"),
	    b->email[0] ? b->email : "—");
	draw_text(w, 3, 2, cols - 4, line);
	wattron(w, A_BOLD);
	draw_text(w, 5, 2, cols - 4, _("Legal representatives"));
	wattroff(w, A_BOLD);
	if (c->list.count == 0)
		draw_text(w, 6, 4, cols - 6, _("None yet: A adds one."));
	if (c->add != NULL) {
		draw_text(w, rows - 5, 2, cols - 4, _("Add a representative: "
		    "a validated citizen who filed the special declaration."));
		form_widget_draw(c->add, w, rows - 4, 2,
		    form_widget_label_width(c->add));
		tui_overlay(tui, form_widget_window(c->add));
		list_draw(&c->list, w, 6, rows - 12);
		form_widget_cursor(c->add);
		return;
	}
	list_draw(&c->list, w, 6, rows - 6);
}

/* Adds the representative once the clerk confirmed. */
static void
add_confirmed(struct tui *tui)
{
	struct business_card *c = tui->state;

	if (service_representative_add(tui->svc, tui->business_id,
	    c->person_id, c->declared, c->reference) == G_OK) {
		tui_message(tui, MSG_INFO, "%s", service_message(tui->svc));
		form_widget_free(c->add);
		c->add = NULL;
		business_card_load(tui, c);
	} else
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
}

/* Reads the add form, finds the citizen, asks to confirm. */
static void
add_submit(struct tui *tui, struct business_card *c)
{
	struct person who;
	int64_t person_id = 0;
	char *id = form_widget_value(c->add, F_PERSON);
	char *date = form_widget_value(c->add, F_DATE);
	char *ref = form_widget_value(c->add, F_REFERENCE);

	if (id[0] == '\0' || service_person_find(tui->svc, id,
	    &person_id) != G_OK || service_person_get(tui->svc, person_id,
	    &who) != G_OK) {
		form_widget_focus(c->add, F_PERSON);
		tui_message(tui, MSG_ERROR, "%s", _("Citizen: no one has this "
		    "CNP / AFM; register them first."));
	} else if (!date_parse_any(date, &c->declared)) {
		form_widget_focus(c->add, F_DATE);
		tui_message(tui, MSG_ERROR, "%s", _("Declaration date: write it "
		    "as 31.12.2026."));
	} else {
		c->person_id = person_id;
		snprintf(c->reference, sizeof c->reference, "%s", ref);
		tui_confirm(tui, add_confirmed, _("Record %s %s as legal "
		    "representative of %s? They may then act for the business "
		    "at the counter and the kiosk."), who.given_names,
		    who.surname, c->business.name);
	}
	free(id);
	free(date);
	free(ref);
}

/* Ends the selected representation once the clerk confirmed. */
static void
end_confirmed(struct tui *tui)
{
	struct business_card *c = tui->state;

	if (service_representative_end(tui->svc,
	    c->reps[c->list.selected].id) == G_OK)
		tui_message(tui, MSG_INFO, "%s", _("The representation is "
		    "ended."));
	else
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	business_card_load(tui, c);
}

static int
business_card_key(struct tui *tui, struct key key)
{
	struct business_card *c = tui->state;
	bool enter = key_is_enter(key);
	wint_t k = key.code;

	if (c->add != NULL) {
		if (enter)
			add_submit(tui, c);
		else if (!key.is_code && k == 27) {
			form_widget_free(c->add);
			c->add = NULL;
		} else
			return form_widget_key(c->add, key);
		return KEY_HANDLED;
	}
	if (tui_common_key(tui, key, true))
		return KEY_HANDLED;
	if (!key.is_code && k == 27)
		return tui_switch(tui, &screen_businesses), KEY_HANDLED;
	if (!c->loaded)
		return KEY_IGNORED;
	if ((key.is_code && k == KEY_F(5)) ||
	    (!key.is_code && (k == L'a' || k == L'A'))) {
		c->add = form_widget_new(add_fields, N_FIELDS);
		return KEY_HANDLED;
	}
	if ((key.is_code && k == KEY_F(6)) ||
	    (!key.is_code && (k == L'x' || k == L'X'))) {
		if (c->list.selected < 0)
			tui_message(tui, MSG_INFO, "%s", _("There is no "
			    "representative to end."));
		else
			tui_confirm(tui, end_confirmed, _("End the "
			    "representation of %s by %s? They can no longer act "
			    "for it."), c->business.name,
			    c->reps[c->list.selected].person_name);
		return KEY_HANDLED;
	}
	if (!key.is_code && (k == L'd' || k == L'D'))
		return tui_switch(tui, &screen_declaration), KEY_HANDLED;
	if (!key.is_code && (k == L't' || k == L'T')) {
		snprintf(tui->taxpayer, sizeof tui->taxpayer, "%s",
		    c->business.cui[0] ? c->business.cui : c->business.afm);
		tui->taxes_back = &screen_business_card;
		return tui_switch(tui, &screen_taxes), KEY_HANDLED;
	}
	return list_key(&c->list, key, getmaxy(tui->body) - 6);
}

const struct screen screen_business_card = {
	.name = "business-card",
	.title = N_("Business"),
	.help = N_("The business's data and its legal representatives. A (or "
	    "F5) adds a representative: type the citizen's CNP or AFM (the "
	    "citizen must be validated, Level B), the date the special "
	    "declaration was filed and its registration number, then confirm. "
	    "X (or F6) ends the selected representation. D declares a "
	    "quarter's gross receipts and pays the fee on them; T opens the "
	    "business's taxpayer register, where an assessed tax is paid. Esc "
	    "goes back."),
	.hints = hints,
	.enter = business_card_enter,
	.draw = business_card_draw,
	.key = business_card_key,
	.leave = business_card_leave,
};
