#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/ident.h"

/* A value and the words its reason must contain (NULL: valid). */
struct vector {
	const char	*value;
	const char	*reason;
};

/* Runs a table of values through a check and compares the verdicts. */
static void
run_vectors(const char *(*check)(const char *), const struct vector *v,
    size_t n)
{
	const char	*r;
	size_t		 i;

	for (i = 0; i < n; i++) {
		r = check(v[i].value);
		if (v[i].reason == NULL) {
			ck_assert_msg(r == NULL, "\"%s\" refused: %s",
			    v[i].value, r);
		} else {
			ck_assert_msg(r != NULL, "\"%s\" accepted",
			    v[i].value);
			ck_assert_msg(strstr(r, v[i].reason) != NULL,
			    "\"%s\": got \"%s\", want \"%s\"", v[i].value, r,
			    v[i].reason);
		}
	}
}

#define RUN(check, table) \
	run_vectors(check, table, sizeof table / sizeof table[0])

START_TEST(test_cnp_valid)
{
	static const struct vector v[] = {
		{ "1630615123457", NULL },	/* python-stdnum */
		{ "1800101221144", NULL },	/* widely used sample */
		{ "8800101221147", NULL },	/* resident, 1988 */
		{ "5000229123453", NULL },	/* 2000-02-29 */
		{ "7000229123457", NULL },	/* resident, 29 Feb: 2000 */
		{ "9000229123450", NULL },	/* foreigner */
		{ "3001231123454", NULL },	/* 1800s */
		{ "1800101480006", NULL },	/* county 48 */
		{ "1800101510001", NULL },	/* county 51 */
		{ "1800101700001", NULL },	/* county 70 */
	};

	RUN(ident_check_cnp, v);
}
END_TEST

START_TEST(test_cnp_invalid)
{
	static const struct vector v[] = {
		{ "", "13 digits" },
		{ "163061512345", "13 digits" },
		{ "16306151234571", "13 digits" },
		{ "163061512345a", "13 digits" },
		{ " 1630615123457", "13 digits" },
		{ "1630615 123457", "13 digits" },
		{ "0800101221142", "first digit" },	/* stdnum */
		{ "1632215123457", "birth date" },	/* stdnum: month 22 */
		{ "1900229123453", "birth date" },	/* 1990 not leap */
		{ "1800100221141", "birth date" },	/* day 00 */
		{ "1800101490003", "county" },
		{ "1800101530004", "county" },
		{ "1800101000001", "county" },
		{ "1630615123458", "check digit" },	/* stdnum */
		{ "8800101221144", "check digit" },	/* stdnum */
	};

	RUN(ident_check_cnp, v);
}
END_TEST

START_TEST(test_cnp_birth_date)
{
	struct date	d;

	ck_assert(ident_cnp_birth_date("1630615123457", &d));
	ck_assert_int_eq(d.year, 1963);
	ck_assert_int_eq(d.month, 6);
	ck_assert_int_eq(d.day, 15);
	ck_assert(ident_cnp_birth_date("5000229123453", &d));
	ck_assert_int_eq(d.year, 2000);
	ck_assert_int_eq(d.month, 2);
	ck_assert_int_eq(d.day, 29);
	ck_assert(ident_cnp_birth_date("3001231123454", &d));
	ck_assert_int_eq(d.year, 1800);
	ck_assert(!ident_cnp_birth_date("8800101221147", &d));
	ck_assert(!ident_cnp_birth_date("1630615123458", &d));
	ck_assert(!ident_cnp_birth_date("abc", &d));
}
END_TEST

