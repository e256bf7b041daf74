/*
 * The register feed's lines: split as RFC 4180 CSV, then each field of
 * the record checked and normalised.  A refused line gets one reason,
 * the first field found wrong, with the value shown (made safe to print)
 * when it is short enough to help.
 */
#include "config.h"

#include "guichet/register-feed.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "guichet/ident.h"
#include "guichet/person-check.h"
#include "guichet/text.h"

#define FIELDS_MAX 16		/* the longest record has 14 */
#define SHOWN_MAX 40		/* bytes of a value quoted in a reason */
#define AMOUNT_DIGITS_MAX 13	/* before the point: under 10^13 */

/* A line split into its fields, unquoted, in buf. */
struct fields {
	int n;
	char *v[FIELDS_MAX];
	char buf[FEED_LINE_MAX + 1];
};

/* Writes a reason into why; returns false, so that checks end with it. */
static bool __attribute__((format(printf, 2, 3)))
refuse(char why[FEED_REASON_MAX], const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, FEED_REASON_MAX, fmt, ap);
	va_end(ap);
	return false;
}

/* Copies value into out for a reason: at most SHOWN_MAX bytes, cut at a
 * character and marked "...", control characters and bytes that are not
 * UTF-8 shown as '?', so that a reason is always safe to print. */
static const char *
shown(const char *value, char *out, size_t outlen)
{
	const unsigned char *s = (const unsigned char *)value;
	size_t i = 0, len = strlen(value), k, o = 0;
	uint32_t cp;

	while (i < len) {
		k = text_utf8_next(s + i, len - i, &cp);
		if (o + (k == 0 ? 1 : k) > SHOWN_MAX || o + 8 > outlen) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (k == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    cp == 0x2028 || cp == 0x2029) {
			out[o++] = '?';
			i += k == 0 ? 1 : k;
			continue;
		}
		memcpy(out + o, s + i, k);
		o += k;
		i += k;
	}
	out[o] = '\0';
	return out;
}

/* Splits line into f as RFC 4180 CSV: a field in double quotes may hold
 * commas, and "" inside it is one quote. */
static bool
split(const char *line, struct fields *f, char why[FEED_REASON_MAX])
{
	const char *p = line;
	char *out = f->buf;

	f->n = 0;
	for (;;) {
		if (f->n == FIELDS_MAX)
			return refuse(why, "more than %d fields", FIELDS_MAX);
		f->v[f->n++] = out;
		if (*p == '"') {
			for (p++;; p++) {
				if (*p == '\0')
					return refuse(why, "field %d: the "
					    "quoted field does not end on its "
					    "line: close it with a quote",
					    f->n);
				if (*p == '"' && p[1] != '"')
					break;
				if (*p == '"')
					p++;
				*out++ = *p;
			}
			p++;
			if (*p != ',' && *p != '\0')
				return refuse(why, "field %d: a closing "
				    "quote must be followed by a comma or the "
				    "line's end (write a quote inside as "
				    "\"\")", f->n);
		} else {
			for (; *p != ',' && *p != '\0'; p++) {
				if (*p == '"')
					return refuse(why, "field %d: a quote "
					    "in a field that is not quoted: "
					    "quote the field and double the "
					    "quote", f->n);
				*out++ = *p;
			}
		}
		*out++ = '\0';
		if (*p == '\0')
			return true;
		p++;
	}
}

/* Checks free text: at most size - 1 bytes, valid UTF-8 without control
 * characters, and not empty when required. */
static bool
text(const char *name, const char *v, size_t size, bool required,
    char why[FEED_REASON_MAX])
{
	const char *reason;

	if (required && v[0] == '\0')
		return refuse(why, "%s: empty; it is required", name);
	if (strlen(v) >= size)
		return refuse(why, "%s: too long; at most %zu bytes", name,
		    size - 1);
	if ((reason = person_check_text(v, (int)(size - 1))) != NULL)
		return refuse(why, "%s: %s", name, reason);
	return true;
}

/* Copies free text checked by text() into out, which has size bytes. */
static bool
text_copy(const char *name, const char *v, char *out, size_t size,
    bool required, char why[FEED_REASON_MAX])
{
	if (!text(name, v, size, required, why))
		return false;
	memcpy(out, v, strlen(v) + 1);
	return true;
}

