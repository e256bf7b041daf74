#include "config.h"

#include "view-person.h"

#include <stdio.h>

#include "draw.h"
#include "guichet/i18n.h"
#include "guichet/ident.h"

/* Columns of a result row, from the right: level, town, birth, id. */
#define COL_LEVEL 10
#define COL_TOWN 14
#define COL_BIRTH 11
#define COL_ID 16

const char *
view_level_short(enum account_level level)
{
	static const char *const labels[] = {
		N_("no account"), N_("Level A"), N_("Level B"),
		N_("suspended"), N_("closed"),
	};

	return _(labels[level]);
}

/* Draws the four right-hand columns' texts at y. */
static void
columns(WINDOW *w, int y, int cols, const char *id, const char *birth,
    const char *town, const char *level)
{
	int x = cols - COL_LEVEL - COL_TOWN - COL_BIRTH - COL_ID;

	draw_text(w, y, x, COL_ID - 1, id);
	draw_text(w, y, x + COL_ID, COL_BIRTH - 1, birth);
	draw_text(w, y, x + COL_ID + COL_BIRTH, COL_TOWN - 1, town);
	draw_text(w, y, x + COL_ID + COL_BIRTH + COL_TOWN, COL_LEVEL, level);
}

/* Returns the cells left for the name. */
static int
name_cols(int cols)
{
	return cols - COL_LEVEL - COL_TOWN - COL_BIRTH - COL_ID - 3;
}

void
view_person_summary_header(WINDOW *w, int y, int cols)
{
	draw_text(w, y, 2, name_cols(cols), _("Name"));
	columns(w, y, cols, _("National id"), _("Born"), _("Town"),
	    _("Account"));
}

void
view_person_summary_row(WINDOW *w, int y, int cols,
    const struct person_summary *p)
{
	char name[300], masked[40], birth[16] = "";

	snprintf(name, sizeof name, "%s %s", p->surname, p->given_names);
	ident_mask(p->national_id, masked, sizeof masked);
	if (p->birth_date.year != 0)
		date_format_local(p->birth_date, i18n_language(), birth,
		    sizeof birth);
	draw_text(w, y, 2, name_cols(cols), name);
	columns(w, y, cols, masked, birth, p->town,
	    view_level_short(p->level));
}

void
view_person_header(WINDOW *w, int y, int cols, const struct person *p)
{
	char line[400], masked[40];
	const char *id = p->cnp[0] != '\0' ? p->cnp : p->afm;

	ident_mask(id, masked, sizeof masked);
	snprintf(line, sizeof line, "%s %s · %s · %s", p->surname,
	    p->given_names, masked, view_level_short(p->level));
	wattron(w, A_BOLD);
	draw_text(w, y, 2, cols - 4, line);
	wattroff(w, A_BOLD);
}
