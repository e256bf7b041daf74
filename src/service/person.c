#include "config.h"

#include "guichet/service-person.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/fold.h"
#include "guichet/i18n.h"
#include "guichet/id-key.h"
#include "guichet/iddoc.h"
#include "guichet/level.h"
#include "guichet/password.h"
#include "guichet/store-business.h"
#include "guichet/store-person.h"
#include "guichet/store-registration.h"
#include "guichet/store-validation.h"
#include "guichet/xmalloc.h"
#include "service-internal.h"

#define NAME_SCAN_MAX 5000	/* rows a name search looks at, at most */

/* Returns a new string with the names of p folded for search. */
static char *
person_folded(const struct person *p)
{
	char *all = xasprintf("%s %s %s", p->surname, p->given_names,
	    p->former_names);
	char *folded = fold_search(all);

	free(all);
	return folded;
}

/* Returns the national id that keys p: the CNP in Romania, the AFM in
 * Greece, with the name of its kind in *kind. */
static const char *
national_id(const struct person *p, const char **kind)
{
	if (strcmp(p->country, "GR") == 0) {
		*kind = "afm";
		return p->afm;
	}
	*kind = "cnp";
	return p->cnp;
}

/* Computes the person's unique key.  Must run inside a transaction. */
static int
person_key(struct service *svc, const struct person *p,
    char key[ID_KEY_HEX])
{
	const char *kind, *id = national_id(p, &kind);

	return service_keyed_hash(svc, kind, id, key);
}

/* Returns the person already holding one of p's national ids, or 0. */
static int64_t
person_known(struct service *svc, const struct person *p)
{
	int64_t id = 0;

	if ((p->cnp[0] != '\0' &&
	    store_person_find(svc->st, COLUMN_CNP, p->cnp, &id) == G_OK) ||
	    (p->afm[0] != '\0' &&
	    store_person_find(svc->st, COLUMN_AFM, p->afm, &id) == G_OK) ||
	    (p->amka[0] != '\0' &&
	    store_person_find(svc->st, COLUMN_AMKA, p->amka, &id) == G_OK))
		return id;
	return 0;
}

/* Records a level change of person id and sets the new level. */
static int
level_set(struct service *svc, int64_t id, enum account_level from,
    enum account_level to, const char *reason)
{
	struct level_change c;
	int rc;

	if (!level_may_change(from, to)) {
		service_fail(svc, G_ERR_DENIED, _("An account cannot go from "
		    "%s to %s."), _(level_label(from)), _(level_label(to)));
		return G_ERR_DENIED;
	}
	memset(&c, 0, sizeof c);
	c.from = from;
	c.to = to;
	snprintf(c.reason, sizeof c.reason, "%s", reason);
	snprintf(c.by, sizeof c.by, "%s", svc->actor.name);
	snprintf(c.station, sizeof c.station, "%s", svc->conf->station);
	if ((rc = store_person_set_level(svc->st, id, to)) != G_OK)
		return rc;
	return store_level_change_insert(svc->st, id, &c);
}

int
service_person_insert(struct service *svc, struct person *p, int64_t *id)
{
	char *folded;
	int rc;

	if ((*id = person_known(svc, p)) != 0) {
		service_for(svc, *id);
		return G_ERR_EXISTS;
	}
	p->level = LEVEL_NONE;
	folded = person_folded(p);
	rc = store_person_insert(svc->st, p, folded, id);
	free(folded);
	if (rc == G_OK)
		service_for(svc, *id);
	return rc;
}

int
service_person_register(struct service *svc, struct person *p,
    struct person_problem *problems, int max, int *count, int64_t *id)
{
	int rc;

	service_clear(svc);
	*count = 0;
	*id = 0;
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "person.register", "person:?");
	*count = person_check(p, svc->conf->country, clock_today(), problems,
	    max);
	if (*count > 0) {
		service_fail(svc, G_ERR_INVALID, "%s", _(problems[0].reason));
		return service_refused(svc, G_ERR_INVALID, "person.register",
		    "person:?");
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = service_person_insert(svc, p, id)) == G_ERR_EXISTS) {
		service_fail(svc, G_ERR_EXISTS, "%s", _("This person is "
		    "already registered: their card is shown instead."));
		return service_finish(svc, G_ERR_EXISTS, "person.register",
		    svc->on_behalf);
	}
	if (rc == G_OK) {
		rc = level_set(svc, *id, LEVEL_NONE, LEVEL_STANDARD,
		    N_("registered at the counter"));
		p->level = LEVEL_STANDARD;
		p->id = *id;
	}
	if (rc == G_OK)
		service_fail(svc, G_OK, _("%s %s is registered (Level A)."),
		    p->given_names, p->surname);
	return service_finish(svc, rc, "person.register", svc->on_behalf);
}

