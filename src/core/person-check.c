#include "config.h"

#include "guichet/person-check.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "guichet/i18n-mark.h"
#include "guichet/ident.h"

#define PHONE_DIGITS_MIN	6
#define PHONE_DIGITS_MAX	15	/* ITU-T E.164 */
#define EMAIL_MAX		96
#define EMAIL_LOCAL_MAX		64	/* RFC 5321 */
#define EMAIL_LABEL_MAX		63
#define RO_POSTAL_LEN		6
#define GR_POSTAL_LEN		5
#define BIRTH_YEAR_MIN		1900
#define RIGHT_QUOTE		0x2019	/* ’, as phones type O’Brien */

/* How a text field is checked beyond trimming. */
enum field_kind {
	KIND_ID,	/* national ids: checked per country afterwards */
	KIND_NAME,	/* letters and a little punctuation */
	KIND_NAMES,	/* the same, several separated by commas */
	KIND_TEXT,	/* anything printable */
	KIND_POSTAL,
	KIND_PHONE,
	KIND_EMAIL
};

/* What the result of scanning a text says. */
enum text_verdict {
	TEXT_OK,
	TEXT_BAD_UTF8,
	TEXT_CONTROL,
	TEXT_TOO_LONG
};

/*
 * Every text field of a person, its limits in characters and what to say
 * about it.  A NULL required reason means the field may be empty.
 */
static const struct field_rule {
	enum person_field	 field;
	size_t			 offset;
	size_t			 size;
	enum field_kind		 kind;
	int			 max;
	const char		*required;
	const char		*too_long;
	const char		*bad_text;
	const char		*bad_char;
	const char		*first;
} rules[] = {
#define AT(m)	offsetof(struct person, m), sizeof ((struct person *)0)->m
	{ PF_CNP, AT(cnp), KIND_ID, 13, NULL,
	    N_("CNP: must be 13 digits"), NULL, NULL, NULL },
	{ PF_AFM, AT(afm), KIND_ID, 9, NULL,
	    N_("AFM: must be 9 digits"), NULL, NULL, NULL },
	{ PF_AMKA, AT(amka), KIND_ID, 11, NULL,
	    N_("AMKA: must be 11 digits"), NULL, NULL, NULL },
	{ PF_SURNAME, AT(surname), KIND_NAME, 64,
	    N_("Surname: required; type it as on the identity document"),
	    N_("Surname: too long; at most 64 characters"),
	    N_("Surname: contains invalid text or a control character; "
	    "retype it"),
	    N_("Surname: use only letters, blanks, hyphens, apostrophes and "
	    "dots"),
	    N_("Surname: must start with a letter") },
	{ PF_GIVEN_NAMES, AT(given_names), KIND_NAME, 64,
	    N_("Given names: required; type them as on the identity "
	    "document"),
	    N_("Given names: too long; at most 64 characters"),
	    N_("Given names: contain invalid text or a control character; "
	    "retype them"),
	    N_("Given names: use only letters, blanks, hyphens, apostrophes "
	    "and dots"),
	    N_("Given names: must start with a letter") },
	{ PF_FORMER_NAMES, AT(former_names), KIND_NAMES, 128, NULL,
	    N_("Former names: too long; at most 128 characters"),
	    N_("Former names: contain invalid text or a control character; "
	    "retype them"),
	    N_("Former names: use only letters, blanks, hyphens, apostrophes "
	    "and dots, with commas between names"),
	    N_("Former names: must start with a letter") },
	{ PF_TOWN, AT(address.town), KIND_TEXT, 64,
	    N_("Town: required; type the town or village"),
	    N_("Town: too long; at most 64 characters"),
	    N_("Town: contains invalid text or a control character; retype "
	    "it"), NULL, NULL },
	{ PF_DISTRICT, AT(address.district), KIND_TEXT, 48, NULL,
	    N_("District: too long; at most 48 characters"),
	    N_("District: contains invalid text or a control character; "
	    "retype it"), NULL, NULL },
	{ PF_STREET, AT(address.street), KIND_TEXT, 96,
	    N_("Street: required; type the street, or the village where "
	    "there are no streets"),
	    N_("Street: too long; at most 96 characters"),
	    N_("Street: contains invalid text or a control character; "
	    "retype it"), NULL, NULL },
	{ PF_NUMBER, AT(address.number), KIND_TEXT, 12,
	    N_("Number: required; type the house number as written in the "
	    "address"),
	    N_("Number: too long; at most 12 characters"),
	    N_("Number: contains invalid text or a control character; "
	    "retype it"), NULL, NULL },
	{ PF_BLOCK, AT(address.block), KIND_TEXT, 12, NULL,
	    N_("Block: too long; at most 12 characters"),
	    N_("Block: contains invalid text or a control character; "
	    "retype it"), NULL, NULL },
	{ PF_STAIRCASE, AT(address.staircase), KIND_TEXT, 12, NULL,
	    N_("Staircase: too long; at most 12 characters"),
	    N_("Staircase: contains invalid text or a control character; "
	    "retype it"), NULL, NULL },
	{ PF_FLOOR, AT(address.floor), KIND_TEXT, 6, NULL,
	    N_("Floor: too long; at most 6 characters"),
	    N_("Floor: contains invalid text or a control character; "
	    "retype it"), NULL, NULL },
	{ PF_APARTMENT, AT(address.apartment), KIND_TEXT, 12, NULL,
	    N_("Apartment: too long; at most 12 characters"),
	    N_("Apartment: contains invalid text or a control character; "
	    "retype it"), NULL, NULL },
	{ PF_POSTAL_CODE, AT(address.postal_code), KIND_POSTAL, 0, NULL,
	    N_("Postal code: too long; retype it"), NULL, NULL, NULL },
	{ PF_PHONE, AT(phone), KIND_PHONE, 0, NULL,
	    N_("Phone: too long; at most 15 digits"), NULL, NULL, NULL },
	{ PF_EMAIL, AT(email), KIND_EMAIL, EMAIL_MAX, NULL,
	    N_("Email: too long; at most 96 characters"), NULL, NULL, NULL },
#undef AT
};

