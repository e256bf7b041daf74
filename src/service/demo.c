#include "config.h"

#include "guichet/service-demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/credential.h"
#include "guichet/demo.h"
#include "guichet/err.h"
#include "guichet/fold.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/service-registration.h"
#include "guichet/service-staff.h"
#include "guichet/store-person.h"
#include "guichet/store-staff.h"
#include "guichet/xmalloc.h"
#include "service-internal.h"

#define DEMO_BATCH 1000		/* people per transaction */

#define DEMO_REQUESTS_MAX 12	/* registration requests waiting */

#define DEMO_REQUESTS_DAYS 8	/* the oldest came in this long ago */

/* Files registration requests for the first people added, received over
 * the last days, so that the queue has some on time and some late: the
 * oldest is 8 days old, which holds more than 2 working days whatever
 * the holidays. */
static int
demo_requests(struct service *svc, int64_t first_id, int64_t added)
{
	static const enum registration_source sources[] = { REG_KIOSK,
		REG_WEB, REG_KIOSK };
	int64_t i, n = added / 20, id, step;
	char at[CLOCK_ISO_LEN];
	int rc = G_OK;

	if (n < 2)
		n = added < 2 ? added : 2;
	if (n > DEMO_REQUESTS_MAX)
		n = DEMO_REQUESTS_MAX;
	step = n > 1 ? DEMO_REQUESTS_DAYS * 86400 / (n - 1) : 0;
	for (i = 0; i < n && rc == G_OK; i++) {
		clock_iso(clock_now() - i * step, at, sizeof at);
		rc = service_registration_file(svc, first_id + i,
		    sources[i % 3], at, &id);
	}
	return rc;
}

/* Inserts people [first, first + n) in one audited transaction; one
 * whose id is already stored (an earlier run) is skipped and counted. */
static int
demo_batch(struct service *svc, const struct demo_lists *lists,
    struct demo_rng *rng, int64_t first, int64_t n, int64_t *added,
    int64_t *first_id)
{
	struct level_change web = { .from = LEVEL_NONE, .to = LEVEL_STANDARD,
		.reason = N_("registered on the web platform") };
	struct person p;
	char object[64], *all, *folded;
	int64_t i, id;
	bool registered;
	int rc;

	snprintf(web.by, sizeof web.by, "%s", svc->actor.name);
	snprintf(web.station, sizeof web.station, "web");
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	for (i = first; i < first + n && rc == G_OK; i++) {
		demo_person_make(lists, rng, (uint64_t)i, &p);
		/* Half of those without a pending request registered on the
		 * web platform earlier: they have an account (Level A). */
		registered = i >= DEMO_REQUESTS_MAX && i % 2 == 0;
		all = xasprintf("%s %s %s", p.surname, p.given_names,
		    p.former_names);
		folded = fold_search(all);
		p.level = registered ? LEVEL_STANDARD : LEVEL_NONE;
		rc = store_person_insert(svc->st, &p, folded, &id);
		free(folded);
		free(all);
		if (rc == G_OK && registered)
			rc = store_level_change_insert(svc->st, id, &web);
		if (rc == G_OK)
			rc = service_demo_register(svc, &p, id, (uint64_t)i,
			    clock_today().year);
		if (rc == G_OK && (*added)++ == 0)
			*first_id = id;
		else if (rc == G_ERR_EXISTS)
			rc = G_OK;
	}
	snprintf(object, sizeof object, "demo-people:%lld-%lld",
	    (long long)first, (long long)(first + n - 1));
	return service_finish(svc, rc, "demo.people", object);
}

/* Creates demo account a, or gives it a new password when it exists. */
static int
demo_account(struct service *svc, struct demo_account *a)
{
	struct staff s;

	if (credential_generate(a->password, DEMO_PASSWORD_LEN) != G_OK)
		return service_fail(svc, G_ERR_CRYPTO, "%s",
		    _("No random numbers for the demo passwords."));
	if (store_staff_get(svc->st, a->username, &s) == G_OK)
		return service_staff_passwd(svc, a->username, a->password);
	return service_staff_add(svc, a->username, a->role, a->password);
}

int
service_demo_data(struct service *svc, enum country country,
    int64_t count, uint64_t seed,
    void (*progress)(int64_t done, int64_t total, void *arg), void *arg,
    int64_t *added, int *decisions,
    struct demo_account accounts[DEMO_ACCOUNTS])
{
	static const struct {
		const char *name;
		enum role role;
	} staff[DEMO_ACCOUNTS] = {
		{ "demo.clerk", ROLE_CLERK },
		{ "demo.supervisor", ROLE_SUPERVISOR },
		{ "demo.admin", ROLE_ADMIN },
	};
	struct demo_lists *lists;
	struct demo_rng rng;
	char *cause = NULL;
	int64_t done, n, first_id = 0;
	int rc, i;

	service_clear(svc);
	*added = 0;
	*decisions = 0;
	if ((rc = service_require(svc, ROLE_ADMIN)) != G_OK)
		return rc;
	if (count < 0 || (uint64_t)count > DEMO_UNIQUE_MAX)
		return service_fail(svc, G_ERR_INVALID, _("The number of demo "
		    "people must be from 0 to %llu."),
		    (unsigned long long)DEMO_UNIQUE_MAX);
	if ((rc = demo_lists_new(country, embedded_demo, &lists, &cause)) !=
	    G_OK) {
		service_fail(svc, rc, _("The demo name lists are damaged: %s"),
		    cause != NULL ? cause : gerr_str(rc));
		free(cause);
		return rc;
	}
	demo_rng_seed(&rng, seed);
	for (done = 0; done < count && rc == G_OK; done += n) {
		n = count - done < DEMO_BATCH ? count - done : DEMO_BATCH;
		rc = demo_batch(svc, lists, &rng, done, n, added, &first_id);
		if (rc == G_OK && progress != NULL)
			progress(done + n, count, arg);
	}
	demo_lists_free(lists);
	if (rc == G_OK && *added > 0)
		rc = demo_requests(svc, first_id, *added);
	if (rc == G_OK)
		rc = service_demo_decisions(svc, country, seed, decisions);
	for (i = 0; i < DEMO_ACCOUNTS && rc == G_OK; i++) {
		memset(&accounts[i], 0, sizeof accounts[i]);
		snprintf(accounts[i].username, sizeof accounts[i].username,
		    "%s", staff[i].name);
		accounts[i].role = staff[i].role;
		rc = demo_account(svc, &accounts[i]);
	}
	if (rc == G_OK)
		log_info("demo data: %lld of %lld people and %d decisions "
		    "added, seed %llu", (long long)*added, (long long)count,
		    *decisions, (unsigned long long)seed);
	return rc;
}
