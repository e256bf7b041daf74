/*
 * The kiosk's start screen, where every session begins and ends: the
 * language, then logging in with the envelope's credentials or going on
 * without an account.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "guichet/i18n.h"
#include "guichet/conf.h"
#include "guichet/service-auth.h"
#include "guichet/service-citizen.h"
#include "guichet/service.h"
#include "tui.h"

static const struct key_hint hints[] = {
	{ "1/2/3", N_("Language") },
	{ "Enter", N_("Log in") },
	{ "A", N_("Without an account") },
	{ "F1", N_("Help") },
	{ NULL, NULL }
};

static const char *const languages[] = { "ro", "el", "en" };

static void
start_enter(struct tui *tui)
{
	service_logout(tui->svc);	/* nothing of the last visitor stays */
	tui->request_id = tui->requests_of = tui->file_for = 0;
	tui->taxpayer[0] = '\0';
	clearok(curscr, TRUE);		/* repaint every cell, not the diff */
}

static void
start_draw(struct tui *tui)
{
	WINDOW *w = tui->body;
	int rows = getmaxy(w), top = rows > 16 ? (rows - 12) / 2 : 0, i;
	char line[160];

	wattron(w, A_BOLD);
	draw_centred(w, top, "Bun venit · Καλώς ήρθατε · Welcome");
	wattroff(w, A_BOLD);
	draw_centred(w, top + 1, tui->conf->town);
	for (i = 0; i < 3; i++) {
		snprintf(line, sizeof line, "%s %d  %s", i18n_language() ==
		    NULL || strcmp(i18n_language(), languages[i]) != 0 ? " " :
		    "▶", i + 1, i18n_language_name(languages[i]));
		draw_text(w, top + 3 + i, getmaxx(w) / 2 - 10, 30, line);
	}
	draw_wrapped(w, top + 7, 4, 2, getmaxx(w) - 8, _("Press Enter to "
	    "log in with the username and password from your envelope."));
	draw_wrapped(w, top + 9, 4, 3, getmaxx(w) - 8, _("Press A to go on "
	    "without an account: file a general request or a proposal "
	    "without your name, search the council's decisions, look up a "
	    "fine or apply for an account."));
}

static int
start_key(struct tui *tui, struct key key)
{
	wint_t k = key.code;

	if (key_is_enter(key))
		tui_switch(tui, &screen_kiosk_login);
	else if (key.is_code)
		return KEY_IGNORED;
	else if (k >= L'1' && k <= L'3') {
		i18n_set_language(languages[k - L'1']);
		tui_message(tui, MSG_NONE, NULL);
	} else if (k == L'a' || k == L'A') {
		service_visitor_start(tui->svc);
		tui_switch(tui, &screen_kiosk_home);
	} else
		return KEY_IGNORED;
	return KEY_HANDLED;
}

const struct screen screen_kiosk_start = {
	.name = "kiosk-start",
	.title = N_("Welcome"),
	.help = N_("Press 1 for Romanian, 2 for Greek, 3 for English. Then "
	    "press Enter to log in with the username and password printed in "
	    "the envelope you received at the counter, or A to go on without "
	    "an account. Nothing you do here stays on the screen after you "
	    "leave."),
	.hints = hints,
	.enter = start_enter,
	.draw = start_draw,
	.key = start_key,
};
