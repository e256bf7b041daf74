/*
 * Council decisions: supervisors import them (number, title, date of
 * adoption and the PDF, kept in the store); anyone - a visitor at the
 * kiosk, a citizen, a clerk - searches them by number, by words of the
 * title (accents and case ignored) and by date, reads one and prints its
 * PDF through CUPS.  Staff may also save the PDF to a file.  Decisions
 * hold no personal data, so reading them is not audited; importing,
 * printing and saving are.
 */
#ifndef GUICHET_SERVICE_DECISION_H
#define GUICHET_SERVICE_DECISION_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "guichet/decision.h"

#define DECISION_TITLE_CHARS 400		/* characters in a title */
#define DECISION_PDF_MAX (20 * 1024 * 1024)	/* bytes in its PDF */

struct service;

struct decision {
	int64_t id;
	int number, year;			/* "number/year" */
	char title[DECISION_TITLE_CHARS * 4 + 1];
	char adopted_on[11];			/* YYYY-MM-DD */
	int64_t pdf_size;			/* bytes */
	char pdf_sha256[65];
	char imported_at[32];
	char imported_by[160];
};

/* What to look for; empty fields leave their criterion out. */
struct decision_query {
	const char *number;	/* "123/2026", or "123" in any year */
	const char *words;	/* every word begins a word of the title */
	const char *from, *to;	/* adopted between these days, inclusive,
				 * as people type them ("25.11.2026") */
	int limit;		/* at most this many, newest first */
};

/* What an import did. */
enum decision_import_result {
	DECISION_ADDED,
	DECISION_UNCHANGED,	/* the same decision with the same file */
	DECISION_REPLACED
};

/* Imports decision number ("N/YYYY", the year the adoption date's) with
 * title, adopted on date (as people type it) and the PDF at path
 * (supervisors).  Importing it again alike is a no-op; with another
 * title, date or file it is refused unless replace is set.  G_OK with
 * *result, *id and the message set; G_ERR_INVALID for a bad field, a file
 * that is not a PDF or over DECISION_PDF_MAX; G_ERR_EXISTS when the
 * decision differs and replace is not set. */
int service_decision_import(struct service *svc, const char *number,
    const char *title, const char *date, const char *path, bool replace,
    enum decision_import_result *result, int64_t *id);

/* Imports decision number like service_decision_import, with the PDF
 * given as the len bytes at pdf (called name in messages: "12-2026.pdf")
 * rather than read from a file: for PDFs made in memory, as the demo's. */
int service_decision_import_pdf(struct service *svc, const char *number,
    const char *title, const char *date, const char *name,
    const void *pdf, size_t len, bool replace,
    enum decision_import_result *result, int64_t *id);

/* Calls fn with each decision matching q, newest first, until it returns
 * non-zero; anyone may search.  G_ERR_INVALID (message set) for a
 * malformed number or date. */
int service_decision_search(struct service *svc,
    const struct decision_query *q,
    int (*fn)(const struct decision *d, void *arg), void *arg);

/* Reads decision id into *out; anyone may. */
int service_decision_get(struct service *svc, int64_t id,
    struct decision *out);

/* Prints the PDF of decision id on printer (NULL: the configured one);
 * anyone may.  G_OK, or G_ERR_IO with the message saying what to do. */
int service_decision_print(struct service *svc, int64_t id,
    const char *printer);

/* Writes the PDF of decision id into a new file at path (staff: the
 * kiosk never writes files); an existing file is never overwritten. */
int service_decision_save(struct service *svc, int64_t id,
    const char *path);

#endif
