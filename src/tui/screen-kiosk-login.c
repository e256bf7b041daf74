/*
 * A citizen logs in at the kiosk with the envelope's credentials.  The
 * envelope's password works once: the first login goes straight on to
 * choosing one's own, typed twice, before anything else.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/password.h"
#include "guichet/service-citizen.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

enum { F_FIRST, F_SECOND, N_FIELDS };

static const struct form_field_spec login_fields[N_FIELDS] = {
	{ N_("Username"), 32, 64, false, NULL },
	{ N_("Password"), 32, 128, true, NULL },
};

static const struct form_field_spec change_fields[N_FIELDS] = {
	{ N_("New password"), 32, 128, true, NULL },
	{ N_("Again"), 32, 128, true, NULL },
};

struct kiosk_login {
	struct form_widget *form;
	bool changing;		/* logged in; choosing a password */
};

static const struct key_hint hints[] = {
	{ "Tab/↑↓", N_("Next field") },
	{ "Enter", N_("Go on") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static void
kiosk_login_enter(struct tui *tui)
{
	struct kiosk_login *l = xcalloc(1, sizeof *l);

	l->form = form_widget_new(login_fields, N_FIELDS);
	tui->state = l;
}

static void
kiosk_login_leave(struct tui *tui)
{
	struct kiosk_login *l = tui->state;

	form_widget_free(l->form);
	free(l);
	tui->state = NULL;
}

static void
kiosk_login_draw(struct tui *tui)
{
	struct kiosk_login *l = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);
	int top = rows > 12 ? (rows - 10) / 2 : 0;
	int label = form_widget_label_width(l->form);
	int left = (cols - label - 34) / 2 > 1 ? (cols - label - 34) / 2 : 1;

	wattron(w, A_BOLD);
	draw_centred(w, top, l->changing ? _("Choose your own password") :
	    _("Log in"));
	wattroff(w, A_BOLD);
	form_widget_draw(l->form, w, top + 2, left, label);
	draw_wrapped(w, top + 5, 4, 5, cols - 8, l->changing ?
	    _("At least 12 characters; not your name, not the town, not a "
	    "common password. Type it twice. Nobody at the town hall will "
	    "ever ask you for it.") : _("The username and the password are "
	    "inside the envelope you received at the counter. The password "
	    "is not shown while you type it."));
	tui_overlay(tui, form_widget_window(l->form));
	form_widget_cursor(l->form);
}

/* Starts the second step: the citizen's own password. */
static void
to_change(struct kiosk_login *l)
{
	form_widget_free(l->form);
	l->form = form_widget_new(change_fields, N_FIELDS);
	l->changing = true;
}

static void
log_in(struct tui *tui, struct kiosk_login *l, const char *user,
    const char *password)
{
	if (user[0] == '\0' || password[0] == '\0') {
		tui_message(tui, MSG_ERROR, "%s", _("Type the username and the "
		    "password from your envelope."));
		form_widget_focus(l->form, user[0] == '\0' ? F_FIRST :
		    F_SECOND);
		return;
	}
	if (service_citizen_login(tui->svc, user, password) != G_OK) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		form_widget_clear(l->form, F_SECOND);
		form_widget_focus(l->form, F_SECOND);
		return;
	}
	tui_message(tui, MSG_INFO, "%s", service_message(tui->svc));
	if (service_actor(tui->svc)->must_change)
		to_change(l);
	else
		tui_switch(tui, &screen_kiosk_home);
}

static void
change(struct tui *tui, struct kiosk_login *l, const char *first,
    const char *second)
{
	if (strcmp(first, second) != 0) {
		tui_message(tui, MSG_ERROR, "%s", _("The two passwords differ: "
		    "type them again."));
	} else if (service_citizen_change_password(tui->svc, first) != G_OK) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	} else {
		tui_message(tui, MSG_INFO, "%s", service_message(tui->svc));
		tui_switch(tui, &screen_kiosk_home);
		return;
	}
	form_widget_clear(l->form, F_FIRST);
	form_widget_clear(l->form, F_SECOND);
	form_widget_focus(l->form, F_FIRST);
}

static void
kiosk_login_submit(struct tui *tui, struct kiosk_login *l)
{
	char *first = form_widget_value(l->form, F_FIRST);
	char *second = form_widget_value(l->form, F_SECOND);

	if (l->changing)
		change(tui, l, first, second);
	else
		log_in(tui, l, first, second);
	secret_wipe(first, strlen(first));
	secret_wipe(second, strlen(second));
	free(first);
	free(second);
}

static int
kiosk_login_key(struct tui *tui, struct key key)
{
	struct kiosk_login *l = tui->state;

	if (key_is_enter(key)) {
		kiosk_login_submit(tui, l);
		return KEY_HANDLED;
	}
	if (key_is_escape(key)) {
		tui_message(tui, MSG_NONE, NULL);
		tui_switch(tui, &screen_kiosk_start);	/* logs out */
		return KEY_HANDLED;
	}
	return form_widget_key(l->form, key);
}

const struct screen screen_kiosk_login = {
	.name = "kiosk-login",
	.title = N_("Log in"),
	.help = N_("Type the username from your envelope, press Tab, type the "
	    "password and press Enter. The first time, the envelope's password "
	    "works only once: you then choose your own, type it twice and "
	    "press Enter. Too many wrong tries make you wait before the next. "
	    "Esc goes back to the start."),
	.hints = hints,
	.enter = kiosk_login_enter,
	.draw = kiosk_login_draw,
	.key = kiosk_login_key,
	.leave = kiosk_login_leave,
};
