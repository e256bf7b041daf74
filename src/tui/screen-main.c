/*
 * The clerk's main screen: the areas of the counter, one key each.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "guichet/i18n.h"
#include "guichet/role.h"
#include "guichet/service-auth.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

struct area {
	const char *name;		/* N_() */
	const char *what;		/* N_(): one line on what it is for */
	const struct screen *screen;	/* NULL: not built yet */
};

static const struct area areas[] = {
	{ N_("Citizens"), N_("find, register and validate citizens"),
	  &screen_citizens },
	{ N_("Credentials"), N_("print the envelopes waiting (supervisors); "
	  "a citizen's envelopes are on their card"), &screen_batch },
	{ N_("Requests"), N_("the inbox: requests, complaints, protocol "
	  "numbers"), &screen_requests },
	{ N_("Register and payments"), N_("taxpayer register, counter "
	  "payments"), &screen_taxes },
	{ N_("Fines"), N_("parking and traffic fines"), &screen_fines },
	{ N_("Businesses"), N_("businesses and their legal representatives"),
	  &screen_businesses },
	{ N_("Council decisions"), N_("search and print decisions"),
	  &screen_decisions },
	{ N_("Polls"), N_("the totals of every poll; a citizen votes from "
	  "their card (P)"), &screen_polls },
	{ N_("Administration"), N_("staff, printers, sync, audit"), NULL },
};

#define N_AREAS ((int)(sizeof areas / sizeof areas[0]))

static const struct key_hint hints[] = {
	{ "↑↓", N_("Move") },
	{ "Enter/1-9", N_("Open") },
	{ "L/F2", N_("Language") },
	{ "?/F1", N_("Help") },
	{ "Esc", N_("Log out") },
	{ "Q/F10", N_("Quit") },
	{ NULL, NULL }
};

struct main_state {
	int selected;
};

static void
main_enter(struct tui *tui)
{
	tui->state = xcalloc(1, sizeof(struct main_state));
}

static void
main_leave(struct tui *tui)
{
	free(tui->state);
	tui->state = NULL;
}

static void
main_draw(struct tui *tui)
{
	struct main_state *m = tui->state;
	const struct service_actor *a = service_actor(tui->svc);
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w), top = 1, i, y;
	char line[512];

	snprintf(line, sizeof line, _("Logged in as %s (%s). Choose an area:"),
	    a != NULL ? a->name : "?",
	    a != NULL ? _(role_label(a->role)) : "");
	draw_text(w, top, 2, cols - 4, line);
	for (i = 0; i < N_AREAS; i++) {
		y = top + 2 + i;
		if (y >= rows)
			break;
		snprintf(line, sizeof line, " %d  %s%s", i + 1,
		    _(areas[i].name),
		    areas[i].screen == NULL ? _(" (not built yet)") : "");
		if (i == m->selected)
			wattron(w, draw_attr(STYLE_SELECTED));
		mvwhline(w, y, 2, ' ', cols - 4);
		draw_text(w, y, 2, cols - 4, line);
		if (i == m->selected)
			wattroff(w, draw_attr(STYLE_SELECTED));
	}
	if (y + 2 < rows)
		draw_wrapped(w, y + 2, 4, rows - y - 2, cols - 6,
		    _(areas[m->selected].what));
}

/* Opens area i, or says plainly that it is not built yet. */
static void
area_open(struct tui *tui, int i)
{
	struct main_state *m = tui->state;

	m->selected = i;
	tui->requests_of = 0;		/* an area starts with the whole town */
	tui->person_id = 0;
	tui->taxpayer[0] = '\0';
	tui->taxes_back = NULL;
	if (areas[i].screen != NULL) {
		tui_switch(tui, areas[i].screen);
		return;
	}
	tui_message(tui, MSG_INFO, _("%s: not built yet; coming in a later "
	    "version."), _(areas[i].name));
}

static int
main_key(struct tui *tui, struct key key)
{
	struct main_state *m = tui->state;
	wint_t c = key.code;

	if (tui_common_key(tui, key, true))
		return KEY_HANDLED;
	if (key.is_code) {
		switch (c) {
		case KEY_UP:
			m->selected = (m->selected + N_AREAS - 1) % N_AREAS;
			return KEY_HANDLED;
		case KEY_DOWN:
			m->selected = (m->selected + 1) % N_AREAS;
			return KEY_HANDLED;
		case KEY_ENTER:
			area_open(tui, m->selected);
			return KEY_HANDLED;
		case KEY_F(2):
			tui_next_language(tui, 1);
			return KEY_HANDLED;
		}
		return KEY_IGNORED;
	}
	if (c == L'\n' || c == L'\r') {
		area_open(tui, m->selected);
	} else if (c >= L'1' && c < L'1' + N_AREAS) {
		area_open(tui, (int)(c - L'1'));
	} else if (c == L'l' || c == L'L' || c == L'λ' || c == L'Λ') {
		/* λ: the same key on a Greek keyboard layout. */
		tui_next_language(tui, 1);
	} else if (c == L'q' || c == L'Q') {
		tui->quit = true;
	} else if (c == 27) {
		service_logout(tui->svc);
		tui_message(tui, MSG_INFO, "%s", _("Logged out."));
		tui_switch(tui, &screen_login);
	} else
		return KEY_IGNORED;
	return KEY_HANDLED;
}

const struct screen screen_main = {
	.name = "main",
	.title = N_("Counter"),
	.help = N_("This is the counter's main screen. Each line is an area of "
	    "work: move with the arrows and press Enter, or press its number. "
	    "Areas marked \"not built yet\" do not work in this version. "
	    "L changes the language (Română, Ελληνικά, English). Esc logs you "
	    "out and shows the login screen; Q or F10 logs out and closes "
	    "guichet."),
	.hints = hints,
	.enter = main_enter,
	.draw = main_draw,
	.key = main_key,
	.leave = main_leave,
};