struct search {
	int64_t ids[PERSON_SEARCH_MAX];
	int count, limit;
	const char *query;	/* folded, for name searches */
};

/* Keeps id unless it is there already or the list is full; returns
 * non-zero when the search has enough. */
static int
search_keep(struct search *s, int64_t id)
{
	int i;

	for (i = 0; i < s->count; i++)
		if (s->ids[i] == id)
			return 0;
	s->ids[s->count++] = id;
	return s->count >= s->limit;
}

static int
search_by_column(int64_t id, void *arg)
{
	return search_keep(arg, id);
}

static int
search_by_name(int64_t id, const char *name, void *arg)
{
	struct search *s = arg;

	if (!fold_matches(name, s->query))
		return 0;
	return search_keep(s, id);
}

/* Returns the longest word of folded text in a new string: the most
 * selective one to scan the index with. */
static char *
longest_word(const char *folded)
{
	const char *w = folded, *best = folded, *end;
	size_t best_len = 0, len;

	while (*w != '\0') {
		end = strchr(w, ' ');
		len = end != NULL ? (size_t)(end - w) : strlen(w);
		if (len > best_len) {
			best = w;
			best_len = len;
		}
		if (end == NULL)
			break;
		w = end + 1;
	}
	return xstrndup(best, best_len);
}

/* Returns true when s holds only digits and blanks, and some digit. */
static bool
all_digits(const char *s)
{
	bool digit = false;

	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			digit = true;
		else if (*s != ' ')
			return false;
	}
	return digit;
}

int
service_person_search(struct service *svc, const char *query, int limit,
    int (*fn)(const struct person_summary *p, void *arg), void *arg)
{
	struct person_summary summaries[PERSON_SEARCH_MAX];
	struct search s;
	char *folded = NULL, *word = NULL, digits[32];
	int rc = G_OK, i, n = 0;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "person.search",
	    "person", 0)) != G_OK)
		return rc;
	memset(&s, 0, sizeof s);
	s.limit = limit < 1 ? 1 : limit > PERSON_SEARCH_MAX ?
	    PERSON_SEARCH_MAX : limit;
	if (all_digits(query)) {
		for (; *query != '\0' && n < (int)sizeof digits - 1;
		    query++)
			if (*query != ' ')
				digits[n++] = *query;
		digits[n] = '\0';
		rc = store_person_search_column(svc->st, COLUMN_CNP, digits,
		    s.limit, search_by_column, &s);
		if (rc == G_OK && s.count < s.limit)
			rc = store_person_search_column(svc->st, COLUMN_AFM,
			    digits, s.limit, search_by_column, &s);
		if (rc == G_OK && s.count < s.limit)
			rc = store_person_search_column(svc->st, COLUMN_AMKA,
			    digits, s.limit, search_by_column, &s);
	} else if (strchr(query, '@') != NULL) {
		/* Addresses are ASCII; the index holds them in lower case. */
		word = xstrdup(query);
		for (i = 0; word[i] != '\0'; i++)
			word[i] = (char)tolower((unsigned char)word[i]);
		rc = store_person_search_column(svc->st, COLUMN_EMAIL, word,
		    s.limit, search_by_column, &s);
	} else {
		folded = fold_search(query);
		if (folded[0] != '\0') {
			word = longest_word(folded);
			s.query = folded;
			rc = store_person_search_name(svc->st, word,
			    NAME_SCAN_MAX, search_by_name, &s);
		}
	}
	if (rc == G_OK)
		rc = store_person_summaries(svc->st, s.ids, s.count, summaries);
	for (i = 0; rc == G_OK && i < s.count; i++)
		if (summaries[i].id != 0 && fn(&summaries[i], arg) != 0)
			break;
	free(word);
	free(folded);
	if (rc != G_OK)
		return service_fail(svc, G_ERR_STORE, "%s",
		    _("The search failed in the store; try again."));
	return G_OK;
}

