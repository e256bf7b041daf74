/* One citizen never reaches another's data through the service layer.
 *
 * Citizen A, logged in at the kiosk, calls every service function that
 * reads or acts on personal data with citizen B's identifiers: B's
 * person, national id, requests (id, "#id", protocol and emergency
 * number), taxpayer, payments, envelope (id and serial), business and
 * representation, fine, poll vote.  Each is refused, or - where the
 * function serves a citizen only their own, whatever is asked - answers
 * with A's own; the message and what comes back hold nothing of B's; and
 * the refusal is audited under A's name.  The same call with A's own
 * identifiers then works (or, for the counter's functions, is refused
 * alike: it is the role), and a clerk making the call with B's sees B's
 * data: the refusal is about B, and the checks are not blind. */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/enrolment.h"
#include "guichet/err.h"
#include "guichet/password.h"
#include "guichet/service-auth.h"
#include "guichet/service-business.h"
#include "guichet/service-citizen.h"
#include "guichet/service-declaration.h"
#include "guichet/service-envelope.h"
#include "guichet/service-fine.h"
#include "guichet/service-person.h"
#include "guichet/service-poll.h"
#include "guichet/service-receipt.h"
#include "guichet/service-register.h"
#include "guichet/service-registration.h"
#include "guichet/service-request.h"
#include "guichet/service-staff.h"
#include "guichet/service.h"
#include "fixture.h"

#define CLERK		"ana"
#define CLERK_PASSWORD	"correct horse battery"
#define CITIZEN_PASSWORD "Alfa-Castan-Verde-31"
#define TOWN_CODE	"54975"
#define SKIP		(-1)	/* a clerk's call not tried */
#define SECRETS_MAX	32

/* Fills a buffer, refusing what does not fit. */
#define SET(buf, s) do {						\
	ck_assert(strlen(s) < sizeof (buf));				\
	memcpy((buf), (s), strlen(s) + 1);				\
} while (0)

/* Who A and B are; nothing of one is in the other's data, so any of B's
 * words on A's screen came from B's records. */
struct identity {
	const char *cnp, *surname, *given, *username, *street, *number;
	const char *subject, *text, *details;	/* their requests */
	const char *plate, *fine, *cui, *business, *card;
};

static const struct identity identities[2] = {
	{ "1750620120018", "Albu", "Andrei", "andrei.albu", "Strada Arinilor",
	  "3", "Banca din parc", "Banca din parc a fost vopsită.",
	  "Certificat pentru dosarul Alfa", "CJ 01 AAA", "PV-A-101",
	  "18547290", "Albu Andrei PFA", "111111" },
	{ "2791103120020", "Bratu", "Bianca", "bianca.bratu",
	  "Strada Brazilor", "7", "Gardul vecinului",
	  "Gardul de la numărul 17 a căzut pe trotuar.",
	  "Certificat pentru dosarul Bravo", "CJ 02 BBB", "PV-B-202",
	  "14596", "Bratu Bianca Design SRL", "222222" },
};

/* What shows that a call returned someone's data, each written by the
 * wrappers below into what they saw. */
enum mark {
	MARK_NONE,
	MARK_ROWS,		/* anything at all */
	MARK_SURNAME,
	MARK_PERSON,		/* "person#ID;" */
	MARK_SUBJECT,		/* their general request's subject */
	MARK_REQUEST,		/* "request#ID;" of that request */
	MARK_CERTIFICATE,	/* "request#ID;" of their certificate */
	MARK_PLATE,
	MARK_VOTED,		/* "voted#POLL;": they voted in it */
	MARK_COUNT
};

/* One citizen and what the store holds of theirs. */
struct citizen {
	const struct identity *id;
	int64_t person, taxpayer, request, certificate, payment, envelope;
	int64_t business, representative, fine, fine_payment, poll;
	char protocol[32], emergency[32], serial[64], plate[16];
	char fine_time[24];		/* as typed: "23.11.2026 10:30" */
	char mark[MARK_COUNT][96];
};

static struct {
	struct citizen a, b;
	int64_t vote_poll;	/* open, nobody voted: for the kiosk */
	const char *secrets[SECRETS_MAX];	/* B's, never shown to A */
	int nsecrets;
} w;

/* The world is made once, in a folder of its own, and each test works
 * on a copy of it. */
static char world_dir[64];

/* What a call handed back, as text: each wrapper writes the fields of
 * what it got, an empty field not at all, so a call that returned
 * nothing leaves it empty. */
struct seen {
	char text[16384];
	size_t len;
};

