/*
 * The request receipt: an A6 page drawn top to bottom with the helpers
 * in pdf-draw.c, the note anchored to the bottom margin.
 */
#include "config.h"

#include "guichet/receipt-pdf.h"

#include <math.h>
#include <stdlib.h>

#include "guichet/i18n-mark.h"
#include "guichet/xmalloc.h"

#include "pdf-draw.h"

#define PAGE_WIDTH	298.0		/* A6 portrait, points */
#define PAGE_HEIGHT	420.0
#define MARGIN		20.0
#define WIDTH		(PAGE_WIDTH - 2 * MARGIN)
#define GAP		10.0		/* space between blocks */
#define TOWN_FONT	12.0
#define TITLE_FONT	15.0
#define LABEL_FONT	8.5
#define VALUE_FONT	10.5
#define LABEL_SHARE	0.42		/* of WIDTH, at most, for the labels */
#define CHECK_FONT	10.0
#define NOTE_FONT	8.5
#define QR_SIZE		100.0
#define QR_GAP		8.0		/* under the QR code */
#define LABEL_GREY	0.35

/* One line of the table. */
struct row {
	const char *label, *value;
	int bold;
};

/* Returns whether the table shows r: only when it has a value. */
static int
row_shown(const struct row *r)
{
	return r->value != NULL && *r->value != '\0';
}

/* Returns the label as the table shows it, "Type:" (caller frees). */
static char *
row_label(const struct row *r)
{
	return xasprintf("%s%s", r->label != NULL ? r->label : "",
	    r->label != NULL && *r->label != '\0' ? ":" : "");
}

/* Returns how wide the label column must be for the widest label shown,
 * up to LABEL_SHARE of the page; longer labels wrap. */
static double
label_column(struct draw *d, const struct row *rows, size_t n)
{
	PangoLayout *pl;
	double w = 0;
	char *label;
	size_t i;

	pl = text_new(d, PDF_SANS, LABEL_FONT, 0);
	for (i = 0; i < n; i++) {
		if (!row_shown(&rows[i]))
			continue;
		label = row_label(&rows[i]);
		text_set(pl, label);
		w = fmax(w, text_width(pl));
		free(label);
	}
	g_object_unref(pl);
	return fmin(ceil(w), WIDTH * LABEL_SHARE);
}

/* Draws the rows shown, labels in grey on the left lined up on their
 * value's first baseline; returns the y under them. */
static double
draw_table(struct draw *d, const struct row *rows, size_t n, double y)
{
	double lw = label_column(d, rows, n), vx, vw, lh, vh, shift;
	PangoLayout *label, *value;
	char *text;
	size_t i;

	vx = MARGIN + (lw > 0 ? lw + GAP : 0);
	vw = PAGE_WIDTH - MARGIN - vx;
	for (i = 0; i < n; i++) {
		if (!row_shown(&rows[i]))
			continue;
		value = text_new(d, PDF_SANS, VALUE_FONT, rows[i].bold);
		text_set(value, rows[i].value);
		vh = text_fit(value, VALUE_FONT, vw, VALUE_FONT * PDF_LINE * 3);
		label = text_new(d, PDF_SANS, LABEL_FONT, 0);
		text = row_label(&rows[i]);
		text_set(label, text);
		free(text);
		lh = text_fit(label, LABEL_FONT, lw, LABEL_FONT * PDF_LINE * 2);
		shift = fmax(0, text_baseline(value) - text_baseline(label));
		text_show(d, label, MARGIN, y + shift, LABEL_GREY);
		text_show(d, value, vx, y, 0);
		y += fmax(vh, lh + shift) + 4;
		g_object_unref(label);
		g_object_unref(value);
	}
	return y;
}

/* Returns the note (caller unrefs) fitted into height, or NULL when
 * there is none or no room for a line of it. */
static PangoLayout *
note_new(struct draw *d, const char *text, double height)
{
	PangoLayout *pl;

	if (text == NULL || *text == '\0' || height < PDF_MIN_FONT * PDF_LINE)
		return NULL;
	pl = text_new(d, PDF_SANS, NOTE_FONT, 0);
	text_set(pl, text);
	text_paragraphs(pl);
	text_fit(pl, NOTE_FONT, WIDTH, height);
	return pl;
}

/* Draws the receipt: heading and table from the top, the note as a
 * footer on the bottom margin under a rule, and the QR code with the
 * check code centred in the room between.  Every block's height is
 * bounded, so the note gets what is left and nothing leaves the page. */
static const char *
receipt_paint(struct draw *d, const void *arg)
{
	const struct receipt_doc *doc = arg;
	struct row rows[4 + RECEIPT_LINES_MAX] = {
		{ doc->request_label, doc->request_id, 0 },
		{ doc->type_label, doc->type, 0 },
		{ doc->protocol_label, doc->protocol, 1 },
		{ doc->date_label, doc->date, 0 },
	};
	size_t i, n = 4;
	PangoLayout *label = NULL, *check = NULL, *note;
	double y, block = 0, bottom = PAGE_HEIGHT - MARGIN;
	int qr = doc->qr_text != NULL && *doc->qr_text != '\0';

	y = text_show_free(d, text_centred(d, doc->town, PDF_SANS, TOWN_FONT,
	    1, WIDTH, 2), MARGIN, MARGIN, 0);
	y = text_show_free(d, text_centred(d, doc->title, PDF_SANS,
	    TITLE_FONT, 0, WIDTH, 1), MARGIN, y + 4, 0);
	draw_rule(d, MARGIN, y + GAP / 2, WIDTH);
	for (i = 0; i < doc->nlines && i < RECEIPT_LINES_MAX; i++)
		rows[n++] = (struct row){ doc->lines[i].label,
		    doc->lines[i].value, 0 };
	y = draw_table(d, rows, n, y + GAP);

	if (qr)
		block = QR_SIZE + QR_GAP;
	if (doc->check != NULL && *doc->check != '\0') {
		label = text_centred(d, doc->check_label, PDF_SANS,
		    LABEL_FONT, 0, WIDTH, 1);
		check = text_centred(d, doc->check, PDF_MONO, CHECK_FONT, 1,
		    WIDTH, 2);
		block += text_height(label) + 1 + text_height(check);
	}
	if ((note = note_new(d, doc->note, bottom - y - block - 2 * GAP)) !=
	    NULL) {
		bottom -= text_height(note);
		text_show(d, note, MARGIN, bottom, 0.15);
		draw_rule(d, MARGIN, bottom - GAP / 2, WIDTH);
		g_object_unref(note);
	}

	y += fmax(GAP, (bottom - y - block) / 2);
	if (check != NULL)
		text_show_free(d, check, MARGIN, text_show_free(d, label,
		    MARGIN, y + (qr ? QR_SIZE + QR_GAP : 0), LABEL_GREY) + 1,
		    0);
	if (qr && draw_qr(d, doc->qr_text, (PAGE_WIDTH - QR_SIZE) / 2, y,
	    QR_SIZE) == -1)
		return N_("the receipt's QR code could not be made");
	return NULL;
}

/* Names the PDF after the title, as the print queue shows it. */
int
receipt_pdf(const struct receipt_doc *doc, unsigned char **pdf, size_t *len,
    const char **reason)
{
	const struct pdf_page page = {
		PAGE_WIDTH, PAGE_HEIGHT, doc->title,
		N_("the receipt page could not be made"),
		N_("the receipt could not be drawn"),
		N_("the receipt PDF could not be written"), NULL,
	};

	return pdf_render(&page, receipt_paint, doc, pdf, len, reason);
}
