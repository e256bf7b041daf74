#include "config.h"

#include "guichet/envelope-pdf.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <ini.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "guichet/err.h"
#include "guichet/i18n-mark.h"
#include "guichet/xmalloc.h"

#define MM(x)		((x) * 72.0 / 25.4)
#define PDF_FIRST	(256 * 1024)	/* a page is ~30 KiB with two fonts */
#define MAX_PAGE	14400.0		/* cairo-pdf's largest page, points */
#define MIN_FONT	6.0		/* smallest size text shrinks to */
#define GAP		8.0		/* space between neighbouring blocks */
#define PAD		8.0		/* inside the secret box and window */
#define SANS		"DejaVu Sans"
#define MONO		"DejaVu Sans Mono"
#define SECRET_FONT	14.0		/* username and password, points */

/* The PDF as cairo writes it; every block it leaves behind is wiped. */
struct pdf_buf {
	unsigned char *data;
	size_t len, cap;
};

/* One row per layout key, so the file and the struct cannot drift. */
struct layout_key {
	const char *name;
	size_t offset;
	int positive;		/* must be above zero, not just not negative */
};

#define LK(f, p) { #f, offsetof(struct envelope_layout, f), p }

static const struct layout_key layout_keys[] = {
	LK(page_width, 1), LK(page_height, 1),
	LK(window_x, 0), LK(window_y, 0),
	LK(window_width, 1), LK(window_height, 1),
	LK(secret_x, 0), LK(secret_y, 0),
	LK(stamp_x, 0), LK(stamp_y, 0), LK(stamp_size, 1),
	LK(qr_x, 0), LK(qr_y, 0), LK(qr_size, 1),
	LK(margin, 0),
	LK(font_size, 1),
};

#define N_LAYOUT_KEYS (sizeof layout_keys / sizeof layout_keys[0])

/* What ini_parse's callback carries between lines. */
struct layout_parse {
	struct envelope_layout *layout;
	char *error;		/* first error, without the file:line part */
};

/* The drawing state shared by the helpers below. */
struct draw {
	cairo_t *cr;
	PangoContext *ctx;
	const struct envelope_layout *l;
};

/* Fills l with a DL insert for a standard window envelope, in points. */
void
envelope_layout_default(struct envelope_layout *l)
{
	memset(l, 0, sizeof *l);
	l->page_width = 624;
	l->page_height = 312;
	/* A DL window envelope: 90 x 45 mm, 20 mm in, 15 mm up. */
	l->window_x = MM(20);
	l->window_y = MM(110 - 15 - 45);
	l->window_width = MM(90);
	l->window_height = MM(45);
	l->secret_x = MM(120);
	l->secret_y = MM(22);
	l->stamp_x = MM(20);
	l->stamp_y = MM(22);
	l->stamp_size = MM(24);
	l->qr_x = MM(20 + 90 - 24);
	l->qr_y = MM(22);
	l->qr_size = MM(24);
	l->margin = MM(10);
	l->font_size = 10;
}

/* Reads a length in points, or in millimetres with an "mm" suffix, so an
 * administrator can copy what a ruler says; the C locale is used whatever
 * LC_NUMERIC is. */
static int
parse_length(const char *v, double *out)
{
	char *end;
	double d;

	errno = 0;
	d = g_ascii_strtod(v, &end);
	if (errno != 0 || end == v)
		return -1;
	while (*end == ' ' || *end == '\t')
		end++;
	if (strcmp(end, "mm") == 0)
		d = MM(d);
	else if (*end != '\0' && strcmp(end, "pt") != 0)
		return -1;
	if (!isfinite(d))
		return -1;
	*out = d;
	return 0;
}