START_TEST(test_cnp_check_digit)
{
	char	body[13];
	int	i;

	ck_assert_int_eq(ident_cnp_check_digit("163061512345"), '7');
	ck_assert_int_eq(ident_cnp_check_digit("880010122114"), '7');
	/* Remainder 10 gives 1. */
	ck_assert_int_eq(ident_cnp_check_digit("180010151000"), '1');
	ck_assert_int_eq(ident_cnp_check_digit("16306151234"), '\0');
	ck_assert_int_eq(ident_cnp_check_digit("1630615123456"), '\0');
	ck_assert_int_eq(ident_cnp_check_digit("16306151234x"), '\0');
	ck_assert_int_eq(ident_cnp_check_digit(""), '\0');

	/* Every serial of a real birth date and county makes a valid CNP. */
	for (i = 0; i < 1000; i++) {
		char	cnp[14];

		snprintf(body, sizeof body, "2991231%02d%03d", 1 + i % 46, i);
		memcpy(cnp, body, 12);
		cnp[12] = ident_cnp_check_digit(body);
		cnp[13] = '\0';
		ck_assert_msg(ident_check_cnp(cnp) == NULL, "%s", cnp);
		cnp[12] = (char)('0' + (cnp[12] - '0' + 1) % 10);
		ck_assert_msg(ident_check_cnp(cnp) != NULL, "%s", cnp);
	}
}
END_TEST

START_TEST(test_cui)
{
	static const struct vector v[] = {
		{ "18547290", NULL },		/* python-stdnum */
		{ "RO18547290", NULL },
		{ "ro18547290", NULL },
		{ "Ro 18547290", NULL },
		{ "19", NULL },
		{ "27", NULL },
		{ "1234567897", NULL },
		{ "18547291", "check digit" },	/* python-stdnum */
		{ "RO18547291", "check digit" },
		{ "0123", "start with 0" },
		{ "RO0123", "start with 0" },
		{ "1", "2 to 10 digits" },
		{ "12345678901", "2 to 10 digits" },
		{ "1854729a", "2 to 10 digits" },
		{ "", "2 to 10 digits" },
		{ "RO", "2 to 10 digits" },
		{ "RO  18547290", "2 to 10 digits" },
		{ "185 472 90", "2 to 10 digits" },
		{ "RO-18547290", "2 to 10 digits" },
	};

	RUN(ident_check_cui, v);
	ck_assert_int_eq(ident_cui_check_digit("1854729"), '0');
	ck_assert_int_eq(ident_cui_check_digit("1"), '9');
	ck_assert_int_eq(ident_cui_check_digit("123456789"), '7');
	ck_assert_int_eq(ident_cui_check_digit(""), '\0');
	ck_assert_int_eq(ident_cui_check_digit("1234567890"), '\0');
	ck_assert_int_eq(ident_cui_check_digit("12a"), '\0');
}
END_TEST

START_TEST(test_afm)
{
	static const struct vector v[] = {
		{ "094259216", NULL },		/* python-stdnum */
		{ "EL094259216", NULL },
		{ "EL 094259216", NULL },
		{ "el094259216", NULL },
		{ "GR094259216", NULL },
		{ "94259216", NULL },		/* old 8-digit form */
		{ "123456781", "check digit" },	/* python-stdnum */
		{ "EL123456781", "check digit" },
		{ "12345678", "check digit" },	/* read as 012345678 */
		{ "000000000", "all zeros" },
		{ "00000000", "all zeros" },
		{ "0942592161", "9 digits" },
		{ "0942592", "9 digits" },
		{ "09425921a", "9 digits" },
		{ "", "9 digits" },
		{ "RO094259216", "9 digits" },
		{ "EL  094259216", "9 digits" },
	};

	RUN(ident_check_afm, v);
	ck_assert_int_eq(ident_afm_check_digit("09425921"), '6');
	ck_assert_int_eq(ident_afm_check_digit("12345678"), '3');
	ck_assert_int_eq(ident_afm_check_digit("0942592"), '\0');
	ck_assert_int_eq(ident_afm_check_digit("0942592x"), '\0');
}
END_TEST

START_TEST(test_amka)
{
	static const struct vector v[] = {
		{ "01013099997", NULL },	/* python-stdnum */
		{ "29020012349", NULL },	/* 29 Feb 2000 */
		{ "01015734500", NULL },	/* python-stdnum list */
		{ "31085501570", NULL },
		{ "28126002196", NULL },
		{ "01013099999", "check digit" },	/* python-stdnum */
		{ "01015734501", "check digit" },
		{ "99887712349", "birth date" },	/* python-stdnum */
		{ "29029912341", "birth date" },	/* Luhn-valid */
		{ "31028512346", "birth date" },	/* Luhn-valid */
		{ "0101309999", "11 digits" },
		{ "010130999971", "11 digits" },
		{ "0101309999x", "11 digits" },
		{ "", "11 digits" },
	};

	RUN(ident_check_amka, v);
}
END_TEST

