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
	{ "1-9", N_("Choose") },
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

/* What the menu offers, in the order drawn; who sees each line. */
enum audience { EVERYONE, CITIZENS, VISITORS };

struct choice {
	wchar_t key;
	const char *label;		/* N_() */
	enum audience audience;
	const struct screen *screen;	/* NULL: handled in home_key */
};

static const struct choice choices[] = {
	{ L'1', N_("File a request"), EVERYONE, &screen_request_types },
	{ L'2', N_("My requests"), CITIZENS, &screen_requests },
	{ L'3', N_("My taxes"), CITIZENS, &screen_taxes },
	{ L'4', N_("Someone has seen my password"), CITIZENS, NULL },
	{ L'5', N_("Information: when and how to pay"), EVERYONE,
	  &screen_info },
	{ L'6', N_("Polls"), CITIZENS, &screen_polls },
	{ L'7', N_("Council decisions"), EVERYONE, &screen_decisions },
	{ L'8', N_("Look up a fine"), EVERYONE, &screen_fines },
	{ L'9', N_("Apply for an account"), VISITORS, &screen_register },
};

#define N_CHOICES ((int)(sizeof choices / sizeof choices[0]))

static bool
offered(const struct tui *tui, const struct choice *c)
{
	return c->audience == EVERYONE ||
	    (c->audience == CITIZENS) == citizen(tui);
}

static const struct choice *
choice_for(const struct tui *tui, wint_t key)
{
	int i;

	for (i = 0; i < N_CHOICES; i++)
		if ((wint_t)choices[i].key == key && offered(tui, &choices[i]))
			return &choices[i];
	return NULL;
}

static void
home_draw(struct tui *tui)
{
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w), shown = 0, i, y;
	int x = cols / 2 - 18, top;
	char line[200];

	for (i = 0; i < N_CHOICES; i++)
		shown += offered(tui, &choices[i]);
	top = rows > shown + 9 ? (rows - shown - 7) / 2 : 0;
	wattron(w, A_BOLD);
	draw_centred(w, top, citizen(tui) ? _("What would you like to do?") :
	    _("Without an account"));
	wattroff(w, A_BOLD);
	y = top + 2;
	for (i = 0; i < N_CHOICES; i++) {
		if (!offered(tui, &choices[i]))
			continue;
		snprintf(line, sizeof line, "%lc  %s", choices[i].key,
		    _(choices[i].label));
		draw_text(w, y++, x, cols - x, line);
	}
	y++;
	if (!citizen(tui))
		y += draw_wrapped(w, y, 4, 3, cols - 8, _("Without an account "
		    "you can file a general request or a proposal, without "
		    "your name. To follow requests and see your taxes, apply "
		    "for an account (9) and bring your identity card to the "
		    "counter.")) + 1;
	draw_wrapped(w, y, 4, 2, cols - 8, _("When you are done, press "
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
	const struct choice *choice;
	wint_t k = key.code;

	if ((key.is_code && k == KEY_F(10)) || (!key.is_code && k == 27)) {
		tui_message(tui, MSG_INFO, "%s", _("You are logged out. Thank "
		    "you."));
		tui_switch(tui, &screen_kiosk_start);
		return KEY_HANDLED;
	}
	if (key.is_code || (choice = choice_for(tui, k)) == NULL)
		return KEY_IGNORED;
	tui->request_back = &screen_kiosk_home;
	tui->file_for = 0;		/* the service knows who */
	if (choice->screen != NULL)
		tui_switch(tui, choice->screen);
	else if (choice->key == L'4')
		tui_confirm(tui, exposed_confirmed, "%s", _("Revoke your username "
		    "and password now? Nobody can use them any more, you "
		    "neither: a new envelope waits for you at the counter."));
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
	    "today, where you vote once; 7 searches the council's decisions "
	    "and prints them; 8 looks up a fine with its report's details; "
	    "9, without an account, applies for one. Only the lines on the "
	    "screen work for you. F10 logs you out."),
	.hints = hints,
	.draw = home_draw,
	.key = home_key,
};
