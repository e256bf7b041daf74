#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"

/* Builds a date in one expression, for readable tables. */
static struct date
D(int y, int m, int d)
{
	struct date	r = { y, m, d };

	return (r);
}

/* Asserts two dates are equal, printing both when they are not. */
#define ck_assert_date(a, b) do {					\
	struct date _a = (a), _b = (b);					\
	ck_assert_msg(date_cmp(_a, _b) == 0,				\
	    "%04d-%02d-%02d != %04d-%02d-%02d", _a.year, _a.month,	\
	    _a.day, _b.year, _b.month, _b.day);				\
} while (0)

START_TEST(test_valid)
{
	ck_assert(date_valid(2024, 2, 29));
	ck_assert(!date_valid(2023, 2, 29));
	ck_assert(date_valid(2000, 2, 29));
	ck_assert(!date_valid(1900, 2, 29));
	ck_assert(!date_valid(2026, 4, 31));
	ck_assert(date_valid(2026, 12, 31));
	ck_assert(!date_valid(2026, 13, 1));
	ck_assert(!date_valid(2026, 0, 1));
	ck_assert(!date_valid(2026, 1, 0));
	ck_assert(!date_valid(0, 1, 1));
	ck_assert(date_valid(1, 1, 1));
	ck_assert(date_valid(9999, 12, 31));
	ck_assert(!date_valid(10000, 1, 1));
	ck_assert_int_eq(date_days_in_month(2026, 2), 28);
	ck_assert_int_eq(date_days_in_month(2028, 2), 29);
	ck_assert_int_eq(date_days_in_month(2026, 4), 30);
	ck_assert_int_eq(date_days_in_month(2026, 13), 0);
}
END_TEST

START_TEST(test_days)
{
	struct date	d;
	int32_t		n;

	ck_assert_int_eq(date_to_days(D(1970, 1, 1)), 0);
	ck_assert_int_eq(date_to_days(D(1969, 12, 31)), -1);
	ck_assert_int_eq(date_to_days(D(2026, 11, 25)), 20782);
	ck_assert_int_eq(date_to_days(D(1, 1, 1)), -719162);
	ck_assert_int_eq(date_to_days(D(9999, 12, 31)), 2932896);
	ck_assert_date(date_from_days(20782), D(2026, 11, 25));
	ck_assert_date(date_from_days(-719162), D(1, 1, 1));
	/* Round trip over every day from 1890 to 2110. */
	for (n = date_to_days(D(1890, 1, 1)); n < date_to_days(D(2110, 1, 1));
	    n++) {
		d = date_from_days(n);
		ck_assert(date_valid(d.year, d.month, d.day));
		ck_assert_int_eq(date_to_days(d), n);
	}
}
END_TEST

START_TEST(test_weekday_add_cmp)
{
	ck_assert_int_eq(date_weekday(D(1970, 1, 1)), 4);
	ck_assert_int_eq(date_weekday(D(1969, 12, 31)), 3);
	ck_assert_int_eq(date_weekday(D(2026, 11, 25)), 3);
	ck_assert_int_eq(date_weekday(D(2000, 2, 29)), 2);
	ck_assert_int_eq(date_weekday(D(2026, 4, 12)), 7);
	ck_assert_int_eq(date_weekday(D(2026, 4, 13)), 1);
	ck_assert_date(date_add_days(D(2024, 2, 28), 1), D(2024, 2, 29));
	ck_assert_date(date_add_days(D(2023, 2, 28), 1), D(2023, 3, 1));
	ck_assert_date(date_add_days(D(2026, 12, 31), 1), D(2027, 1, 1));
	ck_assert_date(date_add_days(D(2027, 1, 1), -1), D(2026, 12, 31));
	ck_assert_date(date_add_days(D(2026, 1, 1), 365), D(2027, 1, 1));
	ck_assert_int_lt(date_cmp(D(2026, 1, 31), D(2026, 2, 1)), 0);
	ck_assert_int_gt(date_cmp(D(2027, 1, 1), D(2026, 12, 31)), 0);
	ck_assert_int_eq(date_cmp(D(2026, 5, 5), D(2026, 5, 5)), 0);
	ck_assert_int_lt(date_cmp(D(2026, 5, 4), D(2026, 5, 5)), 0);
}
END_TEST

