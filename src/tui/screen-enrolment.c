/*
 * Validating with a signed enrolment request: the clerk names the file,
 * sees who signed it and with what certificate, and confirms.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/enrolment.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-person.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"
#include "view-person.h"

static const struct form_field_spec fields[] = {
	{ N_("File"), 60, 400, false, NULL },
};

struct signed_request {
	struct person person;
	struct form_widget *form;
	struct enrolment signer;
	bool checked;		/* signer holds a verified signature */
	char path[512];
};

static const struct key_hint hints[] = {
	{ "Enter", N_("Check / Validate") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static void
enrolment_enter(struct tui *tui)
{
	struct signed_request *s = xcalloc(1, sizeof *s);

	tui->state = s;
	s->form = form_widget_new(fields, 1);
	if (service_person_get(tui->svc, tui->person_id, &s->person) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
}

static void
enrolment_leave(struct tui *tui)
{
	struct signed_request *s = tui->state;

	enrolment_clear(&s->signer);
	form_widget_free(s->form);
	free(s);
	tui->state = NULL;
}

static void
enrolment_draw(struct tui *tui)
{
	struct signed_request *s = tui->state;
	const struct enrolment *e = &s->signer;
	WINDOW *w = tui->body;
	int cols = getmaxx(w), y = 6;
	char line[700];

	view_person_header(w, 0, cols, &s->person);
	draw_wrapped(w, 1, 2, 2, cols - 4, _("Type the path of the signed "
	    "request: a .p7m file, or a document with its .p7s beside it."));
	form_widget_draw(s->form, w, 4, 2, form_widget_label_width(s->form));
	tui_overlay(tui, form_widget_window(s->form));
	if (s->checked) {
		wattron(w, A_BOLD);
		draw_text(w, y++, 2, cols - 4, _("Signature valid"));
		wattroff(w, A_BOLD);
		snprintf(line, sizeof line, "%s: %s", _("Signed by"),
		    e->signer_name);
		draw_text(w, y++, 4, cols - 6, line);
		snprintf(line, sizeof line, "%s: %s", _("Serial number"),
		    e->signer_serial[0] ? e->signer_serial : "—");
		draw_text(w, y++, 4, cols - 6, line);
		snprintf(line, sizeof line, "%s: %s", _("Issued by"),
		    e->issuer);
		draw_text(w, y++, 4, cols - 6, line);
		snprintf(line, sizeof line, _("Certificate valid from %s to %s"),
		    e->not_before, e->not_after);
		draw_text(w, y++, 4, cols - 6, line);
		snprintf(line, sizeof line, "%s: %s", _("Signed at"),
		    e->signed_at[0] ? e->signed_at : "—");
		draw_text(w, y++, 4, cols - 6, line);
		draw_text(w, y + 1, 2, cols - 4, _("Press Enter to validate "
		    "the account with this request."));
	}
	form_widget_cursor(s->form);
}

/* Validates once the clerk said yes. */
static void
enrolment_confirmed(struct tui *tui)
{
	struct signed_request *s = tui->state;

	if (service_person_validate_signed(tui->svc, tui->person_id, s->path,
	    NULL) == G_OK) {
		tui_message(tui, MSG_INFO, "%s", service_message(tui->svc));
		tui_switch(tui, &screen_card);
	} else
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
}

/* Checks the file named, or, when it was checked, asks to validate. */
static void
enrolment_submit(struct tui *tui, struct signed_request *s)
{
	char *path = form_widget_value(s->form, 0);

	if (s->checked && strcmp(path, s->path) == 0) {
		tui_confirm(tui, enrolment_confirmed, _("Validate %s %s with "
		    "the request signed by %s? The account moves to Level B."),
		    s->person.given_names, s->person.surname,
		    s->signer.signer_name);
		free(path);
		return;
	}
	enrolment_clear(&s->signer);
	snprintf(s->path, sizeof s->path, "%s", path);
	free(path);
	s->checked = service_enrolment_check(tui->svc, tui->person_id, s->path,
	    &s->signer) == G_OK;
	if (s->checked)
		tui_message(tui, MSG_INFO, "%s", _("The signature is valid. "
		    "Check the signer, then press Enter to validate."));
	else
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
}

static int
enrolment_key(struct tui *tui, struct key key)
{
	struct signed_request *s = tui->state;

	if (key_is_enter(key)) {
		enrolment_submit(tui, s);
		return KEY_HANDLED;
	}
	if (key_is_escape(key)) {
		tui_switch(tui, &screen_card);
		return KEY_HANDLED;
	}
	return form_widget_key(s->form, key);
}

const struct screen screen_enrolment = {
	.name = "enrolment",
	.title = N_("Signed enrolment request"),
	.help = N_("A citizen may ask for a validated account with a request "
	    "signed with a qualified certificate. Type the path of the file "
	    "(.p7m, or the document with its .p7s beside it) and press Enter: "
	    "the signature is checked against the certificates the town hall "
	    "trusts, and the signer is shown. The signer must be this citizen. "
	    "Press Enter again to validate (you are asked to confirm). Esc "
	    "goes back to the card."),
	.hints = hints,
	.enter = enrolment_enter,
	.draw = enrolment_draw,
	.key = enrolment_key,
	.leave = enrolment_leave,
};
