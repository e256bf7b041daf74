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
 * town, street, and the contact preference's channel (a phone for
 * "phone", an e-mail for "email").  Fills up to max problems in order of
 * fields; returns how many there are (0: p may be stored). */
int person_check(struct person *p, enum country country, struct date today,
    struct person_problem *problems, int max);

/* Returns NULL when text is valid UTF-8 without control characters and
 * has at most max_chars characters, else a reason (N_()). */
const char *person_check_text(const char *text, int max_chars);

#endif
