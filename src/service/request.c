#include "config.h"

#include "guichet/service-request.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/central.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/embedded.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/person-check.h"
#include "guichet/store-person.h"
#include "guichet/store-request.h"
#include "guichet/store-staff.h"
#include "guichet/store.h"
#include "guichet/xmalloc.h"
#include "service-internal.h"

/* Parses the built-in request types once. */
static int
types_load(struct service *svc)
{
	const struct embedded_file *f;
	char *cause = NULL;
	int n = 0;

	if (svc->types != NULL)
		return G_OK;
	for (f = embedded_forms; f->name != NULL; f++)
		n++;
	svc->types = xcalloc((size_t)n, sizeof *svc->types);
	for (f = embedded_forms; f->name != NULL; f++) {
		if (request_type_parse(f->name, f->text,
		    &svc->types[svc->ntypes], &cause) != G_OK) {
			log_error("request type %s", cause);
			service_fail(svc, G_ERR_CONFIG, _("A request type is "
			    "damaged: %s"), cause);
			free(cause);
			free(svc->types);
			svc->types = NULL;
			svc->ntypes = 0;
			return G_ERR_CONFIG;
		}
		svc->ntypes++;
	}
	return G_OK;
}

const struct request_type *
service_request_type(struct service *svc, const char *id)
{
	int i;

	if (types_load(svc) != G_OK)
		return NULL;
	for (i = 0; i < svc->ntypes; i++)
		if (strcmp(svc->types[i].id, id) == 0)
			return &svc->types[i];
	service_fail(svc, G_ERR_NOTFOUND, _("There is no request type '%s'."),
	    id);
	return NULL;
}

/* Formats r's protocol number, when it has one, with the profile's
 * format. */
static void
protocol_fill(struct service *svc, struct request *r)
{
	r->emergency[0] = '\0';
	if (r->emergency_year != 0)
		protocol_emergency(r->emergency_year, r->emergency_number,
		    r->emergency, sizeof r->emergency);
	r->protocol[0] = '\0';
	if (r->year != 0 && !protocol_format(svc->conf->protocol_format,
	    r->year, r->number, r->protocol, sizeof r->protocol))
		snprintf(r->protocol, sizeof r->protocol, "%d/%06lld",
		    r->year, (long long)r->number);
}

/* Checks every value against its field, and that required fields are
 * there; sets the message naming the field. */
static int
values_check(struct service *svc, const struct request_type *t,
    const struct request_value *values, int n)
{
	const char *lang = i18n_language(), *reason;
	int i, k;

	for (k = 0; k < n; k++) {
		for (i = 0; i < t->nfields; i++)
			if (strcmp(t->fields[i].name, values[k].name) == 0)
				break;
		if (i == t->nfields)
			return service_fail(svc, G_ERR_INVALID, _("A %s has no "
			    "field '%s'."), label3_get(&t->label, lang),
			    values[k].name);
		if ((reason = request_field_check(&t->fields[i],
		    values[k].value)) != NULL)
			return service_fail(svc, G_ERR_INVALID, "%s: %s",
			    label3_get(&t->fields[i].label, lang), _(reason));
	}
	for (i = 0; i < t->nfields; i++) {
		if (!t->fields[i].required)
			continue;
		for (k = 0; k < n; k++)
			if (strcmp(t->fields[i].name, values[k].name) == 0 &&
			    values[k].value[0] != '\0')
				break;
		if (k == n)
			return service_fail(svc, G_ERR_INVALID, "%s: %s",
			    label3_get(&t->fields[i].label, lang),
			    _("required"));
	}
	return G_OK;
}

struct pending {
	int64_t *ids;
	int count, cap;
};

static int
collect(int64_t id, void *arg)
{
	struct pending *p = arg;

	if (p->count == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->ids = xreallocarray(p->ids, (size_t)p->cap, sizeof *p->ids);
	}
	p->ids[p->count++] = id;
	return 0;
}

