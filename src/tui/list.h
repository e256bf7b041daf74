/*
 * A scrolling list with a selected row, drawn through a callback so that
 * any screen can list anything: search results, queues, histories.
 */
#ifndef GUICHET_TUI_LIST_H
#define GUICHET_TUI_LIST_H

#include <stdbool.h>

#include "screen.h"

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

struct list {
	int count;		/* rows in the list */
	int selected;		/* -1 when the list has no focus */
	int top;		/* first row shown */
	/* Draws row i at y of win, cols wide; selected rows are drawn in
	 * reverse by the list itself. */
	void (*draw_row)(WINDOW *win, int y, int cols, int i, void *arg);
	void *arg;
};

/* Draws the visible rows of l in rows y .. y + rows - 1 of win, keeping
 * the selected row in view. */
void list_draw(struct list *l, WINDOW *win, int y, int rows);

/* Moves the selection for arrows, PgUp/PgDn, Home/End; returns
 * KEY_HANDLED or KEY_IGNORED.  page is the rows shown. */
int list_key(struct list *l, struct key key, int page);

#endif
