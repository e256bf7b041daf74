/*
 * Council decisions in the store, their PDF as a blob beside them.
 */
#ifndef GUICHET_STORE_DECISION_H
#define GUICHET_STORE_DECISION_H

#include <stddef.h>
#include <stdint.h>

#include "guichet/service-decision.h"

struct store;

/* A search, checked and normalised by the service. */
struct decision_filter {
	int number, year;		/* 0: any */
	const char *words;		/* folded (fold_search); "" any */
	const char *from, *to;		/* YYYY-MM-DD, NULL: open */
	int limit;
};

/* Inserts d with title_folded and its PDF (pdf_size and pdf_sha256 set
 * in d), by whom; sets d->id.  G_ERR_EXISTS when its number is taken. */
int store_decision_insert(struct store *st, struct decision *d,
    const char *title_folded, const void *pdf, const char *by);

/* Replaces what decision d->number/d->year holds with d and its PDF;
 * sets d->id.  G_ERR_NOTFOUND when there is none. */
int store_decision_replace(struct store *st, struct decision *d,
    const char *title_folded, const void *pdf, const char *by);

/* Reads decision number/year into *out; G_ERR_NOTFOUND when none. */
int store_decision_find(struct store *st, int number, int year,
    struct decision *out);

/* Reads decision id into *out; G_ERR_NOTFOUND when none. */
int store_decision_get(struct store *st, int64_t id, struct decision *out);

/* Calls fn with each decision matching f, the latest adopted first,
 * until it returns non-zero or f->limit were given. */
int store_decision_search(struct store *st, const struct decision_filter *f,
    int (*fn)(const struct decision *d, void *arg), void *arg);

/* Reads the PDF of decision id into *pdf (caller frees) and *len;
 * G_ERR_NOTFOUND when there is no such decision. */
int store_decision_pdf(struct store *st, int64_t id, unsigned char **pdf,
    size_t *len);

#endif
