#include "config.h"

#include "guichet/demo.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/embedded.h"
#include "guichet/err.h"
#include "guichet/ident.h"

#define PEOPLE	10000
#define SEED	20261125ULL

/* Tells whether s is well-formed UTF-8 without control characters; kept
 * apart from the module's own decoder so that a bug there shows here. */
static bool
utf8_ok(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned int		 c, need, i;

	while (*p != '\0') {
		c = *p++;
		if (c < 0x20 || c == 0x7f)
			return (false);
		if (c < 0x80)
			continue;
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, c &= 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, c &= 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, c &= 0x07;
		else
			return (false);
		for (i = 0; i < need; i++) {
			if ((*p & 0xc0) != 0x80)
				return (false);
			c = (c << 6) | (*p++ & 0x3f);
		}
		if ((need == 2 && (c < 0x800 || (c >= 0xd800 &&
		    c <= 0xdfff))) || (need == 3 && (c < 0x10000 ||
		    c > 0x10ffff)))
			return (false);
	}
	return (true);
}

/* Tells whether s is n ASCII digits. */
static bool
all_digits(const char *s, size_t n)
{
	size_t	i;

	if (strlen(s) != n)
		return (false);
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (false);
	}
	return (true);
}

/* Reads two digits as a number. */
static int
two(const char *s)
{
	return ((s[0] - '0') * 10 + (s[1] - '0'));
}

/* Orders id strings for qsort. */
static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(a, b));
}

/* Fails when the sorted table of n ids of size bytes holds a repeat. */
static void
no_duplicates(char *ids, size_t n, size_t size, const char *what)
{
	size_t	i;

	qsort(ids, n, size, cmp_str);
	for (i = 1; i < n; i++) {
		ck_assert_msg(strcmp(ids + (i - 1) * size,
		    ids + i * size) != 0, "duplicate %s %s", what,
		    ids + i * size);
	}
}

/* Loads the built-in lists of country, failing the test on error. */
static struct demo_lists *
lists_load(enum country country)
{
	struct demo_lists	*l;
	char			*cause = NULL;
	int			 rc;

	rc = demo_lists_new(country, embedded_demo, &l, &cause);
	ck_assert_msg(rc == G_OK, "lists: %s", cause ? cause : "?");
	ck_assert_ptr_nonnull(l);
	ck_assert_ptr_null(cause);
	return (l);
}

/* Checks what both countries share: names, address, phone, e-mail. */
static void
common_checks(const struct person *p, const char *domain)
{
	const char	*fields[] = {
		p->surname, p->given_names, p->former_names,
		p->address.town, p->address.district, p->address.street,
		p->address.number, p->address.block, p->address.staircase,
		p->address.floor, p->address.apartment, p->phone, p->email
	};
	const char	*c;
	size_t		 i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		ck_assert_msg(utf8_ok(fields[i]), "bad UTF-8: %s", fields[i]);
	ck_assert_str_ne(p->surname, "");
	ck_assert_str_ne(p->given_names, "");
	ck_assert_str_ne(p->address.town, "");
	ck_assert_str_ne(p->address.street, "");
	ck_assert_str_ne(p->address.number, "");
	ck_assert_str_ne(p->phone, "");
	ck_assert_int_eq(p->id, 0);
	ck_assert_int_eq(p->level, LEVEL_NONE);
	ck_assert(p->contact == CONTACT_PHONE || p->contact == CONTACT_EMAIL ||
	    p->contact == CONTACT_POST);
	ck_assert(p->birth_date.year >= DEMO_YEAR_FIRST &&
	    p->birth_date.year <= DEMO_YEAR_LAST);
	ck_assert(date_valid(p->birth_date.year, p->birth_date.month,
	    p->birth_date.day));
	/* e-mail: lower-case ASCII local part, one @, the demo domain */
	c = strchr(p->email, '@');
	ck_assert_msg(c != NULL && c != p->email && strcmp(c + 1, domain) ==
	    0, "e-mail %s", p->email);
	for (c = p->email; *c != '@'; c++) {
		ck_assert_msg((*c >= 'a' && *c <= 'z') || (*c >= '0' &&
		    *c <= '9') || *c == '.' || *c == '-', "e-mail %s",
		    p->email);
	}
	/* a former name is never the current one */
	if (*p->former_names != '\0')
		ck_assert_str_ne(p->former_names, p->surname);
}

