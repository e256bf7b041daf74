/*
 * Moving a request on: the clerk chooses among the statuses the request
 * may go to from where it is, and writes the reply (answered) or the
 * reason (returned, rejected, duplicate, not ours), which the citizen
 * reads.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-request.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "request-text.h"
#include "tui.h"

enum { F_STATUS, F_TEXT, F_ORIGINAL, N_FIELDS };

struct status_change {
	struct request r;
	enum request_status to[REQ_STATUS_COUNT];	/* the choices */
	const char *labels[REQ_STATUS_COUNT + 1];	/* NULL-ended */
	struct form_field_spec specs[N_FIELDS];
	struct form_widget *form;
};

static const struct key_hint hints[] = {
	{ "←→", N_("Status") },
	{ "Tab/↑↓", N_("Field") },
	{ "Enter", N_("Save") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Cancel") },
	{ NULL, NULL }
};

static void
status_enter(struct tui *tui)
{
	struct status_change *c = xcalloc(1, sizeof *c);
	char id[24];
	int s, n = 0;

	tui->state = c;
	snprintf(id, sizeof id, "%lld", (long long)tui->request_id);
	if (service_request_find(tui->svc, id, &c->r) != G_OK) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		tui_switch(tui, &screen_request);
		return;
	}
	for (s = 0; s < REQ_STATUS_COUNT; s++)
		if (request_status_check(c->r.status, s) == NULL) {
			c->to[n] = s;
			c->labels[n++] = request_status_label(s);
		}
	if (n == 0) {
		tui_message(tui, MSG_INFO, "%s", _("This request is closed: its "
		    "status does not change any more."));
		tui_switch(tui, &screen_request);
		return;
	}
	c->specs[F_STATUS] = (struct form_field_spec){ N_("New status"), 30,
	    30, false, c->labels };
	c->specs[F_TEXT] = (struct form_field_spec){ N_("Reply or reason"),
	    50, 4000, false, NULL };
	c->specs[F_ORIGINAL] = (struct form_field_spec){ N_("Original, for a "
	    "duplicate"), 20, 40, false, NULL };
	c->form = form_widget_new(c->specs, N_FIELDS);
}

static void
status_leave(struct tui *tui)
{
	struct status_change *c = tui->state;

	if (c->form != NULL)
		form_widget_free(c->form);
	free(c);
	tui->state = NULL;
}

static void
status_draw(struct tui *tui)
{
	struct status_change *c = tui->state;
	WINDOW *w = tui->body;
	int cols = getmaxx(w);
	char line[300], number[REQUEST_PROTOCOL_LEN];

	if (c->form == NULL)
		return;
	request_number(&c->r, number, sizeof number);
	snprintf(line, sizeof line, "%s · %s · %s: %s", request_type_label(
	    tui->svc, c->r.type), number, _("now"),
	    _(request_status_label(c->r.status)));
	wattron(w, A_BOLD);
	draw_text(w, 0, 2, cols - 4, line);
	wattroff(w, A_BOLD);
	form_widget_draw(c->form, w, 2, 2, form_widget_label_width(c->form));
	draw_wrapped(w, 6, 2, 4, cols - 4, _("An answer needs the reply the "
	    "citizen will read; returning, rejecting, marking as a duplicate "
	    "or as not the town hall's needs the reason, which the citizen "
	    "reads too. A duplicate also names the original request's "
	    "number."));
	tui_overlay(tui, form_widget_window(c->form));
	form_widget_cursor(c->form);
}

static void
status_save(struct tui *tui, struct status_change *c)
{
	char *text = form_widget_value(c->form, F_TEXT);
	char *original = form_widget_value(c->form, F_ORIGINAL);
	struct request r;
	int rc;

	rc = service_request_set_status(tui->svc, c->r.id,
	    c->to[form_widget_choice(c->form, F_STATUS)], text, original, &r);
	free(original);
	free(text);
	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
	if (rc == G_OK)
		tui_switch(tui, &screen_request);
	else
		form_widget_focus(c->form, F_TEXT);
}

static int
status_key(struct tui *tui, struct key key)
{
	struct status_change *c = tui->state;

	if (c->form == NULL)
		return KEY_IGNORED;
	if (key_is_enter(key)) {
		status_save(tui, c);
		return KEY_HANDLED;
	}
	if (key_is_escape(key)) {
		tui_confirm_leave(tui, &screen_request);
		return KEY_HANDLED;
	}
	return form_widget_key(c->form, key);
}

const struct screen screen_request_status = {
	.name = "request-status",
	.title = N_("Change status"),
	.help = N_("Choose the new status with ← and →: only the steps this "
	    "request may take from where it is are offered. Write the reply "
	    "(for an answer) or the reason (returned for more information, "
	    "rejected, duplicate, not the town hall's responsibility): the "
	    "citizen reads it at the kiosk. A duplicate is linked to the "
	    "original request: type its id or protocol number. Enter saves "
	    "and records who made the change; Esc leaves without saving, "
	    "after asking."),
	.hints = hints,
	.enter = status_enter,
	.draw = status_draw,
	.key = status_key,
	.leave = status_leave,
};
