#include "config.h"

#include "guichet/request-status.h"

#include <stdio.h>
#include <string.h>

#include "guichet/i18n-mark.h"

#define PROTOCOL_WIDTH_MAX	12
#define PROTOCOL_YEAR_MAX	9999

#define BIT(s)		(1u << (s))

static const struct {
	const char	*name;
	const char	*label;
} statuses[REQ_STATUS_COUNT] = {
	[REQ_SUBMITTED] = { "submitted", N_("submitted") },
	[REQ_REGISTERED] = { "registered", N_("registered") },
	[REQ_IN_PROGRESS] = { "in-progress", N_("in progress") },
	[REQ_RETURNED] = { "returned", N_("returned for more information") },
	[REQ_RESUBMITTED] = { "resubmitted", N_("resubmitted") },
	[REQ_ANSWERED] = { "answered", N_("answered") },
	[REQ_CLOSED] = { "closed", NC_("request", "closed") },
	[REQ_REJECTED] = { "rejected", N_("rejected") },
	[REQ_DUPLICATE] = { "duplicate", N_("closed as duplicate") },
	[REQ_NOT_OURS] = { "not-ours",
	    N_("not the town hall's responsibility") },
};

/* What each status may become: one bit per status. */
static const unsigned next[REQ_STATUS_COUNT] = {
	[REQ_SUBMITTED] = BIT(REQ_REGISTERED),
	[REQ_REGISTERED] = BIT(REQ_IN_PROGRESS) | BIT(REQ_RETURNED) |
	    BIT(REQ_ANSWERED) | BIT(REQ_REJECTED) | BIT(REQ_DUPLICATE) |
	    BIT(REQ_NOT_OURS),
	[REQ_IN_PROGRESS] = BIT(REQ_RETURNED) | BIT(REQ_ANSWERED) |
	    BIT(REQ_REJECTED) | BIT(REQ_DUPLICATE) | BIT(REQ_NOT_OURS),
	[REQ_RETURNED] = BIT(REQ_RESUBMITTED) | BIT(REQ_CLOSED),
	[REQ_RESUBMITTED] = BIT(REQ_IN_PROGRESS) | BIT(REQ_RETURNED) |
	    BIT(REQ_ANSWERED) | BIT(REQ_REJECTED) | BIT(REQ_DUPLICATE) |
	    BIT(REQ_NOT_OURS),
	[REQ_ANSWERED] = BIT(REQ_CLOSED) | BIT(REQ_IN_PROGRESS),
};

/* Why a final status stays where it is. */
static const char *const final_reasons[REQ_STATUS_COUNT] = {
	[REQ_CLOSED] = N_("a closed request does not change"),
	[REQ_REJECTED] = N_("a rejected request does not change"),
	[REQ_DUPLICATE] = N_("a request closed as duplicate does not change"),
	[REQ_NOT_OURS] = N_("a request that is not the town hall's "
	    "responsibility does not change"),
};

/* Tells whether s is one of the enum's values. */
static bool
status_known(enum request_status s)
{
	return ((int)s >= 0 && (int)s < REQ_STATUS_COUNT);
}

/* Names a status for the store and command lines. */
const char *
request_status_name(enum request_status s)
{
	if (!status_known(s))
		return ("unknown");
	return (statuses[s].name);
}

/* Maps a stored status name back to its status. */
int
request_status_from_name(const char *name)
{
	int	i;

	if (name == NULL)
		return (-1);
	for (i = 0; i < REQ_STATUS_COUNT; i++)
		if (strcmp(statuses[i].name, name) == 0)
			return (i);
	return (-1);
}

/* Names a status for people, untranslated. */
const char *
request_status_label(enum request_status s)
{
	if (!status_known(s))
		return (N_("unknown status"));
	return (statuses[s].label);
}

/*
 * Looks the move up in next[]; a refused move is explained by the first
 * rule it breaks, most specific first, so every refusal has a reason.
 */
const char *
request_status_check(enum request_status from, enum request_status to)
{
	if (!status_known(from) || !status_known(to))
		return (N_("unknown request status"));
	if (next[from] & BIT(to))
		return (NULL);
	if (from == to)
		return (N_("the request is already in that state"));
	if (request_status_final(from))
		return (final_reasons[from]);
	if (from == REQ_SUBMITTED)
		return (N_("a request is registered before it is worked on"));
	if (to == REQ_SUBMITTED)
		return (N_("a request is submitted only once"));
	if (to == REQ_REGISTERED)
		return (N_("a request is registered only once"));
	if (from == REQ_RETURNED)
		return (N_("a returned request waits for the citizen"));
	if (to == REQ_RESUBMITTED)
		return (N_("only a request returned to the citizen is "
		    "resubmitted"));
	if (from == REQ_ANSWERED)
		return (N_("an answered request is closed or taken back to "
		    "work"));
	if (to == REQ_CLOSED)
		return (N_("a request is answered before it is closed"));
	return (N_("that change of status is not allowed"));
}

/* The statuses whose move carries a reason or a reply for the citizen. */
bool
request_status_needs_text(enum request_status s)
{
	switch (s) {
	case REQ_RETURNED:
	case REQ_ANSWERED:
	case REQ_REJECTED:
	case REQ_DUPLICATE:
	case REQ_NOT_OURS:
		return (true);
	default:
		return (false);
	}
}

/* The statuses next[] lets go nowhere. */
bool
request_status_final(enum request_status s)
{
	switch (s) {
	case REQ_CLOSED:
	case REQ_REJECTED:
	case REQ_DUPLICATE:
	case REQ_NOT_OURS:
		return (true);
	default:
		return (false);
	}
}

