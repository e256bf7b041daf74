/*
 * Identity documents shown at the counter: what each kind looks like,
 * whether it is still valid on a date, and whether it proves an address.
 * Pure.
 *
 * - Romanian identity card (old, "CI"): a 2-letter series and 6 digits;
 *   valid until its expiry date but never after 3 August 2031.
 * - Romanian electronic identity card ("CEI"): prints no home address (it
 *   is only on the chip), so the clerk records the address from another
 *   proof and names it.  No public source gives its number format; 2
 *   letters and 6 to 9 digits are accepted until one does.
 * - Greek police identity card (ΑΔΤ): 1 or 2 letters and 6 digits; the
 *   letters may be typed in Greek or as look-alike Latin letters (A/Α,
 *   B/Β, E/Ε, Z/Ζ, H/Η, I/Ι, K/Κ, M/Μ, N/Ν, O/Ο, P/Ρ, T/Τ, Y/Υ, X/Χ) and
 *   are stored in Greek capitals.
 * - Passport and residence permit: 6 to 9 letters or digits.
 */
#ifndef GUICHET_IDDOC_H
#define GUICHET_IDDOC_H

#include <stdbool.h>

#include "guichet/calendar.h"

enum iddoc_type {
	IDDOC_RO_ID_CARD,
	IDDOC_RO_ECARD,
	IDDOC_GR_ID_CARD,
	IDDOC_PASSPORT,
	IDDOC_RESIDENCE_PERMIT,
	IDDOC_TYPE_COUNT
};

struct iddoc {
	enum iddoc_type type;
	char series[16];	/* letters; empty for passports and permits */
	char number[16];
	char issuer[400];	/* issuing authority, as printed */
	struct date expiry;
};

/* Returns the stored name of type ("ro-id-card", ...). */
const char *iddoc_type_name(enum iddoc_type type);

/* Returns the type called name, or -1. */
int iddoc_type_from_name(const char *name);

/* Returns the label people read, marked N_(). */
const char *iddoc_type_label(enum iddoc_type type);

/* Normalises doc's series and number in place (blanks removed, upper
 * case, Greek look-alikes to Greek; for identity cards typed whole under
 * the number with no series, the leading letters move to the series) and
 * checks them, the issuer (trimmed in place) and the expiry against today
 * (valid through the expiry day; the 2031 end of old Romanian cards is
 * applied without rewriting doc->expiry).  Returns NULL when the
 * document may be accepted, else a static reason (N_()) naming the
 * field: "Document number: ...",
 * "Expiry date: the document expired; ask for a valid one". */
const char *iddoc_check(struct iddoc *doc, struct date today);

/* Returns true when the document itself shows the holder's address. */
bool iddoc_shows_address(enum iddoc_type type);

/* Returns NULL when proof (what else proved the address; may be empty)
 * is enough for a document of type, else a reason (N_()) starting with
 * "Address proof:". */
const char *iddoc_check_address_proof(enum iddoc_type type,
    const char *proof);

#endif
