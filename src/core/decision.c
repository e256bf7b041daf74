#include "config.h"

#include "guichet/decision.h"

#include <stdio.h>
#include <string.h>

#include "guichet/text.h"

/* Reads the digits at *s (1 to max of them, not all zeros) into *out
 * and moves *s past them; false when there are none or too many. */
static bool
digits(const char **s, size_t max, int *out)
{
	size_t n = 0;
	int v = 0;

	while (text_is_digit((unsigned char)(*s)[n]) && n < max)
		v = v * 10 + ((*s)[n++] - '0');
	if (v == 0 || text_is_digit((unsigned char)(*s)[n]))
		return false;
	*s += n;
	*out = v;
	return true;
}

bool
decision_number_parse(const char *text, bool any_year, int *number,
    int *year)
{
	const char *s = text;
	int n, y = 0;

	if (s == NULL || !digits(&s, 5, &n))
		return false;
	if (*s == '\0' && any_year)
		goto done;
	if (*s++ != '/' || !text_all_digits(s, 4) || s[4] != '\0')
		return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	if (y < 1900)
		return false;
done:
	*number = n;
	*year = y;
	return true;
}

void
decision_number_format(int number, int year, char *out, size_t len)
{
	snprintf(out, len, "%d/%d", number, year);
}

bool
decision_is_pdf(const void *data, size_t len)
{
	return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}
