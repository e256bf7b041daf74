#include "config.h"

#include "guichet/request-type.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/calendar.h"
#include "guichet/err.h"
#include "guichet/i18n-mark.h"
#include "guichet/person-check.h"
#include "guichet/text.h"
#include "guichet/xmalloc.h"

#define LINE_MAX_BYTES	1024	/* a longer line is refused, never cut */
#define KEYS_MAX	64	/* keys in one section: 43 are meaningful */
#define KEY_MAX		64
#define MAX_LIMIT	100000	/* the largest "max" a file may ask for */
#define NUMBER_DIGITS	18	/* fits an int64_t whatever the digits */

static const char *const department_names[DEPT_COUNT] = {
	"taxes", "building", "public-domain", "social", "emergencies",
	"civil-registry"
};

static const char *const category_names[CAT_COUNT] = {
	"certificates", "street-lighting", "cleanliness", "road-network",
	"other"
};

static const char *const access_names[] = {
	"anonymous", "standard", "validated"
};

static const char *const type_names[FIELD_TYPE_COUNT] = {
	"text", "long-text", "date", "choice", "number", "property"
};

/* Indexed by enum field_type; 0: the field has no length limit of its own. */
static const int type_default_max[FIELD_TYPE_COUNT] = {
	200, 4000, 10, 32, NUMBER_DIGITS, 64
};

enum section { SEC_NONE, SEC_TYPE, SEC_FIELD };

/* Where the parser stands and what it has seen so far. */
struct parse {
	struct request_type	*t;
	enum section		 sec;
	struct request_field	*f;		/* SEC_FIELD */
	char			 where[48];	/* "[type]", "[field x]" */
	int			 line;
	char			*error;		/* without "name:line: " */

	char			 seen[KEYS_MAX][KEY_MAX];
	int			 nseen;

	int			 type_line;	/* 0: no [type] yet */
	bool			 has_id, has_department, has_category;
	bool			 has_level;
	int			 field_line[REQUEST_TYPE_FIELDS_MAX];
	bool			 field_has_type[REQUEST_TYPE_FIELDS_MAX];
};

/* Records the first problem; returns -1 so callers can "return fail()". */
static int
fail(struct parse *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct parse *p, const char *fmt, ...)
{
	va_list	ap;

	if (p->error == NULL) {
		va_start(ap, fmt);
		p->error = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return (-1);
}

/* Returns the index of v in names[0..n), or -1. */
static int
name_index(const char *const *names, int n, const char *v)
{
	int	i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], v) == 0)
			return (i);
	return (-1);
}

/* Refuses a value outside names with the whole list, so the fix is clear. */
static int
fail_not_one_of(struct parse *p, const char *key, const char *const *names,
    int n)
{
	char	*list, *s;
	int	 i, r;

	list = xstrdup("");
	for (i = 0; i < n; i++) {
		s = xasprintf("%s%s%s", list, i > 0 ? ", " : "", names[i]);
		free(list);
		list = s;
	}
	r = fail(p, "%s must be one of %s", key, list);
	free(list);
	return (r);
}

/* Tells whether s is non-empty and made only of [a-z0-9] and extra. */
static bool
word_ok(const char *s, const char *extra)
{
	if (*s == '\0')
		return (false);
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || text_is_digit(*s) ||
		    strchr(extra, *s) != NULL))
			return (false);
	return (true);
}

/* Reads yes or no, nothing else, so that a typo is not read as no. */
static int
parse_bool(struct parse *p, const char *key, const char *v, bool *out)
{
	if (strcmp(v, "yes") == 0)
		*out = true;
	else if (strcmp(v, "no") == 0)
		*out = false;
	else
		return (fail(p, "%s must be yes or no", key));
	return (0);
}

/* Stores a label after the same checks a clerk's typing gets. */
static int
parse_label(struct parse *p, const char *key, const char *v, char *out,
    size_t outlen)
{
	const char	*why;

	if (*v == '\0')
		return (fail(p, "%s is empty", key));
	if ((why = person_check_text(v, (int)outlen - 1)) != NULL ||
	    strlen(v) >= outlen)
		return (fail(p, "%s is not valid: %s", key,
		    why != NULL ? why : "too long; shorten it"));
	memcpy(out, v, strlen(v) + 1);
	return (0);
}

