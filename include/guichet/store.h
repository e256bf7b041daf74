/*
 * The local store: one SQLite file in WAL mode with foreign keys on.
 *
 * All SQL of guichet lives under src/store/, every statement prepared with
 * bound parameters.  Writers are serialised by an flock() on a side file
 * (DATABASE-lock) before BEGIN IMMEDIATE, because SQLite's busy handler is
 * unfair under many writers and a user must never see SQLITE_BUSY.
 * Migrations are the numbered files of data/schema/, built into the
 * program; each is applied in its own transaction and recorded.
 */
#ifndef GUICHET_STORE_H
#define GUICHET_STORE_H

#include <stdbool.h>

struct store;

/* Opens an existing database at path.  Returns G_OK, or an error with
 * *cause (caller frees) saying what is wrong and what to do: a missing
 * directory or file, a file that is not SQLite, a schema older (run
 * "guichetctl migrate") or newer than this program. */
int store_open(const char *path, struct store **out, char **cause);

/* Creates the database at path (refused when it exists) and applies every
 * migration.  Same errors as store_open. */
int store_create(const char *path, struct store **out, char **cause);

/* Opens path without checking the schema version: for "migrate". */
int store_open_for_migration(const char *path, struct store **out,
    char **cause);

/* Closes st (NULL is fine). */
void store_close(struct store *st);

/* Returns the schema version the database is at (0: none applied). */
int store_schema_version(struct store *st);

/* Returns the newest schema version this program knows. */
int store_schema_latest(void);

/* Applies pending migrations in order; *applied counts them.  Returns
 * G_OK or G_ERR_STORE with *cause set (caller frees). */
int store_migrate(struct store *st, int *applied, char **cause);

/* Starts a write transaction: takes the writer lock, then BEGIN
 * IMMEDIATE.  Returns G_OK or G_ERR_STORE. */
int store_begin(struct store *st);

/* Commits (durably: synchronous=FULL) and releases the writer lock. */
int store_commit(struct store *st);

/* Rolls back and releases the writer lock; safe after a failed begin. */
void store_rollback(struct store *st);

/* Returns the message of the last store failure (never NULL). */
const char *store_errmsg(struct store *st);

/* Returns the database path st was opened with. */
const char *store_path(struct store *st);

#endif
