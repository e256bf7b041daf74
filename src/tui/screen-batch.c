/*
 * Batch printing of credential envelopes for supervisors: every envelope
 * waiting or whose print failed, one job each, with a progress bar and a
 * line per failure.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "guichet/envelope.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-envelope.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

#define FAILURES_SHOWN 12

struct batch {
	int done, total, printed, failed;
	char failures[FAILURES_SHOWN][300];
	int nfailures;
	bool ran;
	WINDOW *body;
};

static const struct key_hint hints[] = {
	{ "Enter/P", N_("Print all waiting") },
	{ "?/F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static void
batch_enter(struct tui *tui)
{
	tui->state = xcalloc(1, sizeof(struct batch));
}

static void
batch_leave(struct tui *tui)
{
	free(tui->state);
	tui->state = NULL;
}

/* Draws the bar: "[#####     ] 5/10". */
static void
bar_draw(WINDOW *w, int y, int cols, int done, int total)
{
	char line[64];
	int width = cols - 20, filled = total > 0 ? done * width / total : 0;

	mvwaddch(w, y, 2, '[');
	mvwhline(w, y, 3, '#', filled);
	mvwhline(w, y, 3 + filled, ' ', width - filled);
	mvwaddch(w, y, 3 + width, ']');
	snprintf(line, sizeof line, " %d/%d", done, total);
	draw_text(w, y, 4 + width, 15, line);
}

static void
batch_draw(struct tui *tui)
{
	struct batch *b = tui->state;
	WINDOW *w = tui->body;
	int cols = getmaxx(w), i;
	char line[200];

	b->body = w;
	draw_wrapped(w, 0, 2, 3, cols - 4, _("Prints every envelope waiting "
	    "to be printed or whose printing failed, one job each, on the "
	    "envelope printer. A failed envelope keeps its credentials "
	    "unusable and stays in the list for the next run."));
	if (!b->ran)
		return;
	bar_draw(w, 4, cols, b->done, b->total);
	snprintf(line, sizeof line, _("%d printed, %d failed."), b->printed,
	    b->failed);
	draw_text(w, 6, 2, cols - 4, line);
	for (i = 0; i < b->nfailures; i++) {
		wattron(w, draw_attr(STYLE_ERROR));
		draw_text(w, 8 + i, 2, cols - 4, b->failures[i]);
		wattroff(w, draw_attr(STYLE_ERROR));
	}
}

/* Shows each envelope's outcome as the batch goes. */
static void
progress(const struct envelope *e, int rc, const char *message, int done,
    int total, void *arg)
{
	struct batch *b = arg;

	b->done = done;
	b->total = total;
	if (rc != G_OK && b->nfailures < FAILURES_SHOWN)
		snprintf(b->failures[b->nfailures++],
		    sizeof b->failures[0], "✗ %s: %s", e->serial, message);
	if (b->body != NULL) {
		bar_draw(b->body, 4, getmaxx(b->body), done, total);
		wrefresh(b->body);
	}
}

static int
batch_key(struct tui *tui, struct key key)
{
	struct batch *b = tui->state;
	int rc;

	if (tui_common_key(tui, key, true))
		return KEY_HANDLED;
	if (key_is_escape(key))
		return tui_switch(tui, &screen_main), KEY_HANDLED;
	if ((!key.is_code && (key.code == L'\n' || key.code == L'\r' ||
	    key.code == L'p' || key.code == L'P')) ||
	    (key.is_code && key.code == KEY_ENTER)) {
		memset(b->failures, 0, sizeof b->failures);
		b->nfailures = b->done = b->total = 0;
		b->ran = true;
		rc = service_envelope_print_pending(tui->svc, NULL, progress,
		    b, &b->printed, &b->failed);
		tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
		    service_message(tui->svc));
		return KEY_HANDLED;
	}
	return KEY_IGNORED;
}

const struct screen screen_batch = {
	.name = "batch",
	.title = N_("Print envelopes"),
	.help = N_("For supervisors: Enter (or P) prints every envelope that "
	    "waits to be printed or whose printing failed, one job each, with "
	    "a progress bar. Each failure is listed with its reason; those "
	    "envelopes stay unusable and are tried again next time. Esc goes "
	    "back to the main screen."),
	.hints = hints,
	.enter = batch_enter,
	.draw = batch_draw,
	.key = batch_key,
	.leave = batch_leave,
};
