/*
 * Businesses and the validated people who act for them.
 */
#ifndef GUICHET_BUSINESS_H
#define GUICHET_BUSINESS_H

#include <stdint.h>

#include "guichet/calendar.h"

struct business {
	int64_t id;
	char country[3];
	char cui[16];		/* RO, without the "RO" prefix */
	char afm[10];		/* GR */
	char name[256];
	char town[96];
	char street[128];
	char number[16];
	char postal_code[16];
	char email[128];	/* where payment notes go */
};

struct representative {
	int64_t id;
	int64_t business_id;
	int64_t person_id;
	char person_name[260];	/* "Surname Given names", for lists */
	char business_name[256];
	struct date declaration_date;
	char document_ref[64];	/* the special declaration's reference */
	char recorded_by[160];
	char at[32];
	char ended_at[32];	/* "" while active */
};

#endif
