#include "config.h"

#include "guichet/iddoc.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "guichet/i18n-mark.h"
#include "guichet/text.h"

#define ISSUER_MIN	2	/* characters */
#define ISSUER_MAX	96
#define RO_SERIES_LEN	2
#define RO_NUMBER_LEN	6
#define CEI_NUMBER_MIN	6
#define CEI_NUMBER_MAX	9
#define GR_NUMBER_LEN	6
#define FREE_NUMBER_MIN	6	/* passports and residence permits */
#define FREE_NUMBER_MAX	9

/* Regulation (EU) 2019/1157 ends the old Romanian cards on this day. */
static const struct date ro_card_last_day = { 2031, 8, 3 };

static const struct {
	const char	*name;
	const char	*label;
	bool		 shows_address;
} types[IDDOC_TYPE_COUNT] = {
	[IDDOC_RO_ID_CARD] = { "ro-id-card",
	    N_("Romanian identity card (CI)"), true },
	[IDDOC_RO_ECARD] = { "ro-ecard",
	    N_("Romanian electronic identity card (CEI)"), false },
	[IDDOC_GR_ID_CARD] = { "gr-id-card",
	    N_("Greek identity card"), false },
	[IDDOC_PASSPORT] = { "passport", N_("passport"), false },
	[IDDOC_RESIDENCE_PERMIT] = { "residence-permit",
	    N_("residence permit"), false },
};

/*
 * Latin capitals that look like a Greek capital, and that capital; the
 * series of a Greek card is typed on whatever keyboard is at hand.
 */
static const struct {
	char	latin;
	ucs4_t	greek;
} look_alikes[] = {
	{ 'A', 0x0391 }, { 'B', 0x0392 }, { 'E', 0x0395 }, { 'Z', 0x0396 },
	{ 'H', 0x0397 }, { 'I', 0x0399 }, { 'K', 0x039A }, { 'M', 0x039C },
	{ 'N', 0x039D }, { 'O', 0x039F }, { 'P', 0x03A1 }, { 'T', 0x03A4 },
	{ 'Y', 0x03A5 }, { 'X', 0x03A7 }
};

/* Tells whether s is made of ASCII letters and digits only. */
static bool
all_alnum(const char *s)
{
	for (; *s != '\0'; s++) {
		if (!text_is_digit((unsigned char)*s) &&
		    !text_is_alpha((unsigned char)*s))
			return (false);
	}
	return (true);
}

/*
 * Removes every blank from s and upper-cases its ASCII letters, in place;
 * people copy "KX 123456" with the gap the card prints.
 */
static void
squeeze_upper(char *s)
{
	char	*w = s;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		*w++ = (char)text_ascii_upper((unsigned char)*s);
	}
	*w = '\0';
}

/*
 * Moves the letters that begin number into an empty series, so that a
 * whole "KX123456" typed under the number still reads as series KX and
 * number 123456.  Works on bytes: the letters may be Greek.
 */
static void
split_series(struct iddoc *doc)
{
	size_t	n;

	if (doc->series[0] != '\0')
		return;
	n = strcspn(doc->number, "0123456789");
	if (n == 0 || n >= sizeof doc->series || doc->number[n] == '\0')
		return;
	memcpy(doc->series, doc->number, n);
	doc->series[n] = '\0';
	memmove(doc->number, doc->number + n, strlen(doc->number + n) + 1);
}

/* Returns the Greek capital for a Greek letter or a Latin look-alike,
 * 0 for a Latin letter with none, (ucs4_t)-1 for anything else. */
static ucs4_t
greek_capital(ucs4_t uc)
{
	size_t	i;

	if (uc < 0x80 && text_is_alpha((int)uc)) {
		uc = (ucs4_t)text_ascii_upper((int)uc);
		for (i = 0; i < sizeof look_alikes / sizeof look_alikes[0];
		    i++) {
			if ((ucs4_t)look_alikes[i].latin == uc)
				return (look_alikes[i].greek);
		}
		return (0);
	}
	if (uc == 0x03C2)	/* final sigma */
		return (0x03A3);
	if (uc >= 0x03B1 && uc <= 0x03C9)
		uc -= 0x20;
	if (uc >= 0x0391 && uc <= 0x03A9 && uc != 0x03A2)
		return (uc);
	return ((ucs4_t)-1);
}

/*
 * Rewrites the series of a Greek card in Greek capitals, in place.
 * Returns NULL or the reason the series cannot be a Greek one.
 */
