/*
 * Registration requests waiting, earliest deadline first; overdue ones
 * are marked with a word and a sign, not colour alone.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "guichet/clock.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/ident.h"
#include "guichet/service-registration.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"

#define QUEUE_MAX 200

struct queue {
	struct registration items[QUEUE_MAX];
	struct list list;
	struct date today;
};

static const struct key_hint hints[] = {
	{ "↑↓", N_("Move") },
	{ "Enter", N_("Open card") },
	{ "?/F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static void
queue_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	static const char *const sources[] = { N_("kiosk"), N_("web"),
		N_("counter") };
	struct queue *q = arg;
	const struct registration *r = &q->items[i];
	char deadline[16], masked[40], line[400];
	bool late = registration_overdue(r, q->today);

	date_format_local(r->deadline, i18n_language(), deadline,
	    sizeof deadline);
	ident_mask(r->person_national_id, masked, sizeof masked);
	if (late)
		wattron(w, draw_attr(STYLE_ERROR));
	snprintf(line, sizeof line, "%s %-10s", late ? "⚠" : " ", deadline);
	draw_text(w, y, 1, 14, line);
	draw_text(w, y, 15, 12, late ? _("OVERDUE") : "");
	if (late)
		wattroff(w, draw_attr(STYLE_ERROR));
	draw_text(w, y, 28, cols - 28 - 26, r->person_name);
	draw_text(w, y, cols - 25, 16, masked);
	draw_text(w, y, cols - 8, 8, _(sources[r->source]));
}

static int
keep(const struct registration *r, void *arg)
{
	struct queue *q = arg;

	q->items[q->list.count++] = *r;
	return q->list.count >= QUEUE_MAX;
}

static void
queue_enter(struct tui *tui)
{
	struct queue *q = xcalloc(1, sizeof *q);

	tui->state = q;
	q->today = clock_today();
	q->list.draw_row = queue_row;
	q->list.arg = q;
	if (service_registration_pending(tui->svc, QUEUE_MAX, keep, q) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	q->list.selected = q->list.count > 0 ? 0 : -1;
}

static void
queue_leave(struct tui *tui)
{
	free(tui->state);
	tui->state = NULL;
}

static void
queue_draw(struct tui *tui)
{
	struct queue *q = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w), late = 0, i;
	char line[200];

	for (i = 0; i < q->list.count; i++)
		late += registration_overdue(&q->items[i], q->today);
	snprintf(line, sizeof line, _("Registration requests waiting: %d, "
	    "overdue: %d. Each must be processed within 2 working days."),
	    q->list.count, late);
	draw_wrapped(w, 0, 2, 2, cols - 4, line);
	wattron(w, A_BOLD);
	draw_text(w, 3, 3, 12, _("Deadline"));
	draw_text(w, 3, 28, cols - 54, _("Name"));
	draw_text(w, 3, cols - 25, 16, _("National id"));
	draw_text(w, 3, cols - 8, 8, _("From"));
	wattroff(w, A_BOLD);
	if (q->list.count == 0)
		draw_text(w, 5, 3, cols - 6, _("No requests are waiting."));
	list_draw(&q->list, w, 4, rows - 4);
}

static int
queue_key(struct tui *tui, struct key key)
{
	struct queue *q = tui->state;

	if (tui_common_key(tui, key, true))
		return KEY_HANDLED;
	if (key_is_escape(key)) {
		tui_switch(tui, &screen_citizens);
		return KEY_HANDLED;
	}
	if (key_is_enter(key) && q->list.selected >= 0) {
		tui->person_id = q->items[q->list.selected].person_id;
		tui->card_back = &screen_queue;
		tui_switch(tui, &screen_card);
		return KEY_HANDLED;
	}
	return list_key(&q->list, key, getmaxy(tui->body) - 4);
}

const struct screen screen_queue = {
	.name = "queue",
	.title = N_("Registration requests"),
	.help = N_("Requests for an account from the kiosk, the web platform "
	    "or the counter, earliest deadline first. Each must be processed "
	    "within 2 working days; late ones are marked ⚠ OVERDUE. Enter "
	    "opens the citizen's card, where the identity is validated; that "
	    "closes the request. Esc goes back to the search."),
	.hints = hints,
	.enter = queue_enter,
	.draw = queue_draw,
	.key = queue_key,
	.leave = queue_leave,
};
