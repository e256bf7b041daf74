/*
 * Money as signed 64-bit integers of minor units (bani, cents).  No
 * floating point anywhere.  Formatting and parsing follow the language's
 * separators ("1.234,56 lei" in Romanian and Greek, "1,234.56 lei" in
 * English) and the profile's currency.  Pure functions.
 */
#ifndef GUICHET_MONEY_H
#define GUICHET_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t money_t;

enum currency {
	CURRENCY_RON,	/* "lei", 2 decimals */
	CURRENCY_EUR,	/* "€", 2 decimals */
	CURRENCY_COUNT
};

enum rounding {
	ROUND_HALF_UP,		/* half away from zero: the usual receipt rule */
	ROUND_HALF_EVEN,	/* banker's rounding */
	ROUND_DOWN,		/* toward zero */
	ROUND_UP		/* away from zero */
};

/* Separators people read in a language. */
struct numfmt {
	char group;	/* '.' for ro/el, ',' for en */
	char decimal;	/* ',' for ro/el, '.' for en */
};

/* Returns the separators for lang ("ro", "el", "en"; others get "en"). */
struct numfmt numfmt_for_lang(const char *lang);

/* Returns the currency named code ("RON", "EUR"), or -1. */
int currency_from_code(const char *code);

/* Writes amount with grouping, two decimals and the currency sign:
 * "1.234,56 lei", "-0,05 €".  Returns false when out is too small
 * (32 bytes always suffice). */
bool money_format(money_t amount, enum currency cur, struct numfmt fmt,
    char *out, size_t outlen);

/* Same without the currency sign: "1.234,56". */
bool money_format_plain(money_t amount, struct numfmt fmt, char *out,
    size_t outlen);

/* Parses what a clerk types: optional sign, digits with optional group
 * separators in the right places, optional decimal separator with one or
 * two digits, optional currency sign ("lei", "RON", "€", "EUR") after a
 * blank.  Returns NULL and sets *out, or a static reason (N_()) such as
 * "more than two decimals" or "amount too large". */
const char *money_parse(const char *s, struct numfmt fmt, money_t *out);

/* Returns amount * num / den rounded as asked; den > 0.  Sets *overflow
 * (when not NULL) if the result does not fit, and then returns 0. */
money_t money_muldiv(money_t amount, int64_t num, int64_t den,
    enum rounding mode, bool *overflow);

/* Returns amount * basis_points / 10000 rounded as asked (1 % = 100). */
money_t money_percent(money_t amount, int64_t basis_points,
    enum rounding mode);

#endif
