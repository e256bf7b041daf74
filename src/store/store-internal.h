/*
 * What the store's own files share: the handle and statement helpers.
 * Nothing outside src/store/ includes this.
 */
#ifndef GUICHET_STORE_INTERNAL_H
#define GUICHET_STORE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

struct store {
	sqlite3 *db;
	char *path;
	int lock_fd;		/* the writer lock's side file */
	bool in_tx;
	char errmsg[256];
};

/* Prepares sql on st; returns NULL and records the error on failure. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);

/* Records SQLite's current error on st, prefixed by what was being done,
 * and returns G_ERR_STORE. */
int store_fail(struct store *st, const char *doing);

/* Binds a UTF-8 string (NULL binds SQL NULL). */
int store_bind_text(sqlite3_stmt *s, int idx, const char *text);

/* Copies column col of s into buf (empty for NULL), truncating safely. */
void store_column_copy(sqlite3_stmt *s, int col, char *buf, size_t len);

#endif
