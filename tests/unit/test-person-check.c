#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/person-check.h"

#define MAXP	PF_COUNT

static const struct date today = { 2026, 5, 10 };

/* Fills a buffer as a form would, refusing what does not fit. */
#define SET(buf, s) do {						\
	ck_assert(strlen(s) < sizeof (buf));				\
	memcpy((buf), (s), strlen(s) + 1);				\
} while (0)

/* Builds a date in one expression. */
static struct date
D(int y, int m, int d)
{
	struct date	r = { y, m, d };

	return (r);
}

/* Returns a valid Romanian person: Ștefan Țărână, born 1980-01-01. */
static struct person
ro_person(void)
{
	struct person	p;

	memset(&p, 0, sizeof p);
	SET(p.cnp, "1800101221144");
	SET(p.surname, "Țărână");
	SET(p.given_names, "Ștefan");
	SET(p.address.town, "Iași");
	SET(p.address.district, "");
	SET(p.address.street, "Strada Lăpușneanu");
	SET(p.address.number, "12A");
	SET(p.address.block, "B4");
	SET(p.address.staircase, "A");
	SET(p.address.floor, "3");
	SET(p.address.apartment, "14");
	SET(p.address.postal_code, "700057");
	SET(p.phone, "+40 (232) 123-456");
	SET(p.email, "stefan.tarana@example.ro");
	p.contact = CONTACT_PHONE;
	return (p);
}

/* Returns a valid Greek person, whose AMKA says 1930-01-01. */
static struct person
gr_person(void)
{
	struct person	p;

	memset(&p, 0, sizeof p);
	SET(p.afm, "094259216");
	SET(p.amka, "01013099997");
	SET(p.surname, "Παπαδόπουλος");
	SET(p.given_names, "Νικόλαος");
	SET(p.address.town, "Αθήνα");
	SET(p.address.street, "Οδός Ερμού");
	SET(p.address.number, "25");
	SET(p.address.postal_code, "105 57");
	SET(p.email, "nikos@example.gr");
	p.contact = CONTACT_EMAIL;
	return (p);
}

/* Runs person_check and asserts exactly one problem, on field, whose
 * reason contains words. */
static void
one_problem(struct person *p, enum country c, enum person_field field,
    const char *words)
{
	struct person_problem	pr[MAXP];
	int			n, i;

	n = person_check(p, c, today, pr, MAXP);
	for (i = 0; n != 1 && i < n && i < MAXP; i++)
		fprintf(stderr, "  [%d] %s\n", pr[i].field, pr[i].reason);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(pr[0].field, field);
	ck_assert_msg(strstr(pr[0].reason, words) != NULL,
	    "got \"%s\", want \"%s\"", pr[0].reason, words);
}

/* Asserts person_check finds nothing wrong. */
static void
no_problem(struct person *p, enum country c)
{
	struct person_problem	pr[MAXP];
	int			n, i;

	n = person_check(p, c, today, pr, MAXP);
	for (i = 0; i < n && i < MAXP; i++)
		fprintf(stderr, "  [%d] %s\n", pr[i].field, pr[i].reason);
	ck_assert_int_eq(n, 0);
}

START_TEST(test_ro_valid)
{
	struct person	p;

	p = ro_person();
	no_problem(&p, COUNTRY_RO);
	ck_assert_str_eq(p.country, "RO");
	/* Birth date filled from the CNP. */
	ck_assert_int_eq(p.birth_date.year, 1980);
	ck_assert_int_eq(p.birth_date.month, 1);
	ck_assert_int_eq(p.birth_date.day, 1);
	/* Kept exactly as typed. */
	ck_assert_str_eq(p.surname, "Țărână");
	ck_assert_str_eq(p.phone, "+40 (232) 123-456");

	/* The same date typed by the clerk agrees. */
	p = ro_person();
	p.birth_date = D(1980, 1, 1);
	no_problem(&p, COUNTRY_RO);
}
END_TEST

