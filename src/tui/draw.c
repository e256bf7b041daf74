#include "config.h"

#include "draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "guichet/xmalloc.h"

static int use_colour;

/* Converts UTF-8 to a fresh wide string; invalid bytes become '?'. */
static wchar_t *
widen(const char *text)
{
	size_t n = strlen(text), i = 0;
	wchar_t *w = xcalloc(n + 1, sizeof *w);
	mbstate_t ps;
	size_t k;

	memset(&ps, 0, sizeof ps);
	while (*text != '\0') {
		k = mbrtowc(&w[i], text, n, &ps);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&ps, 0, sizeof ps);
			w[i] = L'?';
			k = 1;
		}
		if (w[i] < L' ' || w[i] == 0x7f)
			w[i] = L'?';
		text += k;
		n -= k;
		i++;
	}
	w[i] = L'\0';
	return w;
}

int
draw_width(const char *text)
{
	wchar_t *w = widen(text);
	int width = 0, cw;
	size_t i;

	for (i = 0; w[i] != L'\0'; i++)
		if ((cw = wcwidth(w[i])) > 0)
			width += cw;
	free(w);
	return width;
}

int
draw_text(WINDOW *win, int y, int x, int cols, const char *text)
{
	wchar_t *w = widen(text);
	int used = 0, cw;
	size_t i;

	wmove(win, y, x);
	for (i = 0; w[i] != L'\0'; i++) {
		if ((cw = wcwidth(w[i])) < 0)
			cw = 1;
		if (used + cw > cols)
			break;
		used += cw;
	}
	waddnwstr(win, w, (int)i);
	free(w);
	return used;
}

void
draw_centred(WINDOW *win, int y, const char *text)
{
	int cols = getmaxx(win), width = draw_width(text);

	draw_text(win, y, width < cols ? (cols - width) / 2 : 0, cols, text);
}

int
draw_wrapped(WINDOW *win, int y, int x, int rows, int cols,
    const char *text)
{
	char *copy = xstrdup(text), *line, *word, *save = NULL;
	char *paragraph, *psave = NULL;
	int row = 0, width;

	line = xcalloc(strlen(text) + 2, 1);
	for (paragraph = strtok_r(copy, "\n", &psave); paragraph != NULL &&
	    row < rows; paragraph = strtok_r(NULL, "\n", &psave)) {
		line[0] = '\0';
		for (word = strtok_r(paragraph, " ", &save); word != NULL;
		    word = strtok_r(NULL, " ", &save)) {
			width = draw_width(line) + (line[0] ? 1 : 0) +
			    draw_width(word);
			if (line[0] != '\0' && width > cols) {
				if (row < rows)
					draw_text(win, y + row, x, cols, line);
				row++;
				line[0] = '\0';
			}
			if (line[0] != '\0')
				strcat(line, " ");
			strcat(line, word);
		}
		if (row < rows)
			draw_text(win, y + row, x, cols, line);
		row++;
	}
	free(line);
	free(copy);
	return row;
}

void
draw_init(int high_contrast)
{
	use_colour = !high_contrast && has_colors();
	if (!use_colour)
		return;
	start_color();
	use_default_colors();
	init_pair(STYLE_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(STYLE_ERROR, COLOR_RED, -1);
	init_pair(STYLE_INFO, COLOR_GREEN, -1);
	init_pair(STYLE_KEY, COLOR_CYAN, -1);
}

attr_t
draw_attr(enum draw_style style)
{
	switch (style) {
	case STYLE_NORMAL:
		return A_NORMAL;
	case STYLE_TITLE:
		return use_colour ? COLOR_PAIR(STYLE_TITLE) | A_BOLD :
		    A_REVERSE | A_BOLD;
	case STYLE_ERROR:
		return (use_colour ? COLOR_PAIR(STYLE_ERROR) : 0) | A_BOLD;
	case STYLE_INFO:
		return use_colour ? COLOR_PAIR(STYLE_INFO) : A_NORMAL;
	case STYLE_KEY:
		return (use_colour ? COLOR_PAIR(STYLE_KEY) : 0) | A_BOLD;
	case STYLE_SELECTED:
		return A_REVERSE;
	}
	return A_NORMAL;
}
