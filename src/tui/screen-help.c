/*
 * F1: what the screen it was pressed on is for and which keys work there.
 * Shown over that screen, which keeps its state (what was typed stays).
 */
#include "config.h"

#include <stdio.h>

#include "draw.h"
#include "guichet/i18n.h"
#include "tui.h"

#define KEY_COLUMN 12	/* cells for the key names in the list */

static const struct key_hint hints[] = {
	{ "Esc/Enter", N_("Back") },
	{ "F10", N_("Quit") },
	{ NULL, NULL }
};

static void
help_draw(struct tui *tui)
{
	const struct screen *of = tui->help_of;
	const struct key_hint *h;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w), y;
	char line[256];

	wattron(w, A_BOLD);
	snprintf(line, sizeof line, _("Help: %s"), _(tui_title(tui, of)));
	draw_text(w, 1, 2, cols - 4, line);
	wattroff(w, A_BOLD);
	y = 3 + draw_wrapped(w, 3, 2, rows - 4, cols - 4, _(tui_help(tui,
	    of)));
	for (h = tui_hints(tui, of); h->key != NULL && y + 1 < rows; h++) {
		draw_text(w, ++y, 4, KEY_COLUMN, h->key);
		draw_text(w, y, 4 + KEY_COLUMN, cols - 6 - KEY_COLUMN,
		    _(h->action));
	}
}

static int
help_key(struct tui *tui, struct key key)
{
	if ((!key.is_code && (key.code == 27 || key.code == L'\n' ||
	    key.code == L'\r' || key.code == L'q')) ||
	    (key.is_code && (key.code == KEY_ENTER || key.code == KEY_F(1)))) {
		tui->help_of = NULL;
		return KEY_HANDLED;
	}
	return KEY_IGNORED;
}

const struct screen screen_help = {
	.name = "help",
	.title = N_("Help"),
	.help = N_("Press Esc or Enter to go back."),
	.hints = hints,
	.draw = help_draw,
	.key = help_key,
};
