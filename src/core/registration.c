#include "config.h"

#include "guichet/registration.h"

#include <string.h>

static const char *const sources[REG_SOURCE_COUNT] = {
	[REG_KIOSK] = "kiosk", [REG_WEB] = "web", [REG_COUNTER] = "counter",
};

static const char *const statuses[REG_STATUS_COUNT] = {
	[REG_PENDING] = "pending", [REG_DONE] = "done",
	[REG_REJECTED] = "rejected",
};

/* Returns the index of name in names[n], or -1. */
static int
name_index(const char *const *names, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

const char *
registration_source_name(enum registration_source source)
{
	return sources[source];
}

int
registration_source_from_name(const char *name)
{
	return name_index(sources, REG_SOURCE_COUNT, name);
}

const char *
registration_status_name(enum registration_status status)
{
	return statuses[status];
}

int
registration_status_from_name(const char *name)
{
	return name_index(statuses, REG_STATUS_COUNT, name);
}

struct date
registration_deadline(enum country country, struct date day,
    const struct holiday_table *extra)
{
	return working_days_add(country, day, REGISTRATION_WORKING_DAYS,
	    extra);
}

bool
registration_overdue(const struct registration *r, struct date today)
{
	return r->status == REG_PENDING && date_cmp(today, r->deadline) > 0;
}
