/*
 * A test-only SQLite shim that makes one chosen write, sync or allocation
 * fail: a VFS, registered as the default, that forwards everything to the
 * real one ("unix") and counts xWrite, xSync and xTruncate on every file
 * (database, WAL, journal), and an allocator that wraps SQLite's own.
 * Armed with n, the n-th counted call from then on fails, that call only.
 */
#ifndef GUICHET_TEST_FAULTY_VFS_H
#define GUICHET_TEST_FAULTY_VFS_H

#include <stdbool.h>

/* Puts the shim in place; false when SQLite refused it.  Call it once,
 * before any database is opened: the allocator can only be changed while
 * SQLite is shut down. */
bool faulty_vfs_install(void);

/* Makes the n-th write, sync or truncate from now fail (SQLITE_IOERR_WRITE,
 * _FSYNC, _TRUNCATE).  0 disarms, keeping what faulty_vfs_fired and
 * faulty_vfs_calls say; arming clears them. */
void faulty_vfs_arm(int n);

/* Makes the n-th allocation (xMalloc or xRealloc) from now return NULL;
 * 0 disarms, as for faulty_vfs_arm. */
void faulty_vfs_arm_malloc(int n);

/* Says whether the armed fault happened since it was armed. */
bool faulty_vfs_fired(void);

/* Returns how many calls were counted since the fault was armed, the
 * failed one included: armed with a number never reached (INT_MAX), how
 * many fault points a run has. */
int faulty_vfs_calls(void);

#endif
