/*
 * Dates and working days.  A date is a proleptic Gregorian civil date; the
 * day number is days since 1970-01-01 (negative before).  Pure functions.
 *
 * Public holidays are computed per country (Orthodox Easter by formula,
 * fixed days by rule) and can be extended by a table of extra days off
 * (the government's yearly additions, local patron saints), which the
 * caller loads from the profile.
 */
#ifndef GUICHET_CALENDAR_H
#define GUICHET_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct date {
	int year;
	int month;	/* 1..12 */
	int day;	/* 1..31 */
};

enum country {
	COUNTRY_RO,
	COUNTRY_GR,
	COUNTRY_COUNT
};

/* Extra days off on top of the computed holidays; sorted or not. */
struct holiday_table {
	const struct date *days;
	size_t count;
};

/* Returns true when y-m-d is a real calendar date (years 1..9999). */
bool date_valid(int year, int month, int day);

/* Returns the number of days in month of year. */
int date_days_in_month(int year, int month);

/* Returns days since 1970-01-01 for a valid date. */
int32_t date_to_days(struct date d);

/* Returns the date of a day number. */
struct date date_from_days(int32_t days);

/* Returns 1 = Monday ... 7 = Sunday (ISO 8601). */
int date_weekday(struct date d);

/* Returns d plus n days (n may be negative). */
struct date date_add_days(struct date d, int n);

/* Returns <0, 0, >0 as a is before, equal to, after b. */
int date_cmp(struct date a, struct date b);

/* Parses "YYYY-MM-DD" exactly; returns false on anything else. */
bool date_parse_iso(const char *s, struct date *out);

/* Parses a date as people type it: "31.12.1980", "31/12/1980",
 * "31-12-1980" or "1980-12-31"; returns false unless it is a real date. */
bool date_parse_any(const char *s, struct date *out);

/* Writes "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format_iso(struct date d, char *out, size_t outlen);

/* Writes the date the way people read it: "25.11.2026" (RO, GR) or
 * "25/11/2026"... see source; out at least 11 bytes.  lang is "ro",
 * "el" or "en". */
void date_format_local(struct date d, const char *lang, char *out,
    size_t outlen);

/* Returns Orthodox Easter Sunday (Gregorian date) of year, 1900..2099. */
struct date easter_orthodox(int year);

/* Returns true when d is a public holiday in country, computed days or a
 * day of extra (which may be NULL). */
bool holiday_is(enum country country, struct date d,
    const struct holiday_table *extra);

/* Returns true when d is neither Saturday, Sunday nor a holiday. */
bool working_day_is(enum country country, struct date d,
    const struct holiday_table *extra);

/* Returns the first working day on or after d. */
struct date working_day_on_or_after(enum country country, struct date d,
    const struct holiday_table *extra);

/* Returns the date n working days after d (n >= 0; d itself not counted):
 * the deadline "within n working days" of something filed on d. */
struct date working_days_add(enum country country, struct date d, int n,
    const struct holiday_table *extra);

/* Returns how many working days lie in (from, to], 0 when to <= from. */
int working_days_between(enum country country, struct date from,
    struct date to, const struct holiday_table *extra);

/* Returns how many months or parts of a month have started from the day
 * after due up to paid inclusive: 0 when paid <= due.  Due 31 Mar, paid
 * 15 May gives 2 (1 Apr-30 Apr, 1 May-15 May); paid 30 Apr gives 1. */
int date_months_started(struct date due, struct date paid);

#endif
