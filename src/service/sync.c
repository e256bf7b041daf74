/*
 * Sync with the central store.  Each step is its own transaction that can
 * be cut at any point: the centre stores records by uid (a batch pushed
 * twice changes nothing), the outbox is emptied only after the centre
 * committed, the cursor moves in the transaction that applies what was
 * pulled, and a protocol number asked for twice is the same number.
 */
#include "config.h"

#include "guichet/service-sync.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/central.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/password.h"
#include "guichet/store-person.h"
#include "guichet/store-request.h"
#include "guichet/store-sync.h"
#include "guichet/store.h"
#include "guichet/xmalloc.h"
#include "service-internal.h"

#define BATCH 10000		/* records per push or pull transaction */
#define FIRST_BATCH 1000	/* records in the first push; each next
				 * one twice as many, up to BATCH */

/* Ends the open local transaction: commits when the step in it (rc_step)
 * went well, else rolls back; returns the outcome. */
static int
end_transaction(struct service *svc, int rc_step)
{
	if (rc_step == G_OK)
		return store_commit(svc->st);
	store_rollback(svc->st);
	return rc_step;
}

/* Sets the message for a centre that failed with cause (freed). */
static int
centre_failed(struct service *svc, int rc, char *cause)
{
	log_error("sync: %s", cause);
	service_fail(svc, rc, _("The central store cannot be reached (%s): "
	    "this station works on, and its changes wait for the next "
	    "sync."), cause);
	free(cause);
	return rc;
}

int
service_sync_enable(struct service *svc)
{
	bool first;
	int rc;

	if (svc->conf->central[0] == '\0')
		return G_OK;
	if ((rc = store_begin(svc->st)) != G_OK)
		return rc;
	return end_transaction(svc, store_sync_enable(svc->st, &first));
}

struct waiting {
	int64_t ids[BATCH];
	char uids[BATCH][96];
	int n;
};

static int
keep_waiting(int64_t id, const char *uid, void *arg)
{
	struct waiting *w = arg;

	w->ids[w->n] = id;
	snprintf(w->uids[w->n], sizeof w->uids[w->n], "%s", uid);
	return ++w->n == BATCH;
}

/* Makes this station key its hashes and check codes with the town hall's
 * one secret, kept at the centre (a centre without one takes this
 * station's).  A station whose own secret already keys validations
 * cannot take another: it is refused, with the reason. */
static int
share_secret(struct service *svc, struct central *c)
{
	unsigned char mine[CENTRAL_SECRET_BYTES], theirs[CENTRAL_SECRET_BYTES];
	bool found, refused = false;
	char *cause;
	int rc;

	if ((rc = store_installation_key(svc->st, mine, &found)) == G_OK &&
	    !found)
		rc = random_bytes(mine, sizeof mine);
	if (rc == G_OK && (rc = central_secret(c, mine, theirs, &cause)) !=
	    G_OK)
		rc = centre_failed(svc, rc, cause);
	if (rc == G_OK && (rc = store_begin(svc->st)) == G_OK)
		rc = end_transaction(svc, store_installation_key_adopt(svc->st,
		    theirs, &refused));
	secret_wipe(mine, sizeof mine);
	secret_wipe(theirs, sizeof theirs);
	if (rc == G_OK && refused)
		rc = service_fail(svc, G_ERR_CONFIG, "%s", _("This station's "
		    "installation secret differs from the central store's, and "
		    "its validations are keyed with it: it cannot join this "
		    "central store (see guichetctl(8), sync)."));
	return rc;
}

int
service_central_claim(struct service *svc, const char *key, bool *mine)
{
	char station[96], holder[96];
	struct central *c;
	char *cause;
	int rc;

	*mine = false;
	if ((rc = store_sync_station(svc->st, station, sizeof station)) !=
	    G_OK)
		return rc;
	if ((rc = central_open(svc->conf->central, &c, &cause)) != G_OK)
		return centre_failed(svc, rc, cause);
	if ((rc = central_claim(c, key, station, holder, &cause)) != G_OK)
		centre_failed(svc, rc, cause);
	central_close(c);
	*mine = rc == G_OK && strcmp(holder, station) == 0;
	return rc;
}

