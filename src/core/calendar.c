#include "config.h"

#include "guichet/calendar.h"

#include <stdio.h>
#include <string.h>

/* Tells whether year is a Gregorian leap year. */
static bool
is_leap(int year)
{
	return ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0);
}

/* Checks that a date is real, for the rules that take any date. */
bool
date_valid(int year, int month, int day)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12)
		return (false);
	return (day >= 1 && day <= date_days_in_month(year, month));
}

/* Gives the length of a month, 0 for a month that does not exist. */
int
date_days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month < 1 || month > 12)
		return (0);
	if (month == 2 && is_leap(year))
		return (29);
	return (days[month - 1]);
}

/*
 * Counts days since 1970-01-01, by H. Hinnant's days_from_civil: years
 * start in March so the leap day comes last.
 */
int32_t
date_to_days(struct date d)
{
	int	y, era, yoe, doy, doe, mp;

	y = d.year - (d.month <= 2);
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	mp = d.month > 2 ? d.month - 3 : d.month + 9;
	doy = (153 * mp + 2) / 5 + d.day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return ((int32_t)(era * 146097 + doe - 719468));
}

/* Turns a day number back into a date (civil_from_days). */
struct date
date_from_days(int32_t days)
{
	struct date	d;
	int32_t		z, era, doe, yoe, doy, mp;

	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return (d);
}

/* Gives the ISO weekday, 1 = Monday; 1970-01-01 was a Thursday. */
int
date_weekday(struct date d)
{
	int32_t	r;

	r = date_to_days(d) % 7;
	if (r < 0)
		r += 7;
	return ((int)((r + 3) % 7 + 1));
}

/* Moves a date by whole days across months and years. */
struct date
date_add_days(struct date d, int n)
{
	return (date_from_days(date_to_days(d) + n));
}

/* Orders dates, for sorting and deadlines. */
int
date_cmp(struct date a, struct date b)
{
	if (a.year != b.year)
		return (a.year < b.year ? -1 : 1);
	if (a.month != b.month)
		return (a.month < b.month ? -1 : 1);
	if (a.day != b.day)
		return (a.day < b.day ? -1 : 1);
	return (0);
}

/* Reads a date as stored and exchanged: "YYYY-MM-DD" and nothing else. */
bool
date_parse_iso(const char *s, struct date *out)
{
	static const char	 pattern[] = "dddd-dd-dd";
	struct date		 d;
	size_t			 i;

	if (strlen(s) != sizeof pattern - 1)
		return (false);
	for (i = 0; i < sizeof pattern - 1; i++) {
		if (pattern[i] == 'd' ? (s[i] < '0' || s[i] > '9') :
		    s[i] != pattern[i])
			return (false);
	}
	d.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
	    (s[2] - '0') * 10 + (s[3] - '0');
	d.month = (s[5] - '0') * 10 + (s[6] - '0');
	d.day = (s[8] - '0') * 10 + (s[9] - '0');
	if (!date_valid(d.year, d.month, d.day))
		return (false);
	*out = d;
	return (true);
}

