/*
 * Council decisions are numbered per year: "123/2026" is the council's
 * 123rd decision of 2026, the number people quote.  Their text is a PDF.
 * Pure.
 */
#ifndef GUICHET_DECISION_H
#define GUICHET_DECISION_H

#include <stdbool.h>
#include <stddef.h>

#define DECISION_NUMBER_MAX 99999
#define DECISION_NUMBER_LEN 16		/* "99999/9999" and its NUL */

/* Parses "N/YYYY" (N from 1 to DECISION_NUMBER_MAX, a four-digit year)
 * into *number and *year; with any_year, "N" alone is accepted too, with
 * *year 0.  Returns false, touching nothing, on anything else. */
bool decision_number_parse(const char *text, bool any_year, int *number,
    int *year);

/* Writes "N/YYYY" into out (DECISION_NUMBER_LEN bytes suffice). */
void decision_number_format(int number, int year, char *out, size_t len);

/* Returns true when data (len bytes) begins as every PDF file does,
 * with "%PDF-". */
bool decision_is_pdf(const void *data, size_t len);

#endif