int
service_sync_number(struct service *svc, struct central *c, int *count)
{
	struct waiting *w = xcalloc(1, sizeof *w);
	int year = clock_today().year, rc, i;
	int64_t number;
	char *cause;

	*count = 0;
	rc = store_registry_pending_each(svc->st, keep_waiting, w);
	if (w->n == BATCH)
		rc = G_OK;		/* the rest on the next round */
	for (i = 0; rc == G_OK && i < w->n; i++) {
		if ((rc = central_number(c, year, w->uids[i],
		    svc->conf->station, &number, &cause)) != G_OK) {
			rc = centre_failed(svc, rc, cause);
			break;
		}
		if ((rc = store_begin(svc->st)) != G_OK)
			break;
		rc = store_registry_pending_done(svc->st, w->ids[i], year,
		    number, "central", svc->conf->station);
		/* Another process of this station was quicker. */
		if (rc == G_ERR_EXISTS) {
			store_rollback(svc->st);
			rc = G_OK;
			continue;
		}
		if ((rc = end_transaction(svc, rc)) == G_OK)
			++*count;
	}
	if (rc == G_OK && w->n > 0 && store_begin(svc->st) == G_OK)
		rc = end_transaction(svc, store_outage_close(svc->st,
		    svc->conf->station));
	free(w);
	return rc;
}

/* One batch of the outbox on its way to the centre. */
struct batch {
	struct central_record r[BATCH];
	int n;
	int64_t last;			/* the last outbox entry it covers */
};

/* A push running in a thread of its own, so the next batch is read
 * from the local store while the centre takes this one. */
struct sending {
	struct central *c;
	struct batch *b;
	pthread_t thread;
	int rc;
	char *cause;
	int64_t clock[2];		/* the centre's, around the batch */
};

static void *
send_batch(void *arg)
{
	struct sending *s = arg;

	s->rc = central_push(s->c, s->b->r, s->b->n, s->clock, &s->cause);
	return NULL;
}

/* What the centre has committed of a push: the outbox up to entry last,
 * and the versions up to cursor, which the station has all seen. */
struct committed {
	int64_t last, cursor;
};

/* Empties the outbox of what the centre has committed and moves the
 * cursor past it. */
static int
forget_sent(struct service *svc, const struct committed *done)
{
	int rc;

	if ((rc = store_begin(svc->st)) != G_OK)
		return rc;
	if ((rc = store_sync_sent(svc->st, done->last)) == G_OK)
		rc = store_sync_set_cursor(svc->st, done->cursor);
	return end_transaction(svc, rc);
}

/* Pushes the outbox in batches until it is empty: batch k goes to the
 * centre while the outbox is emptied of batch k - 1, which the centre
 * has committed, and batch k + 1 is read.  The first batch is small, so
 * that the centre has work at once, and the next ones grow no faster
 * than the centre takes them, so that it never waits long for one.  A
 * batch that came right after the versions the station has seen is
 * seen too: the pull that follows does not read it back. */
static int
push(struct service *svc, struct central *c, const char *station,
    struct sync_report *rep, sync_progress_fn *progress, void *arg)
{
	struct batch *b[2] = { xcalloc(1, sizeof *b[0]),
	    xcalloc(1, sizeof *b[1]) };
	struct sending s = { c, NULL, 0, G_OK, NULL, { -1, -1 } };
	struct committed done = { 0, 0 };
	int64_t total = 0;
	int rc, k = 0, size = FIRST_BATCH;

	store_sync_waiting(svc->st, &total);
	if ((rc = store_sync_cursor(svc->st, &done.cursor)) == G_OK)
		rc = store_sync_outbox(svc->st, station, b[0]->r,
		    FIRST_BATCH, 0, &b[0]->n, &b[0]->last);
	while (rc == G_OK && b[k]->last != 0) {
		s.b = b[k];
		if (pthread_create(&s.thread, NULL, send_batch, &s) != 0) {
			rc = service_fail(svc, G_ERR_NOMEM, "%s", _("Sync could "
			    "not start a thread."));
			break;
		}
		if (done.last != 0)
			rc = forget_sent(svc, &done);
		b[!k]->n = 0;
		size = size < BATCH / 2 ? 2 * size : BATCH;
		if (rc == G_OK)
			rc = store_sync_outbox(svc->st, station, b[!k]->r,
			    size, b[k]->last, &b[!k]->n, &b[!k]->last);
		pthread_join(s.thread, NULL);
		central_records_free(b[k]->r, b[k]->n);
		if (s.rc != G_OK) {
			rc = centre_failed(svc, s.rc, s.cause);
			break;
		}
		if (s.clock[0] == done.cursor)
			done.cursor = s.clock[1];
		done.last = b[k]->last;
		rep->pushed += b[k]->n;
		if (progress != NULL)
			progress(rep->pushed, total, arg);
		k = !k;
	}
	if (rc == G_OK && done.last != 0)
		rc = forget_sent(svc, &done);
	/* What a failure left unsent (a batch freed already has no
	 * bodies). */
	central_records_free(b[0]->r, b[0]->n);
	central_records_free(b[1]->r, b[1]->n);
	free(b[0]);
	free(b[1]);
	return rc;
}

