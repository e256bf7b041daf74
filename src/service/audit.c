/*
 * Signed checkpoints of the audit trail: made on demand and at least
 * daily, exported for keeping off the machine, and checked against the
 * trail, from the store or from an export.
 */
#include "config.h"

#include "guichet/service-audit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "guichet/checkpoint.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/signing.h"
#include "guichet/store-audit.h"
#include "guichet/store.h"
#include "guichet/xmalloc.h"
#include "service-internal.h"

#define CHECKPOINT_EVERY (24 * 3600)	/* seconds: at least daily */

void
service_signing_key_path(const struct conf *conf, const char *db_path,
    char *out, size_t len)
{
	if (conf->audit_key != NULL && conf->audit_key[0] != '\0')
		snprintf(out, len, "%s", conf->audit_key);
	else
		snprintf(out, len, "%s.key", db_path);
}

int
service_signing_key_ensure(const struct conf *conf, const char *db_path,
    char **cause)
{
	char path[4096];
	int rc;

	service_signing_key_path(conf, db_path, path, sizeof path);
	if ((rc = signing_key_create(path, cause)) == G_ERR_EXISTS) {
		free(*cause);
		*cause = NULL;
		return G_OK;
	}
	if (rc == G_OK)
		log_info("made the signing key %s", path);
	return rc;
}

int
service_signing_key(struct service *svc, struct signing_key **out)
{
	char path[4096], *cause;
	int rc;

	service_signing_key_path(svc->conf, store_path(svc->st), path,
	    sizeof path);
	if ((rc = signing_key_load(path, out, &cause)) != G_OK) {
		service_fail(svc, rc, _("The station's signing key cannot be "
		    "used: %s."), cause);
		free(cause);
	}
	return rc;
}

/* The checkpoints a verification checks, the stored ones and an
 * export's, in one list. */
struct checkpoints {
	struct checkpoint *c;
	const char **origin;		/* "stored" or the export's path */
	int n, cap;
};

static void
checkpoints_add(struct checkpoints *l, const struct checkpoint *c,
    const char *origin)
{
	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 16 : 2 * l->cap;
		l->c = xreallocarray(l->c, (size_t)l->cap, sizeof *l->c);
		l->origin = xreallocarray(l->origin, (size_t)l->cap,
		    sizeof *l->origin);
	}
	l->c[l->n] = *c;
	l->origin[l->n++] = origin;
}

static int
keep_stored(const struct checkpoint *c, void *arg)
{
	checkpoints_add(arg, c, "stored");
	return 0;
}

/* Reads the checkpoints of the export at path into l; sets the message
 * when it cannot be read or holds a line that is not one. */
static int
read_export(struct service *svc, const char *path, struct checkpoints *l)
{
	char line[CHECKPOINT_LINE + 2];
	struct checkpoint c;
	int number = 0, rc = G_OK;
	FILE *f;

	if ((f = fopen(path, "re")) == NULL)
		return service_fail(svc, G_ERR_IO, _("%s cannot be read: %s."),
		    path, strerror(errno));
	while (rc == G_OK && fgets(line, sizeof line, f) != NULL) {
		number++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (checkpoint_parse(line, &c) != G_OK)
			rc = service_fail(svc, G_ERR_INVALID, _("%s, line %d: "
			    "this is not a checkpoint."), path, number);
		else
			checkpoints_add(l, &c, path);
	}
	fclose(f);
	return rc;
}

/* Walks the chain and holds each checkpoint against the row it covers. */
struct walk {
	struct audit_report *report;
	const struct checkpoints *l;
	char prev[AUDIT_HASH_LEN];
	int64_t expected_id;
	int differs;			/* the checkpoint a row differs from */
};

/* Checks one row against the one before and the checkpoints that end
 * at it; non-zero stops the walk. */
static int
walk_row(const struct audit_row *row, void *arg)
{
	struct walk *w = arg;
	char hash[AUDIT_HASH_LEN];
	int i;

	w->report->rows++;
	if (row->id != w->expected_id)
		w->report->reason = N_("a row is missing before this one");
	else if (strcmp(row->prev_hash, w->prev) != 0)
		w->report->reason = N_("it does not link to the row before");
	else if (audit_chain_hash(row, hash) != G_OK)
		return G_ERR_CRYPTO;
	else if (strcmp(hash, row->hash) != 0)
		w->report->reason = N_("its content was changed after it was "
		    "written");
	if (w->report->reason != NULL) {
		w->report->broken_id = row->id;
		return G_ERR_TAMPERED;
	}
	for (i = 0; i < w->l->n; i++)
		if (w->l->c[i].size == row->id &&
		    strcmp(w->l->c[i].head, row->hash) != 0) {
			w->differs = i;
			w->report->broken_id = row->id;
			return G_ERR_TAMPERED;
		}
	memcpy(w->prev, row->hash, AUDIT_HASH_LEN);
	w->expected_id = row->id + 1;
	return 0;
}

