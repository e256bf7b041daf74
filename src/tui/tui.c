/*
 * The one loop: it owns get_wch, resizing, the frame around every screen
 * (title, message, status and key hints) and switching screens.
 */
#include "config.h"

#include "tui.h"

#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "background-sync.h"
#include "draw.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/role.h"
#include "guichet/service-auth.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"

#define TICK_MS 1000	/* get_wch wakes up this often for timers */
#define HINT_GAP 2	/* blanks between two key hints */

/* Restores the terminal before a fatal exit. */
static void
tui_restore(void)
{
	if (!isendwin())
		endwin();
}

void
tui_switch(struct tui *tui, const struct screen *next)
{
	tui->next = next;
}

void
tui_message(struct tui *tui, enum message_kind kind, const char *fmt, ...)
{
	va_list ap;

	tui->message_kind = kind;
	tui->message[0] = '\0';
	if (kind == MSG_NONE || fmt == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(tui->message, sizeof tui->message, fmt, ap);
	va_end(ap);
}

void
tui_next_language(struct tui *tui, int step)
{
	const char *next = step < 0 ? i18n_prev_language(i18n_language()) :
	    i18n_next_language(i18n_language());

	i18n_set_language(next);
	tui_message(tui, MSG_INFO, _("Language: %s"),
	    i18n_language_name(next));
}

/* Returns what is on screen: the help over a screen, or the screen. */
static const struct screen *
view(struct tui *tui)
{
	if (tui->confirm_yes != NULL)
		return &screen_confirm;
	return tui->help_of != NULL ? &screen_help : tui->screen;
}

bool
key_is_enter(struct key key)
{
	return key.is_code ? key.code == KEY_ENTER :
	    key.code == L'\n' || key.code == L'\r';
}

bool
key_is_escape(struct key key)
{
	return !key.is_code && key.code == 27;
}

void
tui_transaction_done(struct tui *tui, const struct screen *next)
{
	size_t len = strlen(tui->message);

	if (!tui->kiosk || !tui->conf->kiosk_logout_after) {
		if (next != NULL)
			tui_switch(tui, next);
		return;
	}
	snprintf(tui->message + len, sizeof tui->message - len, "%s%s",
	    len > 0 ? " " : "", _("You are logged out. Thank you."));
	tui_switch(tui, &screen_kiosk_start);
}

const struct key_hint *
tui_hints(const struct tui *tui, const struct screen *s)
{
	const struct key_hint *now;

	if (s->hints_now != NULL && (now = s->hints_now(tui)) != NULL)
		return now;
	return tui->kiosk && s->kiosk_hints != NULL ? s->kiosk_hints :
	    s->hints;
}

const char *
tui_title(const struct tui *tui, const struct screen *s)
{
	return tui->kiosk && s->kiosk_title != NULL ? s->kiosk_title :
	    s->title;
}

const char *
tui_help(const struct tui *tui, const struct screen *s)
{
	return tui->kiosk && s->kiosk_help != NULL ? s->kiosk_help : s->help;
}

/* Lays out the current screen's key hints from row y on; returns the
 * rows needed, drawing only when draw is set. */
static int
hints_layout(struct tui *tui, int y, bool draw)
{
	const struct key_hint *h;
	int cols = COLS, x = 0, rows = 1, w, kw;

	for (h = tui_hints(tui, view(tui)); h->key != NULL; h++) {
		kw = draw_width(h->key);
		w = kw + 1 + draw_width(_(h->action));
		if (x > 0 && x + w > cols) {
			rows++;
			x = 0;
		}
		if (draw) {
			attron(draw_attr(STYLE_KEY));
			draw_text(stdscr, y + rows - 1, x, cols - x, h->key);
			attroff(draw_attr(STYLE_KEY));
			draw_text(stdscr, y + rows - 1, x + kw + 1,
			    cols - x - kw - 1, _(h->action));
		}
		x += w + HINT_GAP;
	}
	return rows;
}

/* Returns "Station · User (role) · Store" for the status line. */
static void
status_text(struct tui *tui, char *buf, size_t len)
{
	const struct service_actor *a = service_actor(tui->svc);
	char store[160];

	background_sync_status(tui->svc, tui->conf, store, sizeof store);

	if (a != NULL)
		snprintf(buf, len, "%s: %s │ %s: %s (%s) │ %s: %s",
		    _("Station"), tui->conf->station, _("User"), a->name,
		    _(role_label(a->role)), _("Store"), store);
	else
		snprintf(buf, len, "%s: %s │ %s: %s", _("Station"),
		    tui->conf->station, _("Store"), store);
}

/* Writes the message line's text, with a word that says what it is:
 * colour never carries the meaning alone. */
static void
message_text(struct tui *tui, char *buf, size_t len)
{
	buf[0] = '\0';
	if (tui->message_kind != MSG_NONE)
		snprintf(buf, len, "%s %s", tui->message_kind == MSG_ERROR ?
		    _("Error:") : "»", tui->message);
}

/* Returns the rows the message needs: one, or two when it is long. */
static int
message_rows(struct tui *tui)
{
	char text[600];

	message_text(tui, text, sizeof text);
	return draw_width(text) > COLS - 2 ? 2 : 1;
}

/* (Re)creates the body window between the title and the bottom lines:
 * message (1-2 rows), status (1), key hints (1-2). */
static void
layout(struct tui *tui, int bottom_rows)
{
	int rows = LINES - 1 - bottom_rows;

	if (tui->body != NULL)
		delwin(tui->body);
	if (rows < 1)
		rows = 1;
	tui->body = derwin(stdscr, rows, COLS, 1, 0);
	if (tui->body == NULL)
		fatal("terminal too small: %dx%d", COLS, LINES);
}

/* Draws the frame, then the screen, and leaves the cursor where the
 * screen put it. */
static void
redraw(struct tui *tui)
{
	int hint_rows = hints_layout(tui, 0, false);
	int msg_rows = message_rows(tui);
	int y_status = LINES - 1 - hint_rows, y_msg = y_status - msg_rows;
	char line[600];

	layout(tui, msg_rows + 1 + hint_rows);
	erase();
	attron(draw_attr(STYLE_TITLE));
	mvhline(0, 0, ' ', COLS);
	snprintf(line, sizeof line, " guichet · %s · %s", tui->conf->town,
	    _(tui_title(tui, view(tui))));
	draw_text(stdscr, 0, 0, COLS, line);
	attroff(draw_attr(STYLE_TITLE));

	if (tui->message_kind != MSG_NONE) {
		attr_t a = draw_attr(tui->message_kind == MSG_ERROR ?
		    STYLE_ERROR : STYLE_INFO);

		message_text(tui, line, sizeof line);
		attron(a);
		draw_wrapped(stdscr, y_msg, 1, msg_rows, COLS - 2, line);
		attroff(a);
	}
	status_text(tui, line, sizeof line);
	attron(A_REVERSE);
	mvhline(y_status, 0, ' ', COLS);
	draw_text(stdscr, y_status, 1, COLS - 2, line);
	attroff(A_REVERSE);
	hints_layout(tui, y_status + 1, true);

	curs_set(0);
	tui->overlay = NULL;
	view(tui)->draw(tui);
	wnoutrefresh(stdscr);
	if (tui->overlay != NULL) {
		touchwin(tui->overlay);
		wnoutrefresh(tui->overlay);
	}
	doupdate();
}

void
tui_confirm(struct tui *tui, void (*on_yes)(struct tui *tui),
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tui->confirm, sizeof tui->confirm, fmt, ap);
	va_end(ap);
	tui->confirm_yes = on_yes;
	tui_message(tui, MSG_NONE, NULL);	/* an old error would mislead */
}

