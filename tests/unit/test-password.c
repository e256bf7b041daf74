#include "config.h"

#include "guichet/password.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/err.h"

#define FAST_COST	10	/* quick; each string carries its own cost */

/* Written by Python's hashlib.scrypt with salt 00 01 .. 0f, so a mix-up of
 * N, r, p, salt or encoding in our code cannot go unnoticed. */
static const char kat_ascii[] = "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU";
static const char kat_utf8[] = "$scrypt$ln=11,r=4,p=2$AAECAwQFBgcICQoLDA0ODw"
    "$ChYkuFmEFqqxR3FyLrBE2SDqkPmOsZm4FM3tqxNVBU4";
static const char kat_empty[] = "$scrypt$ln=10,r=1,p=1$AAECAwQFBgcICQoLDA0ODw"
    "$stES2gu5cPCYTns1hEfg1UV0Stfk6gUpRJTVdkkXQuk";

/* Hashes at the fast cost and fails the test unless that worked. */
static void
hash_fast(const char *password, char *out)
{
	ck_assert_int_eq(password_hash_cost(password, FAST_COST, out,
	    PASSWORD_HASH_MAX), G_OK);
}

START_TEST(test_round_trip)
{
	char	h[PASSWORD_HASH_MAX];

	hash_fast("correct horse battery staple", h);
	ck_assert_int_eq(strncmp(h, "$scrypt$ln=10,r=8,p=1$", 22), 0);
	ck_assert_uint_eq(strlen(h), 22 + 22 + 1 + 43);
	ck_assert_int_eq(password_verify("correct horse battery staple", h),
	    G_OK);
}
END_TEST

START_TEST(test_default_cost)
{
	char	h[PASSWORD_HASH_MAX];

	ck_assert_int_eq(password_hash("primăria-are-grădină", h, sizeof h),
	    G_OK);
	ck_assert_int_eq(strncmp(h, "$scrypt$ln=15,r=8,p=1$", 22), 0);
	ck_assert_int_eq(password_verify("primăria-are-grădină", h), G_OK);
	ck_assert_int_eq(password_verify("primaria-are-gradina", h),
	    G_ERR_AUTH);
}
END_TEST

START_TEST(test_wrong_password)
{
	char	h[PASSWORD_HASH_MAX];

	hash_fast("correct horse battery staple", h);
	ck_assert_int_eq(password_verify("correct horse battery stapl", h),
	    G_ERR_AUTH);
	ck_assert_int_eq(password_verify("correct horse battery staple ", h),
	    G_ERR_AUTH);
	ck_assert_int_eq(password_verify("Correct horse battery staple", h),
	    G_ERR_AUTH);
	ck_assert_int_eq(password_verify("", h), G_ERR_AUTH);
}
END_TEST

START_TEST(test_salt_differs)
{
	char	a[PASSWORD_HASH_MAX], b[PASSWORD_HASH_MAX];

	hash_fast("same password twice", a);
	hash_fast("same password twice", b);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(password_verify("same password twice", a), G_OK);
	ck_assert_int_eq(password_verify("same password twice", b), G_OK);
}
END_TEST

START_TEST(test_utf8)
{
	char	h[PASSWORD_HASH_MAX];

	hash_fast("Ștefan-parolă-lungă", h);
	ck_assert_int_eq(password_verify("Ștefan-parolă-lungă", h), G_OK);
	/* No normalisation: s-cedilla is not s-comma, nor decomposed Ș. */
	ck_assert_int_eq(password_verify("Ştefan-parolă-lungă", h),
	    G_ERR_AUTH);
	ck_assert_int_eq(password_verify("S\xcc\xa6tefan-parolă-lungă", h),
	    G_ERR_AUTH);
	ck_assert_int_eq(password_verify("Stefan-parola-lunga", h),
	    G_ERR_AUTH);

	hash_fast("Ο κωδικός μου είναι μακρύς", h);
	ck_assert_int_eq(password_verify("Ο κωδικός μου είναι μακρύς", h),
	    G_OK);
	ck_assert_int_eq(password_verify("Ο κωδικος μου ειναι μακρυς", h),
	    G_ERR_AUTH);
}
END_TEST

START_TEST(test_empty_password)
{
	char	h[PASSWORD_HASH_MAX];

	hash_fast("", h);
	ck_assert_int_eq(password_verify("", h), G_OK);
	ck_assert_int_eq(password_verify(" ", h), G_ERR_AUTH);
}
END_TEST

START_TEST(test_known_answers)
{
	ck_assert_int_eq(password_verify("correct horse battery staple",
	    kat_ascii), G_OK);
	ck_assert_int_eq(password_verify("correct horse battery staplE",
	    kat_ascii), G_ERR_AUTH);
	ck_assert_int_eq(password_verify("Ștefan-parolă-lungă", kat_utf8),
	    G_OK);
	ck_assert_int_eq(password_verify("", kat_empty), G_OK);
}
END_TEST

