#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/level.h"

#define LEVELS	(LEVEL_CLOSED + 1)

START_TEST(test_names)
{
	static const char *const names[LEVELS] = {
		"none", "standard", "validated", "suspended", "closed"
	};
	static const char *const labels[LEVELS] = {
		"no account", "Level A (standard)", "Level B (validated)",
		"suspended", "closed"
	};
	int	l;

	for (l = 0; l < LEVELS; l++) {
		ck_assert_str_eq(level_name(l), names[l]);
		ck_assert_str_eq(level_label(l), labels[l]);
		ck_assert_int_eq(level_from_name(names[l]), l);
	}
	ck_assert_int_eq(level_from_name("Standard"), -1);
	ck_assert_int_eq(level_from_name(""), -1);
	ck_assert_int_eq(level_from_name(NULL), -1);
	ck_assert_str_eq(level_name(LEVELS), "unknown");
	ck_assert_str_eq(level_name(-1), "unknown");
	ck_assert_ptr_nonnull(level_label(LEVELS));
}
END_TEST

START_TEST(test_needed)
{
	ck_assert_int_eq(level_needed(CAP_FILE_REQUEST), LEVEL_STANDARD);
	ck_assert_int_eq(level_needed(CAP_FOLLOW_REQUESTS), LEVEL_STANDARD);
	ck_assert_int_eq(level_needed(CAP_CERTIFICATE), LEVEL_VALIDATED);
	ck_assert_int_eq(level_needed(CAP_FISCAL_DATA), LEVEL_VALIDATED);
	ck_assert_int_eq(level_needed(CAP_PAYMENT), LEVEL_VALIDATED);
	ck_assert_int_eq(level_needed(CAP_VOTE), LEVEL_VALIDATED);
	ck_assert_int_eq(level_needed(CAP_REPRESENT), LEVEL_VALIDATED);
	/* A capability this build does not know asks for the most. */
	ck_assert_int_eq(level_needed(CAP_COUNT), LEVEL_VALIDATED);
}
END_TEST

START_TEST(test_check)
{
	const char	*r;
	int		 c;

	for (c = 0; c < CAP_COUNT; c++) {
		ck_assert_ptr_null(level_check(LEVEL_VALIDATED, c));
		ck_assert_ptr_nonnull(level_check(LEVEL_NONE, c));
		ck_assert_ptr_nonnull(r = level_check(LEVEL_SUSPENDED, c));
		ck_assert_ptr_nonnull(strstr(r, "suspended"));
		ck_assert_ptr_nonnull(r = level_check(LEVEL_CLOSED, c));
		ck_assert_ptr_nonnull(strstr(r, "closed"));
		if (level_needed(c) == LEVEL_STANDARD)
			ck_assert_ptr_null(level_check(LEVEL_STANDARD, c));
		else
			ck_assert_ptr_nonnull(level_check(LEVEL_STANDARD, c));
	}
	r = level_check(LEVEL_STANDARD, CAP_PAYMENT);
	ck_assert_ptr_nonnull(strstr(r, "Level B"));
	ck_assert_ptr_nonnull(strstr(r, "identity document"));
	r = level_check(LEVEL_NONE, CAP_FILE_REQUEST);
	ck_assert_ptr_nonnull(strstr(r, "Level A"));
	ck_assert_ptr_nonnull(strstr(r, "register"));
	r = level_check(LEVEL_NONE, CAP_VOTE);
	ck_assert_ptr_nonnull(strstr(r, "Level B"));
	ck_assert_ptr_nonnull(strstr(r, "register"));
	ck_assert_ptr_nonnull(level_check(LEVELS, CAP_FILE_REQUEST));
	ck_assert_ptr_nonnull(level_check(LEVEL_VALIDATED, CAP_COUNT));
}
END_TEST

START_TEST(test_may_change)
{
	/* from x to: none standard validated suspended closed */
	static const int allowed[LEVELS][LEVELS] = {
		[LEVEL_NONE] = { 0, 1, 0, 0, 0 },
		[LEVEL_STANDARD] = { 0, 0, 1, 1, 1 },
		[LEVEL_VALIDATED] = { 0, 1, 0, 1, 1 },
		[LEVEL_SUSPENDED] = { 0, 1, 1, 0, 1 },
		[LEVEL_CLOSED] = { 0, 0, 0, 0, 0 },
	};
	int	from, to;

	for (from = 0; from < LEVELS; from++) {
		for (to = 0; to < LEVELS; to++)
			ck_assert_msg(level_may_change(from, to) ==
			    (allowed[from][to] != 0), "%s -> %s",
			    level_name(from), level_name(to));
	}
	ck_assert(!level_may_change(LEVELS, LEVEL_STANDARD));
	ck_assert(!level_may_change(LEVEL_STANDARD, LEVELS));
}
END_TEST

/* Collects the tests in one suite. */
static Suite *
level_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("level");
	tc = tcase_create("level");
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_needed);
	tcase_add_test(tc, test_check);
	tcase_add_test(tc, test_may_change);
	suite_add_tcase(s, tc);
	return (s);
}

/* Runs the suite; the exit status tells make check the result. */
int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(level_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