/* Returns reason without the "IBAN: " or "CNP: " its check put in
 * front, since the reason built on it says what was checked. */
static const char *
ident_reason(const char *reason)
{
	const char *p = reason;

	while (text_is_upper((unsigned char)*p))
		p++;
	return p != reason && p[0] == ':' && p[1] == ' ' ? p + 2 : reason;
}

/* Writes v without its spaces, in capitals, into out (size bytes): an
 * IBAN or RF reference as stored, once its check has passed. */
static void
compact(const char *v, char *out, size_t size)
{
	size_t o = 0;

	for (; *v != '\0' && o + 1 < size; v++)
		if (*v != ' ')
			out[o++] = (char)text_ascii_upper((unsigned char)*v);
	out[o] = '\0';
}

/* Checks a national id of country and writes it normalised into out
 * (32 bytes): a CNP as it is, a CUI without "RO", an AFM with 9 digits
 * and no "EL". */
static bool
national_id(const char *v, enum country country, char out[32],
    char why[FEED_REASON_MAX])
{
	const char *reason, *what, *body;
	char buf[SHOWN_MAX + 8];
	size_t n = strlen(v);

	if (v[0] == '\0')
		return refuse(why, "NATIONAL_ID: empty; a %s is required",
		    country == COUNTRY_GR ? "AFM" : "CNP or CUI");
	if (country == COUNTRY_GR) {
		what = "AFM";
		reason = ident_check_afm(v);
	} else if (n == 13 && text_all_digits(v, n)) {
		what = "CNP";
		reason = ident_check_cnp(v);
	} else {
		what = "CUI";
		reason = ident_check_cui(v);
	}
	if (reason != NULL)
		return refuse(why, "NATIONAL_ID: '%s' is not a valid %s: %s",
		    shown(v, buf, sizeof buf), what, ident_reason(reason));
	if (strcmp(what, "CNP") == 0) {
		memcpy(out, v, n + 1);
		return true;
	}
	/* "RO 123", "ro123", "EL 094259216": the prefix and its blank go. */
	body = v;
	if (text_is_alpha((unsigned char)v[0]))
		body = v[2] == ' ' ? v + 3 : v + 2;
	n = strlen(body);
	if (strcmp(what, "AFM") == 0 && n == 8)
		snprintf(out, 32, "0%s", body);
	else
		snprintf(out, 32, "%s", body);
	return true;
}

/* Returns true when v has 1 to max bytes, each an ASCII letter, a digit
 * or one of extra. */
static bool
word(const char *v, size_t max, const char *extra)
{
	size_t n = strlen(v), i;

	if (n == 0 || n > max)
		return false;
	for (i = 0; i < n; i++)
		if (!text_is_alpha((unsigned char)v[i]) &&
		    !text_is_digit((unsigned char)v[i]) &&
		    strchr(extra, v[i]) == NULL)
			return false;
	return true;
}

/* Checks a unit's code: 1 to 63 letters, digits, '/' and '-'. */
static bool
unit_code(const char *name, const char *v, char out[64],
    char why[FEED_REASON_MAX])
{
	char buf[SHOWN_MAX + 8];

	if (!word(v, 63, "/-"))
		return refuse(why, "%s: '%s' is not a unit code (1 to 63 "
		    "letters, digits, '/' and '-')", name,
		    shown(v, buf, sizeof buf));
	memcpy(out, v, strlen(v) + 1);
	return true;
}

/* Checks the tax office's reference of an obligation or a payment: 1 to
 * 63 letters, digits, '-', '/', '.' and '_'. */
static bool
reference(const char *name, const char *v, char *out, size_t size,
    char why[FEED_REASON_MAX])
{
	char buf[SHOWN_MAX + 8];

	if (!word(v, 63, "-/._"))
		return refuse(why, "%s: '%s' is not a reference (1 to 63 "
		    "letters, digits, '-', '/', '.' and '_')", name,
		    shown(v, buf, sizeof buf));
	snprintf(out, size, "%s", v);
	return true;
}

/* Parses a whole number of 1 to 9 digits into *out. */
static bool
small_number(const char *s, size_t n, int *out)
{
	size_t i;

	if (n == 0 || n > 9 || !text_all_digits(s, n))
		return false;
	*out = 0;
	for (i = 0; i < n; i++)
		*out = *out * 10 + (s[i] - '0');
	return true;
}

