/*
 * Polls: at the kiosk, the polls open today, each marked when the
 * citizen has voted; choosing one shows its options, and a vote, once
 * confirmed, is counted once and cannot be changed.  At the counter the
 * same for the citizen on the card (their vote cast at the counter), or,
 * from the main screen, every poll with its totals.
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
	bool tally;			/* totals, not votes */
	int64_t voter;			/* whose vote: 0 at the kiosk */
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

/* The totals: Enter opens a poll's, and there is nothing to vote. */
static const struct key_hint tally_hints[] = {
	{ "↑↓", N_("Choose") },
	{ "Enter", N_("Totals") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct key_hint *
polls_hints_now(const struct tui *tui)
{
	const struct polls *s = tui->state;

	return s != NULL && s->tally ? tally_hints : NULL;
}

/* Adds up a poll's votes. */
static int64_t
total(const struct poll *p)
{
	int64_t sum = 0;
	int i;

	for (i = 0; i < p->noptions; i++)
		sum += p->votes[i];
	return sum;
}

/* An option with its votes, its share and a bar of it. */
static void
tally_row(WINDOW *w, int y, int cols, const struct poll *p, int i)
{
	int64_t all = total(p);
	int percent = all > 0 ? (int)(p->votes[i] * 100 / all) : 0;
	char line[300], count[48];

	snprintf(line, sizeof line, "%d  %s", i + 1, p->options[i]);
	draw_text(w, y, 4, cols / 2 - 4, line);
	snprintf(count, sizeof count, "%6lld %3d%% ", (long long)p->votes[i],
	    percent);
	draw_text(w, y, cols / 2, cols / 2 - 4, count);
	mvwhline(w, y, cols / 2 + 12, ACS_CKBOARD,
	    percent * (cols / 2 - 16) / 100);
}

static void
poll_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	struct polls *s = arg;
	const struct poll *p = &s->items[i];
	char line[300];

	if (s->open >= 0 && s->tally) {
		tally_row(w, y, cols, &s->items[s->open], i);
		return;
	}
	if (s->open >= 0)
		snprintf(line, sizeof line, "%d  %s", i + 1,
		    s->items[s->open].options[i]);
	else if (s->tally)
		snprintf(line, sizeof line, _("%s  (%s – %s; votes: %lld)"),
		    p->question, p->opens_on, p->closes_on,
		    (long long)total(p));
	else
		snprintf(line, sizeof line, "%s %s", p->voted ? "✓" : " ",
		    p->question);
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
	if (service_poll_list(tui->svc, s->tally, s->voter, keep, s) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
}

static void
polls_enter(struct tui *tui)
{
	struct polls *s = xcalloc(1, sizeof *s);

	tui->state = s;
	s->voter = tui->kiosk ? 0 : tui->person_id;
	s->tally = !tui->kiosk && tui->person_id == 0;
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
	draw_wrapped(w, 1, 4, 2, cols - 8, s->open >= 0 ?
	    s->items[s->open].question : s->tally ? _("All polls, newest "
	    "first") : _("Polls open today"));
	wattroff(w, A_BOLD);
	if (s->list.count == 0)
		draw_text(w, 4, 4, cols - 8, s->tally ? _("There are no polls "
		    "yet: a supervisor creates them with guichetctl polls "
		    "create.") : _("No poll is open today."));
	list_draw(&s->list, w, 4, rows - 6);
	draw_wrapped(w, rows - 2, 4, 2, cols - 8, s->tally ? _("Only the "
	    "totals are kept: nobody can see who voted for what.") :
	    s->open < 0 ? _("✓ marks the polls this citizen has voted in.") :
	    _("The vote is secret: only the totals are ever shown."));
}

/* Casts the vote the citizen confirmed. */
static void
vote_confirmed(struct tui *tui)
{
	struct polls *s = tui->state;
	int rc = service_poll_vote(tui->svc, s->items[s->open].id, s->chosen,
	    s->voter);

	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
	reload(tui, s);
	if (rc == G_OK)
		tui_transaction_done(tui, NULL);
}

static int
polls_key(struct tui *tui, struct key key)
{
	struct polls *s = tui->state;

	if (key_is_escape(key)) {
		if (s->open >= 0)
			reload(tui, s);
		else
			tui_switch(tui, tui->kiosk ? &screen_kiosk_home :
			    s->voter != 0 ? &screen_card : &screen_main);
		return KEY_HANDLED;
	}
	if (key_is_enter(key) && s->list.count > 0) {
		if (s->open < 0 && s->items[s->list.selected].voted)
			tui_message(tui, MSG_INFO, "%s", tui->kiosk ? _("You "
			    "have voted in this poll already: each citizen votes "
			    "once.") : _("This citizen has voted in this poll "
			    "already, here or at a kiosk: each citizen votes "
			    "once."));
		else if (s->open < 0) {
			s->open = s->list.selected;
			s->list.count = s->items[s->open].noptions;
			s->list.selected = s->list.top = 0;
		} else if (!s->tally) {
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
	.help = N_("From the main screen (area 8): every poll, newest first, "
	    "with its dates and how many voted; Enter shows the totals of "
	    "each option. From a citizen's card (P): the polls open today, ✓ "
	    "where the citizen has voted; Enter shows a poll's options, Enter "
	    "on the citizen's choice and Y casts their vote, recorded as cast "
	    "at the counter. Each citizen votes once per poll, here or at a "
	    "kiosk. Votes are secret: only the totals are kept. Esc goes "
	    "back."),
	.hints = hints,
	.hints_now = polls_hints_now,
	.kiosk_help = N_("The town hall's polls open today. Choose one with ↑ "
	    "and ↓ and press Enter to see its options; choose yours and "
	    "press Enter, then Y to confirm. You vote once per poll, here or "
	    "at the counter, and a vote cannot be changed. Votes are secret: "
	    "nobody can see who voted for what, only the totals. Esc goes "
	    "back."),
	.enter = polls_enter,
	.draw = polls_draw,
	.key = polls_key,
	.leave = polls_leave,
};