START_TEST(test_luhn)
{
	char	num[16];
	int	i;

	ck_assert_int_eq(ident_luhn_check_digit("7992739871"), '3');
	ck_assert_int_eq(ident_luhn_check_digit("0101309999"), '7');
	ck_assert_int_eq(ident_luhn_check_digit("2902001234"), '9');
	ck_assert_int_eq(ident_luhn_check_digit("0"), '0');
	ck_assert_int_eq(ident_luhn_check_digit(""), '\0');
	ck_assert_int_eq(ident_luhn_check_digit("12a"), '\0');
	/* Made AMKAs check out, and a changed digit is caught. */
	for (i = 0; i < 1000; i++) {
		snprintf(num, sizeof num, "150690%04d", i);
		num[10] = ident_luhn_check_digit(num);
		num[11] = '\0';
		ck_assert_msg(ident_check_amka(num) == NULL, "%s", num);
		num[7] = (char)('0' + (num[7] - '0' + 1) % 10);
		ck_assert_msg(ident_check_amka(num) != NULL, "%s", num);
	}
}
END_TEST

START_TEST(test_iban_valid)
{
	static const struct vector v[] = {
		/* ISO 13616 registry samples, via python-stdnum. */
		{ "GR16 0110 1250 0000 0001 2300 695", NULL },
		{ "GR1601101250000000012300695", NULL },
		{ "RO49 AAAA 1B31 0075 9384 0000", NULL },
		{ "RO49AAAA1B31007593840000", NULL },
		{ "ro49 aaaa 1b31 0075 9384 0000", NULL },
		{ "DE89 3704 0044 0532 0130 00", NULL },
		{ "GB29 NWBK 6016 1331 9268 19", NULL },
		{ "FR14 2004 1010 0505 0001 3M02 606", NULL },
		{ "IT60 X054 2811 1010 0000 0123 456", NULL },
		{ "ES9121000418450200051332", NULL },
		{ "BG80 BNBG 9661 1020 3456 78", NULL },
		{ "HU42 1177 3016 1111 1018 0000 0000", NULL },
		{ "AT61 1904 3002 3457 3201", NULL },
		{ "NL91 ABNA 0417 1643 00", NULL },
		{ "BE68539007547034", NULL },
		{ "CY17 0020 0128 0000 0012 0052 7600", NULL },
		{ "MT84MALT011000012345MTLCAST001S", NULL },
		{ "MC11 1273 9000 7000 1111 1000 h79", NULL },
		{ "NO9386011117947", NULL },
		{ "XK051212012345678906", NULL },
	};

	RUN(ident_check_iban, v);
}
END_TEST

