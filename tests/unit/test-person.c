/* The citizen services on a real SQLite file, as a clerk at the counter:
 * registration, search, validation in person and its revocation,
 * businesses and their representatives, registration requests. */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/registration.h"
#include "guichet/service-auth.h"
#include "guichet/service-business.h"
#include "guichet/service-person.h"
#include "guichet/service-registration.h"
#include "guichet/service-staff.h"
#include "guichet/service.h"
#include "fixture.h"

#define GOOD_PASSWORD	"correct horse battery"
#define MAXP		PF_COUNT

/* Fills a buffer as a form would, refusing what does not fit. */
#define SET(buf, s) do {						\
	ck_assert(strlen(s) < sizeof (buf));				\
	memcpy((buf), (s), strlen(s) + 1);				\
} while (0)

static void
setup(void)
{
	fixture_setup();
	fixture_conf.country = COUNTRY_RO;
}

/* Creates the database, adds clerk "ana" as the system admin and logs
 * her in, so that every audit row names a clerk. */
static struct service *
open_service(void)
{
	struct service *svc = fixture_service(1);

	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_CLERK,
	    GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_login(svc, "ana", GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_actor(svc)->role, ROLE_CLERK);
	return svc;
}

/* Asserts that the last message holds words. */
#define SAYS(svc, words)						\
	ck_assert_msg(strstr(service_message(svc), (words)) != NULL,	\
	    "message \"%s\" lacks \"%s\"", service_message(svc), (words))

/* Returns a valid Romanian person: Ștefan Țărână, born 1980-01-01. */
static struct person
ro_person(void)
{
	struct person p;

	memset(&p, 0, sizeof p);
	SET(p.cnp, "1800101221144");
	SET(p.surname, "Țărână");
	SET(p.given_names, "Ștefan");
	SET(p.address.town, "Iași");
	SET(p.address.street, "Strada Lăpușneanu");
	SET(p.address.number, "12A");
	SET(p.address.block, "B4");
	SET(p.address.staircase, "A");
	SET(p.address.floor, "3");
	SET(p.address.apartment, "14");
	SET(p.address.postal_code, "700057");
	SET(p.email, "stefan.tarana@example.ro");
	p.contact = CONTACT_POST;
	return p;
}

/* Returns a valid Greek person, whose AMKA says 1930-01-01. */
static struct person
gr_person(void)
{
	struct person p;

	memset(&p, 0, sizeof p);
	SET(p.afm, "094259216");
	SET(p.amka, "01013099997");
	SET(p.surname, "Παπαδόπουλος");
	SET(p.given_names, "Γιώργος");
	SET(p.address.town, "Αθήνα");
	SET(p.address.street, "Οδός Ερμού");
	SET(p.address.number, "25");
	SET(p.address.postal_code, "105 57");
	SET(p.email, "giorgos@example.gr");
	p.contact = CONTACT_EMAIL;
	return p;
}

/* Registers p, asserting that it is accepted; returns the new id. */
static int64_t
register_ok(struct service *svc, struct person *p)
{
	struct person_problem pr[MAXP];
	int64_t id = -1;
	int n = -1, rc;

	rc = service_person_register(svc, p, pr, MAXP, &n, &id);
	ck_assert_msg(rc == G_OK, "register %s: %d, %s", p->surname, rc,
	    service_message(svc));
	ck_assert_int_eq(n, 0);
	ck_assert_int_gt(id, 0);
	return id;
}

/* Registers p, asserting one refusal on field; returns the reason. */
static void
register_refused(struct service *svc, struct person *p,
    enum person_field field)
{
	struct person_problem pr[MAXP];
	int64_t id = -1;
	int n = -1;

	ck_assert_int_eq(service_person_register(svc, p, pr, MAXP, &n, &id),
	    G_ERR_INVALID);
	ck_assert_int_ge(n, 1);
	ck_assert_int_eq(pr[0].field, field);
	ck_assert_int_eq(id, 0);
	ck_assert_str_eq(service_message(svc), pr[0].reason);
}

/* Returns a Romanian identity card, valid for another year. */
static struct validation
ro_card(void)
{
	struct validation v;

	memset(&v, 0, sizeof v);
	v.method = VALIDATION_COUNTER;
	v.doc.type = IDDOC_RO_ID_CARD;
	SET(v.doc.series, "cj");
	SET(v.doc.number, "123456");
	SET(v.doc.issuer, "SPCLEP Cluj");
	v.doc.expiry = date_add_days(clock_today(), 365);
	return v;
}

