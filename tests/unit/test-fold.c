#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "guichet/fold.h"

/* A text and its folded form. */
struct pair {
	const char	*text;
	const char	*folded;
};

/*
 * Folds each text of a table and compares with the expected form; then
 * again with a trailing U+2019, which sends the text down the general
 * (libunistring) path instead of the table, to the same result.
 */
static void
run_pairs(const struct pair *v, size_t n)
{
	char	*f, slow[256];
	size_t	 i;

	for (i = 0; i < n; i++) {
		f = fold_search(v[i].text);
		ck_assert_msg(f != NULL, "\"%s\" gave NULL", v[i].text);
		ck_assert_msg(strcmp(f, v[i].folded) == 0,
		    "\"%s\": got \"%s\", want \"%s\"", v[i].text, f,
		    v[i].folded);
		free(f);
		snprintf(slow, sizeof slow, "%s\xe2\x80\x99", v[i].text);
		f = fold_search(slow);
		ck_assert_msg(strcmp(f, v[i].folded) == 0,
		    "\"%s\": got \"%s\", want \"%s\"", slow, f,
		    v[i].folded);
		free(f);
	}
}

#define RUN(table) run_pairs(table, sizeof table / sizeof table[0])

START_TEST(test_romanian)
{
	static const struct pair v[] = {
		{ "Ștefan", "stefan" },
		{ "stefan", "stefan" },
		{ "ȘTEFAN", "stefan" },
		{ "Țărână", "tarana" },
		{ "Ştefan", "stefan" },		/* cedilla S, U+015E */
		{ "ş ș Ş Ș", "s s s s" },
		{ "ţ ț Ţ Ț", "t t t t" },
		{ "Ștefan Țărână", "stefan tarana" },
		{ "Âmbru Învârtit", "ambru invartit" },
		/* Decomposed input folds the same as composed. */
		{ "S\xcc\xa6tefan", "stefan" },
	};

	RUN(v);
}
END_TEST

START_TEST(test_greek)
{
	static const struct pair v[] = {
		{ "Παπαδόπουλος", "παπαδοπουλοσ" },
		{ "παπαδοπουλος", "παπαδοπουλοσ" },
		{ "ΠΑΠΑΔΟΠΟΥΛΟΣ", "παπαδοπουλοσ" },
		{ "ΆΝΝΑ", "αννα" },
		{ "Άννα", "αννα" },
		{ "ς Σ σ", "σ σ σ" },
		{ "ϊ Ϊ ΐ", "ι ι ι" },
		{ "Ευάγγελος Ζαΐμης", "ευαγγελοσ ζαιμησ" },
	};

	RUN(v);
}
END_TEST

START_TEST(test_other_latin)
{
	static const struct pair v[] = {
		{ "Müller", "muller" },
		{ "MÜLLER", "muller" },
		{ "Szabó", "szabo" },
		{ "Őry", "ory" },
		{ "Győző", "gyozo" },
		{ "Straße", "strasse" },
		{ "STRASSE", "strasse" },
		{ "İlhan", "ilhan" },
		{ "ﬁlip", "filip" },		/* ligature, NFKD */
		{ "℃", "c" },			/* decomposes to a capital */
		{ "Ⅻ", "xii" },
	};

	RUN(v);
}
END_TEST

START_TEST(test_punctuation)
{
	static const struct pair v[] = {
		{ "Popescu-Ionescu", "popescu ionescu" },
		{ "  Popescu   Ion  ", "popescu ion" },
		{ "O'Brien", "o brien" },
		{ "O’Brien", "o brien" },
		{ "Str. 1 Decembrie 1918, nr. 5",
		    "str 1 decembrie 1918 nr 5" },
		{ "--Ana--", "ana" },
		{ "Ana\tMaria\nPop", "ana maria pop" },
		{ "Παπαδόπουλος-Ștefan", "παπαδοπουλοσ stefan" },
		{ "!!!", "" },
		{ "", "" },
		{ " ", "" },
	};

	RUN(v);
}
END_TEST

START_TEST(test_invalid_utf8)
{
	static const struct pair v[] = {
		{ "Ab\xff" "c", "abc" },
		{ "\xc3", "" },
		{ "\xc8\x98tefan\xc8", "stefan" },	/* cut at the end */
		{ "\xed\xa0\x80x", "x" },		/* a surrogate */
		{ "\xc0\xaf" "a", "a" },		/* overlong '/' */
		{ "Ș\xfe\xfeT", "st" },
	};

	RUN(v);
}
END_TEST

START_TEST(test_null)
{
	char	*f;

	f = fold_search(NULL);
	ck_assert_str_eq(f, "");
	free(f);
}
END_TEST

/*
 * Folds one code point the long way, as fold.c documents it, for the
 * comparison below.
 */