/* Takes one key = value line; stops ini_parse at the first problem. */
static int
layout_ini_line(void *user, const char *section, const char *name,
    const char *value)
{
	struct layout_parse *p = user;
	const struct layout_key *k = NULL;
	double d;
	size_t i;

	if (p->error != NULL)
		return 0;
	if (strcmp(section, "envelope") != 0) {
		p->error = xasprintf("unknown section [%s]; expected "
		    "[envelope]", section);
		return 0;
	}
	for (i = 0; i < N_LAYOUT_KEYS; i++)
		if (strcmp(layout_keys[i].name, name) == 0)
			k = &layout_keys[i];
	if (k == NULL) {
		p->error = xasprintf("unknown key '%s' in [envelope]", name);
		return 0;
	}
	if (parse_length(value, &d) == -1) {
		p->error = xasprintf("'%s' must be a number of points (or "
		    "millimetres with 'mm'), not '%s'", name, value);
		return 0;
	}
	if (d < 0 || (k->positive && d == 0) || d > MAX_PAGE) {
		p->error = xasprintf("'%s' must be %s 0 and at most %.0f, "
		    "not '%s'", name, k->positive ? "above" : "at least",
		    MAX_PAGE, value);
		return 0;
	}
	*(double *)(void *)((char *)p->layout + k->offset) = d;
	return 1;
}

/* Returns what of l does not fit on its page, or NULL; a box hanging off
 * the paper would print cut without anyone noticing on screen. */
static const char *
layout_misfit(const struct envelope_layout *l)
{
	if (l->window_x + l->window_width > l->page_width ||
	    l->window_y + l->window_height > l->page_height)
		return "the window";
	if (l->stamp_x + l->stamp_size > l->page_width ||
	    l->stamp_y + l->stamp_size > l->page_height)
		return "the stamp area";
	if (l->qr_x + l->qr_size > l->page_width ||
	    l->qr_y + l->qr_size > l->page_height)
		return "the QR code";
	if (l->secret_x + 4 * SECRET_FONT > l->page_width - l->margin ||
	    l->secret_y + 6 * SECRET_FONT > l->page_height - l->margin)
		return "the password box";
	if (2 * l->margin >= l->page_width || 2 * l->margin >= l->page_height)
		return "the margins";
	return NULL;
}

/* Parses into a copy, so a refused file leaves the caller's layout as it
 * was. */
int
envelope_layout_load(const char *path, struct envelope_layout *layout,
    char **cause)
{
	struct envelope_layout l = *layout;
	struct layout_parse p = { &l, NULL };
	const char *what;
	int line;

	*cause = NULL;
	line = ini_parse(path, layout_ini_line, &p);
	if (line == -1) {
		*cause = xasprintf("%s: cannot read the layout: %s", path,
		    strerror(errno));
		return G_ERR_CONFIG;
	}
	if (line != 0) {
		*cause = xasprintf("%s:%d: %s", path, line,
		    p.error != NULL ? p.error : "not a key = value line");
		free(p.error);
		return G_ERR_CONFIG;
	}
	if ((what = layout_misfit(&l)) != NULL) {
		*cause = xasprintf("%s: %s does not fit on the %.0f x %.0f pt "
		    "page", path, what, l.page_width, l.page_height);
		return G_ERR_CONFIG;
	}
	*layout = l;
	return G_OK;
}

/* Grows the buffer by copying, so the old block, which may hold the
 * password's glyphs, can be wiped before it goes back to the heap. */
static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int n)
{
	struct pdf_buf *b = closure;
	unsigned char *bigger;
	size_t cap;

	if (n > b->cap - b->len) {
		cap = b->cap;
		while (n > cap - b->len) {
			if (cap > SIZE_MAX / 2)
				return CAIRO_STATUS_WRITE_ERROR;
			cap *= 2;
		}
		bigger = xmalloc(cap);
		memcpy(bigger, b->data, b->len);
		explicit_bzero(b->data, b->cap);
		free(b->data);
		b->data = bigger;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, n);
	b->len += n;
	return CAIRO_STATUS_SUCCESS;
}

/* Returns a layout in the given face; text is set without markup, so
 * "O'Brien & <Co>" prints as typed. */
