#include "config.h"

#include "guichet/text.h"

#include <unistr.h>

bool
text_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

bool
text_is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

bool
text_is_alpha(int c)
{
	return text_is_upper(c) || (c >= 'a' && c <= 'z');
}

int
text_ascii_upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

bool
text_all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!text_is_digit((unsigned char)s[i]))
			return false;
	return true;
}

size_t
text_utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	ucs4_t uc;
	int len;

	if (n == 0)
		return 0;
	len = u8_mbtoucr(&uc, s, n);
	if (len <= 0)
		return 0;
	*cp = uc;
	return (size_t)len;
}
