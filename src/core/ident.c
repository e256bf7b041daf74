#include "config.h"

#include "guichet/ident.h"

#include <stdint.h>
#include <string.h>

#include "guichet/i18n-mark.h"
#include "guichet/text.h"

#define IBAN_MAX	34	/* longest IBAN that ISO 13616 allows */
#define RF_MAX		25	/* "RF", two check digits, 21 characters */
#define RF_BODY_MAX	21
#define MASK_KEEP_HEAD	7
#define MASK_KEEP_TAIL	2
#define MASK_MIN_LEN	13	/* below this, keeping 7 + 2 shows too much */
#define MASK_SHORT_TAIL	3	/* a short id keeps its last 3, as on cards */
#define MASK_BULLET	"\xe2\x80\xa2"	/* U+2022 BULLET in UTF-8 */

static const char *const kind_names[IDENT_KIND_COUNT] = {
	"cnp", "cui", "afm", "amka", "iban", "rf"
};

static const int cnp_weights[12] = { 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9 };
static const int cui_weights[9] = { 7, 5, 3, 2, 1, 7, 5, 3, 2 };
static const int afm_weights[8] = { 256, 128, 64, 32, 16, 8, 4, 2 };

/*
 * IBAN lengths from the ISO 13616 registry for Europe and its neighbours.
 * Romania and Greece are checked in more detail below.
 */
static const struct iban_country {
	char	code[3];
	int	length;
} iban_countries[] = {
	{ "AD", 24 }, { "AE", 23 }, { "AL", 28 }, { "AT", 20 }, { "BA", 20 },
	{ "BE", 16 }, { "BG", 22 }, { "CH", 21 }, { "CY", 28 }, { "CZ", 24 },
	{ "DE", 22 }, { "DK", 18 }, { "EE", 20 }, { "ES", 24 }, { "FI", 18 },
	{ "FO", 18 }, { "FR", 27 }, { "GB", 22 }, { "GI", 23 }, { "GL", 18 },
	{ "GR", 27 }, { "HR", 21 }, { "HU", 28 }, { "IE", 22 }, { "IS", 26 },
	{ "IT", 27 }, { "LI", 21 }, { "LT", 20 }, { "LU", 20 }, { "LV", 21 },
	{ "MC", 27 }, { "MD", 24 }, { "ME", 22 }, { "MK", 19 }, { "MT", 31 },
	{ "NL", 18 }, { "NO", 15 }, { "PL", 28 }, { "PT", 25 }, { "RO", 24 },
	{ "RS", 22 }, { "SE", 24 }, { "SI", 19 }, { "SK", 24 }, { "SM", 27 },
	{ "TR", 26 }, { "UA", 29 }, { "VA", 22 }, { "XK", 20 }
};

/* Tells whether s is exactly n digits. */
static bool
is_digit_string(const char *s, size_t n)
{
	return (strlen(s) == n && text_all_digits(s, n));
}

/* Reads two digits as a number, for the date fields of CNP and AMKA. */
static int
two_digits(const char *s)
{
	return ((s[0] - '0') * 10 + (s[1] - '0'));
}

/* Sums digits times weights: the common core of the national checks. */
static int
weighted_sum(const char *digits, const int *weights, size_t n)
{
	size_t	i;
	int	sum = 0;

	for (i = 0; i < n; i++)
		sum += (digits[i] - '0') * weights[i];
	return (sum);
}

/*
 * Sums n digits the Luhn way, doubling every second digit from the right;
 * the rightmost is doubled when computing a check digit for a body, not
 * when checking a whole number.
 */
static int
luhn_sum(const char *digits, size_t n, bool double_last)
{
	size_t	i;
	int	sum = 0, d;
	bool	dbl = double_last;

	for (i = n; i-- > 0;) {
		d = digits[i] - '0';
		if (dbl) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
		dbl = !dbl;
	}
	return (sum);
}

