/*
 * What the central store's engines share: each fills the operations of
 * its own handle, which begins with struct central.
 */
#ifndef GUICHET_CENTRAL_INTERNAL_H
#define GUICHET_CENTRAL_INTERNAL_H

#include <stdbool.h>

#include "guichet/central.h"

struct central_ops {
	int (*push)(struct central *c, const struct central_record *r, int n,
	    int64_t clock[2], char **cause);
	int (*pull)(struct central *c, int64_t after, const char *station,
	    int limit, int (*fn)(const struct central_record *r, void *arg),
	    void *arg, int64_t *seen, char **cause);
	int (*number)(struct central *c, int year, const char *request_uid,
	    const char *station, int64_t *number, char **cause);
	int (*claim)(struct central *c, const char *key, const char *station,
	    char *holder, char **cause);
	int (*secret)(struct central *c, const unsigned char *offered,
	    unsigned char *out, char **cause);
	void (*close)(struct central *c);
};

struct central {
	const struct central_ops *ops;
};

/* The engines' openers: path is the url after "sqlite:"; create makes
 * the centre and its tables. */
int central_sqlite_open(const char *path, bool create,
    struct central **out, char **cause);
int central_pg_open(const char *url, bool create, struct central **out,
    char **cause);

#endif
