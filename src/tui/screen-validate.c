/*
 * Validating identity in person: the clerk holds the original document,
 * types what it says, confirms, and the account moves to Level B.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/iddoc.h"
#include "guichet/service-person.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"
#include "view-person.h"

enum { F_TYPE, F_SERIES, F_NUMBER, F_ISSUER, F_EXPIRY, F_ADDRESS_PROOF,
	N_FIELDS };

static const enum iddoc_type ro_types[] = { IDDOC_RO_ID_CARD, IDDOC_RO_ECARD,
	IDDOC_PASSPORT, IDDOC_RESIDENCE_PERMIT };
static const enum iddoc_type gr_types[] = { IDDOC_GR_ID_CARD, IDDOC_PASSPORT,
	IDDOC_RESIDENCE_PERMIT };

struct validate {
	struct person person;
	const enum iddoc_type *types;
	const char *type_labels[IDDOC_TYPE_COUNT + 1];
	struct form_field_spec specs[N_FIELDS];
	struct form_widget *form;
	struct validation v;
};

static const struct key_hint hints[] = {
	{ "Tab/↑↓", N_("Field") },
	{ "←→", N_("Document") },
	{ "Enter", N_("Validate") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static void
validate_enter(struct tui *tui)
{
	struct validate *s = xcalloc(1, sizeof *s);
	size_t i, n;

	tui->state = s;
	if (service_person_get(tui->svc, tui->person_id, &s->person) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	if (tui->conf->country == COUNTRY_GR) {
		s->types = gr_types;
		n = sizeof gr_types / sizeof gr_types[0];
	} else {
		s->types = ro_types;
		n = sizeof ro_types / sizeof ro_types[0];
	}
	for (i = 0; i < n; i++)
		s->type_labels[i] = iddoc_type_label(s->types[i]);
	s->specs[F_TYPE] = (struct form_field_spec){ N_("Document"), 34, 40,
	    false, s->type_labels };
	s->specs[F_SERIES] = (struct form_field_spec){ N_("Series"), 4, 4,
	    false, NULL };
	s->specs[F_NUMBER] = (struct form_field_spec){ N_("Number"), 12, 12,
	    false, NULL };
	s->specs[F_ISSUER] = (struct form_field_spec){ N_("Issued by"), 34,
	    90, false, NULL };
	s->specs[F_EXPIRY] = (struct form_field_spec){ N_("Valid until"), 12,
	    10, false, NULL };
	s->specs[F_ADDRESS_PROOF] = (struct form_field_spec){
	    N_("Address proof"), 34, 120, false, NULL };
	s->form = form_widget_new(s->specs, N_FIELDS);
}

static void
validate_leave(struct tui *tui)
{
	struct validate *s = tui->state;

	form_widget_free(s->form);
	free(s);
	tui->state = NULL;
}

static void
validate_draw(struct tui *tui)
{
	struct validate *s = tui->state;
	WINDOW *w = tui->body;
	int cols = getmaxx(w);
	enum iddoc_type type = s->types[form_widget_choice(s->form, F_TYPE)];

	view_person_header(w, 0, cols, &s->person);
	draw_text(w, 1, 2, cols - 4, _("Validate identity in person: check "
	    "the original document, then type what it says."));
	form_widget_draw(s->form, w, 3, 2, form_widget_label_width(s->form));
	tui_overlay(tui, form_widget_window(s->form));
	draw_wrapped(w, 4 + N_FIELDS, 2, 3, cols - 4,
	    iddoc_shows_address(type) ? _("Address proof: only when the "
	    "address differs from the document's.") :
	    _(iddoc_check_address_proof(type, "")));
	form_widget_cursor(s->form);
}

/* Records the validation once the clerk confirmed it. */
static void
validate_confirmed(struct tui *tui)
{
	struct validate *s = tui->state;

	if (service_person_validate(tui->svc, tui->person_id, &s->v) ==
	    G_OK) {
		tui_message(tui, MSG_INFO, "%s", service_message(tui->svc));
		tui_switch(tui, &screen_card);
	} else
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
}

