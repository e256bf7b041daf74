/*
 * Amounts due, checked against examples computed by hand from the law's
 * rules (and the profiles built into guichet), to the ban and the cent.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/dues.h"
#include "guichet/embedded.h"
#include "guichet/err.h"

static struct dues_rules ro, gr;

static struct date
d(int y, int m, int day)
{
	return (struct date){ y, m, day };
}

static void
load(const char *name, struct dues_rules *r)
{
	const struct embedded_file *f = embedded_find(embedded_profiles, name);
	char *cause = NULL;

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(dues_rules_parse(name, f->text, r, &cause), G_OK);
	ck_assert_ptr_null(cause);
}

static void
setup(void)
{
	load("ro.ini", &ro);
	load("gr.ini", &gr);
}

/* RULES: 1,000.00 lei due 31 Mar 2026, paid 15 May 2026: two months
 * started (April, 1-15 May), 1 % each: 20.00 lei. */
START_TEST(ro_worked_example)
{
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2026, 3, 31),
	    d(2026, 5, 15)), 2000);
	ck_assert_int_eq(dues_months_late(&ro, d(2026, 3, 31),
	    d(2026, 5, 15)), 2);
	/* Paid on the due date, or the day after: nothing, then 1 %. */
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2026, 3, 31),
	    d(2026, 3, 31)), 0);
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2026, 3, 31),
	    d(2026, 4, 1)), 1000);
	/* 30 April ends the first month; 1 May starts the second. */
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2026, 3, 31),
	    d(2026, 4, 30)), 1000);
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2026, 3, 31),
	    d(2026, 5, 1)), 2000);
	/* Bani: 1 % of 333.33 lei is 3.3333: 3.33 lei. */
	ck_assert_int_eq(dues_late_charge(&ro, 33333, d(2026, 3, 31),
	    d(2026, 4, 2)), 333);
}
END_TEST

/* A due date on a weekend or a holiday moves to the next working day,
 * and lateness counts from the day after that. */
START_TEST(ro_due_on_a_non_working_day)
{
	/* 31 March 2029 is a Saturday: due Monday 2 April. */
	ck_assert(date_cmp(dues_effective_due(&ro, d(2029, 3, 31)),
	    d(2029, 4, 2)) == 0);
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2029, 3, 31),
	    d(2029, 4, 2)), 0);
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2029, 3, 31),
	    d(2029, 4, 3)), 1000);
	/* A month from 2 April ends on 2 May. */
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2029, 3, 31),
	    d(2029, 5, 2)), 1000);
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2029, 3, 31),
	    d(2029, 5, 3)), 2000);
	/* 30 September 2029 is a Sunday: due Monday 1 October. */
	ck_assert(date_cmp(dues_effective_due(&ro, d(2029, 9, 30)),
	    d(2029, 10, 1)) == 0);
	/* 1 December (national day) 2026 is a Tuesday: due 2 December. */
	ck_assert(date_cmp(dues_effective_due(&ro, d(2026, 12, 1)),
	    d(2026, 12, 2)) == 0);
	ck_assert_int_eq(dues_late_charge(&ro, 50000, d(2026, 12, 1),
	    d(2026, 12, 2)), 0);
}
END_TEST

/* The rate of each month is the one in force when the month began:
 * 2 % before 2016, 1 % from 1 January 2016. */
START_TEST(ro_rate_change)
{
	/* Due 15 Oct 2015, paid 20 Jan 2016: months begin 16 Oct, 16 Nov,
	 * 16 Dec (2 % each) and 16 Jan 2016 (1 %): 7 %. */
	ck_assert_int_eq(dues_late_charge(&ro, 100000, d(2015, 10, 15),
	    d(2016, 1, 20)), 7000);
}
END_TEST

/* Greece: 0.73 % a month. */
START_TEST(gr_late_interest)
{
	/* 1,000.00 € due 31 Mar 2026 (a Tuesday), paid 2 Jul: three months
	 * started (to 30 Apr, to 31 May, to 30 Jun) and a fourth: 2.92 %. */
	ck_assert_int_eq(dues_late_charge(&gr, 100000, d(2026, 3, 31),
	    d(2026, 7, 2)), 2920);
	/* 250.50 € for one month: 1.82865 €, rounded half up: 1.83 €. */
	ck_assert_int_eq(dues_late_charge(&gr, 25050, d(2026, 3, 31),
	    d(2026, 4, 10)), 183);
	/* 25 March 2026 is a holiday (a Wednesday): due 26 March. */
	ck_assert_int_eq(dues_late_charge(&gr, 100000, d(2026, 3, 25),
	    d(2026, 3, 26)), 0);
}
END_TEST