/* Validates person id with a Romanian identity card, asserting G_OK. */
static void
validate_ok(struct service *svc, int64_t id)
{
	struct validation v = ro_card();
	int rc = service_person_validate(svc, id, &v);

	ck_assert_msg(rc == G_OK, "validate: %d, %s", rc,
	    service_message(svc));
}

struct found {
	int count;
	int64_t ids[16];
	char names[16][600];
};

/* Collects search results. */
static int
collect(const struct person_summary *p, void *arg)
{
	struct found *f = arg;

	if (f->count < 16) {
		f->ids[f->count] = p->id;
		snprintf(f->names[f->count], sizeof f->names[0], "%s %s",
		    p->given_names, p->surname);
	}
	f->count++;
	return 0;
}

/* Searches for query and returns how many people were found; *first
 * (may be NULL) receives the first one's id. */
static int
search(struct service *svc, const char *query, int64_t *first)
{
	struct found f;

	memset(&f, 0, sizeof f);
	ck_assert_int_eq(service_person_search(svc, query, 20, collect, &f),
	    G_OK);
	if (first != NULL)
		*first = f.count > 0 ? f.ids[0] : 0;
	return f.count;
}

START_TEST(a_valid_person_is_registered_and_audited)
{
	struct service *svc = open_service();
	struct person p = ro_person();
	int64_t id = register_ok(svc, &p);

	ck_assert_str_eq(service_message(svc),
	    "Ștefan Țărână is registered (Level A).");
	ck_assert_int_eq(p.level, LEVEL_STANDARD);
	ck_assert_int_eq(p.id, id);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person"), 1);
	ck_assert_str_eq(fixture_text("SELECT level FROM person WHERE id = ?",
	    (long long)id), "standard");
	ck_assert_str_eq(fixture_text("SELECT country FROM person"), "RO");
	ck_assert_str_eq(fixture_text("SELECT birth_date FROM person"),
	    "1980-01-01");
	ck_assert_str_eq(fixture_text("SELECT surname FROM person"), "Țărână");
	ck_assert_str_eq(fixture_text("SELECT given_names FROM person"),
	    "Ștefan");
	ck_assert_str_eq(fixture_text("SELECT cnp FROM person"), "1800101221144");
	ck_assert_str_eq(fixture_text("SELECT town || '|' || street || '|' || "
	    "number || '|' || block || '|' || staircase || '|' || floor || "
	    "'|' || apartment || '|' || postal_code FROM person"),
	    "Iași|Strada Lăpușneanu|12A|B4|A|3|14|700057");
	ck_assert_str_eq(fixture_text("SELECT contact FROM person"), "post");
	ck_assert_str_eq(fixture_text("SELECT email FROM person"),
	    "stefan.tarana@example.ro");
	ck_assert_str_eq(fixture_text("SELECT afm FROM person"), "(null)");
	/* One search row per word the name starts from. */
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person_search WHERE "
	    "person_id = ?", (long long)id), 2);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person_search WHERE "
	    "key LIKE 'stefan%'"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person_search WHERE "
	    "key LIKE 'tarana%'"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change WHERE "
	    "person_id = ? AND from_level = 'none' AND to_level = "
	    "'standard' AND by_actor = 'ana'", (long long)id), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.register' AND outcome = 'ok' AND actor = 'ana' AND "
	    "role = 'clerk' AND on_behalf = 'person:' || ?", (long long)id), 1);
	service_close(svc);
}
END_TEST

START_TEST(an_invalid_cnp_stores_nothing)
{
	struct service *svc = open_service();
	struct person p = ro_person();

	SET(p.cnp, "1800101221145");
	register_refused(svc, &p, PF_CNP);
	SAYS(svc, "CNP");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person_search"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.register' AND outcome LIKE 'refused%' AND actor = "
	    "'ana'"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.register' AND outcome = 'ok'"), 0);
	service_close(svc);
}
END_TEST

