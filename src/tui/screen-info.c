/*
 * The kiosk's information pages, in the language on screen: the tax
 * calendar, how amounts are worked out, where and how to pay, a guide to
 * the kiosk, and when the taxpayer register was last refreshed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "guichet/clock.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/info-pages.h"
#include "guichet/service-register.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"

struct info {
	const struct info_pages *pages;
	struct list list;		/* the pages, then the register's */
	int open;			/* the page shown, or -1: the list */
};

static const struct key_hint hints[] = {
	{ "↑↓", N_("Choose") },
	{ "Enter", N_("Read") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

/* Returns the title of row i: a page, or the register's freshness. */
static const char *
row_title(const struct info *s, int i)
{
	return i < s->pages->n ? label3_get(&s->pages->pages[i].title,
	    i18n_language()) : _("When the register was last refreshed");
}

static void
info_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	draw_text(w, y, 4, cols - 8, row_title(arg, i));
}

static void
info_enter(struct tui *tui)
{
	struct info *s = xcalloc(1, sizeof *s);

	tui->state = s;
	s->open = -1;
	if ((s->pages = service_info_pages(tui->svc)) == NULL) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		tui_switch(tui, &screen_kiosk_home);
		return;
	}
	s->list.count = s->pages->n + 1;
	s->list.draw_row = info_row;
	s->list.arg = s;
}

static void
info_leave(struct tui *tui)
{
	free(tui->state);
	tui->state = NULL;
}

/* Writes the text of the register's page into buf. */
static void
register_text(struct tui *tui, char *buf, size_t len)
{
	char when[32], shown[32];

	if (service_register_refreshed(tui->svc, when, sizeof when) != G_OK)
		snprintf(buf, len, "%s", service_message(tui->svc));
	else if (when[0] == '\0')
		snprintf(buf, len, "%s", _("The taxpayer register has not been "
		    "received from the tax office yet."));
	else {
		clock_local_text(when, shown, sizeof shown);
		snprintf(buf, len, _("The taxpayer register was last refreshed "
		    "from the tax office on %s. Payments made at a bank after "
		    "that show once it is refreshed again, usually the next "
		    "night."), shown);
	}
}

static void
info_draw(struct tui *tui)
{
	struct info *s = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);
	char text[512];

	if (s->pages == NULL)
		return;
	wattron(w, A_BOLD);
	draw_text(w, 1, 4, cols - 8, s->open < 0 ? _("Information") :
	    row_title(s, s->open));
	wattroff(w, A_BOLD);
	if (s->open < 0) {
		if (s->list.selected < 0)
			s->list.selected = 0;
		list_draw(&s->list, w, 3, rows - 3);
	} else if (s->open < s->pages->n)
		draw_wrapped(w, 3, 4, rows - 3, cols - 8, info_page_text(
		    &s->pages->pages[s->open], i18n_language()));
	else {
		register_text(tui, text, sizeof text);
		draw_wrapped(w, 3, 4, rows - 3, cols - 8, text);
	}
}

static int
info_key(struct tui *tui, struct key key)
{
	struct info *s = tui->state;

	if (s->pages == NULL)
		return KEY_IGNORED;
	if (key_is_escape(key)) {
		if (s->open >= 0)
			s->open = -1;
		else
			tui_switch(tui, &screen_kiosk_home);
		return KEY_HANDLED;
	}
	if (s->open < 0 && key_is_enter(key)) {
		s->open = s->list.selected;
		return KEY_HANDLED;
	}
	return s->open < 0 ? list_key(&s->list, key, getmaxy(tui->body) - 3) :
	    KEY_IGNORED;
}

const struct screen screen_info = {
	.name = "info",
	.title = N_("Information"),
	.help = N_("Pages about your taxes and this kiosk. Choose one with ↑ "
	    "and ↓ and press Enter to read it; Esc goes back to the list, and "
	    "from the list to the menu."),
	.hints = hints,
	.enter = info_enter,
	.draw = info_draw,
	.key = info_key,
	.leave = info_leave,
};
