/*
 * The terminal front end's state and the services screens use from it:
 * switching screens, the message line, the frame (title, status and key
 * hints) and the body window screens draw in.
 */
#ifndef GUICHET_TUI_H
#define GUICHET_TUI_H

#include <stdbool.h>
#include <stdint.h>

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

#include "background-sync.h"
#include "screen.h"

#define TUI_PAY_MAX 64		/* obligations marked for one payment */

struct conf;
struct service;

enum message_kind { MSG_NONE, MSG_INFO, MSG_ERROR };

struct tui {
	struct service *svc;
	const struct conf *conf;
	const struct screen *screen;
	const struct screen *next;	/* switch requested by a handler */
	const struct screen *help_of;	/* F1 was pressed here: help shown */
	WINDOW *body;			/* between title and status lines */
	bool quit;
	enum message_kind message_kind;
	char message[512];
	void *state;			/* the current screen's own state */
	WINDOW *overlay;		/* drawn over the screen (a form) */
	char confirm[512];		/* a question waiting for yes/no */
	void (*confirm_yes)(struct tui *tui);
	int64_t person_id;		/* the citizen being served, or 0 */
	int64_t business_id;		/* the business on screen, or 0 */
	const struct screen *card_back;	/* where Esc on a card returns */
	const struct screen *leave_to;	/* see tui_confirm_leave */
	bool kiosk;			/* a public kiosk, not a counter */
	struct background_sync sync;
	bool counting_down;		/* the idle logout's last seconds */
	int64_t request_id;		/* the request on screen, or 0 */
	int64_t requests_of;		/* the requests list shows this
					 * citizen's only; 0: the inbox */
	int64_t file_for;		/* a new request is for this citizen;
					 * 0: anonymous */
	const char *file_type;		/* the type being filed */
	const struct screen *request_back;	/* where Esc on a request
						 * returns */
	char taxpayer[32];		/* whose register is open (staff) */
	const struct screen *taxes_back;	/* where Esc on it returns;
						 * NULL: the main screen */
	int64_t pay_taxpayer;		/* a payment being taken: for whom, */
	int64_t pay_only[TUI_PAY_MAX];	/* on which obligations first, */
	int pay_count;
	int64_t pay_amount;		/* and what they come to today */
};

/* Asks question (the consequence spelled out) before an irreversible
 * action; on_yes runs only on an explicit yes.  The safe answer, no, is
 * what Enter and Esc give. */
void tui_confirm(struct tui *tui, void (*on_yes)(struct tui *tui),
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Runs the clerk interface until the user quits, or the kiosk (which
 * starts every session afresh and is never quit from the keyboard);
 * returns an exit status. */
int tui_run(struct service *svc, const struct conf *conf, bool kiosk);

/* Asks the loop to show screen next after this key. */
void tui_switch(struct tui *tui, const struct screen *next);

/* Goes on to next (NULL: stays) once a kiosk transaction is done, or,
 * with [kiosk] logout_after, logs out, saying so after the message. */
void tui_transaction_done(struct tui *tui, const struct screen *next);

/* Sets the message line (kind MSG_NONE clears it). */
void tui_message(struct tui *tui, enum message_kind kind, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

/* Asks whether to leave a form unsaved; on yes, goes to back. */
void tui_confirm_leave(struct tui *tui, const struct screen *back);

/* Asks the loop to show win over the screen after this draw; the cursor
 * stays where win left it. */
void tui_overlay(struct tui *tui, WINDOW *win);

/* Switches every screen to the next (step 1) or previous (step -1)
 * language. */
void tui_next_language(struct tui *tui, int step);

/* Return the key hints and the help of s as this terminal shows them:
 * the kiosk has its own where a screen differs, and a screen with
 * several views may give the hints of the one shown (hints_now); s is
 * then the current screen, whose state tui holds. */
const struct key_hint *tui_hints(const struct tui *tui,
    const struct screen *s);
const char *tui_title(const struct tui *tui, const struct screen *s);
const char *tui_help(const struct tui *tui, const struct screen *s);

/* Returns true for the keys every screen shares: F1/? help, F10 quit;
 * the screen gets no other chance at them.  letters says whether '?' may
 * be taken (not while typing in a field). */
bool tui_common_key(struct tui *tui, struct key key, bool letters);

#endif