/* Fails on the cedilla look-alikes of ș and ț anywhere in s. */
static void
no_cedilla(const char *s)
{
	/* Ş ş Ţ ţ */
	ck_assert_msg(strstr(s, "\xc5\x9e") == NULL &&
	    strstr(s, "\xc5\x9f") == NULL && strstr(s, "\xc5\xa2") == NULL &&
	    strstr(s, "\xc5\xa3") == NULL, "cedilla in %s", s);
}

START_TEST(test_ro_people)
{
	struct demo_lists	*l;
	struct demo_rng		 rng;
	struct person		 p;
	struct date		 d;
	char			*cnps;
	size_t			 i, former = 0, women = 0, flats = 0;
	size_t			 contact[3] = { 0, 0, 0 };
	int			 s, jj, ymin = 9999, ymax = 0;

	l = lists_load(COUNTRY_RO);
	cnps = calloc(PEOPLE, sizeof p.cnp);
	ck_assert_ptr_nonnull(cnps);
	demo_rng_seed(&rng, SEED);
	for (i = 0; i < PEOPLE; i++) {
		demo_person_make(l, &rng, i, &p);
		common_checks(&p, "example.ro");
		ck_assert_str_eq(p.country, "RO");
		ck_assert_str_eq(p.afm, "");
		ck_assert_str_eq(p.amka, "");
		ck_assert_msg(ident_check_cnp(p.cnp) == NULL, "CNP %s: %s",
		    p.cnp, ident_check_cnp(p.cnp));
		ck_assert(ident_cnp_birth_date(p.cnp, &d));
		ck_assert_msg(date_cmp(d, p.birth_date) == 0, "CNP %s vs "
		    "%d-%d-%d", p.cnp, p.birth_date.year,
		    p.birth_date.month, p.birth_date.day);
		s = p.cnp[0] - '0';
		ck_assert(p.birth_date.year < 2000 ? s == 1 || s == 2 :
		    s == 5 || s == 6);
		jj = two(p.cnp + 7);
		ck_assert((jj >= 1 && jj <= 46) || jj == 51 || jj == 52);
		/* Bucharest sectors are counties 41-46 */
		if (strcmp(p.address.town, "București") == 0)
			ck_assert(jj >= 41 && jj <= 46);
		ck_assert_msg(all_digits(p.address.postal_code, 6), "postal "
		    "code %s", p.address.postal_code);
		ck_assert_msg(strlen(p.phone) == 12 && strncmp(p.phone, "07",
		    2) == 0 && p.phone[4] == ' ' && p.phone[8] == ' ',
		    "phone %s", p.phone);
		no_cedilla(p.surname);
		no_cedilla(p.given_names);
		no_cedilla(p.address.street);
		no_cedilla(p.address.town);
		memcpy(cnps + i * sizeof p.cnp, p.cnp, sizeof p.cnp);
		if (s % 2 == 0) {
			women++;
			if (*p.former_names != '\0')
				former++;
		} else
			ck_assert_str_eq(p.former_names, "");
		if (*p.address.block != '\0')
			flats++;
		contact[p.contact]++;
		if (p.birth_date.year < ymin)
			ymin = p.birth_date.year;
		if (p.birth_date.year > ymax)
			ymax = p.birth_date.year;
	}
	no_duplicates(cnps, PEOPLE, sizeof p.cnp, "CNP");
	/* the crowd looks like a town: loose bounds, not exact rates */
	ck_assert(women > PEOPLE * 4 / 10 && women < PEOPLE * 6 / 10);
	ck_assert(former > women / 10 && former < women / 2);
	ck_assert(flats > PEOPLE / 3 && flats < PEOPLE * 3 / 4);
	ck_assert(contact[CONTACT_PHONE] > PEOPLE / 10);
	ck_assert(contact[CONTACT_EMAIL] > PEOPLE / 10);
	ck_assert(contact[CONTACT_POST] > PEOPLE / 20);
	ck_assert_int_le(ymin, DEMO_YEAR_FIRST + 1);
	ck_assert_int_ge(ymax, DEMO_YEAR_LAST - 1);
	free(cnps);
	demo_lists_free(l);
}
END_TEST

