#include "config.h"

#include "guichet/money.h"

#include <string.h>

#include "guichet/i18n-mark.h"

#define MINOR_PER_MAJOR	100	/* both currencies have two decimals */

/* Product of two 64-bit magnitudes, kept portable (no __int128). */
struct u128 {
	uint64_t	hi;
	uint64_t	lo;
};

/* Gives the separators a language writes numbers with. */
struct numfmt
numfmt_for_lang(const char *lang)
{
	struct numfmt	fmt = { ',', '.' };

	if (lang != NULL &&
	    (strcmp(lang, "ro") == 0 || strcmp(lang, "el") == 0)) {
		fmt.group = '.';
		fmt.decimal = ',';
	}
	return (fmt);
}

/* Maps an ISO 4217 code from the profile to a currency. */
int
currency_from_code(const char *code)
{
	if (code == NULL)
		return (-1);
	if (strcmp(code, "RON") == 0)
		return (CURRENCY_RON);
	if (strcmp(code, "EUR") == 0)
		return (CURRENCY_EUR);
	return (-1);
}

/* Gives the sign people expect after an amount. */
static const char *
currency_sign(enum currency cur)
{
	return (cur == CURRENCY_EUR ? "\xe2\x82\xac" : "lei");
}

/*
 * Writes the grouped number into out, building it backwards in a scratch
 * buffer; the magnitude is unsigned so INT64_MIN needs no special case.
 */
bool
money_format_plain(money_t amount, struct numfmt fmt, char *out,
    size_t outlen)
{
	char		 buf[32], *p;
	uint64_t	 mag, whole;
	unsigned int	 cents;
	int		 digits = 0;
	size_t		 len;

	mag = amount < 0 ? -(uint64_t)amount : (uint64_t)amount;
	whole = mag / MINOR_PER_MAJOR;
	cents = (unsigned int)(mag % MINOR_PER_MAJOR);
	p = buf + sizeof buf;
	*--p = '\0';
	*--p = (char)('0' + cents % 10);
	*--p = (char)('0' + cents / 10);
	*--p = fmt.decimal;
	do {
		if (digits != 0 && digits % 3 == 0)
			*--p = fmt.group;
		*--p = (char)('0' + whole % 10);
		whole /= 10;
		digits++;
	} while (whole != 0);
	if (amount < 0)
		*--p = '-';
	len = (size_t)(buf + sizeof buf - p);
	if (len > outlen)
		return (false);
	memcpy(out, p, len);
	return (true);
}

/* Writes an amount with its currency sign, as on receipts. */
bool
money_format(money_t amount, enum currency cur, struct numfmt fmt,
    char *out, size_t outlen)
{
	const char	*sign;
	size_t		 len, slen;

	if (!money_format_plain(amount, fmt, out, outlen))
		return (false);
	sign = currency_sign(cur);
	len = strlen(out);
	slen = strlen(sign);
	if (len + 1 + slen + 1 > outlen)
		return (false);
	out[len] = ' ';
	memcpy(out + len + 1, sign, slen + 1);
	return (true);
}

/* Compares ASCII strings ignoring case, for currency words. */
static bool
same_word(const char *a, const char *b)
{
	int	ca, cb;

	for (;; a++, b++) {
		ca = (unsigned char)*a;
		cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb)
			return (false);
		if (ca == '\0')
			return (true);
	}
}

/* Tells whether s is a currency sign a clerk may type after an amount. */
static bool
is_currency_word(const char *s)
{
	return (same_word(s, "lei") || same_word(s, "ron") ||
	    same_word(s, "eur") || strcmp(s, "\xe2\x82\xac") == 0);
}

/* Adds a digit to a magnitude; false when it would pass INT64_MAX. */
static bool
add_digit(uint64_t *v, int d)
{
	if (*v > ((uint64_t)INT64_MAX - (uint64_t)d) / 10)
		return (false);
	*v = *v * 10 + (uint64_t)d;
	return (true);
}

/*
 * Reads an amount the way the language writes it.  Group separators are
 * optional but, when used, must split the whole part in threes from the
 * right, so "1.234" in Romanian is a thousand and more and "1.23" is an
 * error rather than a guess.  At least one digit must come before the
 * decimal separator ("0,5", not ",5").  Leading blanks are skipped,
 * trailing ones refused.  The currency word is not checked against the
 * profile's currency; the caller may do that.
 */
