/*
 * Polls: created by supervisors, voted once per citizen, counted without
 * a link from voter to option.
 */
#include "config.h"

#include "guichet/service-poll.h"

#include <stdio.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/person-check.h"
#include "guichet/person.h"
#include "guichet/store-person.h"
#include "guichet/store-poll.h"
#include "guichet/store.h"
#include "service-internal.h"

int
service_poll_create(struct service *svc, struct poll *p)
{
	struct date opens, closes;
	int rc, i;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK)
		return service_refused(svc, rc, "poll.create", "poll:?");
	if (p->question[0] == '\0' || person_check_text(p->question,
	    sizeof p->question - 1) != NULL)
		rc = service_fail(svc, G_ERR_INVALID, "%s", _("Question: type "
		    "the question, without control characters."));
	else if (p->noptions < 2 || p->noptions > POLL_OPTIONS_MAX)
		rc = service_fail(svc, G_ERR_INVALID, _("A poll has 2 to %d "
		    "options."), POLL_OPTIONS_MAX);
	else if (!date_parse_iso(p->opens_on, &opens) ||
	    !date_parse_iso(p->closes_on, &closes) ||
	    date_cmp(closes, opens) < 0)
		rc = service_fail(svc, G_ERR_INVALID, "%s", _("Dates: the poll "
		    "opens and closes on days YYYY-MM-DD, closing not before "
		    "opening."));
	for (i = 0; rc == G_OK && i < p->noptions; i++)
		if (p->options[i][0] == '\0' || person_check_text(p->options[i],
		    sizeof p->options[i] - 1) != NULL)
			rc = service_fail(svc, G_ERR_INVALID, _("Option %d: type "
			    "it, without control characters."), i + 1);
	if (rc != G_OK)
		return service_refused(svc, rc, "poll.create", "poll:?");
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_poll_insert(svc->st, p, svc->actor.name);
	if (rc == G_OK)
		service_fail(svc, G_OK, _("Poll %lld is created."),
		    (long long)p->id);
	return service_finish(svc, rc, "poll.create", "poll");
}

/* Hands a citizen the polls without their counts. */
struct uncounted {
	int (*fn)(const struct poll *p, void *arg);
	void *arg;
};

static int
uncounted_one(const struct poll *p, void *arg)
{
	struct uncounted *u = arg;
	struct poll copy = *p;

	memset(copy.votes, 0, sizeof copy.votes);
	return u->fn(&copy, u->arg);
}

int
service_poll_list(struct service *svc, bool all, int64_t voter,
    int (*fn)(const struct poll *p, void *arg), void *arg)
{
	struct uncounted u = { fn, arg };
	char today[11];
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_CITIZEN)) != G_OK)
		return rc;
	date_format_iso(clock_today(), today, sizeof today);
	/* A citizen sees the polls open today, never the counts. */
	if (svc->actor.role == ROLE_CITIZEN)
		return store_poll_each(svc->st, today, svc->actor.person_id,
		    uncounted_one, &u);
	return store_poll_each(svc->st, all ? NULL : today, voter, fn, arg);
}

/* Checks that person p may vote in poll at today's date. */
static int
may_vote(struct service *svc, const struct poll *poll,
    const struct person *p)
{
	char today[11];

	date_format_iso(clock_today(), today, sizeof today);
	if (strcmp(today, poll->opens_on) < 0 ||
	    strcmp(today, poll->closes_on) > 0)
		return service_fail(svc, G_ERR_INVALID, _("This poll is open "
		    "from %s to %s."), poll->opens_on, poll->closes_on);
	if (p->level != LEVEL_VALIDATED && (poll->validated_only ||
	    p->level != LEVEL_STANDARD))
		return service_fail(svc, G_ERR_DENIED, "%s", poll->validated_only
		    ? _("This poll is for validated accounts (Level B): show an "
		    "identity document at the counter.") : _("This poll is for "
		    "citizens with an account."));
	return G_OK;
}

/* With a central store, the vote is claimed there first, so that a
 * citizen cannot vote at two stations before they sync.  The writer lock
 * is let go while the centre answers (nothing is written yet), then
 * taken again. */
static int
claim_vote(struct service *svc, int64_t id, int64_t person_id)
{
	char key[STORE_VOTE_KEY_LEN];
	bool mine;
	int rc;

	if ((rc = store_poll_vote_key(svc->st, id, person_id, key)) != G_OK)
		return rc;
	store_rollback(svc->st);
	rc = service_central_claim(svc, key, &mine);
	if (rc == G_ERR_IO)
		service_fail(svc, rc, "%s", _("Votes are taken only while the "
		    "town hall's central store answers, so that nobody votes "
		    "twice at two stations: please try again in a few "
		    "minutes."));
	else if (rc == G_OK && !mine)
		rc = G_ERR_EXISTS;	/* at another station */
	if (service_begin(svc) != G_OK)
		return G_ERR_STORE;
	return rc;
}

int
service_poll_vote(struct service *svc, int64_t id, int option,
    int64_t person_id)
{
	struct poll poll;
	struct person p;
	char object[64];
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "poll:%lld", (long long)id);
	if ((rc = service_require(svc, ROLE_CITIZEN)) != G_OK)
		return service_refused(svc, rc, "poll.vote", object);
	if (svc->actor.role == ROLE_CITIZEN)
		person_id = svc->actor.person_id;	/* their own vote */
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	service_for(svc, person_id);
	if ((rc = store_poll_get(svc->st, id, 0, &poll)) == G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("There is no such poll."));
	if (rc == G_OK && (option < 0 || option >= poll.noptions))
		rc = service_fail(svc, G_ERR_INVALID, "%s", _("Choose one of "
		    "the poll's options."));
	if (rc == G_OK && (rc = store_person_get(svc->st, person_id, &p)) ==
	    G_ERR_NOTFOUND)
		service_fail(svc, rc, "%s", _("This person is not in the "
		    "store."));
	if (rc == G_OK)
		rc = may_vote(svc, &poll, &p);
	if (rc == G_OK && svc->conf->central[0] != '\0')
		rc = claim_vote(svc, id, person_id);
	if (rc == G_OK)
		rc = store_poll_vote(svc->st, id, person_id,
		    svc->actor.role == ROLE_CITIZEN ? "kiosk" : "counter",
		    option);
	if (rc == G_ERR_EXISTS)
		service_fail(svc, rc, "%s", svc->actor.role == ROLE_CITIZEN ?
		    _("You have voted in this poll already: each citizen votes "
		    "once.") : _("This citizen has voted in this poll already, "
		    "here or at a kiosk: each citizen votes once."));
	else if (rc == G_OK)
		service_fail(svc, G_OK, "%s", svc->actor.role == ROLE_CITIZEN ?
		    _("Your vote is counted. Thank you.") : _("The vote is "
		    "counted, cast at the counter."));
	return service_finish(svc, rc, "poll.vote", object);
}

int
service_poll_tally(struct service *svc, int64_t id, struct poll *out)
{
	int rc;

	service_clear(svc);
	if ((rc = service_require_read(svc, ROLE_CLERK, "poll.tally",
	    "poll", id)) != G_OK)
		return rc;
	if ((rc = store_poll_get(svc->st, id, 0, out)) == G_ERR_NOTFOUND)
		return service_fail(svc, rc, "%s", _("There is no such poll."));
	return rc;
}
