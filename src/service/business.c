#include "config.h"

#include "guichet/service-business.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/fold.h"
#include "guichet/i18n.h"
#include "guichet/ident.h"
#include "guichet/person-check.h"
#include "guichet/store-business.h"
#include "guichet/store-person.h"
#include "service-internal.h"

/* Removes a leading "RO" (any case, optional blank) from a CUI. */
static void
cui_strip(char *cui)
{
	size_t skip = 0;

	if (toupper((unsigned char)cui[0]) == 'R' &&
	    toupper((unsigned char)cui[1]) == 'O')
		skip = cui[2] == ' ' ? 3 : 2;
	memmove(cui, cui + skip, strlen(cui + skip) + 1);
}

/* Checks b for the profile's country; sets the message on a problem. */
static int
business_check(struct service *svc, struct business *b)
{
	const char *reason = NULL;

	if (svc->conf->country == COUNTRY_RO) {
		snprintf(b->country, sizeof b->country, "RO");
		b->afm[0] = '\0';
		reason = ident_check_cui(b->cui);
		cui_strip(b->cui);
	} else {
		snprintf(b->country, sizeof b->country, "GR");
		b->cui[0] = '\0';
		reason = ident_check_afm(b->afm);
	}
	if (reason == NULL && b->name[0] == '\0')
		reason = N_("Name: type the business's registered name.");
	if (reason == NULL)
		reason = person_check_text(b->name, 200);
	if (reason == NULL)
		reason = person_check_text(b->town, 64);
	if (reason == NULL)
		reason = person_check_text(b->street, 96);
	if (reason == NULL)
		reason = person_check_text(b->email, 96);
	if (reason != NULL)
		return service_fail(svc, G_ERR_INVALID, "%s", _(reason));
	return G_OK;
}

int
service_business_register(struct service *svc, struct business *b)
{
	char object[64], *folded;
	int64_t existing;
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK ||
	    (rc = business_check(svc, b)) != G_OK)
		return service_refused(svc, rc, "business.register",
		    "business:?");
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if (store_business_find(svc->st, b->cui[0] ? "cui" : "afm",
	    b->cui[0] ? b->cui : b->afm, &existing) == G_OK) {
		b->id = existing;
		service_fail(svc, G_ERR_EXISTS, "%s", _("This business is "
		    "already registered."));
		snprintf(object, sizeof object, "business:%lld",
		    (long long)existing);
		return service_finish(svc, G_ERR_EXISTS, "business.register",
		    object);
	}
	folded = fold_search(b->name);
	rc = store_business_insert(svc->st, b, folded, svc->actor.name);
	free(folded);
	snprintf(object, sizeof object, "business:%lld", (long long)b->id);
	if (rc == G_OK)
		service_fail(svc, G_OK, _("%s is registered."), b->name);
	return service_finish(svc, rc, "business.register", object);
}

int
service_business_get(struct service *svc, int64_t id, struct business *out)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "business.read",
	    "business", id)) != G_OK)
		return rc;
	if ((rc = store_business_get(svc->st, id, out)) == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("This business is not in the "
		    "store."));
	return rc;
}

int
service_business_search(struct service *svc, const char *query, int limit,
    int (*fn)(const struct business *b, void *arg), void *arg)
{
	char *folded;
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "business.search",
	    "business", 0)) != G_OK)
		return rc;
	folded = fold_search(query);
	rc = store_business_search(svc->st, folded, limit, fn, arg);
	free(folded);
	return rc;
}

int
service_representative_add(struct service *svc, int64_t business_id,
    int64_t person_id, struct date declaration_date,
    const char *document_ref)
{
	struct representative r;
	struct person p;
	struct business b;
	char object[64];
	const char *reason;
	int rc;

	service_clear(svc);
	service_for(svc, person_id);
	snprintf(object, sizeof object, "business:%lld",
	    (long long)business_id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "representative.add", object);
	reason = document_ref[0] == '\0' ? N_("Declaration: type the special "
	    "declaration's registration number.") :
	    person_check_text(document_ref, 60);
	if (reason == NULL && (!date_valid(declaration_date.year,
	    declaration_date.month, declaration_date.day) ||
	    date_cmp(declaration_date, clock_today()) > 0))
		reason = N_("Declaration date: give the day it was filed, not "
		    "in the future.");
	if (reason != NULL) {
		service_fail(svc, G_ERR_INVALID, "%s", _(reason));
		return service_refused(svc, G_ERR_INVALID,
		    "representative.add", object);
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = store_business_get(svc->st, business_id, &b)) == G_OK &&
	    (rc = store_person_get(svc->st, person_id, &p)) == G_OK &&
	    p.level != LEVEL_VALIDATED) {
		service_fail(svc, G_ERR_DENIED, "%s", _("Only a validated "
		    "person (Level B) may represent a business: validate the "
		    "identity first."));
		rc = G_ERR_DENIED;
	}
	if (rc == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("The business or the person is "
		    "not in the store."));
	if (rc == G_OK) {
		memset(&r, 0, sizeof r);
		r.business_id = business_id;
		r.person_id = person_id;
		r.declaration_date = declaration_date;
		snprintf(r.document_ref, sizeof r.document_ref, "%s",
		    document_ref);
		snprintf(r.recorded_by, sizeof r.recorded_by, "%s",
		    svc->actor.name);
		rc = store_representative_insert(svc->st, &r,
		    svc->conf->station);
		if (rc == G_ERR_EXISTS)
			service_fail(svc, rc, "%s", _("This person already "
			    "represents this business."));
	}
	if (rc == G_OK)
		service_fail(svc, G_OK, _("%s %s now represents %s."),
		    p.given_names, p.surname, b.name);
	return service_finish(svc, rc, "representative.add", object);
}

int
service_representative_end(struct service *svc, int64_t id)
{
	char object[64];
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "representative:%lld", (long long)id);
	if ((rc = service_require(svc, ROLE_CLERK)) != G_OK)
		return service_refused(svc, rc, "representative.end", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_representative_end(svc->st, id, svc->actor.name);
	if (rc == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("There is no such active "
		    "representation."));
	return service_finish(svc, rc, "representative.end", object);
}

int
service_business_of_person(struct service *svc, int64_t person_id,
    int (*fn)(const struct representative *r, void *arg), void *arg)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "business.read",
	    "person", person_id)) != G_OK)
		return rc;
	return store_representative_each(svc->st, 0, person_id, fn, arg);
}

int
service_business_representatives(struct service *svc, int64_t id,
    int (*fn)(const struct representative *r, void *arg), void *arg)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "business.read",
	    "business", id)) != G_OK)
		return rc;
	return store_representative_each(svc->st, id, 0, fn, arg);
}