/* Checks every checkpoint's signature; sets the message on the first
 * that does not verify. */
static int
signatures(struct service *svc, const struct checkpoints *l)
{
	char msg[512];
	int i;

	for (i = 0; i < l->n; i++) {
		checkpoint_message(&l->c[i], msg, sizeof msg);
		if (signing_verify(l->c[i].public, msg, strlen(msg),
		    l->c[i].signature) != G_OK)
			return service_fail(svc, G_ERR_TAMPERED, _("The "
			    "checkpoint of %s (%lld rows, %s) does not verify: "
			    "its signature is not its key's."), l->c[i].at,
			    (long long)l->c[i].size, l->origin[i]);
	}
	return G_OK;
}

/* Verifies the chain and the checkpoints in l; sets the message. */
static int
verify(struct service *svc, const struct checkpoints *l,
    struct audit_report *report)
{
	struct walk w = { report, l, "", 1, -1 };
	int rc, i;

	memcpy(w.prev, audit_genesis_hash, AUDIT_HASH_LEN);
	report->checkpoints = l->n;
	if ((rc = signatures(svc, l)) != G_OK)
		return rc;
	for (i = 0; i < l->n; i++)
		if (l->c[i].size == 0 && strcmp(l->c[i].head,
		    audit_genesis_hash) != 0)
			return service_fail(svc, G_ERR_TAMPERED, _("The "
			    "checkpoint of %s covers no row but names one."),
			    l->c[i].at);
	rc = store_audit_each(svc->st, walk_row, &w);
	if (rc == G_ERR_TAMPERED && w.differs >= 0)
		return service_fail(svc, rc, _("Audit row %lld differs from "
		    "the checkpoint of %s (%s): the trail was changed after "
		    "it."), (long long)report->broken_id, l->c[w.differs].at,
		    l->origin[w.differs]);
	if (rc == G_ERR_TAMPERED)
		return service_fail(svc, rc, _("Audit row %lld is broken: %s."),
		    (long long)report->broken_id, _(report->reason));
	if (rc != G_OK)
		return service_fail(svc, rc, "%s",
		    _("The audit trail could not be read."));
	for (i = 0; i < l->n; i++)
		if (l->c[i].size > report->rows)
			return service_fail(svc, G_ERR_TAMPERED, _("The "
			    "checkpoint of %s (%s) covers %lld rows, the trail "
			    "has %lld: rows were removed after it."),
			    l->c[i].at, l->origin[i], (long long)l->c[i].size,
			    (long long)report->rows);
	if (l->n == 0)
		return service_fail(svc, G_OK, ngettext("Audit trail intact: "
		    "%lld row.", "Audit trail intact: %lld rows.",
		    (unsigned long)report->rows), (long long)report->rows);
	return service_fail(svc, G_OK, ngettext("Audit trail intact: %lld "
	    "rows; %d signed checkpoint matches it.", "Audit trail intact: "
	    "%lld rows; %d signed checkpoints match it.", (unsigned long)l->n),
	    (long long)report->rows, l->n);
}

int
service_audit_verify(struct service *svc, const char *against,
    struct audit_report *report)
{
	struct checkpoints l = { 0 };
	int rc;

	service_clear(svc);
	memset(report, 0, sizeof *report);
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK)
		return rc;
	rc = store_checkpoint_each(svc->st, keep_stored, &l);
	if (rc != G_OK)
		rc = service_fail(svc, rc, "%s", _("The audit trail could not "
		    "be read."));
	if (rc == G_OK && against != NULL)
		rc = read_export(svc, against, &l);
	if (rc == G_OK)
		rc = verify(svc, &l, report);
	free(l.c);
	free(l.origin);
	return rc;
}

/* Signs the trail as it is now into c; inside the caller's transaction.
 * A broken trail is not signed. */
