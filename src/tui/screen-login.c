/*
 * The clerk's login: username, password, and the language to work in.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/password.h"
#include "guichet/service-auth.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

enum { FIELD_USER, FIELD_PASSWORD, N_FIELDS, FOCUS_LANGUAGE = N_FIELDS };

static const struct form_field_spec fields[N_FIELDS] = {
	{ N_("Username"), 32, 32, false, NULL },
	{ N_("Password"), 32, 128, true, NULL },
};

struct login {
	struct form_widget *form;
	int focus;		/* a field, or FOCUS_LANGUAGE */
};

static const struct key_hint hints[] = {
	{ "Tab/↑↓", N_("Next field") },
	{ "←→/F2", N_("Language") },
	{ "Enter", N_("Log in") },
	{ "F1/?", N_("Help") },
	{ "Esc/F10", N_("Quit") },
	{ NULL, NULL }
};

static void
login_enter(struct tui *tui)
{
	struct login *l = xcalloc(1, sizeof *l);

	l->form = form_widget_new(fields, N_FIELDS);
	tui->state = l;
}

static void
login_leave(struct tui *tui)
{
	struct login *l = tui->state;

	form_widget_free(l->form);
	free(l);
	tui->state = NULL;
}

static void
login_draw(struct tui *tui)
{
	struct login *l = tui->state;
	WINDOW *w = tui->body;
	int label = form_widget_label_width(l->form), lang_label;
	int rows = getmaxy(w), top = rows > 12 ? (rows - 9) / 2 : 1;
	int left = (COLS - label - 34) / 2;
	char line[128];

	if (left < 1)
		left = 1;
	wattron(w, A_BOLD);
	draw_centred(w, top, _("Log in to the counter"));
	wattroff(w, A_BOLD);
	form_widget_draw(l->form, w, top + 2, left, label);

	lang_label = draw_text(w, top + 5, left, label, _("Language"));
	(void)lang_label;
	snprintf(line, sizeof line, "◀ %s ▶",
	    i18n_language_name(i18n_language()));
	if (l->focus == FOCUS_LANGUAGE)
		wattron(w, draw_attr(STYLE_SELECTED));
	draw_text(w, top + 5, left + label + 1, 32, line);
	if (l->focus == FOCUS_LANGUAGE)
		wattroff(w, draw_attr(STYLE_SELECTED));

	draw_wrapped(w, top + 7, left, 3, COLS - 2 * left,
	    _("Use the username and password the administrator gave you. "
	    "F1 explains this screen."));
	tui_overlay(tui, form_widget_window(l->form));
	if (l->focus != FOCUS_LANGUAGE)
		form_widget_cursor(l->form);
}

/* Moves focus forward or back through the fields and the language row. */
static void
focus_move(struct login *l, int step)
{
	l->focus = (l->focus + step + N_FIELDS + 1) % (N_FIELDS + 1);
	if (l->focus != FOCUS_LANGUAGE)
		form_widget_focus(l->form, l->focus);
}

/* Says whether '?' asks for help rather than being typed: on the
 * language line, or in an empty username field (usernames have no '?'). */
static bool
wants_help(struct login *l)
{
	char *user;
	bool empty;

	if (l->focus == FOCUS_LANGUAGE)
		return true;
	if (l->focus != FIELD_USER)
		return false;
	user = form_widget_value(l->form, FIELD_USER);
	empty = user[0] == '\0';
	free(user);
	return empty;
}

/* Tries to log in with what was typed. */
static void
login_submit(struct tui *tui, struct login *l)
{
	char *user = form_widget_value(l->form, FIELD_USER);
	char *password = form_widget_value(l->form, FIELD_PASSWORD);
	int rc;

	if (user[0] == '\0') {
		tui_message(tui, MSG_ERROR, "%s",
		    _("Type your username first."));
		l->focus = FIELD_USER;
	} else if (password[0] == '\0') {
		tui_message(tui, MSG_ERROR, "%s", _("Type your password."));
		l->focus = FIELD_PASSWORD;
	} else if ((rc = service_login(tui->svc, user, password)) == G_OK) {
		tui_message(tui, MSG_INFO, _("Welcome, %s."), user);
		tui_switch(tui, &screen_main);
	} else {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		form_widget_clear(l->form, FIELD_PASSWORD);
		l->focus = FIELD_PASSWORD;
	}
	if (l->focus != FOCUS_LANGUAGE)
		form_widget_focus(l->form, l->focus);
	secret_wipe(password, strlen(password));
	free(password);
	free(user);
}

static int
login_key(struct tui *tui, struct key key)
{
	struct login *l = tui->state;

	if (key_is_enter(key)) {
		login_submit(tui, l);
		return KEY_HANDLED;
	}
	if (key_is_escape(key)) {
		tui->quit = true;
		return KEY_HANDLED;
	}
	if (key.is_code && key.code == KEY_F(2)) {
		tui_next_language(tui, 1);
		return KEY_HANDLED;
	}
	if (!key.is_code && key.code == L'?' && wants_help(l)) {
		tui_common_key(tui, key, true);
		return KEY_HANDLED;
	}
	if ((!key.is_code && key.code == L'\t') ||
	    (key.is_code && key.code == KEY_DOWN)) {
		focus_move(l, 1);
		return KEY_HANDLED;
	}
	if (key.is_code && (key.code == KEY_UP || key.code == KEY_BTAB)) {
		focus_move(l, -1);
		return KEY_HANDLED;
	}
	if (l->focus == FOCUS_LANGUAGE) {
		if (key.is_code && (key.code == KEY_LEFT ||
		    key.code == KEY_RIGHT)) {
			tui_next_language(tui, key.code == KEY_LEFT ? -1 : 1);
			return KEY_HANDLED;
		}
		return KEY_IGNORED;
	}
	return form_widget_key(l->form, key);
}

const struct screen screen_login = {
	.name = "login",
	.title = N_("Login"),
	.help = N_("Type your username, press Tab (or the down arrow), type "
	    "your password and press Enter. The password is not shown while "
	    "you type. To change the language, go to the Language line with "
	    "Tab and press the left or right arrow, or press F2. F1, or ? in an "
	    "empty Username field, shows this help. After several "
	    "wrong passwords you must wait before trying again; after too "
	    "many the account is locked and an administrator must set a new "
	    "password. Esc or F10 closes guichet."),
	.hints = hints,
	.enter = login_enter,
	.draw = login_draw,
	.key = login_key,
	.leave = login_leave,
};