START_TEST(names_with_sql_or_control_characters_are_refused)
{
	struct service *svc = open_service();
	struct person p = ro_person();

	SET(p.cnp, "2900304120037");
	SET(p.surname, "Robert'); DROP TABLE person;--");
	register_refused(svc, &p, PF_SURNAME);
	SAYS(svc, "Surname");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM sqlite_master WHERE "
	    "type = 'table' AND name = 'person'"), 1);

	p = ro_person();
	SET(p.cnp, "2900304120037");
	SET(p.surname, "\x1b[2J");
	register_refused(svc, &p, PF_SURNAME);
	SAYS(svc, "control character");

	p = ro_person();
	SET(p.cnp, "2900304120037");
	SET(p.given_names, "Ana\x1b[2J");
	register_refused(svc, &p, PF_GIVEN_NAMES);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.register' AND outcome LIKE 'refused%'"), 3);

	/* An apostrophe belongs in names and reaches the store intact. */
	p = ro_person();
	SET(p.cnp, "1850615400011");
	SET(p.surname, "O'Brien");
	SET(p.given_names, "Patrick");
	register_ok(svc, &p);
	ck_assert_str_eq(fixture_text("SELECT surname FROM person WHERE cnp = "
	    "'1850615400011'"), "O'Brien");
	ck_assert_int_eq(search(svc, "o'brien", NULL), 1);
	ck_assert_int_eq(search(svc, "Robert'); DROP TABLE person;--", NULL),
	    0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person"), 1);
	service_close(svc);
}
END_TEST

START_TEST(the_same_cnp_twice_opens_the_first)
{
	struct service *svc = open_service();
	struct person p = ro_person(), q = ro_person();
	struct person_problem pr[MAXP];
	int64_t first = register_ok(svc, &p), id = -1;
	int n = -1;

	SET(q.surname, "Popescu");
	SET(q.given_names, "Ion");
	ck_assert_int_eq(service_person_register(svc, &q, pr, MAXP, &n, &id),
	    G_ERR_EXISTS);
	ck_assert_int_eq(id, first);
	SAYS(svc, "already registered");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person"), 1);
	ck_assert_str_eq(fixture_text("SELECT surname FROM person"), "Țărână");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.register' AND outcome LIKE 'refused%' AND on_behalf "
	    "= 'person:' || ?", (long long)first), 1);
	service_close(svc);
}
END_TEST

START_TEST(search_finds_by_name_id_and_email)
{
	struct service *svc = open_service();
	struct person p = ro_person(), q = ro_person();
	struct found f;
	int64_t id = register_ok(svc, &p), other, got;

	SET(q.cnp, "1850615400011");
	SET(q.surname, "Popescu");
	SET(q.given_names, "Ion");
	SET(q.email, "ion.popescu@example.ro");
	other = register_ok(svc, &q);
	ck_assert_int_ne(other, id);

	ck_assert_int_eq(search(svc, "stefan", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "STEF tar", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "tarana stefan", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "Ţărână", &got), 1);	/* cedilla */
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "xyz", NULL), 0);
	ck_assert_int_eq(search(svc, "stefan xyz", NULL), 0);
	ck_assert_int_eq(search(svc, "1800101", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "180 0101", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "1", NULL), 2);
	ck_assert_int_eq(search(svc, "stefan.tar@", NULL), 0);
	ck_assert_int_eq(search(svc, "stefan.tarana@", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "ion.popescu@example.ro", &got), 1);
	ck_assert_int_eq(got, other);

	/* What a result line shows. */
	memset(&f, 0, sizeof f);
	ck_assert_int_eq(service_person_search(svc, "tarana", 20, collect,
	    &f), G_OK);
	ck_assert_int_eq(f.count, 1);
	ck_assert_str_eq(f.names[0], "Ștefan Țărână");

	/* A Greek profile: names in Greek, found without accents or case. */
	fixture_conf.country = COUNTRY_GR;
	p = gr_person();
	id = register_ok(svc, &p);
	ck_assert_str_eq(fixture_text("SELECT country || '|' || afm || '|' || "
	    "amka || '|' || postal_code || '|' || birth_date FROM person "
	    "WHERE id = ?", (long long)id),
	    "GR|094259216|01013099997|10557|1930-01-01");
	ck_assert_int_eq(search(svc, "παπαδοπουλος", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "ΠΑΠΑΔΟΠΟΥΛΟΣ", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "γιωργος παπα", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "0942", &got), 1);
	ck_assert_int_eq(got, id);
	ck_assert_int_eq(search(svc, "01013099997", &got), 1);
	ck_assert_int_eq(got, id);
	service_close(svc);
}
END_TEST