/* Reads person id, saying so when there is none. */
static int
person_load(struct service *svc, int64_t id, struct person *p)
{
	int rc = store_person_get(svc->st, id, p);

	if (rc == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s",
		    _("This person is not in the store."));
	return rc;
}

int
service_person_find(struct service *svc, const char *national_id,
    int64_t *id)
{
	static const enum person_column columns[] = { COLUMN_CNP, COLUMN_AFM,
		COLUMN_AMKA };
	size_t i;
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "person.find",
	    "person", 0)) != G_OK)
		return rc;
	for (i = 0; i < sizeof columns / sizeof columns[0]; i++)
		if ((rc = store_person_find(svc->st, columns[i], national_id,
		    id)) != G_ERR_NOTFOUND)
			return rc;
	return service_fail(svc, G_ERR_NOTFOUND, _("No one has the national "
	    "id %s; register them first."), national_id);
}

int
service_person_get(struct service *svc, int64_t id, struct person *out)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "person.read",
	    "person", id)) != G_OK)
		return rc;
	return person_load(svc, id, out);
}

int
service_person_history(struct service *svc, int64_t id,
    int (*fn)(const struct level_change *c, void *arg), void *arg)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "person.read",
	    "person", id)) != G_OK)
		return rc;
	return store_level_change_each(svc->st, id, fn, arg);
}

int
service_person_validations(struct service *svc, int64_t id,
    int (*fn)(const struct validation *v, void *arg), void *arg)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "person.read",
	    "person", id)) != G_OK)
		return rc;
	return store_validation_each(svc->st, id, fn, arg);
}

/* Checks what the clerk entered for a validation of p; sets the message
 * and returns G_ERR_INVALID when something is wrong. */
static int
validation_check(struct service *svc, const struct person *p,
    struct validation *v)
{
	const char *reason;

	if (p->level == LEVEL_SUSPENDED || p->level == LEVEL_CLOSED)
		return service_fail(svc, G_ERR_DENIED, "%s", _("This account "
		    "is suspended or closed: it cannot be validated."));
	if (v->method != VALIDATION_COUNTER)
		return G_OK;
	if ((reason = iddoc_check(&v->doc, clock_today())) != NULL ||
	    (reason = iddoc_check_address_proof(v->doc.type,
	    v->address_proof)) != NULL ||
	    (reason = person_check_text(v->address_proof, 120)) != NULL)
		return service_fail(svc, G_ERR_INVALID, "%s", _(reason));
	return G_OK;
}

static int validate(struct service *, int64_t, struct validation *);

int
service_person_validate(struct service *svc, int64_t id,
    struct validation *v)
{
	int rc;

	service_clear(svc);
	service_for(svc, id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "person.validate",
		    svc->on_behalf);
	return validate(svc, id, v);
}

/* Returns true when the certificate's serialNumber names national id:
 * the id itself, or an ETSI semantic identifier ending in "-" and it
 * ("PNORO-1800101221144"). */
static bool
serial_names(const char *serial, const char *id)
{
	size_t n = strlen(serial), k = strlen(id);

	if (k == 0)
		return false;
	return strcmp(serial, id) == 0 || (n > k + 1 &&
	    serial[n - k - 1] == '-' && strcmp(serial + n - k, id) == 0);
}

/* Returns true when the signer is person p: by national id when the
 * certificate carries one, else by every word of the name. */
static bool
signer_is(const struct enrolment *e, const struct person *p)
{
	const char *kind, *id = national_id(p, &kind);
	char *name, *signer;
	bool same;

	if (e->signer_serial[0] != '\0')
		return serial_names(e->signer_serial, id);
	name = person_folded(p);
	signer = fold_search(e->signer_name);
	same = signer[0] != '\0' && fold_matches(name, signer) &&
	    fold_word_count(signer) >= 2;
	free(signer);
	free(name);
	return same;
}

