/*
 * A citizen as the town hall knows them.  Plain data shared by the layers:
 * core fills and checks it, store saves it, screens show it.  All strings
 * are UTF-8, NUL-terminated, stored exactly as typed (after trimming).
 * Field sizes are byte limits that hold the longest real values in either
 * script with room to spare; longer input is refused, never cut.
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
	char town[96];
	char district[64];	/* sector (RO) or municipal district (GR) */
	char street[128];
	char number[16];
	char block[16];
	char staircase[16];
	char floor[8];
	char apartment[16];
	char postal_code[16];
};

struct person {
	int64_t id;			/* 0 until stored */
	char country[3];		/* "RO" or "GR": the profile it was made in */
	char cnp[14];			/* RO */
	char afm[10];			/* GR */
	char amka[12];			/* GR */
	char surname[128];
	char given_names[128];
	char former_names[256];		/* earlier surnames, comma separated */
	struct date birth_date;		/* {0,0,0} when unknown */
	struct address address;
	char phone[32];
	char email[128];
	enum contact_pref contact;
	enum account_level level;
};

/* One line of a search result. */
struct person_summary {
	int64_t id;
	char country[3];
	char surname[128];
	char given_names[128];
	char national_id[14];	/* CNP (RO) or AFM (GR), unmasked */
	struct date birth_date;
	char town[96];
	enum account_level level;
};

#endif