START_TEST(validation_with_a_romanian_card)
{
	struct service *svc = open_service();
	struct person p = ro_person();
	struct validation v = ro_card();
	int64_t id = register_ok(svc, &p);

	ck_assert_int_eq(service_person_validate(svc, id, &v), G_OK);
	ck_assert_str_eq(service_message(svc),
	    "Ștefan Țărână is validated (Level B).");
	ck_assert_str_eq(v.doc.series, "CJ");
	ck_assert_str_eq(fixture_text("SELECT level FROM person"), "validated");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM validation"), 1);
	ck_assert_str_eq(fixture_text("SELECT method || '|' || doc_type || '|' "
	    "|| doc_series || '|' || doc_number || '|' || doc_issuer || '|' "
	    "|| validated_by || '|' || station FROM validation WHERE "
	    "person_id = ? AND revoked_at IS NULL", (long long)id),
	    "counter|ro-id-card|CJ|123456|SPCLEP Cluj|ana|Ghișeu 1");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change WHERE "
	    "person_id = ? AND from_level = 'standard' AND to_level = "
	    "'validated' AND by_actor = 'ana'", (long long)id), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.validate' AND outcome = 'ok' AND actor = 'ana' AND "
	    "on_behalf = 'person:' || ?", (long long)id), 1);

	/* Once is enough. */
	v = ro_card();
	ck_assert_int_eq(service_person_validate(svc, id, &v), G_ERR_EXISTS);
	SAYS(svc, "already validated");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM validation"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change"), 2);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.validate' AND outcome LIKE 'refused%'"), 1);
	service_close(svc);
}
END_TEST

START_TEST(an_expired_document_changes_nothing)
{
	struct service *svc = open_service();
	struct person p = ro_person();
	struct validation v = ro_card();
	int64_t id = register_ok(svc, &p);

	v.doc.expiry = date_add_days(clock_today(), -1);
	ck_assert_int_eq(service_person_validate(svc, id, &v), G_ERR_INVALID);
	SAYS(svc, "expired");
	ck_assert_str_eq(fixture_text("SELECT level FROM person"), "standard");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM validation"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.validate' AND outcome LIKE 'refused%' AND on_behalf "
	    "= 'person:' || ?", (long long)id), 1);

	/* Valid through the expiry day itself. */
	v = ro_card();
	v.doc.expiry = clock_today();
	ck_assert_int_eq(service_person_validate(svc, id, &v), G_OK);
	service_close(svc);
}
END_TEST

START_TEST(an_electronic_card_needs_an_address_proof)
{
	struct service *svc = open_service();
	struct person p = ro_person();
	struct validation v = ro_card();
	int64_t id = register_ok(svc, &p);

	v.doc.type = IDDOC_RO_ECARD;
	SET(v.doc.series, "IF");
	SET(v.doc.number, "12345678");
	ck_assert_int_eq(service_person_validate(svc, id, &v), G_ERR_INVALID);
	SAYS(svc, "Address proof");
	ck_assert_str_eq(fixture_text("SELECT level FROM person"), "standard");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM validation"), 0);

	SET(v.address_proof, "factură Electrica");
	ck_assert_int_eq(service_person_validate(svc, id, &v), G_OK);
	ck_assert_str_eq(fixture_text("SELECT doc_type || '|' || address_proof "
	    "FROM validation"), "ro-ecard|factură Electrica");
	ck_assert_str_eq(fixture_text("SELECT level FROM person"), "validated");
	service_close(svc);
}
END_TEST