/*
 * Returns the ISO 7064 MOD 97-10 remainder of s (n >= 4 characters) with
 * its first four characters moved to the end, letters counting A = 10 to
 * Z = 35, or -1 on any other character.  Shared by IBAN and RF; reduced
 * digit by digit so no big numbers are needed.
 */
static int
mod97_rotated(const char *s, size_t n)
{
	size_t		k;
	unsigned int	r = 0;
	int		c;

	for (k = 0; k < n; k++) {
		c = (unsigned char)s[(k + 4) % n];
		if (text_is_digit(c))
			r = (r * 10 + (unsigned int)(c - '0')) % 97;
		else if (text_is_upper(c))
			r = (r * 100 + (unsigned int)(c - 'A' + 10)) % 97;
		else
			return (-1);
	}
	return ((int)r);
}

/*
 * Copies s into out without the single blanks people put between groups,
 * upper-casing letters.  Sets *n to the full length even past outsize, so
 * the caller can tell "too long" apart.  Returns false on a character
 * other than a letter or digit, or on a blank that is not single and
 * between two characters.
 */
static bool
compact_alnum(const char *s, char *out, size_t outsize, size_t *n)
{
	size_t	i, len = 0;
	int	c;

	for (i = 0; s[i] != '\0'; i++) {
		c = text_ascii_upper((unsigned char)s[i]);
		if (c == ' ') {
			if (i == 0 || s[i - 1] == ' ' || s[i + 1] == '\0')
				return (false);
			continue;
		}
		if (!text_is_digit(c) && !text_is_upper(c))
			return (false);
		if (len + 1 < outsize)
			out[len] = (char)c;
		len++;
	}
	out[len + 1 < outsize ? len : outsize - 1] = '\0';
	*n = len;
	return (true);
}

/*
 * Skips a two-letter country prefix (any case) and one optional blank
 * after it, as in "RO 18547290" or "EL094259216".
 */
static const char *
skip_prefix(const char *s, const char *prefix)
{
	if (s[0] != '\0' && text_ascii_upper((unsigned char)s[0]) == prefix[0] &&
	    text_ascii_upper((unsigned char)s[1]) == prefix[1]) {
		s += 2;
		if (*s == ' ')
			s++;
	}
	return (s);
}

/* Returns the CNP check digit of 12 digits known to be digits. */
static char
cnp_digit(const char *first12)
{
	int	r;

	r = weighted_sum(first12, cnp_weights, 12) % 11;
	return ((char)(r == 10 ? '1' : '0' + r));
}

/* Returns the CUI check digit of a body of 1 to 9 digits. */
static char
cui_digit(const char *body, size_t n)
{
	int	sum;

	/* Left-padding with zeros is the same as using the last weights. */
	sum = weighted_sum(body, cui_weights + (9 - n), n);
	return ((char)('0' + sum * 10 % 11 % 10));
}

/* Returns the AFM check digit of 8 digits. */
static char
afm_digit(const char *first8)
{
	return ((char)('0' + weighted_sum(first8, afm_weights, 8) % 11 % 10));
}

/*
 * Returns the century of a CNP from its first digit, or 0 for residents
 * and foreigners (7, 8, 9), whose digit does not say.
 */
static int
cnp_century(int s)
{
	switch (s) {
	case 1:
	case 2:
		return (1900);
	case 3:
	case 4:
		return (1800);
	case 5:
	case 6:
		return (2000);
	default:
		return (0);
	}
}

/*
 * Tells whether the YYMMDD of a CNP is a real date.  For residents and
 * foreigners the 1900s are tried first, as python-stdnum does, then the
 * 2000s, so "000229" passes.
 */
static bool
cnp_date_ok(const char *cnp)
{
	int	century, yy, mm, dd;

	century = cnp_century(cnp[0] - '0');
	yy = two_digits(cnp + 1);
	mm = two_digits(cnp + 3);
	dd = two_digits(cnp + 5);
	if (century != 0)
		return (date_valid(century + yy, mm, dd));
	return (date_valid(1900 + yy, mm, dd) ||
	    date_valid(2000 + yy, mm, dd));
}

