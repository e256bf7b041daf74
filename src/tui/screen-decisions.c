/*
 * The council's decisions, at the counter and at the kiosk: a search by
 * number, title words and days of adoption over a list of what it found,
 * the latest first; Enter shows one.  P prints its PDF; at the counter S
 * saves it to a file the clerk names (the kiosk writes no files).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/calendar.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-decision.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "list.h"
#include "tui.h"

#define SHOWN_MAX 100
#define LIST_TOP 7		/* the list's first row, under its header */

enum { F_WORDS, F_NUMBER, F_FROM, F_TO, N_FIELDS };

static const struct form_field_spec fields[N_FIELDS] = {
	{ N_("Words of the title"), 40, 120, false, NULL },
	{ N_("Number"), 12, 12, false, NULL },
	{ N_("Adopted from"), 12, 10, false, NULL },
	{ N_("Adopted until"), 12, 10, false, NULL },
};

static const struct form_field_spec path_field[] = {
	{ N_("Save to file"), 56, 400, false, NULL },
};

/* What the screen shows: the search, one decision, or the save prompt. */
enum view { V_SEARCH, V_DECISION, V_SAVE };

struct decisions {
	struct form_widget *form;
	struct form_widget *path;	/* the save prompt's */
	struct list list;
	struct decision items[SHOWN_MAX];
	enum view view;
	bool in_list;
};