/*
 * Reads the width of "%<digits>N" at *p (just past the '%'); leaves *p on
 * the 'N' or returns -1 when the digits are no width.  0 means no digits.
 */
static int
format_width(const char **p)
{
	const char	*q = *p;
	int		 w = 0;

	if (*q < '0' || *q > '9')
		return (0);
	while (*q >= '0' && *q <= '9') {
		w = w * 10 + (*q - '0');
		if (w > PROTOCOL_WIDTH_MAX)
			return (-1);
		q++;
	}
	if (w == 0 || *q != 'N')
		return (-1);
	*p = q;
	return (w);
}

/*
 * Walks format once to say whether it is good: only %Y, %N, %<w>N and
 * %%, with exactly one number and at most one year, so that what it
 * formats can be parsed back.
 */
static bool
format_valid(const char *format)
{
	const char	*p;
	int		 years = 0, numbers = 0;

	for (p = format; *p != '\0'; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		if (*p == 'Y') {
			years++;
			continue;
		}
		if (format_width(&p) < 0 || *p != 'N')
			return (false);
		numbers++;
	}
	return (numbers == 1 && years <= 1);
}

/* Appends s to out[len] at *pos; false when it does not fit. */
static bool
put(char *out, size_t len, size_t *pos, const char *s)
{
	size_t	n = strlen(s);

	if (n >= len - *pos)
		return (false);
	memcpy(out + *pos, s, n + 1);
	*pos += n;
	return (true);
}

/* Fills in the number and year where format asks for them. */
bool
protocol_format(const char *format, int year, int64_t n, char *out,
    size_t len)
{
	const char	*p;
	char		 buf[32];
	size_t		 pos = 0;
	int		 w;

	if (out == NULL || len == 0)
		return (false);
	out[0] = '\0';
	if (format == NULL || !format_valid(format) || n < 1 || year < 1 ||
	    year > PROTOCOL_YEAR_MAX)
		return (false);
	for (p = format; *p != '\0'; p++) {
		if (*p != '%') {
			buf[0] = *p;
			buf[1] = '\0';
		} else if (*++p == '%')
			strcpy(buf, "%");
		else if (*p == 'Y')
			snprintf(buf, sizeof buf, "%04d", year);
		else {
			w = format_width(&p);
			snprintf(buf, sizeof buf, "%0*lld", w == 0 ? 1 : w,
			    (long long)n);
		}
		if (!put(out, len, &pos, buf)) {
			out[0] = '\0';
			return (false);
		}
	}
	return (true);
}

/* Emergency numbers have one fixed shape whatever the profile says. */
void
protocol_emergency(int year, int64_t n, char *out, size_t len)
{
	snprintf(out, len, "E-%04d-%06lld", year, (long long)n);
}

/* Tells whether c is an ASCII digit (isdigit() follows the locale). */
static bool
is_digit(char c)
{
	return (c >= '0' && c <= '9');
}

/* Folds ASCII letters so typed literals match in either case. */
static char
fold(char c)
{
	if (c >= 'A' && c <= 'Z')
		return ((char)(c - 'A' + 'a'));
	return (c);
}

/* Reads the k digits at s as a number; false when it is 0 or too big. */
static bool
digits_value(const char *s, size_t k, int64_t *v)
{
	int64_t	x = 0;
	size_t	i;

	for (i = 0; i < k; i++) {
		if (x > (INT64_MAX - (s[i] - '0')) / 10)
			return (false);
		x = x * 10 + (s[i] - '0');
	}
	if (x <= 0)
		return (false);
	*v = x;
	return (true);
}

/*
 * Matches s against format to its end; a number takes the longest run of
 * digits that still lets the rest match ("%N%Y" gives the year its four).
 * At most one %N and one %Y (format_valid()) bound the backtracking.
 */
static bool
match(const char *f, const char *s, int *year, int64_t *n)
{
	size_t	run, k;

	for (; *f != '\0'; f++, s++) {
		if (*f != '%') {
			if (fold(*f) != fold(*s))
				return (false);
			continue;
		}
		f++;
		if (*f == '%') {
			if (*s != '%')
				return (false);
			continue;
		}
		if (*f == 'Y') {
			if (!is_digit(s[0]) || !is_digit(s[1]) ||
			    !is_digit(s[2]) || !is_digit(s[3]))
				return (false);
			*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
			    (s[2] - '0') * 10 + (s[3] - '0');
			if (*year == 0)
				return (false);
			s += 3;
			continue;
		}
		if (format_width(&f) < 0)
			return (false);
		for (run = 0; is_digit(s[run]); run++)
			continue;
		for (k = run; k > 0; k--)
			if (match(f + 1, s + k, year, n) &&
			    digits_value(s, k, n))
				return (true);
		return (false);
	}
	return (*s == '\0');
}

/* Tells whether c is a blank someone may type around a number. */
static bool
is_blank(char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

/*
 * Trims the blanks, then tries the profile's format and the emergency
 * shape; the outputs change only on success.
 */
bool
protocol_parse(const char *format, const char *s, int *year, int64_t *n,
    bool *emergency)
{
	char	 buf[128];
	size_t	 len;
	int	 y = 0;
	int64_t	 v = 0;

	if (s == NULL)
		return (false);
	while (is_blank(*s))
		s++;
	len = strlen(s);
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	if (len == 0 || len >= sizeof buf)
		return (false);
	memcpy(buf, s, len);
	buf[len] = '\0';

	if (format != NULL && format_valid(format) &&
	    match(format, buf, &y, &v)) {
		*year = y;
		*n = v;
		*emergency = false;
		return (true);
	}
	y = 0;
	if (match("E-%Y-%N", buf, &y, &v)) {
		*year = y;
		*n = v;
		*emergency = true;
		return (true);
	}
	return (false);
}