START_TEST(test_gr_valid)
{
	struct person	p;

	p = gr_person();
	no_problem(&p, COUNTRY_GR);
	ck_assert_str_eq(p.country, "GR");
	ck_assert_int_eq(p.birth_date.year, 1930);
	ck_assert_int_eq(p.birth_date.month, 1);
	ck_assert_int_eq(p.birth_date.day, 1);
	/* The blank of "105 57" goes. */
	ck_assert_str_eq(p.address.postal_code, "10557");

	/* An old 8-digit AFM gets its leading zero. */
	p = gr_person();
	SET(p.afm, "94259216");
	no_problem(&p, COUNTRY_GR);
	ck_assert_str_eq(p.afm, "094259216");

	/* AMKA from 2005: the 2000s, since that is not in the future. */
	p = gr_person();
	SET(p.amka, "01010500005");
	no_problem(&p, COUNTRY_GR);
	ck_assert_int_eq(p.birth_date.year, 2005);
	p = gr_person();
	SET(p.amka, "29020000005");
	no_problem(&p, COUNTRY_GR);
	ck_assert_int_eq(p.birth_date.year, 2000);
	ck_assert_int_eq(p.birth_date.month, 2);
	ck_assert_int_eq(p.birth_date.day, 29);

	/* A centenarian types the date; only YY is compared. */
	p = gr_person();
	SET(p.amka, "01010500005");
	p.birth_date = D(1905, 1, 1);
	no_problem(&p, COUNTRY_GR);
	ck_assert_int_eq(p.birth_date.year, 1905);
}
END_TEST

START_TEST(test_trim)
{
	struct person	p;

	p = ro_person();
	SET(p.surname, "  Țărână ");
	SET(p.given_names, "\tȘtefan  Ion  ");
	SET(p.address.town, " Iași ");
	SET(p.email, " stefan@example.ro ");
	no_problem(&p, COUNTRY_RO);
	ck_assert_str_eq(p.surname, "Țărână");
	ck_assert_str_eq(p.given_names, "Ștefan  Ion");
	ck_assert_str_eq(p.address.town, "Iași");
	ck_assert_str_eq(p.email, "stefan@example.ro");
}
END_TEST

START_TEST(test_ids_ro)
{
	struct person	p;

	p = ro_person();
	SET(p.cnp, "");
	one_problem(&p, COUNTRY_RO, PF_CNP, "CNP: required");
	p = ro_person();
	SET(p.cnp, "1800101221145");
	one_problem(&p, COUNTRY_RO, PF_CNP, "CNP: the check digit");
	p = ro_person();
	SET(p.cnp, "180010122114");
	one_problem(&p, COUNTRY_RO, PF_CNP, "CNP: must be 13 digits");
	p = ro_person();
	SET(p.afm, "094259216");
	one_problem(&p, COUNTRY_RO, PF_AFM, "AFM: leave empty");
	p = ro_person();
	SET(p.amka, "01013099997");
	one_problem(&p, COUNTRY_RO, PF_AMKA, "AMKA: leave empty");
}
END_TEST

START_TEST(test_ids_gr)
{
	struct person	p;

	p = gr_person();
	SET(p.afm, "");
	one_problem(&p, COUNTRY_GR, PF_AFM, "AFM: required");
	p = gr_person();
	SET(p.afm, "094259217");
	one_problem(&p, COUNTRY_GR, PF_AFM, "AFM: the check digit");
	p = gr_person();
	SET(p.amka, "");
	one_problem(&p, COUNTRY_GR, PF_AMKA, "AMKA: required");
	p = gr_person();
	SET(p.amka, "01013099998");
	one_problem(&p, COUNTRY_GR, PF_AMKA, "AMKA: the check digit");
	p = gr_person();
	SET(p.cnp, "1800101221144");
	one_problem(&p, COUNTRY_GR, PF_CNP, "CNP: leave empty");
}
END_TEST

