/*
 * The printed credential envelope, drawn with cairo + pango (DejaVu
 * fonts) into a one-page PDF in memory.  The page is a DL envelope insert
 * whose geometry comes from a layout file (print/envelope-dl.ini): the
 * address block sits where the envelope's window is; the one-time
 * password sits on the inner part, away from the window.  A QR code
 * (libqrencode) holds the serial and a check value, never the password.
 *
 * The caller owns every string, translates the labels and instructions
 * into the citizen's language, and wipes the password and the returned
 * PDF bytes after submitting them.
 */
#ifndef GUICHET_ENVELOPE_PDF_H
#define GUICHET_ENVELOPE_PDF_H

#include <stddef.h>

#include "guichet/person.h"

/* Where things go on the page, in points (1/72 inch), from the top left. */
struct envelope_layout {
	double page_width, page_height;		/* DL: 624 x 312 */
	double window_x, window_y;		/* the address window */
	double window_width, window_height;
	double secret_x, secret_y;		/* username and password box */
	double stamp_x, stamp_y, stamp_size;	/* the stamp area (square) */
	double qr_x, qr_y, qr_size;
	double margin;
	double font_size;			/* body text, points */
};

struct envelope_doc {
	const char *town;		/* the town hall, printed as sender */
	const char *serial;		/* "ENV-2026-000123" */
	const char *recipient;		/* "Ștefan Țărână" */
	const struct address *address;
	const char *username;
	const char *password;		/* clear; never kept by this module */
	const char *qr_text;		/* serial and check value */
	/* Already translated into the citizen's language: */
	const char *label_serial;	/* "Envelope no." */
	const char *label_username;	/* "Username" */
	const char *label_password;	/* "One-time password" */
	const char *label_stamp;	/* "Stamp" */
	const char *instructions;	/* a paragraph or two */
};

/* Fills layout with the built-in DL geometry. */
void envelope_layout_default(struct envelope_layout *layout);

/* Reads a layout file (INI, section [envelope], keys as the struct's
 * fields, values in points or with an "mm" suffix) over what layout
 * holds, usually the defaults.  Returns G_OK, or G_ERR_CONFIG with *cause
 * ("file:line: message", or "file: message" when a box does not fit on
 * the page; caller frees) and layout unchanged. */
int envelope_layout_load(const char *path, struct envelope_layout *layout,
    char **cause);

/* Draws doc into a new one-page PDF; NULL strings print as empty, a NULL
 * or empty qr_text leaves the QR code out.  Returns G_OK with *pdf
 * (caller wipes and frees) and *len, or G_ERR_IO with *reason (static,
 * N_()) when cairo fails or qr_text is too long for a QR code. */
int envelope_pdf(const struct envelope_doc *doc,
    const struct envelope_layout *layout, unsigned char **pdf, size_t *len,
    const char **reason);

#endif