START_TEST(test_iso)
{
	struct date	d = { 0, 0, 0 };
	char		buf[16];

	ck_assert(date_parse_iso("2026-11-25", &d));
	ck_assert_date(d, D(2026, 11, 25));
	ck_assert(date_parse_iso("2024-02-29", &d));
	ck_assert(!date_parse_iso("2023-02-29", &d));
	ck_assert_date(d, D(2024, 2, 29));	/* untouched on failure */
	ck_assert(!date_parse_iso("2026-1-25", &d));
	ck_assert(!date_parse_iso("2026-11-25 ", &d));
	ck_assert(!date_parse_iso(" 2026-11-25", &d));
	ck_assert(!date_parse_iso("2026/11/25", &d));
	ck_assert(!date_parse_iso("2026-13-01", &d));
	ck_assert(!date_parse_iso("0000-01-01", &d));
	ck_assert(!date_parse_iso("2026-11-2x", &d));
	ck_assert(!date_parse_iso("", &d));
	date_format_iso(D(2026, 11, 25), buf, sizeof buf);
	ck_assert_str_eq(buf, "2026-11-25");
	date_format_iso(D(33, 1, 5), buf, sizeof buf);
	ck_assert_str_eq(buf, "0033-01-05");
	date_format_local(D(2026, 11, 25), "ro", buf, sizeof buf);
	ck_assert_str_eq(buf, "25.11.2026");
	date_format_local(D(2026, 11, 25), "el", buf, sizeof buf);
	ck_assert_str_eq(buf, "25.11.2026");
	date_format_local(D(2026, 11, 25), "en", buf, sizeof buf);
	ck_assert_str_eq(buf, "25/11/2026");
	date_format_local(D(2026, 3, 5), "ro", buf, sizeof buf);
	ck_assert_str_eq(buf, "05.03.2026");
	date_format_local(D(2026, 3, 5), "de", buf, sizeof buf);
	ck_assert_str_eq(buf, "05/03/2026");
	date_format_local(D(2026, 3, 5), NULL, buf, 11);
	ck_assert_str_eq(buf, "05/03/2026");
}
END_TEST

/* Stored times are UTC; people read them in the town's local time. */
START_TEST(test_local_text)
{
	char buf[32];

	/* Romania's rule, spelled out so that no tzdata is needed. */
	setenv("TZ", "EET-2EEST,M3.5.0/3,M10.5.0/4", 1);
	tzset();
	clock_local_text("2026-11-25T16:46:24Z", buf, sizeof buf);
	ck_assert_str_eq(buf, "2026-11-25 18:46");
	clock_local_text("2026-07-01T22:30:00Z", buf, sizeof buf);
	ck_assert_str_eq(buf, "2026-07-02 01:30");	/* summer, next day */
	clock_local_text("not a time", buf, sizeof buf);
	ck_assert_str_eq(buf, "not a time");
	unsetenv("TZ");
	tzset();
}
END_TEST

START_TEST(test_easter)
{
	static const struct {
		int		year;
		struct date	easter;
	} t[] = {
		{ 1900, { 1900, 4, 22 } },
		{ 1950, { 1950, 4, 9 } },
		{ 2000, { 2000, 4, 30 } },
		{ 2010, { 2010, 4, 4 } },
		{ 2023, { 2023, 4, 16 } },
		{ 2024, { 2024, 5, 5 } },
		{ 2025, { 2025, 4, 20 } },
		{ 2026, { 2026, 4, 12 } },
		{ 2027, { 2027, 5, 2 } },
		{ 2028, { 2028, 4, 16 } },
		{ 2029, { 2029, 4, 8 } },
		{ 2030, { 2030, 4, 28 } },
		{ 2099, { 2099, 4, 12 } },
	};
	size_t	i;
	int	y;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		ck_assert_date(easter_orthodox(t[i].year), t[i].easter);
	for (y = 1900; y <= 2099; y++)
		ck_assert_int_eq(date_weekday(easter_orthodox(y)), 7);
}
END_TEST

/* Asserts a year's holidays are exactly the list given. */
static void
expect_holidays(enum country c, int year, const struct date *want,
    size_t n)
{
	struct date	d;
	size_t		found = 0, i;
	bool		listed;

	for (d = D(year, 1, 1); d.year == year; d = date_add_days(d, 1)) {
		listed = false;
		for (i = 0; i < n; i++)
			listed = listed || date_cmp(d, want[i]) == 0;
		ck_assert_msg(holiday_is(c, d, NULL) == listed,
		    "%d: %04d-%02d-%02d", c, d.year, d.month, d.day);
		found += listed;
	}
	ck_assert_uint_eq(found, n);
}