START_TEST(revoke_then_validate_again)
{
	struct service *svc = open_service();
	struct person p = ro_person();
	int64_t id = register_ok(svc, &p);

	/* Nothing to revoke yet. */
	ck_assert_int_eq(service_person_revoke(svc, id, "card lost"),
	    G_ERR_NOTFOUND);
	SAYS(svc, "no active validation");
	validate_ok(svc, id);

	ck_assert_int_eq(service_person_revoke(svc, id, ""), G_ERR_INVALID);
	SAYS(svc, "Reason");
	ck_assert_int_eq(service_person_revoke(svc, id, "lost\x1b[2J"),
	    G_ERR_INVALID);
	ck_assert_str_eq(fixture_text("SELECT level FROM person"), "validated");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM validation WHERE "
	    "revoked_at IS NULL"), 1);

	ck_assert_int_eq(service_person_revoke(svc, id, "card reported "
	    "stolen"), G_OK);
	SAYS(svc, "back at Level A");
	ck_assert_str_eq(fixture_text("SELECT level FROM person"), "standard");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM validation WHERE "
	    "revoked_at IS NOT NULL AND revoked_by = 'ana' AND "
	    "revoke_reason = 'card reported stolen'"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change WHERE "
	    "from_level = 'validated' AND to_level = 'standard' AND reason = "
	    "'card reported stolen'"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.revoke' AND outcome = 'ok' AND on_behalf = "
	    "'person:' || ?", (long long)id), 1);

	/* A new validation row: one active at a time. */
	validate_ok(svc, id);
	ck_assert_str_eq(fixture_text("SELECT level FROM person"), "validated");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM validation"), 2);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM validation WHERE "
	    "revoked_at IS NULL"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change WHERE "
	    "person_id = ?", (long long)id), 4);
	service_close(svc);
}
END_TEST

struct reps {
	int count;
	int64_t id;
	char business_name[256];
	char person_name[260];
};

/* Collects representations. */
static int
collect_rep(const struct representative *r, void *arg)
{
	struct reps *s = arg;

	s->count++;
	s->id = r->id;
	snprintf(s->business_name, sizeof s->business_name, "%s",
	    r->business_name);
	snprintf(s->person_name, sizeof s->person_name, "%s",
	    r->person_name);
	return 0;
}

struct biz {
	int count;
	int64_t id;
};

/* Collects businesses. */
static int
collect_biz(const struct business *b, void *arg)
{
	struct biz *s = arg;

	s->count++;
	s->id = b->id;
	return 0;
}

START_TEST(a_validated_person_represents_a_business)
{
	struct service *svc = open_service();
	struct person p = ro_person();
	struct business b, again;
	struct reps r;
	struct biz found;
	struct date filed = date_add_days(clock_today(), -3);
	int64_t person = register_ok(svc, &p), first;

	memset(&b, 0, sizeof b);
	SET(b.cui, "RO18547290");
	SET(b.name, "Brutăria Ștefan SRL");
	SET(b.town, "Iași");
	SET(b.street, "Strada Păcurari");
	SET(b.number, "5");
	ck_assert_int_eq(service_business_register(svc, &b), G_OK);
	SAYS(svc, "Brutăria Ștefan SRL is registered");
	ck_assert_int_gt(b.id, 0);
	first = b.id;
	ck_assert_str_eq(fixture_text("SELECT cui || '|' || country || '|' || "
	    "name || '|' || created_by FROM business WHERE id = ?",
	    (long long)b.id), "18547290|RO|Brutăria Ștefan SRL|ana");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'business.register' AND outcome = 'ok' AND object = "
	    "'business:' || ?", (long long)b.id), 1);

	/* The same CUI, typed without the prefix, is the same business. */
	memset(&again, 0, sizeof again);
	SET(again.cui, "18547290");
	SET(again.name, "Alta SRL");
	ck_assert_int_eq(service_business_register(svc, &again),
	    G_ERR_EXISTS);
	ck_assert_int_eq(again.id, first);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM business"), 1);
	memset(&again, 0, sizeof again);
	SET(again.cui, "RO18547291");
	SET(again.name, "Alta SRL");
	ck_assert_int_eq(service_business_register(svc, &again),
	    G_ERR_INVALID);

	memset(&found, 0, sizeof found);
	ck_assert_int_eq(service_business_search(svc, "brutaria", 10,
	    collect_biz, &found), G_OK);
	ck_assert_int_eq(found.count, 1);
	ck_assert_int_eq(found.id, first);
	memset(&found, 0, sizeof found);
	ck_assert_int_eq(service_business_search(svc, "185472", 10,
	    collect_biz, &found), G_OK);
	ck_assert_int_eq(found.count, 1);
	memset(&found, 0, sizeof found);
	ck_assert_int_eq(service_business_search(svc, "xyz", 10,
	    collect_biz, &found), G_OK);
	ck_assert_int_eq(found.count, 0);

	/* Level A may not represent. */
	ck_assert_int_eq(service_representative_add(svc, first, person, filed,
	    "DS-2026/117"), G_ERR_DENIED);
	SAYS(svc, "validated person (Level B)");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM representative"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'representative.add' AND outcome LIKE 'refused%' AND "
	    "on_behalf = 'person:' || ?", (long long)person), 1);

	validate_ok(svc, person);
	ck_assert_int_eq(service_representative_add(svc, first, person,
	    date_add_days(clock_today(), 1), "DS-2026/117"), G_ERR_INVALID);
	SAYS(svc, "not in the future");
	ck_assert_int_eq(service_representative_add(svc, first, person, filed,
	    ""), G_ERR_INVALID);
	SAYS(svc, "Declaration");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM representative"), 0);
	ck_assert_int_eq(service_representative_add(svc, first, 9999, filed,
	    "DS-2026/117"), G_ERR_NOTFOUND);

	ck_assert_int_eq(service_representative_add(svc, first, person, filed,
	    "DS-2026/117"), G_OK);
	SAYS(svc, "Ștefan Țărână now represents Brutăria Ștefan SRL");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM representative WHERE "
	    "ended_at IS NULL AND recorded_by = 'ana' AND document_ref = "
	    "'DS-2026/117'"), 1);
	ck_assert_int_eq(service_representative_add(svc, first, person, filed,
	    "DS-2026/118"), G_ERR_EXISTS);
	SAYS(svc, "already represents");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM representative"), 1);

	memset(&r, 0, sizeof r);
	ck_assert_int_eq(service_business_of_person(svc, person, collect_rep,
	    &r), G_OK);
	ck_assert_int_eq(r.count, 1);
	ck_assert_str_eq(r.business_name, "Brutăria Ștefan SRL");
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(service_business_representatives(svc, first,
	    collect_rep, &r), G_OK);
	ck_assert_int_eq(r.count, 1);
	ck_assert_str_eq(r.person_name, "Țărână Ștefan");

	ck_assert_int_eq(service_representative_end(svc, r.id), G_OK);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM representative WHERE "
	    "ended_at IS NOT NULL AND ended_by = 'ana'"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'representative.end' AND outcome = 'ok' AND object = "
	    "'representative:' || ?", (long long)r.id), 1);
	ck_assert_int_eq(service_representative_end(svc, r.id),
	    G_ERR_NOTFOUND);
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(service_business_of_person(svc, person, collect_rep,
	    &r), G_OK);
	ck_assert_int_eq(r.count, 0);
	/* Ended, the same person may be recorded again. */
	ck_assert_int_eq(service_representative_add(svc, first, person, filed,
	    "DS-2026/200"), G_OK);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM representative"), 2);
	service_close(svc);
}
END_TEST

