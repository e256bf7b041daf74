#include "config.h"

#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <form.h>

#include "draw.h"
#include "guichet/i18n.h"
#include "guichet/password.h"
#include "guichet/xmalloc.h"

struct form_widget {
	const struct form_field_spec *specs;
	int n;
	FIELD **fields;		/* n + 1, NULL-terminated */
	FORM *form;
	WINDOW *sub;		/* where the fields are drawn */
	int sub_y, sub_x;	/* its place on stdscr, to notice moves */
	int field_cols;
	int *choice;		/* per field: the choice shown */
	const char **error;	/* per field: the reason shown, or NULL */
};

/* Returns how many choices spec offers. */
static int
choice_count(const struct form_field_spec *spec)
{
	int n = 0;

	while (spec->choices[n] != NULL)
		n++;
	return n;
}

/* Writes choice field i's current label into its buffer. */
static void
choice_show(struct form_widget *fw, int i)
{
	char text[160];

	snprintf(text, sizeof text, "◀ %s ▶",
	    _(fw->specs[i].choices[fw->choice[i]]));
	set_field_buffer(fw->fields[i], 0, text);
}

struct form_widget *
form_widget_new(const struct form_field_spec *specs, int n)
{
	struct form_widget *fw = xcalloc(1, sizeof *fw);
	int i;

	fw->specs = specs;
	fw->n = n;
	fw->fields = xcalloc((size_t)n + 1, sizeof *fw->fields);
	fw->choice = xcalloc((size_t)n, sizeof *fw->choice);
	fw->error = xcalloc((size_t)n, sizeof *fw->error);
	for (i = 0; i < n; i++) {
		if (specs[i].width + 1 > fw->field_cols)
			fw->field_cols = specs[i].width + 1;
	}
	for (i = 0; i < n; i++) {
		int width = specs[i].width > specs[i].max ? specs[i].width :
		    specs[i].max + 1;
		FIELD *f = new_field(1, specs[i].width >= specs[i].max ?
		    width : specs[i].width, i, 0, 0, 0);

		if (f == NULL)
			fatal("cannot create a form field");
		set_field_back(f, A_UNDERLINE);
		/* O_BLANK would wipe the field when a key is typed at its
		 * first position: a clerk correcting a name loses it. */
		field_opts_off(f, O_AUTOSKIP | O_STATIC | O_BLANK);
		/* One cell more than accepted: a full field leaves the
		 * cursor on its last character, where Backspace would
		 * delete the one before.  The extra character is refused
		 * with a reason by the checks, never cut. */
		set_max_field(f, specs[i].max + 1);
		if (specs[i].secret)
			field_opts_off(f, O_PUBLIC);
		if (specs[i].choices != NULL) {
			field_opts_off(f, O_EDIT);
			set_field_back(f, A_NORMAL);
		}
		fw->fields[i] = f;
	}
	if ((fw->form = new_form(fw->fields)) == NULL)
		fatal("cannot create a form");
	fw->sub_y = fw->sub_x = -1;
	return fw;
}

void
form_widget_free(struct form_widget *fw)
{
	int i;

	if (fw == NULL)
		return;
	for (i = 0; i < fw->n; i++)
		form_widget_clear(fw, i);
	unpost_form(fw->form);
	free_form(fw->form);
	for (i = 0; i < fw->n; i++)
		free_field(fw->fields[i]);
	if (fw->sub != NULL)
		delwin(fw->sub);
	free(fw->fields);
	free(fw->choice);
	free(fw->error);
	free(fw);
}

int
form_widget_label_width(struct form_widget *fw)
{
	int i, w, widest = 0;

	for (i = 0; i < fw->n; i++)
		if ((w = draw_width(_(fw->specs[i].label))) > widest)
			widest = w;
	return widest;
}

/* Posts the form in its own window at absolute y, x, or moves it there.
 * Its own window, not a part of stdscr: erasing the screen for a redraw
 * must not erase what was typed, nor where the cursor stood in it. */
static void
place(struct form_widget *fw, int y, int x)
{
	if (fw->sub != NULL && fw->sub_y == y && fw->sub_x == x)
		return;
	if (fw->sub == NULL) {
		if ((fw->sub = newwin(fw->n, fw->field_cols, y, x)) == NULL)
			fatal("terminal too small for the form");
		keypad(fw->sub, TRUE);
		set_form_win(fw->form, fw->sub);
		set_form_sub(fw->form, fw->sub);
		post_form(fw->form);
	} else
		mvwin(fw->sub, y, x);
	fw->sub_y = y;
	fw->sub_x = x;
}