/* Leaves the unsaved form once the user agreed. */
static void
leave_confirmed(struct tui *tui)
{
	tui_message(tui, MSG_INFO, "%s", _("Nothing was saved."));
	tui_switch(tui, tui->leave_to);
}

void
tui_confirm_leave(struct tui *tui, const struct screen *back)
{
	tui->leave_to = back;
	tui_confirm(tui, leave_confirmed, "%s", _("Leave without saving? "
	    "What was typed is lost."));
}

void
tui_overlay(struct tui *tui, WINDOW *win)
{
	tui->overlay = win;
}

bool
tui_common_key(struct tui *tui, struct key key, bool letters)
{
	if ((key.is_code && key.code == KEY_F(1)) ||
	    (letters && !key.is_code && key.code == L'?')) {
		tui->help_of = tui->screen;
		return true;
	}
	if (key.is_code && key.code == KEY_F(10)) {
		if (tui->kiosk)		/* a kiosk only logs out */
			tui_switch(tui, &screen_kiosk_start);
		else
			tui->quit = true;
		return true;
	}
	return false;
}

#define IDLE_WARNING 15	/* seconds of countdown before the logout */

/* At the kiosk, counts down the last seconds without a key, then logs
 * out to a wiped start screen: the next person sees nothing of this
 * one. */
