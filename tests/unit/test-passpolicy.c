#include "config.h"

#include "guichet/passpolicy.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#define TOWN	"Primăria Cluj-Napoca"

/* Builds a password of n code points from a varied UTF-8 phrase, so that
 * only the length rule can refuse it. */
static void
phrase(char *buf, size_t size, size_t n)
{
	static const char	*const words[] = {
		"ceai", "ă", "verde", "ș", "munte", "ț", "ploaie", "î",
		"lună", "β", "rață", "γ"
	};
	const char		*w;
	size_t			 used = 0, chars = 0, i = 0, len, k;

	while (chars < n) {
		w = words[i++ % (sizeof words / sizeof words[0])];
		len = strlen(w);
		for (k = 0; k < len && chars < n; k++) {
			ck_assert_uint_lt(used + 1, size);
			buf[used++] = w[k];
			/* count a character at its last byte */
			if (k + 1 == len ||
			    ((unsigned char)w[k + 1] & 0xc0) != 0x80)
				chars++;
		}
	}
	buf[used] = '\0';
}

/* Checks that password is refused with a reason starting as prefix. */
static void
refused(const char *password, const char *user, const char *town,
    const char *prefix)
{
	const char	*r;

	r = passpolicy_check(password, user, town);
	ck_assert_msg(r != NULL, "accepted: %s", password);
	ck_assert_msg(strncmp(r, prefix, strlen(prefix)) == 0,
	    "%s: reason \"%s\", wanted \"%s...\"", password, r, prefix);
}

/* Checks that password is accepted, showing the reason when it is not. */
static void
accepted(const char *password, const char *user, const char *town)
{
	const char	*r;

	r = passpolicy_check(password, user, town);
	ck_assert_msg(r == NULL, "%s refused: %s", password, r);
}

START_TEST(test_length_boundaries)
{
	char	buf[1024];

	refused("", NULL, NULL, "Password too short");
	refused(NULL, NULL, NULL, "Password too short");
	refused("ploaie-vara", NULL, NULL, "Password too short");
	accepted("ploaie-varaa", NULL, NULL);
	/* 11 code points in 22 bytes are too short */
	refused("ăăăăăăăăăăă", NULL, NULL, "Password too short");
	refused("ăbăbăbăbăbă", NULL, NULL, "Password too short");
	accepted("ăbăbăbăbăbăb", NULL, NULL);

	phrase(buf, sizeof buf, 11);
	refused(buf, NULL, NULL, "Password too short");
	phrase(buf, sizeof buf, 12);
	accepted(buf, NULL, NULL);
	phrase(buf, sizeof buf, 64);
	accepted(buf, NULL, NULL);
	phrase(buf, sizeof buf, 128);
	ck_assert_uint_gt(strlen(buf), 128);
	accepted(buf, NULL, NULL);
	phrase(buf, sizeof buf, 129);
	refused(buf, NULL, NULL, "Password too long");
	memset(buf, 'x', 500);
	buf[500] = '\0';
	refused(buf, NULL, NULL, "Password too long");
}
END_TEST

START_TEST(test_characters)
{
	refused("ploaie\tde vara", NULL, NULL, "Password must not contain "
	    "control");
	refused("ploaie de vara\n", NULL, NULL, "Password must not contain "
	    "control");
	refused("ploaie\x7f" "de vara", NULL, NULL, "Password must not "
	    "contain control");
	refused("ploaie\xc2\x85" "de vara", NULL, NULL, "Password must not "
	    "contain control");
	/* invalid UTF-8: Latin-1, lone continuation, overlong, surrogate,
	 * beyond U+10FFFF, truncated at the end */
	refused("parol\xe3 lung\xe3 de tot", NULL, NULL, "Password is not "
	    "valid UTF-8");
	refused("ploaie \x80 de vara", NULL, NULL, "Password is not valid");
	refused("ploaie \xc0\xaf de vara", NULL, NULL, "Password is not "
	    "valid");
	refused("ploaie \xed\xa0\x80 de vara", NULL, NULL, "Password is not "
	    "valid");
	refused("ploaie \xf4\x90\x80\x80 de vara", NULL, NULL, "Password is "
	    "not valid");
	refused("ploaie de vara \xc4", NULL, NULL, "Password is not valid");
	/* spaces and any printable script are fine */
	accepted("o frază cu spații", NULL, NULL);
	accepted("Ο κωδικός μου είναι μακρύς", NULL, NULL);
	accepted("ploaie de vară 🌧️ la munte", NULL, NULL);
}
END_TEST

