/*
 * Sync in the background: while the screens run, a child process syncs
 * with the central store every [store] sync_every seconds, so a slow or
 * unreachable centre never holds up a key; the same round signs the
 * audit trail's checkpoint when the last is a day old.
 */
#ifndef GUICHET_TUI_BACKGROUND_SYNC_H
#define GUICHET_TUI_BACKGROUND_SYNC_H

#include <stdint.h>
#include <sys/types.h>

struct conf;
struct service;

struct background_sync {
	pid_t child;			/* the round running, or 0 */
	int64_t last_ms;		/* when the last one started */
};

/* Starts a round when one is due and none runs (hourly on a station
 * without a centre); collects one that ended. */
void background_sync_tick(struct background_sync *bs,
    const struct conf *conf);

/* Writes what the status line says of the store: "local", or the
 * centre's state ("online 14:05", "offline since 14:10") with the
 * changes waiting to be sent. */
void background_sync_status(struct service *svc, const struct conf *conf,
    char *buf, size_t len);

#endif
