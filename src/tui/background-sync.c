/*
 * Sync in the background, and the audit trail's daily checkpoint, in a
 * child process with its own connection to the local store (a
 * connection must not cross a fork), which exits when the round is done.
 */
#include "config.h"

#include "background-sync.h"

#include <stdbool.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-audit.h"
#include "guichet/service-sync.h"
#include "guichet/service.h"

#define CHORES_EVERY 3600	/* seconds between rounds without a centre */

/* The child: one round, then out without touching the parent's
 * terminal or buffers. */
static void
run_round(const struct conf *conf)
{
	struct sync_report report;
	struct service *svc;
	char *cause = NULL;

	bool made;

	if (service_open(conf, NULL, &svc, &cause) == G_OK) {
		service_act_as_system(svc, "daily");
		if (conf->central[0] != '\0')
			service_sync_once(svc, &report, NULL, NULL);
		service_audit_checkpoint_due(svc, &made);
		service_close(svc);
	}
	_exit(0);
}

void
background_sync_tick(struct background_sync *bs, const struct conf *conf)
{
	int64_t now = clock_now_ms(), every;
	int status;

	/* Without a centre, a round only looks whether a checkpoint is
	 * due, which an hour apart is often enough. */
	every = conf->central[0] != '\0' ? conf->sync_every : CHORES_EVERY;
	if (bs->child != 0 && waitpid(bs->child, &status, WNOHANG) != 0)
		bs->child = 0;
	if (bs->child != 0 || (bs->last_ms != 0 &&
	    now - bs->last_ms < every * 1000))
		return;
	bs->last_ms = now;
	if ((bs->child = fork()) == 0)
		run_round(conf);
	if (bs->child == -1)
		bs->child = 0;
}

void
background_sync_status(struct service *svc, const struct conf *conf,
    char *buf, size_t len)
{
	struct sync_status s;
	char when[32];

	if (conf->central[0] == '\0' || service_sync_status(svc, &s) != G_OK) {
		snprintf(buf, len, "%s", _("local"));
		return;
	}
	if (s.error_since[0] != '\0') {
		clock_local_text(s.error_since, when, sizeof when);
		snprintf(buf, len, _("offline since %s · %lld to send"),
		    when + 11, (long long)s.waiting);
	} else if (s.last_ok[0] != '\0') {
		clock_local_text(s.last_ok, when, sizeof when);
		snprintf(buf, len, _("online %s · %lld to send"),
		    when + 11, (long long)s.waiting);
	} else
		snprintf(buf, len, _("not synced yet · %lld to send"),
		    (long long)s.waiting);
}
