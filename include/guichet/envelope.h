/*
 * Sealed-envelope credentials: plain data shared by the layers.
 *
 * An envelope is created 'pending', becomes 'printed' when CUPS says the
 * job completed (or 'print-failed'), 'handed-over' when the clerk gives it
 * to the citizen after checking their identity document; it may be
 * reported 'unsealed' (replaced), 'revoked', or 'expired' when not
 * handed over in time.  Its credential is usable only while the envelope
 * is handed over and the credential 'active'.
 */
#ifndef GUICHET_ENVELOPE_H
#define GUICHET_ENVELOPE_H

#include <stdbool.h>
#include <stdint.h>

enum envelope_state {
	ENVELOPE_PENDING,
	ENVELOPE_PRINTED,
	ENVELOPE_PRINT_FAILED,
	ENVELOPE_HANDED_OVER,
	ENVELOPE_UNSEALED,
	ENVELOPE_REVOKED,
	ENVELOPE_EXPIRED,
	ENVELOPE_STATE_COUNT
};

enum credential_state {
	CREDENTIAL_PENDING,
	CREDENTIAL_ACTIVE,
	CREDENTIAL_REVOKED,
	CREDENTIAL_STATE_COUNT
};

#define ENVELOPE_SERIAL_LEN 24
#define CREDENTIAL_PASSWORD_LEN 14	/* one-time passwords, >= 12 */

struct envelope {
	int64_t id;
	char serial[ENVELOPE_SERIAL_LEN];
	int64_t person_id;
	int64_t credential_id;		/* 0 until printed */
	enum envelope_state state;
	int64_t replaces;		/* the envelope this one replaces, or 0 */
	char reason[256];
	char printer[128];
	int job_id;
	char print_error[256];
	char created_by[160];
	char created_at[32];
	char printed_at[32];
	char expires_at[32];
	char handed_over_at[32];
	char handed_over_by[160];
	char username[160];		/* of its credential, for lists */
};

struct credential {
	int64_t id;
	int64_t person_id;
	char username[160];
	char password_hash[128];
	enum credential_state state;
	bool must_change;
	int failed_logins;
	bool locked;
	int64_t retry_after;
};

/* Returns the stored name of an envelope state ("handed-over"). */
const char *envelope_state_name(enum envelope_state state);

/* Returns the state called name, or -1. */
int envelope_state_from_name(const char *name);

/* Returns the label people read, marked N_(). */
const char *envelope_state_label(enum envelope_state state);

/* Returns the stored name of a credential state. */
const char *credential_state_name(enum credential_state state);

/* Returns the state called name, or -1. */
int credential_state_from_name(const char *name);

/* Writes the serial of envelope number n of year: "ENV-2026-000123", or
 * with the code of the numbering station (up to 6 characters; "" for a
 * standalone one) "ENV-2026-3FA2C1-000123". */
void envelope_serial(int year, const char *station, int64_t n,
    char out[ENVELOPE_SERIAL_LEN]);

#endif
