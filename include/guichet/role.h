/*
 * Who may do what.  Staff roles are ordered: an admin may do what a
 * supervisor may, a supervisor what a clerk may.  "system" is the local
 * administrator running guichetctl on the machine itself, who owns the
 * installation (staff accounts, migrations).  Below them all, a citizen,
 * and below a citizen an anonymous visitor at the kiosk.  Pure.
 */
#ifndef GUICHET_ROLE_H
#define GUICHET_ROLE_H

#include <stdbool.h>

enum role {
	ROLE_VISITOR,		/* anonymous, at the kiosk */
	ROLE_CITIZEN,		/* logged in with envelope credentials */
	ROLE_CLERK,
	ROLE_SUPERVISOR,
	ROLE_ADMIN,
	ROLE_SYSTEM,
	ROLE_COUNT
};

/* Returns the role called name ("clerk", ...), or -1. */
int role_from_name(const char *name);

/* Returns the stored name of role ("clerk", ...). */
const char *role_name(enum role role);

/* Returns the role's label for people, marked N_() for translation. */
const char *role_label(enum role role);

/* Returns true when a holder of role may act as needed or above. */
bool role_at_least(enum role role, enum role needed);

/* Returns true when role may be given to a staff account (not a citizen,
 * not the system). */
bool role_is_staff(enum role role);

#endif
