#include "config.h"

#include "guichet/envelope.h"

#include <stdio.h>
#include <string.h>

#include "guichet/i18n-mark.h"

static const struct {
	const char *name;
	const char *label;
} envelope_states[ENVELOPE_STATE_COUNT] = {
	[ENVELOPE_PENDING] = { "pending", N_("waiting to be printed") },
	[ENVELOPE_PRINTED] = { "printed", N_("printed, not handed over") },
	[ENVELOPE_PRINT_FAILED] = { "print-failed", N_("printing failed") },
	[ENVELOPE_HANDED_OVER] = { "handed-over", N_("handed over") },
	[ENVELOPE_UNSEALED] = { "unsealed", N_("reported unsealed") },
	[ENVELOPE_REVOKED] = { "revoked", N_("revoked") },
	[ENVELOPE_EXPIRED] = { "expired", N_("expired") },
};

static const char *const credential_states[CREDENTIAL_STATE_COUNT] = {
	[CREDENTIAL_PENDING] = "pending",
	[CREDENTIAL_ACTIVE] = "active",
	[CREDENTIAL_REVOKED] = "revoked",
};

const char *
envelope_state_name(enum envelope_state state)
{
	return envelope_states[state].name;
}

int
envelope_state_from_name(const char *name)
{
	int i;

	for (i = 0; i < ENVELOPE_STATE_COUNT; i++)
		if (strcmp(envelope_states[i].name, name) == 0)
			return i;
	return -1;
}

const char *
envelope_state_label(enum envelope_state state)
{
	return envelope_states[state].label;
}

const char *
credential_state_name(enum credential_state state)
{
	return credential_states[state];
}

int
credential_state_from_name(const char *name)
{
	int i;

	for (i = 0; i < CREDENTIAL_STATE_COUNT; i++)
		if (strcmp(credential_states[i], name) == 0)
			return i;
	return -1;
}

void
envelope_serial(int year, const char *station, int64_t n,
    char out[ENVELOPE_SERIAL_LEN])
{
	if (station[0] == '\0')
		snprintf(out, ENVELOPE_SERIAL_LEN, "ENV-%04d-%06lld", year,
		    (long long)n);
	else
		snprintf(out, ENVELOPE_SERIAL_LEN, "ENV-%04d-%.6s-%06lld", year,
		    station, (long long)n);
}
