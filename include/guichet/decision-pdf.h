/*
 * A council decision's text as a one-page A4 PDF drawn with cairo + pango
 * (DejaVu fonts) into memory: the town and its council at the top, the
 * decision's heading and date, its title, the body's paragraphs and the
 * signatures at the foot.  The demo uses it to give its decisions a real
 * PDF; real decisions are scanned or exported by the council's office.
 *
 * The caller owns every string, already in the decision's language;
 * long texts wrap and shrink, and are cut with an ellipsis rather than
 * run off the page.
 */
#ifndef GUICHET_DECISION_PDF_H
#define GUICHET_DECISION_PDF_H

#include <stddef.h>

struct decision_doc {
	const char *town;	/* "Primăria Cluj-Napoca" */
	const char *council;	/* "Consiliul Local" */
	const char *heading;	/* "Hotărârea nr. 12/2026" */
	const char *date;	/* "din 25.11.2026" */
	const char *title;	/* what the decision is about */
	const char *body;	/* paragraphs, one a line */
	const char *signature;	/* lines at the foot: who signs */
	const char *created;	/* the PDF's creation date, as in
				 * "2026-11-25T10:00:00Z"; NULL for now */
};

/* Draws doc into a new one-page PDF (A4 portrait, 595 x 842 points)
 * titled doc->heading; NULL strings print as empty.  Returns G_OK with
 * *pdf (caller frees) and *len, or G_ERR_IO with *reason (static, N_())
 * when cairo fails. */
int decision_pdf(const struct decision_doc *doc, unsigned char **pdf,
    size_t *len, const char **reason);

#endif
