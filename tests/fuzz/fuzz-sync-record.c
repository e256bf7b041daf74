/*
 * A record pulled from the central store, applied to a station's store
 * and rolled back: "table\nuid\nrank\nbody", the body a JSON object as
 * another station (or an attacker who reached the centre) sent it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guichet/central.h"
#include "guichet/store-sync.h"
#include "guichet/store.h"
#include "fuzz.h"

static struct store *st;

void
fuzz_sync_record_init(void)
{
	char path[64], *cause = NULL;

	snprintf(path, sizeof path, "/tmp/guichet-fuzz-%ld.db", (long)getpid());
	unlink(path);
	if (store_create(path, &st, &cause) != 0) {
		fprintf(stderr, "fuzz-sync-record: %s\n", cause);
		abort();
	}
}

/* Cuts the next line off *p into out (at most len - 1 bytes). */
static void
line(char **p, char *out, size_t len)
{
	char *end = strchr(*p, '\n');
	size_t n = end != NULL ? (size_t)(end - *p) : strlen(*p);

	snprintf(out, len, "%.*s", (int)n, *p);
	*p += end != NULL ? n + 1 : n;
}

int
fuzz_sync_record(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), *p = s, rank[24];
	struct central_record r;

	memset(&r, 0, sizeof r);
	line(&p, r.tbl, sizeof r.tbl);
	line(&p, r.uid, sizeof r.uid);
	line(&p, rank, sizeof rank);
	r.rank = strtoll(rank, NULL, 10);
	snprintf(r.station, sizeof r.station, "elsewhere");
	snprintf(r.changed_at, sizeof r.changed_at, "2026-11-26T10:00:00.000Z");
	r.body = p;
	if (store_begin(st) == 0) {
		store_sync_applying(st, true);
		store_sync_apply(st, &r);
		store_rollback(st);
	}
	free(s);
	return 0;
}
