/*
 * How an account reached Level B, and every change of level: plain data
 * shared by the layers (see person.h).
 */
#ifndef GUICHET_VALIDATION_H
#define GUICHET_VALIDATION_H

#include <stdint.h>

#include "guichet/iddoc.h"
#include "guichet/person.h"

enum validation_method {
	VALIDATION_COUNTER,		/* in person, with the original document */
	VALIDATION_EID,			/* ROeID / TAXISnet, from the web platform */
	VALIDATION_SIGNED_REQUEST,	/* a digitally signed enrolment request */
	VALIDATION_METHOD_COUNT
};

struct validation {
	int64_t id;
	int64_t person_id;
	enum validation_method method;
	struct iddoc doc;		/* counter: the document shown */
	char address_proof[128];	/* when the document shows no address */
	char evidence[512];		/* eID reference, signer's subject */
	char validated_by[160];
	char station[96];
	char at[32];
	char revoked_at[32];		/* "" while active */
	char revoked_by[160];
	char revoke_reason[256];
};

struct level_change {
	int64_t id;
	enum account_level from, to;
	char reason[256];
	char by[160];
	char station[96];
	char at[32];
};

/* Returns the stored name of method ("counter", "eid", "signed-request"). */
const char *validation_method_name(enum validation_method method);

/* Returns the method called name, or -1. */
int validation_method_from_name(const char *name);

/* Returns the label people read, marked N_(). */
const char *validation_method_label(enum validation_method method);

#endif
