#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/money.h"

#define EURO	"\xe2\x82\xac"

static const struct numfmt RO = { '.', ',' };
static const struct numfmt EN = { ',', '.' };

/* Formats with a currency into a fresh buffer and compares. */
static void
expect_format(money_t v, enum currency cur, struct numfmt fmt,
    const char *want)
{
	char	buf[32];

	ck_assert(money_format(v, cur, fmt, buf, sizeof buf));
	ck_assert_str_eq(buf, want);
}

/* Parses and expects a value. */
static void
expect_parse(const char *s, struct numfmt fmt, money_t want)
{
	const char	*r;
	money_t		 v = -1;

	r = money_parse(s, fmt, &v);
	ck_assert_msg(r == NULL, "\"%s\" refused: %s", s, r);
	ck_assert_msg(v == want, "\"%s\": %lld, want %lld", s, (long long)v,
	    (long long)want);
}

/* Parses and expects a refusal whose reason contains words. */
static void
expect_refused(const char *s, struct numfmt fmt, const char *words)
{
	const char	*r;
	money_t		 v = 42;

	r = money_parse(s, fmt, &v);
	ck_assert_msg(r != NULL, "\"%s\" accepted as %lld", s, (long long)v);
	ck_assert_msg(strstr(r, words) != NULL, "\"%s\": got \"%s\", want "
	    "\"%s\"", s, r, words);
	ck_assert_msg(v == 42, "\"%s\": *out changed on failure", s);
}

START_TEST(test_lang_currency)
{
	struct numfmt	f;

	f = numfmt_for_lang("ro");
	ck_assert(f.group == '.' && f.decimal == ',');
	f = numfmt_for_lang("el");
	ck_assert(f.group == '.' && f.decimal == ',');
	f = numfmt_for_lang("en");
	ck_assert(f.group == ',' && f.decimal == '.');
	f = numfmt_for_lang("fr");
	ck_assert(f.group == ',' && f.decimal == '.');
	f = numfmt_for_lang(NULL);
	ck_assert(f.group == ',' && f.decimal == '.');
	ck_assert_int_eq(currency_from_code("RON"), CURRENCY_RON);
	ck_assert_int_eq(currency_from_code("EUR"), CURRENCY_EUR);
	ck_assert_int_eq(currency_from_code("USD"), -1);
	ck_assert_int_eq(currency_from_code(""), -1);
	ck_assert_int_eq(currency_from_code(NULL), -1);
}
END_TEST

START_TEST(test_format)
{
	char	buf[32];

	expect_format(123456, CURRENCY_RON, RO, "1.234,56 lei");
	expect_format(123456, CURRENCY_EUR, RO, "1.234,56 " EURO);
	expect_format(123456, CURRENCY_RON, EN, "1,234.56 lei");
	expect_format(123456, CURRENCY_EUR, EN, "1,234.56 " EURO);
	expect_format(-123456, CURRENCY_RON, RO, "-1.234,56 lei");
	expect_format(-5, CURRENCY_EUR, RO, "-0,05 " EURO);
	expect_format(0, CURRENCY_RON, RO, "0,00 lei");
	expect_format(100, CURRENCY_RON, RO, "1,00 lei");
	expect_format(99999, CURRENCY_RON, RO, "999,99 lei");
	expect_format(100000, CURRENCY_RON, RO, "1.000,00 lei");
	expect_format(-100000, CURRENCY_RON, EN, "-1,000.00 lei");
	expect_format(123456789012, CURRENCY_RON, RO, "1.234.567.890,12 lei");
	expect_format(INT64_MAX, CURRENCY_RON, RO,
	    "92.233.720.368.547.758,07 lei");
	expect_format(INT64_MIN, CURRENCY_EUR, RO,
	    "-92.233.720.368.547.758,08 " EURO);

	ck_assert(money_format_plain(123456, RO, buf, sizeof buf));
	ck_assert_str_eq(buf, "1.234,56");
	ck_assert(money_format_plain(-1, EN, buf, sizeof buf));
	ck_assert_str_eq(buf, "-0.01");

	/* Exact fits and one byte short. */
	ck_assert(money_format(123456, CURRENCY_RON, RO, buf, 13));
	ck_assert(!money_format(123456, CURRENCY_RON, RO, buf, 12));
	ck_assert(money_format(123456, CURRENCY_EUR, RO, buf, 13));
	ck_assert(!money_format(123456, CURRENCY_EUR, RO, buf, 12));
	ck_assert(money_format_plain(123456, RO, buf, 9));
	ck_assert(!money_format_plain(123456, RO, buf, 8));
	ck_assert(!money_format_plain(0, RO, buf, 0));
}
END_TEST

