#include "config.h"

#include "guichet/role.h"

#include <string.h>

#include "guichet/i18n-mark.h"

static const struct {
	const char *name;
	const char *label;
} roles[ROLE_COUNT] = {
	[ROLE_VISITOR] = { "visitor", N_("visitor") },
	[ROLE_CITIZEN] = { "citizen", N_("citizen") },
	[ROLE_CLERK] = { "clerk", N_("clerk") },
	[ROLE_SUPERVISOR] = { "supervisor", N_("supervisor") },
	[ROLE_ADMIN] = { "admin", N_("administrator") },
	[ROLE_SYSTEM] = { "system", N_("system administrator") },
};

int
role_from_name(const char *name)
{
	int i;

	for (i = 0; i < ROLE_COUNT; i++)
		if (strcmp(roles[i].name, name) == 0)
			return i;
	return -1;
}

const char *
role_name(enum role role)
{
	return roles[role].name;
}

const char *
role_label(enum role role)
{
	return roles[role].label;
}

bool
role_at_least(enum role role, enum role needed)
{
	return role >= needed;
}

bool
role_is_staff(enum role role)
{
	return role >= ROLE_CLERK && role <= ROLE_ADMIN;
}