/* Tells whether c is an ASCII digit, whatever the locale. */
static bool
is_digit(int c)
{
	return (c >= '0' && c <= '9');
}

/* Tells whether c is an ASCII letter or digit. */
static bool
is_alnum(int c)
{
	return (is_digit(c) || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z'));
}

/*
 * Tells whether uc must not be stored: C0 and C1 controls, line and
 * paragraph separators, and the bidirectional controls that could make a
 * name show as something else on a receipt or a screen.
 */
static bool
is_control(ucs4_t uc)
{
	if (uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_Cc |
	    UC_CATEGORY_MASK_Zl | UC_CATEGORY_MASK_Zp))
		return (true);
	return (uc == 0x061C || uc == 0x200E || uc == 0x200F ||
	    (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069));
}

/* Scans text for bad UTF-8, controls and length, in code points. */
static enum text_verdict
text_scan(const char *text, int max_chars)
{
	const uint8_t	*s = (const uint8_t *)text;
	size_t		 n, i;
	ucs4_t		 uc;
	int		 k, chars = 0;

	n = strlen(text);
	for (i = 0; i < n; i += (size_t)k) {
		k = u8_mbtoucr(&uc, s + i, n - i);
		if (k < 0)
			return (TEXT_BAD_UTF8);
		if (is_control(uc))
			return (TEXT_CONTROL);
		chars++;
	}
	return (chars > max_chars ? TEXT_TOO_LONG : TEXT_OK);
}

/*
 * Tells whether a name, already known to be valid UTF-8, holds only
 * letters, combining marks (decomposed input), blanks, hyphens,
 * apostrophes, dots and, when commas is set, commas.
 */
static bool
name_chars_ok(const char *name, bool commas)
{
	const uint8_t	*s = (const uint8_t *)name;
	size_t		 n, i;
	ucs4_t		 uc;
	int		 k;

	n = strlen(name);
	for (i = 0; i < n; i += (size_t)k) {
		k = u8_mbtouc_unsafe(&uc, s + i, n - i);
		if (uc_is_general_category_withtable(uc,
		    UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_M))
			continue;
		if (uc == ' ' || uc == '-' || uc == '\'' || uc == '.' ||
		    uc == RIGHT_QUOTE || (commas && uc == ','))
			continue;
		return (false);
	}
	return (true);
}

/* Tells whether a valid UTF-8 name begins with a letter. */
static bool
starts_with_letter(const char *name)
{
	ucs4_t	uc;

	if (u8_mbtouc_unsafe(&uc, (const uint8_t *)name, strlen(name)) <= 0)
		return (false);
	return (uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_L));
}

