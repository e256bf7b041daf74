/*
 * Identifiers as typed: every kind's check, and what is derived from a
 * valid one (a CNP's birth date, check digits, masks, RF references).
 */
#include "config.h"

#include <stdlib.h>

#include "guichet/calendar.h"
#include "guichet/ident.h"
#include "fuzz.h"

int
fuzz_ident(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), out[128];
	struct date d;
	int kind;

	for (kind = 0; kind < IDENT_KIND_COUNT; kind++)
		ident_check((enum ident_kind)kind, s);
	ident_kind_from_name(s);
	ident_cnp_birth_date(s, &d);
	ident_mask(s, out, sizeof out);
	ident_rf_make(s, out, sizeof out);
	if (size >= 1 && size < 64) {
		ident_luhn_check_digit(s);
		if (size >= 12)
			ident_cnp_check_digit(s);
		if (size >= 8)
			ident_afm_check_digit(s);
		if (size <= 9)
			ident_cui_check_digit(s);
	}
	free(s);
	return 0;
}
