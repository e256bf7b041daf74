/*
 * A citizen as the town hall knows them.  Plain data shared by the layers:
 * core fills and checks it, store saves it, screens show it.  All strings
 * are UTF-8, NUL-terminated, stored exactly as typed (after trimming).
 * Buffers hold four bytes per character of each field's limit (see
 * person-check.h), so no value a form accepts is ever cut; longer input
 * is refused.
 */
#ifndef GUICHET_PERSON_H
#define GUICHET_PERSON_H

#include <stdint.h>

#include "guichet/calendar.h"

enum contact_pref {
	CONTACT_PHONE,
	CONTACT_EMAIL,
	CONTACT_POST
};

enum account_level {
	LEVEL_NONE,		/* known to the town hall, no account */
	LEVEL_STANDARD,		/* registered: Level A */
	LEVEL_VALIDATED,	/* identity confirmed: Level B */
	LEVEL_SUSPENDED,
	LEVEL_CLOSED
};

struct address {
	char town[260];
	char district[200];	/* sector (RO) or municipal district (GR) */
	char street[400];
	char number[52];
	char block[52];
	char staircase[52];
	char floor[28];
	char apartment[52];
	char postal_code[32];
};

struct person {
	int64_t id;			/* 0 until stored */
	char country[3];		/* "RO" or "GR": the profile it was made in */
	char cnp[14];			/* RO */
	char afm[10];			/* GR */
	char amka[12];			/* GR */
	char surname[260];
	char given_names[260];
	char former_names[520];		/* earlier surnames, comma separated */
	struct date birth_date;		/* {0,0,0} when unknown */
	struct address address;
	char phone[100];
	char email[400];
	enum contact_pref contact;
	enum account_level level;
};

/* One line of a search result. */
struct person_summary {
	int64_t id;
	char country[3];
	char surname[260];
	char given_names[260];
	char national_id[14];	/* CNP (RO) or AFM (GR), unmasked */
	struct date birth_date;
	char town[260];
	enum account_level level;
};

#endif
