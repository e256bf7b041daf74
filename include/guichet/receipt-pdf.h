/*
 * The printed receipt for a filed request, drawn with cairo + pango
 * (DejaVu fonts) into a one-page A6 PDF in memory: the town hall, the
 * request's number, type, protocol number and filing date, a QR code
 * (libqrencode) with the check code printed under it, and a note for the
 * citizen at the bottom.  A request filed while the registry was offline
 * has an emergency number ("Emergency number", "E-2026-000007") in the
 * protocol line instead.
 *
 * The caller owns every string and translates the labels and the note
 * into the citizen's language; long values wrap and shrink, and are cut
 * with an ellipsis rather than run off the page.
 */
#ifndef GUICHET_RECEIPT_PDF_H
#define GUICHET_RECEIPT_PDF_H

#include <stddef.h>

#define RECEIPT_LINES_MAX 12

/* A further line of the table: what a payment paid, say. */
struct receipt_line {
	const char *label, *value;
};

struct receipt_doc {
	const char *town;		/* the town hall, heading */
	const char *title;		/* "Receipt", already translated */
	const char *request_label;	/* "Request" */
	const char *request_id;		/* "123" */
	const char *type_label;		/* "Type" */
	const char *type;		/* "Complaint" (translated label) */
	const char *protocol_label;	/* "Protocol number" */
	const char *protocol;		/* "2026/000123" or "" */
	const char *date_label;		/* "Filed" */
	const char *date;		/* "2026-11-25 14:03" */
	const char *check_label;	/* "Check code" */
	const char *check;		/* "3F9A-11C2-77D0-0B4E" */
	const char *qr_text;		/* what the QR code holds */
	const char *note;		/* a paragraph: keep this receipt... */
	const struct receipt_line *lines;	/* after the date; at most */
	size_t nlines;				/* RECEIPT_LINES_MAX drawn */
};

/* Draws doc into a new one-page PDF (A6 portrait, 298 x 420 points);
 * NULL strings print as empty, and a line of the table whose value is
 * empty is left out.  Returns G_OK with *pdf (caller frees) and *len, or
 * G_ERR_IO with *reason (static, N_()) when cairo fails or qr_text is
 * too long for a QR code. */
int receipt_pdf(const struct receipt_doc *doc, unsigned char **pdf,
    size_t *len, const char **reason);

#endif
