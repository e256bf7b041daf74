/*
 * Registering a citizen: two pages (identity and contact; address), every
 * field checked by the service layer and each reason shown next to its
 * field.  A national id already registered opens that person's card.
 * At the kiosk the same form is a visitor's application for an account
 * (norms annex 1), filed as a registration request.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/person-check.h"
#include "guichet/service-person.h"
#include "guichet/service-registration.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

#define PAGES 2
#define FIELDS_MAX 10

static const char *const contact_choices[] = {
	N_("phone"), N_("e-mail"), N_("post"), NULL
};

/* A field of the form: what it shows, which person field it fills, and
 * where that lives in struct person (0 size: not a text field). */
struct reg_field {
	struct form_field_spec spec;
	enum person_field field;
	size_t offset, size;
};

#define TEXT(label, w, max, pf, member) \
	{ { label, w, max, false, NULL }, pf, \
	  offsetof(struct person, member), \
	  sizeof(((struct person *)0)->member) }
#define BIRTH { { N_("Birth date"), 12, 10, false, NULL }, PF_BIRTH_DATE, \
	0, 0 }
#define CONTACT { { N_("Contact by"), 16, 16, false, contact_choices }, \
	PF_CONTACT, 0, 0 }

/* The national ids each country's page starts with. */
static const struct reg_field ro_ids[] = {
	TEXT(N_("CNP"), 13, 13, PF_CNP, cnp),
};

static const struct reg_field gr_ids[] = {
	TEXT(N_("AFM"), 9, 9, PF_AFM, afm),
	TEXT(N_("AMKA"), 11, 11, PF_AMKA, amka),
};

static const struct reg_field identity[] = {
	TEXT(N_("Surname"), 30, 64, PF_SURNAME, surname),
	TEXT(N_("Given names"), 30, 64, PF_GIVEN_NAMES, given_names),
	TEXT(N_("Former names"), 30, 128, PF_FORMER_NAMES, former_names),
	BIRTH,
	TEXT(N_("Phone"), 20, 24, PF_PHONE, phone),
	TEXT(N_("E-mail"), 30, 96, PF_EMAIL, email),
	CONTACT,
};

static const struct reg_field address[] = {
	TEXT(N_("Town"), 30, 64, PF_TOWN, address.town),
	TEXT(N_("District"), 20, 48, PF_DISTRICT, address.district),
	TEXT(N_("Street"), 30, 96, PF_STREET, address.street),
	TEXT(N_("Number"), 8, 12, PF_NUMBER, address.number),
	TEXT(N_("Block"), 8, 12, PF_BLOCK, address.block),
	TEXT(N_("Staircase"), 8, 12, PF_STAIRCASE, address.staircase),
	TEXT(N_("Floor"), 6, 6, PF_FLOOR, address.floor),
	TEXT(N_("Apartment"), 8, 12, PF_APARTMENT, address.apartment),
	TEXT(N_("Postal code"), 8, 7, PF_POSTAL_CODE, address.postal_code),
};

#undef TEXT

struct page {
	struct reg_field fields[FIELDS_MAX];
	int n;
	struct form_field_spec specs[FIELDS_MAX];
	struct form_widget *form;
	const char *title;
};

struct reg {
	struct page pages[PAGES];
	int page;
};