/* Gives the requests this station registered in emergency their ordinary
 * numbers, in filing order, and ends the outage; inside the open
 * transaction, before any new number, so the order holds.  Sets *count. */
static int
recover(struct service *svc, int *count)
{
	struct pending p = { NULL, 0, 0 };
	int64_t number;
	int rc, i;

	*count = 0;
	rc = store_emergency_pending(svc->st, svc->conf->station, collect, &p);
	for (i = 0; rc == G_OK && i < p.count; i++)
		rc = store_registry_register(svc->st, p.ids[i],
		    clock_today().year, svc->actor.name, svc->conf->station,
		    &number);
	free(p.ids);
	if (rc == G_OK && p.count > 0) {
		*count = p.count;
		rc = store_outage_close(svc->st, svc->conf->station);
		if (rc == G_OK)
			rc = service_audit(svc, "", "", "registry.recover",
			    "registry:*", "ok");
	}
	return rc;
}

/* Gives r its protocol number inside the open transaction: the next one
 * of the year, or, while the registry cannot be reached, the next
 * emergency number of this station.  With a central store the centre
 * gives it, once the transaction is over (number_from_centre). */
static int
register_now(struct service *svc, struct request *r)
{
	int rc, recovered;

	if (svc->conf->central[0] != '\0')
		rc = store_registry_pending_add(svc->st, r->id);
	else if (svc->conf->registry_offline) {
		r->emergency_year = clock_today().year;
		rc = store_emergency_register(svc->st, r->id,
		    svc->conf->station, r->emergency_year,
		    "registry switched off ([store] registry = offline)",
		    &r->emergency_number);
	} else if ((rc = recover(svc, &recovered)) == G_OK) {
		r->year = clock_today().year;
		rc = store_registry_register(svc->st, r->id, r->year,
		    svc->actor.name, svc->conf->station, &r->number);
	}
	if (rc == G_OK)
		rc = store_request_set_status(svc->st, r->id, r->status,
		    REQ_REGISTERED, "", NULL, 0, svc->actor.name,
		    svc->conf->station);
	if (rc == G_OK) {
		r->status = REQ_REGISTERED;
		protocol_fill(svc, r);
	}
	return rc;
}

/* Checks that person_id (0: anonymous) may file a request of type t;
 * sets the message saying how to get there when not. */
static int
type_allowed(struct service *svc, const struct request_type *t,
    int64_t person_id)
{
	struct person p;
	int rc;

	memset(&p, 0, sizeof p);
	if (person_id != 0 && (rc = store_person_get(svc->st, person_id,
	    &p)) != G_OK)
		return service_fail(svc, rc, "%s", _("This person is not in "
		    "the store."));
	if (request_type_allows(t, p.level, person_id == 0))
		return G_OK;
	return service_fail(svc, G_ERR_DENIED, t->access == ACCESS_VALIDATED ?
	    _("A %s needs a validated account (Level B): bring an identity "
	    "document to the counter.") : _("A %s needs an account: register "
	    "first."), label3_get(&t->label, i18n_language()));
}

const struct request_type *
service_request_types(struct service *svc, int *n)
{
	*n = 0;
	if (types_load(svc) != G_OK)
		return NULL;
	*n = svc->ntypes;
	return svc->types;
}

int
service_request_may_file(struct service *svc, const char *type_id,
    int64_t person_id)
{
	const struct request_type *t;
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK)
		return rc;
	if (svc->actor.role == ROLE_VISITOR)
		person_id = 0;
	else if (svc->actor.role == ROLE_CITIZEN)
		person_id = svc->actor.person_id;
	if ((t = service_request_type(svc, type_id)) == NULL)
		return G_ERR_NOTFOUND;
	return type_allowed(svc, t, person_id);
}

/* With a central store, gives r (registered in a transaction that has
 * committed, so the centre never numbers a request that rolled back) its
 * protocol number from the centre, with those waiting before it; when
 * the centre cannot be reached, an emergency number of this station, and
 * the centre's at the next sync. */
