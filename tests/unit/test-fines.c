/*
 * Fines: plates as typed at a counter or a kiosk, the report's time, and
 * what a fine costs on the day it is paid.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/fines.h"

START_TEST(plates)
{
	char out[16];

	ck_assert(fine_plate_normalise("b 123  abc", out, sizeof out));
	ck_assert_str_eq(out, "B 123 ABC");
	ck_assert(fine_plate_normalise("  cj12abc ", out, sizeof out));
	ck_assert_str_eq(out, "CJ12ABC");
	ck_assert(!fine_plate_normalise("", out, sizeof out));
	ck_assert(!fine_plate_normalise("CJ'12", out, sizeof out));
	ck_assert(!fine_plate_normalise("ABCDEFGHIJKLMNOP", out, sizeof out));
	/* Blanks and dashes do not make another car. */
	ck_assert(fine_plate_same("CJ 34 DEF", "CJ34DEF"));
	ck_assert(fine_plate_same("B-123-ABC", "B 123 ABC"));
	ck_assert(!fine_plate_same("CJ 34 DEF", "CJ 34 DE"));
	ck_assert(!fine_plate_same("CJ 34 DEF", "CJ 34 DEF 1"));
	ck_assert(!fine_plate_same("", "A"));
}
END_TEST

START_TEST(times)
{
	char out[17];

	ck_assert(fine_time_parse("25.11.2026 10:30", out));
	ck_assert_str_eq(out, "2026-11-25 10:30");
	ck_assert(fine_time_parse("2026-11-25 08:05", out));
	ck_assert_str_eq(out, "2026-11-25 08:05");
	ck_assert(!fine_time_parse("31.02.2026 10:30", out));
	ck_assert(!fine_time_parse("25.11.2026 24:00", out));
	ck_assert(!fine_time_parse("25.11.2026", out));
	ck_assert(!fine_time_parse("25.11.2026 10:30 x", out));
}
END_TEST

START_TEST(amount_on_the_day)
{
	struct fine_rules r = { .reduced_days = 15, .reduced_bp = 5000 };
	struct fine f = { .amount = 20000 };

	strcpy(f.issued_at, "2026-11-01 09:00");
	ck_assert_int_eq(fine_amount_on(&r, &f, (struct date){ 2026, 11, 16 }),
	    10000);
	ck_assert_int_eq(fine_amount_on(&r, &f, (struct date){ 2026, 11, 17 }),
	    20000);
	r.reduced_days = 0;
	ck_assert_int_eq(fine_amount_on(&r, &f, (struct date){ 2026, 11, 2 }),
	    20000);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fines");
	TCase *tc = tcase_create("fines");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, plates);
	tcase_add_test(tc, times);
	tcase_add_test(tc, amount_on_the_day);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
