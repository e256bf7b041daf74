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

int
service_registration_file(struct service *svc, int64_t person_id,
    enum registration_source source, const char *received_at,
    int64_t *id)
{
	struct registration r;
	struct person p;
	struct date day;
	char date_part[11];
	int rc;

	service_clear(svc);
	service_for(svc, person_id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "registration.file",
		    svc->on_behalf);
	memset(&r, 0, sizeof r);
	r.person_id = person_id;
	r.source = source;
	if (received_at != NULL)
		snprintf(r.received_at, sizeof r.received_at, "%s",
		    received_at);
	else
		clock_now_iso(r.received_at, sizeof r.received_at);
	snprintf(date_part, sizeof date_part, "%.10s", r.received_at);
	if (!date_parse_iso(date_part, &day)) {
		service_fail(svc, G_ERR_INVALID, "%s",
		    _("The time the request came in is not a date."));
		return service_refused(svc, G_ERR_INVALID,
		    "registration.file", svc->on_behalf);
	}
	r.deadline = registration_deadline(svc->conf->country, day, NULL);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = store_person_get(svc->st, person_id, &p)) == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("This person is not in the "
		    "store."));
	else if (rc == G_OK)
		rc = store_registration_insert(svc->st, &r);
	if (rc == G_OK) {
		date_format_iso(r.deadline, date_part, sizeof date_part);
		service_fail(svc, G_OK, _("Registration request %lld filed; "
		    "to be processed by %s."), (long long)r.id, date_part);
	}
	*id = r.id;
	return service_finish(svc, rc, "registration.file", svc->on_behalf);
}

int
service_registration_pending(struct service *svc, int limit,
    int (*fn)(const struct registration *r, void *arg), void *arg)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return rc;
	return store_registration_pending(svc->st, limit, fn, arg);
}
