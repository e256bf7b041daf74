/*
 * One row of the audit trail: who did what, as whom, where, when, to which
 * object, for whom, with what outcome.  Rows are hash-chained: hash =
 * SHA-256 over the previous row's hash and this row's canonical content
 * (every field, length-prefixed, so no two rows encode alike).
 */
#ifndef GUICHET_AUDIT_H
#define GUICHET_AUDIT_H

#include <stdint.h>

#define AUDIT_HASH_LEN 65	/* 64 hex digits and NUL */

struct audit_row {
	int64_t id;
	const char *at;		/* UTC, ISO 8601 */
	const char *actor;	/* staff username, or "guichetctl:USER" */
	const char *role;
	const char *station;
	const char *action;	/* "login", "staff.add", ... */
	const char *object;	/* what it acted on: "staff:ana" */
	const char *on_behalf;	/* the citizen a clerk acted for, or "" */
	const char *outcome;	/* "ok" or "refused: reason" */
	const char *prev_hash;
	const char *hash;
};

/* The previous hash of the first row. */
extern const char audit_genesis_hash[AUDIT_HASH_LEN];

/* Computes row's hash from row->prev_hash and its fields into out.
 * Returns G_OK or G_ERR_CRYPTO. */
int audit_chain_hash(const struct audit_row *row, char out[AUDIT_HASH_LEN]);

#endif