/* Removes blanks from both ends of s, in place. */
static void
trim(char *s)
{
	size_t	start = 0, n;

	n = strlen(s);
	while (start < n && (s[start] == ' ' || s[start] == '\t'))
		start++;
	while (n > start && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	memmove(s, s + start, n - start);
	s[n - start] = '\0';
}

/* Checks a name field by its rule; returns NULL or the reason. */
static const char *
check_name(const struct field_rule *r, const char *s)
{
	switch (text_scan(s, r->max)) {
	case TEXT_OK:
		break;
	case TEXT_TOO_LONG:
		return (r->too_long);
	default:
		return (r->bad_text);
	}
	if (!starts_with_letter(s))
		return (r->first);
	if (!name_chars_ok(s, r->kind == KIND_NAMES))
		return (r->bad_char);
	return (NULL);
}

/*
 * Checks a postal code for the country; a Greek one may be typed with
 * the blank it is printed with ("105 57"), which is removed in place.
 */
static const char *
check_postal(char *code, enum country country)
{
	size_t	n;

	n = strlen(code);
	if (country == COUNTRY_RO) {
		if (n != RO_POSTAL_LEN || strspn(code, "0123456789") != n)
			return (N_("Postal code: a Romanian postal code has 6 "
			    "digits, as in 400001"));
		return (NULL);
	}
	if (n == GR_POSTAL_LEN + 1 && code[3] == ' ')
		memmove(code + 3, code + 4, 3);
	n = strlen(code);
	if (n != GR_POSTAL_LEN || strspn(code, "0123456789") != n)
		return (N_("Postal code: a Greek postal code has 5 digits, as "
		    "in 105 57"));
	return (NULL);
}

/*
 * Checks a phone number as people write it: an optional + first, then
 * digits with blanks, hyphens and brackets between them.
 */
static const char *
check_phone(const char *phone)
{
	const char	*p;
	int		 digits = 0;

	p = phone[0] == '+' ? phone + 1 : phone;
	for (; *p != '\0'; p++) {
		if (is_digit((unsigned char)*p))
			digits++;
		else if (strchr(" -()", *p) == NULL)
			return (N_("Phone: use digits, blanks, hyphens and "
			    "brackets, with + only at the start"));
	}
	if (digits < PHONE_DIGITS_MIN)
		return (N_("Phone: too short; a phone number has at least 6 "
		    "digits"));
	if (digits > PHONE_DIGITS_MAX)
		return (N_("Phone: too long; at most 15 digits"));
	return (NULL);
}

/* Tells whether c may stand in the local part of an address unquoted. */
static bool
email_local_char(int c)
{
	return (is_alnum(c) || (c != '\0' && strchr("!#$%&'*+/=?^_`{|}~-.",
	    c) != NULL));
}

/*
 * Checks the domain of an address: two or more labels of letters, digits
 * and inner hyphens, separated by single dots.
 */
static bool
email_domain_ok(const char *d)
{
	size_t	len;
	int	labels = 0;

	for (;;) {
		len = 0;
		while (is_alnum((unsigned char)d[len]) || d[len] == '-')
			len++;
		if (len == 0 || len > EMAIL_LABEL_MAX || d[0] == '-' ||
		    d[len - 1] == '-')
			return (false);
		labels++;
		d += len;
		if (*d == '\0')
			return (labels >= 2);
		if (*d != '.')
			return (false);
		d++;
	}
}

/*
 * Checks an e-mail address: the plain ASCII form people give at a
 * counter (local@domain.tld), kept as typed.
 */
static const char *
check_email(const char *email)
{
	const char	*at;
	size_t		 i, local;

	if (strlen(email) > EMAIL_MAX)
		return (N_("Email: too long; at most 96 characters"));
	at = strchr(email, '@');
	if (at == NULL || strchr(at + 1, '@') != NULL)
		return (N_("Email: must be one address such as "
		    "name@example.ro, without blanks"));
	local = (size_t)(at - email);
	if (local == 0 || local > EMAIL_LOCAL_MAX || email[0] == '.' ||
	    email[local - 1] == '.')
		return (N_("Email: the part before @ is not valid; check it "
		    "letter by letter"));
	for (i = 0; i < local; i++) {
		if (!email_local_char((unsigned char)email[i]) ||
		    (email[i] == '.' && email[i + 1] == '.'))
			return (N_("Email: the part before @ is not valid; "
			    "check it letter by letter"));
	}
	if (!email_domain_ok(at + 1))
		return (N_("Email: the part after @ must be a domain such as "
		    "example.ro"));
	return (NULL);
}

/* Reads two digits as a number, for the dates inside CNP and AMKA. */
static int
two_digits(const char *s)
{
	return ((s[0] - '0') * 10 + (s[1] - '0'));
}

/* Tells whether a date agrees with a day, month and two-digit year. */
static bool
same_ddmmyy(struct date d, int dd, int mm, int yy)
{
	return (d.day == dd && d.month == mm && d.year % 100 == yy);
}

/*
 * Checks the Romanian ids: a valid CNP, no Greek ones.  Fills in the
 * birth date from the CNP when none was typed, and compares it when one
 * was; residents' and foreigners' CNPs do not tell the century, so only
 * the last two digits of the year are compared for them.
 */
static void
check_ro_ids(struct person *p, const char **why)
{
	struct date	d;

	if (p->afm[0] != '\0')
		why[PF_AFM] = N_("AFM: leave empty; a Greek tax number is "
		    "recorded only in Greek town halls");
	if (p->amka[0] != '\0')
		why[PF_AMKA] = N_("AMKA: leave empty; a Greek social security "
		    "number is recorded only in Greek town halls");
	if (p->cnp[0] == '\0') {
		why[PF_CNP] = N_("CNP: required; type the 13 digits from the "
		    "identity document");
		return;
	}
	if ((why[PF_CNP] = ident_check_cnp(p->cnp)) != NULL)
		return;
	if (p->birth_date.year == 0) {
		if (ident_cnp_birth_date(p->cnp, &d))
			p->birth_date = d;
		return;
	}
	if (!date_valid(p->birth_date.year, p->birth_date.month,
	    p->birth_date.day))
		return;
	if (ident_cnp_birth_date(p->cnp, &d) ?
	    date_cmp(d, p->birth_date) != 0 :
	    !same_ddmmyy(p->birth_date, two_digits(p->cnp + 5),
	    two_digits(p->cnp + 3), two_digits(p->cnp + 1)))
		why[PF_BIRTH_DATE] = N_("Birth date: does not match the CNP; "
		    "check both");
}

/*
 * Gives the birth date an AMKA stands for.  Its year has two digits: the
 * latest century that makes a real date no later than today is taken,
 * so people over 100 need their birth date typed.
 */
static bool
amka_birth_date(const char *amka, struct date today, struct date *out)
{
	struct date	d;

	d.day = two_digits(amka);
	d.month = two_digits(amka + 2);
	d.year = 2000 + two_digits(amka + 4);
	if (date_valid(d.year, d.month, d.day) && date_cmp(d, today) <= 0) {
		*out = d;
		return (true);
	}
	d.year -= 100;
	if (!date_valid(d.year, d.month, d.day))
		return (false);
	*out = d;
	return (true);
}

/*
 * Checks the Greek ids: a valid AFM and AMKA, no CNP.  An old 8-digit
 * AFM gets the leading zero it stands for, so that one person has one
 * key.  The AMKA's DDMMYY fills in or checks the birth date.
 */
static void
check_gr_ids(struct person *p, struct date today, const char **why)
{
	struct date	d;

	if (p->cnp[0] != '\0')
		why[PF_CNP] = N_("CNP: leave empty; a Romanian personal code "
		    "is recorded only in Romanian town halls");
	if (p->afm[0] == '\0')
		why[PF_AFM] = N_("AFM: required; type the 9-digit tax number");
	else if ((why[PF_AFM] = ident_check_afm(p->afm)) == NULL &&
	    strlen(p->afm) == 8) {
		memmove(p->afm + 1, p->afm, 9);
		p->afm[0] = '0';
	}
	if (p->amka[0] == '\0') {
		why[PF_AMKA] = N_("AMKA: required; type the 11-digit social "
		    "security number");
		return;
	}
	if ((why[PF_AMKA] = ident_check_amka(p->amka)) != NULL)
		return;
	if (p->birth_date.year == 0) {
		if (amka_birth_date(p->amka, today, &d))
			p->birth_date = d;
		return;
	}
	if (date_valid(p->birth_date.year, p->birth_date.month,
	    p->birth_date.day) && !same_ddmmyy(p->birth_date,
	    two_digits(p->amka), two_digits(p->amka + 2),
	    two_digits(p->amka + 4)))
		why[PF_BIRTH_DATE] = N_("Birth date: does not match the AMKA; "
		    "check both");
}

/* Checks a birth date, typed or taken from an id, against today. */
static const char *
check_birth_date(struct date d, struct date today)
{
	if (d.year == 0)
		return (NULL);
	if (!date_valid(d.year, d.month, d.day))
		return (N_("Birth date: not a real date; check the day and "
		    "the month"));
	if (d.year < BIRTH_YEAR_MIN)
		return (N_("Birth date: before 1900; check the year"));
	if (date_cmp(d, today) > 0)
		return (N_("Birth date: in the future; check the year"));
	return (NULL);
}

/* Trims and checks one text field by its rule, leaving ids for later. */
static const char *
check_field(struct person *p, const struct field_rule *r,
    enum country country)
{
	char	*s = (char *)p + r->offset;

	/* A form cannot send this; refuse it rather than read past. */
	if (memchr(s, '\0', r->size) == NULL)
		return (r->too_long);
	trim(s);
	if (s[0] == '\0')
		return (r->required);
	switch (r->kind) {
	case KIND_NAME:
	case KIND_NAMES:
		return (check_name(r, s));
	case KIND_TEXT:
		switch (text_scan(s, r->max)) {
		case TEXT_OK:
			return (NULL);
		case TEXT_TOO_LONG:
			return (r->too_long);
		default:
			return (r->bad_text);
		}
	case KIND_POSTAL:
		return (check_postal(s, country));
	case KIND_PHONE:
		return (check_phone(s));
	case KIND_EMAIL:
		return (check_email(s));
	default:
		return (NULL);
	}
}

/* Checks a whole person, field by field, for the town's country. */
int
person_check(struct person *p, enum country country, struct date today,
    struct person_problem *problems, int max)
{
	const char	*why[PF_COUNT] = { NULL };
	const char	*r;
	size_t		 i;
	int		 f, n = 0;
	bool		 ids_ok = true;

	if (country != COUNTRY_RO && country != COUNTRY_GR) {
		why[PF_CNP] = N_("Country: the town's profile is neither "
		    "Romanian nor Greek; check the configuration");
		goto out;
	}
	memcpy(p->country, country == COUNTRY_RO ? "RO" : "GR", 3);
	for (i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		r = check_field(p, &rules[i], country);
		if (r != NULL) {
			why[rules[i].field] = r;
			if (rules[i].kind == KIND_ID)
				ids_ok = false;
		}
	}
	if (ids_ok) {
		if (country == COUNTRY_RO)
			check_ro_ids(p, why);
		else
			check_gr_ids(p, today, why);
	}
	if (why[PF_BIRTH_DATE] == NULL)
		why[PF_BIRTH_DATE] = check_birth_date(p->birth_date, today);
	switch (p->contact) {
	case CONTACT_PHONE:
		if (p->phone[0] == '\0')
			why[PF_PHONE] = N_("Phone: needed, since the person "
			    "prefers to be called; type a number or choose "
			    "another way to reach them");
		break;
	case CONTACT_EMAIL:
		if (p->email[0] == '\0')
			why[PF_EMAIL] = N_("Email: needed, since the person "
			    "prefers e-mail; type an address or choose "
			    "another way to reach them");
		break;
	case CONTACT_POST:
		break;
	default:
		why[PF_CONTACT] = N_("Contact: choose phone, e-mail or post");
		break;
	}
out:
	for (f = 0; f < PF_COUNT; f++) {
		if (why[f] == NULL)
			continue;
		if (n < max) {
			problems[n].field = (enum person_field)f;
			problems[n].reason = why[f];
		}
		n++;
	}
	return (n);
}

/* Checks any text a clerk typed for bad UTF-8, controls and length. */
const char *
person_check_text(const char *text, int max_chars)
{
	if (text == NULL)
		return (N_("the text is missing"));
	switch (text_scan(text, max_chars)) {
	case TEXT_OK:
		return (NULL);
	case TEXT_BAD_UTF8:
		return (N_("not valid text (UTF-8); retype it"));
	case TEXT_CONTROL:
		return (N_("contains a control character; retype it without "
		    "it"));
	default:
		return (N_("too long; shorten it"));
	}
}