static void
number_from_centre(struct service *svc, struct request *r)
{
	struct central *c;
	char *cause = NULL;
	int rc, count;

	if (svc->conf->central[0] == '\0' || r->status != REQ_REGISTERED)
		return;
	if ((rc = central_open(svc->conf->central, &c, &cause)) == G_OK) {
		rc = service_sync_number(svc, c, &count);
		central_close(c);
	}
	if (rc != G_OK && store_begin(svc->st) == G_OK) {
		r->emergency_year = clock_today().year;
		if (store_emergency_register(svc->st, r->id,
		    svc->conf->station, r->emergency_year, cause != NULL ?
		    cause : svc->message, &r->emergency_number) == G_OK)
			store_commit(svc->st);
		else
			store_rollback(svc->st);
	}
	free(cause);
	if (store_request_get(svc->st, r->id, r) == G_OK)
		protocol_fill(svc, r);
}

/* Says what filing or registering r did. */
static void
say_registered(struct service *svc, const struct request *r, bool filed)
{
	if (r->protocol[0] != '\0')
		service_fail(svc, G_OK, filed ? _("Request %lld filed and "
		    "registered as %s.") : _("Request %lld is registered as "
		    "%s."), (long long)r->id, r->protocol);
	else if (r->emergency[0] != '\0')
		service_fail(svc, G_OK, _("The registry cannot be reached: "
		    "request %lld has the emergency number %s, and gets its "
		    "ordinary number when the registry is back."),
		    (long long)r->id, r->emergency);
	else
		service_fail(svc, G_OK, _("Request %lld filed."),
		    (long long)r->id);
}

int
service_request_file(struct service *svc, const char *type_id,
    int64_t person_id, const struct request_value *values, int n,
    struct request *out)
{
	const struct request_type *t;
	char object[64] = "request:?";
	int rc;

	service_clear(svc);
	memset(out, 0, sizeof *out);
	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK)
		return service_refused(svc, rc, "request.file", object);
	if (svc->actor.role == ROLE_VISITOR)
		person_id = 0;				/* anonymous only */
	else if (svc->actor.role == ROLE_CITIZEN)
		person_id = svc->actor.person_id;	/* their own only */
	/* After that, so the trail names whom the request is for. */
	if (person_id != 0)
		service_for(svc, person_id);
	if ((t = service_request_type(svc, type_id)) == NULL)
		return service_refused(svc, G_ERR_INVALID, "request.file",
		    object);
	if ((rc = values_check(svc, t, values, n)) != G_OK)
		return service_refused(svc, rc, "request.file", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = type_allowed(svc, t, person_id)) == G_OK) {
		snprintf(out->type, sizeof out->type, "%s", t->id);
		snprintf(out->department, sizeof out->department, "%s",
		    request_department_name(t->department));
		snprintf(out->category, sizeof out->category, "%s",
		    request_category_name(t->category));
		out->person_id = person_id;
		snprintf(out->filed_by, sizeof out->filed_by, "%s",
		    svc->actor.name);
		snprintf(out->station, sizeof out->station, "%s",
		    svc->conf->station);
		rc = store_request_insert(svc->st, out, values, n);
	}
	if (rc == G_OK && t->auto_register)
		rc = register_now(svc, out);
	if (rc == G_OK) {
		snprintf(object, sizeof object, "request:%lld",
		    (long long)out->id);
		if (svc->actor.role == ROLE_VISITOR)
			svc->visitor_filed = out->id;
	}
	if ((rc = service_finish(svc, rc, "request.file", object)) == G_OK) {
		number_from_centre(svc, out);
		say_registered(svc, out, true);
	}
	return rc;
}