START_TEST(test_birth_date)
{
	struct person	p;

	p = ro_person();
	p.birth_date = D(1980, 1, 2);
	one_problem(&p, COUNTRY_RO, PF_BIRTH_DATE,
	    "Birth date: does not match the CNP; check both");
	p = ro_person();
	p.birth_date = D(2080, 1, 1);		/* century differs */
	one_problem(&p, COUNTRY_RO, PF_BIRTH_DATE, "does not match the CNP");
	/* A resident's CNP gives no century: only YYMMDD is compared. */
	p = ro_person();
	SET(p.cnp, "7800101221145");
	no_problem(&p, COUNTRY_RO);
	ck_assert_int_eq(p.birth_date.year, 0);	/* left unknown */
	p.birth_date = D(1980, 1, 1);
	no_problem(&p, COUNTRY_RO);
	p.birth_date = D(1981, 1, 1);
	one_problem(&p, COUNTRY_RO, PF_BIRTH_DATE, "does not match the CNP");

	p = gr_person();
	p.birth_date = D(1930, 2, 1);
	one_problem(&p, COUNTRY_GR, PF_BIRTH_DATE,
	    "Birth date: does not match the AMKA; check both");
	p = gr_person();
	p.birth_date = D(1931, 1, 1);
	one_problem(&p, COUNTRY_GR, PF_BIRTH_DATE, "does not match the AMKA");

	p = ro_person();
	p.birth_date = D(1980, 2, 30);
	one_problem(&p, COUNTRY_RO, PF_BIRTH_DATE, "not a real date");
	/* The CNP of someone born in the 1800s: refused as before 1900. */
	p = ro_person();
	SET(p.cnp, "3001231123454");
	one_problem(&p, COUNTRY_RO, PF_BIRTH_DATE, "before 1900");
	/* In the future, with a foreigner's CNP that names no century. */
	p = ro_person();
	SET(p.cnp, "9000229123450");
	p.birth_date = D(2100, 2, 29);		/* not even a date */
	one_problem(&p, COUNTRY_RO, PF_BIRTH_DATE, "not a real date");
	p.birth_date = D(2000, 2, 29);
	no_problem(&p, COUNTRY_RO);
	/* Born today is fine; tomorrow is not. */
	p = ro_person();
	SET(p.cnp, "");
	p.birth_date = D(2026, 5, 11);
	{
		struct person_problem	pr[MAXP];
		int			n;

		n = person_check(&p, COUNTRY_RO, today, pr, MAXP);
		ck_assert_int_eq(n, 2);
		ck_assert_int_eq(pr[0].field, PF_CNP);
		ck_assert_int_eq(pr[1].field, PF_BIRTH_DATE);
		ck_assert_ptr_nonnull(strstr(pr[1].reason, "in the future"));
		p.birth_date = today;
		n = person_check(&p, COUNTRY_RO, today, pr, MAXP);
		ck_assert_int_eq(n, 1);
	}
}
END_TEST

