/*
 * A list of requests: the town hall's inbox for a clerk (by department,
 * status and who works on it), one citizen's requests from their card, or
 * at the kiosk the citizen's own.  A number typed at the top (request id,
 * protocol or emergency number) opens that request.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/request-type.h"
#include "guichet/service-request.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "request-text.h"
#include "tui.h"

#define SHOWN_MAX 200

/* What the status filter steps through: open ones, all, then each. */
enum { SHOW_OPEN = -2, SHOW_ALL = -1 };

static const struct form_field_spec fields[] = {
	{ N_("Number"), 20, 40, false, NULL },
};

struct requests {
	struct form_widget *form;
	struct list list;
	struct request items[SHOWN_MAX];
	int department;			/* -1: every department */
	int status;			/* SHOW_OPEN, SHOW_ALL or a status */
	bool mine;			/* only those given to me */
	bool in_list;
	struct service *svc;		/* for the rows' type labels */
};

static const struct key_hint staff_hints[] = {
	{ "↓/Enter", N_("List/Open") },
	{ "F3", N_("New request") },
	{ "F5", N_("Department") },
	{ "F6", N_("Status") },
	{ "F7", N_("Mine/All") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct key_hint kiosk_hints[] = {
	{ "↓/Enter", N_("List/Open") },
	{ "F3", N_("New request") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

/* Returns true when the list is one citizen's, not the inbox. */
static bool
own_list(const struct tui *tui)
{
	return tui->kiosk || tui->requests_of != 0;
}

static void
request_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct requests *s = arg;
	const struct request *r = &s->items[i];
	char date[11], number[REQUEST_PROTOCOL_LEN];

	snprintf(date, sizeof date, "%s", r->filed_at);
	request_number(r, number, sizeof number);
	draw_text(w, y, 2, 14, number);
	draw_text(w, y, 17, cols - 49, request_type_label(s->svc, r->type));
	draw_text(w, y, cols - 31, 18, _(request_status_label(r->status)));
	draw_text(w, y, cols - 12, 10, date);
}

static int
keep(const struct request *r, void *arg)
{
	struct requests *s = arg;

	s->items[s->list.count++] = *r;
	return s->list.count >= SHOWN_MAX;
}

/* Reads the list again with the filters as they are now. */
static void
reload(struct tui *tui, struct requests *s)
{
	struct request_filter f;
	int i;

	memset(&f, 0, sizeof f);
	if (own_list(tui)) {
		f.person_id = tui->requests_of;
		f.newest_first = true;
	} else {
		f.department = s->department < 0 ? NULL :
		    request_department_name(s->department);
		if (s->status == SHOW_OPEN) {
			for (i = 0; i < REQ_STATUS_COUNT; i++)
				if (!request_status_final(i))
					f.statuses |= 1u << i;
		} else if (s->status != SHOW_ALL)
			f.statuses = 1u << s->status;
		f.assigned_to = s->mine ? service_actor(tui->svc)->name : NULL;
	}
	f.limit = SHOWN_MAX;
	s->list.count = s->list.top = 0;
	if (service_request_list(tui->svc, &f, keep, s) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	if (s->list.selected >= s->list.count)
		s->list.selected = s->list.count - 1;
}

static void
requests_enter(struct tui *tui)
{
	struct requests *s = xcalloc(1, sizeof *s);

	s->form = form_widget_new(fields, 1);
	s->list.selected = -1;
	s->list.draw_row = request_row;
	s->list.arg = s;
	s->svc = tui->svc;
	s->department = -1;
	s->status = SHOW_OPEN;
	tui->state = s;
	reload(tui, s);
	s->in_list = s->list.count > 0;
}

static void
requests_leave(struct tui *tui)
{
	struct requests *s = tui->state;

	form_widget_free(s->form);
	free(s);
	tui->state = NULL;
}

/* Writes what the inbox shows, for the line under the number. */
static void
filter_text(const struct requests *s, char *buf, size_t len)
{
	snprintf(buf, len, "%s: %s · %s: %s · %s", _("Department"),
	    s->department < 0 ? _("all") :
	    _(request_department_label(s->department)), _("Status"),
	    s->status == SHOW_OPEN ? _("open") : s->status == SHOW_ALL ?
	    _("all") : _(request_status_label(s->status)),
	    s->mine ? _("given to me") : _("everyone's"));
}

static void
requests_draw(struct tui *tui)
{
	struct requests *s = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);
	char line[256];

	form_widget_draw(s->form, w, 1, 2, form_widget_label_width(s->form));
	tui_overlay(tui, form_widget_window(s->form));
	if (own_list(tui))
		snprintf(line, sizeof line, "%s", _("Type a request's number "
		    "and press Enter, or choose one below."));
	else
		filter_text(s, line, sizeof line);
	draw_text(w, 2, 2, cols - 4, line);
	wattron(w, A_BOLD);
	draw_text(w, 4, 2, 14, _("Number"));
	draw_text(w, 4, 17, cols - 49, _("Type"));
	draw_text(w, 4, cols - 31, 18, _("Status"));
	draw_text(w, 4, cols - 12, 10, _("Filed"));
	wattroff(w, A_BOLD);
	if (s->list.count == 0)
		draw_text(w, 5, 2, cols - 4, _("No requests here."));
	s->in_list = s->in_list && s->list.count > 0;
	s->list.selected = s->in_list ? (s->list.selected < 0 ? 0 :
	    s->list.selected) : -1;
	list_draw(&s->list, w, 5, rows - 5);
	if (!s->in_list)
		form_widget_cursor(s->form);
}

/* Opens the request whose number was typed. */
static void
open_typed(struct tui *tui, struct requests *s)
{
	char *what = form_widget_value(s->form, 0);
	struct request r;

	if (what[0] == '\0')
		tui_message(tui, MSG_INFO, "%s", _("Type a request's number, "
		    "or press ↓ to choose one from the list."));
	else if (service_request_find(tui->svc, what, &r) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	else {
		tui->request_id = r.id;
		tui->request_back = &screen_requests;
		tui_switch(tui, &screen_request);
	}
	free(what);
}

/* Handles the inbox's filter keys; returns KEY_IGNORED for others. */
static int
filter_key(struct tui *tui, struct requests *s, struct key key)
{
	if (!key.is_code || own_list(tui))
		return KEY_IGNORED;
	if (key.code == KEY_F(5))
		s->department = s->department + 1 < DEPT_COUNT ?
		    s->department + 1 : -1;
	else if (key.code == KEY_F(6))
		s->status = s->status + 1 < REQ_STATUS_COUNT ? s->status + 1 :
		    SHOW_OPEN;
	else if (key.code == KEY_F(7))
		s->mine = !s->mine;
	else
		return KEY_IGNORED;
	reload(tui, s);
	return KEY_HANDLED;
}

static int
requests_key(struct tui *tui, struct key key)
{
	struct requests *s = tui->state;
	int rc;

	if (key_is_escape(key)) {
		tui_switch(tui, tui->kiosk ? &screen_kiosk_home :
		    tui->requests_of != 0 ? &screen_card : &screen_main);
		return KEY_HANDLED;
	}
	if (key.is_code && key.code == KEY_F(3)) {
		tui->file_for = tui->requests_of;
		tui->request_back = &screen_requests;
		tui_switch(tui, &screen_request_types);
		return KEY_HANDLED;
	}
	if (filter_key(tui, s, key) == KEY_HANDLED)
		return KEY_HANDLED;
	if (key_is_enter(key)) {
		if (!s->in_list)
			open_typed(tui, s);
		else {
			tui->request_id = s->items[s->list.selected].id;
			tui->request_back = &screen_requests;
			tui_switch(tui, &screen_request);
		}
		return KEY_HANDLED;
	}
	if (s->in_list) {
		if (key.is_code && key.code == KEY_UP && s->list.selected == 0)
			return s->in_list = false, KEY_HANDLED;
		if ((rc = list_key(&s->list, key, getmaxy(tui->body) - 5)) !=
		    KEY_IGNORED)
			return rc;
		if (key.is_code)
			return KEY_IGNORED;
		s->in_list = false;	/* typing goes to the number */
	}
	if (key.is_code && key.code == KEY_DOWN) {
		s->in_list = s->list.count > 0;
		return KEY_HANDLED;
	}
	return form_widget_key(s->form, key);
}

const struct screen screen_requests = {
	.name = "requests",
	.title = N_("Requests"),
	.help = N_("The requests, complaints and proposals filed with the town "
	    "hall. Type a request's number (its id, its protocol number such "
	    "as 2026/000123, or an emergency number such as E-2026-000007) "
	    "and press Enter to open it, or press ↓ and choose one from the "
	    "list. At the counter, F5 chooses the department, F6 the status "
	    "(open ones first) and F7 shows only the requests given to you. "
	    "F3 files a new request: for the citizen whose card you came "
	    "from, or without a name. Esc goes back."),
	.hints = staff_hints,
	.kiosk_help = N_("Your requests, the newest first, with their number "
	    "and status. Press ↓ and choose one, then Enter to read it and the "
	    "town hall's reply. You can also type its number and press Enter. "
	    "F3 files a new request. Esc goes back."),
	.kiosk_hints = kiosk_hints,
	.enter = requests_enter,
	.draw = requests_draw,
	.key = requests_key,
	.leave = requests_leave,
};
