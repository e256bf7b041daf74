/*
 * The citizen card, the hub of the counter: who the person is, where they
 * live, their account level and how it was reached, its history, the
 * businesses they represent; from here the clerk validates or revokes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/business.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/iddoc.h"
#include "guichet/level.h"
#include "guichet/service-business.h"
#include "guichet/service-person.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"
#include "view-person.h"

#define HISTORY_MAX 32
#define BUSINESS_MAX 8

static const struct form_field_spec reason_field[] = {
	{ N_("Reason"), 50, 200, false, NULL },
};

/* What a reason is being asked for. */
enum ask { ASK_REVOKE, ASK_SUSPEND, ASK_CLOSE, ASK_REINSTATE };

struct card {
	struct person person;
	bool loaded;
	struct validation active;
	bool validated;
	struct level_change history[HISTORY_MAX];
	int history_count;
	struct representative businesses[BUSINESS_MAX];
	int business_count;
	struct form_widget *reason;	/* asking why, or NULL */
	enum ask asking;		/* ... for what */
};

static const struct key_hint hints[] = {
	{ "V/F5", N_("Validate") },
	{ "S", N_("Signed request") },
	{ "X/F6", N_("Revoke") },
	{ "Z/C", N_("Suspend/Close") },
	{ "E", N_("Envelope") },
	{ "R", N_("Requests") },
	{ "T", N_("Taxes") },
	{ "P", N_("Polls") },
	{ "?/F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static int
keep_change(const struct level_change *c, void *arg)
{
	struct card *card = arg;

	if (card->history_count == HISTORY_MAX) {
		memmove(card->history, card->history + 1,
		    (HISTORY_MAX - 1) * sizeof *card->history);
		card->history_count--;
	}
	card->history[card->history_count++] = *c;
	return 0;
}

static int
keep_validation(const struct validation *v, void *arg)
{
	struct card *card = arg;

	if (v->revoked_at[0] == '\0') {
		card->active = *v;
		card->validated = true;
	}
	return 0;
}

static int
keep_business(const struct representative *r, void *arg)
{
	struct card *card = arg;

	if (card->business_count < BUSINESS_MAX)
		card->businesses[card->business_count++] = *r;
	return 0;
}

/* Reads everything the card shows about the person being served. */
static void
card_load(struct tui *tui, struct card *c)
{
	int64_t id = tui->person_id;

	c->loaded = service_person_get(tui->svc, id, &c->person) == G_OK;
	if (!c->loaded) {
		tui_message(tui, MSG_ERROR, "%s", service_message(tui->svc));
		return;
	}
	c->validated = false;
	c->history_count = c->business_count = 0;
	service_person_validations(tui->svc, id, keep_validation, c);
	service_person_history(tui->svc, id, keep_change, c);
	service_business_of_person(tui->svc, id, keep_business, c);
}

static void
card_enter(struct tui *tui)
{
	struct card *c = xcalloc(1, sizeof *c);

	tui->state = c;
	card_load(tui, c);
}

static void
card_leave(struct tui *tui)
{
	struct card *c = tui->state;

	form_widget_free(c->reason);
	free(c);
	tui->state = NULL;
}

/* Writes the address on one line, parts that are empty left out. */
static void
address_line(const struct address *a, char *out, size_t len)
{
	snprintf(out, len, "%s %s%s%s%s%s%s%s%s%s, %s%s%s %s", a->street,
	    a->number, a->block[0] ? _(", bl. ") : "", a->block,
	    a->staircase[0] ? _(", sc. ") : "", a->staircase,
	    a->floor[0] ? _(", fl. ") : "", a->floor,
	    a->apartment[0] ? _(", ap. ") : "", a->apartment, a->town,
	    a->district[0] ? ", " : "", a->district, a->postal_code);
}

/* Draws "Label: value" at y and returns the next row. */
static int
labelled(WINDOW *w, int y, int cols, const char *label, const char *value)
{
	char line[600];

	snprintf(line, sizeof line, "%s: %s", label, value);
	draw_text(w, y, 2, cols - 4, line);
	return y + 1;
}

/* Describes the active validation in one line. */
static void
validation_line(const struct validation *v, char *out, size_t len)
{
	if (v->method == VALIDATION_COUNTER)
		snprintf(out, len, "%s, %s %s %s, %s, %s", _(
		    validation_method_label(v->method)),
		    _(iddoc_type_label(v->doc.type)), v->doc.series,
		    v->doc.number, v->at, v->validated_by);
	else
		snprintf(out, len, "%s, %s, %s",
		    _(validation_method_label(v->method)), v->at,
		    v->validated_by);
}

static void
card_draw(struct tui *tui)
{
	static const char *const contacts[] = {
		N_("phone"), N_("e-mail"), N_("post")
	};
	struct card *c = tui->state;
	const struct person *p = &c->person;
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w), y = 0, i;
	char line[600], birth[16] = "—";

	if (!c->loaded)
		return;
	view_person_header(w, y++, cols, p);
	y++;
	if (p->birth_date.year != 0)
		date_format_local(p->birth_date, i18n_language(), birth,
		    sizeof birth);
	if (p->cnp[0] != '\0')
		snprintf(line, sizeof line, "%s   CNP: %s", birth, p->cnp);
	else
		snprintf(line, sizeof line, "%s   ΑΦΜ: %s   ΑΜΚΑ: %s", birth,
		    p->afm, p->amka);
	y = labelled(w, y, cols, _("Born"), line);
	if (p->former_names[0] != '\0')
		y = labelled(w, y, cols, _("Former names"), p->former_names);
	address_line(&p->address, line, sizeof line);
	y = labelled(w, y, cols, _("Address"), line);
	snprintf(line, sizeof line, "%s   %s   (%s: %s)", p->phone[0] ?
	    p->phone : "—", p->email[0] ? p->email : "—", _("prefers"),
	    _(contacts[p->contact]));
	y = labelled(w, y, cols, _("Contact"), line);
	y++;
	snprintf(line, sizeof line, "%s", _(level_label(p->level)));
	if (c->validated) {
		size_t n = strlen(line);

		snprintf(line + n, sizeof line - n, " — ");
		n = strlen(line);
		validation_line(&c->active, line + n, sizeof line - n);
	}
	y = labelled(w, y, cols, _("Account"), line);
	for (i = 0; i < c->business_count && y < rows - 4; i++) {
		snprintf(line, sizeof line, "%s (%s)",
		    c->businesses[i].business_name,
		    c->businesses[i].document_ref);
		y = labelled(w, y, cols, _("Represents"), line);
	}
	y++;
	if (c->reason != NULL) {
		draw_text(w, y++, 2, cols - 4, c->asking == ASK_REVOKE ?
		    _("Why is the validation revoked? Enter to go on, Esc to "
		    "cancel.") : _("Why does the account change? Enter to go "
		    "on, Esc to cancel."));
		form_widget_draw(c->reason, w, y, 2,
		    form_widget_label_width(c->reason));
		tui_overlay(tui, form_widget_window(c->reason));
		form_widget_cursor(c->reason);
		return;
	}
	wattron(w, A_BOLD);
	draw_text(w, y++, 2, cols - 4, _("History"));
	wattroff(w, A_BOLD);
	for (i = c->history_count - 1; i >= 0 && y < rows; i--) {
		const struct level_change *h = &c->history[i];

		/* Reasons the program wrote are in the catalogue; what a
		 * clerk typed is not, and gettext returns it as it is. */
		snprintf(line, sizeof line, "%.10s  %s → %s  %s  %s", h->at,
		    view_level_short(h->from), view_level_short(h->to), h->by,
		    h->reason[0] != '\0' ? _(h->reason) : "");
		draw_text(w, y++, 4, cols - 6, line);
	}
}

/* Does what the reason was asked for, once the clerk said yes. */
static void
reason_confirmed(struct tui *tui)
{
	struct card *c = tui->state;
	char *reason = form_widget_value(c->reason, 0);
	int rc;

	if (c->asking == ASK_REVOKE)
		rc = service_person_revoke(tui->svc, tui->person_id, reason);
	else
		rc = service_person_set_status(tui->svc, tui->person_id,
		    c->asking == ASK_SUSPEND ? LEVEL_SUSPENDED :
		    c->asking == ASK_CLOSE ? LEVEL_CLOSED : LEVEL_STANDARD,
		    reason);
	tui_message(tui, rc == G_OK ? MSG_INFO : MSG_ERROR, "%s",
	    service_message(tui->svc));
	free(reason);
	form_widget_free(c->reason);
	c->reason = NULL;
	card_load(tui, c);
}

/* Asks the question that fits what the reason is for. */
static void
reason_confirm(struct tui *tui, struct card *c)
{
	const char *who_given = c->person.given_names;
	const char *who = c->person.surname;

	switch (c->asking) {
	case ASK_REVOKE:
		tui_confirm(tui, reason_confirmed, _("Revoke the validation of "
		    "%s %s? The account goes back to Level A: no fiscal data, "
		    "certificates or payments until validated again."),
		    who_given, who);
		break;
	case ASK_SUSPEND:
		tui_confirm(tui, reason_confirmed, _("Suspend the account of "
		    "%s %s? They cannot log in or use any service until it is "
		    "reinstated."), who_given, who);
		break;
	case ASK_CLOSE:
		tui_confirm(tui, reason_confirmed, _("Close the account of %s "
		    "%s? This is final: a closed account is never opened "
		    "again."), who_given, who);
		break;
	case ASK_REINSTATE:
		tui_confirm(tui, reason_confirmed, _("Reinstate the account of "
		    "%s %s at the level it had?"), who_given, who);
		break;
	}
}

/* Opens the reason field for what. */
static void
reason_ask(struct card *c, enum ask what)
{
	c->asking = what;
	c->reason = form_widget_new(reason_field, 1);
}

/* Handles keys while a reason is asked. */
static int
reason_key(struct tui *tui, struct card *c, struct key key)
{
	char *reason;

	if (key_is_escape(key)) {
		form_widget_free(c->reason);
		c->reason = NULL;
		tui_message(tui, MSG_INFO, "%s", _("Cancelled; nothing "
		    "changed."));
		return KEY_HANDLED;
	}
	if (key_is_enter(key)) {
		reason = form_widget_value(c->reason, 0);
		if (reason[0] == '\0')
			tui_message(tui, MSG_ERROR, "%s", _("Reason: say why."));
		else
			reason_confirm(tui, c);
		free(reason);
		return KEY_HANDLED;
	}
	return form_widget_key(c->reason, key);
}

static int
card_key(struct tui *tui, struct key key)
{
	struct card *c = tui->state;
	wint_t k = key.code;

	if (c->reason != NULL)
		return reason_key(tui, c, key);
	if (tui_common_key(tui, key, true))
		return KEY_HANDLED;
	if (!key.is_code && k == 27) {
		tui_switch(tui, tui->card_back != NULL ? tui->card_back :
		    &screen_citizens);
		return KEY_HANDLED;
	}
	if (!c->loaded)
		return KEY_IGNORED;
	if ((key.is_code && k == KEY_F(5)) ||
	    (!key.is_code && (k == L'v' || k == L'V'))) {
		if (c->validated)
			tui_message(tui, MSG_INFO, "%s", _("Already validated "
			    "(Level B)."));
		else
			tui_switch(tui, &screen_validate);
		return KEY_HANDLED;
	}
	if ((key.is_code && k == KEY_F(6)) ||
	    (!key.is_code && (k == L'x' || k == L'X'))) {
		if (!c->validated)
			tui_message(tui, MSG_INFO, "%s", _("There is no "
			    "validation to revoke."));
		else
			reason_ask(c, ASK_REVOKE);
		return KEY_HANDLED;
	}
	if (!key.is_code && (k == L'z' || k == L'Z')) {
		if (c->person.level == LEVEL_CLOSED)
			tui_message(tui, MSG_INFO, "%s", _("This account is "
			    "closed."));
		else
			reason_ask(c, c->person.level == LEVEL_SUSPENDED ?
			    ASK_REINSTATE : ASK_SUSPEND);
		return KEY_HANDLED;
	}
	if (!key.is_code && (k == L'c' || k == L'C')) {
		if (c->person.level == LEVEL_CLOSED)
			tui_message(tui, MSG_INFO, "%s", _("This account is "
			    "closed."));
		else
			reason_ask(c, ASK_CLOSE);
		return KEY_HANDLED;
	}
	if (!key.is_code && (k == L's' || k == L'S')) {
		if (c->validated)
			tui_message(tui, MSG_INFO, "%s", _("Already validated "
			    "(Level B)."));
		else
			tui_switch(tui, &screen_enrolment);
		return KEY_HANDLED;
	}
	if (!key.is_code && (k == L'e' || k == L'E')) {
		tui_switch(tui, &screen_envelopes);
		return KEY_HANDLED;
	}
	if (!key.is_code && (k == L't' || k == L'T')) {
		snprintf(tui->taxpayer, sizeof tui->taxpayer, "%s",
		    c->person.cnp[0] ? c->person.cnp : c->person.afm);
		tui->taxes_back = &screen_card;
		tui_switch(tui, &screen_taxes);
		return KEY_HANDLED;
	}
	if (!key.is_code && (k == L'p' || k == L'P')) {
		tui_switch(tui, &screen_polls);
		return KEY_HANDLED;
	}
	if (!key.is_code && (k == L'r' || k == L'R')) {
		tui->requests_of = tui->person_id;
		tui_switch(tui, &screen_requests);
		return KEY_HANDLED;
	}
	return KEY_IGNORED;
}

const struct screen screen_card = {
	.name = "card",
	.title = N_("Citizen card"),
	.help = N_("The citizen's card: identity, address, contact, the "
	    "account level and how it was reached, its history, and the "
	    "businesses the citizen represents. V (or F5) validates the "
	    "identity in person with an original document; S validates it "
	    "with a digitally signed enrolment request; X (or F6) revokes "
	    "a validation, after asking why. A supervisor suspends (Z) or "
	    "reinstates (Z again) an account, or closes it for good (C), "
	    "always with a reason. E opens the citizen's credential "
	    "envelopes. R lists the citizen's requests, where F3 files a new "
	    "one for them. T opens their taxpayer register. P opens the polls "
	    "open today, where the citizen votes at the counter. Esc goes back "
	    "to the list the card was opened from."),
	.hints = hints,
	.enter = card_enter,
	.draw = card_draw,
	.key = card_key,
	.leave = card_leave,
};