START_TEST(test_holidays_ro)
{
	static const struct date y2025[] = {
		{ 2025, 1, 1 }, { 2025, 1, 2 }, { 2025, 1, 6 }, { 2025, 1, 7 },
		{ 2025, 1, 24 }, { 2025, 4, 18 }, { 2025, 4, 20 },
		{ 2025, 4, 21 }, { 2025, 5, 1 }, { 2025, 6, 1 },
		{ 2025, 6, 8 }, { 2025, 6, 9 }, { 2025, 8, 15 },
		{ 2025, 11, 30 }, { 2025, 12, 1 }, { 2025, 12, 25 },
		{ 2025, 12, 26 },
	};
	static const struct date y2024[] = {
		{ 2024, 1, 1 }, { 2024, 1, 2 }, { 2024, 1, 6 }, { 2024, 1, 7 },
		{ 2024, 1, 24 }, { 2024, 5, 1 }, { 2024, 5, 3 },
		{ 2024, 5, 5 }, { 2024, 5, 6 }, { 2024, 6, 1 },
		{ 2024, 6, 23 }, { 2024, 6, 24 }, { 2024, 8, 15 },
		{ 2024, 11, 30 }, { 2024, 12, 1 }, { 2024, 12, 25 },
		{ 2024, 12, 26 },
	};
	/* Rusalii Monday falls on Children's Day: 16 days, not 17. */
	static const struct date y2026[] = {
		{ 2026, 1, 1 }, { 2026, 1, 2 }, { 2026, 1, 6 }, { 2026, 1, 7 },
		{ 2026, 1, 24 }, { 2026, 4, 10 }, { 2026, 4, 12 },
		{ 2026, 4, 13 }, { 2026, 5, 1 }, { 2026, 5, 31 },
		{ 2026, 6, 1 }, { 2026, 8, 15 }, { 2026, 11, 30 },
		{ 2026, 12, 1 }, { 2026, 12, 25 }, { 2026, 12, 26 },
	};

	expect_holidays(COUNTRY_RO, 2024, y2024, sizeof y2024 / sizeof *y2024);
	expect_holidays(COUNTRY_RO, 2025, y2025, sizeof y2025 / sizeof *y2025);
	expect_holidays(COUNTRY_RO, 2026, y2026, sizeof y2026 / sizeof *y2026);
}
END_TEST

START_TEST(test_holidays_gr)
{
	static const struct date y2024[] = {
		{ 2024, 1, 1 }, { 2024, 1, 6 }, { 2024, 3, 18 },
		{ 2024, 3, 25 }, { 2024, 5, 1 }, { 2024, 5, 3 },
		{ 2024, 5, 5 }, { 2024, 5, 6 }, { 2024, 6, 24 },
		{ 2024, 8, 15 }, { 2024, 10, 28 }, { 2024, 12, 25 },
		{ 2024, 12, 26 },
	};
	static const struct date y2025[] = {
		{ 2025, 1, 1 }, { 2025, 1, 6 }, { 2025, 3, 3 },
		{ 2025, 3, 25 }, { 2025, 4, 18 }, { 2025, 4, 20 },
		{ 2025, 4, 21 }, { 2025, 5, 1 }, { 2025, 6, 9 },
		{ 2025, 8, 15 }, { 2025, 10, 28 }, { 2025, 12, 25 },
		{ 2025, 12, 26 },
	};
	static const struct date y2026[] = {
		{ 2026, 1, 1 }, { 2026, 1, 6 }, { 2026, 2, 23 },
		{ 2026, 3, 25 }, { 2026, 4, 10 }, { 2026, 4, 12 },
		{ 2026, 4, 13 }, { 2026, 5, 1 }, { 2026, 6, 1 },
		{ 2026, 8, 15 }, { 2026, 10, 28 }, { 2026, 12, 25 },
		{ 2026, 12, 26 },
	};

	expect_holidays(COUNTRY_GR, 2024, y2024, sizeof y2024 / sizeof *y2024);
	expect_holidays(COUNTRY_GR, 2025, y2025, sizeof y2025 / sizeof *y2025);
	expect_holidays(COUNTRY_GR, 2026, y2026, sizeof y2026 / sizeof *y2026);
}
END_TEST

START_TEST(test_holidays_extra)
{
	static const struct date days[] = {
		{ 2026, 11, 6 }, { 2026, 1, 5 },	/* unsorted */
	};
	struct holiday_table	extra = { days, 2 };
	struct holiday_table	empty = { NULL, 0 };

	ck_assert(!holiday_is(COUNTRY_RO, D(2026, 1, 5), NULL));
	ck_assert(holiday_is(COUNTRY_RO, D(2026, 1, 5), &extra));
	ck_assert(holiday_is(COUNTRY_GR, D(2026, 11, 6), &extra));
	ck_assert(!holiday_is(COUNTRY_GR, D(2026, 11, 6), &empty));
	ck_assert(!holiday_is(COUNTRY_GR, D(2027, 11, 6), &extra));
	ck_assert(holiday_is(COUNTRY_RO, D(2026, 12, 25), &extra));
	ck_assert(!working_day_is(COUNTRY_RO, D(2026, 1, 5), &extra));
	ck_assert(working_day_is(COUNTRY_RO, D(2026, 1, 5), NULL));
	/* Outside 1900-2099 only fixed days count. */
	ck_assert(holiday_is(COUNTRY_RO, D(2150, 12, 25), NULL));
	ck_assert(holiday_is(COUNTRY_GR, D(1850, 3, 25), NULL));
}
END_TEST

