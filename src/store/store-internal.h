/*
 * What the store's own files share: the handle and statement helpers.
 * Nothing outside src/store/ includes this.
 */
#ifndef GUICHET_STORE_INTERNAL_H
#define GUICHET_STORE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdint.h>

#include <sqlite3.h>

#define STORE_STATEMENTS 96	/* statements kept compiled */

/* A compiled statement kept for the next use of the same SQL. */
struct store_statement {
	char *sql;
	uint32_t hash;
	sqlite3_stmt *s;
	bool busy;		/* handed out, not released yet */
};

struct store {
	sqlite3 *db;
	char *path;
	int lock_fd;		/* the writer lock's side file */
	bool in_tx;
	char errmsg[256];
	int nstatements;
	struct store_statement statements[STORE_STATEMENTS];
};

/* Returns a statement for sql on st, compiled once and kept: compiling
 * costs more than running most of ours.  NULL, with the error recorded,
 * on failure.  Give it back with store_release. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);

/* Gives back a statement from store_prepare: reset and unbound for the
 * next use (or finalized when it was not kept).  NULL is ignored. */
void store_release(struct store *st, sqlite3_stmt *s);

/* Records SQLite's current error on st, prefixed by what was being done,
 * and returns G_ERR_STORE. */
int store_fail(struct store *st, const char *doing);

/* Steps the INSERT s (binds done) and finalizes it: G_OK with *id set
 * (id may be NULL), G_ERR_EXISTS when a constraint refused it, else
 * G_ERR_STORE with the failure recorded as doing.  s NULL: G_ERR_STORE. */
int store_step_insert(struct store *st, sqlite3_stmt *s, const char *doing,
    int64_t *id);

/* Steps the UPDATE or DELETE s and finalizes it: G_ERR_NOTFOUND when it
 * changed no row and must_change is set. */
int store_step_change(struct store *st, sqlite3_stmt *s, const char *doing,
    bool must_change);

/* Steps the SELECT s for one row and finalizes it: fill(s, out) copies
 * the row; G_ERR_NOTFOUND when there is none. */
int store_step_one(struct store *st, sqlite3_stmt *s, const char *doing,
    void (*fill)(sqlite3_stmt *s, void *out), void *out);

/* Records a login attempt's throttling state on row id of table, which
 * is "staff" or "credential" (both have the same three columns). */
int store_set_attempts(struct store *st, const char *table, int64_t id,
    int failed, bool locked, int64_t retry_after);

/* Returns the rows the last INSERT, UPDATE or DELETE changed (an upsert
 * that found nothing to change: 0). */
int store_changes(struct store *st);

/* A fill for store_step_one: copies column 0 into the int64_t at out. */
void store_fill_id(sqlite3_stmt *s, void *out);

/* Binds a UTF-8 string (NULL binds SQL NULL). */
int store_bind_text(sqlite3_stmt *s, int idx, const char *text);

/* Copies column col of s into buf (empty for NULL), truncating safely. */
void store_column_copy(sqlite3_stmt *s, int col, char *buf, size_t len);

#endif