static void say(struct seen *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
say(struct seen *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(s->text + s->len, sizeof s->text - s->len, fmt, ap);
	va_end(ap);
	ck_assert(n >= 0 && (size_t)n < sizeof s->text - s->len - 1);
	s->len += (size_t)n;
	s->text[s->len++] = ' ';
	s->text[s->len] = '\0';
}

/* Writes text when it is not empty. */
static void
say_text(struct seen *s, const char *text)
{
	if (text[0] != '\0')
		say(s, "%s", text);
}

/* Writes "kind#id;" when id is set. */
static void
say_id(struct seen *s, const char *kind, int64_t id)
{
	if (id != 0)
		say(s, "%s#%lld;", kind, (long long)id);
}

static void
seen_person(struct seen *s, const struct person *p)
{
	say_id(s, "person", p->id);
	say_text(s, p->cnp);
	say_text(s, p->surname);
	say_text(s, p->given_names);
	say_text(s, p->address.street);
	say_text(s, p->email);
}

static void
seen_request(struct seen *s, const struct request *r)
{
	say_id(s, "request", r->id);
	say_id(s, "person", r->person_id);
	say_text(s, r->protocol);
	say_text(s, r->emergency);
	say_text(s, r->reply);
}

static void
seen_envelope(struct seen *s, const struct envelope *e)
{
	say_id(s, "envelope", e->id);
	say_id(s, "person", e->person_id);
	say_text(s, e->serial);
	say_text(s, e->username);
}

static void
seen_business(struct seen *s, const struct business *b)
{
	say_id(s, "business", b->id);
	say_text(s, b->cui);
	say_text(s, b->name);
}

static void
seen_fine(struct seen *s, const struct fine *f)
{
	say_id(s, "fine", f->id);
	say_text(s, f->plate);
	say_id(s, "fine-payment", f->payment_id);
}

/* The callbacks of the listing functions, writing each row. */
static int
seen_summary(const struct person_summary *p, void *arg)
{
	say_id(arg, "person", p->id);
	say_text(arg, p->national_id);
	say_text(arg, p->surname);
	say_text(arg, p->given_names);
	return 0;
}

static int
seen_level_change(const struct level_change *c, void *arg)
{
	say(arg, "level %d>%d", (int)c->from, (int)c->to);
	say_text(arg, c->reason);
	return 0;
}

static int
seen_validation(const struct validation *v, void *arg)
{
	say_id(arg, "person", v->person_id);
	say_text(arg, v->doc.number);
	return 0;
}

static int
seen_representative(const struct representative *r, void *arg)
{
	say_id(arg, "person", r->person_id);
	say_id(arg, "business", r->business_id);
	say_text(arg, r->person_name);
	say_text(arg, r->business_name);
	return 0;
}

static int
seen_business_row(const struct business *b, void *arg)
{
	seen_business(arg, b);
	return 0;
}

static int
seen_envelope_row(const struct envelope *e, void *arg)
{
	seen_envelope(arg, e);
	return 0;
}

static int
seen_registration(const struct registration *r, void *arg)
{
	say_id(arg, "person", r->person_id);
	say_text(arg, r->person_name);
	say_text(arg, r->person_national_id);
	return 0;
}

static int
seen_request_row(const struct request *r, void *arg)
{
	seen_request(arg, r);
	return 0;
}

static int
seen_value(const char *name, const char *value, void *arg)
{
	say(arg, "%s=%s", name, value);
	return 0;
}

static int
seen_event(const struct request_event *e, void *arg)
{
	say(arg, "event %d>%d", (int)e->from, (int)e->to);
	say_text(arg, e->text);
	return 0;
}

/* A poll as listed: who asked about voted in it, and any counts. */
static int
seen_poll(const struct poll *p, void *arg)
{
	int i;

	say_id(arg, "poll", p->id);
	if (p->voted)
		say_id(arg, "voted", p->id);
	for (i = 0; i < p->noptions; i++)
		if (p->votes[i] != 0)
			say(arg, "tally");
	return 0;
}

/*
 * The calls, one wrapper each: the function with the identifiers of who
 * (A's or B's), writing what came back into s.
 */
typedef int probe_fn(struct service *svc, const struct citizen *who,
    struct seen *s);

/* Finds what someone typed to follow a request. */
static int
find(struct service *svc, const char *what, struct seen *s)
{
	struct request r;
	int rc;

	memset(&r, 0, sizeof r);
	rc = service_request_find(svc, what, &r);
	seen_request(s, &r);
	return rc;
}

static int
find_by_id(struct service *svc, const struct citizen *who, struct seen *s)
{
	char what[32];

	snprintf(what, sizeof what, "%lld", (long long)who->request);
	return find(svc, what, s);
}

static int
find_by_hash_id(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	char what[32];

	snprintf(what, sizeof what, "#%lld", (long long)who->request);
	return find(svc, what, s);
}

static int
find_by_protocol(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return find(svc, who->protocol, s);
}

static int
find_by_emergency(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return find(svc, who->emergency, s);
}

static int
request_values(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return service_request_values(svc, who->request, seen_value, s);
}

static int
request_events(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return service_request_events(svc, who->request, seen_event, s);
}

static int
request_list(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct request_filter f;

	memset(&f, 0, sizeof f);
	f.person_id = who->person;
	return service_request_list(svc, &f, seen_request_row, s);
}

/* Prints on no printer: the call gets as far as printing, or not. */
static int
request_receipt(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)s;
	return service_request_receipt(svc, who->request, "");
}

static int
request_resubmit(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct request r;
	int rc;

	memset(&r, 0, sizeof r);
	rc = service_request_set_status(svc, who->request, REQ_RESUBMITTED,
	    "Am adăugat fotografia.", NULL, &r);
	seen_request(s, &r);
	return rc;
}

static int
request_file(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	const struct request_value v[] = {
		{ "subject", "Groapă în asfalt" },
		{ "text", "Pe strada mare este o groapă." },
	};
	struct request r;
	int rc;

	rc = service_request_file(svc, "general-request", who->person, v, 2,
	    &r);
	seen_request(s, &r);
	return rc;
}

static int
register_open(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct register_data d;
	int i, rc;

	rc = service_register_open(svc, who->id->cnp, clock_today(), &d);
	say_id(s, "taxpayer", d.taxpayer.id);
	say_id(s, "person", d.taxpayer.person_id);
	say_text(s, d.taxpayer.national_id);
	say_text(s, d.taxpayer.name);
	say_text(s, d.taxpayer.address);
	for (i = 0; i < d.nunits; i++)
		say_text(s, d.units[i].address);
	for (i = 0; i < d.npayments; i++)
		say_text(s, d.payments[i].payer);
	if (rc == G_OK)
		register_data_free(&d);
	return rc;
}

static int
poll_list(struct service *svc, const struct citizen *who, struct seen *s)
{
	return service_poll_list(svc, true, who->person, seen_poll, s);
}

/* Tells whether person voted in the kiosk's poll. */
static bool
has_voted(int64_t person)
{
	return fixture_count("SELECT COUNT(*) FROM poll_voter WHERE poll_id = "
	    "? AND person_id = ?", (long long)w.vote_poll,
	    (long long)person) == 1;
}

/* A vote shows nothing: what it did is who it recorded as having voted
 * in the poll. */