static PangoLayout *
text_new(struct draw *d, const char *family, double size, int bold)
{
	PangoFontDescription *fd;
	PangoLayout *pl;

	pl = pango_layout_new(d->ctx);
	fd = pango_font_description_new();
	pango_font_description_set_family(fd, family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd,
	    bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
	return pl;
}

/* Sets s as plain text; bytes that are not UTF-8 become U+FFFD rather
 * than pango warnings, and the repaired copy is wiped (it may be the
 * password). */
static void
text_set(PangoLayout *pl, const char *s)
{
	char *valid;

	if (s == NULL)
		s = "";
	if (g_utf8_validate(s, -1, NULL)) {
		pango_layout_set_text(pl, s, -1);
		return;
	}
	valid = g_utf8_make_valid(s, -1);
	pango_layout_set_text(pl, valid, -1);
	explicit_bzero(valid, strlen(valid));
	g_free(valid);
}

/* Changes the size of pl's font, keeping its family and weight. */
static void
text_resize(PangoLayout *pl, double size)
{
	PangoFontDescription *fd;

	fd = pango_font_description_copy(pango_layout_get_font_description(
	    pl));
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
}

/* Returns pl's logical height in points. */
static double
text_height(PangoLayout *pl)
{
	int w, h;

	pango_layout_get_size(pl, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* Returns pl's logical width in points. */
static double
text_width(PangoLayout *pl)
{
	int w, h;

	pango_layout_get_size(pl, &w, &h);
	return (double)w / PANGO_SCALE;
}

/* Wraps pl to width and shrinks it (attributes scale with it) until it is
 * no taller than height; past MIN_FONT it is cut with an ellipsis rather
 * than spill over its neighbours.  Returns the height it takes. */
static double
text_fit(PangoLayout *pl, double size, double width, double height)
{
	pango_layout_set_width(pl, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	while (text_height(pl) > height && size > MIN_FONT) {
		size = fmax(MIN_FONT, size - 0.5);
		text_resize(pl, size);
	}
	if (text_height(pl) > height) {
		pango_layout_set_height(pl, (int)(height * PANGO_SCALE));
		pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_END);
	}
	return text_height(pl);
}

/* Draws pl with its top left at x, y in grey level g (0 is black). */
static void
text_show(struct draw *d, PangoLayout *pl, double x, double y, double g)
{
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, g, g, g);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, pl);
	cairo_restore(d->cr);
}

/* Makes pl's first n bytes bold, for the recipient's name. */
static void
text_bold_prefix(PangoLayout *pl, size_t n)
{
	PangoAttrList *al = pango_attr_list_new();
	PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);

	a->start_index = 0;
	a->end_index = (guint)n;
	pango_attr_list_insert(al, a);
	pango_layout_set_attributes(pl, al);
	pango_attr_list_unref(al);
}

/* Spaces the password's letters a little, so that l, 1 and I or O and 0
 * are read one at a time. */
static void
text_spread(PangoLayout *pl, double points)
{
	PangoAttrList *al = pango_attr_list_new();

	pango_attr_list_insert(al,
	    pango_attr_letter_spacing_new((int)(points * PANGO_SCALE)));
	pango_layout_set_attributes(pl, al);
	pango_attr_list_unref(al);
}

/* Returns the block and flat line ("bl. M1, sc. 2, et. 3, ap. 12"), or
 * NULL when none is known; abbreviations are the Romanian post's, the
 * only profile that fills these fields. */
static char *
address_building(const struct address *a)
{
	const char *label[] = { "bl.", "sc.", "et.", "ap." };
	const char *value[] = { a->block, a->staircase, a->floor,
	    a->apartment };
	char *s = NULL, *t;
	size_t i;

	for (i = 0; i < 4; i++) {
		if (value[i][0] == '\0')
			continue;
		t = xasprintf("%s%s%s %s", s != NULL ? s : "",
		    s != NULL ? ", " : "", label[i], value[i]);
		free(s);
		s = t;
	}
	return s;
}

/* Returns the address block as lines, the name first, for the window;
 * the district follows the town on its line, or has a line of its own
 * when apart is set. */