static void
kiosk_idle(struct tui *tui, int64_t last_key)
{
	int64_t idle = (clock_now_ms() - last_key) / 1000;
	int64_t left = tui->conf->kiosk_idle_timeout - idle;

	if (tui->screen == &screen_kiosk_start)
		return;
	if (left <= 0) {
		tui->counting_down = false;
		tui->help_of = NULL;
		tui->confirm_yes = NULL;
		tui_message(tui, MSG_INFO, "%s", _("Logged out: no key was "
		    "pressed for a while. Nothing of the session is left on "
		    "the screen."));
		tui_switch(tui, &screen_kiosk_start);
	} else if (left <= IDLE_WARNING) {
		tui->counting_down = true;
		tui_message(tui, MSG_INFO, _("No key for a while: you will be "
		    "logged out in %lld s. Press any key to stay."),
		    (long long)left);
	}
}

static volatile sig_atomic_t interrupted;

static void
on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Makes the requested screen current. */
static void
switch_screen(struct tui *tui)
{
	const struct screen *next = tui->next;

	tui->next = NULL;
	if (tui->screen->leave != NULL)
		tui->screen->leave(tui);
	tui->screen = next;
	if (next->enter != NULL)
		next->enter(tui);
}

int
tui_run(struct service *svc, const struct conf *conf, bool kiosk)
{
	struct tui tui;
	struct key key;
	int64_t before, last_key;
	int rc, instant_errors = 0;

	memset(&tui, 0, sizeof tui);
	tui.svc = svc;
	tui.conf = conf;
	tui.kiosk = kiosk;
	xmalloc_set_fatal_hook(tui_restore);
	if (initscr() == NULL)
		fatal("cannot start the terminal interface");
	/* At the kiosk Ctrl-C, Ctrl-Z and Ctrl-\\ are keys like any other:
	 * nothing typed there reaches a shell. */
	if (kiosk) {
		raw();
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
	} else {
		/* At the counter Ctrl-C quits like F10, cleanly, and Ctrl-\\
		 * does nothing: neither leaves the terminal garbled. */
		cbreak();
		signal(SIGINT, on_interrupt);
		signal(SIGQUIT, SIG_IGN);
	}
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	wtimeout(stdscr, TICK_MS);
	draw_init(conf->high_contrast);
	log_info("terminal %dx%d", COLS, LINES);

	tui.screen = kiosk ? &screen_kiosk_start : &screen_login;
	tui.screen->enter(&tui);
	last_key = clock_now_ms();
	while (!tui.quit && !interrupted) {
		redraw(&tui);
		before = clock_now_ms();
		rc = wget_wch(stdscr, &key.code);
		if (rc == ERR && kiosk) {
			kiosk_idle(&tui, last_key);
			while (tui.next != NULL)
				switch_screen(&tui);
		}
		if (rc == ERR) {
			/* A tick comes after TICK_MS; an instant error means
			 * the terminal is gone, and spinning helps nobody. */
			if (clock_now_ms() - before < TICK_MS / 2 &&
			    ++instant_errors > 100) {
				log_warn("the terminal is gone; stopping");
				break;
			}
			background_sync_tick(&tui.sync, conf);
			continue;	/* a tick: timers come here */
		}
		instant_errors = 0;
		last_key = clock_now_ms();
		if (tui.counting_down) {	/* they are still there */
			tui.counting_down = false;
			tui_message(&tui, MSG_NONE, NULL);
		}
		key.is_code = rc == KEY_CODE_YES;
		if (key.is_code && key.code == KEY_RESIZE)
			continue;	/* redraw lays the screen out anew */
		if (!key.is_code && key.code < 32 && !key_is_enter(key) &&
		    !key_is_escape(key) && key.code != L'\t' &&
		    key.code != 8 && key.code != 21)
			continue;	/* Ctrl-C and the like do nothing */
		if (view(&tui)->key(&tui, key) == KEY_IGNORED)
			tui_common_key(&tui, key, false);
		while (tui.next != NULL)	/* enter may pass it on */
			switch_screen(&tui);
	}
	if (tui.screen->leave != NULL)
		tui.screen->leave(&tui);
	service_logout(svc);
	if (tui.body != NULL)
		delwin(tui.body);
	endwin();
	xmalloc_set_fatal_hook(NULL);
	return 0;
}
