/*
 * What each account level may do.  Level A (standard, registered) may file
 * and follow requests; Level B (validated, identity confirmed) is needed
 * for fiscal data, certificates and anything with money.  These are the
 * defaults; a request type or the profile may ask for more.  Pure.
 */
#ifndef GUICHET_LEVEL_H
#define GUICHET_LEVEL_H

#include <stdbool.h>

#include "guichet/person.h"

enum capability {
	CAP_FILE_REQUEST,	/* requests, complaints, proposals */
	CAP_FOLLOW_REQUESTS,	/* see one's own requests and replies */
	CAP_CERTIFICATE,	/* ask for a certificate */
	CAP_FISCAL_DATA,	/* see one's taxpayer register */
	CAP_PAYMENT,		/* pay taxes and fines */
	CAP_VOTE,		/* vote in a poll */
	CAP_REPRESENT,		/* act for a business */
	CAP_COUNT
};

/* Returns the stored name of level ("none", "standard", ...). */
const char *level_name(enum account_level level);

/* Returns the level called name, or -1. */
int level_from_name(const char *name);

/* Returns the label people read ("Level B (validated)"), marked N_(). */
const char *level_label(enum account_level level);

/* Returns the lowest level that may use cap. */
enum account_level level_needed(enum capability cap);

/* Returns NULL when level may use cap, else a reason (N_()) that tells
 * how to get there ("This needs a validated account (Level B): bring an
 * identity document to the counter"). */
const char *level_check(enum account_level level, enum capability cap);

/* Returns true when an account may move from one level to another:
 * none -> standard -> validated; validated -> standard (revoked);
 * standard or validated -> suspended or closed; suspended -> standard or
 * validated (its level before: the caller knows which) or closed.  None
 * has no account to suspend or close, closed is final, and staying at the
 * same level is not a move. */
bool level_may_change(enum account_level from, enum account_level to);

#endif
