/*
 * Requests for an account, to be processed within 2 working days.
 */
#ifndef GUICHET_REGISTRATION_H
#define GUICHET_REGISTRATION_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/calendar.h"

#define REGISTRATION_WORKING_DAYS 2

enum registration_source { REG_KIOSK, REG_WEB, REG_COUNTER,
	REG_SOURCE_COUNT };
enum registration_status { REG_PENDING, REG_DONE, REG_REJECTED,
	REG_STATUS_COUNT };

struct registration {
	int64_t id;
	int64_t person_id;
	char person_name[260];
	char person_national_id[14];	/* CNP or AFM, to be masked when shown */
	enum registration_source source;
	char received_at[32];		/* UTC ISO time */
	struct date deadline;
	enum registration_status status;
	char handled_by[160];
	char note[256];
};

/* Returns the stored name of source ("kiosk", "web", "counter"). */
const char *registration_source_name(enum registration_source source);

/* Returns the source called name, or -1. */
int registration_source_from_name(const char *name);

/* Returns the stored name of status ("pending", "done", "rejected"). */
const char *registration_status_name(enum registration_status status);

/* Returns the status called name, or -1. */
int registration_status_from_name(const char *name);

/* Returns the deadline of a request received on day: that many working
 * days later in country. */
struct date registration_deadline(enum country country, struct date day,
    const struct holiday_table *extra);

/* Returns true when a pending request is past its deadline on today. */
bool registration_overdue(const struct registration *r, struct date today);

#endif