START_TEST(test_parse_ok)
{
	expect_parse("1234,56", RO, 123456);
	expect_parse("1.234,56", RO, 123456);
	expect_parse("1234", RO, 123400);
	expect_parse("1.234", RO, 123400);	/* a thousand, never 1,23 */
	expect_parse("0,5", RO, 50);
	expect_parse("0,05", RO, 5);
	expect_parse("12,3", RO, 1230);
	expect_parse("0", RO, 0);
	expect_parse("-0", RO, 0);
	expect_parse("-1.234,56", RO, -123456);
	expect_parse("+5", RO, 500);
	expect_parse("1.234.567,89", RO, 123456789);
	expect_parse("007", RO, 700);
	expect_parse("1234,56 lei", RO, 123456);
	expect_parse("1234,56lei", RO, 123456);
	expect_parse("12 Lei", RO, 1200);
	expect_parse("12 RON", RO, 1200);
	expect_parse("12 ron", RO, 1200);
	expect_parse("12 " EURO, RO, 1200);
	expect_parse("12" EURO, RO, 1200);
	expect_parse("12 EUR", RO, 1200);
	expect_parse("12  eur", RO, 1200);
	expect_parse(" 12", RO, 1200);
	expect_parse("1,234.56", EN, 123456);
	expect_parse("1,234", EN, 123400);
	expect_parse("1234.5", EN, 123450);
	expect_parse("-0.01 lei", EN, -1);
	/* The largest amounts. */
	expect_parse("92233720368547758,07", RO, INT64_MAX);
	expect_parse("92.233.720.368.547.758,07", RO, INT64_MAX);
	expect_parse("-92233720368547758,07", RO, -INT64_MAX);
}
END_TEST

START_TEST(test_parse_refused)
{
	expect_refused("", RO, "empty");
	expect_refused("   ", RO, "empty");
	expect_refused("1.23.4", RO, "group separator");
	expect_refused("1.2345", RO, "group separator");
	expect_refused("1234.567", RO, "group separator");
	expect_refused("1..234", RO, "group separator");
	expect_refused("1.", RO, "group separator");
	expect_refused("1.23", RO, "group separator");
	expect_refused("12,345", RO, "more than two decimals");
	expect_refused("1,234.56", RO, "more than two decimals");
	expect_refused("1.234", EN, "more than two decimals");
	expect_refused(",5", RO, "start with a digit");
	expect_refused("-,5", RO, "start with a digit");
	expect_refused("- 5", RO, "start with a digit");
	expect_refused("abc", RO, "start with a digit");
	expect_refused("-", RO, "start with a digit");
	expect_refused("12,", RO, "one or two digits");
	expect_refused("1.234,", RO, "one or two digits");
	expect_refused("12a", RO, "unexpected characters");
	expect_refused("12 USD", RO, "unexpected characters");
	expect_refused("12 lei x", RO, "unexpected characters");
	expect_refused("12 lei ", RO, "unexpected characters");
	expect_refused("12,5,0", RO, "unexpected characters");
	expect_refused("1 234", RO, "unexpected characters");
	expect_refused("92233720368547758,08", RO, "too large");
	expect_refused("92233720368547759", RO, "too large");
	expect_refused("99999999999999999999", RO, "too large");
	expect_refused("-99999999999999999999999999", RO, "too large");
}
END_TEST

/* Steps a 64-bit xorshift generator, for repeatable random tests. */
static uint64_t
next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return (*state);
}

START_TEST(test_round_trip)
{
	static const money_t	edge[] = {
		0, 1, -1, 99, 100, 999, 1000, 99999, 100000, 123456789,
		INT64_MAX, -INT64_MAX, INT64_MAX - 1
	};
	uint64_t	st = 0x9e3779b97f4a7c15u;
	char		buf[32];
	money_t		v, back;
	size_t		i;
	int		k;

	for (k = 0; k < 20000; k++) {
		if ((size_t)k < sizeof edge / sizeof edge[0])
			v = edge[k];
		else {
			v = (money_t)(next_random(&st) >> (k % 60));
			if (k % 2)
				v = -v;
		}
		for (i = 0; i < 2; i++) {
			ck_assert(money_format(v,
			    i ? CURRENCY_EUR : CURRENCY_RON, i ? RO : EN, buf,
			    sizeof buf));
			ck_assert_msg(money_parse(buf, i ? RO : EN, &back) ==
			    NULL, "%s", buf);
			ck_assert_msg(back == v, "%s", buf);
		}
	}
}
END_TEST

