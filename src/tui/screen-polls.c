/*
 * Polls at the kiosk: the polls open today, each marked when the citizen
 * has voted; choosing one shows its options, and a vote, once confirmed,
 * is counted once and cannot be changed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-poll.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"

#define POLLS_SHOWN 16

struct polls {
	struct poll items[POLLS_SHOWN];
	struct list list;		/* the polls, or the open one's options */
	int open;			/* the poll shown, or -1: the list */
	int chosen;			/* the option being confirmed */
};

static const struct key_hint hints[] = {
	{ "↑↓", N_("Choose") },
	{ "Enter", N_("Open/Vote") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static void
poll_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct polls *s = arg;
	char line[300];

	if (s->open < 0)
		snprintf(line, sizeof line, "%s %s", s->items[i].voted ? "✓" :
		    " ", s->items[i].question);
	else
		snprintf(line, sizeof line, "%d  %s", i + 1,
		    s->items[s->open].options[i]);
	draw_text(w, y, 4, cols - 8, line);
}

static int
keep(const struct poll *p, void *arg)
{
	struct polls *s = arg;

	s->items[s->list.count++] = *p;
	return s->list.count == POLLS_SHOWN;
}

/* Reads the polls open today again, and shows their list. */
static void
reload(struct tui *tui, struct polls *s)
{
	s->list.count = s->list.top = 0;
	s->list.selected = 0;
	s->open = -1;
	if (service_poll_list(tui->svc, false, keep, s) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
}

static void
polls_enter(struct tui *tui)
{
	struct polls *s = xcalloc(1, sizeof *s);

	tui->state = s;
	s->list.draw_row = poll_row;
	s->list.arg = s;
	reload(tui, s);
}

static void
polls_leave(struct tui *tui)
{
	free(tui->state);
	tui->state = NULL;
}

static void
polls_draw(struct tui *tui)
{
	struct polls *s = tui->state;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);

	wattron(w, A_BOLD);
	draw_wrapped(w, 1, 4, 2, cols - 8, s->open < 0 ? _("Polls open "
	    "today") : s->items[s->open].question);
	wattroff(w, A_BOLD);
	if (s->list.count == 0)
		draw_text(w, 4, 4, cols - 8, _("No poll is open today."));
	list_draw(&s->list, w, 4, rows - 6);
	draw_wrapped(w, rows - 2, 4, 2, cols - 8, s->open < 0 ?
	    _("✓ marks the polls you have voted in.") : _("Your vote is "
	    "secret: only the totals are ever shown."));
}

/* Casts the vote the citizen confirmed. */
static void
vote_confirmed(struct tui *tui)
{
	struct polls *s = tui->state;
	int rc = service_poll_vote(tui->svc, s->items[s->open].id, s->chosen,
	    0);

	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
	reload(tui, s);
}

static int
polls_key(struct tui *tui, struct key key)
{
	struct polls *s = tui->state;

	if (key_is_escape(key)) {
		if (s->open >= 0)
			reload(tui, s);
		else
			tui_switch(tui, &screen_kiosk_home);
		return KEY_HANDLED;
	}
	if (key_is_enter(key) && s->list.count > 0) {
		if (s->open < 0 && s->items[s->list.selected].voted)
			tui_message(tui, MSG_INFO, "%s", _("You have voted in "
			    "this poll already: each citizen votes once."));
		else if (s->open < 0) {
			s->open = s->list.selected;
			s->list.count = s->items[s->open].noptions;
			s->list.selected = s->list.top = 0;
		} else {
			s->chosen = s->list.selected;
			tui_confirm(tui, vote_confirmed, _("Vote \"%s\"? A vote "
			    "cannot be changed."),
			    s->items[s->open].options[s->chosen]);
		}
		return KEY_HANDLED;
	}
	return list_key(&s->list, key, getmaxy(tui->body) - 6);
}

const struct screen screen_polls = {
	.name = "polls",
	.title = N_("Polls"),
	.help = N_("The town hall's polls open today. Choose one with ↑ and ↓ "
	    "and press Enter to see its options; choose yours and press "
	    "Enter, then Y to confirm. Each citizen votes once per poll, here "
	    "or at the counter, and a vote cannot be changed. Votes are "
	    "secret: nobody can see who voted for what, only the totals. Esc "
	    "goes back."),
	.hints = hints,
	.enter = polls_enter,
	.draw = polls_draw,
	.key = polls_key,
	.leave = polls_leave,
};
