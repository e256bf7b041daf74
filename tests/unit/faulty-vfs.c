/*
 * The faulty VFS and allocator (see faulty-vfs.h).  A file the shim opens
 * is its own header followed by the real VFS's file; every method goes on
 * to the real file, and the three that put data on disk first ask
 * strike() whether theirs is the call that must fail.
 */
#include "config.h"

#include "faulty-vfs.h"

#include <stdatomic.h>
#include <stddef.h>

#include <sqlite3.h>

struct faulty_file {
	sqlite3_file base;	/* its pMethods are ours */
	sqlite3_file *real;	/* the real VFS's file, right after us */
};

#define REAL(f)	(((struct faulty_file *)(f))->real)

typedef void (*dl_symbol)(void);

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim;
static sqlite3_mem_methods real_mem;

/* Calls left until the armed fault, 0 when disarmed, and calls made
 * while armed.  Atomic: sync pushes to the centre from a thread of its
 * own. */
static atomic_int io_left, malloc_left, calls;
static atomic_bool fired;

/* Counts one call against left; true when it is the one to fail. */
static bool
strike(atomic_int *left)
{
	int n = atomic_load(left);

	/* Only the call that takes the count from 1 to 0 fails. */
	while (n > 0 && !atomic_compare_exchange_weak(left, &n, n - 1))
		;
	if (n > 0)
		atomic_fetch_add(&calls, 1);
	if (n != 1)
		return false;
	atomic_store(&fired, true);
	return true;
}

static int
file_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int
file_read(sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
	return REAL(f)->pMethods->xRead(REAL(f), buf, amount, offset);
}

static int
file_write(sqlite3_file *f, const void *buf, int amount,
    sqlite3_int64 offset)
{
	if (strike(&io_left))
		return SQLITE_IOERR_WRITE;
	return REAL(f)->pMethods->xWrite(REAL(f), buf, amount, offset);
}

static int
file_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (strike(&io_left))
		return SQLITE_IOERR_TRUNCATE;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
file_sync(sqlite3_file *f, int flags)
{
	if (strike(&io_left))
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
file_lock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xLock(REAL(f), lock);
}

static int
file_unlock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), lock);
}

static int
file_check_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
file_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
file_sector_size(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
file_characteristics(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
file_shm_map(sqlite3_file *f, int region, int size, int extend,
    void volatile **out)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), region, size, extend, out);
}

static int
file_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}

static void
file_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
file_shm_unmap(sqlite3_file *f, int delete)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), delete);
}

static int
file_fetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
	return REAL(f)->pMethods->xFetch(REAL(f), offset, amount, out);
}

static int
file_unfetch(sqlite3_file *f, sqlite3_int64 offset, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), offset, p);
}

#define FILE_METHODS(version) {						\
	version, file_close, file_read, file_write, file_truncate,	\
	file_sync, file_size, file_lock, file_unlock,			\
	file_check_reserved, file_control, file_sector_size,		\
	file_characteristics, file_shm_map, file_shm_lock,		\
	file_shm_barrier, file_shm_unmap, file_fetch, file_unfetch	\
}

/* One table per version: SQLite calls only the methods the real file's
 * version has, so ours must claim the same one. */
static const sqlite3_io_methods file_methods[3] = {
	FILE_METHODS(1), FILE_METHODS(2), FILE_METHODS(3)
};

static int
vfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
    int flags, int *out_flags)
{
	struct faulty_file *ff = (struct faulty_file *)f;
	int rc, version;

	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out_flags);
	/* SQLite closes a file that has methods, even after a failed open:
	 * ours then, so that the real one is closed too. */
	if (ff->real->pMethods == NULL) {
		f->pMethods = NULL;
		return rc;
	}
	version = ff->real->pMethods->iVersion;
	version = version < 1 ? 1 : version > 3 ? 3 : version;
	f->pMethods = &file_methods[version - 1];
	return rc;
}

/* The rest of the VFS goes to the real one as is: it is the real VFS
 * (its pAppData) those methods expect, not the shim. */
static int
vfs_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	return real_vfs->xDelete(real_vfs, name, sync_dir);
}

static int
vfs_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int
vfs_full_pathname(sqlite3_vfs *vfs, const char *name, int len, char *out)
{
	(void)vfs;
	return real_vfs->xFullPathname(real_vfs, name, len, out);
}

