#include "config.h"

#include "guichet/clock.h"

#include <time.h>

int64_t
clock_now(void)
{
	return (int64_t)time(NULL);
}

void
clock_now_iso(char *buf, size_t len)
{
	struct tm tm;
	time_t now = time(NULL);

	gmtime_r(&now, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