/*
 * Tells whether a CNP county code is known: 01-46 counties, 47 and 48 the
 * former Bucharest sectors 7 and 8, 51 and 52 Călărași and Giurgiu, 70
 * registrations made abroad.
 */
static bool
cnp_county_ok(int jj)
{
	return ((jj >= 1 && jj <= 48) || jj == 51 || jj == 52 || jj == 70);
}

/* Returns the IBAN length of a country code, or 0 when unknown. */
static int
iban_length(const char *cc)
{
	size_t	i;

	for (i = 0; i < sizeof iban_countries / sizeof iban_countries[0];
	    i++) {
		if (iban_countries[i].code[0] == cc[0] &&
		    iban_countries[i].code[1] == cc[1])
			return (iban_countries[i].length);
	}
	return (0);
}

/* Maps a kind name such as "cnp" to its kind, for command lines. */
int
ident_kind_from_name(const char *name)
{
	int	k;

	if (name == NULL)
		return (-1);
	for (k = 0; k < IDENT_KIND_COUNT; k++) {
		if (strcmp(name, kind_names[k]) == 0)
			return (k);
	}
	return (-1);
}

/* Names a kind for command lines and logs. */
const char *
ident_kind_name(enum ident_kind kind)
{
	if ((int)kind < 0 || kind >= IDENT_KIND_COUNT)
		return ("unknown");
	return (kind_names[kind]);
}

/* Checks a value of any kind, so callers can dispatch on data. */
const char *
ident_check(enum ident_kind kind, const char *value)
{
	if (value == NULL)
		return (N_("the value is empty"));
	switch (kind) {
	case IDENT_CNP:
		return (ident_check_cnp(value));
	case IDENT_CUI:
		return (ident_check_cui(value));
	case IDENT_AFM:
		return (ident_check_afm(value));
	case IDENT_AMKA:
		return (ident_check_amka(value));
	case IDENT_IBAN:
		return (ident_check_iban(value));
	case IDENT_RF:
		return (ident_check_rf(value));
	default:
		return (N_("unknown kind of identifier"));
	}
}

/* Checks a Romanian personal numeric code (CNP). */
const char *
ident_check_cnp(const char *cnp)
{
	if (!is_digit_string(cnp, 13))
		return (N_("CNP: must be 13 digits"));
	if (cnp[0] == '0')
		return (N_("CNP: the first digit cannot be 0; it is 1 to 9"));
	if (!cnp_date_ok(cnp))
		return (N_("CNP: the birth date in digits 2-7 does not "
		    "exist"));
	if (!cnp_county_ok(two_digits(cnp + 7)))
		return (N_("CNP: unknown county code in digits 8-9"));
	if (cnp_digit(cnp) != cnp[12])
		return (N_("CNP: the check digit does not match; check the "
		    "last digit"));
	return (NULL);
}

/* Checks a Romanian company code (CUI/CIF), with or without "RO". */
const char *
ident_check_cui(const char *cui)
{
	const char	*body;
	size_t		 n;

	body = skip_prefix(cui, "RO");
	n = strlen(body);
	if (n < 2 || n > 10 || !text_all_digits(body, n))
		return (N_("CUI: must be 2 to 10 digits, optionally after "
		    "RO"));
	if (body[0] == '0')
		return (N_("CUI: cannot start with 0"));
	if (cui_digit(body, n - 1) != body[n - 1])
		return (N_("CUI: the check digit does not match; check the "
		    "last digit"));
	return (NULL);
}

