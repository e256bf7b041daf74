#include "config.h"

#include "list.h"

#include "draw.h"

void
list_draw(struct list *l, WINDOW *win, int y, int rows)
{
	int cols = getmaxx(win), i, row;

	if (rows < 1)
		return;
	if (l->selected >= 0) {
		if (l->selected < l->top)
			l->top = l->selected;
		if (l->selected >= l->top + rows)
			l->top = l->selected - rows + 1;
	}
	if (l->top > l->count - rows)
		l->top = l->count - rows;
	if (l->top < 0)
		l->top = 0;
	for (row = 0; row < rows; row++) {
		i = l->top + row;
		if (i >= l->count)
			break;
		if (i == l->selected) {
			wattron(win, draw_attr(STYLE_SELECTED));
			mvwhline(win, y + row, 0, ' ', cols);
		}
		l->draw_row(win, y + row, cols, i, l->arg);
		if (i == l->selected)
			wattroff(win, draw_attr(STYLE_SELECTED));
	}
}

int
list_key(struct list *l, struct key key, int page)
{
	int last = l->count - 1;

	if (!key.is_code || l->count == 0)
		return KEY_IGNORED;
	switch (key.code) {
	case KEY_UP:
		if (l->selected > 0)
			l->selected--;
		break;
	case KEY_DOWN:
		if (l->selected < last)
			l->selected++;
		break;
	case KEY_PPAGE:
		l->selected = l->selected - page < 0 ? 0 :
		    l->selected - page;
		break;
	case KEY_NPAGE:
		l->selected = l->selected + page > last ? last :
		    l->selected + page;
		break;
	case KEY_HOME:
		l->selected = 0;
		break;
	case KEY_END:
		l->selected = last;
		break;
	default:
		return KEY_IGNORED;
	}
	return KEY_HANDLED;
}