static const struct key_hint hints[] = {
	{ "Tab/↑↓", N_("Field") },
	{ "PgDn/PgUp", N_("Page") },
	{ "←→", N_("Choice") },
	{ "Enter", N_("Save") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Cancel") },
	{ NULL, NULL }
};

static const struct key_hint kiosk_hints[] = {
	{ "Tab/↑↓", N_("Field") },
	{ "PgDn/PgUp", N_("Page") },
	{ "←→", N_("Choice") },
	{ "Enter", N_("Send") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

/* Builds one page's form from the fields of head and then tail. */
static void
page_init(struct page *pg, const struct reg_field *head, int nhead,
    const struct reg_field *tail, int ntail, const char *title)
{
	int i;

	pg->n = nhead + ntail;
	pg->title = title;
	for (i = 0; i < pg->n; i++) {
		pg->fields[i] = i < nhead ? head[i] : tail[i - nhead];
		pg->specs[i] = pg->fields[i].spec;
	}
	pg->form = form_widget_new(pg->specs, pg->n);
}

static void
register_enter(struct tui *tui)
{
	struct reg *r = xcalloc(1, sizeof *r);

	if (tui->conf->country == COUNTRY_GR)
		page_init(&r->pages[0], gr_ids, COUNT(gr_ids), identity,
		    COUNT(identity), N_("Identity and contact"));
	else
		page_init(&r->pages[0], ro_ids, COUNT(ro_ids), identity,
		    COUNT(identity), N_("Identity and contact"));
	page_init(&r->pages[1], NULL, 0, address, COUNT(address),
	    N_("Address"));
	form_widget_set_choice(r->pages[0].form, r->pages[0].n - 1, 2);
	tui->state = r;
}

static void
register_leave(struct tui *tui)
{
	struct reg *r = tui->state;
	int i;

	for (i = 0; i < PAGES; i++)
		form_widget_free(r->pages[i].form);
	free(r);
	tui->state = NULL;
}

static void
register_draw(struct tui *tui)
{
	struct reg *r = tui->state;
	struct page *pg = &r->pages[r->page];
	WINDOW *w = tui->body;
	char line[160];

	snprintf(line, sizeof line, _("%s — page %d of %d: %s"),
	    _(tui_title(tui, &screen_register)), r->page + 1, PAGES,
	    _(pg->title));
	wattron(w, A_BOLD);
	draw_text(w, 0, 2, getmaxx(w) - 4, line);
	wattroff(w, A_BOLD);
	form_widget_draw(pg->form, w, 2, 2, form_widget_label_width(pg->form));
	tui_overlay(tui, form_widget_window(pg->form));
	if (r->page == 0)
		draw_text(w, 3 + pg->n, 2, getmaxx(w) - 4,
		    tui->conf->country == COUNTRY_RO ?
		    _("The birth date may stay empty: it comes from the CNP.") :
		    _("The birth date may stay empty: it comes from the AMKA."));
	form_widget_cursor(pg->form);
}

/* Copies the pages' values into *p; returns false (and marks the field)
 * when the birth date cannot be read. */
static bool
collect(struct reg *r, struct person *p)
{
	const struct reg_field *f;
	struct page *pg;
	bool ok = true;
	char *value;
	int i, k;

	memset(p, 0, sizeof *p);
	for (k = 0; k < PAGES; k++) {
		pg = &r->pages[k];
		form_widget_clear_errors(pg->form);
		for (i = 0; i < pg->n; i++) {
			f = &pg->fields[i];
			if (f->field == PF_CONTACT) {
				p->contact = form_widget_choice(pg->form, i);
				continue;
			}
			value = form_widget_value(pg->form, i);
			if (f->field == PF_BIRTH_DATE) {
				if (value[0] != '\0' &&
				    !date_parse_any(value, &p->birth_date)) {
					form_widget_set_error(pg->form, i,
					    N_("Birth date: write it as "
					    "31.12.1980."));
					form_widget_focus(pg->form, i);
					r->page = k;
					ok = false;
				}
			} else
				snprintf((char *)p + f->offset, f->size, "%s",
				    value);
			free(value);
		}
	}
	return ok;
}

/* Marks each problem next to its field and moves to the first one. */
static void
show_problems(struct reg *r, const struct person_problem *problems,
    int count)
{
	int i, k, j;
	bool moved = false;

	for (j = 0; j < count; j++)
		for (k = 0; k < PAGES; k++)
			for (i = 0; i < r->pages[k].n; i++) {
				if (r->pages[k].fields[i].field !=
				    problems[j].field)
					continue;
				form_widget_set_error(r->pages[k].form, i,
				    problems[j].reason);
				if (!moved) {
					r->page = k;
					form_widget_focus(r->pages[k].form, i);
					moved = true;
				}
			}
}

/* Sends the form to the service: at the kiosk a visitor's application,
 * which leaves its number on the menu; at the counter a registration,
 * which opens the citizen's card.  A problem is shown next to its
 * field. */
static void
submit(struct tui *tui, struct reg *r)
{
	struct person_problem problems[PF_COUNT];
	struct person p;
	int64_t id;
	int count = 0, rc;

	if (!collect(r, &p)) {
		tui_message(tui, MSG_ERROR, "%s", _("Birth date: write it as "
		    "31.12.1980."));
		return;
	}
	rc = tui->kiosk ? service_registration_apply(tui->svc, &p, problems,
	    PF_COUNT, &count, &id) : service_person_register(tui->svc, &p,
	    problems, PF_COUNT, &count, &id);
	if (rc == G_ERR_INVALID && count > 0) {
		show_problems(r, problems, count);
		tui_message(tui, MSG_ERROR, "%s", _(problems[0].reason));
		return;
	}
	tui_message(tui, rc == G_OK || rc == G_ERR_EXISTS ? MSG_INFO :
	    MSG_ERROR, "%s", service_message(tui->svc));
	if (tui->kiosk && rc == G_OK)
		tui_transaction_done(tui, &screen_kiosk_home);
	else if (!tui->kiosk && (rc == G_OK || rc == G_ERR_EXISTS)) {
		tui->person_id = id;
		tui->card_back = &screen_citizens;
		tui_switch(tui, &screen_card);
	}
}

static int
register_key(struct tui *tui, struct key key)
{
	struct reg *r = tui->state;
	struct page *pg = &r->pages[r->page];
	int cur = form_widget_current(pg->form);

	if (key_is_enter(key)) {
		submit(tui, r);
		return KEY_HANDLED;
	}
	if (key_is_escape(key)) {
		tui_confirm_leave(tui, tui->kiosk ? &screen_kiosk_home :
		    &screen_citizens);
		return KEY_HANDLED;
	}
	if (key.is_code && (key.code == KEY_NPAGE || key.code == KEY_PPAGE)) {
		r->page = key.code == KEY_NPAGE ? 1 : 0;
		return KEY_HANDLED;
	}
	/* Tab past the last field of the first page goes on to the next. */
	if (r->page == 0 && cur == pg->n - 1 && ((!key.is_code &&
	    key.code == L'\t') || (key.is_code && key.code == KEY_DOWN))) {
		r->page = 1;
		form_widget_focus(r->pages[1].form, 0);
		return KEY_HANDLED;
	}
	if (r->page == 1 && cur == 0 && key.is_code && (key.code == KEY_UP ||
	    key.code == KEY_BTAB)) {
		r->page = 0;
		form_widget_focus(r->pages[0].form, r->pages[0].n - 1);
		return KEY_HANDLED;
	}
	return form_widget_key(pg->form, key);
}

const struct screen screen_register = {
	.name = "register",
	.title = N_("New citizen"),
	.help = N_("Type the citizen's data as on their identity document. "
	    "Tab or the arrows move between fields; Page Down and Page Up "
	    "switch between the identity page and the address page; the left "
	    "and right arrows change the contact preference. Enter saves: "
	    "every field is checked, and a field with a problem is marked "
	    "with ✗ and its reason. If the national id is already registered, "
	    "that person's card opens instead. Esc leaves without saving, "
	    "after asking."),
	.hints = hints,
	.kiosk_title = N_("Apply for an account"),
	.kiosk_help = N_("Type your data as on your identity card: the arrow "
	    "keys or Tab move between fields, Page Down and Page Up switch "
	    "between the page with your name and the page with your address. "
	    "Enter sends the application: a field with a problem is marked "
	    "with ✗ and its reason. You get a number; bring your identity "
	    "card to the counter, where you receive the envelope with your "
	    "username and password. Esc goes back without sending."),
	.kiosk_hints = kiosk_hints,
	.enter = register_enter,
	.draw = register_draw,
	.key = register_key,
	.leave = register_leave,
};