/* Checks a share: "1", or "N/D" with 0 < N <= D. */
static bool
share(const char *v, int *num, int *den, char why[FEED_REASON_MAX])
{
	const char *slash = strchr(v, '/');
	char buf[SHOWN_MAX + 8];
	bool ok;

	*num = *den = 1;
	if (slash == NULL)
		ok = strcmp(v, "1") == 0;
	else
		ok = small_number(v, (size_t)(slash - v), num) &&
		    small_number(slash + 1, strlen(slash + 1), den) &&
		    *num > 0 && *num <= *den;
	if (!ok)
		return refuse(why, "SHARE: '%s' is not a share like 1 or 1/2 "
		    "(N/D with 0 < N <= D)", shown(v, buf, sizeof buf));
	return true;
}

/* Checks an amount like 1000.00 (digits, a point, two decimals), more
 * than zero, and sets *out in minor units. */
static bool
amount(const char *name, const char *v, money_t *out,
    char why[FEED_REASON_MAX])
{
	const char *point = strchr(v, '.');
	char buf[SHOWN_MAX + 8];
	size_t n, i;

	n = point == NULL ? 0 : (size_t)(point - v);
	if (point == NULL || n == 0 || n > AMOUNT_DIGITS_MAX ||
	    !text_all_digits(v, n) || strlen(point + 1) != 2 ||
	    !text_all_digits(point + 1, 2))
		return refuse(why, "%s: '%s' is not an amount like 1000.00",
		    name, shown(v, buf, sizeof buf));
	*out = 0;
	for (i = 0; i < n; i++)
		*out = *out * 10 + (v[i] - '0');
	*out = *out * 100 + (point[1] - '0') * 10 + (point[2] - '0');
	if (*out <= 0)
		return refuse(why, "%s: '%s' must be more than 0.00", name,
		    shown(v, buf, sizeof buf));
	return true;
}

/* Checks a date YYYY-MM-DD and copies it into out (11 bytes). */
static bool
day(const char *name, const char *v, char out[11],
    char why[FEED_REASON_MAX])
{
	char buf[SHOWN_MAX + 8];
	struct date d;

	if (!date_parse_iso(v, &d))
		return refuse(why, "%s: '%s' is not a date like 2026-03-31",
		    name, shown(v, buf, sizeof buf));
	date_format_iso(d, out, 11);
	return true;
}

/* Checks an IBAN (single spaces between groups allowed) and writes it
 * without spaces, in capitals, into out (40 bytes). */
static bool
iban(const char *name, const char *v, char out[40],
    char why[FEED_REASON_MAX])
{
	char buf[SHOWN_MAX + 8];
	const char *reason;

	if ((reason = ident_check_iban(v)) != NULL)
		return refuse(why, "%s: '%s' is not a valid IBAN: %s", name,
		    shown(v, buf, sizeof buf), ident_reason(reason));
	compact(v, out, 40);
	return true;
}

/* Checks an RF reference, or makes one from the letters and digits of
 * ref when v is empty; writes it without spaces into out (40 bytes). */
static bool
rf(const char *v, const char *ref, char out[40], char why[FEED_REASON_MAX])
{
	char body[64], buf[SHOWN_MAX + 8];
	const char *reason;
	size_t n = 0;

	if (v[0] == '\0') {
		for (; *ref != '\0' && n + 1 < sizeof body; ref++)
			if (text_is_alpha((unsigned char)*ref) ||
			    text_is_digit((unsigned char)*ref))
				body[n++] = *ref;
		body[n] = '\0';
		if (!ident_rf_make(body, out, 40))
			return refuse(why, "RF: empty, and REF does not have "
			    "the 1 to 21 letters and digits to make one from: "
			    "give the RF reference");
		return true;
	}
	if ((reason = ident_check_rf(v)) != NULL)
		return refuse(why, "RF: '%s' is not a valid RF reference: %s",
		    shown(v, buf, sizeof buf), ident_reason(reason));
	compact(v, out, 40);
	return true;
}

static bool
parse_taxpayer(char **v, enum country country, struct feed_record *r,
    char why[FEED_REASON_MAX])
{
	struct taxpayer *t = &r->u.taxpayer;

	return national_id(v[1], country, t->national_id, why) &&
	    text_copy("NAME", v[2], t->name, sizeof t->name, true, why) &&
	    text_copy("ADDRESS", v[3], t->address, sizeof t->address, false,
	    why);
}