static void *
vfs_dl_open(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs->xDlOpen(real_vfs, name);
}

static void
vfs_dl_error(sqlite3_vfs *vfs, int len, char *out)
{
	(void)vfs;
	real_vfs->xDlError(real_vfs, len, out);
}

static dl_symbol
vfs_dl_sym(sqlite3_vfs *vfs, void *handle, const char *symbol)
{
	(void)vfs;
	return real_vfs->xDlSym(real_vfs, handle, symbol);
}

static void
vfs_dl_close(sqlite3_vfs *vfs, void *handle)
{
	(void)vfs;
	real_vfs->xDlClose(real_vfs, handle);
}

static int
vfs_randomness(sqlite3_vfs *vfs, int len, char *out)
{
	(void)vfs;
	return real_vfs->xRandomness(real_vfs, len, out);
}

static int
vfs_sleep(sqlite3_vfs *vfs, int microseconds)
{
	(void)vfs;
	return real_vfs->xSleep(real_vfs, microseconds);
}

static int
vfs_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int
vfs_last_error(sqlite3_vfs *vfs, int len, char *out)
{
	(void)vfs;
	return real_vfs->xGetLastError(real_vfs, len, out);
}

static int
vfs_current_time_ms(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static int
vfs_set_syscall(sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr p)
{
	(void)vfs;
	return real_vfs->xSetSystemCall(real_vfs, name, p);
}

static sqlite3_syscall_ptr
vfs_get_syscall(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs->xGetSystemCall(real_vfs, name);
}

static const char *
vfs_next_syscall(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs->xNextSystemCall(real_vfs, name);
}

static void *
faulty_malloc(int size)
{
	if (strike(&malloc_left))
		return NULL;
	return real_mem.xMalloc(size);
}

static void *
faulty_realloc(void *p, int size)
{
	/* A failed realloc keeps the old block, as realloc(3) does. */
	if (strike(&malloc_left))
		return NULL;
	return real_mem.xRealloc(p, size);
}

bool
faulty_vfs_install(void)
{
	sqlite3_mem_methods mem;

	/* The allocator may only change while SQLite is shut down. */
	if (sqlite3_shutdown() != SQLITE_OK ||
	    sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem) != SQLITE_OK)
		return false;
	mem = real_mem;
	mem.xMalloc = faulty_malloc;
	mem.xRealloc = faulty_realloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &mem) != SQLITE_OK ||
	    sqlite3_initialize() != SQLITE_OK ||
	    (real_vfs = sqlite3_vfs_find("unix")) == NULL)
		return false;
	/* Same version and limits as the real one; only the file is bigger
	 * (ours in front of its own) and every method is a forwarder. */
	shim = (sqlite3_vfs){
		.iVersion = real_vfs->iVersion,
		.szOsFile = (int)sizeof(struct faulty_file) +
		    real_vfs->szOsFile,
		.mxPathname = real_vfs->mxPathname,
		.zName = "faulty",
		.xOpen = vfs_open,
		.xDelete = vfs_delete,
		.xAccess = vfs_access,
		.xFullPathname = vfs_full_pathname,
		.xDlOpen = vfs_dl_open,
		.xDlError = vfs_dl_error,
		.xDlSym = vfs_dl_sym,
		.xDlClose = vfs_dl_close,
		.xRandomness = vfs_randomness,
		.xSleep = vfs_sleep,
		.xCurrentTime = vfs_current_time,
		.xGetLastError = vfs_last_error,
		.xCurrentTimeInt64 = vfs_current_time_ms,
		.xSetSystemCall = vfs_set_syscall,
		.xGetSystemCall = vfs_get_syscall,
		.xNextSystemCall = vfs_next_syscall,
	};
	return sqlite3_vfs_register(&shim, 1) == SQLITE_OK;
}

void
faulty_vfs_arm(int n)
{
	if (n > 0) {
		atomic_store(&fired, false);
		atomic_store(&calls, 0);
	}
	atomic_store(&io_left, n > 0 ? n : 0);
}

void
faulty_vfs_arm_malloc(int n)
{
	if (n > 0) {
		atomic_store(&fired, false);
		atomic_store(&calls, 0);
	}
	atomic_store(&malloc_left, n > 0 ? n : 0);
}

int
faulty_vfs_calls(void)
{
	return atomic_load(&calls);
}

bool
faulty_vfs_fired(void)
{
	return atomic_load(&fired);
}