int
form_widget_draw(struct form_widget *fw, WINDOW *win, int y, int x,
    int label_cols)
{
	int i, abs_y = getbegy(win) + y, abs_x = getbegx(win) + x;
	int field_x = abs_x + label_cols + 1;

	if (field_x + fw->field_cols > COLS)
		field_x = COLS - fw->field_cols;
	if (abs_y + fw->n > LINES)
		abs_y = LINES - fw->n;
	for (i = 0; i < fw->n; i++) {
		draw_text(stdscr, abs_y + i, abs_x, label_cols,
		    _(fw->specs[i].label));
		if (fw->specs[i].choices != NULL)
			choice_show(fw, i);
		if (fw->error[i] != NULL && field_x + fw->field_cols + 2 <
		    COLS) {
			char mark[300];

			snprintf(mark, sizeof mark, "✗ %s", _(fw->error[i]));
			attron(draw_attr(STYLE_ERROR));
			draw_text(stdscr, abs_y + i, field_x +
			    fw->field_cols + 1, COLS - field_x -
			    fw->field_cols - 1, mark);
			attroff(draw_attr(STYLE_ERROR));
		}
	}
	place(fw, abs_y, field_x);
	return fw->n;
}

WINDOW *
form_widget_window(struct form_widget *fw)
{
	return fw->sub;
}

void
form_widget_cursor(struct form_widget *fw)
{
	curs_set(1);
	pos_form_cursor(fw->form);
}

/* Returns the form request for a function key, or -1. */
static int
request_for(wint_t code)
{
	switch (code) {
	case KEY_LEFT:
		return REQ_PREV_CHAR;
	case KEY_RIGHT:
		return REQ_NEXT_CHAR;
	case KEY_HOME:
		return REQ_BEG_FIELD;
	case KEY_END:
		return REQ_END_FIELD;
	case KEY_BACKSPACE:
		return REQ_DEL_PREV;
	case KEY_DC:
		return REQ_DEL_CHAR;
	case KEY_DOWN:
		return REQ_NEXT_FIELD;
	case KEY_UP:
	case KEY_BTAB:
		return REQ_PREV_FIELD;
	}
	return -1;
}

int
form_widget_key(struct form_widget *fw, struct key key)
{
	int req, i = form_widget_current(fw), n;

	if (fw->specs[i].choices != NULL && key.is_code &&
	    (key.code == KEY_LEFT || key.code == KEY_RIGHT)) {
		n = choice_count(&fw->specs[i]);
		fw->choice[i] = (fw->choice[i] + (key.code == KEY_LEFT ?
		    n - 1 : 1)) % n;
		choice_show(fw, i);
		return KEY_HANDLED;
	}

	if (key.is_code) {
		if ((req = request_for(key.code)) < 0)
			return KEY_IGNORED;
		if (req == REQ_NEXT_FIELD || req == REQ_PREV_FIELD)
			form_driver(fw->form, REQ_VALIDATION);
		form_driver(fw->form, req);
		if (req == REQ_NEXT_FIELD || req == REQ_PREV_FIELD)
			form_driver(fw->form, REQ_END_FIELD);
		return KEY_HANDLED;
	}
	if (key.code == L'\t') {
		form_driver(fw->form, REQ_VALIDATION);
		form_driver(fw->form, REQ_NEXT_FIELD);
		form_driver(fw->form, REQ_END_FIELD);
		return KEY_HANDLED;
	}
	if (key.code == 0x15) {		/* Ctrl-U, as in a shell */
		form_driver(fw->form, REQ_CLR_FIELD);
		return KEY_HANDLED;
	}
	if (key.code == 0x7f || key.code == 0x08) {
		form_driver(fw->form, REQ_DEL_PREV);
		return KEY_HANDLED;
	}
	if (!iswprint(key.code))
		return KEY_IGNORED;
	form_driver_w(fw->form, OK, (wchar_t)key.code);
	return KEY_HANDLED;
}

char *
form_widget_value(struct form_widget *fw, int i)
{
	char *value;
	size_t n;

	form_driver(fw->form, REQ_VALIDATION);
	value = xstrdup(field_buffer(fw->fields[i], 0));
	n = strlen(value);
	while (n > 0 && value[n - 1] == ' ')
		value[--n] = '\0';
	return value;
}

void
form_widget_clear(struct form_widget *fw, int i)
{
	char *buf = field_buffer(fw->fields[i], 0);

	if (buf != NULL)
		secret_wipe(buf, strlen(buf));
	set_field_buffer(fw->fields[i], 0, "");
}

void
form_widget_focus(struct form_widget *fw, int i)
{
	set_current_field(fw->form, fw->fields[i]);
	form_driver(fw->form, REQ_END_FIELD);
}

int
form_widget_current(struct form_widget *fw)
{
	return field_index(current_field(fw->form));
}

int
form_widget_choice(struct form_widget *fw, int i)
{
	return fw->choice[i];
}

void
form_widget_set_choice(struct form_widget *fw, int i, int c)
{
	fw->choice[i] = c;
	choice_show(fw, i);
}

void
form_widget_set_value(struct form_widget *fw, int i, const char *text)
{
	set_field_buffer(fw->fields[i], 0, text);
}

void
form_widget_set_error(struct form_widget *fw, int i, const char *reason)
{
	fw->error[i] = reason;
}

void
form_widget_clear_errors(struct form_widget *fw)
{
	int i;

	for (i = 0; i < fw->n; i++)
		fw->error[i] = NULL;
}

int
form_widget_count(struct form_widget *fw)
{
	return fw->n;
}