/* Checks a Greek tax number (AFM), with or without "EL" or "GR". */
const char *
ident_check_afm(const char *afm)
{
	const char	*body;
	char		 buf[10];
	size_t		 n;

	body = skip_prefix(afm, "EL");
	if (body == afm)
		body = skip_prefix(afm, "GR");
	n = strlen(body);
	if ((n != 8 && n != 9) || !text_all_digits(body, n))
		return (N_("AFM: must be 9 digits"));
	/* Old 8-digit numbers are the same with a leading zero. */
	buf[0] = '0';
	memcpy(buf + 9 - n, body, n + 1);
	if (strspn(buf, "0") == 9)
		return (N_("AFM: cannot be all zeros"));
	if (afm_digit(buf) != buf[8])
		return (N_("AFM: the check digit does not match; check the "
		    "last digit"));
	return (NULL);
}

/* Checks a Greek social security number (AMKA). */
const char *
ident_check_amka(const char *amka)
{
	int	dd, mm, yy;

	if (!is_digit_string(amka, 11))
		return (N_("AMKA: must be 11 digits"));
	dd = two_digits(amka);
	mm = two_digits(amka + 2);
	yy = two_digits(amka + 4);
	if (!date_valid(1900 + yy, mm, dd) && !date_valid(2000 + yy, mm, dd))
		return (N_("AMKA: the birth date in digits 1-6 does not "
		    "exist"));
	if (luhn_sum(amka, 11, false) % 10 != 0)
		return (N_("AMKA: the check digit does not match; check the "
		    "last digit"));
	return (NULL);
}

/* Checks an IBAN, as printed in groups or written solid, any case. */
const char *
ident_check_iban(const char *iban)
{
	char	buf[IBAN_MAX + 1];
	size_t	n;
	int	want;

	if (!compact_alnum(iban, buf, sizeof buf, &n))
		return (N_("IBAN: use only letters, digits and single "
		    "spaces"));
	if (n > IBAN_MAX)
		return (N_("IBAN: too long; an IBAN has at most 34 "
		    "characters"));
	if (n < 4 || !text_is_upper(buf[0]) || !text_is_upper(buf[1]) ||
	    !text_is_digit(buf[2]) || !text_is_digit(buf[3]))
		return (N_("IBAN: must start with a country code and two "
		    "check digits, as in RO49"));
	want = iban_length(buf);
	if (want == 0)
		return (N_("IBAN: unknown country code; check the first two "
		    "letters"));
	if (n != (size_t)want) {
		if (memcmp(buf, "RO", 2) == 0)
			return (N_("IBAN: a Romanian IBAN has 24 characters"));
		if (memcmp(buf, "GR", 2) == 0)
			return (N_("IBAN: a Greek IBAN has 27 characters"));
		return (N_("IBAN: wrong length for its country; check for a "
		    "missing or extra character"));
	}
	if (memcmp(buf, "RO", 2) == 0 && (!text_is_upper(buf[4]) ||
	    !text_is_upper(buf[5]) || !text_is_upper(buf[6]) || !text_is_upper(buf[7])))
		return (N_("IBAN: a Romanian IBAN has the bank code in "
		    "letters 5-8"));
	if (memcmp(buf, "GR", 2) == 0 && !text_all_digits(buf + 4, 7))
		return (N_("IBAN: a Greek IBAN has the bank and branch code "
		    "in digits 5-11"));
	if (mod97_rotated(buf, n) != 1)
		return (N_("IBAN: the check digits do not match; check for a "
		    "mistyped character"));
	return (NULL);
}

/* Checks an RF creditor reference (ISO 11649). */
const char *
ident_check_rf(const char *rf)
{
	char	buf[RF_MAX + 1];
	size_t	n;

	if (!compact_alnum(rf, buf, sizeof buf, &n))
		return (N_("RF: use only letters, digits and single spaces"));
	if (n < 4 || buf[0] != 'R' || buf[1] != 'F' || !text_is_digit(buf[2]) ||
	    !text_is_digit(buf[3]))
		return (N_("RF: must start with RF and two check digits, as "
		    "in RF18"));
	if (n < 5 || n > RF_MAX)
		return (N_("RF: after RF and the check digits come 1 to 21 "
		    "letters or digits"));
	if (mod97_rotated(buf, n) != 1)
		return (N_("RF: the check digits do not match; check for a "
		    "mistyped character"));
	return (NULL);
}

