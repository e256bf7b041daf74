/*
 * The wall clock, in one place, so every timestamp is UTC and formatted
 * alike ("2026-11-25T16:46:24Z").
 */
#ifndef GUICHET_CLOCK_H
#define GUICHET_CLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "guichet/calendar.h"

#define CLOCK_ISO_LEN 21	/* "YYYY-MM-DDTHH:MM:SSZ" and NUL */

/* Returns the current Unix time. */
int64_t clock_now(void);

/* Writes the UTC time t as ISO 8601 into buf (CLOCK_ISO_LEN). */
void clock_iso(int64_t t, char *buf, size_t len);

/* Returns today's date where the workstation is (local time): the day a
 * town hall counts deadlines from. */
struct date clock_today(void);

/* Returns a monotonic time in milliseconds, for intervals. */
int64_t clock_now_ms(void);

/* Writes the current UTC time as ISO 8601 into buf (CLOCK_ISO_LEN). */
void clock_now_iso(char *buf, size_t len);

/* Writes the stored UTC time iso as people at the workstation read it,
 * in local time to the minute: "2026-11-25 18:46".  Text that is not
 * such a time is copied as it is. */
void clock_local_text(const char *iso, char *buf, size_t len);

#endif