static const char *
greek_series(char *series, size_t size)
{
	uint8_t		 out[16];
	const uint8_t	*s = (const uint8_t *)series;
	size_t		 n, i = 0, len = 0, letters = 0;
	ucs4_t		 uc, g;
	int		 k;

	n = strlen(series);
	while (i < n) {
		k = u8_mbtoucr(&uc, s + i, n - i);
		if (k < 0)
			return (N_("Series: not valid text; retype the "
			    "letters of the card"));
		g = greek_capital(uc);
		if (g == 0)
			return (N_("Series: use Greek letters; C, D, F, G, J, L, "
			    "Q, R, S, U, V and W have no Greek look-alike"));
		if (g == (ucs4_t)-1)
			return (N_("Series: a Greek card has 1 or 2 letters "
			    "before the 6 digits, as in AB 123456"));
		if (++letters > 2)
			return (N_("Series: a Greek card has 1 or 2 letters, "
			    "as in AB 123456"));
		len += (size_t)u8_uctomb(out + len, g,
		    (int)(sizeof out - len));
		i += (size_t)k;
	}
	if (letters == 0)
		return (N_("Series: missing; type the 1 or 2 letters before "
		    "the number, as in AB 123456"));
	if (len + 1 > size)
		return (N_("Series: a Greek card has 1 or 2 letters, as in "
		    "AB 123456"));
	memcpy(series, out, len);
	series[len] = '\0';
	return (NULL);
}

/* Checks the 2-letter series of a Romanian card, already upper-cased. */
static const char *
ro_series(const char *series)
{
	if (series[0] == '\0')
		return (N_("Series: missing; type the 2 letters printed "
		    "before the number, as in KX"));
	if (strlen(series) != RO_SERIES_LEN ||
	    !text_is_alpha((unsigned char)series[0]) ||
	    !text_is_alpha((unsigned char)series[1]))
		return (N_("Series: must be 2 Latin letters, as in KX"));
	return (NULL);
}

/* Checks series and number for the kind of document, normalising both. */
static const char *
check_series_number(struct iddoc *doc)
{
	const char	*why;
	size_t		 n;

	squeeze_upper(doc->series);
	squeeze_upper(doc->number);
	switch (doc->type) {
	case IDDOC_RO_ID_CARD:
	case IDDOC_RO_ECARD:
		split_series(doc);
		if ((why = ro_series(doc->series)) != NULL)
			return (why);
		n = strlen(doc->number);
		if (doc->type == IDDOC_RO_ID_CARD &&
		    (n != RO_NUMBER_LEN || !text_all_digits(doc->number, n)))
			return (N_("Document number: must be 6 digits, as "
			    "printed after the series"));
		if (doc->type == IDDOC_RO_ECARD && (n < CEI_NUMBER_MIN ||
		    n > CEI_NUMBER_MAX || !text_all_digits(doc->number, n)))
			return (N_("Document number: must be 6 to 9 digits, "
			    "as printed after the series"));
		return (NULL);
	case IDDOC_GR_ID_CARD:
		split_series(doc);
		if ((why = greek_series(doc->series,
		    sizeof doc->series)) != NULL)
			return (why);
		n = strlen(doc->number);
		if (n != GR_NUMBER_LEN || !text_all_digits(doc->number, n))
			return (N_("Document number: must be 6 digits, as "
			    "printed after the letters"));
		return (NULL);
	case IDDOC_PASSPORT:
	case IDDOC_RESIDENCE_PERMIT:
		if (doc->series[0] != '\0')
			return (N_("Series: leave empty for passports and "
			    "residence permits; type everything under "
			    "Document number"));
		n = strlen(doc->number);
		if (n == 0)
			return (N_("Document number: missing; type it as "
			    "printed on the document"));
		if (!all_alnum(doc->number))
			return (N_("Document number: use only Latin letters "
			    "and digits"));
		if (n < FREE_NUMBER_MIN || n > FREE_NUMBER_MAX)
			return (N_("Document number: must be 6 to 9 letters "
			    "or digits"));
		return (NULL);
	default:
		return (N_("Document type: unknown; choose one from the "
		    "list"));
	}
}

/*
 * Trims blanks at the ends of the issuer in place and checks it: 2 to 96
 * characters of valid UTF-8 without control characters.
 */