START_TEST(test_names)
{
	static const struct {
		const char	*name;
		const char	*reason;	/* NULL: valid */
	} v[] = {
		{ "O'Brien", NULL },
		{ "O’Brien", NULL },
		{ "Popescu-Ionescu", NULL },
		{ "St. John", NULL },
		{ "Παπαδόπουλος", NULL },
		{ "Szabó Győző", NULL },
		{ "Müller", NULL },
		{ "Ţărână", NULL },			/* cedilla forms */
		{ "S\xcc\xa6tefan", NULL },		/* decomposed Ș */
		{ "Иванов", NULL },
		{ "李", NULL },
		{ "Robert'); DROP TABLE persons;--", "use only letters" },
		{ "Robert1", "use only letters" },
		{ "Ana_Maria", "use only letters" },
		{ "-Ana", "must start with a letter" },
		{ "'Ana", "must start with a letter" },
		{ ".", "must start with a letter" },
		{ "\xcc\xa6" "Ana", "must start with a letter" },
		{ "Ana\x1b[2J", "control character" },
		{ "\x1b[2JAna", "control character" },
		{ "Ana\nMaria", "control character" },
		{ "Ana\xc2\x9b" "2J", "control character" },	/* C1 CSI */
		{ "Ana\xe2\x80\xae" "airaM", "control character" },
		{ "Ana\xff", "invalid text" },
		{ "Ana\xc3", "invalid text" },
		{ "\xed\xa0\x80", "invalid text" },
		{ "", "required" },
		{ "   ", "required" },
	};
	struct person	p;
	size_t		i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		p = ro_person();
		SET(p.surname, v[i].name);
		if (v[i].reason == NULL) {
			no_problem(&p, COUNTRY_RO);
			continue;
		}
		one_problem(&p, COUNTRY_RO, PF_SURNAME, v[i].reason);
	}
	p = ro_person();
	SET(p.given_names, "Ion2");
	one_problem(&p, COUNTRY_RO, PF_GIVEN_NAMES, "Given names: use only");
	p = ro_person();
	SET(p.given_names, "");
	one_problem(&p, COUNTRY_RO, PF_GIVEN_NAMES, "Given names: required");
	p = ro_person();
	SET(p.former_names, "Popescu, Ionescu");
	no_problem(&p, COUNTRY_RO);
	p = ro_person();
	SET(p.former_names, "Popescu; Ionescu");
	one_problem(&p, COUNTRY_RO, PF_FORMER_NAMES, "Former names: use only");
	p = ro_person();
	SET(p.surname, "Popescu, Ionescu");
	one_problem(&p, COUNTRY_RO, PF_SURNAME, "Surname: use only");
}
END_TEST

/* Writes n copies of a UTF-8 character into buf. */
static void
repeat(char *buf, size_t size, const char *ch, int n)
{
	size_t	len = strlen(ch);
	int	i;

	ck_assert(len * (size_t)n < size);
	for (i = 0; i < n; i++)
		memcpy(buf + (size_t)i * len, ch, len);
	buf[(size_t)n * len] = '\0';
}

START_TEST(test_lengths)
{
	struct person	p;

	/* Limits count characters, not bytes. */
	p = ro_person();
	repeat(p.surname, sizeof p.surname, "a", 64);
	no_problem(&p, COUNTRY_RO);
	repeat(p.surname, sizeof p.surname, "a", 65);
	one_problem(&p, COUNTRY_RO, PF_SURNAME, "Surname: too long; at most "
	    "64");
	repeat(p.surname, sizeof p.surname, "ș", 63);
	no_problem(&p, COUNTRY_RO);
	p = ro_person();
	repeat(p.given_names, sizeof p.given_names, "ă", 60);
	no_problem(&p, COUNTRY_RO);
	repeat(p.given_names, sizeof p.given_names, "x", 65);
	one_problem(&p, COUNTRY_RO, PF_GIVEN_NAMES, "Given names: too long");
	p = ro_person();
	repeat(p.former_names, sizeof p.former_names, "a", 128);
	no_problem(&p, COUNTRY_RO);
	repeat(p.former_names, sizeof p.former_names, "ț", 127);
	no_problem(&p, COUNTRY_RO);
	repeat(p.former_names, sizeof p.former_names, "a", 129);
	one_problem(&p, COUNTRY_RO, PF_FORMER_NAMES, "Former names: too long");
	p = ro_person();
	repeat(p.address.town, sizeof p.address.town, "a", 65);
	one_problem(&p, COUNTRY_RO, PF_TOWN, "Town: too long");
	p = ro_person();
	repeat(p.address.district, sizeof p.address.district, "a", 49);
	one_problem(&p, COUNTRY_RO, PF_DISTRICT, "District: too long");
	p = ro_person();
	repeat(p.address.street, sizeof p.address.street, "a", 97);
	one_problem(&p, COUNTRY_RO, PF_STREET, "Street: too long");
	p = ro_person();
	repeat(p.address.number, sizeof p.address.number, "1", 13);
	one_problem(&p, COUNTRY_RO, PF_NUMBER, "Number: too long");
	p = ro_person();
	repeat(p.address.block, sizeof p.address.block, "1", 13);
	one_problem(&p, COUNTRY_RO, PF_BLOCK, "Block: too long");
	p = ro_person();
	repeat(p.address.staircase, sizeof p.address.staircase, "1", 13);
	one_problem(&p, COUNTRY_RO, PF_STAIRCASE, "Staircase: too long");
	p = ro_person();
	repeat(p.address.floor, sizeof p.address.floor, "1", 7);
	one_problem(&p, COUNTRY_RO, PF_FLOOR, "Floor: too long");
	repeat(p.address.floor, sizeof p.address.floor, "1", 6);
	no_problem(&p, COUNTRY_RO);
	p = ro_person();
	repeat(p.address.apartment, sizeof p.address.apartment, "1", 13);
	one_problem(&p, COUNTRY_RO, PF_APARTMENT, "Apartment: too long");
	/* A buffer with no end: refused, never read past. */
	p = ro_person();
	memset(p.surname, 'a', sizeof p.surname);
	one_problem(&p, COUNTRY_RO, PF_SURNAME, "Surname: too long");
}
END_TEST

