/*
 * Polls: a supervisor asks a question with options, open between two
 * days, to accounts of a level (standard or validated).  A citizen votes
 * once per poll, at the kiosk or at the counter (the origin is kept);
 * the store keeps who voted apart from the counts, so the tally shows
 * only aggregates and no vote can be traced to a voter.
 */
#ifndef GUICHET_SERVICE_POLL_H
#define GUICHET_SERVICE_POLL_H

#include <stdbool.h>
#include <stdint.h>

#define POLL_OPTIONS_MAX 8

struct service;

struct poll {
	int64_t id;
	char question[256];
	char opens_on[11], closes_on[11];	/* YYYY-MM-DD, inclusive */
	bool validated_only;
	int noptions;
	char options[POLL_OPTIONS_MAX][128];
	int64_t votes[POLL_OPTIONS_MAX];	/* the tally */
	bool voted;			/* the citizen asking has voted */
};

/* Creates poll p (supervisors): a question, 2 to 8 options, closes_on
 * not before opens_on; sets p->id. */
int service_poll_create(struct service *svc, struct poll *p);

/* Calls fn with each poll open today, newest first, voted saying
 * whether the citizen voted in it: a citizen's own, without the counts;
 * for staff, voter's (0: nobody) with the counts, and every poll when
 * all is set. */
int service_poll_list(struct service *svc, bool all, int64_t voter,
    int (*fn)(const struct poll *p, void *arg), void *arg);

/* Casts the vote for option (0-based) in poll id: the citizen's own at
 * the kiosk, or person_id's at the counter (clerks; origin "counter").
 * A second vote, a closed poll or an account below the poll's level is
 * refused with the message. */
int service_poll_vote(struct service *svc, int64_t id, int option,
    int64_t person_id);

/* Reads poll id with its tally (staff). */
int service_poll_tally(struct service *svc, int64_t id, struct poll *out);

#endif
