/*
 * A screen fills four slots: enter, draw, key, leave.  The loop in tui.c
 * owns get_wch, resizing and redrawing; a screen only renders its state
 * into the body window and turns keys into service calls.  Screens are
 * listed in screens.c and nowhere else.
 */
#ifndef GUICHET_TUI_SCREEN_H
#define GUICHET_TUI_SCREEN_H

#include <stdbool.h>
#include <wchar.h>

struct tui;

/* What a key handler did, as flags. */
enum key_result {
	KEY_IGNORED = 0,
	KEY_HANDLED = 1,
	KEY_REDRAW = 2,		/* redraw the whole screen */
};

/* A key and what it does here, both shown in the hint line (N_()). */
struct key_hint {
	const char *key;
	const char *action;
};

/* A key as read by get_wch: a function key (is_code) or a character. */
struct key {
	bool is_code;
	wint_t code;
};

/* Returns true for Enter, however the terminal sends it (tui.c). */
bool key_is_enter(struct key key);

/* Returns true for Esc. */
bool key_is_escape(struct key key);

struct screen {
	const char *name;
	const char *title;		/* N_() */
	const char *help;		/* N_(): what F1 explains */
	const struct key_hint *hints;	/* ends with a NULL key */
	const char *kiosk_title;	/* at the kiosk, when it differs */
	const char *kiosk_help;
	const struct key_hint *kiosk_hints;
	/* Optional, for a screen with several views: the hints of the view
	 * shown now, or NULL for hints/kiosk_hints above. */
	const struct key_hint *(*hints_now)(const struct tui *tui);
	void (*enter)(struct tui *tui);
	void (*draw)(struct tui *tui);
	int (*key)(struct tui *tui, struct key key);
	void (*leave)(struct tui *tui);
};

extern const struct screen screen_login;
extern const struct screen screen_main;
extern const struct screen screen_citizens;
extern const struct screen screen_card;
extern const struct screen screen_register;
extern const struct screen screen_validate;
extern const struct screen screen_queue;
extern const struct screen screen_enrolment;
extern const struct screen screen_businesses;
extern const struct screen screen_business_new;
extern const struct screen screen_business_card;
extern const struct screen screen_envelopes;
extern const struct screen screen_batch;
extern const struct screen screen_requests;
extern const struct screen screen_request;
extern const struct screen screen_request_types;
extern const struct screen screen_request_form;
extern const struct screen screen_request_status;
extern const struct screen screen_taxes;
extern const struct screen screen_payment;
extern const struct screen screen_fines;
extern const struct screen screen_declaration;
extern const struct screen screen_kiosk_start;
extern const struct screen screen_kiosk_login;
extern const struct screen screen_kiosk_home;
extern const struct screen screen_info;
extern const struct screen screen_polls;
extern const struct screen screen_decisions;
extern const struct screen screen_help;
extern const struct screen screen_confirm;

/* Every screen, for lookups by name (tests, help). */
extern const struct screen *const screens[];

#endif
