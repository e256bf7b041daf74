#include "config.h"

#include "guichet/clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int64_t
clock_now(void)
{
	return (int64_t)time(NULL);
}

void
clock_iso(int64_t t, char *buf, size_t len)
{
	struct tm tm;
	time_t tt = (time_t)t;

	gmtime_r(&tt, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
clock_now_iso(char *buf, size_t len)
{
	clock_iso(clock_now(), buf, len);
}

void
clock_local_text(const char *iso, char *buf, size_t len)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL ||
	    (t = timegm(&tm)) == (time_t)-1 || localtime_r(&t, &tm) == NULL) {
		snprintf(buf, len, "%s", iso);
		return;
	}
	strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
}

int64_t
clock_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct date
clock_today(void)
{
	struct date d;
	struct tm tm;
	time_t now = time(NULL);

	localtime_r(&now, &tm);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return d;
}
