/*
 * The question before an irreversible action: a payment, a revocation, a
 * validation.  Only an explicit yes goes on; Enter and Esc say no.
 */
#include "config.h"

#include "draw.h"
#include "guichet/i18n.h"
#include "tui.h"

static const struct key_hint hints[] = {
	{ "Y/D/Ν", N_("Yes, go on") },
	{ "Esc/Enter", N_("No, go back") },
	{ NULL, NULL }
};

static void
confirm_draw(struct tui *tui)
{
	WINDOW *w = tui->body;
	int rows = getmaxy(w), cols = getmaxx(w), y = rows / 3;

	wattron(w, A_BOLD);
	draw_text(w, y - 2, 4, cols - 8, _("Please confirm"));
	wattroff(w, A_BOLD);
	y += draw_wrapped(w, y, 4, rows - y - 3, cols - 8, tui->confirm);
	draw_wrapped(w, y + 1, 4, 2, cols - 8, _("Press Y to go on. Enter or "
	    "Esc goes back without changing anything."));
}

/* Returns true for the keys that mean yes: y, d (da), ν (ναι). */
static bool
is_yes(struct key key)
{
	static const wchar_t yes[] = L"yYdDνΝ";
	int i;

	for (i = 0; !key.is_code && yes[i] != L'\0'; i++)
		if ((wint_t)yes[i] == key.code)
			return true;
	return false;
}

static int
confirm_key(struct tui *tui, struct key key)
{
	void (*on_yes)(struct tui *) = tui->confirm_yes;

	if (is_yes(key)) {
		tui->confirm_yes = NULL;
		on_yes(tui);
		return KEY_HANDLED;
	}
	if (key.is_code && key.code == KEY_F(10))
		return KEY_IGNORED;
	/* Anything else is no: the safe answer. */
	tui->confirm_yes = NULL;
	tui_message(tui, MSG_INFO, "%s", _("Cancelled; nothing changed."));
	return KEY_HANDLED;
}

const struct screen screen_confirm = {
	.name = "confirm",
	.title = N_("Confirm"),
	.help = N_("Press Y to go on, or Enter or Esc to go back."),
	.hints = hints,
	.draw = confirm_draw,
	.key = confirm_key,
};