START_TEST(test_address)
{
	struct person	p;

	p = ro_person();
	SET(p.address.town, "");
	one_problem(&p, COUNTRY_RO, PF_TOWN, "Town: required");
	p = ro_person();
	SET(p.address.street, "");
	one_problem(&p, COUNTRY_RO, PF_STREET, "Street: required");
	p = ro_person();
	SET(p.address.number, "");
	one_problem(&p, COUNTRY_RO, PF_NUMBER, "Number: required");
	p = ro_person();
	SET(p.address.street, "Str. \x1b[2J");
	one_problem(&p, COUNTRY_RO, PF_STREET, "Street: contains invalid");
	p = ro_person();
	SET(p.address.district, "Sector 1");
	SET(p.address.floor, "P");
	SET(p.address.number, "f.n.");
	SET(p.address.street, "Bd. 1 Decembrie 1918");
	no_problem(&p, COUNTRY_RO);
	p = ro_person();
	SET(p.address.district, "Sec\xfftor");
	one_problem(&p, COUNTRY_RO, PF_DISTRICT, "District: contains invalid");

	/* Postal codes by country. */
	p = ro_person();
	SET(p.address.postal_code, "");
	no_problem(&p, COUNTRY_RO);
	SET(p.address.postal_code, "70005");
	one_problem(&p, COUNTRY_RO, PF_POSTAL_CODE, "Postal code: a Romanian");
	SET(p.address.postal_code, "700 057");
	one_problem(&p, COUNTRY_RO, PF_POSTAL_CODE, "6 digits");
	SET(p.address.postal_code, "70005A");
	one_problem(&p, COUNTRY_RO, PF_POSTAL_CODE, "6 digits");
	p = gr_person();
	SET(p.address.postal_code, "10557");
	no_problem(&p, COUNTRY_GR);
	SET(p.address.postal_code, "105  57");
	one_problem(&p, COUNTRY_GR, PF_POSTAL_CODE, "Postal code: a Greek");
	SET(p.address.postal_code, "10 557");
	one_problem(&p, COUNTRY_GR, PF_POSTAL_CODE, "5 digits");
	SET(p.address.postal_code, "700057");
	one_problem(&p, COUNTRY_GR, PF_POSTAL_CODE, "5 digits");
}
END_TEST

