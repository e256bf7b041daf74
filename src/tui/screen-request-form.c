/*
 * Filing a request, second step: the form its type file describes, field
 * by field, in the language on screen.  Each value is checked as typed
 * fields are left; on Enter the request is filed, and shown with its
 * number.  At the kiosk the receipt is printed at once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/password.h"
#include "guichet/role.h"
#include "guichet/service-citizen.h"
#include "guichet/service-receipt.h"
#include "guichet/service-request.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

#define FIELD_WIDTH 30	/* leaves room for an error mark at 80 columns */

struct request_form {
	const struct request_type *type;
	struct form_field_spec specs[REQUEST_TYPE_FIELDS_MAX + 1];
	bool reauth;			/* the last field asks the password */
	char labels[REQUEST_TYPE_FIELDS_MAX][140];	/* "Subject *" */
	/* A choice's labels, NULL-ended; an optional one starts with "—". */
	const char *choices[REQUEST_TYPE_FIELDS_MAX][REQUEST_CHOICES_MAX + 2];
	struct form_widget *form;
};

static const struct key_hint hints[] = {
	{ "Tab/↑↓", N_("Field") },
	{ "←→", N_("Choice") },
	{ "Enter", N_("Submit") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Cancel") },
	{ NULL, NULL }
};

/* Describes field f for the form widget in spec. */
static void
spec_fill(struct request_form *s, int i)
{
	const struct request_field *f = &s->type->fields[i];
	const char *lang = i18n_language();
	int c, n = 0;

	snprintf(s->labels[i], sizeof s->labels[i], "%s%s", label3_get(
	    &f->label, lang), f->required ? " *" : "");
	s->specs[i].label = s->labels[i];
	s->specs[i].max = f->max;
	s->specs[i].width = f->max < FIELD_WIDTH ? f->max : FIELD_WIDTH;
	if (f->type != FIELD_CHOICE)
		return;
	if (!f->required)
		s->choices[i][n++] = "—";
	for (c = 0; c < f->nchoices; c++)
		s->choices[i][n++] = label3_get(&f->choice_labels[c], lang);
	s->specs[i].choices = s->choices[i];
	s->specs[i].width = FIELD_WIDTH;
}

static void
form_enter(struct tui *tui)
{
	struct request_form *s = xcalloc(1, sizeof *s);
	int i;

	tui->state = s;
	if ((s->type = service_request_type(tui->svc, tui->file_type)) ==
	    NULL) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		tui_switch(tui, &screen_request_types);
		return;
	}
	for (i = 0; i < s->type->nfields; i++)
		spec_fill(s, i);
	/* At the kiosk a certificate is asked for with the password again:
	 * a session left open must not serve someone else. */
	s->reauth = tui->kiosk && s->type->access == ACCESS_VALIDATED &&
	    service_actor(tui->svc)->role == ROLE_CITIZEN;
	if (s->reauth)
		s->specs[i] = (struct form_field_spec){ N_("Your password, to "
		    "confirm"), 30, 128, true, NULL };
	s->form = form_widget_new(s->specs, s->type->nfields + s->reauth);
}

static void
form_leave(struct tui *tui)
{
	struct request_form *s = tui->state;

	if (s->form != NULL)
		form_widget_free(s->form);
	free(s);
	tui->state = NULL;
}

static void
form_draw(struct tui *tui)
{
	struct request_form *s = tui->state;
	WINDOW *w = tui->body;
	int cols = getmaxx(w), y;

	if (s->form == NULL)
		return;
	wattron(w, A_BOLD);
	draw_text(w, 0, 2, cols - 4, label3_get(&s->type->label,
	    i18n_language()));
	wattroff(w, A_BOLD);
	y = 2 + form_widget_draw(s->form, w, 2, 2,
	    form_widget_label_width(s->form));
	draw_wrapped(w, y + 1, 2, 3, cols - 4, _("* must be filled in. Long "
	    "texts scroll inside their field as you type. A field with an "
	    "error says what to change."));
	tui_overlay(tui, form_widget_window(s->form));
	form_widget_cursor(s->form);
}

/* Returns field i's value as stored (a choice's name, not its label);
 * the caller frees it. */