/* Returns the label of lab for a "label.LANG" suffix, or NULL. */
static char *
label_slot(struct label3 *lab, const char *lang)
{
	if (strcmp(lang, "ro") == 0)
		return (lab->ro);
	if (strcmp(lang, "el") == 0)
		return (lab->el);
	if (strcmp(lang, "en") == 0)
		return (lab->en);
	return (NULL);
}

/* Splits "a, b, c" into the field's choices. */
static int
parse_choices(struct parse *p, struct request_field *f, const char *v)
{
	char	 buf[LINE_MAX_BYTES], *s, *end, *item;
	int	 i;

	if (strlen(v) >= sizeof buf)
		return (fail(p, "line too long"));
	memcpy(buf, v, strlen(v) + 1);
	f->nchoices = 0;
	for (s = buf; s != NULL; s = end) {
		if ((end = strchr(s, ',')) != NULL)
			*end++ = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		item = s;
		s += strlen(s);
		while (s > item && (s[-1] == ' ' || s[-1] == '\t'))
			*--s = '\0';
		if (*item == '\0' && end == NULL && f->nchoices == 0)
			break;		/* "choices =": caught at the end */
		if (!word_ok(item, "-_") ||
		    strlen(item) >= sizeof f->choices[0])
			return (fail(p, "choice '%s' must be lower-case "
			    "letters, digits, '-' and '_' (at most %zu)",
			    item, sizeof f->choices[0] - 1));
		for (i = 0; i < f->nchoices; i++)
			if (strcmp(f->choices[i], item) == 0)
				return (fail(p, "duplicate choice '%s'",
				    item));
		if (f->nchoices == REQUEST_CHOICES_MAX)
			return (fail(p, "more than %d choices",
			    REQUEST_CHOICES_MAX));
		memcpy(f->choices[f->nchoices++], item, strlen(item) + 1);
	}
	return (0);
}

/* Handles "choice.VALUE.LANG": a label for one of the listed choices. */
static int
parse_choice_label(struct parse *p, const char *key, const char *v)
{
	struct request_field	*f = p->f;
	const char		*value = key + strlen("choice.");
	const char		*dot = strrchr(key, '.');
	size_t			 len;
	int			 i;

	if (dot <= value || label_slot(&f->label, dot + 1) == NULL)
		return (fail(p, "unknown key '%s' in %s", key, p->where));
	len = (size_t)(dot - value);
	for (i = 0; i < f->nchoices; i++)
		if (strlen(f->choices[i]) == len &&
		    strncmp(f->choices[i], value, len) == 0)
			break;
	if (i == f->nchoices)
		return (fail(p, "'%s' names a choice not in the choices "
		    "listed above it", key));
	return (parse_label(p, key, v, label_slot(&f->choice_labels[i],
	    dot + 1), sizeof f->label.en));
}

/* Handles one key of [type]. */
static int
type_key(struct parse *p, const char *key, const char *v)
{
	struct request_type	*t = p->t;
	char			*slot;
	int			 i;

	if (strcmp(key, "id") == 0) {
		if (!word_ok(v, "-"))
			return (fail(p, "id must be lower-case letters, "
			    "digits and '-'"));
		if (strlen(v) >= sizeof t->id)
			return (fail(p, "id is longer than %zu characters",
			    sizeof t->id - 1));
		memcpy(t->id, v, strlen(v) + 1);
		p->has_id = true;
	} else if (strcmp(key, "department") == 0) {
		if ((i = name_index(department_names, DEPT_COUNT, v)) < 0)
			return (fail_not_one_of(p, key, department_names,
			    DEPT_COUNT));
		t->department = (enum request_department)i;
		p->has_department = true;
	} else if (strcmp(key, "category") == 0) {
		if ((i = name_index(category_names, CAT_COUNT, v)) < 0)
			return (fail_not_one_of(p, key, category_names,
			    CAT_COUNT));
		t->category = (enum request_category)i;
		p->has_category = true;
	} else if (strcmp(key, "level") == 0) {
		if ((i = name_index(access_names, 3, v)) < 0)
			return (fail_not_one_of(p, key, access_names, 3));
		t->access = (enum request_access)i;
		p->has_level = true;
	} else if (strcmp(key, "auto_register") == 0) {
		return (parse_bool(p, key, v, &t->auto_register));
	} else if (strncmp(key, "label.", 6) == 0 &&
	    (slot = label_slot(&t->label, key + 6)) != NULL) {
		return (parse_label(p, key, v, slot, sizeof t->label.en));
	} else
		return (fail(p, "unknown key '%s' in %s", key, p->where));
	return (0);
}