static char *
address_text(const char *recipient, const struct address *a, int apart)
{
	char *s, *t, *building;

	s = xstrdup(recipient != NULL ? recipient : "");
	if (a == NULL)
		return s;
	if (a->street[0] != '\0' || a->number[0] != '\0') {
		t = xasprintf("%s\n%s%s%s", s, a->street,
		    a->street[0] != '\0' && a->number[0] != '\0' ? " " : "",
		    a->number);
		free(s);
		s = t;
	}
	if ((building = address_building(a)) != NULL) {
		t = xasprintf("%s\n%s", s, building);
		free(building);
		free(s);
		s = t;
	}
	if (a->postal_code[0] != '\0' || a->town[0] != '\0') {
		t = xasprintf("%s\n%s%s%s", s, a->postal_code,
		    a->postal_code[0] != '\0' && a->town[0] != '\0' ? " " : "",
		    a->town);
		free(s);
		s = t;
		if (a->district[0] != '\0') {
			t = xasprintf("%s%s%s", s, apart ? "\n" : ", ",
			    a->district);
			free(s);
			s = t;
		}
	} else if (a->district[0] != '\0') {
		t = xasprintf("%s\n%s", s, a->district);
		free(s);
		s = t;
	}
	return s;
}

/* Draws the town hall as sender, top left, clear of the stamp, QR code
 * and password box below and beside it. */
static void
draw_sender(struct draw *d, const char *town)
{
	const struct envelope_layout *l = d->l;
	double size = l->font_size * 1.2, x, width, height;
	PangoLayout *pl;

	/* Lined up with the stamp and window under it, unless that leaves
	 * the margin. */
	x = fmax(l->margin, fmin(l->window_x, l->stamp_x));
	width = l->secret_x - GAP - x;
	height = fmin(fmin(l->stamp_y, l->qr_y), l->window_y) - GAP -
	    l->margin;
	if (width <= 0 || height <= 0)
		return;
	pl = text_new(d, SANS, size, 1);
	text_set(pl, town);
	text_fit(pl, size, width, height);
	text_show(d, pl, x, l->margin, 0);
	g_object_unref(pl);
}

/* Draws the label and the serial right-aligned on the top margin, over
 * the password box. */
static void
draw_serial(struct draw *d, const char *label, const char *serial)
{
	const struct envelope_layout *l = d->l;
	double right = l->page_width - l->margin, width, y = l->margin;
	PangoLayout *pl;

	width = right - l->secret_x;
	pl = text_new(d, SANS, l->font_size * 0.8, 0);
	text_set(pl, label);
	text_fit(pl, l->font_size * 0.8, width, l->font_size * 1.2);
	text_show(d, pl, right - text_width(pl), y, 0.35);
	y += text_height(pl);
	g_object_unref(pl);

	pl = text_new(d, MONO, l->font_size * 1.2, 1);
	text_set(pl, serial);
	text_fit(pl, l->font_size * 1.2, width, l->font_size * 1.5);
	text_show(d, pl, right - text_width(pl), y, 0);
	g_object_unref(pl);
}

/* Draws the stamp area as a dashed square with its label in the middle,
 * grey, so a stamp over it still reads. */
static void
draw_stamp(struct draw *d, const char *label)
{
	const struct envelope_layout *l = d->l;
	double dash[] = { 3, 2 }, s = l->stamp_size;
	PangoLayout *pl;

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.45, 0.45, 0.45);
	cairo_set_line_width(d->cr, 0.6);
	cairo_set_dash(d->cr, dash, 2, 0);
	cairo_rectangle(d->cr, l->stamp_x, l->stamp_y, s, s);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);

	pl = text_new(d, SANS, l->font_size * 0.8, 0);
	text_set(pl, label);
	pango_layout_set_alignment(pl, PANGO_ALIGN_CENTER);
	text_fit(pl, l->font_size * 0.8, s - 4, s - 4);
	text_show(d, pl, l->stamp_x + 2,
	    l->stamp_y + (s - text_height(pl)) / 2, 0.55);
	g_object_unref(pl);
}

/* Draws the address where the envelope's window falls, with a light
 * outline of the window: on paper it shows the clerk the insert is the
 * right way round, and the post's scanners ignore light grey. */
