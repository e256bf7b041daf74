/*
 * Drawing UTF-8 text by terminal cells: Romanian and Greek letters take
 * one cell each but several bytes, so every cut and pad counts cells.
 */
#ifndef GUICHET_TUI_DRAW_H
#define GUICHET_TUI_DRAW_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

/* Returns how many cells text takes. */
int draw_width(const char *text);

/* Draws text at y, x in win, cut to at most cols cells; returns the cells
 * drawn. */
int draw_text(WINDOW *win, int y, int x, int cols, const char *text);

/* Draws text centred on row y of win. */
void draw_centred(WINDOW *win, int y, const char *text);

/* Draws text wrapped at word boundaries inside the rectangle; returns the
 * rows used. */
int draw_wrapped(WINDOW *win, int y, int x, int rows, int cols,
    const char *text);

/* Colour pairs; with high contrast only attributes are used. */
enum draw_style { STYLE_NORMAL, STYLE_TITLE, STYLE_ERROR, STYLE_INFO,
	STYLE_KEY, STYLE_SELECTED };

/* Prepares colours (call after initscr). */
void draw_init(int high_contrast);

/* Returns the attributes of style. */
attr_t draw_attr(enum draw_style style);

#endif
