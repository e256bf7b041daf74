/*
 * The credential envelope: its layout file and its page, drawn with the
 * helpers in pdf-draw.c.
 */
#include "config.h"

#include "guichet/envelope-pdf.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "guichet/err.h"
#include "guichet/i18n-mark.h"
#include "guichet/xmalloc.h"

#include "pdf-draw.h"

#define MM(x)		((x) * 72.0 / 25.4)
#define MAX_PAGE	14400.0		/* cairo-pdf's largest page, points */
#define GAP		8.0		/* space between neighbouring blocks */
#define PAD		8.0		/* inside the secret box and window */
#define SECRET_FONT	14.0		/* username and password, points */

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
draw_sender(struct draw *d, const struct envelope_layout *l, const char *town)
{
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
	pl = text_new(d, PDF_SANS, size, 1);
	text_set(pl, town);
	text_fit(pl, size, width, height);
	text_show(d, pl, x, l->margin, 0);
	g_object_unref(pl);
}

/* Draws the label and the serial right-aligned on the top margin, over
 * the password box. */
static void
draw_serial(struct draw *d, const struct envelope_layout *l,
    const char *label, const char *serial)
{
	double right = l->page_width - l->margin, width, y = l->margin;
	PangoLayout *pl;

	width = right - l->secret_x;
	pl = text_new(d, PDF_SANS, l->font_size * 0.8, 0);
	text_set(pl, label);
	text_fit(pl, l->font_size * 0.8, width, l->font_size * 1.2);
	text_show(d, pl, right - text_width(pl), y, 0.35);
	y += text_height(pl);
	g_object_unref(pl);

	pl = text_new(d, PDF_MONO, l->font_size * 1.2, 1);
	text_set(pl, serial);
	text_fit(pl, l->font_size * 1.2, width, l->font_size * 1.5);
	text_show(d, pl, right - text_width(pl), y, 0);
	g_object_unref(pl);
}

/* Draws the stamp area as a dashed square with its label in the middle,
 * grey, so a stamp over it still reads. */
static void
draw_stamp(struct draw *d, const struct envelope_layout *l, const char *label)
{
	double dash[] = { 3, 2 }, s = l->stamp_size;
	PangoLayout *pl;

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.45, 0.45, 0.45);
	cairo_set_line_width(d->cr, 0.6);
	cairo_set_dash(d->cr, dash, 2, 0);
	cairo_rectangle(d->cr, l->stamp_x, l->stamp_y, s, s);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);

	pl = text_new(d, PDF_SANS, l->font_size * 0.8, 0);
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
draw_address(struct draw *d, const struct envelope_layout *l,
    const char *recipient, const struct address *a)
{
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

	pl = text_new(d, PDF_SANS, size, 0);
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
draw_secret_line(struct draw *d, const struct envelope_layout *l, double x,
    double y, double width, const char *label, const char *value, int bold)
{
	PangoLayout *pl;

	pl = text_new(d, PDF_SANS, l->font_size * 0.9, 0);
	text_set(pl, label);
	text_fit(pl, l->font_size * 0.9, width, l->font_size * 2.5);
	text_show(d, pl, x, y, 0.3);
	y += text_height(pl) + 2;
	g_object_unref(pl);

	pl = text_new(d, PDF_MONO, SECRET_FONT, bold);
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
draw_secret(struct draw *d, const struct envelope_layout *l,
    const struct envelope_doc *doc)
{
	double x = l->secret_x, y = l->secret_y, w, inner, bottom;

	w = l->page_width - l->margin - x;
	inner = w - 2 * PAD;
	bottom = draw_secret_line(d, l, x + PAD, y + PAD, inner,
	    doc->label_username, doc->username, 0);
	bottom = draw_secret_line(d, l, x + PAD, bottom + 6, inner,
	    doc->label_password, doc->password, 1) + PAD;

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_set_line_width(d->cr, 1.2);
	cairo_rectangle(d->cr, x, y, w, bottom - y);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
	return bottom;
}

/* Draws the instructions under the password box, down to the margin. */
static void
draw_instructions(struct draw *d, const struct envelope_layout *l,
    const char *text, double top)
{
	double width, height;
	PangoLayout *pl;

	width = l->page_width - l->margin - l->secret_x;
	height = l->page_height - l->margin - top;
	if (text == NULL || *text == '\0' || height < PDF_MIN_FONT * 1.5)
		return;
	pl = text_new(d, PDF_SANS, l->font_size, 0);
	text_set(pl, text);
	text_paragraphs(pl);
	pango_layout_set_spacing(pl, (int)(l->font_size * 0.1 * PANGO_SCALE));
	text_fit(pl, l->font_size, width, height);
	text_show(d, pl, l->secret_x, top, 0);
	g_object_unref(pl);
}

/* What envelope_pdf's page is drawn from. */
struct envelope_paint {
	const struct envelope_doc *doc;
	const struct envelope_layout *l;
};

/* Draws every part of the envelope on its page. */
static const char *
envelope_paint(struct draw *d, const void *arg)
{
	const struct envelope_paint *e = arg;
	const struct envelope_layout *l = e->l;
	double bottom;

	draw_sender(d, l, e->doc->town);
	draw_serial(d, l, e->doc->label_serial, e->doc->serial);
	draw_stamp(d, l, e->doc->label_stamp);
	draw_address(d, l, e->doc->recipient, e->doc->address);
	bottom = draw_secret(d, l, e->doc);
	draw_instructions(d, l, e->doc->instructions, bottom + GAP * 1.5);
	if (draw_qr(d, e->doc->qr_text, l->qr_x, l->qr_y, l->qr_size) == -1)
		return N_("the envelope's QR code could not be made");
	return NULL;
}

/* Names the PDF after the serial, so a print queue shows which envelope
 * a job is. */
int
envelope_pdf(const struct envelope_doc *doc,
    const struct envelope_layout *layout, unsigned char **pdf, size_t *len,
    const char **reason)
{
	struct envelope_paint e = { doc, layout };
	const struct pdf_page page = {
		layout->page_width, layout->page_height, doc->serial,
		N_("the envelope page could not be made"),
		N_("the envelope could not be drawn"),
		N_("the envelope PDF could not be written"), NULL,
	};

	return pdf_render(&page, envelope_paint, &e, pdf, len, reason);
}