START_TEST(test_rounding)
{
	static const struct {
		money_t		amount;
		int64_t		num, den;
		money_t		half_up, half_even, down, up;
	} t[] = {
		{ 5, 1, 2, 3, 2, 2, 3 },		/* 2.5 */
		{ -5, 1, 2, -3, -2, -2, -3 },		/* -2.5 */
		{ 5, -1, 2, -3, -2, -2, -3 },		/* sign from num */
		{ -5, -1, 2, 3, 2, 2, 3 },
		{ 7, 1, 2, 4, 4, 3, 4 },		/* 3.5 */
		{ -7, 1, 2, -4, -4, -3, -4 },
		{ 1, 1, 2, 1, 0, 0, 1 },		/* 0.5 */
		{ -1, 1, 2, -1, 0, 0, -1 },
		{ 12, 1, 5, 2, 2, 2, 3 },		/* 2.4 */
		{ -12, 1, 5, -2, -2, -2, -3 },
		{ 13, 1, 5, 3, 3, 2, 3 },		/* 2.6 */
		{ -13, 1, 5, -3, -3, -2, -3 },
		{ 10, 1, 5, 2, 2, 2, 2 },		/* exact */
		{ -10, 1, 5, -2, -2, -2, -2 },
		{ 0, 7, 3, 0, 0, 0, 0 },
		{ 1000, 19, 100, 190, 190, 190, 190 },	/* VAT 19 % */
		{ 12345, 19, 100, 2346, 2346, 2345, 2346 },	/* 2345.55 */
		{ 1, 1, 3, 0, 0, 0, 1 },
		{ 2, 1, 3, 1, 1, 0, 1 },
		/* Products far past 64 bits. */
		{ INT64_MAX, 3, 3, INT64_MAX, INT64_MAX, INT64_MAX,
		    INT64_MAX },
		{ INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX,
		    INT64_MAX, INT64_MAX },
		{ INT64_MIN, 1, 1, INT64_MIN, INT64_MIN, INT64_MIN,
		    INT64_MIN },
		{ INT64_MAX, 2, 3, 6148914691236517205,
		    6148914691236517205, 6148914691236517204,
		    6148914691236517205 },
		/* Rounding a negative up to exactly INT64_MIN still fits. */
		{ -6148914691236517205, 3, 2, INT64_MIN, INT64_MIN,
		    -INT64_MAX, INT64_MIN },
	};
	size_t	i;
	bool	ov;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		ck_assert_msg(money_muldiv(t[i].amount, t[i].num, t[i].den,
		    ROUND_HALF_UP, &ov) == t[i].half_up && !ov, "%zu up", i);
		ck_assert_msg(money_muldiv(t[i].amount, t[i].num, t[i].den,
		    ROUND_HALF_EVEN, &ov) == t[i].half_even && !ov, "%zu even",
		    i);
		ck_assert_msg(money_muldiv(t[i].amount, t[i].num, t[i].den,
		    ROUND_DOWN, &ov) == t[i].down && !ov, "%zu down", i);
		ck_assert_msg(money_muldiv(t[i].amount, t[i].num, t[i].den,
		    ROUND_UP, &ov) == t[i].up && !ov, "%zu away", i);
	}
}
END_TEST

START_TEST(test_overflow)
{
	bool	ov = false;

	ck_assert_int_eq(money_muldiv(INT64_MAX, 2, 1, ROUND_DOWN, &ov), 0);
	ck_assert(ov);
	ov = false;
	ck_assert_int_eq(money_muldiv(INT64_MIN, -1, 1, ROUND_DOWN, &ov), 0);
	ck_assert(ov);
	ov = false;
	ck_assert_int_eq(money_muldiv(INT64_MIN, INT64_MIN, 1, ROUND_DOWN,
	    &ov), 0);
	ck_assert(ov);
	/* Only the rounding step overflows. */
	ov = false;
	ck_assert_int_eq(money_muldiv(6148914691236517205, 3, 2, ROUND_HALF_UP,
	    &ov), 0);
	ck_assert(ov);
	ck_assert_int_eq(money_muldiv(6148914691236517205, 3, 2, ROUND_DOWN,
	    &ov), INT64_MAX);
	ck_assert(!ov);
	/* A bad denominator is refused, not divided by. */
	ov = false;
	ck_assert_int_eq(money_muldiv(100, 1, 0, ROUND_DOWN, &ov), 0);
	ck_assert(ov);
	ov = false;
	ck_assert_int_eq(money_muldiv(100, 1, -1, ROUND_DOWN, &ov), 0);
	ck_assert(ov);
	/* A NULL flag is allowed. */
	ck_assert_int_eq(money_muldiv(INT64_MAX, 2, 1, ROUND_DOWN, NULL), 0);
	ck_assert_int_eq(money_muldiv(10, 3, 2, ROUND_DOWN, NULL), 15);
}
END_TEST

