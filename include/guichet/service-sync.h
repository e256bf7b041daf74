/*
 * Sync with the central store ([store] central): push what this station
 * changed, pull what the others changed, and get protocol numbers from
 * the centre for the requests registered here, in filing order.  Offline
 * a station keeps working; its changes wait in the outbox and its
 * requests get emergency numbers until the centre is back.
 */
#ifndef GUICHET_SERVICE_SYNC_H
#define GUICHET_SERVICE_SYNC_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/store-sync.h"

struct service;

struct sync_report {
	int numbered;		/* requests given their protocol number */
	int64_t pushed;		/* records sent to the centre */
	int64_t pulled;		/* records taken from the centre */
	int64_t waiting;	/* changes still in the outbox */
};

/* Called as records are pushed: done of about total. */
typedef void sync_progress_fn(int64_t done, int64_t total, void *arg);

/* Runs one round: numbers, push, pull.  G_OK with *rep, or an error with
 * the message (G_ERR_CONFIG: no centre configured; G_ERR_IO: the centre
 * cannot be reached, nothing lost).  progress may be NULL. */
int service_sync_once(struct service *svc, struct sync_report *rep,
    sync_progress_fn *progress, void *arg);

/* Reads what the status line shows of sync. */
int service_sync_status(struct service *svc, struct sync_status *out);

/* Creates the centre at url (guichetctl central init). */
int service_central_init(struct service *svc, const char *url);

#endif