static int
sign_head(struct service *svc, struct checkpoint *c)
{
	struct checkpoints none = { 0 };
	struct audit_report report;
	struct signing_key *key;
	char msg[512];
	int rc;

	memset(c, 0, sizeof *c);
	memset(&report, 0, sizeof report);
	if ((rc = verify(svc, &none, &report)) != G_OK)
		return rc;
	if ((rc = service_signing_key(svc, &key)) != G_OK)
		return rc;
	if ((rc = store_audit_last(svc->st, &c->size, c->head)) == G_OK) {
		clock_now_iso(c->at, sizeof c->at);
		checkpoint_message(c, msg, sizeof msg);
		if ((rc = signing_public(key, c->public)) == G_OK)
			rc = signing_sign(key, msg, strlen(msg), c->signature);
	}
	signing_key_free(key);
	if (rc == G_OK)
		rc = store_checkpoint_insert(svc->st, c);
	return rc;
}

/* Whether the newest checkpoint is a day old, or there is none. */
static int
checkpoint_is_due(struct service *svc, bool *due)
{
	char at[32], day_ago[32];
	int rc;

	clock_iso((int64_t)time(NULL) - CHECKPOINT_EVERY, day_ago,
	    sizeof day_ago);
	rc = store_checkpoint_latest(svc->st, at);
	*due = rc == G_ERR_NOTFOUND || (rc == G_OK && strcmp(at, day_ago) <= 0);
	return rc == G_ERR_NOTFOUND ? G_OK : rc;
}

/* Signs a checkpoint, or when only_due one only if it is due (looked at
 * in the same transaction, so two stations' processes make one). */
static int
checkpoint(struct service *svc, bool only_due, struct checkpoint *out,
    bool *made)
{
	char object[64];
	bool due = true;
	int rc;

	service_clear(svc);
	*made = false;
	memset(out, 0, sizeof *out);
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK)
		return service_refused(svc, rc, "audit.checkpoint", "audit");
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if (only_due && ((rc = checkpoint_is_due(svc, &due)) != G_OK ||
	    !due)) {
		store_rollback(svc->st);
		return rc;
	}
	rc = sign_head(svc, out);
	snprintf(object, sizeof object, "checkpoint:%lld",
	    (long long)out->size);
	if (rc == G_OK)
		service_fail(svc, G_OK, _("Checkpoint signed: %lld rows, head "
		    "%.16s…"), (long long)out->size, out->head);
	rc = service_finish(svc, rc, "audit.checkpoint", object);
	*made = rc == G_OK;
	return rc;
}

int
service_audit_checkpoint(struct service *svc, struct checkpoint *out)
{
	bool made;

	return checkpoint(svc, false, out, &made);
}

int
service_audit_checkpoint_due(struct service *svc, bool *made)
{
	struct checkpoint c;

	return checkpoint(svc, true, &c, made);
}

/* Writes one stored checkpoint to the export. */
static int
write_one(const struct checkpoint *c, void *arg)
{
	char line[CHECKPOINT_LINE];

	checkpoint_format(c, line, sizeof line);
	return fputs(line, arg) == EOF ? G_ERR_IO : 0;
}

int
service_audit_export(struct service *svc, const char *path,
    struct checkpoint *head)
{
	char now[32];
	FILE *f = NULL;
	int fd, rc;

	if ((rc = service_audit_checkpoint(svc, head)) != G_OK)
		return rc;
	service_clear(svc);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) ==
	    -1 || (f = fdopen(fd, "w")) == NULL) {
		rc = service_fail(svc, G_ERR_IO, _("%s cannot be written: %s "
		    "(an existing file is never replaced)."), path,
		    strerror(errno));
		if (fd != -1)
			close(fd);
		return rc;
	}
	clock_now_iso(now, sizeof now);
	fprintf(f, "# guichet audit checkpoints of %s, exported %s\n"
	    "# check with: guichetctl audit verify --against FILE\n",
	    svc->conf->station, now);
	rc = store_checkpoint_each(svc->st, write_one, f);
	if (fclose(f) != 0 && rc == G_OK)
		rc = G_ERR_IO;
	if (rc != G_OK) {
		unlink(path);
		return service_fail(svc, rc, _("%s cannot be written."), path);
	}
	return service_fail(svc, G_OK, _("Checkpoints written to %s, the last "
	    "covering %lld rows: keep it off this machine."), path,
	    (long long)head->size);
}
