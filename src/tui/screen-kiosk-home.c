/*
 * The kiosk's menu once a session has begun: a citizen files requests
 * and follows their own; a visitor without an account may only file the
 * requests that need none.
 */
#include "config.h"

#include <stdio.h>

#include "draw.h"
#include "guichet/envelope.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/role.h"
#include "guichet/service-envelope.h"
#include "guichet/service.h"
#include "tui.h"

static const struct key_hint hints[] = {
	{ "1-6", N_("Choose") },
	{ "F1", N_("Help") },
	{ "F10/Esc", N_("Log out") },
	{ NULL, NULL }
};

/* Returns true for a citizen logged in, false for a visitor. */
static bool
citizen(const struct tui *tui)
{
	return service_actor(tui->svc)->role == ROLE_CITIZEN;
}

static void
home_draw(struct tui *tui)
{
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);
	int top = rows > 12 ? (rows - 10) / 2 : 0, x = cols / 2 - 18;
	char line[200];

	wattron(w, A_BOLD);
	draw_centred(w, top, citizen(tui) ? _("What would you like to do?") :
	    _("Without an account"));
	wattroff(w, A_BOLD);
	snprintf(line, sizeof line, "1  %s", _("File a request"));
	draw_text(w, top + 2, x, cols - x, line);
	if (citizen(tui)) {
		snprintf(line, sizeof line, "2  %s", _("My requests"));
		draw_text(w, top + 3, x, cols - x, line);
		snprintf(line, sizeof line, "3  %s", _("My taxes"));
		draw_text(w, top + 4, x, cols - x, line);
		snprintf(line, sizeof line, "4  %s", _("Someone has seen my "
		    "password"));
		draw_text(w, top + 5, x, cols - x, line);
		snprintf(line, sizeof line, "6  %s", _("Polls"));
		draw_text(w, top + 7, x, cols - x, line);
	}
	snprintf(line, sizeof line, "5  %s", _("Information: when and how to "
	    "pay"));
	draw_text(w, top + (citizen(tui) ? 6 : 3), x, cols - x, line);
	if (!citizen(tui))
		draw_wrapped(w, top + 4, 4, 3, cols - 8, _("Without an account "
		    "you can file a general request or a proposal, without "
		    "your name. To follow requests and see your taxes, ask "
		    "for an account at the counter."));
	draw_wrapped(w, top + 9, 4, 2, cols - 8, _("When you are done, press "
	    "F10 to log out: the screen is wiped for the next person."));
}

/* Revokes the credentials once the citizen said yes; the session ends. */
static void
exposed_confirmed(struct tui *tui)
{
	struct envelope replacement;

	if (service_citizen_report_exposed(tui->svc, &replacement) == G_OK) {
		tui_message(tui, MSG_INFO, "%s", service_message(tui->svc));
		tui_switch(tui, &screen_kiosk_start);
	} else
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
}

static int
home_key(struct tui *tui, struct key key)
{
	wint_t k = key.code;

	if ((key.is_code && k == KEY_F(10)) || (!key.is_code && k == 27)) {
		tui_message(tui, MSG_INFO, "%s", _("You are logged out. Thank "
		    "you."));
		tui_switch(tui, &screen_kiosk_start);
		return KEY_HANDLED;
	}
	if (key.is_code)
		return KEY_IGNORED;
	tui->request_back = &screen_kiosk_home;
	if (k == L'1') {
		tui->file_for = 0;		/* the service knows who */
		tui_switch(tui, &screen_request_types);
	} else if (k == L'2' && citizen(tui))
		tui_switch(tui, &screen_requests);
	else if (k == L'3' && citizen(tui))
		tui_switch(tui, &screen_taxes);
	else if (k == L'5')
		tui_switch(tui, &screen_info);
	else if (k == L'6' && citizen(tui))
		tui_switch(tui, &screen_polls);
	else if (k == L'4' && citizen(tui))
		tui_confirm(tui, exposed_confirmed, "%s", _("Revoke your username "
		    "and password now? Nobody can use them any more, you "
		    "neither: a new envelope waits for you at the counter."));
	else
		return KEY_IGNORED;
	return KEY_HANDLED;
}

const struct screen screen_kiosk_home = {
	.name = "kiosk-home",
	.title = N_("Town hall services"),
	.help = N_("Press the number of what you want to do. 1 files a request, "
	    "a complaint or a proposal; 2 shows the requests you filed, their "
	    "protocol numbers and the town hall's replies; 3 shows your taxes "
	    "(a validated account is needed); 4, if someone has seen your "
	    "password or your envelope was open, revokes your credentials "
	    "at once and a new envelope is prepared for you; 5 shows when and how "
	    "to pay and how amounts are worked out; 6 shows the polls open "
	    "today, where you vote once. F10 logs you out."),
	.hints = hints,
	.draw = home_draw,
	.key = home_key,
};
