#include "config.h"

#include "guichet/service-registration.h"

#include <stdio.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/store-person.h"
#include "guichet/store-registration.h"
#include "service-internal.h"


/* Files a request for person_id; must run inside a transaction.  The
 * deadline counts from the day received_at (UTC ISO) falls on. */
static int
registration_insert(struct service *svc, int64_t person_id,
    enum registration_source source, const char *received_at,
    struct registration *r)
{
	struct date day;
	char date_part[11];

	memset(r, 0, sizeof *r);
	r->person_id = person_id;
	r->source = source;
	snprintf(r->received_at, sizeof r->received_at, "%s", received_at);
	snprintf(date_part, sizeof date_part, "%.10s", r->received_at);
	if (!date_parse_iso(date_part, &day))
		return service_fail(svc, G_ERR_INVALID, "%s",
		    _("The time the request came in is not a date."));
	r->deadline = registration_deadline(svc->conf->country, day, NULL);
	return store_registration_insert(svc->st, r);
}

int
service_registration_file(struct service *svc, int64_t person_id,
    enum registration_source source, const char *received_at,
    int64_t *id)
{
	struct registration r = { 0 };
	struct person p;
	char now[32], deadline[11];
	int rc;

	service_clear(svc);
	service_for(svc, person_id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "registration.file",
		    svc->on_behalf);
	if (received_at == NULL) {
		clock_now_iso(now, sizeof now);
		received_at = now;
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = store_person_get(svc->st, person_id, &p)) == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("This person is not in the "
		    "store."));
	else if (rc == G_OK)
		rc = registration_insert(svc, person_id, source, received_at,
		    &r);
	if (rc == G_OK) {
		date_format_iso(r.deadline, deadline, sizeof deadline);
		service_fail(svc, G_OK, _("Registration request %lld filed; "
		    "to be processed by %s."), (long long)r.id, deadline);
	}
	*id = r.id;
	return service_finish(svc, rc, "registration.file", svc->on_behalf);
}

int
service_registration_apply(struct service *svc, struct person *p,
    struct person_problem *problems, int max, int *count, int64_t *id)
{
	struct registration r = { 0 };
	int64_t person_id;
	char now[32];
	int rc;

	service_clear(svc);
	*id = 0;
	*count = 0;
	if ((rc = service_require(svc, ROLE_VISITOR)) != G_OK)
		return service_refused(svc, rc, "registration.apply",
		    "person:?");
	*count = person_check(p, svc->conf->country, clock_today(), problems,
	    max);
	if (*count > 0) {
		service_fail(svc, G_ERR_INVALID, "%s", _(problems[0].reason));
		return service_refused(svc, G_ERR_INVALID,
		    "registration.apply", "person:?");
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	/* Someone already known applies like anyone else: the kiosk must not
	 * tell a stranger who is on file, and the counter checks the
	 * identity document either way. */
	clock_now_iso(now, sizeof now);
	rc = service_person_insert(svc, p, &person_id);
	if (rc == G_OK || rc == G_ERR_EXISTS)
		rc = registration_insert(svc, person_id, REG_KIOSK, now, &r);
	if (rc == G_OK) {
		*id = r.id;
		service_fail(svc, G_OK, _("Your application is number %lld. "
		    "Bring your identity card to the counter: you get your "
		    "username and password there, in an envelope."),
		    (long long)r.id);
	}
	return service_finish(svc, rc, "registration.apply", svc->on_behalf);
}

int
service_registration_pending(struct service *svc, int limit,
    int (*fn)(const struct registration *r, void *arg), void *arg)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "registration.read",
	    "registration", 0)) != G_OK)
		return rc;
	return store_registration_pending(svc->st, limit, fn, arg);
}
