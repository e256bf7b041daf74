/*
 * Registering a business: its fiscal code (CUI in Romania, AFM in
 * Greece), name, registered seat and the e-mail for payment notes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "form.h"
#include "guichet/business.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-business.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"
#include "tui.h"

enum { F_CODE, F_NAME, F_TOWN, F_STREET, F_NUMBER, F_POSTAL, F_EMAIL,
	N_FIELDS };

/* The fiscal code is a CUI in Romania, an AFM in Greece. */
static const struct form_field_spec ro_code = { N_("CUI"), 12, 12, false,
	NULL };
static const struct form_field_spec gr_code = { N_("AFM"), 11, 11, false,
	NULL };

static const struct form_field_spec fields[N_FIELDS] = {
	[F_NAME] = { N_("Name"), 40, 200, false, NULL },
	[F_TOWN] = { N_("Town"), 30, 64, false, NULL },
	[F_STREET] = { N_("Street"), 30, 96, false, NULL },
	[F_NUMBER] = { N_("Number"), 8, 12, false, NULL },
	[F_POSTAL] = { N_("Postal code"), 8, 7, false, NULL },
	[F_EMAIL] = { N_("E-mail"), 30, 96, false, NULL },
};

struct business_new {
	struct form_field_spec specs[N_FIELDS];
	struct form_widget *form;
};

static const struct key_hint hints[] = {
	{ "Tab/↑↓", N_("Field") },
	{ "Enter", N_("Save") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Cancel") },
	{ NULL, NULL }
};

static void
business_new_enter(struct tui *tui)
{
	struct business_new *b = xcalloc(1, sizeof *b);

	memcpy(b->specs, fields, sizeof fields);
	b->specs[F_CODE] = tui->conf->country == COUNTRY_GR ? gr_code :
	    ro_code;
	b->form = form_widget_new(b->specs, N_FIELDS);
	tui->state = b;
}

static void
business_new_leave(struct tui *tui)
{
	struct business_new *b = tui->state;

	form_widget_free(b->form);
	free(b);
	tui->state = NULL;
}

static void
business_new_draw(struct tui *tui)
{
	struct form_widget *form = ((struct business_new *)tui->state)->form;
	WINDOW *w = tui->body;

	wattron(w, A_BOLD);
	draw_text(w, 0, 2, getmaxx(w) - 4, _("New business"));
	wattroff(w, A_BOLD);
	form_widget_draw(form, w, 2, 2, form_widget_label_width(form));
	tui_overlay(tui, form_widget_window(form));
	form_widget_cursor(form);
}

/* Copies field i into dst. */
static void
field_copy(struct form_widget *form, int i, char *dst, size_t len)
{
	char *value = form_widget_value(form, i);

	snprintf(dst, len, "%s", value);
	free(value);
}

static void
business_new_submit(struct tui *tui, struct form_widget *form)
{
	struct business b;
	int rc;

	memset(&b, 0, sizeof b);
	field_copy(form, F_CODE, tui->conf->country == COUNTRY_GR ? b.afm :
	    b.cui, tui->conf->country == COUNTRY_GR ? sizeof b.afm :
	    sizeof b.cui);
	field_copy(form, F_NAME, b.name, sizeof b.name);
	field_copy(form, F_TOWN, b.town, sizeof b.town);
	field_copy(form, F_STREET, b.street, sizeof b.street);
	field_copy(form, F_NUMBER, b.number, sizeof b.number);
	field_copy(form, F_POSTAL, b.postal_code, sizeof b.postal_code);
	field_copy(form, F_EMAIL, b.email, sizeof b.email);
	rc = service_business_register(tui->svc, &b);
	tui_message(tui, rc == G_OK || rc == G_ERR_EXISTS ? MSG_INFO :
	    MSG_ERROR, "%s", service_message(tui->svc));
	if (rc == G_OK || rc == G_ERR_EXISTS) {
		tui->business_id = b.id;
		tui_switch(tui, &screen_business_card);
	}
}

static int
business_new_key(struct tui *tui, struct key key)
{
	struct form_widget *form = ((struct business_new *)tui->state)->form;

	if (key_is_enter(key)) {
		business_new_submit(tui, form);
		return KEY_HANDLED;
	}
	if (key_is_escape(key)) {
		tui_confirm_leave(tui, &screen_businesses);
		return KEY_HANDLED;
	}
	return form_widget_key(form, key);
}

const struct screen screen_business_new = {
	.name = "business-new",
	.title = N_("New business"),
	.help = N_("Type the business's fiscal code (CUI in Romania, with or "
	    "without RO; AFM in Greece), its registered name and seat, and "
	    "the e-mail where payment notes go. Enter saves; a fiscal code "
	    "already registered opens that business instead. Esc leaves "
	    "without saving, after asking."),
	.hints = hints,
	.enter = business_new_enter,
	.draw = business_new_draw,
	.key = business_new_key,
	.leave = business_new_leave,
};
