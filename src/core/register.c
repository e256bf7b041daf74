/* Names and labels of the register's kinds of things. */
#include "config.h"

#include "guichet/register.h"

#include <string.h>

#include "guichet/i18n-mark.h"

static const struct {
	const char *name, *label;
} kinds[UNIT_KIND_COUNT] = {
	[UNIT_BUILDING] = { "building", N_("building") },
	[UNIT_LAND] = { "land", N_("land") },
	[UNIT_VEHICLE] = { "vehicle", N_("vehicle") },
	[UNIT_OTHER] = { "other", N_("other") },
}, channels[PAY_CHANNEL_COUNT] = {
	[PAY_BANK] = { "bank", N_("bank") },
	[PAY_CASH] = { "cash", N_("cash") },
	[PAY_CARD] = { "card", N_("card") },
};

const char *
unit_kind_name(enum unit_kind k)
{
	return (unsigned)k < UNIT_KIND_COUNT ? kinds[k].name : "?";
}

int
unit_kind_from_name(const char *name)
{
	int k;

	for (k = 0; k < UNIT_KIND_COUNT; k++)
		if (strcmp(kinds[k].name, name) == 0)
			return k;
	return -1;
}

const char *
payment_channel_name(enum payment_channel c)
{
	return (unsigned)c < PAY_CHANNEL_COUNT ? channels[c].name : "?";
}

const char *
unit_kind_label(enum unit_kind k)
{
	return (unsigned)k < UNIT_KIND_COUNT ? kinds[k].label : "?";
}

const char *
payment_channel_label(enum payment_channel c)
{
	return (unsigned)c < PAY_CHANNEL_COUNT ? channels[c].label : "?";
}
