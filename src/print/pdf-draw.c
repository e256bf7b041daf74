/*
 * Drawing helpers shared by the printed documents: the PDF written into
 * memory, text that fits its box, and QR codes.
 */
#include "config.h"

#include "pdf-draw.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <qrencode.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"

#define PDF_FIRST	(256 * 1024)	/* a page is ~30 KiB with two fonts */

/* The PDF as cairo writes it; every block it leaves behind is wiped. */
struct pdf_buf {
	unsigned char *data;
	size_t len, cap;
};

/* Grows the buffer by copying, so the old block, which may hold a
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

/* Draws the page, then hands over the buffer cairo filled; on failure
 * the partial PDF is wiped. */
int
pdf_render(const struct pdf_page *page, pdf_paint_fn *paint,
    const void *arg, unsigned char **pdf, size_t *len, const char **reason)
{
	struct pdf_buf buf;
	struct draw d = { NULL, NULL };
	cairo_surface_t *surface;
	int error = G_ERR_IO;

	*pdf = NULL;
	*len = 0;
	*reason = NULL;
	buf.data = xmalloc(PDF_FIRST);
	buf.len = 0;
	buf.cap = PDF_FIRST;

	surface = cairo_pdf_surface_create_for_stream(pdf_write, &buf,
	    page->width, page->height);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		*reason = page->not_made;
		goto out;
	}
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
	    page->title != NULL ? page->title : "");
	if (page->created != NULL)
		cairo_pdf_surface_set_metadata(surface,
		    CAIRO_PDF_METADATA_CREATE_DATE, page->created);
	d.cr = cairo_create(surface);
	d.ctx = context_new(d.cr);

	if ((*reason = paint(&d, arg)) != NULL)
		goto out;
	cairo_show_page(d.cr);
	if (cairo_status(d.cr) != CAIRO_STATUS_SUCCESS) {
		*reason = page->not_drawn;
		goto out;
	}
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		*reason = page->not_written;
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

/* Sets the font without markup, so "O'Brien & <Co>" prints as typed. */
PangoLayout *
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

/* Repairs rather than lets pango warn, and wipes the repaired copy: it
 * may be a password. */
void
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

/* Goes through a copy of the description: pango owns the layout's. */
void
text_resize(PangoLayout *pl, double size)
{
	PangoFontDescription *fd;

	fd = pango_font_description_copy(pango_layout_get_font_description(
	    pl));
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
}

/* Logical, not ink, so lines stack at the font's line height. */
double
text_height(PangoLayout *pl)
{
	int w, h;

	pango_layout_get_size(pl, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* Logical, so trailing spaces and side bearings count. */
double
text_width(PangoLayout *pl)
{
	int w, h;

	pango_layout_get_size(pl, &w, &h);
	return (double)w / PANGO_SCALE;
}

/* Pango's baseline is in its units, from the layout's top. */
double
text_baseline(PangoLayout *pl)
{
	return (double)pango_layout_get_baseline(pl) / PANGO_SCALE;
}

/* Shrinks in half points (attributes scale with it); past PDF_MIN_FONT
 * the text is cut rather than spill over its neighbours. */
double
text_fit(PangoLayout *pl, double size, double width, double height)
{
	pango_layout_set_width(pl, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	while (text_height(pl) > height && size > PDF_MIN_FONT) {
		size = fmax(PDF_MIN_FONT, size - 0.5);
		text_resize(pl, size);
	}
	if (text_height(pl) > height) {
		pango_layout_set_height(pl, (int)(height * PANGO_SCALE));
		pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_END);
	}
	return text_height(pl);
}

/* Saves and restores cairo's state, so the grey does not leak into the
 * next drawing. */
void
text_show(struct draw *d, PangoLayout *pl, double x, double y, double g)
{
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, g, g, g);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, pl);
	cairo_restore(d->cr);
}

PangoLayout *
text_centred(struct draw *d, const char *text, const char *family,
    double size, int bold, double width, double lines)
{
	PangoLayout *pl;

	pl = text_new(d, family, size, bold);
	text_set(pl, text);
	pango_layout_set_alignment(pl, PANGO_ALIGN_CENTER);
	text_fit(pl, size, width, size * PDF_LINE * lines);
	return pl;
}

double
text_show_free(struct draw *d, PangoLayout *pl, double x, double y,
    double g)
{
	text_show(d, pl, x, y, g);
	y += text_height(pl);
	g_object_unref(pl);
	return y;
}

/* Saves and restores cairo's state, like text_show. */
void
draw_rule(struct draw *d, double x, double y, double width)
{
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, x, y);
	cairo_line_to(d->cr, x + width, y);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
}

/* The half blank line is an empty line whose newline is set at half
 * size; blank lines already in the text are left as they are. */
void
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

/* Merges each row's dark runs into one rectangle, so viewers show no
 * seams between modules. */
int
draw_qr(struct draw *d, const char *text, double x0, double y0,
    double size)
{
	QRcode *qr;
	double m;
	int x, y, run;

	if (text == NULL || *text == '\0')
		return 0;
	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) ==
	    NULL)
		return -1;
	m = size / qr->width;
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
			cairo_rectangle(d->cr, x0 + x * m, y0 + y * m,
			    run * m, m);
		}
	}
	cairo_fill(d->cr);
	cairo_restore(d->cr);
	QRcode_free(qr);
	return 0;
}