START_TEST(test_contact)
{
	static const struct {
		const char	*phone;
		const char	*reason;
	} phones[] = {
		{ "0722123456", NULL },
		{ "+30 210 123 4567", NULL },
		{ "(0232) 21-34-56", NULL },
		{ "123456", NULL },
		{ "+123456789012345", NULL },
		{ "12345", "at least 6" },
		{ "+1234567890123456", "at most 15" },
		{ "0722 123 456 ext 3", "use digits" },
		{ "0722+123456", "use digits" },
		{ "0722123456\x1b", "use digits" },
	};
	static const struct {
		const char	*email;
		const char	*reason;
	} emails[] = {
		{ "ana@example.ro", NULL },
		{ "Ana.Pop+primarie@Mail.Example.GR", NULL },
		{ "o'brien@example.ie", NULL },
		{ "ana", "one address" },
		{ "ana@", "after @" },
		{ "ana@example", "after @" },
		{ "ana@@example.ro", "one address" },
		{ "ana@b@example.ro", "one address" },
		{ "@example.ro", "before @" },
		{ ".ana@example.ro", "before @" },
		{ "ana.@example.ro", "before @" },
		{ "an..a@example.ro", "before @" },
		{ "an a@example.ro", "before @" },
		{ "ana@exa mple.ro", "after @" },
		{ "ana@example..ro", "after @" },
		{ "ana@-example.ro", "after @" },
		{ "ana@example.ro.", "after @" },
		{ "ana@.example.ro", "after @" },
		{ "ană@example.ro", "before @" },
		{ "ana@exămple.ro", "after @" },
	};
	struct person	p;
	size_t		i;

	for (i = 0; i < sizeof phones / sizeof phones[0]; i++) {
		p = ro_person();
		SET(p.phone, phones[i].phone);
		if (phones[i].reason == NULL)
			no_problem(&p, COUNTRY_RO);
		else
			one_problem(&p, COUNTRY_RO, PF_PHONE,
			    phones[i].reason);
	}
	for (i = 0; i < sizeof emails / sizeof emails[0]; i++) {
		p = ro_person();
		SET(p.email, emails[i].email);
		if (emails[i].reason == NULL)
			no_problem(&p, COUNTRY_RO);
		else
			one_problem(&p, COUNTRY_RO, PF_EMAIL,
			    emails[i].reason);
	}
	p = ro_person();
	repeat(p.email, sizeof p.email, "a", 64);
	strcat(p.email, "@bbbbbbbbbbbbbbbbbbbbbbbbbbbb.ro");
	ck_assert_uint_eq(strlen(p.email), 96);
	no_problem(&p, COUNTRY_RO);
	strcat(p.email, "o");
	one_problem(&p, COUNTRY_RO, PF_EMAIL, "Email: too long");
	repeat(p.email, sizeof p.email, "a", 65);
	strcat(p.email, "@example.ro");
	one_problem(&p, COUNTRY_RO, PF_EMAIL, "before @");

	/* The preferred channel must be there. */
	p = ro_person();
	SET(p.phone, "");
	one_problem(&p, COUNTRY_RO, PF_PHONE, "Phone: needed, since the "
	    "person prefers to be called");
	p.contact = CONTACT_POST;
	no_problem(&p, COUNTRY_RO);
	p = gr_person();
	SET(p.email, "");
	one_problem(&p, COUNTRY_GR, PF_EMAIL, "Email: needed");
	p.contact = CONTACT_PHONE;
	one_problem(&p, COUNTRY_GR, PF_PHONE, "Phone: needed");
	SET(p.phone, "2101234567");
	no_problem(&p, COUNTRY_GR);
	p.contact = (enum contact_pref)7;
	one_problem(&p, COUNTRY_GR, PF_CONTACT, "Contact: choose");
}
END_TEST

