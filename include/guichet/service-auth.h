/*
 * Staff login and logout.  Failed logins are throttled per account: the
 * first few are free, then each must wait longer (1 s, 2 s, 4 s, ... up to
 * a minute), and the account locks after [security] lock_after failures
 * until an administrator sets a new password.  Every attempt is audited.
 */
#ifndef GUICHET_SERVICE_AUTH_H
#define GUICHET_SERVICE_AUTH_H

struct service;

#include "guichet/throttle.h"

#define LOGIN_FREE_FAILURES THROTTLE_FREE_FAILURES

/* Logs username in.  Returns G_OK (the actor is set), G_ERR_AUTH (wrong
 * username or password), G_ERR_LOCKED (locked, disabled or must wait) or
 * G_ERR_STORE; the message says which and what to do. */
int service_login(struct service *svc, const char *username,
    const char *password);

/* Logs the actor out (audited); nothing happens when no one is in. */
void service_logout(struct service *svc);

#endif