static int
poll_vote(struct service *svc, const struct citizen *who, struct seen *s)
{
	bool a = has_voted(w.a.person), b = has_voted(w.b.person);
	int rc = service_poll_vote(svc, w.vote_poll, 0, who->person);

	if (!a && has_voted(w.a.person))
		say_id(s, "person", w.a.person);
	if (!b && has_voted(w.b.person))
		say_id(s, "person", w.b.person);
	return rc;
}

/* The number of who's fine report, with the plate and time of A's: all
 * A has of B's is a number. */
static int
fine_find(struct service *svc, const struct citizen *who, struct seen *s)
{
	struct fine typed, q, f;
	int rc;

	memset(&typed, 0, sizeof typed);
	SET(typed.municipality, TOWN_CODE);
	SET(typed.number, who->id->fine);
	SET(typed.plate, w.a.id->plate);
	SET(typed.issued_at, w.a.fine_time);
	ck_assert_int_eq(service_fine_check(svc, &typed, &q), G_OK);
	memset(&f, 0, sizeof f);
	rc = service_fine_find(svc, &q, &f);
	seen_fine(s, &f);
	return rc;
}

static int
person_get(struct service *svc, const struct citizen *who, struct seen *s)
{
	struct person p;
	int rc;

	memset(&p, 0, sizeof p);
	rc = service_person_get(svc, who->person, &p);
	seen_person(s, &p);
	return rc;
}

static int
person_find(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	int64_t id = 0;
	int rc;

	rc = service_person_find(svc, who->id->cnp, &id);
	say_id(s, "person", id);
	return rc;
}

static int
person_search(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return service_person_search(svc, who->id->cnp, 10, seen_summary, s);
}

static int
person_history(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return service_person_history(svc, who->person, seen_level_change, s);
}

static int
person_validations(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return service_person_validations(svc, who->person, seen_validation,
	    s);
}

static int
enrolment_check(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct enrolment e;
	int rc;

	rc = service_enrolment_check(svc, who->person, "/nonexistent.p7s",
	    &e);
	say_text(s, e.signer_name);
	enrolment_clear(&e);
	return rc;
}

static int
business_get(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct business b;
	int rc;

	memset(&b, 0, sizeof b);
	rc = service_business_get(svc, who->business, &b);
	seen_business(s, &b);
	return rc;
}

static int
business_search(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return service_business_search(svc, who->id->business, 10,
	    seen_business_row, s);
}

static int
business_of_person(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return service_business_of_person(svc, who->person,
	    seen_representative, s);
}

static int
business_representatives(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return service_business_representatives(svc, who->business,
	    seen_representative, s);
}

static int
envelope_get(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct envelope e;
	int rc;

	memset(&e, 0, sizeof e);
	rc = service_envelope_get(svc, who->envelope, NULL, &e);
	seen_envelope(s, &e);
	return rc;
}

static int
envelope_get_serial(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct envelope e;
	int rc;

	memset(&e, 0, sizeof e);
	rc = service_envelope_get(svc, 0, who->serial, &e);
	seen_envelope(s, &e);
	return rc;
}

static int
envelope_list(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	return service_envelope_list(svc, who->person, seen_envelope_row, s);
}

/* Everyone's waiting requests: nobody's id, but B's among them. */
static int
registration_pending(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)who;
	return service_registration_pending(svc, 50, seen_registration, s);
}

static int
receipt_check(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct request r;
	char code[64];
	int rc;

	snprintf(code, sizeof code, "guichet-receipt %lld "
	    "0000-0000-0000-0000", (long long)who->request);
	rc = service_request_receipt_check(svc, code, &r);
	seen_request(s, &r);
	return rc;
}

static int
person_register(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct person_problem pr[PF_COUNT];
	struct person p;
	int64_t id = 0;
	int n = 0, rc;

	memset(&p, 0, sizeof p);
	SET(p.cnp, who->id->cnp);
	SET(p.surname, who->id->surname);
	SET(p.given_names, who->id->given);
	SET(p.address.town, "Cluj-Napoca");
	SET(p.address.street, who->id->street);
	SET(p.address.number, who->id->number);
	SET(p.address.postal_code, "400001");
	p.contact = CONTACT_POST;
	rc = service_person_register(svc, &p, pr, PF_COUNT, &n, &id);
	say_id(s, "person", id);
	return rc;
}

static int
business_register(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct business b;
	int rc;

	memset(&b, 0, sizeof b);
	SET(b.cui, who->id->cui);
	SET(b.name, "Firmă nouă SRL");
	rc = service_business_register(svc, &b);
	say_id(s, "business", b.id);
	return rc;
}

static int
envelope_issue(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct envelope e;
	int rc;

	rc = service_envelope_issue(svc, who->person, &e);
	seen_envelope(s, &e);
	return rc;
}

static int
envelope_print(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct envelope e;
	int rc;

	memset(&e, 0, sizeof e);
	rc = service_envelope_print(svc, who->envelope, "", &e);
	seen_envelope(s, &e);
	return rc;
}

/* Every waiting envelope, B's among them. */
static int
envelope_print_pending(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	int printed = 0, failed = 0, rc;

	(void)who;
	rc = service_envelope_print_pending(svc, "", NULL, NULL, &printed,
	    &failed);
	if (printed != 0 || failed != 0)
		say(s, "envelopes %d %d", printed, failed);
	return rc;
}

/* A Romanian identity card valid for another year. */
static struct iddoc
ro_card(const char *number)
{
	struct iddoc d;

	memset(&d, 0, sizeof d);
	d.type = IDDOC_RO_ID_CARD;
	SET(d.series, "cj");
	SET(d.number, number);
	SET(d.issuer, "SPCLEP Cluj");
	d.expiry = date_add_days(clock_today(), 365);
	return d;
}

static int
envelope_hand_over(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct iddoc d = ro_card(who->id->card);

	(void)s;
	return service_envelope_hand_over(svc, who->envelope, &d);
}