/* Writes a date as stored and exchanged: "YYYY-MM-DD". */
void
date_format_iso(struct date d, char *out, size_t outlen)
{
	snprintf(out, outlen, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/*
 * Writes a date the way people read it: "25.11.2026" in Romanian and
 * Greek, "25/11/2026" in English and any language not known here.
 */
void
date_format_local(struct date d, const char *lang, char *out, size_t outlen)
{
	char	sep = '/';

	if (lang != NULL &&
	    (strcmp(lang, "ro") == 0 || strcmp(lang, "el") == 0))
		sep = '.';
	snprintf(out, outlen, "%02d%c%02d%c%04d", d.day, sep, d.month, sep,
	    d.year);
}

/*
 * Finds Orthodox Easter: Meeus's Julian algorithm, then 13 days to reach
 * the Gregorian calendar, which is right from 1900 to 2099.
 */
struct date
easter_orthodox(int year)
{
	struct date	d;
	int		a, b, c, dd, e, n;

	a = year % 4;
	b = year % 7;
	c = year % 19;
	dd = (19 * c + 15) % 30;
	e = (2 * a + 4 * b - dd + 34) % 7;
	n = dd + e + 114;
	d.year = year;
	d.month = n / 31;
	d.day = n % 31 + 1;
	return (date_add_days(d, 13));
}

/* Tells whether d is one of the caller's extra days off. */
static bool
in_table(struct date d, const struct holiday_table *extra)
{
	size_t	i;

	if (extra == NULL)
		return (false);
	for (i = 0; i < extra->count; i++) {
		if (date_cmp(extra->days[i], d) == 0)
			return (true);
	}
	return (false);
}

/* Tells whether d falls on a holiday fixed to the calendar. */
static bool
fixed_holiday(enum country country, struct date d)
{
	/* Month * 100 + day, ended by 0. */
	static const int ro[] = {
		101, 102, 106, 107, 124, 501, 601, 815, 1130, 1201, 1225, 1226,
		0
	};
	static const int gr[] = {
		101, 106, 325, 501, 815, 1028, 1225, 1226, 0
	};
	const int	*p;
	int		 md;

	p = country == COUNTRY_RO ? ro : gr;
	md = d.month * 100 + d.day;
	for (; *p != 0; p++) {
		if (*p == md)
			return (true);
	}
	return (false);
}

/*
 * Tells whether d falls on a holiday that moves with Easter.  Outside
 * 1900-2099 the formula does not hold and only fixed holidays count.
 */
static bool
easter_holiday(enum country country, struct date d)
{
	/* Offsets from Easter Sunday, ended by a value out of range. */
	static const int ro[] = { -2, 0, 1, 49, 50, 1000 };
	static const int gr[] = { -48, -2, 0, 1, 50, 1000 };
	const int	*p;
	int32_t		 off;

	if (d.year < 1900 || d.year > 2099)
		return (false);
	off = date_to_days(d) - date_to_days(easter_orthodox(d.year));
	p = country == COUNTRY_RO ? ro : gr;
	for (; *p != 1000; p++) {
		if (*p == off)
			return (true);
	}
	return (false);
}

/* Tells whether d is a public holiday, computed or listed as extra. */
bool
holiday_is(enum country country, struct date d,
    const struct holiday_table *extra)
{
	if (country != COUNTRY_RO && country != COUNTRY_GR)
		return (in_table(d, extra));
	return (fixed_holiday(country, d) || easter_holiday(country, d) ||
	    in_table(d, extra));
}

/* Tells whether the town hall is open on d. */
bool
working_day_is(enum country country, struct date d,
    const struct holiday_table *extra)
{
	if (date_weekday(d) >= 6)
		return (false);
	return (!holiday_is(country, d, extra));
}

/* Moves a date forward to the first working day, keeping it if it is one. */
struct date
working_day_on_or_after(enum country country, struct date d,
    const struct holiday_table *extra)
{
	while (!working_day_is(country, d, extra))
		d = date_add_days(d, 1);
	return (d);
}

/* Gives the deadline n working days after d, not counting d. */
struct date
working_days_add(enum country country, struct date d, int n,
    const struct holiday_table *extra)
{
	while (n > 0) {
		d = date_add_days(d, 1);
		if (working_day_is(country, d, extra))
			n--;
	}
	return (d);
}

/* Counts the working days after from up to to inclusive. */
int
working_days_between(enum country country, struct date from,
    struct date to, const struct holiday_table *extra)
{
	int32_t	day, last;
	int	n = 0;

	last = date_to_days(to);
	for (day = date_to_days(from) + 1; day <= last; day++) {
		if (working_day_is(country, date_from_days(day), extra))
			n++;
	}
	return (n);
}

/*
 * Counts started months of lateness, for late-payment interest.  Month k
 * runs from the day after the k-1st monthly anniversary of due through
 * the kth, an anniversary being due's day of the month k months later,
 * cut to the month's last day (due 31 Jan: 28 or 29 Feb, 31 Mar, 30 Apr).
 * The anniversary is always taken from due, never from the previous one,
 * so a short February does not shift later months.
 */
int
date_months_started(struct date due, struct date paid)
{
	int	months, day, last;

	if (date_cmp(paid, due) <= 0)
		return (0);
	months = (paid.year - due.year) * 12 + (paid.month - due.month);
	/* The anniversary in paid's own month. */
	day = due.day;
	last = date_days_in_month(paid.year, paid.month);
	if (day > last)
		day = last;
	return (paid.day <= day ? months : months + 1);
}

bool
date_parse_any(const char *s, struct date *out)
{
	char sep, end;
	int a, b, c;

	if (date_parse_iso(s, out))
		return true;
	if (sscanf(s, "%2d%c%2d%*[./-]%4d%c", &a, &sep, &b, &c, &end) != 4 ||
	    (sep != '.' && sep != '/' && sep != '-') || c < 1000 ||
	    !date_valid(c, b, a))
		return false;
	out->year = c;
	out->month = b;
	out->day = a;
	return true;
}
