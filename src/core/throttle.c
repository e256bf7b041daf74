#include "config.h"

#include "guichet/throttle.h"

int
throttle_delay(int failed)
{
	int shift = failed - THROTTLE_FREE_FAILURES;

	if (shift < 0)
		return 0;
	if (shift > 6)
		return THROTTLE_MAX_DELAY;
	return (1 << shift) < THROTTLE_MAX_DELAY ? 1 << shift :
	    THROTTLE_MAX_DELAY;
}
