#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/iddoc.h"

static const struct date today = { 2026, 5, 10 };
static const struct date next_year = { 2027, 5, 10 };

/* Builds a document from what a clerk would type. */
static struct iddoc
doc(enum iddoc_type type, const char *series, const char *number,
    const char *issuer, struct date expiry)
{
	struct iddoc	d;

	memset(&d, 0, sizeof d);
	d.type = type;
	snprintf(d.series, sizeof d.series, "%s", series);
	snprintf(d.number, sizeof d.number, "%s", number);
	snprintf(d.issuer, sizeof d.issuer, "%s", issuer);
	d.expiry = expiry;
	return (d);
}

/* A document as typed, the verdict wanted and what normalising gives. */
struct vector {
	enum iddoc_type	 type;
	const char	*series;
	const char	*number;
	const char	*reason;	/* words of the reason; NULL: valid */
	const char	*want_series;	/* after normalising, when valid */
	const char	*want_number;
};

/* Checks a table of documents, all with a good issuer and expiry. */
static void
run_vectors(const struct vector *v, size_t n)
{
	struct iddoc	 d;
	const char	*r;
	size_t		 i;

	for (i = 0; i < n; i++) {
		d = doc(v[i].type, v[i].series, v[i].number, "SPCLEP Cluj",
		    next_year);
		r = iddoc_check(&d, today);
		if (v[i].reason == NULL) {
			ck_assert_msg(r == NULL, "%zu \"%s\" \"%s\": %s", i,
			    v[i].series, v[i].number, r);
			ck_assert_msg(strcmp(d.series, v[i].want_series) == 0,
			    "%zu: series \"%s\", want \"%s\"", i, d.series,
			    v[i].want_series);
			ck_assert_msg(strcmp(d.number, v[i].want_number) == 0,
			    "%zu: number \"%s\", want \"%s\"", i, d.number,
			    v[i].want_number);
		} else {
			ck_assert_msg(r != NULL, "%zu \"%s\" \"%s\" accepted",
			    i, v[i].series, v[i].number);
			ck_assert_msg(strstr(r, v[i].reason) != NULL,
			    "%zu: got \"%s\", want \"%s\"", i, r,
			    v[i].reason);
		}
	}
}

/* A vector whose document is refused with reason. */
#define BAD(t, s, n, reason)	{ t, s, n, reason, NULL, NULL }

#define RUN(table) run_vectors(table, sizeof table / sizeof table[0])

START_TEST(test_ro_card)
{
	static const struct vector v[] = {
		{ IDDOC_RO_ID_CARD, "KX", "123456", NULL, "KX", "123456" },
		{ IDDOC_RO_ID_CARD, "cj", "012345", NULL, "CJ", "012345" },
		{ IDDOC_RO_ID_CARD, " R X ", " 123 456 ", NULL, "RX",
		    "123456" },
		{ IDDOC_RO_ID_CARD, "", "XB123456", NULL, "XB", "123456" },
		{ IDDOC_RO_ID_CARD, "", "xb 123456", NULL, "XB", "123456" },
		{ IDDOC_RO_ID_CARD, "ZZ", "999999", NULL, "ZZ", "999999" },
		BAD(IDDOC_RO_ID_CARD, "", "123456", "Series: missing"),
		BAD(IDDOC_RO_ID_CARD, "K", "123456", "Series: must be 2"),
		BAD(IDDOC_RO_ID_CARD, "KXY", "123456", "Series: must be 2"),
		BAD(IDDOC_RO_ID_CARD, "K1", "123456", "Series: must be 2"),
		BAD(IDDOC_RO_ID_CARD, "ȘT", "123456", "Series: must be 2"),
		BAD(IDDOC_RO_ID_CARD, "KX", "12345", "Document number: must "
		    "be 6"),
		BAD(IDDOC_RO_ID_CARD, "KX", "1234567", "Document number: must "
		    "be 6"),
		BAD(IDDOC_RO_ID_CARD, "KX", "12345A", "Document number"),
		BAD(IDDOC_RO_ID_CARD, "KX", "", "Document number"),
		BAD(IDDOC_RO_ID_CARD, "KX", "12-456", "Document number"),
	};

	RUN(v);
}
END_TEST