static int
envelope_replace(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct envelope e;
	int rc;

	rc = service_envelope_replace(svc, who->envelope, "plicul era deschis",
	    &e);
	seen_envelope(s, &e);
	return rc;
}

static int
person_validate(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct validation v;

	(void)s;
	memset(&v, 0, sizeof v);
	v.method = VALIDATION_COUNTER;
	v.doc = ro_card(who->id->card);
	return service_person_validate(svc, who->person, &v);
}

static int
person_validate_signed(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct enrolment e;
	int rc;

	memset(&e, 0, sizeof e);
	rc = service_person_validate_signed(svc, who->person,
	    "/nonexistent.p7s", &e);
	say_text(s, e.signer_name);
	enrolment_clear(&e);
	return rc;
}

static int
person_revoke(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)s;
	return service_person_revoke(svc, who->person, "buletin pierdut");
}

static int
person_suspend(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)s;
	return service_person_set_status(svc, who->person, LEVEL_SUSPENDED,
	    "cerere de suspendare");
}

static int
representative_add(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)s;
	return service_representative_add(svc, who->business, who->person,
	    date_add_days(clock_today(), -1), "DS-9");
}

static int
representative_end(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)s;
	return service_representative_end(svc, who->representative);
}

static int
registration_file(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	int64_t id = 0;
	int rc;

	rc = service_registration_file(svc, who->person, REG_KIOSK, NULL, &id);
	say_id(s, "registration", id);
	return rc;
}

static int
payment_take(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct payment_row p;
	int rc;

	rc = service_payment_take(svc, who->taxpayer, 1000, PAY_CASH, NULL, 0,
	    "kiosk-payment-1", &p);
	say_id(s, "payment", p.id);
	say_id(s, "taxpayer", p.taxpayer_id);
	say_text(s, p.payer);
	return rc;
}

static int
payment_receipt(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)s;
	return service_payment_receipt(svc, who->payment, "");
}

static int
fine_pay(struct service *svc, const struct citizen *who, struct seen *s)
{
	int64_t payment = 0;
	money_t amount = 0;
	int rc;

	rc = service_fine_pay(svc, who->fine, PAY_CASH, "kiosk-fine-1",
	    &payment, &amount);
	say_id(s, "fine-payment", payment);
	return rc;
}

static int
fine_receipt(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)s;
	return service_fine_receipt(svc, who->fine_payment, "");
}

static int
declaration_file(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct declaration d;
	int rc;

	memset(&d, 0, sizeof d);
	d.business_id = who->business;
	d.year = clock_today().year - 1;
	d.quarter = 4;
	d.gross = 100000;
	rc = service_declaration_file(svc, &d, PAY_CASH, "kiosk-declaration-1");
	say_id(s, "payment", d.payment_id);
	return rc;
}

static int
request_register(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct request r;
	int rc;

	memset(&r, 0, sizeof r);
	rc = service_request_register(svc, who->request, &r);
	seen_request(s, &r);
	return rc;
}

static int
request_assign(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)s;
	return service_request_assign(svc, who->request, NULL);
}

static int
request_annul(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	(void)s;
	return service_request_annul(svc, who->request, "înregistrare greșită");
}

static int
request_answer(struct service *svc, const struct citizen *who,
    struct seen *s)
{
	struct request r;
	int rc;

	memset(&r, 0, sizeof r);
	rc = service_request_set_status(svc, who->request, REQ_ANSWERED,
	    "Rezolvat.", NULL, &r);
	seen_request(s, &r);
	return rc;
}

/*
 * The table.  refused: what A gets with B's identifiers (G_OK: the
 * function takes a citizen's own whatever is asked, and must answer with
 * A's); own: with A's; action: the audit row's action, NULL for the
 * functions that audit no refusal; shows: what their data shows as;
 * clerk: what a clerk gets with B's (then showing B's), SKIP: not tried.
 */
struct probe {
	const char *name;
	probe_fn *call;
	const char *action;
	int refused, own;
	enum mark shows;
	int clerk;
};

