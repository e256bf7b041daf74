/*
 * Filing a request, first step: which kind.  Every type is listed with
 * the account it needs, so nobody types a whole form only to be told at
 * the end that their account does not allow it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/person.h"
#include "guichet/service-person.h"
#include "guichet/service-request.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"

struct types {
	const struct request_type *types;
	struct list list;
	char who[600];			/* for whom, as shown */
};

static const struct key_hint hints[] = {
	{ "↑↓", N_("Choose") },
	{ "Enter", N_("Fill in") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

/* Returns what account a type needs, for people (N_()). */
static const char *
access_label(enum request_access a)
{
	return a == ACCESS_ANONYMOUS ? N_("anyone, even without an account") :
	    a == ACCESS_STANDARD ? N_("an account") :
	    N_("a validated account (Level B)");
}

static void
type_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	const struct request_type *t = &((struct types *)arg)->types[i];

	draw_text(w, y, 2, cols / 2 - 3, label3_get(&t->label,
	    i18n_language()));
	draw_text(w, y, cols / 2, cols / 2 - 2, _(access_label(t->access)));
}

static void
types_enter(struct tui *tui)
{
	struct types *s = xcalloc(1, sizeof *s);
	const struct service_actor *a = service_actor(tui->svc);
	struct person p;

	tui->state = s;
	s->types = service_request_types(tui->svc, &s->list.count);
	if (s->types == NULL)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	s->list.draw_row = type_row;
	s->list.arg = s;
	if (a->role == ROLE_VISITOR || (role_is_staff(a->role) &&
	    tui->file_for == 0))
		snprintf(s->who, sizeof s->who, "%s", _("Without a name: the "
		    "request keeps no personal data and gets no follow-up."));
	else if (service_person_get(tui->svc, a->role == ROLE_CITIZEN ?
	    a->person_id : tui->file_for, &p) == G_OK)
		snprintf(s->who, sizeof s->who, _("For %s %s."), p.given_names,
		    p.surname);
}

static void
types_leave(struct tui *tui)
{
	free(tui->state);
	tui->state = NULL;
}

static void
types_draw(struct tui *tui)
{
	struct types *s = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);

	wattron(w, A_BOLD);
	draw_text(w, 0, 2, cols - 4, _("What would you like to file?"));
	wattroff(w, A_BOLD);
	draw_text(w, 1, 2, cols - 4, s->who);
	wattron(w, A_BOLD);
	draw_text(w, 3, 2, cols / 2 - 3, _("Type"));
	draw_text(w, 3, cols / 2, cols / 2 - 2, _("Who may file it"));
	wattroff(w, A_BOLD);
	if (s->list.selected < 0)
		s->list.selected = 0;
	list_draw(&s->list, w, 4, rows - 4);
}

static int
types_key(struct tui *tui, struct key key)
{
	struct types *s = tui->state;
	const struct request_type *t;

	if (key_is_escape(key))
		return tui_switch(tui, tui->request_back), KEY_HANDLED;
	if (key_is_enter(key) && s->list.count > 0) {
		t = &s->types[s->list.selected];
		if (service_request_may_file(tui->svc, t->id, tui->file_for) !=
		    G_OK)
			tui_message(tui, MSG_ERROR, "%s",
			    service_message(tui->svc));
		else {
			tui_message(tui, MSG_NONE, NULL);
			tui->file_type = t->id;
			tui_switch(tui, &screen_request_form);
		}
		return KEY_HANDLED;
	}
	return list_key(&s->list, key, getmaxy(tui->body) - 4);
}

const struct screen screen_request_types = {
	.name = "request-types",
	.title = N_("New request"),
	.help = N_("Choose the kind of request with ↑ and ↓ and press Enter to "
	    "fill it in. The second column says who may file it: some need an "
	    "account, certificates need a validated account (Level B), for "
	    "which the citizen shows an identity document at the counter. A "
	    "request filed without a name keeps no personal data and gets no "
	    "follow-up. Esc goes back."),
	.hints = hints,
	.enter = types_enter,
	.draw = types_draw,
	.key = types_key,
	.leave = types_leave,
};