struct pending {
	int count;
	int64_t id;
	int64_t person_id;
	char person_name[260];
	char received_at[32];
	struct date deadline;
	enum registration_source source;
};

/* Collects pending registration requests. */
static int
collect_pending(const struct registration *r, void *arg)
{
	struct pending *s = arg;

	if (s->count++ == 0) {
		s->id = r->id;
		s->person_id = r->person_id;
		snprintf(s->person_name, sizeof s->person_name, "%s",
		    r->person_name);
		snprintf(s->received_at, sizeof s->received_at, "%s",
		    r->received_at);
		s->deadline = r->deadline;
		s->source = r->source;
	}
	return 0;
}

START_TEST(a_registration_request_is_due_in_two_working_days)
{
	struct service *svc = open_service();
	struct person p = ro_person();
	struct pending pend;
	struct date friday = { 2026, 11, 27 }, want = { 2026, 12, 3 };
	int64_t person = register_ok(svc, &p), req = 0;

	/* Fri 27 Nov; Sat, Sun; Mon 30 Nov (St Andrew) and Tue 1 Dec
	 * (National Day) are holidays; Wed 2 Dec is day 1, Thu 3 Dec day 2. */
	ck_assert_int_eq(date_weekday(friday), 5);
	ck_assert(holiday_is(COUNTRY_RO, (struct date){ 2026, 11, 30 },
	    NULL));
	ck_assert(holiday_is(COUNTRY_RO, (struct date){ 2026, 12, 1 }, NULL));
	ck_assert_int_eq(date_cmp(registration_deadline(COUNTRY_RO, friday,
	    NULL), want), 0);

	ck_assert_int_eq(service_registration_file(svc, person, REG_KIOSK,
	    "2026-11-27T09:00:00Z", &req), G_OK);
	ck_assert_int_gt(req, 0);
	ck_assert_str_eq(fixture_text("SELECT deadline FROM registration_request "
	    "WHERE id = ?", (long long)req), "2026-12-03");
	ck_assert_str_eq(fixture_text("SELECT status || '|' || source || '|' || "
	    "received_at FROM registration_request"),
	    "pending|kiosk|2026-11-27T09:00:00Z");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'registration.file' AND outcome = 'ok' AND on_behalf = "
	    "'person:' || ?", (long long)person), 1);

	/* A time that is not a date is refused. */
	ck_assert_int_eq(service_registration_file(svc, person, REG_WEB,
	    "yesterday", &req), G_ERR_INVALID);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM "
	    "registration_request"), 1);

	memset(&pend, 0, sizeof pend);
	ck_assert_int_eq(service_registration_pending(svc, 10,
	    collect_pending, &pend), G_OK);
	ck_assert_int_eq(pend.count, 1);
	ck_assert_int_eq(pend.person_id, person);
	ck_assert_str_eq(pend.person_name, "Țărână Ștefan");
	ck_assert_str_eq(pend.received_at, "2026-11-27T09:00:00Z");
	ck_assert_int_eq(date_cmp(pend.deadline, want), 0);
	ck_assert_int_eq(pend.source, REG_KIOSK);

	/* Validating the person closes the request. */
	validate_ok(svc, person);
	ck_assert_str_eq(fixture_text("SELECT status || '|' || handled_by FROM "
	    "registration_request"), "done|ana");
	ck_assert_str_ne(fixture_text("SELECT handled_at FROM "
	    "registration_request"), "(null)");
	memset(&pend, 0, sizeof pend);
	ck_assert_int_eq(service_registration_pending(svc, 10,
	    collect_pending, &pend), G_OK);
	ck_assert_int_eq(pend.count, 0);
	service_close(svc);
}
END_TEST