static char *
reference_fold(ucs4_t uc)
{
	uint8_t	 in[8], *cf;
	char	*out;
	size_t	 n, cflen, i, len = 0;
	ucs4_t	 c;
	int	 k, gap = 0;

	n = (size_t)u8_uctomb(in, uc, sizeof in);
	cf = u8_casefold(in, n, NULL, UNINORM_NFKD, NULL, &cflen);
	ck_assert(cf != NULL);
	out = malloc(cflen + 1);
	for (i = 0; i < cflen; i += (size_t)k) {
		k = u8_mbtouc(&c, cf + i, cflen - i);
		if (uc_is_general_category_withtable(c, UC_CATEGORY_MASK_M))
			continue;
		if (!uc_is_general_category_withtable(c,
		    UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_N)) {
			gap = 1;
			continue;
		}
		if (gap && len > 0)
			out[len++] = ' ';
		gap = 0;
		memcpy(out + len, cf + i, (size_t)k);
		len += (size_t)k;
	}
	out[len] = '\0';
	free(cf);
	return (out);
}

/*
 * Every code point of the Latin, Greek and Cyrillic blocks folds as the
 * reference does, alone and between two ASCII letters, so that any fast
 * path in fold.c keeps to the documented rules.
 */
START_TEST(test_blocks_match_reference)
{
	uint8_t	 buf[16];
	char	*want, *got, both[64];
	ucs4_t	 uc;
	int	 k;

	for (uc = 0x20; uc < 0x0530; uc++) {
		k = u8_uctomb(buf, uc, sizeof buf);
		ck_assert(k > 0);
		buf[k] = '\0';
		want = reference_fold(uc);
		got = fold_search((const char *)buf);
		ck_assert_msg(strcmp(got, want) == 0,
		    "U+%04X: got \"%s\", want \"%s\"", (unsigned)uc, got,
		    want);
		free(got);
		/* Between letters: "a" + fold + "b", blanks collapsing. */
		snprintf(both, sizeof both, "a%sb", (const char *)buf);
		got = fold_search(both);
		if (want[0] == '\0')
			ck_assert_msg(strcmp(got, "ab") == 0 ||
			    strcmp(got, "a b") == 0, "U+%04X: \"%s\"",
			    (unsigned)uc, got);
		else {
			snprintf(both, sizeof both, "a%sb", want);
			ck_assert_msg(strcmp(got, both) == 0 ||
			    strstr(got, want) != NULL,
			    "U+%04X: \"%s\"", (unsigned)uc, got);
		}
		free(got);
		free(want);
	}
}
END_TEST

START_TEST(test_word_count)
{
	ck_assert_uint_eq(fold_word_count(""), 0);
	ck_assert_uint_eq(fold_word_count("ana"), 1);
	ck_assert_uint_eq(fold_word_count("ana maria pop"), 3);
	ck_assert_uint_eq(fold_word_count("  ana   maria "), 2);
	ck_assert_uint_eq(fold_word_count("παπαδοπουλοσ νικοσ"), 2);
}
END_TEST

START_TEST(test_matches)
{
	ck_assert(fold_matches("tarana stefan", "stef tar"));
	ck_assert(fold_matches("stefan tarana", "stef tar"));
	ck_assert(fold_matches("stefan tarana", "tarana"));
	ck_assert(fold_matches("stefan tarana", "s"));
	ck_assert(fold_matches("stefan tarana", ""));
	ck_assert(fold_matches("", ""));
	ck_assert(fold_matches("stefan tarana", "  stef  "));
	ck_assert(fold_matches("παπαδοπουλοσ νικοσ", "νικ παπ"));
	ck_assert(!fold_matches("stefan tarana", "stefanel"));
	ck_assert(!fold_matches("stefan tarana", "tef"));
	ck_assert(!fold_matches("stefan tarana", "stef pop"));
	ck_assert(!fold_matches("", "a"));
	ck_assert(!fold_matches("popescu ionescu", "popescuionescu"));
	ck_assert(!fold_matches(NULL, "a"));
	ck_assert(!fold_matches("a", NULL));
}
END_TEST

/* Folds both sides, as callers do, and matches. */
static int
match_raw(const char *name, const char *query)
{
	char	*k, *q;
	int	 r;

	k = fold_search(name);
	q = fold_search(query);
	r = fold_matches(k, q);
	free(k);
	free(q);
	return (r);
}

START_TEST(test_matches_folded)
{
	ck_assert(match_raw("Ștefan Țărână", "stefan tarana"));
	ck_assert(match_raw("Ştefan Ţărână", "ȘTEF"));
	ck_assert(match_raw("Παπαδόπουλος Νίκος", "ΝΙΚΟΣ παπαδ"));
	ck_assert(match_raw("Παπαδόπουλος", "παπαδοπουλος"));
	ck_assert(match_raw("Popescu-Ionescu Ana", "ionescu"));
	ck_assert(match_raw("Müller Hans", "muller"));
	ck_assert(!match_raw("Müller Hans", "mueller"));
}
END_TEST

/* Collects the tests in one suite. */
static Suite *
fold_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("fold");
	tc = tcase_create("search");
	tcase_add_test(tc, test_romanian);
	tcase_add_test(tc, test_greek);
	tcase_add_test(tc, test_other_latin);
	tcase_add_test(tc, test_punctuation);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_null);
	tcase_add_test(tc, test_blocks_match_reference);
	suite_add_tcase(s, tc);
	tc = tcase_create("match");
	tcase_add_test(tc, test_word_count);
	tcase_add_test(tc, test_matches);
	tcase_add_test(tc, test_matches_folded);
	suite_add_tcase(s, tc);
	return (s);
}

/* Runs the suite; the exit status tells make check the result. */
int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(fold_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