START_TEST(test_gr_people)
{
	struct demo_lists	*l;
	struct demo_rng		 rng;
	struct person		 p;
	char			*afms, *amkas;
	size_t			 i, former = 0;
	bool			 greek;

	l = lists_load(COUNTRY_GR);
	afms = calloc(PEOPLE, sizeof p.afm);
	amkas = calloc(PEOPLE, sizeof p.amka);
	ck_assert_ptr_nonnull(afms);
	ck_assert_ptr_nonnull(amkas);
	demo_rng_seed(&rng, SEED);
	for (i = 0; i < PEOPLE; i++) {
		demo_person_make(l, &rng, i, &p);
		common_checks(&p, "example.gr");
		ck_assert_str_eq(p.country, "GR");
		ck_assert_str_eq(p.cnp, "");
		ck_assert_msg(ident_check_afm(p.afm) == NULL, "AFM %s: %s",
		    p.afm, ident_check_afm(p.afm));
		ck_assert_msg(ident_check_amka(p.amka) == NULL, "AMKA %s: %s",
		    p.amka, ident_check_amka(p.amka));
		ck_assert_int_eq(two(p.amka), p.birth_date.day);
		ck_assert_int_eq(two(p.amka + 2), p.birth_date.month);
		ck_assert_int_eq(two(p.amka + 4), p.birth_date.year % 100);
		ck_assert_msg(all_digits(p.address.postal_code, 5), "postal "
		    "code %s", p.address.postal_code);
		ck_assert_msg(strlen(p.phone) == 12 && strncmp(p.phone, "69",
		    2) == 0 && p.phone[3] == ' ' && p.phone[7] == ' ',
		    "phone %s", p.phone);
		/* names in Greek letters: the first byte of Α-ω is CE/CF */
		greek = ((unsigned char)p.surname[0] == 0xce ||
		    (unsigned char)p.surname[0] == 0xcf);
		ck_assert_msg(greek, "surname %s", p.surname);
		memcpy(afms + i * sizeof p.afm, p.afm, sizeof p.afm);
		memcpy(amkas + i * sizeof p.amka, p.amka, sizeof p.amka);
		/* the 10th AMKA digit is odd for men, who keep their name */
		if ((p.amka[9] - '0') % 2 == 1)
			ck_assert_str_eq(p.former_names, "");
		else if (*p.former_names != '\0')
			former++;
	}
	no_duplicates(afms, PEOPLE, sizeof p.afm, "AFM");
	no_duplicates(amkas, PEOPLE, sizeof p.amka, "AMKA");
	ck_assert(former > 0 && former < PEOPLE / 5);
	free(afms);
	free(amkas);
	demo_lists_free(l);
}
END_TEST

/* Tells whether two people are the same in every field that is made. */
static bool
same_person(const struct person *a, const struct person *b)
{
	return (strcmp(a->cnp, b->cnp) == 0 && strcmp(a->afm, b->afm) == 0 &&
	    strcmp(a->amka, b->amka) == 0 &&
	    strcmp(a->surname, b->surname) == 0 &&
	    strcmp(a->given_names, b->given_names) == 0 &&
	    strcmp(a->former_names, b->former_names) == 0 &&
	    date_cmp(a->birth_date, b->birth_date) == 0 &&
	    memcmp(&a->address, &b->address, sizeof a->address) == 0 &&
	    strcmp(a->phone, b->phone) == 0 &&
	    strcmp(a->email, b->email) == 0 && a->contact == b->contact);
}

START_TEST(test_seed)
{
	struct demo_lists	*l;
	struct demo_rng		 r1, r2, r3;
	struct person		 a, b, c;
	enum country		 country;
	int			 i;

	for (country = COUNTRY_RO; country < COUNTRY_COUNT; country++) {
		l = lists_load(country);
		demo_rng_seed(&r1, 42);
		demo_rng_seed(&r2, 42);
		demo_rng_seed(&r3, 43);
		for (i = 0; i < 50; i++) {
			demo_person_make(l, &r1, (uint64_t)i, &a);
			demo_person_make(l, &r2, (uint64_t)i, &b);
			demo_person_make(l, &r3, (uint64_t)i, &c);
			ck_assert(same_person(&a, &b));
			ck_assert(!same_person(&a, &c));
			if (country == COUNTRY_RO)
				ck_assert_str_ne(a.cnp, c.cnp);
			else
				ck_assert_str_ne(a.amka, c.amka);
		}
		demo_lists_free(l);
	}
}
END_TEST

