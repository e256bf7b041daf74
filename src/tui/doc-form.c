#include "config.h"

#include "doc-form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/i18n.h"

static const enum iddoc_type ro_types[] = { IDDOC_RO_ID_CARD, IDDOC_RO_ECARD,
	IDDOC_PASSPORT, IDDOC_RESIDENCE_PERMIT, (enum iddoc_type)-1 };
static const enum iddoc_type gr_types[] = { IDDOC_GR_ID_CARD, IDDOC_PASSPORT,
	IDDOC_RESIDENCE_PERMIT, (enum iddoc_type)-1 };

static const struct form_field_spec specs[DOC_FIELDS] = {
	[DOC_SERIES] = { N_("Series"), 4, 4, false, NULL },
	[DOC_NUMBER] = { N_("Number"), 12, 12, false, NULL },
	[DOC_ISSUER] = { N_("Issued by"), 34, 90, false, NULL },
	[DOC_EXPIRY] = { N_("Valid until"), 12, 10, false, NULL },
	[DOC_ADDRESS_PROOF] = { N_("Address proof"), 34, 120, false, NULL },
};

void
doc_form_init(struct doc_form *f, enum country country, bool with_address)
{
	int i;

	memset(f, 0, sizeof *f);
	f->types = country == COUNTRY_GR ? gr_types : ro_types;
	for (i = 0; (int)f->types[i] >= 0; i++)
		f->labels[i] = iddoc_type_label(f->types[i]);
	memcpy(f->specs, specs, sizeof specs);
	f->specs[DOC_TYPE] = (struct form_field_spec){ N_("Document"), 34, 40,
	    false, f->labels };
	f->fields = with_address ? DOC_FIELDS : DOC_ADDRESS_PROOF;
	f->form = form_widget_new(f->specs, f->fields);
}

void
doc_form_free(struct doc_form *f)
{
	form_widget_free(f->form);
	f->form = NULL;
}

enum iddoc_type
doc_form_type(struct doc_form *f)
{
	return f->types[form_widget_choice(f->form, DOC_TYPE)];
}

/* Copies field i into dst. */
static void
field_copy(struct doc_form *f, int i, char *dst, size_t len)
{
	char *value = form_widget_value(f->form, i);

	snprintf(dst, len, "%s", value);
	free(value);
}

/* Returns the field a document problem is about: its reason starts with
 * the field's name. */
static int
field_of(const char *reason)
{
	static const struct {
		const char *prefix;
		int field;
	} map[] = {
		{ "Series", DOC_SERIES }, { "Number", DOC_NUMBER },
		{ "Document number", DOC_NUMBER }, { "Issuer", DOC_ISSUER },
		{ "Issued", DOC_ISSUER }, { "Expiry", DOC_EXPIRY },
		{ "Valid", DOC_EXPIRY }, { "Address proof", DOC_ADDRESS_PROOF },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strncmp(reason, map[i].prefix, strlen(map[i].prefix)) == 0)
			return map[i].field;
	return DOC_TYPE;
}

const char *
doc_form_read(struct doc_form *f, struct iddoc *doc, char *proof,
    size_t proof_len)
{
	const char *reason = NULL;
	char expiry[16];

	memset(doc, 0, sizeof *doc);
	doc->type = doc_form_type(f);
	field_copy(f, DOC_SERIES, doc->series, sizeof doc->series);
	field_copy(f, DOC_NUMBER, doc->number, sizeof doc->number);
	field_copy(f, DOC_ISSUER, doc->issuer, sizeof doc->issuer);
	field_copy(f, DOC_EXPIRY, expiry, sizeof expiry);
	if (proof != NULL && f->fields == DOC_FIELDS)
		field_copy(f, DOC_ADDRESS_PROOF, proof, proof_len);
	if (!date_parse_any(expiry, &doc->expiry))
		reason = N_("Valid until: write the expiry date as 31.12.2030.");
	else if ((reason = iddoc_check(doc, clock_today())) == NULL &&
	    proof != NULL && f->fields == DOC_FIELDS)
		reason = iddoc_check_address_proof(doc->type, proof);
	if (reason != NULL)
		form_widget_focus(f->form, field_of(reason));
	return reason;
}
