/*
 * Signed checkpoints of the audit trail: (size, head, time), the head
 * being the hash of row number size, signed with the station's Ed25519
 * key.  A checkpoint kept off the machine proves what the trail held: a
 * row edited, deleted or cut off after it, or the whole trail rewritten
 * and re-signed, no longer matches it.  The registry's daily seals are
 * signed the same way.
 */
#ifndef GUICHET_CHECKPOINT_H
#define GUICHET_CHECKPOINT_H

#include <stddef.h>
#include <stdint.h>

#include "guichet/audit.h"
#include "guichet/signing.h"

struct checkpoint {
	int64_t size;			/* rows covered: ids 1..size */
	char head[AUDIT_HASH_LEN];	/* hash of row size */
	char at[32];			/* UTC ISO, when it was made */
	char public[SIGNING_PUBLIC_B64];
	char signature[SIGNING_SIGNATURE_B64];
};

/* The longest line checkpoint_format writes, with its newline. */
#define CHECKPOINT_LINE 320

/* Writes the text a checkpoint's signature covers. */
void checkpoint_message(const struct checkpoint *c, char *out, size_t len);

/* Writes the text a registry seal's signature covers. */
void seal_message(const char *day, int64_t count, const char *hash,
    char *out, size_t len);

/* Writes c as one line of an export, with its newline:
 * "checkpoint SIZE HEAD AT PUBLIC SIGNATURE". */
void checkpoint_format(const struct checkpoint *c, char *out, size_t len);

/* Reads a line written by checkpoint_format (without or with its
 * newline).  G_ERR_INVALID for anything else. */
int checkpoint_parse(const char *line, struct checkpoint *out);

#endif
