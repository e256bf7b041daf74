#include "config.h"

#include "guichet/service-citizen.h"

#include <stdio.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/passpolicy.h"
#include "guichet/password.h"
#include "guichet/store-envelope.h"
#include "guichet/store.h"
#include "guichet/throttle.h"
#include "service-internal.h"

/* Records a citizen's login attempt: counters and audit, one
 * transaction. */
static int
attempt_record(struct service *svc, const struct credential *c,
    const char *action, bool ok, const char *outcome)
{
	char object[200];
	int failed = ok ? 0 : c->failed_logins + 1;
	bool locked = failed >= svc->conf->lock_after;
	int rc;

	snprintf(object, sizeof object, "credential:%lld", (long long)c->id);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_credential_set_attempts(svc->st, c->id, failed, locked,
	    failed == 0 ? 0 : clock_now() + throttle_delay(failed));
	if (rc == G_OK)
		rc = service_audit(svc, c->username, "citizen", action, object,
		    outcome);
	if (rc != G_OK) {
		store_rollback(svc->st);
		return service_fail(svc, G_ERR_STORE, "%s", _("Logins cannot "
		    "be recorded right now; ask at the counter."));
	}
	return store_commit(svc->st);
}

/* Checks password against credential c, throttled: G_OK, G_ERR_LOCKED
 * (the message says why) or G_ERR_AUTH (no message: the caller words
 * it); every attempt is recorded under action. */
static int
check_password(struct service *svc, const struct credential *c,
    const char *password, const char *action)
{
	int rc;

	if (c->locked || c->retry_after > clock_now())
		return service_fail(svc, G_ERR_LOCKED, "%s", c->locked ?
		    _("This login is locked after too many failed attempts; ask "
		    "at the counter for new credentials.") :
		    _("Too many failed attempts: wait a moment, then try "
		    "again."));
	if (password_verify(password, c->password_hash) != G_OK) {
		rc = attempt_record(svc, c, action, false,
		    "refused: wrong password");
		return rc != G_OK ? rc : G_ERR_AUTH;
	}
	return attempt_record(svc, c, action, true, "ok");
}

int
service_citizen_reauth(struct service *svc, const char *password)
{
	struct credential c;
	int rc;

	service_clear(svc);
	if (!svc->acting || svc->actor.role != ROLE_CITIZEN)
		return service_fail(svc, G_ERR_DENIED, "%s", _("Log in first."));
	if (store_credential_get(svc->st, svc->actor.credential_id, &c) != G_OK)
		return service_fail(svc, G_ERR_STORE, "%s", _("Logins cannot be "
		    "checked right now; ask at the counter."));
	rc = check_password(svc, &c, password, "citizen.reauth");
	if (rc == G_ERR_AUTH)
		service_fail(svc, rc, "%s", _("That is not your password: type "
		    "the one you log in with."));
	return rc;
}

/* A failed citizen login at this station: the station waits too, for
 * any username, so a name that exists and one that does not read the
 * same after a few tries.  Returns G_ERR_AUTH with the message. */
static int
failed_here(struct service *svc)
{
	svc->failed_here++;
	svc->retry_here = svc->failed_here > THROTTLE_FREE_FAILURES ?
	    clock_now() + throttle_delay(svc->failed_here) : 0;
	return service_fail(svc, G_ERR_AUTH, "%s", _("Wrong username or "
	    "password. Check both and try again."));
}

int
service_citizen_login(struct service *svc, const char *username,
    const char *password)
{
	struct credential c;
	int rc;

	service_clear(svc);
	svc->acting = false;
	if (svc->retry_here > clock_now())
		return service_fail(svc, G_ERR_LOCKED, "%s", _("Too many failed "
		    "attempts: wait a moment, then try again."));
	rc = store_credential_by_username(svc->st, username, &c);
	if (rc == G_ERR_NOTFOUND) {
		password_verify(password, "$scrypt$ln=15,r=8,p=1$"
		    "c2FsdHNhbHRzYWx0c2FsdA$"
		    "Zq0bq7cjyQ8lU0mu2A5G6cYxq6JcW0l9m0W1m7fQ9b8");
		return failed_here(svc);
	}
	if (rc != G_OK)
		return service_fail(svc, G_ERR_STORE, "%s", _("Logins cannot be "
		    "checked right now; ask at the counter."));
	if (c.state != CREDENTIAL_ACTIVE) {
		attempt_record(svc, &c, "citizen.login", false,
		    "refused: not handed over");
		return failed_here(svc);
	}
	if ((rc = check_password(svc, &c, password, "citizen.login")) !=
	    G_OK)
		return rc == G_ERR_AUTH ? failed_here(svc) : rc;
	svc->failed_here = 0;
	svc->retry_here = 0;
	memset(&svc->actor, 0, sizeof svc->actor);
	snprintf(svc->actor.name, sizeof svc->actor.name, "%s", c.username);
	svc->actor.role = ROLE_CITIZEN;
	svc->actor.person_id = c.person_id;
	svc->actor.credential_id = c.id;
	svc->actor.must_change = c.must_change;
	svc->acting = true;
	if (c.must_change)
		service_fail(svc, G_OK, "%s", _("Welcome. The password from the "
		    "envelope works only once: choose your own password now."));
	return G_OK;
}

void
service_visitor_start(struct service *svc)
{
	service_clear(svc);
	memset(&svc->actor, 0, sizeof svc->actor);
	snprintf(svc->actor.name, sizeof svc->actor.name, "visitor@%s",
	    svc->conf->station);
	svc->actor.role = ROLE_VISITOR;
	svc->visitor_filed = 0;
	svc->acting = true;
}

int
service_citizen_change_password(struct service *svc,
    const char *new_password)
{
	char hash[PASSWORD_HASH_MAX], object[64];
	const char *reason;
	int rc;

	service_clear(svc);
	if (!svc->acting || svc->actor.role != ROLE_CITIZEN)
		return service_fail(svc, G_ERR_DENIED, "%s", _("Log in first."));
	snprintf(object, sizeof object, "credential:%lld",
	    (long long)svc->actor.credential_id);
	service_for(svc, svc->actor.person_id);
	reason = passpolicy_check(new_password, svc->actor.name,
	    svc->conf->town);
	if (reason != NULL) {
		service_fail(svc, G_ERR_INVALID, "%s", _(reason));
		return service_refused(svc, G_ERR_INVALID, "citizen.passwd",
		    object);
	}
	if (password_hash(new_password, hash, sizeof hash) != G_OK)
		return service_fail(svc, G_ERR_CRYPTO, "%s", _("The password "
		    "could not be saved (crypto library error)."));
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_credential_set_password(svc->st, svc->actor.credential_id,
	    hash, false);
	secret_wipe(hash, sizeof hash);
	if (rc == G_OK) {
		svc->actor.must_change = false;
		service_fail(svc, G_OK, "%s", _("Your password is changed."));
	}
	return service_finish(svc, rc, "citizen.passwd", object);
}