START_TEST(test_working_days)
{
	ck_assert(working_day_is(COUNTRY_RO, D(2026, 4, 9), NULL));
	ck_assert(!working_day_is(COUNTRY_RO, D(2026, 4, 10), NULL));
	ck_assert(!working_day_is(COUNTRY_RO, D(2026, 4, 11), NULL));
	ck_assert(!working_day_is(COUNTRY_RO, D(2026, 4, 13), NULL));
	ck_assert(!working_day_is(COUNTRY_GR, D(2026, 2, 23), NULL));
	ck_assert(working_day_is(COUNTRY_RO, D(2026, 2, 23), NULL));
	ck_assert(!working_day_is(COUNTRY_RO, D(2026, 1, 24), NULL));

	/* Easter and Christmas periods, both countries. */
	ck_assert_int_eq(working_days_between(COUNTRY_RO, D(2026, 4, 1),
	    D(2026, 4, 30), NULL), 19);
	ck_assert_int_eq(working_days_between(COUNTRY_GR, D(2026, 4, 1),
	    D(2026, 4, 30), NULL), 19);
	ck_assert_int_eq(working_days_between(COUNTRY_RO, D(2025, 12, 19),
	    D(2026, 1, 9), NULL), 9);
	ck_assert_int_eq(working_days_between(COUNTRY_GR, D(2025, 12, 19),
	    D(2026, 1, 9), NULL), 11);
	ck_assert_int_eq(working_days_between(COUNTRY_RO, D(2025, 12, 31),
	    D(2026, 12, 31), NULL), 250);
	ck_assert_int_eq(working_days_between(COUNTRY_GR, D(2025, 12, 31),
	    D(2026, 12, 31), NULL), 251);
	ck_assert_int_eq(working_days_between(COUNTRY_RO, D(2026, 4, 9),
	    D(2026, 4, 9), NULL), 0);
	ck_assert_int_eq(working_days_between(COUNTRY_RO, D(2026, 4, 30),
	    D(2026, 4, 1), NULL), 0);
	/* (from, to]: from itself never counts, to does. */
	ck_assert_int_eq(working_days_between(COUNTRY_RO, D(2026, 4, 8),
	    D(2026, 4, 9), NULL), 1);

	/* Filed Thursday before Easter: Fri, Sat, Sun, Mon are all off. */
	ck_assert_date(working_days_add(COUNTRY_RO, D(2026, 4, 9), 3, NULL),
	    D(2026, 4, 16));
	ck_assert_date(working_days_add(COUNTRY_RO, D(2026, 4, 10), 1, NULL),
	    D(2026, 4, 14));
	ck_assert_date(working_days_add(COUNTRY_GR, D(2026, 4, 10), 1, NULL),
	    D(2026, 4, 14));
	ck_assert_date(working_days_add(COUNTRY_RO, D(2025, 12, 23), 3, NULL),
	    D(2025, 12, 30));
	/* Friday, weekend, then Rusalii Monday / Whit Monday 1 June. */
	ck_assert_date(working_days_add(COUNTRY_RO, D(2026, 5, 29), 1, NULL),
	    D(2026, 6, 2));
	ck_assert_date(working_days_add(COUNTRY_GR, D(2026, 5, 29), 1, NULL),
	    D(2026, 6, 2));
	/* Friday, weekend, Clean Monday only in Greece. */
	ck_assert_date(working_days_add(COUNTRY_RO, D(2026, 2, 20), 1, NULL),
	    D(2026, 2, 23));
	ck_assert_date(working_days_add(COUNTRY_GR, D(2026, 2, 20), 1, NULL),
	    D(2026, 2, 24));
	ck_assert_date(working_days_add(COUNTRY_RO, D(2026, 1, 1), 30, NULL),
	    D(2026, 2, 17));
	ck_assert_date(working_days_add(COUNTRY_GR, D(2026, 1, 1), 30, NULL),
	    D(2026, 2, 13));
	ck_assert_date(working_days_add(COUNTRY_RO, D(2026, 4, 11), 0, NULL),
	    D(2026, 4, 11));
	/* Adding and counting agree. */
	ck_assert_int_eq(working_days_between(COUNTRY_RO, D(2026, 1, 1),
	    working_days_add(COUNTRY_RO, D(2026, 1, 1), 30, NULL), NULL), 30);

	ck_assert_date(working_day_on_or_after(COUNTRY_RO, D(2026, 4, 10),
	    NULL), D(2026, 4, 14));
	ck_assert_date(working_day_on_or_after(COUNTRY_RO, D(2026, 4, 14),
	    NULL), D(2026, 4, 14));
	ck_assert_date(working_day_on_or_after(COUNTRY_RO, D(2025, 12, 25),
	    NULL), D(2025, 12, 29));
	ck_assert_date(working_day_on_or_after(COUNTRY_RO, D(2025, 12, 31),
	    NULL), D(2025, 12, 31));
	ck_assert_date(working_day_on_or_after(COUNTRY_RO, D(2026, 1, 1),
	    NULL), D(2026, 1, 5));
	ck_assert_date(working_day_on_or_after(COUNTRY_GR, D(2026, 1, 1),
	    NULL), D(2026, 1, 2));
}
END_TEST