START_TEST(a_request_for_an_unknown_person_is_refused)
{
	struct service *svc = open_service();
	char refused[64];
	int64_t req = -1;

	ck_assert_int_eq(service_registration_file(svc, 9999, REG_WEB,
	    "2026-11-27T09:00:00Z", &req), G_ERR_NOTFOUND);
	ck_assert_str_ne(service_message(svc), "");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM "
	    "registration_request"), 0);
	snprintf(refused, sizeof refused, "refused: %s",
	    gerr_str(G_ERR_NOTFOUND));
	ck_assert_str_eq(fixture_text("SELECT group_concat(outcome) FROM audit "
	    "WHERE action = 'registration.file'"), refused);
	service_close(svc);
}
END_TEST

START_TEST(a_supervisor_suspends_reinstates_and_closes)
{
	struct service *svc = open_service();
	struct person p = ro_person();
	int64_t id = register_ok(svc, &p);

	validate_ok(svc, id);
	/* A clerk may not. */
	ck_assert_int_eq(service_person_set_status(svc, id, LEVEL_SUSPENDED,
	    "lost card"), G_ERR_DENIED);
	service_act_as_system(svc, "test");
	ck_assert_int_eq(service_staff_add(svc, "sofia", ROLE_SUPERVISOR,
	    GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_login(svc, "sofia", GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_person_set_status(svc, id, LEVEL_SUSPENDED,
	    ""), G_ERR_INVALID);
	ck_assert_int_eq(service_person_set_status(svc, id, LEVEL_SUSPENDED,
	    "lost card"), G_OK);
	ck_assert_int_eq(fixture_count("SELECT level = 'suspended' FROM person "
	    "WHERE id = ?", (long long)id), 1);
	/* Reinstated at the level it had: the validation is still active. */
	ck_assert_int_eq(service_person_set_status(svc, id, LEVEL_STANDARD,
	    "card found"), G_OK);
	ck_assert_int_eq(fixture_count("SELECT level = 'validated' FROM person "
	    "WHERE id = ?", (long long)id), 1);
	ck_assert_int_eq(service_person_set_status(svc, id, LEVEL_STANDARD,
	    "again"), G_ERR_INVALID);
	ck_assert_int_eq(service_person_set_status(svc, id, LEVEL_CLOSED,
	    "moved abroad"), G_OK);
	/* Closed is final. */
	ck_assert_int_eq(service_person_set_status(svc, id, LEVEL_SUSPENDED,
	    "x"), G_ERR_DENIED);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM level_change WHERE "
	    "person_id = ? AND reason IN ('lost card', 'card found', "
	    "'moved abroad')", (long long)id), 3);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE action "
	    "= 'person.status' AND outcome = 'ok' AND actor = 'sofia'"), 3);
	service_close(svc);
}
END_TEST

