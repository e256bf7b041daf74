/*
 * Validating identity in person: the clerk holds the original document,
 * types what it says, confirms, and the account moves to Level B.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc-form.h"
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

struct validate {
	struct person person;
	struct doc_form doc;
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

	tui->state = s;
	if (service_person_get(tui->svc, tui->person_id, &s->person) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	doc_form_init(&s->doc, tui->conf->country, true);
}

static void
validate_leave(struct tui *tui)
{
	struct validate *s = tui->state;

	doc_form_free(&s->doc);
	free(s);
	tui->state = NULL;
}

static void
validate_draw(struct tui *tui)
{
	struct validate *s = tui->state;
	WINDOW *w = tui->body;
	int cols = getmaxx(w);
	enum iddoc_type type = doc_form_type(&s->doc);
	struct form_widget *form = s->doc.form;

	view_person_header(w, 0, cols, &s->person);
	draw_text(w, 1, 2, cols - 4, _("Validate identity in person: check "
	    "the original document, then type what it says."));
	form_widget_draw(form, w, 3, 2, form_widget_label_width(form));
	tui_overlay(tui, form_widget_window(form));
	draw_wrapped(w, 4 + DOC_FIELDS, 2, 3, cols - 4,
	    iddoc_shows_address(type) ? _("Address proof: only when the "
	    "address differs from the document's.") :
	    _(iddoc_check_address_proof(type, "")));
	form_widget_cursor(form);
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

/* Reads the form and asks for confirmation, spelling out the document. */
static void
validate_submit(struct tui *tui, struct validate *s)
{
	struct validation *v = &s->v;
	const char *reason;

	memset(v, 0, sizeof *v);
	v->method = VALIDATION_COUNTER;
	/* Checked here before asking to confirm; the service checks again. */
	if ((reason = doc_form_read(&s->doc, &v->doc, v->address_proof,
	    sizeof v->address_proof)) != NULL) {
		tui_message(tui, MSG_ERROR, "%s", _(reason));
		return;
	}
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

	if (key_is_enter(key)) {
		validate_submit(tui, s);
		return KEY_HANDLED;
	}
	if (key_is_escape(key)) {
		tui_switch(tui, &screen_card);
		return KEY_HANDLED;
	}
	return form_widget_key(s->doc.form, key);
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
