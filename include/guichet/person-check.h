/*
 * Checking what a clerk typed for a person, field by field, so that each
 * reason can be shown next to its field.  Names in any script are kept
 * exactly as typed (after trimming); control characters, invalid UTF-8
 * and over-long values are refused, never cut.  Pure.
 */
#ifndef GUICHET_PERSON_CHECK_H
#define GUICHET_PERSON_CHECK_H

#include "guichet/calendar.h"
#include "guichet/person.h"

enum person_field {
	PF_CNP, PF_AFM, PF_AMKA,
	PF_SURNAME, PF_GIVEN_NAMES, PF_FORMER_NAMES, PF_BIRTH_DATE,
	PF_TOWN, PF_DISTRICT, PF_STREET, PF_NUMBER, PF_BLOCK, PF_STAIRCASE,
	PF_FLOOR, PF_APARTMENT, PF_POSTAL_CODE,
	PF_PHONE, PF_EMAIL, PF_CONTACT,
	PF_COUNT
};

struct person_problem {
	enum person_field field;
	const char *reason;	/* static, N_() */
};

/* Checks p as a record of country (p->country is set from it), trimming
 * blanks at the ends of every text field.  When the country's national id
 * encodes a birth date (CNP, AMKA) and p has none, it is filled in; when
 * p has one that differs, that is a problem.  Required: the national
 * ids of the country (RO: CNP; GR: AFM and AMKA), surname, given names,
 * town, street, house number, and the contact preference's channel (a
 * phone for "phone", an e-mail for "email"); the other country's ids must
 * be empty.  Normalises in place: an 8-digit AFM gets its leading zero,
 * the blank of a Greek postal code ("105 57") goes.  An AMKA's two-digit
 * year is read as the latest century that is not in the future, so a
 * birth date of someone over 100 must be typed; for a typed date only
 * the day, month and last two digits of the year are compared (likewise
 * for residents' and foreigners' CNPs, first digit 7 to 9).  At most one
 * problem per field; fills up to max problems (problems may be NULL when
 * max is 0) in order of fields and returns how many there are (0: p may
 * be stored). */
int person_check(struct person *p, enum country country, struct date today,
    struct person_problem *problems, int max);

/* Returns NULL when text is valid UTF-8 without control characters (C0,
 * C1, DEL, line and paragraph separators, bidirectional controls) and has
 * at most max_chars characters (code points), else a reason (N_()) that
 * does not name a field: the caller shows it next to the field. */
const char *person_check_text(const char *text, int max_chars);

#endif