/* Handles one key of a [field NAME] section. */
static int
field_key(struct parse *p, const char *key, const char *v)
{
	struct request_field	*f = p->f;
	char			*slot, *end;
	long			 n;
	int			 i;

	if (strcmp(key, "type") == 0) {
		if ((i = name_index(type_names, FIELD_TYPE_COUNT, v)) < 0)
			return (fail_not_one_of(p, key, type_names,
			    FIELD_TYPE_COUNT));
		f->type = (enum field_type)i;
		p->field_has_type[p->t->nfields - 1] = true;
	} else if (strcmp(key, "required") == 0) {
		return (parse_bool(p, key, v, &f->required));
	} else if (strcmp(key, "max") == 0) {
		n = text_is_digit(*v) ? strtol(v, &end, 10) : 0;
		if (n < 1 || n > MAX_LIMIT || *end != '\0')
			return (fail(p, "max must be a whole number from 1 to "
			    "%d", MAX_LIMIT));
		f->max = (int)n;
	} else if (strcmp(key, "choices") == 0) {
		return (parse_choices(p, f, v));
	} else if (strncmp(key, "label.", 6) == 0 &&
	    (slot = label_slot(&f->label, key + 6)) != NULL) {
		return (parse_label(p, key, v, slot, sizeof f->label.en));
	} else if (strncmp(key, "choice.", 7) == 0) {
		return (parse_choice_label(p, key, v));
	} else
		return (fail(p, "unknown key '%s' in %s", key, p->where));
	return (0);
}

