/*
 * How a person is shown wherever one appears: a result row, the header
 * that tells the clerk whose data is on screen, levels in short.
 */
#ifndef GUICHET_TUI_VIEW_PERSON_H
#define GUICHET_TUI_VIEW_PERSON_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

#include "guichet/person.h"

/* Draws the column titles of result rows at y. */
void view_person_summary_header(WINDOW *w, int y, int cols);

/* Draws one result row at y: name, masked id, birth date, town, level. */
void view_person_summary_row(WINDOW *w, int y, int cols,
    const struct person_summary *p);

/* Draws "Surname Given names · masked id · level" at y, in bold. */
void view_person_header(WINDOW *w, int y, int cols, const struct person *p);

/* Returns the short label of a level ("Level B"), translated. */
const char *view_level_short(enum account_level level);

#endif
