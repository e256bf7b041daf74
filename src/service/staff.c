#include "config.h"

#include "guichet/service-staff.h"

#include <stdio.h>
#include <string.h>

#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/passpolicy.h"
#include "guichet/password.h"
#include "guichet/store-staff.h"
#include "service-internal.h"

/* Returns G_OK when username has the allowed shape, else the message. */
static int
username_check(struct service *svc, const char *username)
{
	size_t i, n = strlen(username);

	if (n == 0 || n > STAFF_USERNAME_MAX)
		return service_fail(svc, G_ERR_INVALID,
		    _("Username: use 1 to %d characters."),
		    STAFF_USERNAME_MAX);
	if (username[0] < 'a' || username[0] > 'z')
		return service_fail(svc, G_ERR_INVALID, "%s",
		    _("Username: start with a lower-case letter a-z."));
	for (i = 0; i < n; i++) {
		char c = username[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-'))
			return service_fail(svc, G_ERR_INVALID, "%s",
			    _("Username: use only a-z, 0-9, '.', '_' and "
			    "'-'."));
	}
	return G_OK;
}

/* Checks the password against the policy and hashes it into hash. */
static int
password_prepare(struct service *svc, const char *username,
    const char *password, char hash[PASSWORD_HASH_MAX])
{
	const char *reason;

	reason = passpolicy_check(password, username, svc->conf->town);
	if (reason != NULL)
		return service_fail(svc, G_ERR_INVALID, "%s", _(reason));
	if (password_hash(password, hash, PASSWORD_HASH_MAX) != G_OK)
		return service_fail(svc, G_ERR_CRYPTO, "%s",
		    _("The password could not be hashed (crypto library "
		    "error); call the administrator."));
	return G_OK;
}

int
service_staff_add(struct service *svc, const char *username,
    enum role role, const char *password)
{
	char object[64];
	struct staff s;
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "staff:%.50s", username);
	if ((rc = service_require(svc, ROLE_ADMIN)) != G_OK)
		return service_refused(svc, rc, "staff.add", object);
	if ((rc = username_check(svc, username)) != G_OK)
		return service_refused(svc, rc, "staff.add", "staff:?");
	if (!role_is_staff(role)) {
		service_fail(svc, G_ERR_INVALID, "%s",
		    _("Role: choose clerk, supervisor or administrator."));
		return service_refused(svc, G_ERR_INVALID, "staff.add", object);
	}
	memset(&s, 0, sizeof s);
	snprintf(s.username, sizeof s.username, "%s", username);
	s.role = role;
	if ((rc = password_prepare(svc, username, password,
	    s.password_hash)) != G_OK)
		return service_refused(svc, rc, "staff.add", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	rc = store_staff_insert(svc->st, &s);
	if (rc == G_ERR_EXISTS)
		service_fail(svc, rc, _("There is already an account called "
		    "'%s'."), username);
	return service_finish(svc, rc, "staff.add", object);
}

/* Looks up username for a change, setting the message when missing. */
static int
staff_find(struct service *svc, const char *username, struct staff *s)
{
	int rc = store_staff_get(svc->st, username, s);

	if (rc == G_ERR_NOTFOUND)
		return service_fail(svc, rc, _("There is no account called "
		    "'%s'."), username);
	return rc;
}

int
service_staff_passwd(struct service *svc, const char *username,
    const char *password)
{
	char hash[PASSWORD_HASH_MAX], object[64];
	struct staff s;
	int rc;

	service_clear(svc);
	snprintf(object, sizeof object, "staff:%.50s", username);
	if ((rc = service_require(svc, ROLE_ADMIN)) != G_OK)
		return service_refused(svc, rc, "staff.passwd", object);
	if ((rc = password_prepare(svc, username, password, hash)) != G_OK)
		return service_refused(svc, rc, "staff.passwd", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = staff_find(svc, username, &s)) == G_OK)
		rc = store_staff_set_password(svc->st, s.id, hash);
	secret_wipe(hash, sizeof hash);
	return service_finish(svc, rc, "staff.passwd", object);
}

/* Disables or enables an account. */
static int
staff_set_disabled(struct service *svc, const char *username, bool disabled)
{
	char object[64];
	struct staff s;
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_ADMIN)) != G_OK)
		return rc;
	snprintf(object, sizeof object, "staff:%.50s", username);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = staff_find(svc, username, &s)) == G_OK)
		rc = store_staff_set_disabled(svc->st, s.id, disabled);
	return service_finish(svc, rc, disabled ? "staff.disable" :
	    "staff.enable", object);
}

int
service_staff_disable(struct service *svc, const char *username)
{
	return staff_set_disabled(svc, username, true);
}

int
service_staff_enable(struct service *svc, const char *username)
{
	return staff_set_disabled(svc, username, false);
}

struct list_filter {
	int (*fn)(const struct staff *, void *);
	void *arg;
};

/* Passes each account on without its password hash. */
static int
list_one(const struct staff *staff, void *arg)
{
	struct list_filter *f = arg;
	struct staff copy = *staff;

	memset(copy.password_hash, 0, sizeof copy.password_hash);
	return f->fn(&copy, f->arg);
}

int
service_staff_list(struct service *svc,
    int (*fn)(const struct staff *staff, void *arg), void *arg)
{
	struct list_filter f = { fn, arg };
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK)
		return rc;
	return store_staff_each(svc->st, list_one, &f);
}