START_TEST(no_one_logged_in_may_do_nothing)
{
	struct service *svc = open_service();
	struct person p = ro_person(), q;
	struct person_problem pr[MAXP];
	struct validation v = ro_card();
	struct business b;
	struct found f;
	struct reps r;
	struct pending pend;
	int64_t id = register_ok(svc, &p), got = -1;
	int n = -1;
	long long audit_rows;

	service_logout(svc);
	ck_assert_ptr_null(service_actor(svc));
	audit_rows = fixture_count("SELECT COUNT(*) FROM audit");

	q = ro_person();
	SET(q.cnp, "1850615400011");
	ck_assert_int_eq(service_person_register(svc, &q, pr, MAXP, &n, &got),
	    G_ERR_DENIED);
	SAYS(svc, "Log in first");
	ck_assert_int_eq(got, 0);
	memset(&f, 0, sizeof f);
	ck_assert_int_eq(service_person_search(svc, "stefan", 10, collect,
	    &f), G_ERR_DENIED);
	ck_assert_int_eq(f.count, 0);
	ck_assert_int_eq(service_person_get(svc, id, &q), G_ERR_DENIED);
	ck_assert_int_eq(service_person_validate(svc, id, &v), G_ERR_DENIED);
	ck_assert_int_eq(service_person_revoke(svc, id, "reason"),
	    G_ERR_DENIED);
	memset(&b, 0, sizeof b);
	SET(b.cui, "RO18547290");
	SET(b.name, "Brutăria Ștefan SRL");
	ck_assert_int_eq(service_business_register(svc, &b), G_ERR_DENIED);
	ck_assert_int_eq(service_business_search(svc, "brut", 10, collect_biz,
	    &f), G_ERR_DENIED);
	ck_assert_int_eq(service_representative_add(svc, 1, id,
	    clock_today(), "DS-1"), G_ERR_DENIED);
	ck_assert_int_eq(service_representative_end(svc, 1), G_ERR_DENIED);
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(service_business_of_person(svc, id, collect_rep, &r),
	    G_ERR_DENIED);
	ck_assert_int_eq(service_registration_file(svc, id, REG_COUNTER,
	    NULL, &got), G_ERR_DENIED);
	memset(&pend, 0, sizeof pend);
	ck_assert_int_eq(service_registration_pending(svc, 10,
	    collect_pending, &pend), G_ERR_DENIED);
	SAYS(svc, "Log in first");

	/* Nothing changed; each refused change, and each refused read of
	 * personal data, left an audit row. */
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM person"), 1);
	ck_assert_str_eq(fixture_text("SELECT level FROM person"), "standard");
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM validation"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM business"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM representative"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM "
	    "registration_request"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE id > "
	    "? AND outcome LIKE 'refused%'", audit_rows), 12);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE id > "
	    "? AND outcome = 'ok'", audit_rows), 0);

	/* Logged in again, the clerk may. */
	ck_assert_int_eq(service_login(svc, "ana", GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_person_get(svc, id, &q), G_OK);
	ck_assert_str_eq(q.surname, "Țărână");
	ck_assert_int_eq(q.level, LEVEL_STANDARD);
	service_close(svc);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("person");
	TCase *tc = tcase_create("person");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, a_valid_person_is_registered_and_audited);
	tcase_add_test(tc, an_invalid_cnp_stores_nothing);
	tcase_add_test(tc, names_with_sql_or_control_characters_are_refused);
	tcase_add_test(tc, the_same_cnp_twice_opens_the_first);
	tcase_add_test(tc, search_finds_by_name_id_and_email);
	tcase_add_test(tc, validation_with_a_romanian_card);
	tcase_add_test(tc, an_expired_document_changes_nothing);
	tcase_add_test(tc, an_electronic_card_needs_an_address_proof);
	tcase_add_test(tc, revoke_then_validate_again);
	tcase_add_test(tc, a_validated_person_represents_a_business);
	tcase_add_test(tc, a_registration_request_is_due_in_two_working_days);
	tcase_add_test(tc, a_request_for_an_unknown_person_is_refused);
	tcase_add_test(tc, a_supervisor_suspends_reinstates_and_closes);
	tcase_add_test(tc, no_one_logged_in_may_do_nothing);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