/* Starts "[type]" or "[field NAME]"; s is what lies between the brackets. */
static int
section_start(struct parse *p, char *s)
{
	struct request_type	*t = p->t;
	char			*name;
	int			 i;

	p->nseen = 0;
	if (strcmp(s, "type") == 0) {
		if (p->type_line != 0)
			return (fail(p, "duplicate section [type]"));
		p->sec = SEC_TYPE;
		p->type_line = p->line;
		snprintf(p->where, sizeof p->where, "[type]");
		return (0);
	}
	if (strncmp(s, "field", 5) != 0 || (s[5] != ' ' && s[5] != '\t'))
		return (fail(p, "unknown section [%s]", s));
	for (name = s + 5; *name == ' ' || *name == '\t'; name++)
		continue;
	if (!word_ok(name, "_") || strlen(name) >= sizeof t->fields[0].name)
		return (fail(p, "field name must be lower-case letters, "
		    "digits and '_' (at most %zu)",
		    sizeof t->fields[0].name - 1));
	for (i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return (fail(p, "duplicate field '%s'", name));
	if (t->nfields == REQUEST_TYPE_FIELDS_MAX)
		return (fail(p, "more than %d fields",
		    REQUEST_TYPE_FIELDS_MAX));
	p->f = &t->fields[t->nfields];
	p->field_line[t->nfields] = p->line;
	t->nfields++;
	memcpy(p->f->name, name, strlen(name) + 1);
	p->sec = SEC_FIELD;
	snprintf(p->where, sizeof p->where, "[field %s]", name);
	return (0);
}

/* Handles one "key = value" line of the current section. */
static int
key_line(struct parse *p, char *key, char *v)
{
	int	i;

	if (p->sec == SEC_NONE)
		return (fail(p, "'%s' comes before any section", key));
	if (strlen(key) >= KEY_MAX)
		return (fail(p, "unknown key '%.20s...' in %s", key,
		    p->where));
	for (i = 0; i < p->nseen; i++)
		if (strcmp(p->seen[i], key) == 0)
			return (fail(p, "duplicate key '%s' in %s", key,
			    p->where));
	if (p->nseen == KEYS_MAX)
		return (fail(p, "too many keys in %s", p->where));
	memcpy(p->seen[p->nseen++], key, strlen(key) + 1);
	if (p->sec == SEC_TYPE)
		return (type_key(p, key, v));
	return (field_key(p, key, v));
}

/* Removes blanks at both ends of s in place; returns the new start. */
static char *
strip(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return (s);
}

/* Handles one line: blank, comment, "[section]" or "key = value". */
static int
one_line(struct parse *p, char *s)
{
	char	*c, *eq;

	s = strip(s);
	if (*s == '\0' || *s == ';' || *s == '#')
		return (0);
	/* An inline comment starts at a ';' after a blank, as in inih. */
	for (c = s + 1; *c != '\0'; c++)
		if (*c == ';' && (c[-1] == ' ' || c[-1] == '\t')) {
			*c = '\0';
			s = strip(s);
			break;
		}
	if (*s == '[') {
		c = s + strlen(s) - 1;
		if (*c != ']')
			return (fail(p, "a section header must end with ']'"));
		*c = '\0';
		return (section_start(p, strip(s + 1)));
	}
	if ((eq = strchr(s, '=')) == NULL || eq == s)
		return (fail(p, "not a 'key = value' line"));
	*eq = '\0';
	return (key_line(p, strip(s), strip(eq + 1)));
}

/* Checks what only the whole file can tell, and fills in defaults. */
static int
finish(struct parse *p)
{
	struct request_type	*t = p->t;
	struct request_field	*f;
	const char		*missing = NULL;
	int			 i;

	if (p->type_line == 0) {
		p->line = 1;
		return (fail(p, "missing [type] section"));
	}
	p->line = p->type_line;
	if (!p->has_id)
		missing = "id";
	else if (!p->has_department)
		missing = "department";
	else if (!p->has_category)
		missing = "category";
	else if (!p->has_level)
		missing = "level";
	else if (t->label.en[0] == '\0')
		missing = "label.en";
	if (missing != NULL)
		return (fail(p, "missing %s in [type]", missing));
	if (t->nfields == 0)
		return (fail(p, "a type needs at least one [field NAME] "
		    "section"));
	for (i = 0; i < t->nfields; i++) {
		f = &t->fields[i];
		p->line = p->field_line[i];
		if (!p->field_has_type[i])
			return (fail(p, "missing type in [field %s]",
			    f->name));
		if (f->label.en[0] == '\0')
			return (fail(p, "missing label.en in [field %s]",
			    f->name));
		if (f->type == FIELD_CHOICE && f->nchoices == 0)
			return (fail(p, "a choice field needs choices"));
		if (f->type != FIELD_CHOICE && f->nchoices > 0)
			return (fail(p, "choices apply only to a choice "
			    "field"));
		if ((f->type == FIELD_CHOICE || f->type == FIELD_DATE) &&
		    f->max != 0)
			return (fail(p, "max does not apply to a %s field",
			    type_names[f->type]));
		if (f->type == FIELD_NUMBER && f->max > NUMBER_DIGITS)
			return (fail(p, "a number field has at most %d digits",
			    NUMBER_DIGITS));
		if (f->max == 0)
			f->max = type_default_max[f->type];
	}
	return (0);
}

/* Reads the text line by line so that every error has its line. */
int
request_type_parse(const char *name, const char *text,
    struct request_type *out, char **cause)
{
	struct parse	*p;
	const char	*s, *nl;
	char		 buf[LINE_MAX_BYTES];
	size_t		 len;
	int		 rc = G_OK;

	*cause = NULL;
	memset(out, 0, sizeof *out);
	p = xcalloc(1, sizeof *p);
	p->t = out;
	s = text;
	if (strncmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;		/* a byte order mark some editors add */
	while (*s != '\0') {
		p->line++;
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		len = (size_t)(nl - s);
		if (len >= sizeof buf) {
			fail(p, "line longer than %zu bytes", sizeof buf - 1);
			goto out;
		}
		memcpy(buf, s, len);
		buf[len] = '\0';
		if (one_line(p, buf) == -1)
			goto out;
		s = *nl == '\n' ? nl + 1 : nl;
	}
	finish(p);

out:
	if (p->error != NULL) {
		*cause = xasprintf("%s:%d: %s", name, p->line, p->error);
		memset(out, 0, sizeof *out);
		rc = G_ERR_INVALID;
	}
	free(p->error);
	free(p);
	return (rc);
}

/* Falls back to English so that a half-translated file still shows. */
const char *
label3_get(const struct label3 *lab, const char *lang)
{
	const char	*s = NULL;

	if (lang != NULL && strcmp(lang, "ro") == 0)
		s = lab->ro;
	else if (lang != NULL && strcmp(lang, "el") == 0)
		s = lab->el;
	return (s != NULL && *s != '\0' ? s : lab->en);
}

/* Checks a long text line by line, since its newlines are wanted. */
static const char *
long_text_check(const char *value, int max)
{
	const char	*why = NULL;
	char		*copy, *line, *nl;
	const char	*c;
	int		 chars = 0;

	copy = xstrdup(value);
	for (line = copy; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		if ((why = person_check_text(line, max)) != NULL)
			goto out;
	}
	/* Now known to be UTF-8: count the bytes that start a character. */
	for (c = value; *c != '\0'; c++)
		if (((unsigned char)*c & 0xC0) != 0x80)
			chars++;
	if (chars > max)
		why = N_("too long; shorten it"); /* person_check_text's */
out:
	free(copy);
	return (why);
}

/* Tells whether s is a property reference: "CF-123456", "123456/1". */
static bool
property_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if (!text_is_alpha(*s) && !text_is_digit(*s) && *s != '-' &&
		    *s != '/')
			return (false);
	return (true);
}

/* Checks text like any clerk input first, then what the type needs. */
const char *
request_field_check(const struct request_field *f, const char *value)
{
	const char	*why;
	struct date	 d;
	int		 max, i;

	if (value == NULL || *value == '\0')
		return (f->required ? N_("required") : NULL);
	max = f->max > 0 ? f->max : type_default_max[f->type];
	if (f->type == FIELD_LONG_TEXT)
		return (long_text_check(value, max));
	if ((why = person_check_text(value, max)) != NULL)
		return (why);
	switch (f->type) {
	case FIELD_DATE:
		if (!date_parse_any(value, &d))
			return (N_("not a date; type it as 31.12.2026"));
		break;
	case FIELD_CHOICE:
		for (i = 0; i < f->nchoices; i++)
			if (strcmp(f->choices[i], value) == 0)
				return (NULL);
		return (N_("not one of the choices"));
	case FIELD_NUMBER:
		if (!text_all_digits(value, strlen(value)))
			return (N_("not a number; type digits only"));
		break;
	case FIELD_PROPERTY:
		if (!property_ok(value))
			return (N_("not a property reference; use letters, "
			    "digits, '-' and '/'"));
		break;
	default:
		break;
	}
	return (NULL);
}

/* Anonymity takes precedence: an anonymous filer has no level. */
bool
request_type_allows(const struct request_type *t,
    enum account_level level, bool anonymous)
{
	if (anonymous)
		return (t->access == ACCESS_ANONYMOUS);
	switch (level) {
	case LEVEL_NONE:	/* known at the counter, no account */
		return (t->access == ACCESS_ANONYMOUS);
	case LEVEL_STANDARD:
		return (t->access != ACCESS_VALIDATED);
	case LEVEL_VALIDATED:
		return (true);
	default:		/* suspended or closed: may not act */
		return (false);
	}
}

/* The names below are those of the type files. */
const char *
request_department_name(enum request_department d)
{
	return ((unsigned)d < DEPT_COUNT ? department_names[d] : "?");
}

const char *
request_department_label(enum request_department d)
{
	static const char *const labels[DEPT_COUNT] = {
		[DEPT_TAXES] = N_("Taxes and duties"),
		[DEPT_BUILDING] = N_("Building permits"),
		[DEPT_PUBLIC_DOMAIN] = N_("Public and private domain"),
		[DEPT_SOCIAL] = N_("Social assistance"),
		[DEPT_EMERGENCIES] = N_("Emergencies"),
		[DEPT_REGISTRY] = N_("Civil registry"),
	};

	return ((unsigned)d < DEPT_COUNT ? labels[d] : "?");
}

int
request_department_from_name(const char *name)
{
	return name_index(department_names, DEPT_COUNT, name);
}

/* Returns the name a type file uses for c. */
const char *
request_category_name(enum request_category c)
{
	return ((unsigned)c < CAT_COUNT ? category_names[c] : "?");
}

/* Returns the name a type file uses for t. */
const char *
field_type_name(enum field_type t)
{
	return ((unsigned)t < FIELD_TYPE_COUNT ? type_names[t] : "?");
}
