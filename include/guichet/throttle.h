/*
 * How long a login must wait after failures, for staff and citizens
 * alike: the first few failures are free, then 1 s, 2 s, 4 s ... up to a
 * minute; the account locks after a configured count (at most 100).
 * Pure.
 */
#ifndef GUICHET_THROTTLE_H
#define GUICHET_THROTTLE_H

#define THROTTLE_FREE_FAILURES 3
#define THROTTLE_MAX_DELAY 60	/* seconds */

/* Returns the seconds to wait after the failed-th consecutive failure. */
int throttle_delay(int failed);

#endif