const char *
money_parse(const char *s, struct numfmt fmt, money_t *out)
{
	const char	*p = s;
	const char	*bad_group = N_("a group separator is out of place; "
		    "write groups of three digits");
	uint64_t	 v = 0;
	bool		 neg = false;
	int		 run = 0, groups = 0, ndec;

	while (*p == ' ')
		p++;
	if (*p == '\0')
		return (N_("the amount is empty"));
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		return (N_("the amount must start with a digit; write 0 "
		    "before the decimal separator"));

	/* Whole part: 1 to 3 digits, then groups of 3 after separators. */
	for (;; p++) {
		if (*p >= '0' && *p <= '9') {
			if (!add_digit(&v, *p - '0'))
				return (N_("amount too large"));
			run++;
			if (groups > 0 && run > 3)
				return (bad_group);
		} else if (*p == fmt.group) {
			if (groups == 0 ? run > 3 : run != 3)
				return (bad_group);
			groups++;
			run = 0;
		} else
			break;
	}
	if (groups > 0 && run != 3)
		return (bad_group);

	/* Decimals: one or two digits, and one digit means tens. */
	ndec = 0;
	if (*p == fmt.decimal) {
		p++;
		while (*p >= '0' && *p <= '9') {
			if (++ndec > 2)
				return (N_("more than two decimals; round to "
				    "two"));
			if (!add_digit(&v, *p - '0'))
				return (N_("amount too large"));
			p++;
		}
		if (ndec == 0)
			return (N_("the decimal separator must be followed by "
			    "one or two digits"));
	}
	for (; ndec < 2; ndec++) {
		if (!add_digit(&v, 0))
			return (N_("amount too large"));
	}

	while (*p == ' ')
		p++;
	/* Blanks after the currency word are the caller's to trim. */
	if (*p != '\0' && !is_currency_word(p))
		return (N_("unexpected characters after the amount; write "
		    "digits, then lei, RON, EUR or the euro sign"));
	*out = neg ? -(money_t)v : (money_t)v;
	return (NULL);
}

/* Multiplies two magnitudes into 128 bits through 32-bit halves. */
static struct u128
mul_64x64(uint64_t a, uint64_t b)
{
	struct u128	r;
	uint64_t	al, ah, bl, bh, ll, lh, hl, hh, mid;

	al = a & 0xffffffffu;
	ah = a >> 32;
	bl = b & 0xffffffffu;
	bh = b >> 32;
	ll = al * bl;
	lh = al * bh;
	hl = ah * bl;
	hh = ah * bh;
	mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
	r.lo = (mid << 32) | (ll & 0xffffffffu);
	r.hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
	return (r);
}

/*
 * Divides a 128-bit magnitude by den (0 < den < 2^63), bit by bit.
 * Returns false when the quotient needs more than 64 bits, which is
 * always an overflow here.
 */
static bool
div_128by64(struct u128 n, uint64_t den, uint64_t *quot, uint64_t *rem)
{
	uint64_t	q = 0, r;
	int		i;

	if (n.hi >= den)
		return (false);
	r = n.hi;
	for (i = 63; i >= 0; i--) {
		/* r < den < 2^63, so the shift loses no bit. */
		r = (r << 1) | ((n.lo >> i) & 1);
		q <<= 1;
		if (r >= den) {
			r -= den;
			q |= 1;
		}
	}
	*quot = q;
	*rem = r;
	return (true);
}

/*
 * Scales an amount by a fraction, for interest, VAT and shares.  Works on
 * magnitudes: every rounding mode here is symmetric about zero, so the
 * sign is put back at the end.
 */
money_t
money_muldiv(money_t amount, int64_t num, int64_t den, enum rounding mode,
    bool *overflow)
{
	uint64_t	ma, mn, q, r, half_up;
	bool		neg, up = false;

	if (overflow != NULL)
		*overflow = false;
	if (den <= 0)
		goto fail;
	neg = (amount < 0) != (num < 0);
	ma = amount < 0 ? -(uint64_t)amount : (uint64_t)amount;
	mn = num < 0 ? -(uint64_t)num : (uint64_t)num;
	if (!div_128by64(mul_64x64(ma, mn), (uint64_t)den, &q, &r))
		goto fail;
	if (r != 0) {
		/* r against den - r, not 2r against den: no overflow. */
		half_up = (uint64_t)den - r;
		switch (mode) {
		case ROUND_HALF_UP:
			up = r >= half_up;
			break;
		case ROUND_HALF_EVEN:
			up = r > half_up || (r == half_up && (q & 1) != 0);
			break;
		case ROUND_UP:
			up = true;
			break;
		case ROUND_DOWN:
		default:
			up = false;
			break;
		}
	}
	if (up) {
		if (q == UINT64_MAX)
			goto fail;
		q++;
	}
	if (neg) {
		if (q > (uint64_t)INT64_MAX + 1)
			goto fail;
		if (q == (uint64_t)INT64_MAX + 1)
			return (INT64_MIN);
		return (-(money_t)q);
	}
	if (q > (uint64_t)INT64_MAX)
		goto fail;
	return ((money_t)q);

fail:
	if (overflow != NULL)
		*overflow = true;
	return (0);
}

/* Takes a percentage in basis points, for rates set by council decision. */
money_t
money_percent(money_t amount, int64_t basis_points, enum rounding mode)
{
	return (money_muldiv(amount, basis_points, 10000, mode, NULL));
}