START_TEST(test_ro_ecard)
{
	static const struct vector v[] = {
		{ IDDOC_RO_ECARD, "CJ", "123456", NULL, "CJ", "123456" },
		{ IDDOC_RO_ECARD, "cj", "123456789", NULL, "CJ",
		    "123456789" },
		{ IDDOC_RO_ECARD, "", "CJ1234567", NULL, "CJ", "1234567" },
		BAD(IDDOC_RO_ECARD, "CJ", "12345",
		    "Document number: must be 6 "
		    "to 9"),
		BAD(IDDOC_RO_ECARD, "CJ", "1234567890", "Document number"),
		BAD(IDDOC_RO_ECARD, "C", "123456", "Series"),
	};

	RUN(v);
	ck_assert(!iddoc_shows_address(IDDOC_RO_ECARD));
	ck_assert(iddoc_shows_address(IDDOC_RO_ID_CARD));
}
END_TEST

START_TEST(test_gr_card)
{
	static const struct vector v[] = {
		/* Greek capitals as printed. */
		{ IDDOC_GR_ID_CARD, "ΑΒ", "123456", NULL, "ΑΒ", "123456" },
		/* Latin look-alikes, any case. */
		{ IDDOC_GR_ID_CARD, "ab", "123456", NULL, "ΑΒ", "123456" },
		{ IDDOC_GR_ID_CARD, "AB", "123456", NULL, "ΑΒ", "123456" },
		{ IDDOC_GR_ID_CARD, "", "ab 123456", NULL, "ΑΒ", "123456" },
		/* Latin A and Greek Β mixed. */
		{ IDDOC_GR_ID_CARD, "AΒ", "123456", NULL, "ΑΒ", "123456" },
		/* Lower-case Greek, final sigma. */
		{ IDDOC_GR_ID_CARD, "αβ", "123456", NULL, "ΑΒ", "123456" },
		{ IDDOC_GR_ID_CARD, "ς", "123456", NULL, "Σ", "123456" },
		{ IDDOC_GR_ID_CARD, "Φ", "123456", NULL, "Φ", "123456" },
		{ IDDOC_GR_ID_CARD, "", "ΧΡ654321", NULL, "ΧΡ", "654321" },
		{ IDDOC_GR_ID_CARD, "xp", "654321", NULL, "ΧΡ", "654321" },
		BAD(IDDOC_GR_ID_CARD, "e z h", "000001",
		    "Series: a Greek card "
		    "has 1 or 2"),
		BAD(IDDOC_GR_ID_CARD, "Q", "123456", "Series: use Greek"),
		BAD(IDDOC_GR_ID_CARD, "AD", "123456", "Series: use Greek"),
		BAD(IDDOC_GR_ID_CARD, "", "123456", "Series: missing"),
		BAD(IDDOC_GR_ID_CARD, "ΑΒΓ", "123456",
		    "Series: a Greek card has "
		    "1 or 2"),
		BAD(IDDOC_GR_ID_CARD, "Ά", "123456", "Series"),
		BAD(IDDOC_GR_ID_CARD, "Ж", "123456", "Series"),
		BAD(IDDOC_GR_ID_CARD, "1", "123456", "Series"),
		BAD(IDDOC_GR_ID_CARD, "\xce", "123456", "Series: not valid"),
		BAD(IDDOC_GR_ID_CARD, "ΑΒ", "12345",
		    "Document number: must be "
		    "6"),
		BAD(IDDOC_GR_ID_CARD, "ΑΒ", "1234567", "Document number"),
		BAD(IDDOC_GR_ID_CARD, "ΑΒ", "12345Α", "Document number"),
	};

	RUN(v);
	ck_assert(!iddoc_shows_address(IDDOC_GR_ID_CARD));
}
END_TEST

START_TEST(test_e_z_h)
{
	struct iddoc	d;

	/* Every look-alike, two at a time, with blanks between. */
	d = doc(IDDOC_GR_ID_CARD, "e z", "000001", "Α.Τ. Αθηνών", next_year);
	ck_assert_ptr_null(iddoc_check(&d, today));
	ck_assert_str_eq(d.series, "ΕΖ");
	d = doc(IDDOC_GR_ID_CARD, "hi", "000001", "Α.Τ. Αθηνών", next_year);
	ck_assert_ptr_null(iddoc_check(&d, today));
	ck_assert_str_eq(d.series, "ΗΙ");
	d = doc(IDDOC_GR_ID_CARD, "km", "000001", "Α.Τ. Αθηνών", next_year);
	ck_assert_ptr_null(iddoc_check(&d, today));
	ck_assert_str_eq(d.series, "ΚΜ");
	d = doc(IDDOC_GR_ID_CARD, "NO", "000001", "Α.Τ. Αθηνών", next_year);
	ck_assert_ptr_null(iddoc_check(&d, today));
	ck_assert_str_eq(d.series, "ΝΟ");
	d = doc(IDDOC_GR_ID_CARD, "ty", "000001", "Α.Τ. Αθηνών", next_year);
	ck_assert_ptr_null(iddoc_check(&d, today));
	ck_assert_str_eq(d.series, "ΤΥ");
}
END_TEST