START_TEST(test_truncated)
{
	char	h[PASSWORD_HASH_MAX];
	size_t	len, i;

	hash_fast("truncate me please", h);
	len = strlen(h);
	for (i = 0; i < len; i++) {
		h[i] = '\0';
		ck_assert_msg(password_verify("truncate me please", h) ==
		    G_ERR_INVALID, "prefix of length %zu accepted", i);
		hash_fast("truncate me please", h);
	}
	ck_assert_int_eq(password_verify("truncate me please", h), G_OK);
}
END_TEST

static const char *const malformed[] = {
	"",
	"$",
	"$scrypt$",
	"scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$SCRYPT$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	/* parameters out of range, misspelt or reordered */
	"$scrypt$ln=0,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=9,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=21,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=17,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"	/* 128 MiB+ */
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=99999999999999999999999,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=-10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=+10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=010,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln= 10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=0,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=33,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=8,p=0$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=8,p=17$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$r=8,ln=10,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=8$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=8,p=1,x=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	/* bad base64: stray characters, padding, url alphabet, spare bits */
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0OD*"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw=="
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU=",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S_AXJlRU",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODx"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRV",
	"$scrypt$ln=10,r=8,p=1$AAEC AwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	/* wrong lengths, extra fields, trailing bytes */
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0O"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRUAA",
	"$scrypt$ln=10,r=8,p=1$$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU$",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU\n",
	"$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw"
	    "$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU ",
	/* other schemes */
	"$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
	"$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
	"correct horse battery staple",
	NULL
};

START_TEST(test_malformed)
{
	const char *const	*m;

	for (m = malformed; *m != NULL; m++) {
		ck_assert_msg(password_verify("correct horse battery staple",
		    *m) == G_ERR_INVALID, "accepted: %s", *m);
	}
	ck_assert_int_eq(password_verify("x", NULL), G_ERR_INVALID);
	ck_assert_int_eq(password_verify(NULL, kat_ascii), G_ERR_INVALID);
}
END_TEST

START_TEST(test_hash_bad_arguments)
{
	char	h[PASSWORD_HASH_MAX];

	ck_assert_int_ne(password_hash_cost("pw", 9, h, sizeof h), G_OK);
	ck_assert_int_ne(password_hash_cost("pw", 21, h, sizeof h), G_OK);
	ck_assert_int_ne(password_hash_cost("pw", 17, h, sizeof h), G_OK);
	ck_assert_int_ne(password_hash_cost("pw", -1, h, sizeof h), G_OK);
	ck_assert_int_ne(password_hash_cost("pw", FAST_COST, h, 88), G_OK);
	ck_assert_str_eq(h, "");
	ck_assert_int_eq(password_hash_cost("pw", FAST_COST, h, 89), G_OK);
	ck_assert_int_ne(password_hash_cost(NULL, FAST_COST, h, sizeof h),
	    G_OK);
	ck_assert_int_ne(password_hash_cost("pw", FAST_COST, NULL, 0), G_OK);
}
END_TEST

START_TEST(test_random_bytes)
{
	unsigned char	a[32], b[32];

	memset(a, 0, sizeof a);
	memset(b, 0, sizeof b);
	ck_assert_int_eq(random_bytes(a, sizeof a), G_OK);
	ck_assert_int_eq(random_bytes(b, sizeof b), G_OK);
	ck_assert_int_ne(memcmp(a, b, sizeof a), 0);
	ck_assert_int_eq(random_bytes(a, 0), G_OK);
	ck_assert_int_eq(random_bytes(NULL, 0), G_OK);
}
END_TEST

START_TEST(test_secret_wipe)
{
	unsigned char	buf[24];
	size_t		i;

	memset(buf, 0xa5, sizeof buf);
	secret_wipe(buf, sizeof buf);
	for (i = 0; i < sizeof buf; i++)
		ck_assert_uint_eq(buf[i], 0);
	secret_wipe(NULL, 0);
}
END_TEST

/* Gathers the cases; the default-cost test gets a long timeout for slow
 * machines and valgrind. */
static Suite *
password_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("password");
	tc = tcase_create("core");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_default_cost);
	tcase_add_test(tc, test_wrong_password);
	tcase_add_test(tc, test_salt_differs);
	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_empty_password);
	tcase_add_test(tc, test_known_answers);
	tcase_add_test(tc, test_truncated);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_hash_bad_arguments);
	tcase_add_test(tc, test_random_bytes);
	tcase_add_test(tc, test_secret_wipe);
	suite_add_tcase(s, tc);
	return (s);
}

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(password_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
