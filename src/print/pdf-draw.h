/*
 * What the printed documents (the credential envelope, the request
 * receipt, the demo's council decisions) share: a one-page PDF drawn
 * with cairo + pango into memory, plain-text layouts in the DejaVu fonts
 * that wrap, shrink to fit their box or centre, rules, and QR codes
 * (libqrencode).  Sizes and positions are in
 * points from the top left of the page.  Nothing outside src/print/
 * includes this.
 */
#ifndef GUICHET_PDF_DRAW_H
#define GUICHET_PDF_DRAW_H

#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#define PDF_SANS	"DejaVu Sans"
#define PDF_MONO	"DejaVu Sans Mono"
#define PDF_MIN_FONT	6.0		/* smallest size text shrinks to */
#define PDF_LINE	1.25		/* a line's height, in font sizes */

/* The page being drawn: what every helper below draws with. */
struct draw {
	cairo_t *cr;
	PangoContext *ctx;		/* 72 dpi: font sizes are points */
};

/* Draws a document's page; returns NULL, or a static N_() reason when
 * the page cannot be drawn (the PDF is then dropped). */
typedef const char *pdf_paint_fn(struct draw *d, const void *arg);

/* A document's page size, its title for the PDF's metadata (NULL for
 * none), and what to tell the user (static, N_()) when cairo fails. */
struct pdf_page {
	double width, height;
	const char *title;
	const char *not_made;		/* the page could not be made */
	const char *not_drawn;		/* cairo failed while drawing */
	const char *not_written;	/* the PDF could not be finished */
	const char *created;		/* the PDF's creation date, as in
					 * "2026-11-25T10:00:00Z"; NULL for
					 * now */
};

/* Makes a one-page PDF in memory the size of page and draws it with
 * paint(d, arg).  Returns G_OK with *pdf (caller wipes and frees) and
 * *len, or G_ERR_IO with *reason from paint or page; every block the PDF
 * passed through, and a partial PDF, is wiped before it is freed. */
int pdf_render(const struct pdf_page *page, pdf_paint_fn *paint,
    const void *arg, unsigned char **pdf, size_t *len, const char **reason);

/* Returns a new layout (caller unrefs) in family at size points, bold or
 * not; text set on it is plain, never markup. */
PangoLayout *text_new(struct draw *d, const char *family, double size,
    int bold);

/* Sets s (NULL prints as empty) as pl's text; bytes that are not UTF-8
 * become U+FFFD, and the repaired copy is wiped. */
void text_set(PangoLayout *pl, const char *s);

/* Changes the size of pl's font, keeping its family and weight. */
void text_resize(PangoLayout *pl, double size);

/* Returns pl's logical height in points. */
double text_height(PangoLayout *pl);

/* Returns pl's logical width in points. */
double text_width(PangoLayout *pl);

/* Returns the distance from pl's top to its first line's baseline, in
 * points, for lining up text of different sizes. */
double text_baseline(PangoLayout *pl);

/* Wraps pl to width and shrinks it from size down to PDF_MIN_FONT until
 * it is no taller than height, then cuts it with an ellipsis; returns
 * the height it takes. */
double text_fit(PangoLayout *pl, double size, double width, double height);

/* Draws pl with its top left at x, y in grey level g (0 is black). */
void text_show(struct draw *d, PangoLayout *pl, double x, double y,
    double g);

/* Puts half a blank line between the paragraphs (lines) of pl's text,
 * scaling with the text when text_fit shrinks it; replaces pl's
 * attributes. */
void text_paragraphs(PangoLayout *pl);

/* Returns text (caller unrefs) centred over width in at most lines
 * lines of size, shrinking before it is cut. */
PangoLayout *text_centred(struct draw *d, const char *text,
    const char *family, double size, int bold, double width, double lines);

/* Draws pl with its top left at x, y in grey level g, and unrefs it;
 * returns the y under it. */
double text_show_free(struct draw *d, PangoLayout *pl, double x, double y,
    double g);

/* Draws a thin grey rule width long from x at y. */
void draw_rule(struct draw *d, double x, double y, double width);

/* Draws text as a QR code (level M) filling the square of side size at
 * x, y; the caller keeps the quiet zone around it blank.  A NULL or
 * empty text draws nothing.  Returns 0, or -1 when text is too long for
 * a QR code. */
int draw_qr(struct draw *d, const char *text, double x, double y,
    double size);

#endif
