#include "config.h"

#include "guichet/passpolicy.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "guichet/i18n-mark.h"
#include "guichet/text.h"
#include "passpolicy-blocklist.h"

/* Shortest username and town word worth looking for: shorter ones would
 * refuse too many good passwords by chance. */
#define USERNAME_MIN_CHARS	3
#define TOWN_MIN_CHARS		3
#define TOWN_WORD_MIN_CHARS	4

/* Counts code points the cheap way, for names already known to be short
 * text: every byte that does not continue a sequence starts one. */
static size_t
utf8_count(const char *s, size_t n)
{
	size_t	i, count = 0;

	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	}
	return (count);
}

/* Lower-cases ASCII letters only, so results never depend on the locale. */
static uint32_t
ascii_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return (c - 'A' + 'a');
	return (c);
}

/* Compares two strings ignoring ASCII case; true when equal. */
static bool
ascii_equal_fold(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0') {
		if (ascii_lower((unsigned char)*a) !=
		    ascii_lower((unsigned char)*b))
			return (false);
		a++;
		b++;
	}
	return (*a == *b);
}

/* Looks for the n bytes at needle in hay ignoring ASCII case; other bytes
 * must match exactly, so "Ă" and "ă" stay different. */
static bool
ascii_contains_fold(const char *hay, const char *needle, size_t n)
{
	size_t	i;

	if (n == 0)
		return (false);
	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n; i++) {
			if (hay[i] == '\0' ||
			    ascii_lower((unsigned char)hay[i]) !=
			    ascii_lower((unsigned char)needle[i]))
				break;
		}
		if (i == n)
			return (true);
	}
	return (false);
}

/* True for C0 controls, DEL and C1 controls, which cannot be typed
 * reliably and would be invisible on screen. */
static bool
is_control(uint32_t c)
{
	return (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0));
}

/* The character after c in a simple run: digits wrap 9 to 0 and letters
 * z to a (so "890123..." and "xyzabc..." count), anything else is the
 * next code point. */
static uint32_t
run_next(uint32_t c)
{
	c = ascii_lower(c);
	if (c == '9')
		return ('0');
	if (c == 'z')
		return ('a');
	return (c + 1);
}

/* The character before c in a simple run, mirroring run_next. */
static uint32_t
run_prev(uint32_t c)
{
	c = ascii_lower(c);
	if (c == '0')
		return ('9');
	if (c == 'a')
		return ('z');
	return (c - 1);
}

/* True for bytes that belong to a word of a name: ASCII letters and digits,
 * and every byte of a non-ASCII character, so "ă" never splits a word. */
static bool
is_word_byte(unsigned char c)
{
	if (c >= 0x80)
		return (true);
	c = (unsigned char)ascii_lower(c);
	return ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
}

/* True when some word of town (split at ASCII characters that are not
 * letters or digits, so "Primăria Cluj-Napoca" gives "Primăria", "Cluj"
 * and "Napoca") of at least TOWN_WORD_MIN_CHARS is in password. */
static bool
contains_town_word(const char *password, const char *town)
{
	const char	*start;
	size_t		 len;

	while (*town != '\0') {
		start = town;
		while (is_word_byte((unsigned char)*town))
			town++;
		len = (size_t)(town - start);
		if (utf8_count(start, len) >= TOWN_WORD_MIN_CHARS &&
		    ascii_contains_fold(password, start, len))
			return (true);
		if (*town != '\0')
			town++;
	}
	return (false);
}

/* True when password contains the whole town name or one of its words. */
static bool
contains_town(const char *password, const char *town)
{
	size_t	len;

	if (town == NULL)
		return (false);
	len = strlen(town);
	if (utf8_count(town, len) >= TOWN_MIN_CHARS &&
	    ascii_contains_fold(password, town, len))
		return (true);
	return (contains_town_word(password, town));
}

/* True when password contains username, if it is long enough to matter. */
static bool
contains_username(const char *password, const char *username)
{
	size_t	len;

	if (username == NULL)
		return (false);
	len = strlen(username);
	if (utf8_count(username, len) < USERNAME_MIN_CHARS)
		return (false);
	return (ascii_contains_fold(password, username, len));
}

/* Applies the rules in order of what the user can most easily fix; the
 * character rules come first since they decide how length is counted. */
const char *
passpolicy_check(const char *password, const char *username,
    const char *town)
{
	const unsigned char	*s, *end;
	uint32_t		 c, first = 0, prev = 0;
	size_t			 n, chars = 0;
	bool			 same = true, up = true, down = true;

	if (password == NULL)
		password = "";
	end = (const unsigned char *)password + strlen(password);
	for (s = (const unsigned char *)password; *s != '\0'; s += n) {
		if ((n = text_utf8_next(s, (size_t)(end - s), &c)) == 0)
			return (N_("Password is not valid UTF-8 text: "
			    "type it again"));
		if (is_control(c))
			return (N_("Password must not contain control "
			    "characters such as tabs or line breaks"));
		if (chars == 0)
			first = c;
		else {
			if (ascii_lower(c) != ascii_lower(first))
				same = false;
			if (ascii_lower(c) != run_next(prev))
				up = false;
			if (ascii_lower(c) != run_prev(prev))
				down = false;
		}
		prev = c;
		chars++;
	}

	if (chars < PASSWORD_MIN_CHARS)
		return (N_("Password too short: use at least 12 characters "
		    "(a phrase of several words is easiest)"));
	if (chars > PASSWORD_MAX_CHARS)
		return (N_("Password too long: use at most 128 characters"));
	if (same)
		return (N_("Password must not be one character repeated: "
		    "choose something less predictable"));
	if (up || down)
		return (N_("Password must not be a simple sequence such as "
		    "123456789012 or abcdefghijkl: choose something less "
		    "predictable"));
	if (passpolicy_is_common(password))
		return (N_("Password is too common: "
		    "choose something less predictable"));
	if (contains_username(password, username))
		return (N_("Password must not contain the username"));
	if (contains_town(password, town))
		return (N_("Password must not contain the town's name"));
	return (NULL);
}

/* A linear scan: the list holds a few hundred entries and is consulted
 * only when a password is set. */
int
passpolicy_is_common(const char *password)
{
	const char *const	*p;

	if (password == NULL)
		return (0);
	for (p = passpolicy_blocklist; *p != NULL; p++) {
		if (ascii_equal_fold(password, *p))
			return (1);
	}
	return (0);
}
