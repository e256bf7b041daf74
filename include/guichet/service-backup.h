/*
 * guichetctl backup and restore: the system administrator's copies of
 * the local store, taken while stations work, and put back when the
 * store is lost or damaged.
 */
#ifndef GUICHET_SERVICE_BACKUP_H
#define GUICHET_SERVICE_BACKUP_H

#include <stddef.h>
#include <stdint.h>

struct service;

/* Writes a backup of the store to the new file path (mode 0600), checks
 * it, and audits it; *pages says its size in pages. */
int service_backup(struct service *svc, const char *path, int64_t *pages);

/* Puts the backup at path in the store's place, in place (stations that
 * have the store open see it), after keeping the store as it is in a new
 * file beside it (its name in kept, len bytes), so a restore loses
 * nothing.  *version is the backup's schema version: when older than
 * this program's, the caller migrates the store, then calls
 * service_restore_note. */
int service_restore(struct service *svc, const char *path, char *kept,
    size_t len, int *version);

/* The same for a store that cannot be opened (damaged, or gone): its
 * files are moved aside to kept, and db_path is made anew from the
 * backup.  *cause (caller frees) says why it failed. */
int service_restore_damaged(const char *db_path, const char *path,
    char *kept, size_t len, int *version, char **cause);

/* Audits a restore from path in the restored store, and says where the
 * store before it is kept. */
int service_restore_note(struct service *svc, const char *path,
    const char *kept);

#endif
