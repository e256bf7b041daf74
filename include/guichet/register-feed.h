/*
 * The tax office's register feed, one line at a time: RFC 4180 CSV, one
 * record per line, its first field naming the record (taxpayer, unit,
 * owner, obligation, payment).  The format is written down in
 * data/formats/register-feed.md and in guichetctl(8), THE REGISTER FEED.
 *
 * Parsing checks every field and normalises what has several spellings
 * (a CUI without "RO", an AFM with its nine digits, an IBAN or RF
 * reference without spaces and in capitals); text is kept exactly as
 * given.  It does not know what the store holds: whether a taxpayer or a
 * unit a record names exists is the importer's business.  Pure, no I/O.
 */
#ifndef GUICHET_REGISTER_FEED_H
#define GUICHET_REGISTER_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "guichet/calendar.h"
#include "guichet/register.h"

#define FEED_LINE_MAX 4095	/* bytes in a line, without its end */
#define FEED_REASON_MAX 256	/* room for a reason, with its NUL */

enum feed_kind {
	FEED_SKIP,		/* a blank line or a comment */
	FEED_TAXPAYER,
	FEED_UNIT,
	FEED_OWNER,
	FEED_OBLIGATION,
	FEED_PAYMENT,
	FEED_WARRANT
};

/* "owner,UNIT_CODE,NATIONAL_ID,SHARE". */
struct feed_owner {
	char unit_code[64];
	char national_id[32];
	int share_num, share_den;	/* "1" is 1/1 */
};

/* "obligation,...": row.unit_code holds UNIT_CODE ("" when none); the ids
 * of row are the importer's to resolve. */
struct feed_obligation {
	struct obligation_row row;
	char national_id[32];
};

/* "payment,...": row.key holds REF, row.channel is PAY_BANK. */
struct feed_payment {
	struct payment_row row;
	char national_id[32];
	char obligation_ref[64];	/* "" when the payment names none */
};

/* One line of the feed, parsed: kind says which member holds it. */
struct feed_warrant {
	struct warrant row;
	char national_id[32];
};

struct feed_record {
	enum feed_kind kind;
	union {
		struct taxpayer taxpayer;
		struct taxable_unit unit;
		struct feed_owner owner;
		struct feed_obligation obligation;
		struct feed_payment payment;
		struct feed_warrant warrant;
	} u;
};

/* Returns the name of kind as the feed writes it ("taxpayer", ...), or
 * "" for FEED_SKIP. */
const char *feed_kind_name(enum feed_kind kind);

/* Parses line (without its line end) of a feed for a town hall of
 * country (national ids: CNP or CUI in Romania, AFM in Greece) into
 * *out.  Returns true with out->kind set (FEED_SKIP for a blank line or a
 * comment), or false with an English reason in why naming the field, as
 * in "PRINCIPAL: '10,00' is not an amount like 1000.00"; why has room
 * for FEED_REASON_MAX bytes. */
bool feed_parse_line(const char *line, enum country country,
    struct feed_record *out, char why[FEED_REASON_MAX]);

#endif