static void
draw_address(struct draw *d, const char *recipient, const struct address *a)
{
	const struct envelope_layout *l = d->l;
	double size = l->font_size * 1.1, h;
	PangoLayout *pl;
	char *text;

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.8, 0.8, 0.8);
	cairo_set_line_width(d->cr, 0.4);
	cairo_rectangle(d->cr, l->window_x, l->window_y, l->window_width,
	    l->window_height);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);

	pl = text_new(d, SANS, size, 0);
	pango_layout_set_width(pl, (int)((l->window_width - 2 * PAD) *
	    PANGO_SCALE));
	pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	text = address_text(recipient, a, 0);
	text_set(pl, text);
	if (a != NULL && a->district[0] != '\0' &&
	    pango_layout_is_wrapped(pl)) {
		/* "70014 Χερσόνησος, Δημοτική Ενότητα" would break
		 * mid-name: a line of its own reads better. */
		free(text);
		text = address_text(recipient, a, 1);
		text_set(pl, text);
	}
	text_bold_prefix(pl, strcspn(pango_layout_get_text(pl), "\n"));
	h = text_fit(pl, size, l->window_width - 2 * PAD,
	    l->window_height - 2 * PAD);
	/* Centred up and down: a window envelope lets the insert slide a
	 * few millimetres either way. */
	text_show(d, pl, l->window_x + PAD,
	    l->window_y + (l->window_height - h) / 2, 0);
	g_object_unref(pl);
	free(text);
}

/* Draws one label and its value in the secret box; returns the new y. */
static double
draw_secret_line(struct draw *d, double x, double y, double width,
    const char *label, const char *value, int bold)
{
	PangoLayout *pl;

	pl = text_new(d, SANS, d->l->font_size * 0.9, 0);
	text_set(pl, label);
	text_fit(pl, d->l->font_size * 0.9, width, d->l->font_size * 2.5);
	text_show(d, pl, x, y, 0.3);
	y += text_height(pl) + 2;
	g_object_unref(pl);

	pl = text_new(d, MONO, SECRET_FONT, bold);
	text_set(pl, value);
	text_spread(pl, bold ? 1.5 : 0);
	/* Wrapped, never shrunk: a password must stay legible. */
	pango_layout_set_width(pl, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(pl, PANGO_WRAP_CHAR);
	text_show(d, pl, x, y, 0);
	y += text_height(pl);
	g_object_unref(pl);
	return y;
}

/* Draws the username and password in a framed box on the inner part;
 * returns the y under it. */
static double
draw_secret(struct draw *d, const struct envelope_doc *doc)
{
	const struct envelope_layout *l = d->l;
	double x = l->secret_x, y = l->secret_y, w, inner, bottom;

	w = l->page_width - l->margin - x;
	inner = w - 2 * PAD;
	bottom = draw_secret_line(d, x + PAD, y + PAD, inner,
	    doc->label_username, doc->username, 0);
	bottom = draw_secret_line(d, x + PAD, bottom + 6, inner,
	    doc->label_password, doc->password, 1) + PAD;

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_set_line_width(d->cr, 1.2);
	cairo_rectangle(d->cr, x, y, w, bottom - y);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
	return bottom;
}

/* Puts half a blank line between pl's paragraphs: an empty line whose
 * newline is set at half size, which scales with the text when it
 * shrinks. */
static void
text_paragraphs(PangoLayout *pl)
{
	const char *p = pango_layout_get_text(pl);
	PangoAttrList *al;
	PangoAttribute *a;
	GString *s;

	if (strchr(p, '\n') == NULL)
		return;
	s = g_string_new(NULL);
	al = pango_attr_list_new();
	for (; *p != '\0'; p++) {
		g_string_append_c(s, *p);
		if (*p != '\n' || p[1] == '\n' || p[1] == '\0')
			continue;
		a = pango_attr_scale_new(0.5);
		a->start_index = (guint)s->len;
		a->end_index = (guint)s->len + 1;
		pango_attr_list_insert(al, a);
		g_string_append_c(s, '\n');
	}
	pango_layout_set_text(pl, s->str, (int)s->len);
	pango_layout_set_attributes(pl, al);
	pango_attr_list_unref(al);
	g_string_free(s, TRUE);
}

/* Draws the instructions under the password box, down to the margin. */
static void
draw_instructions(struct draw *d, const char *text, double top)
{
	const struct envelope_layout *l = d->l;
	double width, height;
	PangoLayout *pl;

	width = l->page_width - l->margin - l->secret_x;
	height = l->page_height - l->margin - top;
	if (text == NULL || *text == '\0' || height < MIN_FONT * 1.5)
		return;
	pl = text_new(d, SANS, l->font_size, 0);
	text_set(pl, text);
	text_paragraphs(pl);
	pango_layout_set_spacing(pl, (int)(l->font_size * 0.1 * PANGO_SCALE));
	text_fit(pl, l->font_size, width, height);
	text_show(d, pl, l->secret_x, top, 0);
	g_object_unref(pl);
}

/* Draws the QR code filling qr_size, so it lines up with the stamp and
 * the password box (the layout keeps the quiet zone around it blank),
 * merging each row's dark runs so viewers show no seams. */
static int
draw_qr(struct draw *d, const char *text)
{
	const struct envelope_layout *l = d->l;
	QRcode *qr;
	double m;
	int x, y, run;

	if (text == NULL || *text == '\0')
		return 0;
	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) ==
	    NULL)
		return -1;
	m = l->qr_size / qr->width;
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	for (y = 0; y < qr->width; y++) {
		for (x = 0; x < qr->width; x += run) {
			run = 0;
			while (x + run < qr->width &&
			    (qr->data[y * qr->width + x + run] & 1))
				run++;
			if (run == 0) {
				run = 1;
				continue;
			}
			cairo_rectangle(d->cr, l->qr_x + x * m,
			    l->qr_y + y * m, run * m, m);
		}
	}
	cairo_fill(d->cr);
	cairo_restore(d->cr);
	QRcode_free(qr);
	return 0;
}

