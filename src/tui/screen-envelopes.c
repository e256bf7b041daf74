/*
 * A citizen's credential envelopes: issue and print a new one, hand one
 * over against the identity document, report one unsealed (revoke and
 * replace), print again one that failed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc-form.h"
#include "draw.h"
#include "form.h"
#include "guichet/conf.h"
#include "guichet/envelope.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-envelope.h"
#include "guichet/service-person.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"
#include "view-person.h"

#define ENVELOPES_MAX 32

static const struct form_field_spec reason_field[] = {
	{ N_("Reason"), 50, 200, false, NULL },
};

struct envelopes {
	struct person person;
	struct envelope items[ENVELOPES_MAX];
	struct list list;
	struct doc_form doc;		/* handing over: the document */
	bool handing;
	struct form_widget *reason;	/* reporting unsealed: why */
	struct iddoc checked;		/* the document, once read */
};

static const struct key_hint hints[] = {
	{ "N", N_("New envelope") },
	{ "H", N_("Hand over") },
	{ "U", N_("Unsealed") },
	{ "P", N_("Print again") },
	{ "?/F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static void
envelope_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct envelopes *s = arg;
	const struct envelope *e = &s->items[i];

	draw_text(w, y, 2, 22, e->serial);
	draw_text(w, y, 25, 26, _(envelope_state_label(e->state)));
	draw_text(w, y, 52, cols - 53, e->state == ENVELOPE_PRINT_FAILED ?
	    e->print_error : e->username);
}

static int
keep(const struct envelope *e, void *arg)
{
	struct envelopes *s = arg;

	/* Keep the newest: drop the oldest when full. */
	if (s->list.count == ENVELOPES_MAX) {
		memmove(s->items, s->items + 1,
		    (ENVELOPES_MAX - 1) * sizeof s->items[0]);
		s->list.count--;
	}
	s->items[s->list.count++] = *e;
	return 0;
}

/* Reads the person and their envelopes, newest selected. */
static void
envelopes_load(struct tui *tui, struct envelopes *s)
{
	s->list.count = 0;
	if (service_envelope_list(tui->svc, tui->person_id, keep, s) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	s->list.selected = s->list.count - 1;
}

static void
envelopes_enter(struct tui *tui)
{
	struct envelopes *s = xcalloc(1, sizeof *s);

	tui->state = s;
	s->list.draw_row = envelope_row;
	s->list.arg = s;
	if (service_person_get(tui->svc, tui->person_id, &s->person) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	envelopes_load(tui, s);
}

static void
envelopes_leave(struct tui *tui)
{
	struct envelopes *s = tui->state;

	if (s->handing)
		doc_form_free(&s->doc);
	form_widget_free(s->reason);
	free(s);
	tui->state = NULL;
}

static void
envelopes_draw(struct tui *tui)
{
	struct envelopes *s = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w), list_rows;
	struct form_widget *form = NULL;

	view_person_header(w, 0, cols, &s->person);
	wattron(w, A_BOLD);
	draw_text(w, 2, 2, 22, _("Envelope"));
	draw_text(w, 2, 25, 26, _("State"));
	draw_text(w, 2, 52, cols - 53, _("Username"));
	wattroff(w, A_BOLD);
	if (s->list.count == 0)
		draw_text(w, 3, 2, cols - 4, _("No envelope yet: N issues and "
		    "prints one."));
	list_rows = rows - 3;
	if (s->handing) {
		form = s->doc.form;
		list_rows = rows - 3 - DOC_ADDRESS_PROOF - 2;
		draw_text(w, rows - DOC_ADDRESS_PROOF - 1, 2, cols - 4,
		    _("Hand over: check the citizen's identity document and "
		    "type what it says."));
		form_widget_draw(form, w, rows - DOC_ADDRESS_PROOF, 2,
		    form_widget_label_width(form));
	} else if (s->reason != NULL) {
		form = s->reason;
		list_rows = rows - 6;
		draw_text(w, rows - 2, 2, cols - 4, _("What happened? (envelope "
		    "found open, password seen by someone)"));
		form_widget_draw(form, w, rows - 1, 2,
		    form_widget_label_width(form));
	}
	list_draw(&s->list, w, 3, list_rows);
	if (form != NULL) {
		tui_overlay(tui, form_widget_window(form));
		form_widget_cursor(form);
	}
}

/* Reports the outcome of an envelope operation and reloads the list. */
static void
done(struct tui *tui, struct envelopes *s, int rc)
{
	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
	envelopes_load(tui, s);
}

/* Issues and prints a new envelope. */
static void
issue_new(struct tui *tui, struct envelopes *s)
{
	struct envelope e;
	int rc;

	rc = service_envelope_issue(tui->svc, tui->person_id, &e);
	if (rc == G_OK)
		rc = service_envelope_print(tui->svc, e.id, NULL, &e);
	done(tui, s, rc);
}

/* Hands over the selected envelope once the clerk confirmed. */
static void
hand_over_confirmed(struct tui *tui)
{
	struct envelopes *s = tui->state;
	int rc;

	rc = service_envelope_hand_over(tui->svc,
	    s->items[s->list.selected].id, &s->checked);
	doc_form_free(&s->doc);
	s->handing = false;
	done(tui, s, rc);
}

/* Reports the selected envelope unsealed, then prints the replacement. */
static void
unsealed_confirmed(struct tui *tui)
{
	struct envelopes *s = tui->state;
	char *reason = form_widget_value(s->reason, 0);
	struct envelope r;
	int rc;

	rc = service_envelope_replace(tui->svc,
	    s->items[s->list.selected].id, reason, &r);
	if (rc == G_OK)
		rc = service_envelope_print(tui->svc, r.id, NULL, &r);
	free(reason);
	form_widget_free(s->reason);
	s->reason = NULL;
	done(tui, s, rc);
}

/* Handles Enter and Esc while a form is open below the list. */
static int
form_key(struct tui *tui, struct envelopes *s, struct key key)
{
	const struct envelope *e = &s->items[s->list.selected];
	const char *reason;

	if (key_is_escape(key)) {
		if (s->handing)
			doc_form_free(&s->doc);
		s->handing = false;
		form_widget_free(s->reason);
		s->reason = NULL;
		return KEY_HANDLED;
	}
	if (!key_is_enter(key))
		return form_widget_key(s->handing ? s->doc.form : s->reason,
		    key);
	if (s->handing) {
		if ((reason = doc_form_read(&s->doc, &s->checked, NULL, 0)) !=
		    NULL)
			tui_message(tui, MSG_ERROR, "%s", _(reason));
		else
			tui_confirm(tui, hand_over_confirmed, _("Hand envelope "
			    "%s to %s %s? Its credentials start working now."),
			    e->serial, s->person.given_names,
			    s->person.surname);
	} else
		tui_confirm(tui, unsealed_confirmed, _("Revoke the credentials "
		    "of envelope %s at once and print a replacement?"),
		    e->serial);
	return KEY_HANDLED;
}

static int
envelopes_key(struct tui *tui, struct key key)
{
	struct envelopes *s = tui->state;
	const struct envelope *e;
	wint_t k = key.code;

	if (s->handing || s->reason != NULL)
		return form_key(tui, s, key);
	if (tui_common_key(tui, key, true))
		return KEY_HANDLED;
	if (!key.is_code && k == 27)
		return tui_switch(tui, &screen_card), KEY_HANDLED;
	if (!key.is_code && (k == L'n' || k == L'N')) {
		issue_new(tui, s);
		return KEY_HANDLED;
	}
	if (key.is_code || s->list.selected < 0)
		return list_key(&s->list, key, getmaxy(tui->body) - 3);
	e = &s->items[s->list.selected];
	if (k == L'h' || k == L'H') {
		doc_form_init(&s->doc, tui->conf->country, false);
		s->handing = true;
	} else if (k == L'u' || k == L'U')
		s->reason = form_widget_new(reason_field, 1);
	else if (k == L'p' || k == L'P')
		done(tui, s, service_envelope_print(tui->svc, e->id, NULL,
		    &s->items[s->list.selected]));
	else
		return KEY_IGNORED;
	return KEY_HANDLED;
}

const struct screen screen_envelopes = {
	.name = "envelopes",
	.title = N_("Credential envelopes"),
	.help = N_("The citizen's sealed envelopes with their login "
	    "credentials. N issues a new envelope and prints it on the "
	    "envelope printer; the password is printed inside and shown to "
	    "nobody. H hands the selected envelope over: check the citizen's "
	    "original identity document and type what it says; only then do "
	    "the credentials work, and the first login must choose a new "
	    "password. U, when the citizen reports the envelope found open or "
	    "the password seen, revokes its credentials at once and prints a "
	    "replacement. P prints again an envelope whose printing failed. "
	    "Esc goes back to the card."),
	.hints = hints,
	.enter = envelopes_enter,
	.draw = envelopes_draw,
	.key = envelopes_key,
	.leave = envelopes_leave,
};