START_TEST(test_repeated_and_sequences)
{
	refused("aaaaaaaaaaaa", NULL, NULL, "Password must not be one");
	refused("aAaAaAaAaAaAaAaA", NULL, NULL, "Password must not be one");
	refused("ăăăăăăăăăăăă", NULL, NULL, "Password must not be one");
	refused("            ", NULL, NULL, "Password must not be one");
	refused("123456789012", NULL, NULL, "Password must not be a simple");
	refused("abcdefghijkl", NULL, NULL, "Password must not be a simple");
	refused("ABCDEFGHIJKLmnop", NULL, NULL, "Password must not be a "
	    "simple");
	refused("xyzabcdefghi", NULL, NULL, "Password must not be a simple");
	refused("210987654321", NULL, NULL, "Password must not be a simple");
	refused("lkjihgfedcba", NULL, NULL, "Password must not be a simple");
	refused("αβγδεζηθικλμ", NULL, NULL, "Password must not be a simple");
	/* a run inside a longer password is not the whole password */
	accepted("123456789012x", NULL, NULL);
	accepted("aaaaaaaaaaab", NULL, NULL);
}
END_TEST

START_TEST(test_blocklist)
{
	refused("password1234", NULL, NULL, "Password is too common");
	refused("PASSWORD1234", NULL, NULL, "Password is too common");
	refused("Password1234", NULL, NULL, "Password is too common");
	refused("qwertyuiop12", NULL, NULL, "Password is too common");
	refused("iloveyou1234", NULL, NULL, "Password is too common");
	refused("Parola123456", NULL, NULL, "Password is too common");
	refused("κωδικός12345", NULL, NULL, "Password is too common");
	refused("administrator", NULL, NULL, "Password is too common");
	refused("PasswordPassword", NULL, NULL, "Password is too common");
	refused("correct horse battery staple", NULL, NULL,
	    "Password is too common");
	accepted("password12345x", NULL, NULL);

	ck_assert_int_ne(passpolicy_is_common("password"), 0);
	ck_assert_int_ne(passpolicy_is_common("QwErTy"), 0);
	ck_assert_int_eq(passpolicy_is_common("password "), 0);
	ck_assert_int_eq(passpolicy_is_common("passwor"), 0);
	ck_assert_int_eq(passpolicy_is_common(""), 0);
	ck_assert_int_eq(passpolicy_is_common(NULL), 0);
}
END_TEST

START_TEST(test_username)
{
	refused("ionpopescu-la-munte", "ionpopescu", NULL,
	    "Password must not contain the username");
	refused("la-munte-IonPopescu", "IONPOPESCU", NULL,
	    "Password must not contain the username");
	refused("munte-ștefan-vara", "ștefan", NULL,
	    "Password must not contain the username");
	refused("ana-are-mere-mari", "ana", NULL,
	    "Password must not contain the username");
	/* too short to check, or absent */
	accepted("io-merge-la-munte", "io", NULL);
	accepted("io-merge-la-munte", "", NULL);
	accepted("io-merge-la-munte", "maria", NULL);
	/* only ASCII folds: upper-case Ș is another letter */
	accepted("munte-ȘTEFAN-vara", "ștefan", NULL);
}
END_TEST

START_TEST(test_town)
{
	refused("iubesc primăria cluj-napoca", NULL, TOWN,
	    "Password must not contain the town's name");
	refused("vara-la-CLUJ-cu-prietenii", NULL, TOWN,
	    "Password must not contain the town's name");
	refused("napocanapocanapoca", NULL, TOWN,
	    "Password must not contain the town's name");
	refused("primăria-are-grădină", NULL, TOWN,
	    "Password must not contain the town's name");
	refused("o plimbare prin Iasi", NULL, "Iasi",
	    "Password must not contain the town's name");
	refused("zi frumoasa la Aba!", NULL, "Aba",
	    "Password must not contain the town's name");
	/* words under four characters are not looked for on their own */
	accepted("o zi de vara la ocna mare", NULL, "Baia de Fier");
	accepted("ploaie de vara la munte", NULL, TOWN);
	accepted("ploaie de vara la munte", NULL, "");
	/* without diacritic folding "primaria" differs from "primăria" */
	accepted("primaria-are-gradina", NULL, TOWN);
}
END_TEST

START_TEST(test_reason_text)
{
	const char	*r;

	r = passpolicy_check("scurt", NULL, NULL);
	ck_assert_str_eq(r, "Password too short: use at least 12 characters "
	    "(a phrase of several words is easiest)");
	r = passpolicy_check("password1234", NULL, NULL);
	ck_assert_str_eq(r, "Password is too common: "
	    "choose something less predictable");
}
END_TEST

/* Gathers the cases. */
static Suite *
passpolicy_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("passpolicy");
	tc = tcase_create("rules");
	tcase_add_test(tc, test_length_boundaries);
	tcase_add_test(tc, test_characters);
	tcase_add_test(tc, test_repeated_and_sequences);
	tcase_add_test(tc, test_blocklist);
	tcase_add_test(tc, test_username);
	tcase_add_test(tc, test_town);
	tcase_add_test(tc, test_reason_text);
	suite_add_tcase(s, tc);
	return (s);
}

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(passpolicy_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