static const struct key_hint staff_hints[] = {
	{ "Enter", N_("Search/Open") },
	{ "↓", N_("List") },
	{ "P", N_("Print") },
	{ "S", N_("Save") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct key_hint kiosk_hints[] = {
	{ "Enter", N_("Search/Open") },
	{ "↓", N_("List") },
	{ "P", N_("Print") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

/* One decision open, and its save prompt. */
static const struct key_hint staff_decision_hints[] = {
	{ "P", N_("Print") },
	{ "S", N_("Save") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct key_hint kiosk_decision_hints[] = {
	{ "P", N_("Print") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct key_hint save_hints[] = {
	{ "Enter", N_("Save") },
	{ "Esc", N_("Cancel") },
	{ NULL, NULL }
};

/* Writes decision d's day of adoption as people read it here. */
static void
adopted_text(const struct decision *d, char *out, size_t len)
{
	struct date day;

	if (date_parse_iso(d->adopted_on, &day))
		date_format_local(day, i18n_language(), out, len);
	else
		snprintf(out, len, "%s", d->adopted_on);
}

static void
decision_row(WINDOW *w, int y, int cols, int i, void *arg)
{
	const struct decision *d = &((struct decisions *)arg)->items[i];
	char number[DECISION_NUMBER_LEN], day[16];

	decision_number_format(d->number, d->year, number, sizeof number);
	adopted_text(d, day, sizeof day);
	draw_text(w, y, 2, 11, number);
	draw_text(w, y, 14, 10, day);
	draw_text(w, y, 26, cols - 28, d->title);
}

static int
keep(const struct decision *d, void *arg)
{
	struct decisions *s = arg;

	s->items[s->list.count++] = *d;
	return s->list.count >= SHOWN_MAX;
}

/* Searches with what the form holds, and lists what was found. */
static void
search(struct tui *tui, struct decisions *s)
{
	char *v[N_FIELDS];
	struct decision_query q;
	int i;

	for (i = 0; i < N_FIELDS; i++)
		v[i] = form_widget_value(s->form, i);
	q = (struct decision_query){ v[F_NUMBER], v[F_WORDS], v[F_FROM],
	    v[F_TO], SHOWN_MAX };
	s->list.count = s->list.top = 0;
	s->list.selected = -1;
	if (service_decision_search(tui->svc, &q, keep, s) != G_OK)
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
	else if (s->list.count == 0)
		tui_message(tui, MSG_INFO, "%s", _("No decision matches: try "
		    "fewer words, or other days."));
	else
		tui_message(tui, MSG_NONE, NULL);
	for (i = 0; i < N_FIELDS; i++)
		free(v[i]);
	s->in_list = false;
}

static void
decisions_enter(struct tui *tui)
{
	struct decisions *s = xcalloc(1, sizeof *s);

	tui->state = s;
	s->form = form_widget_new(fields, N_FIELDS);
	s->path = form_widget_new(path_field, 1);
	s->list.draw_row = decision_row;
	s->list.arg = s;
	search(tui, s);			/* the latest decisions, to begin */
}

static void
decisions_leave(struct tui *tui)
{
	struct decisions *s = tui->state;

	form_widget_free(s->form);
	form_widget_free(s->path);
	free(s);
	tui->state = NULL;
}

/* Returns the decision chosen in the list, or NULL. */
static const struct decision *
chosen(const struct decisions *s)
{
	return s->list.selected >= 0 && s->list.selected < s->list.count ?
	    &s->items[s->list.selected] : NULL;
}

static void
draw_search(struct tui *tui, struct decisions *s)
{
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w);

	form_widget_draw(s->form, w, 0, 2, form_widget_label_width(s->form));
	tui_overlay(tui, form_widget_window(s->form));
	draw_text(w, 4, 2, cols - 4, _("Days as 25.11.2026. Enter searches; "
	    "↓ goes to the list."));
	wattron(w, A_BOLD);
	draw_text(w, LIST_TOP - 1, 2, 11, _("Number"));
	draw_text(w, LIST_TOP - 1, 14, 10, _("Adopted"));
	draw_text(w, LIST_TOP - 1, 26, cols - 28, _("Title"));
	wattroff(w, A_BOLD);
	s->in_list = s->in_list && s->list.count > 0;
	if (s->in_list && s->list.selected < 0)
		s->list.selected = 0;
	else if (!s->in_list)
		s->list.selected = -1;
	list_draw(&s->list, w, LIST_TOP, rows - LIST_TOP);
	if (!s->in_list)
		form_widget_cursor(s->form);
}

/* Writes size bytes as people read a file's size. */
static void
size_text(int64_t size, char *out, size_t len)
{
	if (size < 1024 * 1024)
		snprintf(out, len, "%lld KB", (long long)(size + 1023) / 1024);
	else
		snprintf(out, len, "%.1f MB", (double)size / (1024 * 1024));
}

/* One decision: its number, day, title and file; with keys, what P
 * and S do. */
static void
draw_decision(struct tui *tui, const struct decision *d, bool keys)
{
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w), y;
	char number[DECISION_NUMBER_LEN], day[16], size[32], line[200];

	decision_number_format(d->number, d->year, number, sizeof number);
	adopted_text(d, day, sizeof day);
	wattron(w, A_BOLD);
	snprintf(line, sizeof line, _("Decision %s of %s"), number, day);
	draw_text(w, 1, 2, cols - 4, line);
	wattroff(w, A_BOLD);
	y = 3 + draw_wrapped(w, 3, 2, rows - 8, cols - 4, d->title);
	size_text(d->pdf_size, size, sizeof size);
	snprintf(line, sizeof line, "%s: PDF, %s", _("Text"), size);
	draw_text(w, y + 1, 2, cols - 4, line);
	if (keys)
		draw_wrapped(w, rows - 2, 2, 2, cols - 4, tui->kiosk ?
		    _("P prints it; take it from the printer.") :
		    _("P prints it, S saves its PDF to a file."));
}

static void
draw_save(struct tui *tui, struct decisions *s)
{
	WINDOW *w = tui->body;
	int cols = getmaxx(w);

	draw_decision(tui, chosen(s), false);
	draw_wrapped(w, getmaxy(w) - 6, 2, 2, cols - 4, _("Type the path of "
	    "the new file and press Enter; Esc does not save."));
	form_widget_draw(s->path, w, getmaxy(w) - 4, 2,
	    form_widget_label_width(s->path));
	tui_overlay(tui, form_widget_window(s->path));
	form_widget_cursor(s->path);
}

static void
decisions_draw(struct tui *tui)
{
	struct decisions *s = tui->state;

	if (s->view == V_SEARCH || chosen(s) == NULL)
		draw_search(tui, s);
	else if (s->view == V_DECISION)
		draw_decision(tui, chosen(s), true);
	else
		draw_save(tui, s);
}

static void
print(struct tui *tui, const struct decision *d)
{
	int rc = service_decision_print(tui->svc, d->id, tui->conf->printer);

	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
}

/* Asks where to save d, offering a name in the clerk's home folder. */
static void
ask_path(struct decisions *s, const struct decision *d)
{
	const char *home = getenv("HOME");
	char path[512];

	snprintf(path, sizeof path, "%s/decision-%d-%d.pdf", home != NULL &&
	    home[0] == '/' ? home : "/tmp", d->number, d->year);
	form_widget_set_value(s->path, 0, path);
	s->view = V_SAVE;
}

static void
save(struct tui *tui, struct decisions *s)
{
	char *path = form_widget_value(s->path, 0);
	int rc = service_decision_save(tui->svc, chosen(s)->id, path);

	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
	if (rc == G_OK)
		s->view = V_DECISION;
	free(path);
}

/* Keys on one decision, or its save prompt. */
static int
decision_key(struct tui *tui, struct decisions *s, struct key key)
{
	wint_t k = key.code;

	if (s->view == V_SAVE) {
		if (key_is_escape(key))
			s->view = V_DECISION;
		else if (key_is_enter(key))
			save(tui, s);
		else
			return form_widget_key(s->path, key);
		return KEY_HANDLED;
	}
	if (key_is_escape(key))
		s->view = V_SEARCH;
	else if (key.is_code)
		return KEY_IGNORED;
	else if (k == L'p' || k == L'P' || k == L'π' || k == L'Π')
		print(tui, chosen(s));
	else if (!tui->kiosk && (k == L's' || k == L'S' || k == L'σ' ||
	    k == L'Σ'))
		ask_path(s, chosen(s));
	else
		return KEY_IGNORED;
	return KEY_HANDLED;
}

/* Keys in the list: P and S act on the decision chosen. */
static int
list_keys(struct tui *tui, struct decisions *s, struct key key)
{
	wint_t k = key.code;
	int rc;

	if (key.is_code && key.code == KEY_UP && s->list.selected == 0)
		return s->in_list = false, KEY_HANDLED;
	if ((rc = list_key(&s->list, key, getmaxy(tui->body) - LIST_TOP)) !=
	    KEY_IGNORED)
		return rc;
	if (!key.is_code && (k == L'p' || k == L'P' || k == L'π' ||
	    k == L'Π' || (!tui->kiosk && (k == L's' || k == L'S' ||
	    k == L'σ' || k == L'Σ'))))
		return decision_key(tui, s, key);
	if (key.is_code)
		return KEY_IGNORED;
	s->in_list = false;		/* typing goes to the form */
	return form_widget_key(s->form, key);
}

/* The search's hints are the screen's own; one decision has its keys. */
static const struct key_hint *
decisions_hints_now(const struct tui *tui)
{
	const struct decisions *s = tui->state;

	if (s == NULL || s->view == V_SEARCH || chosen(s) == NULL)
		return NULL;
	if (s->view == V_SAVE)
		return save_hints;
	return tui->kiosk ? kiosk_decision_hints : staff_decision_hints;
}

static int
decisions_key(struct tui *tui, struct key key)
{
	struct decisions *s = tui->state;

	if (s->view != V_SEARCH)
		return decision_key(tui, s, key);
	if (key_is_escape(key)) {
		tui_switch(tui, tui->kiosk ? &screen_kiosk_home :
		    &screen_main);
		return KEY_HANDLED;
	}
	if (key_is_enter(key)) {
		if (s->in_list)
			s->view = V_DECISION;
		else
			search(tui, s);
		return KEY_HANDLED;
	}
	if (s->in_list)
		return list_keys(tui, s, key);
	if (key.is_code && key.code == KEY_DOWN && s->list.count > 0) {
		s->in_list = true;	/* Tab moves between the fields */
		return KEY_HANDLED;
	}
	return form_widget_key(s->form, key);
}

const struct screen screen_decisions = {
	.name = "decisions",
	.title = N_("Council decisions"),
	.help = N_("The decisions of the local council. Type what you know: "
	    "words of the title (their beginnings are enough; accents and "
	    "capitals do not matter), the number (123/2026, or 123 for every "
	    "year), the days of adoption between which to look (25.11.2026), "
	    "and press Enter: the decisions found are listed, the latest "
	    "first. Tab moves between the fields, ↓ goes to the list and ↑ "
	    "from its top back to the fields. Enter opens the decision "
	    "chosen. P prints it through the counter's printer; S saves its "
	    "PDF to a file you name (an existing file is never overwritten). "
	    "Esc goes back."),
	.hints = staff_hints,
	.kiosk_help = N_("The decisions of the local council. Type words "
	    "of a decision's title - accents do not matter - or its number "
	    "(123/2026), or the days between which it was adopted "
	    "(25.11.2026), and press Enter. Press ↓ to choose one of the "
	    "decisions found, and Enter to read about it. P prints it: take "
	    "it from the printer. Esc goes back."),
	.kiosk_hints = kiosk_hints,
	.hints_now = decisions_hints_now,
	.enter = decisions_enter,
	.draw = decisions_draw,
	.key = decisions_key,
	.leave = decisions_leave,
};
