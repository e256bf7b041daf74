/*
 * The life of a request (FixMyStreet, OpenCity): submitted -> registered
 * -> in progress -> answered -> closed; a request may be returned to the
 * citizen for more information and resubmitted; it may be closed as
 * rejected, duplicate (linked to the original) or not the town hall's
 * responsibility, always with a reason.  A status never moves backwards
 * except through "returned" and "resubmitted", and from "answered" back to
 * "in progress" when the citizen disputes the reply.  Every request is
 * registered before anything else happens to it (the registry records
 * them all), and closed, rejected, duplicate and not-ours are final.
 * Pure.
 *
 * Protocol numbers: per year, gap-free from 1, shown as the profile's
 * format ("%Y/%6N" gives "2026/000123"); emergency numbers per station and
 * year ("E-2026-000123").
 */
#ifndef GUICHET_REQUEST_STATUS_H
#define GUICHET_REQUEST_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum request_status {
	REQ_SUBMITTED,
	REQ_REGISTERED,
	REQ_IN_PROGRESS,
	REQ_RETURNED,		/* to the citizen, for more information */
	REQ_RESUBMITTED,
	REQ_ANSWERED,
	REQ_CLOSED,
	REQ_REJECTED,
	REQ_DUPLICATE,
	REQ_NOT_OURS,		/* not the town hall's responsibility */
	REQ_STATUS_COUNT
};

/* Returns the stored name ("in-progress", "not-ours", ...), static;
 * "unknown" for a value outside the enum. */
const char *request_status_name(enum request_status s);

/* Returns the status called name (exact, case-sensitive), or -1 for an
 * unknown name or NULL. */
int request_status_from_name(const char *name);

/* Returns the label people read, static, marked N_() for the caller to
 * translate. */
const char *request_status_label(enum request_status s);

/* Returns NULL when a request may go from one status to another, else a
 * static reason marked N_() ("a request is registered before it is worked
 * on", "the request is already in that state" when from == to); never
 * NULL for a refused move or a value outside the enum. */
const char *request_status_check(enum request_status from,
    enum request_status to);

/* Returns true when moving to s needs a reason (returned, rejected,
 * duplicate, not-ours) or a reply (answered). */
bool request_status_needs_text(enum request_status s);

/* Returns true when s ends the request (closed, rejected, duplicate,
 * not-ours). */
bool request_status_final(enum request_status s);

/* Formats protocol number n of year with format ("%Y" the year in four
 * digits, "%N" the number, "%6N" zero-padded to 6 (widths 1 to 12; "%06N"
 * is read as "%6N", "%0N" is bad), "%%" a percent sign, other characters
 * as they are) into out[len], NUL-terminated.  A good format has exactly
 * one %N and at most one %Y; any other % sequence ("%X", a trailing "%")
 * makes it bad.  Returns false, with out empty when len > 0, when the
 * format is bad, year is outside 1..9999, n < 1, or out is too small. */
bool protocol_format(const char *format, int year, int64_t n, char *out,
    size_t len);

/* Formats emergency number n of year into out[len] as snprintf() does
 * (truncating; 32 bytes always suffice): "E-2026-000123". */
void protocol_emergency(int year, int64_t n, char *out, size_t len);

/* Parses what someone types to find a request: an ordinary number in
 * format (tried first), or an emergency number "E-2026-000123" ('e' too).
 * Blanks around s are ignored, letters match in either case, %Y takes four
 * digits, %N and %6N take one or more (leading zeros may be left out).
 * Sets *year (0 when format has no %Y: the caller knows the year), *n
 * (> 0) and *emergency; returns false, leaving them untouched, when s is
 * neither (a bad format matches nothing) or longer than 127 characters. */
bool protocol_parse(const char *format, const char *s, int *year, int64_t *n,
    bool *emergency);

#endif
