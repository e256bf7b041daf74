/*
 * The identity-document form the counter uses wherever a document is
 * checked (validation, envelope hand-over): kind, series, number, issuer,
 * expiry, and optionally what proved the address.
 */
#ifndef GUICHET_TUI_DOC_FORM_H
#define GUICHET_TUI_DOC_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "form.h"
#include "guichet/calendar.h"
#include "guichet/iddoc.h"

enum { DOC_TYPE, DOC_SERIES, DOC_NUMBER, DOC_ISSUER, DOC_EXPIRY,
	DOC_ADDRESS_PROOF, DOC_FIELDS };

struct doc_form {
	const enum iddoc_type *types;	/* the country's document kinds */
	const char *labels[IDDOC_TYPE_COUNT + 1];
	struct form_field_spec specs[DOC_FIELDS];
	struct form_widget *form;
	int fields;			/* with or without the address proof */
};

/* Builds the form for country; with_address adds the address proof. */
void doc_form_init(struct doc_form *f, enum country country,
    bool with_address);

/* Releases the form. */
void doc_form_free(struct doc_form *f);

/* Returns the kind of document chosen. */
enum iddoc_type doc_form_type(struct doc_form *f);

/* Reads and checks the document (and the address proof into proof, when
 * the form has it).  Returns NULL, or the reason (N_()) after moving the
 * cursor to the field it is about. */
const char *doc_form_read(struct doc_form *f, struct iddoc *doc,
    char *proof, size_t proof_len);

#endif