START_TEST(test_order_and_max)
{
	struct person		p;
	struct person_problem	pr[3];
	int			n;

	p = ro_person();
	SET(p.cnp, "");
	SET(p.surname, "X1");
	SET(p.address.town, "");
	SET(p.address.postal_code, "1");
	SET(p.phone, "");
	n = person_check(&p, COUNTRY_RO, today, pr, 3);
	ck_assert_int_eq(n, 5);			/* all counted */
	ck_assert_int_eq(pr[0].field, PF_CNP);	/* the first 3 filled */
	ck_assert_int_eq(pr[1].field, PF_SURNAME);
	ck_assert_int_eq(pr[2].field, PF_TOWN);
	ck_assert_int_eq(person_check(&p, COUNTRY_RO, today, NULL, 0), 5);

	/* Every reason names its field first. */
	{
		struct person_problem	all[MAXP];
		int			i;

		n = person_check(&p, COUNTRY_RO, today, all, MAXP);
		ck_assert_int_eq(n, 5);
		ck_assert_ptr_nonnull(strstr(all[0].reason, "CNP: "));
		ck_assert_ptr_nonnull(strstr(all[1].reason, "Surname: "));
		ck_assert_ptr_nonnull(strstr(all[2].reason, "Town: "));
		ck_assert_ptr_nonnull(strstr(all[3].reason, "Postal code: "));
		ck_assert_ptr_nonnull(strstr(all[4].reason, "Phone: "));
		for (i = 1; i < n; i++)
			ck_assert_int_lt(all[i - 1].field, all[i].field);
	}
	/* A country neither profile knows. */
	p = ro_person();
	ck_assert_int_eq(person_check(&p, COUNTRY_COUNT, today, pr, 3), 1);
	ck_assert_ptr_nonnull(strstr(pr[0].reason, "Country"));
}
END_TEST

START_TEST(test_check_text)
{
	ck_assert_ptr_null(person_check_text("Ștefan", 6));
	ck_assert_ptr_null(person_check_text("", 0));
	ck_assert_ptr_null(person_check_text("Παπαδόπουλος", 12));
	ck_assert_ptr_nonnull(strstr(person_check_text("Παπαδόπουλος", 11),
	    "too long"));
	ck_assert_ptr_nonnull(strstr(person_check_text("a\x1b[2J", 10),
	    "control"));
	ck_assert_ptr_nonnull(strstr(person_check_text("a\x7f", 10),
	    "control"));
	ck_assert_ptr_nonnull(strstr(person_check_text("a\xe2\x80\x8f", 10),
	    "control"));				/* RLM */
	ck_assert_ptr_nonnull(strstr(person_check_text("a\xe2\x80\xa8", 10),
	    "control"));				/* LINE SEPARATOR */
	ck_assert_ptr_nonnull(strstr(person_check_text("a\xc3(", 10),
	    "UTF-8"));
	ck_assert_ptr_nonnull(strstr(person_check_text("\xc0\x80", 10),
	    "UTF-8"));				/* overlong NUL */
	ck_assert_ptr_nonnull(person_check_text(NULL, 10));
	/* Tabs inside are controls too; blanks are not. */
	ck_assert_ptr_nonnull(person_check_text("a\tb", 10));
	ck_assert_ptr_null(person_check_text("a b", 10));
}
END_TEST

/* Collects the tests in one suite. */
static Suite *
person_check_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("person-check");
	tc = tcase_create("valid");
	tcase_add_test(tc, test_ro_valid);
	tcase_add_test(tc, test_gr_valid);
	tcase_add_test(tc, test_trim);
	suite_add_tcase(s, tc);
	tc = tcase_create("problems");
	tcase_add_test(tc, test_ids_ro);
	tcase_add_test(tc, test_ids_gr);
	tcase_add_test(tc, test_birth_date);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_lengths);
	tcase_add_test(tc, test_address);
	tcase_add_test(tc, test_contact);
	tcase_add_test(tc, test_order_and_max);
	suite_add_tcase(s, tc);
	tc = tcase_create("text");
	tcase_add_test(tc, test_check_text);
	suite_add_tcase(s, tc);
	return (s);
}

/* Runs the suite; the exit status tells make check the result. */
int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(person_check_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