/* Copies a field's value into dst. */
static void
field_copy(struct validate *s, int i, char *dst, size_t len)
{
	char *value = form_widget_value(s->form, i);

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
		{ "Series", F_SERIES }, { "Number", F_NUMBER },
		{ "Document number", F_NUMBER }, { "Issuer", F_ISSUER },
		{ "Issued", F_ISSUER }, { "Expiry", F_EXPIRY },
		{ "Valid", F_EXPIRY }, { "Address proof", F_ADDRESS_PROOF },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strncmp(reason, map[i].prefix, strlen(map[i].prefix)) == 0)
			return map[i].field;
	return F_TYPE;
}

/* Reads the form and asks for confirmation, spelling out the document. */
static void
validate_submit(struct tui *tui, struct validate *s)
{
	struct validation *v = &s->v;
	const char *reason;
	struct iddoc doc;
	char expiry[16];

	memset(v, 0, sizeof *v);
	v->method = VALIDATION_COUNTER;
	v->doc.type = s->types[form_widget_choice(s->form, F_TYPE)];
	field_copy(s, F_SERIES, v->doc.series, sizeof v->doc.series);
	field_copy(s, F_NUMBER, v->doc.number, sizeof v->doc.number);
	field_copy(s, F_ISSUER, v->doc.issuer, sizeof v->doc.issuer);
	field_copy(s, F_ADDRESS_PROOF, v->address_proof,
	    sizeof v->address_proof);
	field_copy(s, F_EXPIRY, expiry, sizeof expiry);
	if (!date_parse_any(expiry, &v->doc.expiry)) {
		form_widget_focus(s->form, F_EXPIRY);
		tui_message(tui, MSG_ERROR, "%s", _("Valid until: write the "
		    "expiry date as 31.12.2030."));
		return;
	}
	/* Check the document before asking to confirm it; the service
	 * checks it again. */
	doc = v->doc;
	if ((reason = iddoc_check(&doc, clock_today())) != NULL ||
	    (reason = iddoc_check_address_proof(doc.type,
	    v->address_proof)) != NULL) {
		form_widget_focus(s->form, field_of(reason));
		tui_message(tui, MSG_ERROR, "%s", _(reason));
		return;
	}
	v->doc = doc;
	tui_confirm(tui, validate_confirmed, _("Validate %s %s with %s %s %s? "
	    "The account moves to Level B: fiscal data, certificates and "
	    "payments become available to this person."),
	    s->person.given_names, s->person.surname,
	    _(iddoc_type_label(v->doc.type)), v->doc.series, v->doc.number);
}

static int
validate_key(struct tui *tui, struct key key)
{
	struct validate *s = tui->state;

	if ((!key.is_code && (key.code == L'\n' || key.code == L'\r')) ||
	    (key.is_code && key.code == KEY_ENTER)) {
		validate_submit(tui, s);
		return KEY_HANDLED;
	}
	if (!key.is_code && key.code == 27) {
		tui_switch(tui, &screen_card);
		return KEY_HANDLED;
	}
	return form_widget_key(s->form, key);
}

const struct screen screen_validate = {
	.name = "validate",
	.title = N_("Validate identity"),
	.help = N_("Ask for the original identity document. Choose its kind "
	    "with the left and right arrows, then type its series, number, "
	    "issuing authority and expiry date as printed. An expired "
	    "document is refused. The new Romanian electronic identity card "
	    "shows no address: name the other document that proved it. Enter "
	    "asks you to confirm; after Y the account is validated (Level B). "
	    "Esc goes back to the card without changing anything."),
	.hints = hints,
	.enter = validate_enter,
	.draw = validate_draw,
	.key = validate_key,
	.leave = validate_leave,
};
