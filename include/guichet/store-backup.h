/*
 * Backups of the local store: a consistent copy taken while stations
 * work, checked before it is trusted, and put back under the writer lock.
 */
#ifndef GUICHET_STORE_BACKUP_H
#define GUICHET_STORE_BACKUP_H

#include <stdint.h>

struct store;

/* Copies st, as one snapshot, into a new file at path (mode 0600; an
 * existing file is refused with G_ERR_EXISTS) and checks the copy's
 * integrity; *pages says how many pages it holds.  On failure no file
 * is left and *cause (caller frees) says why. */
int store_backup(struct store *st, const char *path, int64_t *pages,
    char **cause);

/* Checks that path is an intact guichet database; *version is its schema
 * version.  G_ERR_STORE with *cause when it is not. */
int store_backup_check(const char *path, int *version, char **cause);

/* Replaces st's content with the database at path, holding the writer
 * lock, and checks the result.  Outside any transaction. */
int store_restore(struct store *st, const char *path, char **cause);

/* For a store that cannot be opened (damaged, or gone): moves its files
 * (db_path, -wal, -shm) aside to kept, then makes db_path anew as a copy
 * of the backup at path. */
int store_restore_file(const char *db_path, const char *path,
    const char *kept, char **cause);

#endif