START_TEST(test_iban_invalid)
{
	static const struct vector v[] = {
		/* Broken checksums, python-stdnum. */
		{ "AL48212110090000000235698741", "check digits" },
		{ "AT611804300234573201", "check digits" },
		{ "BG80BNBG99611020345678", "check digits" },
		{ "CY17002001281000001200527600", "check digits" },
		{ "DK5000400440116342", "check digits" },
		{ "GR16 0110 1250 0000 0001 2300 696", "check digits" },
		{ "RO49 AAAA 1B31 0075 9384 0001", "check digits" },
		/* Wrong length, checksum fine, python-stdnum. */
		{ "AT93 1904 3002 3457 3201 99", "wrong length" },
		{ "BE36 5390 0754 7034 1234", "wrong length" },
		{ "BA30 1290 0794 0102 84", "wrong length" },
		{ "RO23AAAA1B3100759384000", "Romanian IBAN has 24" },
		{ "GR16 0110 1250 0000 0001 2300 69", "Greek IBAN has 27" },
		/* Unknown country. */
		{ "QQ93 1234 5678", "unknown country" },
		{ "XX431234", "unknown country" },
		{ "0098", "country code and two" },
		{ "RO", "country code and two" },
		{ "ROAB", "country code and two" },
		{ "", "country code and two" },
		{ "RO291234000000000000000012", "Romanian IBAN has 24" },
		/* Greek bank and branch codes are digits; checksum fine. */
		{ "GR5101A01250000000012300695", "bank and branch" },
		/* Characters and blanks. */
		{ "RO49-AAAA-1B31-0075-9384-0000", "single spaces" },
		{ "RO49  AAAA 1B31 0075 9384 0000", "single spaces" },
		{ " RO49AAAA1B31007593840000", "single spaces" },
		{ "RO49AAAA1B31007593840000 ", "single spaces" },
		{ "RO49\tAAAA1B31007593840000", "single spaces" },
		{ "GR16 0110 1250 0000 0001 2300 6950 1234 5678", "too long" },
		{ "GR16 0110 1250 0000 0001 2300 6950 1234", "Greek IBAN" },
	};

	RUN(ident_check_iban, v);
}
END_TEST

START_TEST(test_iban_ro_bank)
{
	const char	*r;

	/* Valid checksum, digits where the bank code letters go. */
	r = ident_check_iban("RO37 1234 0000 0000 0000 0012");
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r, "bank code"));
}
END_TEST

START_TEST(test_rf)
{
	static const struct vector v[] = {
		{ "RF18 5390 0754 7034", NULL },	/* python-stdnum */
		{ "RF18539007547034", NULL },
		{ "RF18000000000539007547034", NULL },
		{ "RF18 5390 0754 70Y", NULL },
		{ "rf18 5390 0754 70y", NULL },
		{ "RF72YW", NULL },
		{ "RF08P", NULL },
		{ "RF23EF4UHBVNPLHKG3HZ9SGGT", NULL },
		{ "RF741", NULL },
		{ "RF17 5390 0754 7034", "check digits" },	/* stdnum */
		{ "RF18 5390 0754 7035", "check digits" },
		{ "RF18", "1 to 21" },
		{ "RF95ABCDEFGHIJKLMNOPQRSTUV", "1 to 21" },
		{ "RF1", "RF and two check digits" },
		{ "XX18539007547034", "RF and two check digits" },
		{ "RFAB539007547034", "RF and two check digits" },
		{ "", "RF and two check digits" },
		{ "RF18-5390-0754-7034", "single spaces" },
		{ "RF18  5390 0754 7034", "single spaces" },
	};

	RUN(ident_check_rf, v);
}
END_TEST

START_TEST(test_rf_make)
{
	char	out[32];
	char	big[26];
	int	i;

	ck_assert(ident_rf_make("539007547034", out, sizeof out));
	ck_assert_str_eq(out, "RF18539007547034");
	ck_assert(ident_rf_make("1", out, sizeof out));
	ck_assert_str_eq(out, "RF741");
	ck_assert(ident_rf_make("abc123", out, sizeof out));
	ck_assert_str_eq(out, "RF47ABC123");
	ck_assert(ident_rf_make("ABCDEFGHIJKLMNOPQRSTU", out, 26));
	ck_assert_str_eq(out, "RF95ABCDEFGHIJKLMNOPQRSTU");
	ck_assert(!ident_rf_make("ABCDEFGHIJKLMNOPQRSTUV", out, sizeof out));
	ck_assert(!ident_rf_make("", out, sizeof out));
	ck_assert(!ident_rf_make("AB-1", out, sizeof out));
	ck_assert(!ident_rf_make("AB 1", out, sizeof out));
	ck_assert(!ident_rf_make("12345", out, 9));
	ck_assert(ident_rf_make("12345", out, 10));
	/* Everything made checks out. */
	for (i = 0; i < 500; i++) {
		snprintf(big, sizeof big, "INV%dX%d", i * 7919, i);
		ck_assert(ident_rf_make(big, out, sizeof out));
		ck_assert_msg(ident_check_rf(out) == NULL, "%s", out);
	}
}
END_TEST