/* The council decisions: a dozen over the two years up to today, on
 * working days, numbered per year as their days go, alike for a seed. */
START_TEST(test_decisions)
{
	static const struct date todays[] = { { 2026, 11, 25 },
		{ 2027, 1, 4 } };
	struct demo_decision a[DEMO_DECISIONS], b[DEMO_DECISIONS];
	char number[DECISION_NUMBER_LEN];
	struct demo_rng r1, r2;
	enum country country;
	int32_t today, day, before;
	size_t t, i;

	for (country = COUNTRY_RO; country < COUNTRY_COUNT; country++)
	for (t = 0; t < sizeof todays / sizeof todays[0]; t++) {
		demo_rng_seed(&r1, SEED);
		demo_rng_seed(&r2, SEED);
		demo_decisions_make(country, &r1, todays[t], a);
		demo_decisions_make(country, &r2, todays[t], b);
		ck_assert(memcmp(a, b, sizeof a) == 0);
		today = date_to_days(todays[t]);
		before = today - 730;
		for (i = 0; i < DEMO_DECISIONS; i++) {
			day = date_to_days(a[i].adopted);
			ck_assert_int_gt(day, before);
			ck_assert_int_le(day, today);
			ck_assert(working_day_is(country, a[i].adopted,
			    NULL));
			ck_assert_int_eq(a[i].year, a[i].adopted.year);
			ck_assert_int_ge(a[i].number, 1);
			ck_assert_int_le(a[i].number, DECISION_NUMBER_MAX);
			if (i > 0 && a[i - 1].year == a[i].year)
				ck_assert_int_gt(a[i].number,
				    a[i - 1].number);
			ck_assert(utf8_ok(a[i].title));
			ck_assert(utf8_ok(a[i].heading));
			ck_assert_ptr_null(strchr(a[i].title, '%'));
			decision_number_format(a[i].number, a[i].year, number,
			    sizeof number);
			ck_assert_ptr_nonnull(strstr(a[i].heading, number));
			ck_assert_ptr_nonnull(strstr(a[i].body,
			    strchr(a[i].dated, ' ') + 1));
			before = day;
		}
		ck_assert_str_eq(a[0].council, country == COUNTRY_RO ?
		    "Consiliul Local" : "Δημοτικό Συμβούλιο");
	}
}
END_TEST

START_TEST(test_rng)
{
	struct demo_rng	rng;
	uint64_t	seen[7] = { 0 };
	int		i;

	demo_rng_seed(&rng, 1);
	ck_assert_uint_eq(demo_rng_below(&rng, 0), 0);
	ck_assert_uint_eq(demo_rng_below(&rng, 1), 0);
	for (i = 0; i < 7000; i++)
		seen[demo_rng_below(&rng, 7)]++;
	for (i = 0; i < 7; i++)
		ck_assert(seen[i] > 800 && seen[i] < 1200);
}
END_TEST

/*
 * Runs demo_lists_new with file replaced by text in a copy of the built-in
 * set (text NULL: the file left out) and checks the code and that the
 * cause starts with want.
 */
static void
broken(enum country country, const char *file, const char *text, int code,
    const char *want)
{
	struct embedded_file	 set[32];
	struct demo_lists	*l = (struct demo_lists *)&l;
	char			*cause = NULL;
	size_t			 i, n = 0;
	int			 rc;

	for (i = 0; embedded_demo[i].name != NULL; i++) {
		ck_assert_uint_lt(n, 31);
		set[n] = embedded_demo[i];
		if (strcmp(set[n].name, file) == 0) {
			if (text == NULL)
				continue;
			set[n].text = text;
			set[n].len = strlen(text);
		}
		n++;
	}
	set[n].name = NULL;
	rc = demo_lists_new(country, set, &l, &cause);
	ck_assert_int_eq(rc, code);
	ck_assert_ptr_null(l);
	ck_assert_ptr_nonnull(cause);
	ck_assert_msg(strncmp(cause, want, strlen(want)) == 0,
	    "cause \"%s\", wanted \"%s...\"", cause, want);
	free(cause);
}