static const struct probe probes[] = {
	/* What the kiosk offers a citizen. */
	/* Someone else's request is "no such request", as an unused
	 * number is, and the attempt is audited. */
	{ "service_request_find (id)", find_by_id, "request.read",
	  G_ERR_NOTFOUND, G_OK, MARK_REQUEST, G_OK },
	{ "service_request_find (#id)", find_by_hash_id, "request.read",
	  G_ERR_NOTFOUND, G_OK, MARK_REQUEST, G_OK },
	{ "service_request_find (protocol number)", find_by_protocol,
	  "request.read", G_ERR_NOTFOUND, G_OK, MARK_REQUEST, G_OK },
	{ "service_request_find (emergency number)", find_by_emergency,
	  "request.read", G_ERR_NOTFOUND, G_OK, MARK_CERTIFICATE, G_OK },
	{ "service_request_values", request_values, "request.read",
	  G_ERR_NOTFOUND, G_OK, MARK_SUBJECT, G_OK },
	{ "service_request_events", request_events, "request.read",
	  G_ERR_NOTFOUND, G_OK, MARK_ROWS, G_OK },
	/* A citizen's list is theirs whatever the filter: nothing refused. */
	{ "service_request_list", request_list, NULL,
	  G_OK, G_OK, MARK_REQUEST, G_OK },
	/* No printer: A's own gets as far as printing. */
	{ "service_request_receipt", request_receipt, "request.receipt",
	  G_ERR_NOTFOUND, G_ERR_IO, MARK_NONE, SKIP },
	{ "service_request_set_status (resubmit)", request_resubmit,
	  "request.status", G_ERR_NOTFOUND, G_OK, MARK_REQUEST, SKIP },
	/* Filed for A, and audited as done for A. */
	{ "service_request_file", request_file, "request.file",
	  G_OK, G_OK, MARK_PERSON, SKIP },
	{ "service_register_open", register_open, "register.view",
	  G_OK, G_OK, MARK_SURNAME, G_OK },
	/* A citizen's polls are theirs whatever is asked: nothing refused. */
	{ "service_poll_list", poll_list, NULL,
	  G_OK, G_OK, MARK_VOTED, G_OK },
	/* The vote cast with B's id was A's: A's own is a second one. */
	{ "service_poll_vote", poll_vote, "poll.vote",
	  G_OK, G_ERR_EXISTS, MARK_PERSON, SKIP },
	/* Another's fine: "not recorded yet", as an unknown number is at
	 * the kiosk, and the attempt is audited. */
	{ "service_fine_find", fine_find, "fine.lookup",
	  G_ERR_NOTFOUND, G_OK, MARK_PLATE, SKIP },

	/* The counter's reads: refused for the role, and audited. */
	{ "service_person_get", person_get, "person.read",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_SURNAME, G_OK },
	{ "service_person_find", person_find, "person.find",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_PERSON, G_OK },
	{ "service_person_search", person_search, "person.search",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_SURNAME, G_OK },
	{ "service_person_history", person_history, "person.read",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_ROWS, G_OK },
	{ "service_person_validations", person_validations, "person.read",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_PERSON, G_OK },
	{ "service_enrolment_check", enrolment_check, "enrolment.check",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_business_get", business_get, "business.read",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_SURNAME, G_OK },
	{ "service_business_search", business_search, "business.search",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_SURNAME, G_OK },
	{ "service_business_of_person", business_of_person, "business.read",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_SURNAME, G_OK },
	{ "service_business_representatives", business_representatives,
	  "business.read", G_ERR_DENIED, G_ERR_DENIED, MARK_SURNAME, G_OK },
	{ "service_envelope_get (id)", envelope_get, "envelope.read",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_PERSON, G_OK },
	{ "service_envelope_get (serial)", envelope_get_serial, "envelope.read",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_PERSON, G_OK },
	{ "service_envelope_list", envelope_list, "envelope.read",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_PERSON, G_OK },
	{ "service_registration_pending", registration_pending, "registration.read",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_SURNAME, G_OK },
	{ "service_request_receipt_check", receipt_check, "receipt.check",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },

	/* The counter's changes: refused for the role, and audited. */
	{ "service_person_register", person_register, "person.register",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_business_register", business_register,
	  "business.register", G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_envelope_issue", envelope_issue, "envelope.issue",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_envelope_print", envelope_print, "envelope.print",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_envelope_print_pending", envelope_print_pending,
	  "envelope.print", G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_envelope_hand_over", envelope_hand_over,
	  "envelope.hand-over", G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_envelope_replace", envelope_replace, "envelope.replace",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_person_validate", person_validate, "person.validate",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_person_validate_signed", person_validate_signed,
	  "person.validate", G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_person_revoke", person_revoke, "person.revoke",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_person_set_status", person_suspend, "person.status",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_representative_add", representative_add,
	  "representative.add", G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_representative_end", representative_end,
	  "representative.end", G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_registration_file", registration_file,
	  "registration.file", G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_payment_take", payment_take, "payment.take",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_payment_receipt", payment_receipt, "payment.receipt",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_fine_pay", fine_pay, "fine.pay",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_fine_receipt", fine_receipt, "fine.receipt",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_declaration_file", declaration_file, "declaration.file",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_request_register", request_register, "request.register",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_request_assign", request_assign, "request.assign",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_request_annul", request_annul, "registry.annul",
	  G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
	{ "service_request_set_status (answer)", request_answer,
	  "request.status", G_ERR_DENIED, G_ERR_DENIED, MARK_NONE, SKIP },
};

#define NPROBES ((int)(sizeof probes / sizeof probes[0]))

/*
 * The world: A and B registered, validated, in the taxpayer register,
 * each with requests, an envelope, a business, a fine, a vote; made by
 * the system administrator, as guichetctl would.
 */

/* Asserts that a service call worked, saying why when not. */
#define OK(svc, call) do {						\
	int rc_ = (call);						\
	ck_assert_msg(rc_ == G_OK, "%s: %s: %s", #call, gerr_str(rc_),	\
	    service_message(svc));					\
} while (0)

/* Writes path with text. */
static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_ge(fputs(text, f), 0);
	ck_assert_int_eq(fclose(f), 0);
}

static void
person_make(struct service *svc, struct citizen *c)
{
	struct person_problem pr[PF_COUNT];
	struct validation v;
	struct person p;
	int n = 0;

	memset(&p, 0, sizeof p);
	SET(p.cnp, c->id->cnp);
	SET(p.surname, c->id->surname);
	SET(p.given_names, c->id->given);
	SET(p.address.town, "Cluj-Napoca");
	SET(p.address.street, c->id->street);
	SET(p.address.number, c->id->number);
	SET(p.address.postal_code, "400001");
	p.contact = CONTACT_POST;
	OK(svc, service_person_register(svc, &p, pr, PF_COUNT, &n,
	    &c->person));
	memset(&v, 0, sizeof v);
	v.method = VALIDATION_COUNTER;
	v.doc = ro_card(c->id->card);
	OK(svc, service_person_validate(svc, c->person, &v));
}

/* The taxpayer register's feed for A and B: a home, last year's tax on
 * it, a payment at a bank (all in the past, whatever today is). */