static bool
parse_unit(char **v, enum country country, struct feed_record *r,
    char why[FEED_REASON_MAX])
{
	struct taxable_unit *u = &r->u.unit;
	char buf[SHOWN_MAX + 8];
	int kind;

	(void)country;
	if (!unit_code("CODE", v[1], u->code, why))
		return false;
	if ((kind = unit_kind_from_name(v[2])) < 0)
		return refuse(why, "KIND: '%s' is not building, land, vehicle "
		    "or other", shown(v[2], buf, sizeof buf));
	u->kind = (enum unit_kind)kind;
	return text_copy("DESCRIPTION", v[3], u->description,
	    sizeof u->description, true, why) &&
	    text_copy("ADDRESS", v[4], u->address, sizeof u->address, false,
	    why);
}

static bool
parse_owner(char **v, enum country country, struct feed_record *r,
    char why[FEED_REASON_MAX])
{
	struct feed_owner *w = &r->u.owner;

	return unit_code("UNIT_CODE", v[1], w->unit_code, why) &&
	    national_id(v[2], country, w->national_id, why) &&
	    share(v[3], &w->share_num, &w->share_den, why);
}

static bool
parse_obligation(char **v, enum country country, struct feed_record *r,
    char why[FEED_REASON_MAX])
{
	struct obligation_row *o = &r->u.obligation.row;
	char buf[SHOWN_MAX + 8];
	int year;

	if (!reference("REF", v[1], o->ref, sizeof o->ref, why) ||
	    !national_id(v[2], country, r->u.obligation.national_id, why))
		return false;
	if (v[3][0] != '\0' && !unit_code("UNIT_CODE", v[3], o->unit_code,
	    why))
		return false;
	if (!word(v[4], sizeof o->tax_type - 1, "-") ||
	    strspn(v[4], "abcdefghijklmnopqrstuvwxyz-") != strlen(v[4]))
		return refuse(why, "TAX_TYPE: '%s' is not a tax type (1 to "
		    "%zu letters a-z and '-', as in building)",
		    shown(v[4], buf, sizeof buf), sizeof o->tax_type - 1);
	memcpy(o->tax_type, v[4], strlen(v[4]) + 1);
	if (!text_copy("NAME", v[5], o->name, sizeof o->name, true, why))
		return false;
	if (strlen(v[6]) != 4 || !small_number(v[6], 4, &year) ||
	    year < 1900 || year > 2999)
		return refuse(why, "TAX_YEAR: '%s' is not a year like 2026",
		    shown(v[6], buf, sizeof buf));
	o->tax_year = year;
	if (!amount("PRINCIPAL", v[7], &o->principal, why) ||
	    !text_copy("NOTICE", v[8], o->notice, sizeof o->notice, true,
	    why) ||
	    !day("NOTICE_DATE", v[9], o->notice_date, why) ||
	    !day("DUE_DATE", v[10], o->due_date, why) ||
	    !iban("IBAN", v[11], o->iban, why) ||
	    !rf(v[12], o->ref, o->rf, why))
		return false;
	if (strcmp(v[13], "yes") != 0 && strcmp(v[13], "no") != 0)
		return refuse(why, "DISCOUNTABLE: '%s' is neither yes nor no",
		    shown(v[13], buf, sizeof buf));
	o->discountable = strcmp(v[13], "yes") == 0;
	return true;
}

static bool
parse_payment(char **v, enum country country, struct feed_record *r,
    char why[FEED_REASON_MAX])
{
	struct payment_row *p = &r->u.payment.row;

	p->channel = PAY_BANK;
	if (!reference("REF", v[1], p->key, sizeof p->key, why) ||
	    !national_id(v[2], country, r->u.payment.national_id, why) ||
	    !text_copy("PAYER", v[3], p->payer, sizeof p->payer, true, why) ||
	    !amount("AMOUNT", v[4], &p->amount, why) ||
	    !day("PAID_ON", v[5], p->paid_on, why) ||
	    !text_copy("ADVICE", v[6], p->advice, sizeof p->advice, false,
	    why) ||
	    !text_copy("BANK", v[7], p->bank, sizeof p->bank, false, why))
		return false;
	if (v[8][0] != '\0' && !iban("ACCOUNT", v[8], p->account, why))
		return false;
	return v[9][0] == '\0' || reference("OBLIGATION_REF", v[9],
	    r->u.payment.obligation_ref, sizeof r->u.payment.obligation_ref,
	    why);
}

