/*
 * Amounts and dates as typed at the counter, in each language's format.
 */
#include "config.h"

#include <stdlib.h>

#include "guichet/calendar.h"
#include "guichet/money.h"
#include "fuzz.h"

int
fuzz_money_date(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "ro", "el", "en" };
	char *s = fuzz_string(data, size), out[64];
	struct date d;
	money_t m;
	size_t i;

	for (i = 0; i < sizeof langs / sizeof langs[0]; i++)
		if (money_parse(s, numfmt_for_lang(langs[i]), &m) == NULL)
			money_format(m, 0, numfmt_for_lang(langs[i]), out,
			    sizeof out);
	if (date_parse_iso(s, &d))
		date_format_iso(d, out, sizeof out);
	if (date_parse_any(s, &d))
		date_format_local(d, "ro", out, sizeof out);
	free(s);
	return 0;
}