/*
 * Returns the birth date of a CNP for people born in Romania.  Residents
 * and foreigners (7, 8, 9) get false: their date is checked in the 1900s
 * and then the 2000s, which is good enough to refuse typos but does not
 * tell the century.
 */
bool
ident_cnp_birth_date(const char *cnp, struct date *out)
{
	int	century;

	if (ident_check_cnp(cnp) != NULL)
		return (false);
	century = cnp_century(cnp[0] - '0');
	if (century == 0)
		return (false);
	out->year = century + two_digits(cnp + 1);
	out->month = two_digits(cnp + 3);
	out->day = two_digits(cnp + 5);
	return (true);
}

/* Makes the CNP check digit, for generators and tests. */
char
ident_cnp_check_digit(const char *first12)
{
	if (!is_digit_string(first12, 12))
		return ('\0');
	return (cnp_digit(first12));
}

/* Makes the CUI check digit of a body of 1 to 9 digits. */
char
ident_cui_check_digit(const char *body)
{
	size_t	n;

	n = strlen(body);
	if (n < 1 || n > 9 || !text_all_digits(body, n))
		return ('\0');
	return (cui_digit(body, n));
}

/* Makes the AFM check digit of the first 8 digits. */
char
ident_afm_check_digit(const char *first8)
{
	if (!is_digit_string(first8, 8))
		return ('\0');
	return (afm_digit(first8));
}

/* Makes the Luhn check digit of any number of digits (AMKA and others). */
char
ident_luhn_check_digit(const char *digits)
{
	size_t	n;

	n = strlen(digits);
	if (n < 1 || !text_all_digits(digits, n))
		return ('\0');
	return ((char)('0' + (10 - luhn_sum(digits, n, true) % 10) % 10));
}

/* Makes an RF creditor reference around a body the town hall chose. */
bool
ident_rf_make(const char *body, char *out, size_t outlen)
{
	char	buf[RF_MAX + 1];
	size_t	i, n;
	int	c, check;

	n = strlen(body);
	if (n < 1 || n > RF_BODY_MAX || outlen < n + 5)
		return (false);
	memcpy(buf, "RF00", 4);
	for (i = 0; i < n; i++) {
		c = text_ascii_upper((unsigned char)body[i]);
		if (!text_is_digit(c) && !text_is_upper(c))
			return (false);
		buf[4 + i] = (char)c;
	}
	buf[4 + n] = '\0';
	/* With "RF00" in front, rotating puts it at the end as ISO asks. */
	check = 98 - mod97_rotated(buf, n + 4);
	buf[2] = (char)('0' + check / 10);
	buf[3] = (char)('0' + check % 10);
	memcpy(out, buf, n + 5);
	return (true);
}

/*
 * Masks a national id for screens and receipts.  Values shorter than 13
 * characters (an AFM, an AMKA) would show nearly everything with seven and
 * two kept, so they are masked whole.  Each byte becomes one bullet; the
 * ids are ASCII.  Output that does not fit is cut between bullets.
 */
void
ident_mask(const char *value, char *out, size_t outlen)
{
	size_t	i, n, len = 0;
	bool	keep;

	if (outlen == 0)
		return;
	n = strlen(value);
	for (i = 0; i < n; i++) {
		if (n >= MASK_MIN_LEN)
			keep = i < MASK_KEEP_HEAD || i >= n - MASK_KEEP_TAIL;
		else
			keep = n > MASK_SHORT_TAIL * 2 &&
			    i >= n - MASK_SHORT_TAIL;
		if (keep) {
			if (len + 1 >= outlen)
				break;
			out[len++] = value[i];
		} else {
			if (len + sizeof MASK_BULLET > outlen)
				break;
			memcpy(out + len, MASK_BULLET, sizeof MASK_BULLET - 1);
			len += sizeof MASK_BULLET - 1;
		}
	}
	out[len] = '\0';
}
