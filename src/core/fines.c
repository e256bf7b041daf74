#include "config.h"

#include "guichet/fines.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"

/* What ini_parse_string's callback carries between lines. */
struct fines_parse {
	struct fine_rules *r;
	char *error;
};

/* Reads a whole number from 0 to max. */
static bool
parse_count(const char *v, long max, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (end == v || *end != '\0' || n < 0 || n > max)
		return false;
	*out = (int)n;
	return true;
}

/* Returns the kind of section "type ID", added when new. */
static struct fine_type *
section_type(struct fines_parse *p, const char *section)
{
	struct fine_rules *r = p->r;
	const char *id = section + 5;
	int i;

	for (i = 0; i < r->ntypes; i++)
		if (strcmp(r->types[i].id, id) == 0)
			return &r->types[i];
	if (r->ntypes == FINE_TYPES_MAX || strlen(id) == 0 ||
	    strlen(id) >= sizeof r->types[0].id ||
	    strspn(id, "abcdefghijklmnopqrstuvwxyz-") != strlen(id)) {
		p->error = xasprintf("[%s]: a kind of fine is [type ID], ID "
		    "of a-z and '-' (at most %d kinds)", section,
		    FINE_TYPES_MAX);
		return NULL;
	}
	snprintf(r->types[r->ntypes].id, sizeof r->types[0].id, "%s", id);
	return &r->types[r->ntypes++];
}

static int
fines_type_key(struct fines_parse *p, struct fine_type *t, const char *name,
    const char *value)
{
	char *label = strcmp(name, "label.ro") == 0 ? t->label.ro :
	    strcmp(name, "label.el") == 0 ? t->label.el :
	    strcmp(name, "label.en") == 0 ? t->label.en : NULL;
	int amount;

	if (strcmp(name, "amount") == 0) {
		if (!parse_count(value, 100000000, &amount) || amount == 0)
			return p->error = xasprintf("amount is a whole number "
			    "of bani or cents above 0"), 0;
		t->amount = amount;
		return 1;
	}
	if (label == NULL)
		return p->error = xasprintf("unknown key '%s'", name), 0;
	if (strlen(value) >= sizeof t->label.ro)
		return p->error = xasprintf("%s is too long", name), 0;
	snprintf(label, sizeof t->label.ro, "%s", value);
	return 1;
}

static int
fines_ini_line(void *user, const char *section, const char *name,
    const char *value)
{
	struct fines_parse *p = user;
	struct fine_type *t;

	if (strcmp(section, "fines") == 0) {
		if (strcmp(name, "reduced_days") == 0 &&
		    parse_count(value, 365, &p->r->reduced_days))
			return 1;
		if (strcmp(name, "reduced_bp") == 0 &&
		    parse_count(value, 10000, &p->r->reduced_bp))
			return 1;
		return p->error = xasprintf("[fines] holds reduced_days (0 to "
		    "365) and reduced_bp (0 to 10000)"), 0;
	}
	if (strncmp(section, "type ", 5) != 0)
		return p->error = xasprintf("unknown section [%s]", section), 0;
	if ((t = section_type(p, section)) == NULL)
		return 0;
	return fines_type_key(p, t, name, value);
}

int
fine_rules_parse(const char *name, const char *text, struct fine_rules *out,
    char **cause)
{
	struct fines_parse p = { out, NULL };
	int line, i;

	memset(out, 0, sizeof *out);
	*cause = NULL;
	if ((line = ini_parse_string(text, fines_ini_line, &p)) != 0) {
		*cause = xasprintf("%s:%d: %s", name, line, p.error != NULL ?
		    p.error : "not a key = value line");
		free(p.error);
		memset(out, 0, sizeof *out);
		return G_ERR_INVALID;
	}
	for (i = 0; i < out->ntypes; i++)
		if (out->types[i].amount == 0 || out->types[i].label.en[0] ==
		    '\0') {
			*cause = xasprintf("%s: [type %s] needs an amount and "
			    "label.en", name, out->types[i].id);
			memset(out, 0, sizeof *out);
			return G_ERR_INVALID;
		}
	return G_OK;
}

const struct fine_type *
fine_type_find(const struct fine_rules *r, const char *id)
{
	int i;

	for (i = 0; i < r->ntypes; i++)
		if (strcmp(r->types[i].id, id) == 0)
			return &r->types[i];
	return NULL;
}

money_t
fine_amount_on(const struct fine_rules *r, const struct fine *f,
    struct date on)
{
	struct date issued;
	char day[11];

	snprintf(day, sizeof day, "%.10s", f->issued_at);
	if (r->reduced_days > 0 && date_parse_iso(day, &issued) &&
	    date_cmp(on, date_add_days(issued, r->reduced_days)) <= 0)
		return f->amount - money_percent(f->amount, r->reduced_bp,
		    ROUND_HALF_UP);
	return f->amount;
}

bool
fine_plate_normalise(const char *typed, char *out, size_t len)
{
	size_t n = 0;
	bool blank = false;

	for (; *typed != '\0'; typed++) {
		unsigned char c = (unsigned char)*typed;

		if (c == ' ') {
			blank = n > 0;
			continue;
		}
		if ((!isalnum(c) && c != '-') || n + 2 >= len)
			return false;
		if (blank)
			out[n++] = ' ';
		out[n++] = (char)toupper(c);
		blank = false;
	}
	out[n] = '\0';
	return n > 0 && n <= 15;
}

/* Returns the next letter or digit of *p, moving past it; 0 at the end. */
static int
next_alnum(const char **p)
{
	while (**p != '\0' && !isalnum((unsigned char)**p))
		(*p)++;
	return **p == '\0' ? 0 : *(*p)++;
}

bool
fine_plate_same(const char *a, const char *b)
{
	int ca, cb;

	do {
		ca = next_alnum(&a);
		cb = next_alnum(&b);
	} while (ca == cb && ca != 0);
	return ca == cb;
}

bool
fine_time_parse(const char *typed, char out[17])
{
	int y, m, d, hh, mm, used = 0;
	struct date day;

	if (sscanf(typed, "%2d.%2d.%4d %2d:%2d%n", &d, &m, &y, &hh, &mm,
	    &used) != 5 || typed[used] != '\0') {
		used = 0;
		if (sscanf(typed, "%4d-%2d-%2d %2d:%2d%n", &y, &m, &d, &hh,
		    &mm, &used) != 5 || typed[used] != '\0')
			return false;
	}
	if (!date_valid(y, m, d) || hh < 0 || hh > 23 || mm < 0 || mm > 59)
		return false;
	day = (struct date){ y, m, d };
	date_format_iso(day, out, 11);
	snprintf(out + 10, 7, " %02d:%02d", hh, mm);
	return true;
}
