/*
 * One request: what was filed, its numbers, status, the town hall's
 * reply and its history.  A clerk registers it, takes it, changes its
 * status; anyone who may see it prints its receipt.  The text can be
 * longer than the screen: it is laid out on a pad and scrolled.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/person.h"
#include "guichet/role.h"
#include "guichet/service-person.h"
#include "guichet/service-receipt.h"
#include "guichet/service-request.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "request-text.h"
#include "tui.h"

#define PAD_ROWS 600		/* more than any request fills */
#define EVENTS_MAX 64

struct request_view {
	struct request r;
	const struct request_type *type;	/* NULL: no longer known */
	char *values[REQUEST_TYPE_FIELDS_MAX];	/* by the type's fields */
	struct request_event events[EVENTS_MAX];
	int nevents;
	char who[600];			/* the citizen, for staff; or "" */
	int top;			/* first pad row shown */
	int height;			/* pad rows used */
};

static const struct key_hint staff_hints[] = {
	{ "R", N_("Register") },
	{ "S", N_("Status/Reply") },
	{ "A", N_("Take") },
	{ "P", N_("Receipt") },
	{ "↑↓", N_("Scroll") },
	{ "?/F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct key_hint kiosk_hints[] = {
	{ "P", N_("Print receipt") },
	{ "↑↓", N_("Scroll") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

/* Returns true when a staff member is at the keyboard. */
static bool
staff_at(const struct tui *tui)
{
	return role_is_staff(service_actor(tui->svc)->role);
}

static int
keep_value(const char *name, const char *value, void *arg)
{
	struct request_view *v = arg;
	int i;

	for (i = 0; v->type != NULL && i < v->type->nfields; i++)
		if (strcmp(v->type->fields[i].name, name) == 0) {
			free(v->values[i]);
			v->values[i] = xstrdup(value);
		}
	return 0;
}

static int
keep_event(const struct request_event *e, void *arg)
{
	struct request_view *v = arg;

	v->events[v->nevents++] = *e;
	return v->nevents == EVENTS_MAX;
}

/* Reads the request, its values and history; false when it cannot be
 * shown (the message says why). */
static bool
load(struct tui *tui, struct request_view *v)
{
	char id[24];
	struct person p;
	int i;

	for (i = 0; i < REQUEST_TYPE_FIELDS_MAX; i++) {
		free(v->values[i]);
		v->values[i] = NULL;
	}
	v->nevents = 0;
	v->who[0] = '\0';
	snprintf(id, sizeof id, "%lld", (long long)tui->request_id);
	if (service_request_find(tui->svc, id, &v->r) != G_OK)
		return false;
	v->type = service_request_type(tui->svc, v->r.type);
	if (service_request_values(tui->svc, v->r.id, keep_value, v) != G_OK ||
	    service_request_events(tui->svc, v->r.id, keep_event, v) != G_OK)
		return false;
	if (staff_at(tui) && v->r.person_id != 0 &&
	    service_person_get(tui->svc, v->r.person_id, &p) == G_OK)
		snprintf(v->who, sizeof v->who, "%s %s", p.given_names,
		    p.surname);
	return true;
}

static void
request_enter(struct tui *tui)
{
	struct request_view *v = xcalloc(1, sizeof *v);

	tui->state = v;
	if (!load(tui, v)) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		tui_switch(tui, tui->request_back);
	}
}

static void
request_leave(struct tui *tui)
{
	struct request_view *v = tui->state;
	int i;

	for (i = 0; i < REQUEST_TYPE_FIELDS_MAX; i++)
		free(v->values[i]);
	free(v);
	tui->state = NULL;
}

/* Draws "Label: text" wrapped from row y of pad; returns the next row. */
static int
labelled(WINDOW *pad, int y, int cols, const char *label, const char *text)
{
	int w = draw_width(label) + 2;

	wattron(pad, A_BOLD);
	draw_text(pad, y, 2, cols - 4, label);
	draw_text(pad, y, 2 + w - 2, 1, ":");
	wattroff(pad, A_BOLD);
	if (w > (cols - 4) / 2) {		/* a long label: text below */
		y++;
		w = 2;
	}
	return y + draw_wrapped(pad, y, 2 + w, PAD_ROWS - y, cols - 4 - w,
	    text[0] != '\0' ? text : "—");
}

/* The request's numbers, status, dates and who filed it. */
static int
draw_head(struct tui *tui, struct request_view *v, WINDOW *pad, int cols)
{
	const struct request *r = &v->r;
	char line[700], number[REQUEST_PROTOCOL_LEN], when[20];
	int y = 0;

	wattron(pad, A_BOLD);
	request_number(r, number, sizeof number);
	snprintf(line, sizeof line, "%s · %s", request_type_label(tui->svc,
	    r->type), number);
	draw_text(pad, y++, 2, cols - 4, line);
	wattroff(pad, A_BOLD);
	y = labelled(pad, y, cols, _("Status"), _(request_status_label(
	    r->status)));
	if (r->protocol[0] != '\0')
		y = labelled(pad, y, cols, _("Protocol number"), r->protocol);
	if (r->emergency[0] != '\0')
		y = labelled(pad, y, cols, _("Emergency number"), r->emergency);
	clock_local_text(r->filed_at, when, sizeof when);
	snprintf(line, sizeof line, "%s · #%lld", when, (long long)r->id);
	y = labelled(pad, y, cols, _("Filed"), line);
	if (r->duplicate_of != 0) {
		snprintf(line, sizeof line, "#%lld", (long long)r->duplicate_of);
		y = labelled(pad, y, cols, _("Duplicate of"), line);
	}
	if (!staff_at(tui))
		return y;
	y = labelled(pad, y, cols, _("Citizen"), r->person_id == 0 ?
	    _("anonymous") : v->who);
	snprintf(line, sizeof line, "%s (%s)", r->filed_by, r->station);
	y = labelled(pad, y, cols, _("Filed by"), line);
	y = labelled(pad, y, cols, _("Department"), _(request_department_label(
	    request_department_from_name(r->department))));
	return labelled(pad, y, cols, _("Given to"), r->assigned_to[0] ?
	    r->assigned_to : _("no one yet"));
}

/* What was filed, the reply and the history. */
static int
draw_body(struct tui *tui, struct request_view *v, WINDOW *pad, int y,
    int cols)
{
	const struct request_field *f;
	char line[700], when[20];
	int i;

	mvwhline(pad, y++, 2, ACS_HLINE, cols - 4);
	for (i = 0; v->type != NULL && i < v->type->nfields; i++) {
		f = &v->type->fields[i];
		if (v->values[i] != NULL && v->values[i][0] != '\0')
			y = labelled(pad, y, cols, label3_get(&f->label,
			    i18n_language()), request_value_label(f,
			    v->values[i]));
	}
	mvwhline(pad, y++, 2, ACS_HLINE, cols - 4);
	y = labelled(pad, y, cols, _("Reply from the town hall"),
	    v->r.reply[0] ? v->r.reply : _("none yet"));
	wattron(pad, A_BOLD);
	draw_text(pad, y++, 2, cols - 4, _("History"));
	wattroff(pad, A_BOLD);
	for (i = 0; i < v->nevents; i++) {
		const struct request_event *e = &v->events[i];

		clock_local_text(e->at, when, sizeof when);
		if (staff_at(tui))	/* a citizen is not told clerks' names */
			snprintf(line, sizeof line, "%s  %s (%s)%s%s", when,
			    _(request_status_label(e->to)), e->by,
			    e->text[0] ? ": " : "", e->text);
		else
			snprintf(line, sizeof line, "%s  %s%s%s", when,
			    _(request_status_label(e->to)), e->text[0] ? ": " :
			    "", e->text);
		y += draw_wrapped(pad, y, 4, PAD_ROWS - y, cols - 6, line);
	}
	if (v->nevents == 0)
		draw_text(pad, y++, 4, cols - 6, _("Filed; nothing has "
		    "happened to it yet."));
	return y;
}

static void
request_draw(struct tui *tui)
{
	struct request_view *v = tui->state;
	WINDOW *w = tui->body, *pad;
	int rows = getmaxy(w), cols = getmaxx(w), shown;

	if ((pad = newpad(PAD_ROWS, cols)) == NULL)
		return;
	v->height = draw_body(tui, v, pad, draw_head(tui, v, pad, cols),
	    cols);
	if (v->top > v->height - rows)
		v->top = v->height > rows ? v->height - rows : 0;
	shown = v->height - v->top < rows ? v->height - v->top : rows;
	if (shown > 0)
		copywin(pad, w, v->top, 0, 0, 0, shown - 1, cols - 1, FALSE);
	delwin(pad);
}

/* Registers the request on screen. */
static void
do_register(struct tui *tui, struct request_view *v)
{
	struct request r;
	int rc = service_request_register(tui->svc, v->r.id, &r);

	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
	load(tui, v);
}

static void
do_take(struct tui *tui, struct request_view *v)
{
	int rc = service_request_assign(tui->svc, v->r.id, NULL);

	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
	load(tui, v);
}

static void
do_receipt(struct tui *tui, struct request_view *v)
{
	int rc = service_request_receipt(tui->svc, v->r.id,
	    tui->conf->printer);

	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
}

static int
request_key(struct tui *tui, struct key key)
{
	struct request_view *v = tui->state;
	int page = getmaxy(tui->body) - 1;
	wint_t k = key.code;

	if (key.is_code) {
		if (k == KEY_UP || k == KEY_PPAGE)
			v->top -= k == KEY_UP ? 1 : page;
		else if (k == KEY_DOWN || k == KEY_NPAGE)
			v->top += k == KEY_DOWN ? 1 : page;
		else
			return KEY_IGNORED;
		if (v->top < 0)
			v->top = 0;
		return KEY_HANDLED;
	}
	if (k == 27)
		return tui_switch(tui, tui->request_back), KEY_HANDLED;
	if (k == L'p' || k == L'P')
		return do_receipt(tui, v), KEY_HANDLED;
	if (!staff_at(tui))
		return KEY_IGNORED;
	if (k == L'r' || k == L'R')
		do_register(tui, v);
	else if (k == L'a' || k == L'A')
		do_take(tui, v);
	else if (k == L's' || k == L'S')
		tui_switch(tui, &screen_request_status);
	else
		return KEY_IGNORED;
	return KEY_HANDLED;
}

const struct screen screen_request = {
	.name = "request",
	.title = N_("Request"),
	.help = N_("One request: what was filed, its protocol number (or its "
	    "emergency number while the registry could not be reached), its "
	    "status, the town hall's reply and everything that happened to "
	    "it. ↑ and ↓ scroll. P prints the receipt. At the counter: R "
	    "registers it (gives it the next protocol number), A gives it to "
	    "you, S changes its status and writes the reply or the reason, "
	    "which the citizen reads. Esc goes back."),
	.hints = staff_hints,
	.kiosk_help = N_("Your request: what you filed, its number, where it "
	    "stands and the town hall's reply. ↑ and ↓ scroll. P prints the "
	    "receipt again. Esc goes back."),
	.kiosk_hints = kiosk_hints,
	.enter = request_enter,
	.draw = request_draw,
	.key = request_key,
	.leave = request_leave,
};