START_TEST(test_passport_permit)
{
	static const struct vector v[] = {
		{ IDDOC_PASSPORT, "", "064864616", NULL, "", "064864616" },
		{ IDDOC_PASSPORT, "", "ab1234567", NULL, "", "AB1234567" },
		{ IDDOC_PASSPORT, "", "AB 123 456", NULL, "", "AB123456" },
		{ IDDOC_PASSPORT, "", "C01X00T47", NULL, "", "C01X00T47" },
		{ IDDOC_RESIDENCE_PERMIT, "", "RO123456", NULL, "",
		    "RO123456" },
		BAD(IDDOC_PASSPORT, "", "12345", "Document number: must be 6 "
		    "to 9"),
		BAD(IDDOC_PASSPORT, "", "1234567890", "Document number: must "
		    "be 6 to 9"),
		BAD(IDDOC_PASSPORT, "", "", "Document number: missing"),
		BAD(IDDOC_PASSPORT, "", "AB-12345",
		    "Document number: use only"),
		BAD(IDDOC_PASSPORT, "", "ΑΒ123456",
		    "Document number: use only"),
		BAD(IDDOC_PASSPORT, "AB", "123456", "Series: leave empty"),
		BAD(IDDOC_RESIDENCE_PERMIT, "X", "123456", "Series: leave "
		    "empty"),
	};

	RUN(v);
	ck_assert(!iddoc_shows_address(IDDOC_PASSPORT));
	ck_assert(!iddoc_shows_address(IDDOC_RESIDENCE_PERMIT));
}
END_TEST

START_TEST(test_expiry)
{
	struct iddoc	 d;
	struct date	 yesterday = { 2026, 5, 9 }, zero = { 0, 0, 0 };
	struct date	 bad = { 2027, 2, 30 };
	const char	*r;

	d = doc(IDDOC_PASSPORT, "", "123456", "MAI", today);
	ck_assert_ptr_null(iddoc_check(&d, today));	/* last day */
	d = doc(IDDOC_PASSPORT, "", "123456", "MAI", yesterday);
	r = iddoc_check(&d, today);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r, "Expiry date: the document "
	    "expired"));
	d = doc(IDDOC_GR_ID_CARD, "ΑΒ", "123456", "Α.Τ.", zero);
	r = iddoc_check(&d, today);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r, "Expiry date: missing"));
	d = doc(IDDOC_RO_ECARD, "CJ", "123456", "SPCLEP", bad);
	r = iddoc_check(&d, today);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r, "Expiry date: not a real date"));
}
END_TEST

START_TEST(test_ro_card_2031)
{
	struct iddoc	 d;
	struct date	 far = { 2035, 1, 1 }, cap = { 2031, 8, 3 };
	struct date	 after = { 2031, 8, 4 }, later = { 2033, 6, 1 };
	const char	*r;

	/* Printed 2035: fine until the cap, included. */
	d = doc(IDDOC_RO_ID_CARD, "KX", "123456", "SPCLEP Cluj", far);
	ck_assert_ptr_null(iddoc_check(&d, today));
	ck_assert_ptr_null(iddoc_check(&d, cap));
	r = iddoc_check(&d, after);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r, "3 August 2031"));
	ck_assert_ptr_nonnull(strstr(r, "Expiry date:"));
	ck_assert_int_eq(d.expiry.year, 2035);	/* not rewritten */
	/* The cap applies to old cards only. */
	d = doc(IDDOC_RO_ECARD, "CJ", "123456", "SPCLEP Cluj", far);
	ck_assert_ptr_null(iddoc_check(&d, later));
	d = doc(IDDOC_PASSPORT, "", "123456789", "MAI", far);
	ck_assert_ptr_null(iddoc_check(&d, later));
	/* A card printed with an earlier date ends then. */
	d = doc(IDDOC_RO_ID_CARD, "KX", "123456", "SPCLEP Cluj",
	    (struct date){ 2028, 3, 1 });
	ck_assert_ptr_null(iddoc_check(&d, (struct date){ 2028, 3, 1 }));
	r = iddoc_check(&d, (struct date){ 2028, 3, 2 });
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r, "expired; ask"));
}
END_TEST

