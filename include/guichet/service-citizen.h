/*
 * Citizens logging in with their envelope credentials (the kiosk, and
 * guichetctl for support).  Failed logins are throttled and audited as
 * for staff.  The first login with the one-time password must choose a
 * new one before anything else: service_require refuses every other
 * operation until then.
 */
#ifndef GUICHET_SERVICE_CITIZEN_H
#define GUICHET_SERVICE_CITIZEN_H

struct service;

/* Logs a citizen in.  G_OK sets the actor (see service_actor()->
 * must_change); G_ERR_AUTH, G_ERR_LOCKED with the message. */
int service_citizen_login(struct service *svc, const char *username,
    const char *password);

/* Asks the logged-in citizen's password again before a weighty step (a
 * certificate request, a payment): G_OK, or G_ERR_AUTH / G_ERR_LOCKED
 * with the message; failures count towards the lock, as at login. */
int service_citizen_reauth(struct service *svc, const char *password);

/* Starts an anonymous visitor's session at the kiosk: they may file the
 * requests that need no account, and nothing else. */
void service_visitor_start(struct service *svc);

/* Sets the logged-in citizen's own password (the password rules apply)
 * and lifts the forced change. */
int service_citizen_change_password(struct service *svc,
    const char *new_password);

#endif
