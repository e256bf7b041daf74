#include "config.h"

#include "guichet/validation.h"

#include <string.h>

#include "guichet/i18n-mark.h"

static const struct {
	const char *name;
	const char *label;
} methods[VALIDATION_METHOD_COUNT] = {
	[VALIDATION_COUNTER] = { "counter",
	    N_("in person at the counter") },
	[VALIDATION_EID] = { "eid", N_("national eID") },
	[VALIDATION_SIGNED_REQUEST] = { "signed-request",
	    N_("signed enrolment request") },
};

const char *
validation_method_name(enum validation_method method)
{
	return methods[method].name;
}

int
validation_method_from_name(const char *name)
{
	int i;

	for (i = 0; i < VALIDATION_METHOD_COUNT; i++)
		if (strcmp(methods[i].name, name) == 0)
			return i;
	return -1;
}

const char *
validation_method_label(enum validation_method method)
{
	return methods[method].label;
}
