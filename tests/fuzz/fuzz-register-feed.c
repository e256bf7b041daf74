/*
 * One line of the tax office's register feed, for either country.
 */
#include "config.h"

#include <stdlib.h>

#include "guichet/register-feed.h"
#include "fuzz.h"

int
fuzz_register_feed(const uint8_t *data, size_t size)
{
	static struct feed_record r;
	char *s = fuzz_string(data, size), why[FEED_REASON_MAX];

	feed_parse_line(s, COUNTRY_RO, &r, why);
	feed_parse_line(s, COUNTRY_GR, &r, why);
	free(s);
	return 0;
}