static const char *
check_issuer(char *issuer, size_t size)
{
	const uint8_t	*s;
	size_t		 n, start, i, chars = 0;
	ucs4_t		 uc;
	int		 k;

	if (memchr(issuer, '\0', size) == NULL)
		return (N_("Issuer: too long; at most 96 characters"));
	n = strlen(issuer);
	for (start = 0; issuer[start] == ' ' || issuer[start] == '\t';
	    start++)
		;
	while (n > start && (issuer[n - 1] == ' ' || issuer[n - 1] == '\t'))
		n--;
	memmove(issuer, issuer + start, n - start);
	n -= start;
	issuer[n] = '\0';
	if (n == 0)
		return (N_("Issuer: missing; type the authority printed on "
		    "the document"));
	s = (const uint8_t *)issuer;
	for (i = 0; i < n; i += (size_t)k) {
		k = u8_mbtoucr(&uc, s + i, n - i);
		if (k < 0)
			return (N_("Issuer: not valid text; retype it"));
		if (uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_Cc |
		    UC_CATEGORY_MASK_Zl | UC_CATEGORY_MASK_Zp))
			return (N_("Issuer: contains a control character; "
			    "retype it"));
		chars++;
	}
	if (chars < ISSUER_MIN)
		return (N_("Issuer: too short; type the authority as "
		    "printed"));
	if (chars > ISSUER_MAX)
		return (N_("Issuer: too long; at most 96 characters"));
	return (NULL);
}

/*
 * Checks the expiry date against today.  An old Romanian card counts as
 * expiring on 3 August 2031 at the latest, whatever it prints (cards of
 * people over 55 print no end at all; the clerk may type any later date).
 */
static const char *
check_expiry(const struct iddoc *doc, struct date today)
{
	struct date	end = doc->expiry;

	if (end.year == 0)
		return (N_("Expiry date: missing; type the date printed on "
		    "the document"));
	if (!date_valid(end.year, end.month, end.day))
		return (N_("Expiry date: not a real date; check the day and "
		    "the month"));
	if (doc->type == IDDOC_RO_ID_CARD &&
	    date_cmp(end, ro_card_last_day) > 0) {
		end = ro_card_last_day;
		if (date_cmp(end, today) < 0)
			return (N_("Expiry date: old identity cards are not "
			    "valid after 3 August 2031; ask for an electronic "
			    "identity card"));
	}
	if (date_cmp(end, today) < 0)
		return (N_("Expiry date: the document expired; ask for a "
		    "valid one"));
	return (NULL);
}

/* Names a document type for the store and command lines. */
const char *
iddoc_type_name(enum iddoc_type type)
{
	if ((int)type < 0 || type >= IDDOC_TYPE_COUNT)
		return ("unknown");
	return (types[type].name);
}

/* Maps a stored type name back to its type. */
int
iddoc_type_from_name(const char *name)
{
	int	t;

	if (name == NULL)
		return (-1);
	for (t = 0; t < IDDOC_TYPE_COUNT; t++) {
		if (strcmp(name, types[t].name) == 0)
			return (t);
	}
	return (-1);
}

/* Names a document type for people, untranslated. */
const char *
iddoc_type_label(enum iddoc_type type)
{
	if ((int)type < 0 || type >= IDDOC_TYPE_COUNT)
		return (N_("unknown document"));
	return (types[type].label);
}

/* Normalises and checks what the clerk typed from a document. */
const char *
iddoc_check(struct iddoc *doc, struct date today)
{
	const char	*why;

	if ((int)doc->type < 0 || doc->type >= IDDOC_TYPE_COUNT)
		return (N_("Document type: unknown; choose one from the "
		    "list"));
	/* Unterminated buffers cannot come from a form; refuse, never read. */
	if (memchr(doc->series, '\0', sizeof doc->series) == NULL)
		return (N_("Series: too long; retype it"));
	if (memchr(doc->number, '\0', sizeof doc->number) == NULL)
		return (N_("Document number: too long; retype it"));
	if ((why = check_series_number(doc)) != NULL)
		return (why);
	if ((why = check_issuer(doc->issuer, sizeof doc->issuer)) != NULL)
		return (why);
	return (check_expiry(doc, today));
}

/* Tells whether the clerk can take the address from the document. */
bool
iddoc_shows_address(enum iddoc_type type)
{
	if ((int)type < 0 || type >= IDDOC_TYPE_COUNT)
		return (false);
	return (types[type].shows_address);
}

const char *
iddoc_check_address_proof(enum iddoc_type type, const char *proof)
{
	if (!iddoc_shows_address(type) && proof[0] == '\0')
		return N_("Address proof: this document shows no address; "
		    "name the document that proved it (e.g. a utility bill).");
	return NULL;
}
