/*
 * National and banking identifiers: Romanian CNP and CUI, Greek AFM and
 * AMKA, IBAN (ISO 13616) and RF creditor references (ISO 11649).
 *
 * Pure functions, no I/O.  A check returns NULL when the value is valid,
 * otherwise a static English reason marked with N_() for translation; the
 * caller shows it through gettext.  Reasons say what is wrong and how to
 * fix it ("the check digit does not match: check the last digit").
 * Values are given as typed: surrounding blanks are the caller's business,
 * inner blanks are refused except one after a country prefix ("RO 123",
 * "EL 094259216") and single spaces between the groups of an IBAN or RF
 * reference; letters may be in either case.
 */
#ifndef GUICHET_IDENT_H
#define GUICHET_IDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "guichet/calendar.h"

enum ident_kind {
	IDENT_CNP,
	IDENT_CUI,
	IDENT_AFM,
	IDENT_AMKA,
	IDENT_IBAN,
	IDENT_RF,
	IDENT_KIND_COUNT
};

/* Returns the kind named name ("cnp", "cui", "afm", "amka", "iban", "rf"),
 * or -1 when there is none. */
int ident_kind_from_name(const char *name);

/* Returns the lower-case name of kind ("cnp", ...). */
const char *ident_kind_name(enum ident_kind kind);

/* Returns NULL when value is a valid identifier of kind, else the reason. */
const char *ident_check(enum ident_kind kind, const char *value);

const char *ident_check_cnp(const char *cnp);
const char *ident_check_cui(const char *cui);
const char *ident_check_afm(const char *afm);
const char *ident_check_amka(const char *amka);
const char *ident_check_iban(const char *iban);
const char *ident_check_rf(const char *rf);

/* Returns the birth date encoded in a valid CNP; false when cnp is invalid
 * or its first digit (7, 8, 9: residents and foreigners) encodes no
 * century (those use 1900s by convention: see the source). */
bool ident_cnp_birth_date(const char *cnp, struct date *out);

/* Check-digit makers, for generators and tests.  Each takes the body
 * without the check digit and returns the check digit as a character, or
 * '\0' when the body has the wrong length or a non-digit. */
char ident_cnp_check_digit(const char *first12);
char ident_cui_check_digit(const char *body);	/* 1 to 9 digits */
char ident_afm_check_digit(const char *first8);
char ident_luhn_check_digit(const char *digits);	/* any length >= 1 */

/* Writes the RF reference for body (1..21 letters or digits) into out
 * (at least 26 bytes), without spaces.  Returns false on a bad body. */
bool ident_rf_make(const char *body, char *out, size_t outlen);

/* Writes a masked copy of a national id into out for screens and receipts
 * that must not show it whole (Law 190/2018): first 7 and last 2 characters
 * kept, the rest as bullets ("1800101••••44").  Shorter ids (AFM, AMKA)
 * keep only their last 3 ("••••••216"); very short ones are all masked. */
void ident_mask(const char *value, char *out, size_t outlen);

#endif
