/*
 * The central store: the url chooses the engine.
 */
#include "config.h"

#include "guichet/central.h"

#include <stdlib.h>
#include <string.h>

#include "central-internal.h"
#include "guichet/err.h"
#include "guichet/xmalloc.h"

static int
open_url(const char *url, bool create, struct central **out, char **cause)
{
	*out = NULL;
	if (strncmp(url, "sqlite:", 7) == 0 && url[7] != '\0')
		return central_sqlite_open(url + 7, create, out, cause);
	if (strncmp(url, "postgresql://", 13) == 0 ||
	    strncmp(url, "postgres://", 11) == 0)
		return central_pg_open(url, create, out, cause);
	*cause = xasprintf("central store '%s': use sqlite:/path/central.db "
	    "or postgresql://...", url);
	return G_ERR_CONFIG;
}

int
central_open(const char *url, struct central **out, char **cause)
{
	return open_url(url, false, out, cause);
}

int
central_create(const char *url, char **cause)
{
	struct central *c;
	int rc;

	if ((rc = open_url(url, true, &c, cause)) == G_OK)
		central_close(c);
	return rc;
}

void
central_close(struct central *c)
{
	if (c != NULL)
		c->ops->close(c);
}

int
central_push(struct central *c, const struct central_record *r, int n,
    int64_t clock[2], char **cause)
{
	clock[0] = clock[1] = -1;
	return n == 0 ? G_OK : c->ops->push(c, r, n, clock, cause);
}

int
central_pull(struct central *c, int64_t after, const char *station,
    int limit, int (*fn)(const struct central_record *r, void *arg),
    void *arg, int64_t *seen, char **cause)
{
	*seen = after;
	return c->ops->pull(c, after, station, limit, fn, arg, seen, cause);
}

int
central_number(struct central *c, int year, const char *request_uid,
    const char *station, int64_t *number, char **cause)
{
	return c->ops->number(c, year, request_uid, station, number, cause);
}

int
central_claim(struct central *c, const char *key, const char *station,
    char holder[96], char **cause)
{
	return c->ops->claim(c, key, station, holder, cause);
}

int
central_secret(struct central *c,
    const unsigned char offered[CENTRAL_SECRET_BYTES],
    unsigned char out[CENTRAL_SECRET_BYTES], char **cause)
{
	return c->ops->secret(c, offered, out, cause);
}

void
central_records_free(struct central_record *r, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(r[i].body);
		r[i].body = NULL;
	}
}
