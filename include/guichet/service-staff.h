/*
 * Staff accounts, managed by administrators (or the local system admin
 * through guichetctl).  Usernames: 1 to 32 characters, lower-case letters,
 * digits, '.', '_' and '-', starting with a letter.  Passwords follow
 * passpolicy.h, with the username and the town's name on the blocklist.
 */
#ifndef GUICHET_SERVICE_STAFF_H
#define GUICHET_SERVICE_STAFF_H

#include <stdbool.h>

#include "guichet/role.h"

struct service;
struct staff;

/* Creates an account.  G_ERR_EXISTS, G_ERR_INVALID (bad username or
 * password: the message says why) or G_ERR_DENIED. */
int service_staff_add(struct service *svc, const char *username,
    enum role role, const char *password);

/* Sets a new password, clearing failures and the lock. */
int service_staff_passwd(struct service *svc, const char *username,
    const char *password);

/* Disables an account: it can no longer log in. */
int service_staff_disable(struct service *svc, const char *username);

/* Enables a disabled account again. */
int service_staff_enable(struct service *svc, const char *username);

/* Calls fn for each account (never with the password hash filled). */
int service_staff_list(struct service *svc,
    int (*fn)(const struct staff *staff, void *arg), void *arg);

#endif