START_TEST(test_issuer)
{
	static const struct {
		const char	*issuer;
		const char	*reason;
	} v[] = {
		{ "SPCLEP Cluj-Napoca", NULL },
		{ "  Α.Τ. Αθηνών  ", NULL },
		{ "MA", NULL },
		{ "", "Issuer: missing" },
		{ "   ", "Issuer: missing" },
		{ "M", "Issuer: too short" },
		{ "Ș", "Issuer: too short" },
		{ "SPCLEP\x1b[2J", "Issuer: contains a control" },
		{ "SPCLEP\nCluj", "Issuer: contains a control" },
		{ "SP\xc2\x9b" "CLEP", "Issuer: contains a control" },
		{ "SPCLEP \xff", "Issuer: not valid text" },
	};
	struct iddoc	 d;
	const char	*r;
	size_t		 i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		d = doc(IDDOC_PASSPORT, "", "123456", v[i].issuer, next_year);
		r = iddoc_check(&d, today);
		if (v[i].reason == NULL)
			ck_assert_msg(r == NULL, "\"%s\": %s", v[i].issuer, r);
		else
			ck_assert_msg(r != NULL && strstr(r, v[i].reason),
			    "\"%s\": got \"%s\", want \"%s\"", v[i].issuer,
			    r == NULL ? "(null)" : r, v[i].reason);
	}
	d = doc(IDDOC_PASSPORT, "", "123456", "  MAI  ", next_year);
	ck_assert_ptr_null(iddoc_check(&d, today));
	ck_assert_str_eq(d.issuer, "MAI");
	/* 96 two-byte letters are the most accepted; 97 are too many. */
	memset(d.issuer, 0, sizeof d.issuer);
	for (i = 0; i < 96; i++)
		memcpy(d.issuer + 2 * i, "ă", 2);
	ck_assert_ptr_null(iddoc_check(&d, today));
	memcpy(d.issuer + 2 * 96, "ă", 2);
	ck_assert_ptr_nonnull(iddoc_check(&d, today));
	/* Not terminated: refused, never read past. */
	memset(d.issuer, 'A', sizeof d.issuer);
	r = iddoc_check(&d, today);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r, "Issuer: too long"));
}
END_TEST

START_TEST(test_names)
{
	int	t;

	for (t = 0; t < IDDOC_TYPE_COUNT; t++) {
		ck_assert_int_eq(iddoc_type_from_name(iddoc_type_name(t)), t);
		ck_assert_ptr_nonnull(iddoc_type_label(t));
	}
	ck_assert_str_eq(iddoc_type_name(IDDOC_RO_ID_CARD), "ro-id-card");
	ck_assert_str_eq(iddoc_type_name(IDDOC_GR_ID_CARD), "gr-id-card");
	ck_assert_int_eq(iddoc_type_from_name("passport"), IDDOC_PASSPORT);
	ck_assert_int_eq(iddoc_type_from_name("visa"), -1);
	ck_assert_int_eq(iddoc_type_from_name(""), -1);
	ck_assert_int_eq(iddoc_type_from_name(NULL), -1);
	ck_assert_str_eq(iddoc_type_name(IDDOC_TYPE_COUNT), "unknown");
	ck_assert(!iddoc_shows_address(IDDOC_TYPE_COUNT));
}
END_TEST

START_TEST(test_bad_type)
{
	struct iddoc	 d;
	const char	*r;

	d = doc(IDDOC_TYPE_COUNT, "", "123456", "MAI", next_year);
	r = iddoc_check(&d, today);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r, "Document type"));
	d = doc(IDDOC_PASSPORT, "", "", "MAI", next_year);
	memset(d.number, '1', sizeof d.number);
	r = iddoc_check(&d, today);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(strstr(r, "Document number: too long"));
}
END_TEST

/* Collects the tests in one suite. */
static Suite *
iddoc_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("iddoc");
	tc = tcase_create("formats");
	tcase_add_test(tc, test_ro_card);
	tcase_add_test(tc, test_ro_ecard);
	tcase_add_test(tc, test_gr_card);
	tcase_add_test(tc, test_e_z_h);
	tcase_add_test(tc, test_passport_permit);
	suite_add_tcase(s, tc);
	tc = tcase_create("validity");
	tcase_add_test(tc, test_expiry);
	tcase_add_test(tc, test_ro_card_2031);
	tcase_add_test(tc, test_issuer);
	suite_add_tcase(s, tc);
	tc = tcase_create("misc");
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_bad_type);
	suite_add_tcase(s, tc);
	return (s);
}

/* Runs the suite; the exit status tells make check the result. */
int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(iddoc_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