int
service_request_load(struct service *svc, int64_t id, struct request *r)
{
	int rc = store_request_get(svc->st, id, r);

	/* A citizen learns nothing of other people's requests, not even
	 * that they exist; a visitor only what they filed just now. */
	if (rc == G_OK && svc->actor.role < ROLE_CLERK &&
	    (svc->actor.role == ROLE_VISITOR ? r->id != svc->visitor_filed :
	    r->person_id != svc->actor.person_id)) {
		memset(r, 0, sizeof *r);
		rc = G_ERR_NOTFOUND;
	}
	if (rc == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("There is no such request."));
	else if (rc == G_OK)
		protocol_fill(svc, r);
	return rc;
}

int
service_request_register(struct service *svc, int64_t id,
    struct request *out)
{
	char object[64];
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "request:%lld", (long long)id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "request.register", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = service_request_load(svc, id, out)) == G_OK &&
	    out->person_id != 0)
		service_for(svc, out->person_id);
	if (rc == G_OK && (out->year != 0 || out->emergency_year != 0)) {
		service_fail(svc, G_ERR_EXISTS, _("Request %lld is already "
		    "registered as %s."), (long long)id, out->protocol[0] ?
		    out->protocol : out->emergency);
		rc = G_ERR_EXISTS;
	}
	if (rc == G_OK)
		rc = register_now(svc, out);
	if ((rc = service_finish(svc, rc, "request.register", object)) ==
	    G_OK) {
		number_from_centre(svc, out);
		say_registered(svc, out, false);
	}
	return rc;
}

/* Turns what someone typed (an id, "#id", a protocol or an emergency
 * number) into a request id; sets the message when it names none. */
static int
request_lookup(struct service *svc, const char *what, int64_t *id)
{
	int64_t number;
	const char *digits;
	bool emergency;
	char *end;
	int rc, year;

	if (protocol_parse(svc->conf->protocol_format, what, &year, &number,
	    &emergency)) {
		rc = emergency ? store_emergency_find(svc->st,
		    svc->conf->station, year, number, id) :
		    store_registry_find(svc->st, year, number, id);
		/* A citizen learns nothing of numbers not theirs, not
		 * even whether they are in use. */
		if (rc == G_ERR_NOTFOUND && svc->actor.role < ROLE_CLERK)
			return service_fail(svc, rc, "%s", _("There is no such "
			    "request."));
		if (rc == G_ERR_NOTFOUND)
			return service_fail(svc, rc, _("No request is registered "
			    "as %s."), what);
		return rc;
	}
	digits = what + (what[0] == '#');
	*id = strtoll(digits, &end, 10);
	if (end == digits || *end != '\0' || *id <= 0)
		return service_fail(svc, G_ERR_INVALID, _("'%s' is neither a "
		    "request id nor a protocol number."), what);
	return G_OK;
}

/* A citizen's or a visitor's read that found nothing of theirs is
 * audited: someone trying other people's numbers leaves a trace (the
 * answer stays "no such request", as for a number never given). */
static int
read_refused(struct service *svc, int rc, const char *what)
{
	char object[64];

	if (rc == G_ERR_NOTFOUND && svc->acting &&
	    svc->actor.role < ROLE_CLERK) {
		snprintf(object, sizeof object, "request:%.50s", what);
		service_refused(svc, rc, "request.read", object);
	}
	return rc;
}

int
service_request_find(struct service *svc, const char *what,
    struct request *out)
{
	int64_t id = 0;
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK)
		return rc;
	if ((rc = request_lookup(svc, what, &id)) == G_OK)
		rc = service_request_load(svc, id, out);
	return read_refused(svc, rc, what);
}

/* Finds the original a duplicate of request id points to: another
 * request, itself not a duplicate, so the link leads somewhere. */
