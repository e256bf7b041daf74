/*
 * Traffic and parking fines given by the town hall's police: the kinds,
 * each with its amount and labels in three languages (a profile's data:
 * data/profiles/ro-fines.ini, gr-fines.ini), and what a fine costs on the
 * day it is paid.  Pure.
 */
#ifndef GUICHET_FINES_H
#define GUICHET_FINES_H

#include <stdbool.h>

#include "guichet/calendar.h"
#include "guichet/money.h"
#include "guichet/request-type.h"

#define FINE_TYPES_MAX 32

struct fine_type {
	char id[32];			/* [a-z-] */
	money_t amount;
	struct label3 label;
};

struct fine_rules {
	int reduced_days;		/* paid within this many days of the
					 * report (0: never reduced) */
	int reduced_bp;			/* ... this much less */
	int ntypes;
	struct fine_type types[FINE_TYPES_MAX];
};

/* One fine, as reported. */
struct fine {
	int64_t id;
	char municipality[16];		/* the town hall's code */
	char number[32];		/* on the report */
	char plate[16];			/* "CJ 12 ABC", as registered */
	char issued_at[17];		/* "YYYY-MM-DD HH:MM", local time */
	char type[32];
	money_t amount;
	int64_t payment_id;		/* 0: not paid */
	char paid_on[11];
};

/* Parses a fines file (INI text, name for messages) into *out.  Returns
 * G_OK, or G_ERR_INVALID with *cause ("name:line: message", caller
 * frees). */
int fine_rules_parse(const char *name, const char *text,
    struct fine_rules *out, char **cause);

/* Returns the kind called id, or NULL. */
const struct fine_type *fine_type_find(const struct fine_rules *r,
    const char *id);

/* Returns what fine f costs when paid on day on: reduced within the
 * profile's days of its report (inclusive). */
money_t fine_amount_on(const struct fine_rules *r, const struct fine *f,
    struct date on);

/* Normalises what a clerk typed as a plate into out (capitals, one blank
 * between groups: "cj12abc" stays "CJ12ABC", "b 123  abc" becomes
 * "B 123 ABC"); returns false when it is empty, longer than 15, or holds
 * other than letters, digits, blanks and '-'. */
bool fine_plate_normalise(const char *typed, char *out, size_t len);

/* Returns true when two normalised plates are the same car: blanks and
 * '-' do not count ("CJ34DEF" is "CJ 34 DEF"). */
bool fine_plate_same(const char *a, const char *b);

/* Parses "dd.mm.yyyy hh:mm" or "yyyy-mm-dd hh:mm" into "YYYY-MM-DD HH:MM";
 * false for anything else or an impossible time. */
bool fine_time_parse(const char *typed, char out[17]);

#endif