START_TEST(test_percent)
{
	ck_assert_int_eq(money_percent(12345, 1900, ROUND_HALF_UP), 2346);
	ck_assert_int_eq(money_percent(12345, 1900, ROUND_DOWN), 2345);
	ck_assert_int_eq(money_percent(-12345, 1900, ROUND_HALF_UP), -2346);
	ck_assert_int_eq(money_percent(250, 5000, ROUND_HALF_EVEN), 125);
	ck_assert_int_eq(money_percent(5, 5000, ROUND_HALF_EVEN), 2);
	ck_assert_int_eq(money_percent(5, 5000, ROUND_HALF_UP), 3);
	ck_assert_int_eq(money_percent(-5, 5000, ROUND_HALF_UP), -3);
	ck_assert_int_eq(money_percent(100000, 10, ROUND_HALF_UP), 100);
	ck_assert_int_eq(money_percent(100000, 0, ROUND_UP), 0);
	ck_assert_int_eq(money_percent(100000, 10000, ROUND_UP), 100000);
}
END_TEST

#ifdef __SIZEOF_INT128__
__extension__ typedef __int128 i128;

/* Rounds with 128-bit arithmetic and a different method, as a referee. */
static int64_t
reference(int64_t a, int64_t n, int64_t d, enum rounding mode)
{
	i128	p, m, q, r;

	p = (i128)a * n;
	m = p < 0 ? -p : p;
	switch (mode) {
	case ROUND_HALF_UP:
		q = (2 * m + d) / (2 * (i128)d);
		break;
	case ROUND_HALF_EVEN:
		q = m / d;
		r = m % d;
		if (2 * r > d || (2 * r == d && q % 2 == 1))
			q++;
		break;
	case ROUND_UP:
		q = (m + d - 1) / d;
		break;
	default:
		q = m / d;
		break;
	}
	return ((int64_t)(p < 0 ? -q : q));
}

START_TEST(test_against_int128)
{
	uint64_t	st = 88172645463325252u;
	int64_t		a, n, d, got;
	int		k, mode;
	bool		ov;

	for (k = 0; k < 200000; k++) {
		/* Sizes chosen so the result fits and the referee cannot
		 * overflow. */
		a = (int64_t)(next_random(&st) >> (2 + k % 40));
		n = (int64_t)(next_random(&st) >> (25 + k % 30));
		d = (int64_t)(next_random(&st) >> (3 + k % 58)) + 1;
		if (k & 1)
			a = -a;
		if (k & 2)
			n = -n;
		if ((((i128)a * n) / d) > INT64_MAX / 2 ||
		    (((i128)a * n) / d) < -(INT64_MAX / 2))
			continue;
		mode = k % 4;
		got = money_muldiv(a, n, d, (enum rounding)mode, &ov);
		ck_assert(!ov);
		ck_assert_msg(got == reference(a, n, d, (enum rounding)mode),
		    "%lld * %lld / %lld mode %d", (long long)a, (long long)n,
		    (long long)d, mode);
	}
}
END_TEST
#endif

/* Builds the suite: formatting, parsing, arithmetic. */
static Suite *
money_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("money");
	tc = tcase_create("text");
	tcase_add_test(tc, test_lang_currency);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_parse_ok);
	tcase_add_test(tc, test_parse_refused);
	tcase_add_test(tc, test_round_trip);
	suite_add_tcase(s, tc);
	tc = tcase_create("arithmetic");
	tcase_add_test(tc, test_rounding);
	tcase_add_test(tc, test_overflow);
	tcase_add_test(tc, test_percent);
#ifdef __SIZEOF_INT128__
	tcase_add_test(tc, test_against_int128);
#endif
	suite_add_tcase(s, tc);
	return (s);
}

/* Runs the suite; the exit status tells make check the result. */
int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(money_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
