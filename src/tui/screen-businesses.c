/*
 * Businesses: find one by name or CUI/AFM, register a new one, open its
 * card with its legal representatives.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-business.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"

#define FOUND_MAX 100

static const struct form_field_spec fields[] = {
	{ N_("Search"), 40, 64, false, NULL },
};

struct businesses {
	struct form_widget *form;
	struct list list;
	struct business found[FOUND_MAX];
	char query[256];
	bool in_list;
};

static const struct key_hint hints[] = {
	{ "↓/Enter", N_("Results/Open") },
	{ "F3", N_("New business") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static void
business_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct businesses *b = arg;
	const struct business *x = &b->found[i];

	draw_text(w, y, 2, cols - 34, x->name);
	draw_text(w, y, cols - 31, 12, x->cui[0] ? x->cui : x->afm);
	draw_text(w, y, cols - 18, 17, x->town);
}

static void
businesses_enter(struct tui *tui)
{
	struct businesses *b = xcalloc(1, sizeof *b);

	b->form = form_widget_new(fields, 1);
	b->list.selected = -1;
	b->list.draw_row = business_row;
	b->list.arg = b;
	tui->state = b;
}

static void
businesses_leave(struct tui *tui)
{
	struct businesses *b = tui->state;

	form_widget_free(b->form);
	free(b);
	tui->state = NULL;
}

static int
keep(const struct business *x, void *arg)
{
	struct businesses *b = arg;

	b->found[b->list.count++] = *x;
	return b->list.count >= FOUND_MAX;
}

/* Runs the search again when what is typed changed. */
static void
search_update(struct tui *tui, struct businesses *b)
{
	char *query = form_widget_value(b->form, 0);

	if (strcmp(query, b->query) != 0) {
		snprintf(b->query, sizeof b->query, "%s", query);
		b->list.count = b->list.top = 0;
		b->in_list = false;
		tui_message(tui, MSG_NONE, NULL);
		if (b->query[0] != '\0' && service_business_search(tui->svc,
		    b->query, FOUND_MAX, keep, b) != G_OK)
			tui_message(tui, MSG_ERROR, "%s",
			    service_message(tui->svc));
	}
	free(query);
}

static void
businesses_draw(struct tui *tui)
{
	struct businesses *b = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);

	form_widget_draw(b->form, w, 1, 2, form_widget_label_width(b->form));
	tui_overlay(tui, form_widget_window(b->form));
	draw_text(w, 2, 2, cols - 4, _("A name, or a CUI / AFM; accents and "
	    "case do not matter."));
	wattron(w, A_BOLD);
	draw_text(w, 4, 2, cols - 34, _("Name"));
	draw_text(w, 4, cols - 31, 12, _("CUI / AFM"));
	draw_text(w, 4, cols - 18, 17, _("Town"));
	wattroff(w, A_BOLD);
	b->list.selected = b->in_list ? (b->list.selected < 0 ? 0 :
	    b->list.selected) : -1;
	list_draw(&b->list, w, 5, rows - 5);
	if (!b->in_list)
		form_widget_cursor(b->form);
}

static int
businesses_key(struct tui *tui, struct key key)
{
	struct businesses *b = tui->state;
	int i, rc;

	if (key.is_code && key.code == KEY_F(3))
		return tui_switch(tui, &screen_business_new), KEY_HANDLED;
	if (key_is_escape(key))
		return tui_switch(tui, &screen_main), KEY_HANDLED;
	if (key_is_enter(key)) {
		i = b->in_list ? b->list.selected : 0;
		if (i < 0 || i >= b->list.count)
			tui_message(tui, MSG_INFO, "%s", _("No business found. "
			    "F3 registers a new one."));
		else {
			tui->business_id = b->found[i].id;
			tui_switch(tui, &screen_business_card);
		}
		return KEY_HANDLED;
	}
	if (b->in_list) {
		if (key.is_code && key.code == KEY_UP && b->list.selected == 0)
			return b->in_list = false, KEY_HANDLED;
		if ((rc = list_key(&b->list, key, getmaxy(tui->body) - 5)) !=
		    KEY_IGNORED)
			return rc;
		b->in_list = false;
	}
	if (key.is_code && key.code == KEY_DOWN) {
		b->in_list = b->list.count > 0;
		return KEY_HANDLED;
	}
	if ((rc = form_widget_key(b->form, key)) == KEY_HANDLED)
		search_update(tui, b);
	return rc;
}

const struct screen screen_businesses = {
	.name = "businesses",
	.title = N_("Businesses"),
	.help = N_("Type part of a business's name, or its CUI (Romania) or "
	    "AFM (Greece); the list follows as you type. Enter opens the first "
	    "result, the down arrow moves into the list. F3 registers a new "
	    "business. A business acts through legal representatives: "
	    "validated citizens who filed the special declaration; add them "
	    "on the business's card. Esc goes back."),
	.hints = hints,
	.enter = businesses_enter,
	.draw = businesses_draw,
	.key = businesses_key,
	.leave = businesses_leave,
};
