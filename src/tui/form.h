/*
 * A form of one-line fields built on the ncurses form library from a
 * description: label, width on screen, most characters accepted, secret.
 * Labels are translated when drawn, so a language switch or a resize
 * never loses what was typed.
 */
#ifndef GUICHET_TUI_FORM_H
#define GUICHET_TUI_FORM_H

#include <stdbool.h>

#include "screen.h"

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

struct form_field_spec {
	const char *label;	/* N_() */
	int width;		/* cells on screen */
	int max;		/* characters accepted (scrolls beyond width) */
	bool secret;		/* typed characters are not shown */
	const char *const *choices;	/* N_() labels, NULL-ended: the field
					 * is a choice changed with ←/→ */
};

struct form_widget;

/* Builds a form of n fields; never NULL.  specs must outlive it. */
struct form_widget *form_widget_new(const struct form_field_spec *specs,
    int n);

/* Frees the form and wipes what its fields held. */
void form_widget_free(struct form_widget *fw);

/* Draws labels and fields at y, x of win (re-posting after a resize);
 * labels take label_cols cells.  Returns the rows used. */
int form_widget_draw(struct form_widget *fw, WINDOW *win, int y, int x,
    int label_cols);

/* Returns the window the fields live in, for the loop to refresh over
 * the screen (see tui_overlay). */
WINDOW *form_widget_window(struct form_widget *fw);

/* Puts the terminal cursor in the current field and shows it. */
void form_widget_cursor(struct form_widget *fw);

/* Handles an editing or moving key; returns KEY_HANDLED or KEY_IGNORED. */
int form_widget_key(struct form_widget *fw, struct key key);

/* Returns the trimmed value of field i as a string the caller frees. */
char *form_widget_value(struct form_widget *fw, int i);

/* Empties field i (wiping its buffer). */
void form_widget_clear(struct form_widget *fw, int i);

/* Makes field i current. */
void form_widget_focus(struct form_widget *fw, int i);

/* Returns the index of the current field. */
int form_widget_current(struct form_widget *fw);

/* Returns the cells the widest translated label takes. */
int form_widget_label_width(struct form_widget *fw);

/* Returns the index of the choice field i's current choice. */
int form_widget_choice(struct form_widget *fw, int i);

/* Sets choice field i to choice index c. */
void form_widget_set_choice(struct form_widget *fw, int i, int c);

/* Puts text into field i. */
void form_widget_set_value(struct form_widget *fw, int i, const char *text);

/* Marks field i with reason (N_(), NULL clears), shown after the field. */
void form_widget_set_error(struct form_widget *fw, int i,
    const char *reason);

/* Clears every field's error mark. */
void form_widget_clear_errors(struct form_widget *fw);

/* Returns the number of fields. */
int form_widget_count(struct form_widget *fw);

#endif
