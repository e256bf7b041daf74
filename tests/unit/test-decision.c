#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/decision.h"

/* Numbers as people quote them: "N/YYYY", or N alone when searching. */
START_TEST(test_number_parse)
{
	int n = -1, y = -1;

	ck_assert(decision_number_parse("123/2026", false, &n, &y));
	ck_assert_int_eq(n, 123);
	ck_assert_int_eq(y, 2026);
	ck_assert(decision_number_parse("007/2025", false, &n, &y));
	ck_assert_int_eq(n, 7);
	ck_assert(decision_number_parse("99999/9999", false, &n, &y));
	ck_assert(decision_number_parse("45", true, &n, &y));
	ck_assert_int_eq(n, 45);
	ck_assert_int_eq(y, 0);
	ck_assert(decision_number_parse("45/2026", true, &n, &y));
	ck_assert_int_eq(y, 2026);
}
END_TEST

/* Anything else is refused, and the outputs are left alone. */
START_TEST(test_number_refused)
{
	static const char *const bad[] = { "", "45", "/2026", "0/2026",
	    "000/2026", "123456/2026", "12/26", "12/20266", "12/1899",
	    "12-2026", " 12/2026", "12/2026 ", "12 /2026", "-1/2026",
	    "12/2026/1", "12a/2026", "12/２０２６", NULL };
	int i, n = -1, y = -1;

	for (i = 0; bad[i] != NULL; i++)
		ck_assert_msg(!decision_number_parse(bad[i], false, &n, &y),
		    "\"%s\" was accepted", bad[i]);
	ck_assert(!decision_number_parse(NULL, true, &n, &y));
	ck_assert(!decision_number_parse("", true, &n, &y));
	ck_assert(!decision_number_parse("12/", true, &n, &y));
	ck_assert_int_eq(n, -1);
	ck_assert_int_eq(y, -1);
}
END_TEST

START_TEST(test_number_format)
{
	char buf[DECISION_NUMBER_LEN];

	decision_number_format(99999, 9999, buf, sizeof buf);
	ck_assert_str_eq(buf, "99999/9999");
	decision_number_format(7, 2026, buf, sizeof buf);
	ck_assert_str_eq(buf, "7/2026");
}
END_TEST

/* A PDF begins with "%PDF-"; a shorter or other file does not. */
START_TEST(test_is_pdf)
{
	ck_assert(decision_is_pdf("%PDF-1.7\n", 9));
	ck_assert(decision_is_pdf("%PDF-", 5));
	ck_assert(!decision_is_pdf("%PDF", 4));
	ck_assert(!decision_is_pdf("%pdf-1.4", 8));
	ck_assert(!decision_is_pdf(" %PDF-1.4", 9));
	ck_assert(!decision_is_pdf("", 0));
}
END_TEST

/* Collects the tests in one suite. */
static Suite *
decision_suite(void)
{
	Suite *s = suite_create("decision");
	TCase *tc = tcase_create("decision");

	tcase_add_test(tc, test_number_parse);
	tcase_add_test(tc, test_number_refused);
	tcase_add_test(tc, test_number_format);
	tcase_add_test(tc, test_is_pdf);
	suite_add_tcase(s, tc);
	return s;
}

/* Runs the suite; the exit status tells make check the result. */
int
main(void)
{
	SRunner *sr = srunner_create(decision_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