static void
register_make(struct service *svc)
{
	struct import_report rep;
	char feed[4096], path[128];
	const struct identity *a = &identities[0], *b = &identities[1];
	int year = clock_today().year - 1;

	snprintf(feed, sizeof feed,
	    "taxpayer,%s,%s %s,\"%s %s, Cluj-Napoca\"\n"
	    "taxpayer,%s,%s %s,\"%s %s, Cluj-Napoca\"\n"
	    "unit,CJ-B/000201,building,\"Casă, 90 mp\",\"%s %s\"\n"
	    "unit,CJ-B/000202,building,\"Apartament, 60 mp\",\"%s %s\"\n"
	    "owner,CJ-B/000201,%s,1\n"
	    "owner,CJ-B/000202,%s,1\n"
	    "obligation,%dCJ0201,%s,CJ-B/000201,building,Impozit pe clădiri,"
	    "%d,300.00,DI-%d-0201,%d-01-20,%d-12-31,"
	    "RO74 TREZ 2162 1070 2010 1XXX,,yes\n"
	    "obligation,%dCJ0202,%s,CJ-B/000202,building,Impozit pe clădiri,"
	    "%d,200.00,DI-%d-0202,%d-01-20,%d-12-31,"
	    "RO74 TREZ 2162 1070 2010 1XXX,,yes\n"
	    "payment,BANK-A-1,%s,%s %s,100.00,%d-01-25,,,,\n"
	    "payment,BANK-B-1,%s,%s %s,50.00,%d-01-25,,,,\n",
	    a->cnp, a->surname, a->given, a->street, a->number,
	    b->cnp, b->surname, b->given, b->street, b->number,
	    a->street, a->number, b->street, b->number, a->cnp, b->cnp,
	    year, a->cnp, year, year, year, year,
	    year, b->cnp, year, year, year, year,
	    a->cnp, a->surname, a->given, year,
	    b->cnp, b->surname, b->given, year);
	snprintf(path, sizeof path, "%s/feed.csv", fixture_dir);
	write_file(path, feed);
	OK(svc, service_register_import(svc, path, NULL, NULL, NULL, &rep));
	ck_assert_int_eq(rep.bad, 0);
}

static void
requests_make(struct service *svc, struct citizen *c)
{
	const struct request_value v[] = {
		{ "subject", c->id->subject },
		{ "text", c->id->text },
	};
	struct request r;

	OK(svc, service_request_file(svc, "general-request", c->person, v, 2,
	    &r));
	c->request = r.id;
	OK(svc, service_request_register(svc, r.id, &r));
	SET(c->protocol, r.protocol);
	/* Returned to them: resubmitting is then theirs to do. */
	OK(svc, service_request_set_status(svc, r.id, REQ_RETURNED,
	    "Adăugați o fotografie.", NULL, &r));
}

/* A certificate filed while the registry is off: an emergency number. */
static void
certificate_make(struct service *svc, struct citizen *c)
{
	const struct request_value v[] = {
		{ "kind", "birth" },
		{ "delivery", "counter" },
		{ "details", c->id->details },
	};
	struct request r;

	fixture_conf.registry_offline = 1;
	OK(svc, service_request_file(svc, "civil-certificate", c->person, v,
	    3, &r));
	fixture_conf.registry_offline = 0;
	ck_assert_str_ne(r.emergency, "");
	c->certificate = r.id;
	SET(c->emergency, r.emergency);
}

static void
business_make(struct service *svc, struct citizen *c)
{
	struct business b;

	memset(&b, 0, sizeof b);
	SET(b.cui, c->id->cui);
	SET(b.name, c->id->business);
	SET(b.town, "Cluj-Napoca");
	OK(svc, service_business_register(svc, &b));
	c->business = b.id;
	OK(svc, service_representative_add(svc, b.id, c->person,
	    date_add_days(clock_today(), -3), "DS-1"));
	c->representative = fixture_count("SELECT id FROM representative "
	    "WHERE person_id = ?", (long long)c->person);
}

static void
fine_make(struct service *svc, struct citizen *c)
{
	struct date on = date_add_days(clock_today(), -3);
	struct fine typed, f;
	money_t amount;

	snprintf(c->fine_time, sizeof c->fine_time, "%02d.%02d.%04d 10:30",
	    on.day, on.month, on.year);
	memset(&typed, 0, sizeof typed);
	SET(typed.municipality, TOWN_CODE);
	SET(typed.number, c->id->fine);
	SET(typed.plate, c->id->plate);
	SET(typed.issued_at, c->fine_time);
	SET(typed.type, "parking");
	OK(svc, service_fine_check(svc, &typed, &f));
	OK(svc, service_fine_register(svc, &f));
	c->fine = f.id;
	SET(c->plate, f.plate);
	OK(svc, service_fine_pay(svc, f.id, PAY_CASH, c->id->fine,
	    &c->fine_payment, &amount));
}

/* A poll open today and tomorrow; returns its id. */
static int64_t
poll_make(struct service *svc, const char *question)
{
	struct poll p;

	memset(&p, 0, sizeof p);
	SET(p.question, question);
	p.noptions = 2;
	SET(p.options[0], "Da");
	SET(p.options[1], "Nu");
	date_format_iso(clock_today(), p.opens_on, sizeof p.opens_on);
	date_format_iso(date_add_days(clock_today(), 1), p.closes_on,
	    sizeof p.closes_on);
	OK(svc, service_poll_create(svc, &p));
	return p.id;
}

/* An active login of c's, as a handed-over envelope leaves it, with the
 * password already their own: made in SQL, as bench-kiosk makes its
 * logins, since printing the envelope needs CUPS (and a cheap hash: a
 * test needs no strength). */
static void
credential_make(const struct citizen *c)
{
	char hash[PASSWORD_HASH_MAX], sql[512];

	ck_assert_int_eq(password_hash_cost(CITIZEN_PASSWORD, 10, hash,
	    sizeof hash), G_OK);
	snprintf(sql, sizeof sql, "INSERT INTO credential (person_id, "
	    "username, password_hash, state, must_change, created_at, "
	    "activated_at) VALUES (%lld, '%s', '%s', 'active', 0, "
	    "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
	    (long long)c->person, c->id->username, hash);
	fixture_sql(sql);
}