struct pulled {
	struct central_record r[BATCH];
	int n;
};

static int
keep_pulled(const struct central_record *r, void *arg)
{
	struct pulled *p = arg;

	p->r[p->n] = *r;
	p->r[p->n].body = xstrdup(r->body);
	p->n++;
	return G_OK;
}

/* Applies one pulled batch (none is fine) and moves the cursor to seen,
 * at once. */
static int
apply_batch(struct service *svc, const struct pulled *p, int64_t seen)
{
	int64_t indexed;
	int rc, i, unparked;

	if ((rc = store_begin(svc->st)) != G_OK)
		return rc;
	rc = store_sync_applying(svc->st, true);
	for (i = 0; rc == G_OK && i < p->n; i++)
		rc = store_sync_apply(svc->st, &p->r[i]);
	if (rc == G_OK && p->n > 0)
		rc = store_sync_unpark(svc->st, &unparked);
	if (rc == G_OK && p->n > 0)
		rc = service_person_index_missing(svc, &indexed);
	if (rc == G_OK)
		rc = store_sync_set_cursor(svc->st, seen);
	if (rc == G_OK)
		rc = store_sync_applying(svc->st, false);
	return end_transaction(svc, rc);
}

/* Pulls what the other stations changed, batch after batch; the cursor
 * moves past this station's own records too, so they are not read
 * again. */
static int
pull(struct service *svc, struct central *c, const char *station,
    struct sync_report *rep)
{
	struct pulled *p = xcalloc(1, sizeof *p);
	int64_t cursor, seen;
	char *cause;
	int rc;

	for (;;) {
		p->n = 0;
		if ((rc = store_sync_cursor(svc->st, &cursor)) != G_OK)
			break;
		if ((rc = central_pull(c, cursor, station, BATCH, keep_pulled,
		    p, &seen, &cause)) != G_OK)
			rc = centre_failed(svc, rc, cause);
		else if (p->n > 0 || seen > cursor)
			rc = apply_batch(svc, p, seen);
		central_records_free(p->r, p->n);
		if (rc != G_OK)
			break;
		rep->pulled += p->n;
		if (p->n < BATCH)
			break;
	}
	free(p);
	return rc;
}

/* Records how the round ended, for the status line. */
static void
remember(struct service *svc, int rc)
{
	if (store_begin(svc->st) == G_OK)
		end_transaction(svc, store_sync_outcome(svc->st, rc == G_OK ?
		    NULL : svc->message));
}

int
service_sync_status(struct service *svc, struct sync_status *out)
{
	return store_sync_status(svc->st, out);
}

int
service_sync_once(struct service *svc, struct sync_report *rep,
    sync_progress_fn *progress, void *arg)
{
	struct central *c;
	char station[96], *cause;
	int rc;

	service_clear(svc);
	memset(rep, 0, sizeof *rep);
	if (svc->conf->central[0] == '\0')
		return service_fail(svc, G_ERR_CONFIG, "%s", _("No central store "
		    "is configured ([store] central): this station works "
		    "alone."));
	if ((rc = service_sync_enable(svc)) != G_OK ||
	    (rc = store_sync_station(svc->st, station, sizeof station)) !=
	    G_OK)
		return service_fail(svc, rc, _("The local store failed: %s."),
		    store_errmsg(svc->st));
	if ((rc = central_open(svc->conf->central, &c, &cause)) != G_OK) {
		centre_failed(svc, rc, cause);
		remember(svc, rc);
		return rc;
	}
	rc = share_secret(svc, c);
	if (rc == G_OK)
		rc = service_sync_number(svc, c, &rep->numbered);
	if (rc == G_OK)
		rc = push(svc, c, station, rep, progress, arg);
	if (rc == G_OK)
		rc = pull(svc, c, station, rep);
	central_close(c);
	remember(svc, rc);
	store_sync_waiting(svc->st, &rep->waiting);
	if (rc == G_OK)
		service_fail(svc, G_OK, _("Synced: %lld sent, %lld received, "
		    "%d protocol numbers given."), (long long)rep->pushed,
		    (long long)rep->pulled, rep->numbered);
	else if (rc == G_ERR_STORE)
		service_fail(svc, rc, _("The local store failed: %s."),
		    store_errmsg(svc->st));
	return rc;
}

int
service_central_init(struct service *svc, const char *url)
{
	char *cause;
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_ADMIN)) != G_OK)
		return rc;
	if ((rc = central_create(url, &cause)) != G_OK) {
		service_fail(svc, rc, "%s", cause);
		free(cause);
		return rc;
	}
	return service_fail(svc, G_OK, _("The central store %s is ready."),
	    url);
}