static int
duplicate_of(struct service *svc, int64_t id, const char *original,
    int64_t *original_id)
{
	struct request r;
	int rc;

	if (original == NULL || original[0] == '\0')
		return service_fail(svc, G_ERR_INVALID, "%s", _("A duplicate "
		    "names the original request: give its number."));
	if ((rc = request_lookup(svc, original, original_id)) != G_OK)
		return rc;
	if (*original_id == id)
		return service_fail(svc, G_ERR_INVALID, "%s", _("A request "
		    "cannot duplicate itself: give the original's number."));
	rc = store_request_get(svc->st, *original_id, &r);
	if (rc == G_ERR_NOTFOUND)
		return service_fail(svc, rc, _("There is no request %s."),
		    original);
	if (rc == G_OK && r.status == REQ_DUPLICATE)
		return service_fail(svc, G_ERR_INVALID, _("Request %s is itself "
		    "a duplicate: give the request it duplicates."), original);
	return rc;
}

int
service_request_set_status(struct service *svc, int64_t id,
    enum request_status to, const char *text, const char *original,
    struct request *out)
{
	const char *reason;
	int64_t original_id = 0;
	char object[64];
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "request:%lld", (long long)id);
	/* A citizen may only resubmit what was returned to them. */
	if ((rc = service_require(svc, to == REQ_RESUBMITTED ? ROLE_CITIZEN :
	    ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "request.status", object);
	if (request_status_needs_text(to) && text[0] == '\0')
		reason = to == REQ_ANSWERED ? N_("Reply: write the town hall's "
		    "answer.") : N_("Reason: say why.");
	else
		reason = person_check_text(text, 4000);
	if (reason != NULL) {
		service_fail(svc, G_ERR_INVALID, "%s", _(reason));
		return service_refused(svc, G_ERR_INVALID, "request.status",
		    object);
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = service_request_load(svc, id, out)) == G_OK) {
		if (out->person_id != 0)
			service_for(svc, out->person_id);
		if ((reason = request_status_check(out->status, to)) != NULL) {
			service_fail(svc, G_ERR_INVALID, "%s", _(reason));
			rc = G_ERR_INVALID;
		}
	}
	if (rc == G_OK && to == REQ_DUPLICATE)
		rc = duplicate_of(svc, id, original, &original_id);
	if (rc == G_OK)
		rc = store_request_set_status(svc->st, id, out->status, to, text,
		    to == REQ_ANSWERED ? text : NULL, original_id,
		    svc->actor.name, svc->conf->station);
	if (rc == G_OK)
		out->duplicate_of = original_id;
	if (rc == G_OK) {
		out->status = to;
		service_fail(svc, G_OK, _("Request %lld is now: %s."),
		    (long long)id, _(request_status_label(to)));
	}
	return service_finish(svc, rc, "request.status", object);
}

int
service_request_recover(struct service *svc, int *count)
{
	int rc;

	service_clear(svc);
	*count = 0;
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "registry.recover",
		    "registry:*");
	if (svc->conf->registry_offline)
		return service_fail(svc, G_ERR_IO, "%s", _("The registry is "
		    "still unreachable: requests keep getting emergency "
		    "numbers."));
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = recover(svc, count)) != G_OK) {
		store_rollback(svc->st);
		return service_fail(svc, G_ERR_STORE, "%s", _("The emergency "
		    "registrations could not be numbered; try again."));
	}
	if ((rc = store_commit(svc->st)) != G_OK)
		return service_fail(svc, G_ERR_STORE, "%s", _("The emergency "
		    "registrations could not be numbered; try again."));
	return service_fail(svc, G_OK, ngettext("%d emergency registration "
	    "got its ordinary number.", "%d emergency registrations got their "
	    "ordinary numbers.", (unsigned long)*count), *count);
}

int
service_request_annul(struct service *svc, int64_t id, const char *reason)
{
	const char *bad;
	char object[64];
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "request:%lld", (long long)id);
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK)
		return service_refused(svc, rc, "registry.annul", object);
	bad = reason[0] == '\0' ? N_("Reason: say why the registration is "
	    "annulled.") : person_check_text(reason, 200);
	if (bad != NULL) {
		service_fail(svc, G_ERR_INVALID, "%s", _(bad));
		return service_refused(svc, G_ERR_INVALID, "registry.annul",
		    object);
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_registry_annul(svc->st, id, svc->actor.name, reason);
	if (rc == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("This request has no registration "
		    "to annul, or it is annulled already."));
	else if (rc == G_OK)
		service_fail(svc, G_OK, _("The registration of request %lld is "
		    "annulled; its number stays taken."), (long long)id);
	return service_finish(svc, rc, "registry.annul", object);
}