/* Writes what shows c's data. */
static void
marks_make(struct citizen *c)
{
	snprintf(c->mark[MARK_SURNAME], sizeof c->mark[0], "%s",
	    c->id->surname);
	snprintf(c->mark[MARK_PERSON], sizeof c->mark[0], "person#%lld;",
	    (long long)c->person);
	snprintf(c->mark[MARK_SUBJECT], sizeof c->mark[0], "%s",
	    c->id->subject);
	snprintf(c->mark[MARK_REQUEST], sizeof c->mark[0], "request#%lld;",
	    (long long)c->request);
	snprintf(c->mark[MARK_CERTIFICATE], sizeof c->mark[0],
	    "request#%lld;", (long long)c->certificate);
	snprintf(c->mark[MARK_PLATE], sizeof c->mark[0], "%s", c->plate);
	snprintf(c->mark[MARK_VOTED], sizeof c->mark[0], "voted#%lld;",
	    (long long)c->poll);
}

static void
secret(const char *s)
{
	ck_assert_int_lt(w.nsecrets, SECRETS_MAX);
	ck_assert_str_ne(s, "");
	w.secrets[w.nsecrets++] = s;
}

/* B's: every word and number of theirs A could be shown. */
static void
secrets_make(void)
{
	static char taxpayer[48], envelope[48], business[48];
	struct citizen *b = &w.b;
	int i;

	w.nsecrets = 0;
	secret(b->id->cnp);
	secret(b->id->surname);
	secret(b->id->given);
	secret(b->id->username);
	secret(b->id->street);
	secret(b->id->subject);
	secret(b->id->text);
	secret(b->id->details);
	secret(b->protocol);
	secret(b->emergency);
	secret(b->serial);
	secret(b->plate);
	for (i = MARK_PERSON; i < MARK_COUNT; i++)
		if (i != MARK_SUBJECT && i != MARK_PLATE)
			secret(b->mark[i]);
	snprintf(taxpayer, sizeof taxpayer, "taxpayer#%lld;",
	    (long long)b->taxpayer);
	snprintf(envelope, sizeof envelope, "envelope#%lld;",
	    (long long)b->envelope);
	snprintf(business, sizeof business, "business#%lld;",
	    (long long)b->business);
	secret(taxpayer);
	secret(envelope);
	secret(business);
	secret("tally");	/* a citizen sees no counts */
}

/* Reads the configuration beside the store: fines need the town's code. */
static void
conf_town(void)
{
	char path[128], *cause = NULL;

	snprintf(path, sizeof path, "%s/guichet.conf", fixture_dir);
	ck_assert_msg(conf_load(&fixture_conf, path, &cause) == G_OK, "%s",
	    cause);
}

static void
world_make(void)
{
	struct citizen *c[2] = { &w.a, &w.b };
	struct envelope e;
	struct service *svc;
	char path[128];
	int64_t reg;
	int i;

	memset(&w, 0, sizeof w);
	w.a.id = &identities[0];
	w.b.id = &identities[1];
	snprintf(path, sizeof path, "%s/guichet.conf", fixture_dir);
	write_file(path, "[town]\nprofile = ro\ncode = " TOWN_CODE "\n");
	conf_town();
	svc = fixture_service(1);
	for (i = 0; i < 2; i++)
		person_make(svc, c[i]);
	register_make(svc);
	for (i = 0; i < 2; i++) {
		c[i]->taxpayer = fixture_count("SELECT id FROM taxpayer WHERE "
		    "person_id = ?", (long long)c[i]->person);
		ck_assert_int_gt(c[i]->taxpayer, 0);
		requests_make(svc, c[i]);
	}
	for (i = 0; i < 2; i++)
		certificate_make(svc, c[i]);
	for (i = 0; i < 2; i++) {
		OK(svc, service_envelope_issue(svc, c[i]->person, &e));
		c[i]->envelope = e.id;
		SET(c[i]->serial, e.serial);
		business_make(svc, c[i]);
		fine_make(svc, c[i]);
		c[i]->payment = fixture_count("SELECT id FROM payment WHERE "
		    "taxpayer_id = ?", (long long)c[i]->taxpayer);
		ck_assert_int_gt(c[i]->payment, 0);
		/* Each votes at the counter in a poll of their own. */
		c[i]->poll = poll_make(svc, i == 0 ? "Parc nou?" :
		    "Piață nouă?");
		OK(svc, service_poll_vote(svc, c[i]->poll, 0, c[i]->person));
		OK(svc, service_registration_file(svc, c[i]->person,
		    REG_COUNTER, NULL, &reg));
		credential_make(c[i]);
		marks_make(c[i]);
	}
	w.vote_poll = poll_make(svc, "Pistă de biciclete?");
	OK(svc, service_staff_add(svc, CLERK, ROLE_CLERK, CLERK_PASSWORD));
	service_close(svc);
	secrets_make();
}

/* Opens the kiosk with A logged in. */
static struct service *
kiosk_open(void)
{
	struct service *svc = fixture_service(0);

	OK(svc, service_citizen_login(svc, w.a.id->username,
	    CITIZEN_PASSWORD));
	ck_assert_int_eq(service_actor(svc)->role, ROLE_CITIZEN);
	ck_assert_int_eq(service_actor(svc)->person_id, w.a.person);
	ck_assert(!service_actor(svc)->must_change);
	return svc;
}

/*
 * The checks.
 */

static long long
audit_last(void)
{
	return fixture_count("SELECT COALESCE(MAX(id), 0) FROM audit");
}

/* Asserts that text holds none of B's. */
static void
hides_b(const struct probe *p, const char *what, const char *text)
{
	int i;

	for (i = 0; i < w.nsecrets; i++)
		ck_assert_msg(strstr(text, w.secrets[i]) == NULL,
		    "%s: %s shows B's \"%s\": %s", p->name, what,
		    w.secrets[i], text);
}

