/*
 * Finding a citizen: search as you type (name words in any order, accents
 * and case ignored; a national id; an e-mail), results in a list, Enter
 * opens the card.  The first result is one key away.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/ident.h"
#include "guichet/service-person.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"
#include "view-person.h"

#define RESULTS_MAX 100

static const struct form_field_spec fields[] = {
	{ N_("Search"), 40, 64, false, NULL },
};

struct citizens {
	struct form_widget *form;
	struct list list;
	struct person_summary results[RESULTS_MAX];
	char query[256];
	bool in_list;
};

static const struct key_hint hints[] = {
	{ "↓/Enter", N_("Results/Open") },
	{ "F3/N", N_("New citizen") },
	{ "F4/R", N_("Queue") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

/* Draws one result: name, masked id, birth date, town, level. */
static void
result_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct citizens *c = arg;

	view_person_summary_row(w, y, cols, &c->results[i]);
}

static void
citizens_enter(struct tui *tui)
{
	struct citizens *c = xcalloc(1, sizeof *c);

	c->form = form_widget_new(fields, 1);
	c->list.selected = -1;
	c->list.draw_row = result_row;
	c->list.arg = c;
	tui->state = c;
}

static void
citizens_leave(struct tui *tui)
{
	struct citizens *c = tui->state;

	form_widget_free(c->form);
	free(c);
	tui->state = NULL;
}

static int
keep_result(const struct person_summary *p, void *arg)
{
	struct citizens *c = arg;

	c->results[c->list.count++] = *p;
	return c->list.count >= RESULTS_MAX;
}

/* Runs the search again when what is typed changed. */
static void
search_update(struct tui *tui, struct citizens *c)
{
	char *query = form_widget_value(c->form, 0);

	if (strcmp(query, c->query) == 0) {
		free(query);
		return;
	}
	snprintf(c->query, sizeof c->query, "%s", query);
	free(query);
	c->list.count = 0;
	c->list.top = 0;
	c->list.selected = -1;
	c->in_list = false;
	tui_message(tui, MSG_NONE, NULL);
	if (c->query[0] == '\0')
		return;
	if (service_person_search(tui->svc, c->query, RESULTS_MAX,
	    keep_result, c) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	else if (c->list.count == 0)
		tui_message(tui, MSG_INFO, "%s", _("No one found. F3 registers "
		    "a new citizen."));
}

static void
citizens_draw(struct tui *tui)
{
	struct citizens *c = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);
	char line[128];

	form_widget_draw(c->form, w, 1, 2, form_widget_label_width(c->form));
	tui_overlay(tui, form_widget_window(c->form));
	draw_text(w, 2, 2, cols - 4, _("Name words in any order, a national "
	    "id or an e-mail; accents and case do not matter."));
	wattron(w, A_BOLD);
	view_person_summary_header(w, 4, cols);
	wattroff(w, A_BOLD);
	c->list.selected = c->in_list ? (c->list.selected < 0 ? 0 :
	    c->list.selected) : -1;
	list_draw(&c->list, w, 5, rows - 6);
	if (c->query[0] != '\0') {
		snprintf(line, sizeof line, ngettext("%d found", "%d found",
		    (unsigned long)c->list.count), c->list.count);
		draw_text(w, rows - 1, 2, cols - 4, line);
	}
	if (!c->in_list)
		form_widget_cursor(c->form);
}

/* Opens the card of result i. */
static void
open_card(struct tui *tui, struct citizens *c, int i)
{
	if (i < 0 || i >= c->list.count) {
		tui_message(tui, MSG_INFO, "%s", c->query[0] == '\0' ?
		    _("Type a name, a national id or an e-mail first.") :
		    _("No one found. F3 registers a new citizen."));
		return;
	}
	tui->person_id = c->results[i].id;
	tui->card_back = &screen_citizens;
	tui_switch(tui, &screen_card);
}

static int
citizens_key(struct tui *tui, struct key key)
{
	struct citizens *c = tui->state;
	int page = getmaxy(tui->body) - 6, rc;
	bool enter = key_is_enter(key);

	if (key.is_code && key.code == KEY_F(3))
		return tui_switch(tui, &screen_register), KEY_HANDLED;
	if (key.is_code && key.code == KEY_F(4))
		return tui_switch(tui, &screen_queue), KEY_HANDLED;
	if (key_is_escape(key)) {
		tui_switch(tui, &screen_main);
		return KEY_HANDLED;
	}
	if (enter) {
		open_card(tui, c, c->in_list ? c->list.selected : 0);
		return KEY_HANDLED;
	}
	if (c->in_list) {
		if (key.is_code && key.code == KEY_UP && c->list.selected == 0) {
			c->in_list = false;
			return KEY_HANDLED;
		}
		if (!key.is_code && (key.code == L'n' || key.code == L'N'))
			return tui_switch(tui, &screen_register), KEY_HANDLED;
		if (!key.is_code && (key.code == L'r' || key.code == L'R'))
			return tui_switch(tui, &screen_queue), KEY_HANDLED;
		if (tui_common_key(tui, key, true))
			return KEY_HANDLED;
		if ((rc = list_key(&c->list, key, page)) != KEY_IGNORED)
			return rc;
		/* Typing goes back to the search field. */
		c->in_list = false;
	}
	if (key.is_code && key.code == KEY_DOWN) {
		if (c->list.count > 0) {
			c->in_list = true;
			c->list.selected = 0;
		}
		return KEY_HANDLED;
	}
	if ((rc = form_widget_key(c->form, key)) == KEY_HANDLED)
		search_update(tui, c);
	return rc;
}

const struct screen screen_citizens = {
	.name = "citizens",
	.title = N_("Citizens"),
	.help = N_("Type part of a name (words in any order: \"stef tar\" "
	    "finds Ștefan Țărână), a national id (CNP, AFM or AMKA) or an "
	    "e-mail; the list follows as you type. Enter opens the first "
	    "result; the down arrow moves into the list, where Enter opens the "
	    "selected citizen. F3 (or N in the list) registers a new citizen; "
	    "F4 (or R in the list) shows the registration requests waiting. "
	    "Esc goes back to the main screen."),
	.hints = hints,
	.enter = citizens_enter,
	.draw = citizens_draw,
	.key = citizens_key,
	.leave = citizens_leave,
};