START_TEST(test_months_started)
{
	struct date	due = { 2026, 3, 31 };

	/* The worked example and its neighbours. */
	ck_assert_int_eq(date_months_started(due, D(2026, 5, 15)), 2);
	ck_assert_int_eq(date_months_started(due, D(2026, 4, 1)), 1);
	ck_assert_int_eq(date_months_started(due, D(2026, 4, 30)), 1);
	ck_assert_int_eq(date_months_started(due, D(2026, 5, 1)), 2);
	ck_assert_int_eq(date_months_started(due, D(2026, 5, 31)), 2);
	ck_assert_int_eq(date_months_started(due, D(2026, 6, 1)), 3);
	ck_assert_int_eq(date_months_started(due, due), 0);
	ck_assert_int_eq(date_months_started(due, D(2026, 3, 1)), 0);
	ck_assert_int_eq(date_months_started(due, D(2027, 3, 31)), 12);
	ck_assert_int_eq(date_months_started(due, D(2027, 4, 1)), 13);

	/* Due 31 Jan: February's anniversary is its last day. */
	due = D(2026, 1, 31);
	ck_assert_int_eq(date_months_started(due, D(2026, 2, 1)), 1);
	ck_assert_int_eq(date_months_started(due, D(2026, 2, 28)), 1);
	ck_assert_int_eq(date_months_started(due, D(2026, 3, 1)), 2);
	ck_assert_int_eq(date_months_started(due, D(2026, 3, 31)), 2);
	ck_assert_int_eq(date_months_started(due, D(2026, 4, 1)), 3);
	due = D(2024, 1, 31);
	ck_assert_int_eq(date_months_started(due, D(2024, 2, 29)), 1);
	ck_assert_int_eq(date_months_started(due, D(2024, 3, 1)), 2);

	/* Mid-month due date, across a year end. */
	due = D(2025, 12, 15);
	ck_assert_int_eq(date_months_started(due, D(2025, 12, 16)), 1);
	ck_assert_int_eq(date_months_started(due, D(2026, 1, 15)), 1);
	ck_assert_int_eq(date_months_started(due, D(2026, 1, 16)), 2);
	/* Due 28 Feb: the anniversary stays the 28th in longer months. */
	due = D(2026, 2, 28);
	ck_assert_int_eq(date_months_started(due, D(2026, 3, 28)), 1);
	ck_assert_int_eq(date_months_started(due, D(2026, 3, 29)), 2);
}
END_TEST

/* Builds the suite: dates, Easter and holidays, working days, months. */
static Suite *
calendar_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("calendar");
	tc = tcase_create("dates");
	tcase_add_test(tc, test_valid);
	tcase_add_test(tc, test_days);
	tcase_add_test(tc, test_weekday_add_cmp);
	tcase_add_test(tc, test_iso);
	tcase_add_test(tc, test_local_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("holidays");
	tcase_add_test(tc, test_easter);
	tcase_add_test(tc, test_holidays_ro);
	tcase_add_test(tc, test_holidays_gr);
	tcase_add_test(tc, test_holidays_extra);
	suite_add_tcase(s, tc);
	tc = tcase_create("periods");
	tcase_add_test(tc, test_working_days);
	tcase_add_test(tc, test_months_started);
	suite_add_tcase(s, tc);
	return (s);
}

/* Runs the suite; the exit status tells make check the result. */
int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(calendar_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