START_TEST(test_mask)
{
	char	out[64];

	ident_mask("1800101221144", out, sizeof out);
	ck_assert_str_eq(out, "1800101\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"
	    "\xe2\x80\xa2" "44");
	ident_mask("094259216", out, sizeof out);
	ck_assert_uint_eq(strlen(out), 6 * 3 + 3);
	ck_assert_str_eq(out + 18, "216");
	ident_mask("12345", out, sizeof out);
	ck_assert_ptr_null(strpbrk(out, "0123456789"));
	ident_mask("", out, sizeof out);
	ck_assert_str_eq(out, "");
	/* Cut at a bullet boundary, never inside one. */
	ident_mask("1800101221144", out, 10);
	ck_assert_str_eq(out, "1800101");
	ident_mask("1800101221144", out, 11);
	ck_assert_str_eq(out, "1800101\xe2\x80\xa2");
	ident_mask("094259216", out, 3);
	ck_assert_str_eq(out, "");
	ident_mask("094259216", out, 4);
	ck_assert_str_eq(out, "\xe2\x80\xa2");
	out[0] = 'x';
	ident_mask("1800101221144", out, 0);
	ck_assert_int_eq(out[0], 'x');
}
END_TEST

START_TEST(test_kinds)
{
	int	k;

	for (k = 0; k < IDENT_KIND_COUNT; k++)
		ck_assert_int_eq(ident_kind_from_name(ident_kind_name(k)), k);
	ck_assert_int_eq(ident_kind_from_name("cnp"), IDENT_CNP);
	ck_assert_int_eq(ident_kind_from_name("rf"), IDENT_RF);
	ck_assert_int_eq(ident_kind_from_name("nif"), -1);
	ck_assert_int_eq(ident_kind_from_name(""), -1);
	ck_assert_int_eq(ident_kind_from_name(NULL), -1);
	ck_assert_ptr_null(ident_check(IDENT_CNP, "1630615123457"));
	ck_assert_ptr_null(ident_check(IDENT_CUI, "RO18547290"));
	ck_assert_ptr_null(ident_check(IDENT_AFM, "094259216"));
	ck_assert_ptr_null(ident_check(IDENT_AMKA, "01013099997"));
	ck_assert_ptr_null(ident_check(IDENT_IBAN,
	    "RO49AAAA1B31007593840000"));
	ck_assert_ptr_null(ident_check(IDENT_RF, "RF18539007547034"));
	ck_assert_ptr_nonnull(ident_check(IDENT_CNP, "1630615123458"));
	ck_assert_ptr_nonnull(ident_check(IDENT_CNP, NULL));
	ck_assert_ptr_nonnull(ident_check(IDENT_KIND_COUNT, "1"));
}
END_TEST

/* Builds the suite: one case per identifier. */
static Suite *
ident_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("ident");
	tc = tcase_create("cnp");
	tcase_add_test(tc, test_cnp_valid);
	tcase_add_test(tc, test_cnp_invalid);
	tcase_add_test(tc, test_cnp_birth_date);
	tcase_add_test(tc, test_cnp_check_digit);
	suite_add_tcase(s, tc);
	tc = tcase_create("cui-afm-amka");
	tcase_add_test(tc, test_cui);
	tcase_add_test(tc, test_afm);
	tcase_add_test(tc, test_amka);
	tcase_add_test(tc, test_luhn);
	suite_add_tcase(s, tc);
	tc = tcase_create("iban-rf");
	tcase_add_test(tc, test_iban_valid);
	tcase_add_test(tc, test_iban_invalid);
	tcase_add_test(tc, test_iban_ro_bank);
	tcase_add_test(tc, test_rf);
	tcase_add_test(tc, test_rf_make);
	suite_add_tcase(s, tc);
	tc = tcase_create("misc");
	tcase_add_test(tc, test_mask);
	tcase_add_test(tc, test_kinds);
	suite_add_tcase(s, tc);
	return (s);
}

/* Runs the suite; the exit status tells make check the result. */
int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(ident_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