static char *
field_value(struct request_form *s, int i)
{
	const struct request_field *f = &s->type->fields[i];
	int c;

	if (f->type != FIELD_CHOICE)
		return form_widget_value(s->form, i);
	c = form_widget_choice(s->form, i) - (f->required ? 0 : 1);
	return xstrdup(c >= 0 ? f->choices[c] : "");
}

/* Marks each field whose value breaks its rule; returns how many. */
static int
fields_check(struct request_form *s, char **values)
{
	const char *reason;
	int i, bad = 0;

	form_widget_clear_errors(s->form);
	for (i = 0; i < s->type->nfields; i++) {
		reason = request_field_check(&s->type->fields[i], values[i]);
		form_widget_set_error(s->form, i, reason);
		if (reason != NULL && bad++ == 0)
			form_widget_focus(s->form, i);
	}
	return bad;
}

/* Checks the password typed in the form's last field; false, with the
 * field marked, when it is not the citizen's. */
static bool
reauthenticated(struct tui *tui, struct request_form *s)
{
	int field = s->type->nfields;
	char *password = form_widget_value(s->form, field);
	int rc = service_citizen_reauth(tui->svc, password);

	secret_wipe(password, strlen(password));
	free(password);
	form_widget_clear(s->form, field);
	if (rc == G_OK)
		return true;
	form_widget_set_error(s->form, field, N_("not your password"));
	form_widget_focus(s->form, field);
	tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	return false;
}

/* Files the request once every field is right. */
static void
form_file(struct tui *tui, struct request_form *s)
{
	struct request_value values[REQUEST_TYPE_FIELDS_MAX];
	char *text[REQUEST_TYPE_FIELDS_MAX];
	struct request r;
	int i, n = 0, rc;

	for (i = 0; i < s->type->nfields; i++)
		text[i] = field_value(s, i);
	if (fields_check(s, text) > 0) {
		tui_message(tui, MSG_ERROR, "%s", _("Some fields need a change: "
		    "see the marks next to them."));
		goto out;
	}
	if (s->reauth && !reauthenticated(tui, s))
		goto out;
	for (i = 0; i < s->type->nfields; i++)
		if (text[i][0] != '\0') {
			snprintf(values[n].name, sizeof values[n].name, "%s",
			    s->type->fields[i].name);
			values[n++].value = text[i];
		}
	rc = service_request_file(tui->svc, s->type->id, tui->file_for,
	    values, n, &r);
	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
	if (rc != G_OK)
		goto out;
	tui->request_id = r.id;
	if (tui->kiosk && service_request_receipt(tui->svc, r.id,
	    tui->conf->printer) != G_OK)
		tui_message(tui, MSG_ERROR, "%s %s", _("Filed."),
		    service_message(tui->svc));
	tui_transaction_done(tui, &screen_request);
out:
	for (i = 0; i < s->type->nfields; i++)
		free(text[i]);
}

static int
form_key(struct tui *tui, struct key key)
{
	struct request_form *s = tui->state;

	if (s->form == NULL)
		return KEY_IGNORED;
	if (key_is_enter(key)) {
		form_file(tui, s);
		return KEY_HANDLED;
	}
	if (key_is_escape(key)) {
		tui_confirm_leave(tui, &screen_request_types);
		return KEY_HANDLED;
	}
	return form_widget_key(s->form, key);
}

const struct screen screen_request_form = {
	.name = "request-form",
	.title = N_("New request"),
	.help = N_("Fill in the request. Tab or the arrows move between "
	    "fields; in a field with choices, ← and → change the choice. "
	    "Fields marked * must be filled in. Enter files the request: "
	    "it gets its number at once, and a protocol number when it is "
	    "registered (certificates are registered at once). Esc leaves "
	    "without filing, after asking."),
	.kiosk_help = N_("Fill in your request. Tab or the arrows move between "
	    "fields; in a field with choices, ← and → change the choice. "
	    "Enter files it: you see its number on the screen and on the "
	    "receipt that is printed for you. Keep the receipt: with its "
	    "number you can follow the request here. Esc leaves without "
	    "filing, after asking."),
	.hints = hints,
	.enter = form_enter,
	.draw = form_draw,
	.key = form_key,
	.leave = form_leave,
};