int
service_person_validate_signed(struct service *svc, int64_t id,
    const char *path, struct enrolment *signer)
{
	struct enrolment e;
	struct validation v;
	struct person p;
	const char *reason = NULL;
	int rc;

	service_clear(svc);
	service_for(svc, id);
	memset(&e, 0, sizeof e);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK ||
	    (rc = person_load(svc, id, &p)) != G_OK)
		return service_refused(svc, rc, "person.validate",
		    svc->on_behalf);
	rc = enrolment_verify(path, svc->conf->enrolment_ca, &e, &reason);
	if (rc != G_OK) {
		service_fail(svc, rc, _("The signed request is refused: %s."),
		    _(reason));
		enrolment_clear(&e);
		return service_refused(svc, rc, "person.validate",
		    svc->on_behalf);
	}
	if (!signer_is(&e, &p)) {
		service_fail(svc, G_ERR_DENIED, _("The request is signed by "
		    "%s, not by %s %s."), e.signer_name, p.given_names,
		    p.surname);
		enrolment_clear(&e);
		return service_refused(svc, G_ERR_DENIED, "person.validate",
		    svc->on_behalf);
	}
	memset(&v, 0, sizeof v);
	v.method = VALIDATION_SIGNED_REQUEST;
	snprintf(v.evidence, sizeof v.evidence, "signer: %s; issuer: %s; "
	    "certificate %s to %s; signed %s", e.signer_subject, e.issuer,
	    e.not_before, e.not_after, e.signed_at[0] ? e.signed_at : "-");
	rc = validate(svc, id, &v);
	if (signer != NULL)
		*signer = e;
	else
		enrolment_clear(&e);
	return rc;
}

/* Records validation v of person id in one audited transaction, once the
 * caller checked who may and how it was proved. */
static int
validate(struct service *svc, int64_t id, struct validation *v)
{
	char key[ID_KEY_HEX];
	struct validation other;
	struct person p;
	int rc;

	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = person_load(svc, id, &p)) != G_OK ||
	    (rc = validation_check(svc, &p, v)) != G_OK)
		return service_finish(svc, rc, "person.validate",
		    svc->on_behalf);
	if ((rc = person_key(svc, &p, key)) != G_OK)
		return service_finish(svc, rc, "person.validate",
		    svc->on_behalf);
	if (store_validation_by_key(svc->st, key, &other) == G_OK) {
		service_fail(svc, G_ERR_EXISTS, other.person_id == id ?
		    _("This person is already validated (Level B).") :
		    _("This national id is already validated on another "
		    "record: one person holds one validated account."));
		return service_finish(svc, G_ERR_EXISTS, "person.validate",
		    svc->on_behalf);
	}
	v->person_id = id;
	snprintf(v->validated_by, sizeof v->validated_by, "%s",
	    svc->actor.name);
	snprintf(v->station, sizeof v->station, "%s", svc->conf->station);
	clock_now_iso(v->at, sizeof v->at);
	rc = store_validation_insert(svc->st, v, key);
	/* Someone the town hall knew without an account gets one on the
	 * way: both steps stay in the history. */
	if (rc == G_OK && p.level == LEVEL_NONE) {
		rc = level_set(svc, id, LEVEL_NONE, LEVEL_STANDARD,
		    N_("registered at validation"));
		p.level = LEVEL_STANDARD;
	}
	if (rc == G_OK)
		rc = level_set(svc, id, p.level, LEVEL_VALIDATED,
		    validation_method_label(v->method));
	if (rc == G_OK)
		rc = store_registration_close(svc->st, id, REG_DONE,
		    svc->actor.name, "");
	if (rc == G_OK)
		service_fail(svc, G_OK, _("%s %s is validated (Level B)."),
		    p.given_names, p.surname);
	return service_finish(svc, rc, "person.validate", svc->on_behalf);
}

/* Ends one representation of a person whose validation is revoked. */
static int
end_one(const struct representative *r, void *arg)
{
	struct service *svc = arg;

	return store_representative_end(svc->st, r->id, svc->actor.name);
}

int
service_person_revoke(struct service *svc, int64_t id, const char *reason)
{
	struct validation v;
	struct person p;
	const char *bad;
	int rc;

	service_clear(svc);
	service_for(svc, id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "person.revoke",
		    svc->on_behalf);
	if (reason[0] == '\0')
		bad = N_("Reason: say why the validation is revoked.");
	else
		bad = person_check_text(reason, 200);
	if (bad != NULL) {
		service_fail(svc, G_ERR_INVALID, "%s", _(bad));
		return service_refused(svc, G_ERR_INVALID, "person.revoke",
		    svc->on_behalf);
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = person_load(svc, id, &p)) == G_OK &&
	    (rc = store_validation_active(svc->st, id, &v)) == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("This person has no active "
		    "validation to revoke."));
	if (rc == G_OK)
		rc = store_validation_revoke(svc->st, v.id, svc->actor.name,
		    reason);
	if (rc == G_OK)
		rc = level_set(svc, id, p.level, LEVEL_STANDARD, reason);
	/* Only a validated person may represent a business. */
	if (rc == G_OK)
		rc = store_representative_each(svc->st, 0, id, end_one, svc);
	if (rc == G_OK)
		service_fail(svc, G_OK, _("The validation of %s %s is revoked; "
		    "the account is back at Level A."), p.given_names,
		    p.surname);
	return service_finish(svc, rc, "person.revoke", svc->on_behalf);
}