START_TEST(test_malformed)
{
	broken(COUNTRY_RO, "ro-towns.txt",
	    "# towns\nCluj-Napoca|12|400|\n\nTimișoara|35|300\n",
	    G_ERR_INVALID, "ro-towns.txt:4: expected 4 fields separated by "
	    "'|', found 3");
	broken(COUNTRY_RO, "ro-towns.txt", "Nowhere|99|400|\n",
	    G_ERR_INVALID, "ro-towns.txt:1: county code must be");
	broken(COUNTRY_RO, "ro-towns.txt", "Arad|02|31|\n",
	    G_ERR_INVALID, "ro-towns.txt:1: postal code prefix");
	broken(COUNTRY_RO, "ro-towns.txt", "|02|310|\n",
	    G_ERR_INVALID, "ro-towns.txt:1: empty town name");
	/* Ş with a cedilla, not Ș with a comma below */
	broken(COUNTRY_RO, "ro-given-male.txt", "Ion\nŞtefan\n",
	    G_ERR_INVALID, "ro-given-male.txt:2: cedilla");
	broken(COUNTRY_RO, "ro-surnames.txt", "Pop\nPop\xff" "escu\n",
	    G_ERR_INVALID, "ro-surnames.txt:2: not valid UTF-8");
	broken(COUNTRY_RO, "ro-streets.txt", "# only comments\n\n",
	    G_ERR_INVALID, "ro-streets.txt: no entries");
	broken(COUNTRY_RO, "ro-surnames.txt", NULL, G_ERR_NOTFOUND,
	    "ro-surnames.txt: not built in");
	broken(COUNTRY_GR, "gr-surnames.txt",
	    "Μακρής|\n",
	    G_ERR_INVALID, "gr-surnames.txt:1: empty name");
	broken(COUNTRY_GR, "gr-towns.txt", "A|105|\nB|1050|\n",
	    G_ERR_INVALID, "gr-towns.txt:2: postal code prefix");
	broken(COUNTRY_GR, "gr-given-female.txt",
	    "0123456789012345678901234567890123456789012345678901234567890\n",
	    G_ERR_INVALID, "gr-given-female.txt:1: name longer");
}
END_TEST

/* Checks one transliteration. */
static void
ascii_is(const char *name, const char *want)
{
	char	out[64];

	demo_ascii(name, out, sizeof out);
	ck_assert_msg(strcmp(out, want) == 0, "%s gave %s, wanted %s", name,
	    out, want);
}

START_TEST(test_ascii)
{
	char	out[4];

	ascii_is("Ștefan", "stefan");
	ascii_is("Țărână", "tarana");
	ascii_is("Szőcs", "szocs");
	ascii_is("Müller", "muller");
	ascii_is("Popescu-Ionescu", "popescu-ionescu");
	ascii_is("Ana Maria", "anamaria");
	ascii_is("Γιώργος", "giorgos");
	ascii_is("Παπαδόπουλος", "papadopoulos");
	ascii_is("Ευαγγελία", "evangelia");	/* ευ before a vowel, γγ */
	ascii_is("Ευθυμίου", "efthymiou");	/* ευ before θ */
	ascii_is("Μπακογιάννης", "bakogiannis");	/* μπ first */
	ascii_is("Λαμπρόπουλος", "lampropoulos");	/* μπ inside */
	ascii_is("Νικολαΐδης", "nikolaidis");
	ascii_is("Ταϋγέτου", "taygetou");	/* the diaeresis splits αυ */
	ascii_is("Χρήστος", "christos");
	ascii_is("Ψαράς", "psaras");
	ascii_is("Παύλος", "pavlos");
	ascii_is("Θεόδωρος", "theodoros");
	ascii_is("x\xff" "y", "xy");
	demo_ascii("Popescu", out, sizeof out);
	ck_assert_str_eq(out, "pop");
}
END_TEST

/* Gathers the cases; generating 2 x 10,000 people under sanitizers takes
 * a few seconds. */
static Suite *
demo_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("demo");
	tc = tcase_create("people");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_ro_people);
	tcase_add_test(tc, test_gr_people);
	tcase_add_test(tc, test_seed);
	tcase_add_test(tc, test_decisions);
	tcase_add_test(tc, test_rng);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_ascii);
	suite_add_tcase(s, tc);
	return (s);
}

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(demo_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