/* Sets up pango for print: 72 dpi so sizes are points, unhinted metrics
 * and unrounded positions so text measures the same as it prints. */
static PangoContext *
context_new(cairo_t *cr)
{
	cairo_font_options_t *fo;
	PangoContext *ctx;

	ctx = pango_cairo_create_context(cr);
	pango_cairo_context_set_resolution(ctx, 72);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	return ctx;
}

/* Draws every part on one page, then hands over the buffer cairo filled;
 * on failure the partial PDF is wiped. */
int
envelope_pdf(const struct envelope_doc *doc,
    const struct envelope_layout *layout, unsigned char **pdf, size_t *len,
    const char **reason)
{
	struct pdf_buf buf;
	struct draw d = { NULL, NULL, layout };
	cairo_surface_t *surface;
	double bottom;
	int error = G_ERR_IO;

	*pdf = NULL;
	*len = 0;
	*reason = NULL;
	buf.data = xmalloc(PDF_FIRST);
	buf.len = 0;
	buf.cap = PDF_FIRST;

	surface = cairo_pdf_surface_create_for_stream(pdf_write, &buf,
	    layout->page_width, layout->page_height);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		*reason = N_("the envelope page could not be made");
		goto out;
	}
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
	    doc->serial != NULL ? doc->serial : "");
	d.cr = cairo_create(surface);
	d.ctx = context_new(d.cr);

	draw_sender(&d, doc->town);
	draw_serial(&d, doc->label_serial, doc->serial);
	draw_stamp(&d, doc->label_stamp);
	draw_address(&d, doc->recipient, doc->address);
	bottom = draw_secret(&d, doc);
	draw_instructions(&d, doc->instructions, bottom + GAP * 1.5);
	if (draw_qr(&d, doc->qr_text) == -1) {
		*reason = N_("the envelope's QR code could not be made");
		goto out;
	}

	cairo_show_page(d.cr);
	if (cairo_status(d.cr) != CAIRO_STATUS_SUCCESS) {
		*reason = N_("the envelope could not be drawn");
		goto out;
	}
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		*reason = N_("the envelope PDF could not be written");
		goto out;
	}
	*pdf = buf.data;
	*len = buf.len;
	buf.data = NULL;
	error = G_OK;

out:
	if (d.ctx != NULL)
		g_object_unref(d.ctx);
	if (d.cr != NULL)
		cairo_destroy(d.cr);
	cairo_surface_destroy(surface);
	if (buf.data != NULL) {
		explicit_bzero(buf.data, buf.cap);
		free(buf.data);
	}
	return error;
}
