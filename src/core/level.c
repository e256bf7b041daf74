#include "config.h"

#include "guichet/level.h"

#include <string.h>

#include "guichet/i18n-mark.h"

#define LEVEL_COUNT	(LEVEL_CLOSED + 1)

static const struct {
	const char	*name;
	const char	*label;
} levels[LEVEL_COUNT] = {
	[LEVEL_NONE] = { "none", N_("no account") },
	[LEVEL_STANDARD] = { "standard", N_("Level A (standard)") },
	[LEVEL_VALIDATED] = { "validated", N_("Level B (validated)") },
	[LEVEL_SUSPENDED] = { "suspended", N_("suspended") },
	[LEVEL_CLOSED] = { "closed", N_("closed") },
};

static const enum account_level needed[CAP_COUNT] = {
	[CAP_FILE_REQUEST] = LEVEL_STANDARD,
	[CAP_FOLLOW_REQUESTS] = LEVEL_STANDARD,
	[CAP_CERTIFICATE] = LEVEL_VALIDATED,
	[CAP_FISCAL_DATA] = LEVEL_VALIDATED,
	[CAP_PAYMENT] = LEVEL_VALIDATED,
	[CAP_VOTE] = LEVEL_VALIDATED,
	[CAP_REPRESENT] = LEVEL_VALIDATED,
};

/* Tells whether level is one of the enum's values. */
static bool
level_known(enum account_level level)
{
	return ((int)level >= 0 && (int)level < LEVEL_COUNT);
}

/* Names a level for the store and command lines. */
const char *
level_name(enum account_level level)
{
	if (!level_known(level))
		return ("unknown");
	return (levels[level].name);
}

/* Maps a stored level name back to its level. */
int
level_from_name(const char *name)
{
	int	l;

	if (name == NULL)
		return (-1);
	for (l = 0; l < LEVEL_COUNT; l++) {
		if (strcmp(name, levels[l].name) == 0)
			return (l);
	}
	return (-1);
}

/* Names a level for people, untranslated. */
const char *
level_label(enum account_level level)
{
	if (!level_known(level))
		return (N_("unknown level"));
	return (levels[level].label);
}

/*
 * Gives the lowest level for a capability; an unknown capability needs
 * the highest level there is, so a mistake never opens a door.
 */
enum account_level
level_needed(enum capability cap)
{
	if ((int)cap < 0 || cap >= CAP_COUNT)
		return (LEVEL_VALIDATED);
	return (needed[cap]);
}

/* Tells whether an account may use a capability, and if not what to do. */
const char *
level_check(enum account_level level, enum capability cap)
{
	enum account_level	want;

	if (!level_known(level))
		return (N_("The account level is unknown; ask a supervisor "
		    "to check the account"));
	if (level == LEVEL_SUSPENDED)
		return (N_("This account is suspended; nothing can be done "
		    "with it until a supervisor restores it"));
	if (level == LEVEL_CLOSED)
		return (N_("This account is closed; nothing can be done with "
		    "it"));
	if ((int)cap < 0 || cap >= CAP_COUNT)
		return (N_("Unknown service; nothing can be done with it"));
	want = needed[cap];
	if (level >= want)
		return (NULL);
	if (want == LEVEL_STANDARD)
		return (N_("This needs an account (Level A): register the "
		    "person first"));
	if (level == LEVEL_NONE)
		return (N_("This needs a validated account (Level B): "
		    "register the person and check an identity document at "
		    "the counter"));
	return (N_("This needs a validated account (Level B): bring an "
	    "identity document to the counter"));
}

/*
 * Tells whether an account may move between levels.  Someone without an
 * account has nothing to suspend or close; a closed account stays closed;
 * a suspended one goes back to standard or validated (the caller knows
 * which it was) or is closed.  Staying at the same level is no move.
 */
bool
level_may_change(enum account_level from, enum account_level to)
{
	if (!level_known(from) || !level_known(to) || from == to)
		return (false);
	switch (from) {
	case LEVEL_NONE:
		return (to == LEVEL_STANDARD);
	case LEVEL_STANDARD:
		return (to == LEVEL_VALIDATED || to == LEVEL_SUSPENDED ||
		    to == LEVEL_CLOSED);
	case LEVEL_VALIDATED:
		return (to == LEVEL_STANDARD || to == LEVEL_SUSPENDED ||
		    to == LEVEL_CLOSED);
	case LEVEL_SUSPENDED:
		return (to == LEVEL_STANDARD || to == LEVEL_VALIDATED ||
		    to == LEVEL_CLOSED);
	default:
		return (false);
	}
}