/* Passes each listed request on with its numbers formatted. */
struct listing {
	struct service *svc;
	int (*fn)(const struct request *r, void *arg);
	void *arg;
};

static int
list_one(const struct request *r, void *arg)
{
	struct listing *l = arg;
	struct request shown = *r;

	protocol_fill(l->svc, &shown);
	return l->fn(&shown, l->arg);
}

int
service_request_list(struct service *svc, const struct request_filter *f,
    int (*fn)(const struct request *r, void *arg), void *arg)
{
	struct listing l = { svc, fn, arg };
	struct request_filter own;
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_CITIZEN)) != G_OK)
		return rc;
	own = *f;
	if (svc->actor.role < ROLE_CLERK)
		own.person_id = svc->actor.person_id;
	return store_request_list(svc->st, &own, list_one, &l) == G_OK ? G_OK :
	    service_fail(svc, G_ERR_STORE, "%s", _("The requests could not be "
	    "read from the store."));
}

/* Checks that the actor may read request id (a citizen only their own);
 * sets the message when not. */
static int
request_readable(struct service *svc, int64_t id)
{
	struct request r;
	char what[24];
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK)
		return rc;
	snprintf(what, sizeof what, "%lld", (long long)id);
	return read_refused(svc, service_request_load(svc, id, &r), what);
}

int
service_request_values(struct service *svc, int64_t id,
    int (*fn)(const char *name, const char *value, void *arg), void *arg)
{
	int rc;

	if ((rc = request_readable(svc, id)) != G_OK)
		return rc;
	return store_request_values(svc->st, id, fn, arg) == G_OK ? G_OK :
	    service_fail(svc, G_ERR_STORE, "%s", _("The request could not be "
	    "read from the store."));
}

int
service_request_events(struct service *svc, int64_t id,
    int (*fn)(const struct request_event *e, void *arg), void *arg)
{
	int rc;

	if ((rc = request_readable(svc, id)) != G_OK)
		return rc;
	return store_request_events(svc->st, id, fn, arg) == G_OK ? G_OK :
	    service_fail(svc, G_ERR_STORE, "%s", _("The request could not be "
	    "read from the store."));
}

int
service_request_assign(struct service *svc, int64_t id,
    const char *username)
{
	struct request r;
	struct staff s;
	char object[64];
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "request:%lld", (long long)id);
	if (username == NULL || username[0] == '\0')
		username = svc->actor.name;
	/* A clerk takes a request; a supervisor hands it to anyone. */
	if ((rc = service_require(svc, strcmp(username, svc->actor.name) == 0 ?
	    ROLE_CLERK : ROLE_SUPERVISOR)) != G_OK)
		return service_refused(svc, rc, "request.assign", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = service_request_load(svc, id, &r)) == G_OK) {
		if (r.person_id != 0)
			service_for(svc, r.person_id);
		rc = store_staff_get(svc->st, username, &s);
		if (rc == G_ERR_NOTFOUND || (rc == G_OK && s.disabled))
			rc = service_fail(svc, G_ERR_NOTFOUND, _("There is no "
			    "active staff member '%s'."), username);
		else if (rc == G_OK && request_status_final(r.status))
			rc = service_fail(svc, G_ERR_INVALID, _("Request %lld "
			    "is closed: there is nothing left to work on."),
			    (long long)id);
	}
	if (rc == G_OK && (rc = store_request_assign(svc->st, id,
	    username)) == G_OK)
		service_fail(svc, G_OK, _("Request %lld is now with %s."),
		    (long long)id, username);
	return service_finish(svc, rc, "request.assign", object);
}
