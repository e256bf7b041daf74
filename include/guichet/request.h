/*
 * A request filed with the town hall: plain data shared by the layers.
 */
#ifndef GUICHET_REQUEST_H
#define GUICHET_REQUEST_H

#include <stdint.h>

#include "guichet/request-status.h"

#define REQUEST_PROTOCOL_LEN 32

struct request {
	int64_t id;
	char type[32];
	char department[32];
	char category[32];
	int64_t person_id;		/* 0: anonymous */
	char filed_by[160];
	char station[96];
	enum request_status status;
	char filed_at[32];
	char reply[4096];
	int64_t duplicate_of;
	char assigned_to[64];		/* staff username, or "" */
	int year;			/* of the protocol number; 0: none yet */
	int64_t number;
	char protocol[REQUEST_PROTOCOL_LEN];	/* formatted, or "" */
	int emergency_year;		/* 0: none */
	int64_t emergency_number;
	char emergency[REQUEST_PROTOCOL_LEN];	/* "E-2026-000123" or "" */
};

/* One field's value, as filed. */
struct request_value {
	char name[32];
	const char *value;
};

#endif