/* Counting whole months only, as a profile may. */
START_TEST(whole_months)
{
	struct dues_rules r = gr;

	r.whole_months = true;
	ck_assert_int_eq(dues_months_late(&r, d(2026, 3, 31), d(2026, 4, 29)),
	    0);
	ck_assert_int_eq(dues_months_late(&r, d(2026, 3, 31), d(2026, 4, 30)),
	    1);
	ck_assert_int_eq(dues_months_late(&r, d(2026, 3, 31), d(2026, 5, 15)),
	    1);
}
END_TEST

/* A payment goes to the oldest obligation first, its charges before its
 * principal; what the principal paid accrued stays owed as it was. */
START_TEST(allocation_order)
{
	struct obligation o[2] = {
		{ .id = 1, .principal = 50000, .due = { 2026, 9, 30 },
		  .tax_year = 2026 },
		{ .id = 2, .principal = 50000, .due = { 2026, 3, 31 },
		  .tax_year = 2026 },
	};
	struct allocation a[2];
	struct obligation_due due;
	money_t left;

	/* On 15 May the March one owes 500.00 + 2 % = 510.00. */
	left = dues_allocate(&ro, o, 2, 30000, d(2026, 5, 15), a);
	ck_assert_int_eq(left, 0);
	ck_assert_int_eq(a[1].charges, 1000);
	ck_assert_int_eq(a[1].principal, 29000);
	ck_assert_int_eq(a[1].closed_charges, 580);	/* 2 % of 290.00 */
	ck_assert_int_eq(a[0].principal + a[0].charges, 0);
	/* On 1 June: 210.00 unpaid, three months started: 6.30 lei; and
	 * 5.80 fixed on what was paid, less 10.00 paid: 2.10 lei. */
	dues_obligation_on(&ro, &o[1], d(2026, 6, 1), &due);
	ck_assert_int_eq(due.principal, 21000);
	ck_assert_int_eq(due.charges, 580 + 630 - 1000);
	/* Too much: both settled, the rest left over. */
	left = dues_allocate(&ro, o, 2, 100000, d(2026, 6, 1), a);
	ck_assert_int_eq(a[1].principal, 21000);
	ck_assert_int_eq(a[1].charges, 210);
	ck_assert_int_eq(a[0].principal, 50000);
	ck_assert_int_eq(left, 100000 - 21000 - 210 - 50000);
	ck_assert_int_eq(dues_allocate(&ro, o, 2, 0, d(2026, 6, 1), a), -1);
}
END_TEST

/* The discount: the whole year paid by the first due date, inclusive
 * (moved to a working day); not a day later, not for part of it. */
START_TEST(discount_boundary)
{
	struct obligation year[2] = {
		{ .id = 1, .principal = 60000, .due = { 2029, 3, 31 },
		  .tax_year = 2029, .discountable = true },
		{ .id = 2, .principal = 60000, .due = { 2029, 9, 30 },
		  .tax_year = 2029, .discountable = true },
	}, o[2];
	struct allocation a[2];
	struct dues_rules r = ro;

	r.discounts[r.ndiscounts++] = (struct year_rate){ 2029, 1000 };
	/* 31 March 2029 is a Saturday: the first due date is 2 April. */
	ck_assert_int_eq(dues_discount_offer(&r, year, 2, 2029,
	    d(2029, 4, 2)), 108000);
	ck_assert_int_eq(dues_discount_offer(&r, year, 2, 2029,
	    d(2029, 4, 3)), -1);
	memcpy(o, year, sizeof o);
	ck_assert_int_eq(dues_allocate(&r, o, 2, 108000, d(2029, 4, 2), a), 0);
	ck_assert_int_eq(a[0].discount, 6000);
	ck_assert_int_eq(a[1].discount, 6000);
	ck_assert_int_eq(a[1].principal, 54000);
	/* The day after: no discount, and the first instalment is a month
	 * late already (1 %). */
	memcpy(o, year, sizeof o);
	dues_allocate(&r, o, 2, 108000, d(2029, 4, 3), a);
	ck_assert_int_eq(a[0].discount + a[1].discount, 0);
	ck_assert_int_eq(a[0].charges, 600);
	ck_assert_int_eq(a[0].principal, 60000);
	ck_assert_int_eq(a[1].principal, 108000 - 600 - 60000);
	/* Part of the year on time: no discount either. */
	memcpy(o, year, sizeof o);
	dues_allocate(&r, o, 2, 60000, d(2029, 3, 1), a);
	ck_assert_int_eq(a[0].discount, 0);
	ck_assert_int_eq(a[0].principal, 60000);
	ck_assert_int_eq(dues_discount_offer(&r, o, 2, 2029, d(2029, 3, 2)),
	    -1);
	/* No discount set for the year: none offered. */
	ck_assert_int_eq(dues_discount_offer(&ro, year, 2, 2029,
	    d(2029, 3, 1)), -1);
}
END_TEST