static bool
parse_warrant(char **v, enum country country, struct feed_record *r,
    char why[FEED_REASON_MAX])
{
	struct warrant *w = &r->u.warrant.row;

	return reference("REF", v[1], w->ref, sizeof w->ref, why) &&
	    national_id(v[2], country, r->u.warrant.national_id, why) &&
	    day("ISSUED_ON", v[3], w->issued_on, why) &&
	    amount("AMOUNT", v[4], &w->amount, why) &&
	    text_copy("DESCRIPTION", v[5], w->description,
	    sizeof w->description, true, why) &&
	    (v[6][0] == '\0' || day("PAID_ON", v[6], w->paid_on, why));
}

static const struct record_spec {
	enum feed_kind kind;
	const char *name, *article;
	int nfields;
	const char *layout;	/* for the reason of a wrong count */
	bool (*parse)(char **v, enum country country, struct feed_record *r,
	    char why[FEED_REASON_MAX]);
} specs[] = {
	{ FEED_TAXPAYER, "taxpayer", "a", 4,
	    "taxpayer,NATIONAL_ID,NAME,ADDRESS", parse_taxpayer },
	{ FEED_UNIT, "unit", "a", 5,
	    "unit,CODE,KIND,DESCRIPTION,ADDRESS", parse_unit },
	{ FEED_OWNER, "owner", "an", 4,
	    "owner,UNIT_CODE,NATIONAL_ID,SHARE", parse_owner },
	{ FEED_OBLIGATION, "obligation", "an", 14,
	    "obligation,REF,NATIONAL_ID,UNIT_CODE,TAX_TYPE,NAME,TAX_YEAR,"
	    "PRINCIPAL,NOTICE,NOTICE_DATE,DUE_DATE,IBAN,RF,DISCOUNTABLE",
	    parse_obligation },
	{ FEED_PAYMENT, "payment", "a", 10,
	    "payment,REF,NATIONAL_ID,PAYER,AMOUNT,PAID_ON,ADVICE,BANK,"
	    "ACCOUNT,OBLIGATION_REF", parse_payment },
	{ FEED_WARRANT, "warrant", "a", 7,
	    "warrant,REF,NATIONAL_ID,ISSUED_ON,AMOUNT,DESCRIPTION,PAID_ON",
	    parse_warrant },
};

const char *
feed_kind_name(enum feed_kind kind)
{
	size_t i;

	for (i = 0; i < sizeof specs / sizeof specs[0]; i++)
		if (specs[i].kind == kind)
			return specs[i].name;
	return "";
}

bool
feed_parse_line(const char *line, enum country country,
    struct feed_record *out, char why[FEED_REASON_MAX])
{
	const struct record_spec *spec = NULL;
	struct fields f;
	char buf[SHOWN_MAX + 8];
	size_t i;

	memset(out, 0, sizeof *out);
	why[0] = '\0';
	out->kind = FEED_SKIP;
	if (line[0] == '#' || line[strspn(line, " \t")] == '\0')
		return true;
	if (strlen(line) > FEED_LINE_MAX)
		return refuse(why, "the line is longer than %d bytes",
		    FEED_LINE_MAX);
	if (!split(line, &f, why))
		return false;
	for (i = 0; i < sizeof specs / sizeof specs[0]; i++)
		if (strcmp(specs[i].name, f.v[0]) == 0)
			spec = &specs[i];
	if (spec == NULL)
		return refuse(why, "'%s' is not a record type (taxpayer, "
		    "unit, owner, obligation, payment or warrant)",
		    shown(f.v[0], buf, sizeof buf));
	if (f.n != spec->nfields)
		return refuse(why, "%s %s record has %d fields (%s), this "
		    "line has %d", spec->article, spec->name, spec->nfields,
		    spec->layout, f.n);
	out->kind = spec->kind;
	if (!spec->parse(f.v, country, out, why)) {
		out->kind = FEED_SKIP;
		return false;
	}
	return true;
}