struct reindex {
	struct service *svc;
	int64_t count;
};

/* Indexes one person an older schema left without search rows. */
static int
reindex_one(int64_t id, const char *surname, const char *given,
    const char *former, void *arg)
{
	struct reindex *r = arg;
	char *all = xasprintf("%s %s %s", surname, given, former);
	char *folded = fold_search(all);
	int rc;

	rc = store_person_set_search(r->svc->st, id, folded);
	free(folded);
	free(all);
	if (rc == G_OK)
		r->count++;
	return rc;
}

int
service_person_index_missing(struct service *svc, int64_t *count)
{
	struct reindex r = { svc, 0 };
	int rc = store_person_each_unindexed(svc->st, reindex_one, &r);

	*count = r.count;
	return rc;
}

int
service_person_reindex(struct service *svc, int64_t *count)
{
	int rc;

	service_clear(svc);
	*count = 0;
	if ((rc = service_require(svc, ROLE_ADMIN)) != G_OK)
		return rc;
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = service_person_index_missing(svc, count);
	return service_finish(svc, rc, "person.reindex", "person:*");
}

int
service_enrolment_check(struct service *svc, int64_t id, const char *path,
    struct enrolment *signer)
{
	const char *reason = NULL;
	struct person p;
	int rc;

	service_clear(svc);
	memset(signer, 0, sizeof *signer);
	if ((rc = service_require_read(svc, ROLE_CLERK, "enrolment.check",
	    "person", id)) != G_OK || (rc = person_load(svc, id, &p)) != G_OK)
		return rc;
	rc = enrolment_verify(path, svc->conf->enrolment_ca, signer, &reason);
	if (rc != G_OK)
		return service_fail(svc, rc, _("The signed request is refused: "
		    "%s."), _(reason));
	if (!signer_is(signer, &p))
		return service_fail(svc, G_ERR_DENIED, _("The request is signed "
		    "by %s, not by %s %s."), signer->signer_name,
		    p.given_names, p.surname);
	return G_OK;
}

int
service_person_set_status(struct service *svc, int64_t id,
    enum account_level to, const char *reason)
{
	struct validation v;
	struct person p;
	const char *bad;
	int rc;

	service_clear(svc);
	service_for(svc, id);
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK)
		return service_refused(svc, rc, "person.status",
		    svc->on_behalf);
	bad = reason[0] == '\0' ? N_("Reason: say why the account changes.") :
	    person_check_text(reason, 200);
	if (bad == NULL && to != LEVEL_SUSPENDED && to != LEVEL_CLOSED &&
	    to != LEVEL_STANDARD)
		bad = N_("An account can only be suspended, closed or "
		    "reinstated here.");
	if (bad != NULL) {
		service_fail(svc, G_ERR_INVALID, "%s", _(bad));
		return service_refused(svc, G_ERR_INVALID, "person.status",
		    svc->on_behalf);
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = person_load(svc, id, &p)) == G_OK && to == LEVEL_STANDARD) {
		if (p.level != LEVEL_SUSPENDED) {
			service_fail(svc, G_ERR_INVALID, "%s", _("Only a "
			    "suspended account can be reinstated."));
			rc = G_ERR_INVALID;
		} else if (store_validation_active(svc->st, id, &v) == G_OK)
			to = LEVEL_VALIDATED;
	}
	if (rc == G_OK)
		rc = level_set(svc, id, p.level, to, reason);
	if (rc == G_OK)
		service_fail(svc, G_OK, _("The account of %s %s is now: %s."),
		    p.given_names, p.surname, _(level_label(to)));
	return service_finish(svc, rc, "person.status", svc->on_behalf);
}
