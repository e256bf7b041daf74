#include "config.h"

#include "guichet/service-auth.h"

#include <stdio.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/password.h"
#include "guichet/store-staff.h"
#include "guichet/store.h"
#include "guichet/throttle.h"
#include "service-internal.h"

/* A hash of a password nobody has, verified when the username is unknown
 * so that a wrong username costs as much time as a wrong password. */
static const char decoy_hash[] =
    "$scrypt$ln=15,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA"
    "$Zq0bq7cjyQ8lU0mu2A5G6cYxq6JcW0l9m0W1m7fQ9b8";

/* Refuses a login before checking the password, when the account may not
 * try now; returns G_OK when it may. */
static int
login_allowed(struct service *svc, const struct staff *s)
{
	int64_t wait = s->retry_after - clock_now();

	if (s->disabled)
		return service_fail(svc, G_ERR_LOCKED, "%s",
		    _("This account is disabled. Ask an administrator."));
	if (s->locked)
		return service_fail(svc, G_ERR_LOCKED, "%s",
		    _("Account locked after too many failed logins; ask an "
		    "administrator."));
	if (wait > 0)
		return service_fail(svc, G_ERR_LOCKED,
		    ngettext("Too many failed logins: wait %lld second, then "
		    "try again.", "Too many failed logins: wait %lld seconds, "
		    "then try again.", (unsigned long)wait), (long long)wait);
	return G_OK;
}

enum attempt {
	ATTEMPT_OK,		/* right password: counters cleared */
	ATTEMPT_FAILED,		/* wrong password: one more failure */
	ATTEMPT_BLOCKED		/* refused before checking: counters kept */
};

/* Records one login outcome in its own transaction: counters and audit. */
static int
login_record(struct service *svc, const char *username, enum attempt how,
    const char *outcome)
{
	struct staff s;
	char object[sizeof s.username + 8];
	int failed, lock_after = svc->conf->lock_after, rc;
	const char *actor = username, *role = "";
	bool locked;

	snprintf(object, sizeof object, "staff:%s", username);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_staff_get(svc->st, username, &s);
	if (rc == G_OK)
		role = role_name(s.role);
	if (rc == G_OK && how != ATTEMPT_BLOCKED) {
		failed = how == ATTEMPT_OK ? 0 : s.failed_logins + 1;
		locked = failed >= lock_after;
		rc = store_staff_set_attempts(svc->st, s.id, failed, locked,
		    failed == 0 ? 0 : clock_now() + throttle_delay(failed));
		if (locked)
			log_warn("staff account %s locked after %d failures",
			    username, failed);
	} else if (rc == G_ERR_NOTFOUND) {
		/* The audit keeps no unknown names: they may be passwords
		 * typed into the wrong field. */
		snprintf(object, sizeof object, "staff:?");
		actor = "?";
		rc = G_OK;
	}
	if (rc == G_OK)
		rc = service_audit(svc, actor, role, "login", object,
		    outcome);
	if (rc != G_OK) {
		store_rollback(svc->st);
		log_error("login record: %s", store_errmsg(svc->st));
		return service_fail(svc, G_ERR_STORE, "%s",
		    _("The store cannot record logins right now; call the "
		    "administrator."));
	}
	if (store_commit(svc->st) != G_OK)
		return service_fail(svc, G_ERR_STORE, "%s",
		    _("The store cannot record logins right now; call the "
		    "administrator."));
	return G_OK;
}

int
service_login(struct service *svc, const char *username,
    const char *password)
{
	const char *wrong = _("Wrong username or password. Check both and "
	    "try again (Caps Lock?).");
	struct staff s;
	int rc;

	service_clear(svc);
	svc->acting = false;
	if (username[0] == '\0' || strlen(username) >= sizeof s.username)
		return service_fail(svc, G_ERR_AUTH, "%s", wrong);
	rc = store_staff_get(svc->st, username, &s);
	if (rc == G_ERR_NOTFOUND) {
		password_verify(password, decoy_hash);
		if ((rc = login_record(svc, username, ATTEMPT_FAILED,
		    "refused: unknown user")) != G_OK)
			return rc;
		return service_fail(svc, G_ERR_AUTH, "%s", wrong);
	}
	if (rc != G_OK)
		return service_fail(svc, G_ERR_STORE, "%s",
		    _("The store cannot be read; call the administrator."));
	if ((rc = login_allowed(svc, &s)) != G_OK) {
		login_record(svc, username, ATTEMPT_BLOCKED,
		    "refused: locked or throttled");
		return rc;
	}
	if (password_verify(password, s.password_hash) != G_OK) {
		if ((rc = login_record(svc, username, ATTEMPT_FAILED,
		    "refused: wrong password")) != G_OK)
			return rc;
		if (store_staff_get(svc->st, username, &s) == G_OK &&
		    login_allowed(svc, &s) != G_OK) {
			char why[sizeof svc->message];

			snprintf(why, sizeof why, "%s", svc->message);
			return service_fail(svc, G_ERR_LOCKED, "%s %s", wrong,
			    why);
		}
		return service_fail(svc, G_ERR_AUTH, "%s", wrong);
	}
	if ((rc = login_record(svc, username, ATTEMPT_OK, "ok")) != G_OK)
		return rc;
	memset(&svc->actor, 0, sizeof svc->actor);
	svc->actor.staff_id = s.id;
	snprintf(svc->actor.name, sizeof svc->actor.name, "%s", s.username);
	svc->actor.role = s.role;
	svc->acting = true;
	log_info("login %s (%s)", s.username, role_name(s.role));
	return G_OK;
}

void
service_logout(struct service *svc)
{
	char object[sizeof svc->actor.name + 8];

	if (!svc->acting)
		return;
	if (svc->actor.role == ROLE_VISITOR) {	/* nothing to record */
		svc->acting = false;
		memset(&svc->actor, 0, sizeof svc->actor);
		return;
	}
	snprintf(object, sizeof object, "%s:%s", role_is_staff(svc->actor.role)
	    ? "staff" : role_name(svc->actor.role), svc->actor.name);
	if (service_begin(svc) == G_OK) {
		if (service_audit(svc, "", "", "logout", object, "ok") ==
		    G_OK)
			store_commit(svc->st);
		else
			store_rollback(svc->st);
	}
	log_info("logout %s", svc->actor.name);
	svc->acting = false;
	memset(&svc->actor, 0, sizeof svc->actor);
}