/* Greek fee on gross receipts, and the charge for declaring late. */
START_TEST(gr_declared_fee)
{
	money_t charge;

	/* 12,345.67 € at 0.5 %: 61.73 €, on time. */
	ck_assert_int_eq(dues_declared_fee(&gr, 1234567, false,
	    d(2026, 7, 31), d(2026, 7, 20), &charge), 6173);
	ck_assert_int_eq(charge, 0);
	/* Night club, 5 %: 617.28 €; declared two months late: 4 %,
	 * 24.69 €. */
	ck_assert_int_eq(dues_declared_fee(&gr, 1234567, true,
	    d(2026, 7, 31), d(2026, 9, 15), &charge), 61728 + 2469);
	ck_assert_int_eq(charge, 2469);
	/* Capped at the fee: 60 months late is 120 %, charged 100 %. */
	ck_assert_int_eq(dues_declared_fee(&gr, 100000, false,
	    d(2020, 1, 31), d(2025, 1, 15), &charge), 1000);
	ck_assert_int_eq(charge, 500);
}
END_TEST

/* A broken profile is named with its line. */
START_TEST(rules_parse_errors)
{
	struct dues_rules r;
	char *cause = NULL;

	ck_assert_int_eq(dues_rules_parse("x.ini", "[dues]\ncountry = FR\n",
	    &r, &cause), G_ERR_INVALID);
	ck_assert_str_eq(cause, "x.ini:2: country is RO or GR, not 'FR'");
	free(cause);
	ck_assert_int_eq(dues_rules_parse("x.ini", "[late]\n2016-01-01 = 100\n"
	    "2015-01-01 = 200\n", &r, &cause), G_ERR_INVALID);
	ck_assert_str_eq(cause, "x.ini:3: late rates go in date order");
	free(cause);
	ck_assert_int_eq(dues_rules_parse("x.ini", "[late]\n2016-01-01 = "
	    "1.5\n", &r, &cause), G_ERR_INVALID);
	free(cause);
	ck_assert_int_eq(dues_rules_parse("x.ini", "[dues]\ncountry = RO\n",
	    &r, &cause), G_ERR_INVALID);
	ck_assert_str_eq(cause, "x.ini: no [late] rate");
	free(cause);
	ck_assert_int_eq(dues_rules_parse("x.ini", "[taxes]\nx = 1\n", &r,
	    &cause), G_ERR_INVALID);
	ck_assert_str_eq(cause, "x.ini:2: unknown section [taxes]");
	free(cause);
}
END_TEST

static Suite *
dues_suite(void)
{
	Suite *s = suite_create("dues");
	TCase *tc = tcase_create("dues");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, ro_worked_example);
	tcase_add_test(tc, ro_due_on_a_non_working_day);
	tcase_add_test(tc, ro_rate_change);
	tcase_add_test(tc, gr_late_interest);
	tcase_add_test(tc, whole_months);
	tcase_add_test(tc, allocation_order);
	tcase_add_test(tc, discount_boundary);
	tcase_add_test(tc, gr_declared_fee);
	tcase_add_test(tc, rules_parse_errors);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(dues_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