/* Asserts that what came back shows c's data. */
static void
shows(const struct probe *p, const struct seen *s, const struct citizen *c,
    const char *whose)
{
	if (p->shows == MARK_ROWS)
		ck_assert_msg(s->text[0] != '\0', "%s: %s came back empty",
		    p->name, whose);
	else if (p->shows != MARK_NONE)
		ck_assert_msg(strstr(s->text, c->mark[p->shows]) != NULL,
		    "%s: %s lack \"%s\": %s", p->name, whose,
		    c->mark[p->shows], s->text);
}

/* Asserts what the audit trail gained since row last: A's row for the
 * probe's action with the outcome of rc, or nothing at all (no action,
 * or a read that went through). */
static void
audited(const struct probe *p, long long last, int rc)
{
	char want[200];

	/* Reading one's own is not audited; only a refused read is. */
	if (p->action == NULL || (rc == G_OK &&
	    (strstr(p->action, ".read") != NULL ||
	    strstr(p->action, ".lookup") != NULL))) {
		ck_assert_msg(fixture_count("SELECT COUNT(*) FROM audit WHERE "
		    "id > ?", last) == 0, "%s: audited: %s", p->name,
		    fixture_text("SELECT action || ' ' || outcome FROM audit "
		    "WHERE id > ?", last));
		return;
	}
	snprintf(want, sizeof want, "%s|citizen|%s|%s%s", w.a.id->username,
	    p->action, rc == G_OK ? "ok" : "refused: ",
	    rc == G_OK ? "" : gerr_str(rc));
	ck_assert_msg(fixture_count("SELECT COUNT(*) FROM audit WHERE id > ?",
	    last) == 1, "%s: %lld audit rows", p->name, fixture_count(
	    "SELECT COUNT(*) FROM audit WHERE id > ?", last));
	ck_assert_str_eq(fixture_text("SELECT actor || '|' || role || '|' || "
	    "action || '|' || outcome FROM audit WHERE id > ?", last), want);
}

START_TEST(a_citizen_reaches_nothing_of_anothers)
{
	const struct probe *p = &probes[_i];
	struct service *kiosk;
	struct seen s;
	long long last;
	int rc;

	kiosk = kiosk_open();

	/* A asks for B's. */
	memset(&s, 0, sizeof s);
	last = audit_last();
	rc = p->call(kiosk, &w.b, &s);
	ck_assert_msg(rc == p->refused, "%s with B's: %s, not %s: %s",
	    p->name, gerr_str(rc), gerr_str(p->refused),
	    service_message(kiosk));
	hides_b(p, "the message", service_message(kiosk));
	hides_b(p, "what came back", s.text);
	if (rc != G_OK) {
		ck_assert_msg(service_message(kiosk)[0] != '\0',
		    "%s: refused without a word", p->name);
		ck_assert_msg(s.text[0] == '\0', "%s: refused, yet gave %s",
		    p->name, s.text);
	} else {
		/* B's id was not used: the answer is A's own, and so must
		 * the audit row be. */
		shows(p, &s, &w.a, "A's own");
		ck_assert_msg(fixture_count("SELECT COUNT(*) FROM audit WHERE "
		    "id > ? AND on_behalf = 'person:' || ?", last,
		    (long long)w.b.person) == 0, "%s: audited for B: %s",
		    p->name, fixture_text("SELECT action || ' ' || object || "
		    "' ' || on_behalf FROM audit WHERE id > ?", last));
	}
	audited(p, last, rc);

	/* A asks for their own: the function works, or refuses alike. */
	memset(&s, 0, sizeof s);
	last = audit_last();
	rc = p->call(kiosk, &w.a, &s);
	ck_assert_msg(rc == p->own, "%s with A's own: %s, not %s: %s",
	    p->name, gerr_str(rc), gerr_str(p->own), service_message(kiosk));
	hides_b(p, "the message on A's own", service_message(kiosk));
	hides_b(p, "A's own", s.text);
	if (rc == G_OK)
		shows(p, &s, &w.a, "A's own");
	else
		ck_assert_msg(s.text[0] == '\0', "%s: refused, yet gave %s",
		    p->name, s.text);
	audited(p, last, rc);
	service_close(kiosk);
}
END_TEST

/* A clerk's call with B's shows B's: what came back would show a leak. */
START_TEST(a_clerk_sees_what_a_citizen_may_not)
{
	const struct probe *p = &probes[_i];
	struct service *counter;
	struct seen s;
	int rc;

	if (p->clerk == SKIP)
		return;
	counter = fixture_service(0);
	OK(counter, service_login(counter, CLERK, CLERK_PASSWORD));
	memset(&s, 0, sizeof s);
	rc = p->call(counter, &w.b, &s);
	ck_assert_msg(rc == p->clerk, "%s as a clerk: %s, not %s: %s",
	    p->name, gerr_str(rc), gerr_str(p->clerk),
	    service_message(counter));
	shows(p, &s, &w.b, "B's");
	service_close(counter);
}
END_TEST

static void
world_setup(void)
{
	fixture_setup();
	fixture_conf.country = COUNTRY_RO;
	world_make();
	snprintf(world_dir, sizeof world_dir, "%s", fixture_dir);
	conf_free(&fixture_conf);
}

static void
world_teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", world_dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void
setup(void)
{
	char cmd[256];

	fixture_setup();
	fixture_conf.country = COUNTRY_RO;
	snprintf(cmd, sizeof cmd, "cp '%s/g.db' '%s/g.db.key' "
	    "'%s/guichet.conf' '%s'", world_dir, world_dir, world_dir,
	    fixture_dir);
	ck_assert_int_eq(system(cmd), 0);
	conf_town();
}

int
main(void)
{
	Suite *s = suite_create("isolation");
	TCase *tc = tcase_create("isolation");
	SRunner *sr;
	int failed;

	tcase_add_unchecked_fixture(tc, world_setup, world_teardown);
	tcase_add_checked_fixture(tc, setup, fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, a_citizen_reaches_nothing_of_anothers, 0,
	    NPROBES);
	tcase_add_loop_test(tc, a_clerk_sees_what_a_citizen_may_not, 0,
	    NPROBES);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
