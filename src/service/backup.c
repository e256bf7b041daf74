/*
 * Backups and restores of the local store, by the system administrator.
 */
#include "config.h"

#include "guichet/service-backup.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/store-backup.h"
#include "guichet/store.h"
#include "guichet/xmalloc.h"
#include "service-internal.h"

/* Sets the message from cause (freed) and returns rc. */
static int
failed(struct service *svc, int rc, char *cause)
{
	service_fail(svc, rc, "%s", cause);
	free(cause);
	return rc;
}

int
service_backup(struct service *svc, const char *path, int64_t *pages)
{
	char object[300], *cause;
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "backup:%.250s", path);
	if ((rc = service_require(svc, ROLE_ADMIN)) != G_OK)
		return service_refused(svc, rc, "store.backup", object);
	if ((rc = store_backup(svc->st, path, pages, &cause)) != G_OK) {
		failed(svc, rc, cause);
		return service_refused(svc, rc, "store.backup", object);
	}
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	service_fail(svc, G_OK, _("Backup written to %s and checked: %lld "
	    "pages."), path, (long long)*pages);
	return service_finish(svc, G_OK, "store.backup", object);
}

/* Checks the backup at path can be restored by this program; sets the
 * message (or *cause, without a service) when not. */
static int
restorable(const char *path, int *version, char **cause)
{
	int rc;

	if ((rc = store_backup_check(path, version, cause)) != G_OK)
		return rc;
	if (*version > store_schema_latest()) {
		*cause = xasprintf(_("%s was made by a newer guichet (schema "
		    "version %d, this one knows %d): restore it with that "
		    "version."), path, *version, store_schema_latest());
		return G_ERR_INVALID;
	}
	return G_OK;
}

/* Names the file the store is kept in before a restore, beside it: a
 * name no file has, so no earlier one is replaced. */
static void
kept_name(const char *db_path, char *kept, size_t len)
{
	char stamp[32];
	time_t now = time(NULL);
	struct stat sb;
	int n;

	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", gmtime(&now));
	snprintf(kept, len, "%s.before-restore-%s", db_path, stamp);
	for (n = 2; stat(kept, &sb) == 0; n++)
		snprintf(kept, len, "%s.before-restore-%s-%d", db_path, stamp,
		    n);
}

int
service_restore(struct service *svc, const char *path, char *kept,
    size_t len, int *version)
{
	char object[300], *cause;
	int64_t pages;
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "backup:%.250s", path);
	if ((rc = service_require(svc, ROLE_ADMIN)) != G_OK)
		return service_refused(svc, rc, "store.restore", object);
	if ((rc = restorable(path, version, &cause)) != G_OK)
		return failed(svc, rc, cause);
	kept_name(store_path(svc->st), kept, len);
	if ((rc = store_backup(svc->st, kept, &pages, &cause)) != G_OK)
		return failed(svc, rc, cause);
	if ((rc = store_restore(svc->st, path, &cause)) != G_OK) {
		log_error("restore from %s: %s (the store before it is in %s)",
		    path, cause, kept);
		return failed(svc, rc, cause);
	}
	return G_OK;
}

int
service_restore_damaged(const char *db_path, const char *path, char *kept,
    size_t len, int *version, char **cause)
{
	int rc;

	*cause = NULL;
	if ((rc = restorable(path, version, cause)) != G_OK)
		return rc;
	kept_name(db_path, kept, len);
	return store_restore_file(db_path, path, kept, cause);
}

int
service_restore_note(struct service *svc, const char *path,
    const char *kept)
{
	char object[300];
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "backup:%.250s", path);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	service_fail(svc, G_OK, _("Restored from %s; the store as it was "
	    "before is kept in %s."), path, kept);
	return service_finish(svc, G_OK, "store.restore", object);
}
