/*
 * The service layer: one function per thing a user does.  Each checks the
 * caller's role, does the work in one store transaction together with its
 * audit row, and returns G_OK or an error code; what the user must read is
 * then in service_message(), translated into the current language.
 * Screens, guichetctl and benchmarks call only this layer.
 */
#ifndef GUICHET_SERVICE_H
#define GUICHET_SERVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/role.h"

struct conf;
struct service;

/* Who is acting: a logged-in staff member, or the local system admin. */
struct service_actor {
	int64_t staff_id;	/* 0 for the system administrator, citizens */
	int64_t person_id;	/* a citizen: who */
	int64_t credential_id;	/* a citizen: with which login */
	bool must_change;	/* a citizen who must choose a password */
	char name[160];
	enum role role;
};

/* Opens the store at database (NULL: the configured one) for conf, which
 * must outlive the service.  Returns G_OK, or an error with *cause. */
int service_open(const struct conf *conf, const char *database,
    struct service **out, char **cause);

/* Creates a new database and applies the schema; *cause on failure. */
int service_init(const struct conf *conf, const char *database,
    char **cause);

/* Brings an existing database's schema up to date; *applied counts the
 * migrations applied, *version is the resulting version. */
int service_migrate(const struct conf *conf, const char *database,
    int *applied, int *version, char **cause);

/* Closes svc (NULL is fine). */
void service_close(struct service *svc);

/* Makes the local system administrator (unix_user) the actor: for
 * guichetctl, run by whoever may read and write the database file. */
void service_act_as_system(struct service *svc, const char *unix_user);

/* Returns the acting person, or NULL before login. */
const struct service_actor *service_actor(const struct service *svc);

/* Returns the message of the last operation, for the screen ("" if none). */
const char *service_message(const struct service *svc);

/* Returns the configuration the service was opened with. */
const struct conf *service_conf(const struct service *svc);

/* Returns the database path in use. */
const char *service_database(const struct service *svc);

#endif
