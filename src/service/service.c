#include "config.h"

#include "guichet/service.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/audit.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/embedded.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/id-key.h"
#include "guichet/log.h"
#include "guichet/password.h"
#include "guichet/service-person.h"
#include "guichet/store-audit.h"
#include "guichet/store-person.h"
#include "guichet/store.h"
#include "guichet/xmalloc.h"
#include "service-internal.h"

int
service_open(const struct conf *conf, const char *database,
    struct service **out, char **cause)
{
	struct service *svc;
	struct store *st;
	int rc;

	*out = NULL;
	if (database == NULL)
		database = conf->database;
	if ((rc = store_open(database, &st, cause)) != G_OK)
		return rc;
	svc = xcalloc(1, sizeof *svc);
	svc->st = st;
	svc->conf = conf;
	if ((rc = service_sync_enable(svc)) != G_OK) {
		*cause = xasprintf("%s: cannot prepare the sync: %s", database,
		    store_errmsg(st));
		service_close(svc);
		return rc;
	}
	*out = svc;
	return G_OK;
}

int
service_init(const struct conf *conf, const char *database, char **cause)
{
	struct store *st;
	int rc;

	if (database == NULL)
		database = conf->database;
	if ((rc = store_create(database, &st, cause)) != G_OK)
		return rc;
	log_info("created database %s at schema version %d", database,
	    store_schema_version(st));
	store_close(st);
	return service_signing_key_ensure(conf, database, cause);
}

/* Brings data up to a new schema where SQL alone cannot: names stored
 * before search keys existed are folded now. */
static int
migrate_data(struct store *st, const struct conf *conf, char **cause)
{
	struct service svc;
	int64_t count = 0;
	int rc;

	memset(&svc, 0, sizeof svc);
	svc.st = st;
	svc.conf = conf;
	service_act_as_system(&svc, "migrate");
	if ((rc = service_person_reindex(&svc, &count)) != G_OK)
		*cause = xasprintf("indexing names failed: %s",
		    service_message(&svc));
	else if (count > 0)
		log_info("indexed the names of %lld people", (long long)count);
	return rc;
}

int
service_migrate(const struct conf *conf, const char *database,
    int *applied, int *version, char **cause)
{
	struct store *st;
	int rc;

	if (database == NULL)
		database = conf->database;
	if ((rc = store_open_for_migration(database, &st, cause)) != G_OK)
		return rc;
	rc = store_migrate(st, applied, cause);
	*version = store_schema_version(st);
	if (rc == G_OK && *applied > 0)
		log_info("migrated %s to schema version %d", database,
		    *version);
	/* Always: a run that failed half-way is finished by the next. */
	if (rc == G_OK)
		rc = migrate_data(st, conf, cause);
	store_close(st);
	if (rc == G_OK)
		rc = service_signing_key_ensure(conf, database, cause);
	return rc;
}

void
service_close(struct service *svc)
{
	if (svc == NULL)
		return;
	store_close(svc->st);
	free(svc->types);
	free(svc->dues);
	free(svc->fines);
	free(svc->info);
	free(svc);
}

void
service_act_as_system(struct service *svc, const char *unix_user)
{
	memset(&svc->actor, 0, sizeof svc->actor);
	snprintf(svc->actor.name, sizeof svc->actor.name, "guichetctl:%s",
	    unix_user);
	svc->actor.role = ROLE_SYSTEM;
	svc->acting = true;
}

const struct service_actor *
service_actor(const struct service *svc)
{
	return svc->acting ? &svc->actor : NULL;
}

const char *
service_message(const struct service *svc)
{
	return svc->message;
}

const struct conf *
service_conf(const struct service *svc)
{
	return svc->conf;
}

const char *
service_database(const struct service *svc)
{
	return store_path(svc->st);
}

int
service_fail(struct service *svc, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(svc->message, sizeof svc->message, fmt, ap);
	va_end(ap);
	return code;
}

void
service_clear(struct service *svc)
{
	svc->message[0] = '\0';
	svc->on_behalf[0] = '\0';
}

void
service_for(struct service *svc, int64_t person_id)
{
	snprintf(svc->on_behalf, sizeof svc->on_behalf, "person:%lld",
	    (long long)person_id);
}

int
service_require(struct service *svc, enum role needed)
{
	if (!svc->acting)
		return service_fail(svc, G_ERR_DENIED, "%s",
		    _("Log in first."));
	/* A citizen's first login may do one thing: choose a password. */
	if (svc->actor.role == ROLE_CITIZEN && svc->actor.must_change)
		return service_fail(svc, G_ERR_DENIED, "%s", _("Choose your own "
		    "password first: the one in the envelope works only once."));
	if (!role_at_least(svc->actor.role, needed))
		return service_fail(svc, G_ERR_DENIED,
		    _("This needs the %s role; you are logged in as %s."),
		    _(role_label(needed)), _(role_label(svc->actor.role)));
	return G_OK;
}

/* Sets the message for a store failure and logs the details. */
static int
store_failed(struct service *svc, const char *doing)
{
	log_error("%s: %s", doing, store_errmsg(svc->st));
	return service_fail(svc, G_ERR_STORE,
	    _("The store could not save this (%s). Nothing was changed; try "
	    "again, and call the administrator if it happens again."),
	    store_errmsg(svc->st));
}

int
service_begin(struct service *svc)
{
	if (store_begin(svc->st) != G_OK)
		return store_failed(svc, "begin");
	return G_OK;
}

int
service_audit(struct service *svc, const char *actor_name,
    const char *actor_role, const char *action, const char *object,
    const char *outcome)
{
	char prev[AUDIT_HASH_LEN], hash[AUDIT_HASH_LEN], now[32];
	struct audit_row row;
	int64_t last;
	int rc;

	if ((rc = store_audit_last(svc->st, &last, prev)) != G_OK)
		return rc;
	clock_now_iso(now, sizeof now);
	memset(&row, 0, sizeof row);
	row.id = last + 1;
	row.at = now;
	row.actor = svc->acting ? svc->actor.name : actor_name;
	row.role = svc->acting ? role_name(svc->actor.role) : actor_role;
	row.station = svc->conf->station;
	row.action = action;
	row.object = object;
	row.on_behalf = svc->on_behalf;
	row.outcome = outcome;
	row.prev_hash = prev;
	if ((rc = audit_chain_hash(&row, hash)) != G_OK)
		return rc;
	row.hash = hash;
	return store_audit_insert(svc->st, &row);
}

int
service_finish(struct service *svc, int rc, const char *action,
    const char *object)
{
	if (rc == G_OK) {
		if (service_audit(svc, "", "", action, object, "ok") != G_OK) {
			store_rollback(svc->st);
			return store_failed(svc, action);
		}
		if (store_commit(svc->st) != G_OK)
			return store_failed(svc, action);
		return G_OK;
	}
	store_rollback(svc->st);
	if (rc == G_ERR_STORE)
		log_error("%s on %s: %s", action, object,
		    store_errmsg(svc->st));
	/* A failure below the service says nothing itself: the user is
	 * still told, and told that nothing was changed. */
	if (svc->message[0] == '\0' && (rc == G_ERR_STORE ||
	    rc == G_ERR_NOMEM))
		store_failed(svc, action);
	else if (svc->message[0] == '\0')
		service_fail(svc, rc, _("This could not be done (%s). Nothing "
		    "was changed."), gerr_str(rc));
	return service_refused(svc, rc, action, object);
}

int
service_require_read(struct service *svc, enum role role,
    const char *action, const char *kind, int64_t id)
{
	char object[64];
	int rc;

	if ((rc = service_require(svc, role)) == G_OK)
		return G_OK;
	if (id != 0)
		snprintf(object, sizeof object, "%s:%lld", kind, (long long)id);
	else
		snprintf(object, sizeof object, "%s", kind);
	return service_refused(svc, rc, action, object);
}

int
service_refused(struct service *svc, int rc, const char *action,
    const char *object)
{
	char outcome[64];

	snprintf(outcome, sizeof outcome, "refused: %s", gerr_str(rc));
	if (store_begin(svc->st) == G_OK) {
		if (service_audit(svc, "", "", action, object, outcome) ==
		    G_OK)
			store_commit(svc->st);
		else
			store_rollback(svc->st);
	}
	return rc;
}

int
service_keyed_hash(struct service *svc, const char *kind, const char *value,
    char out[ID_KEY_HEX])
{
	unsigned char secret[ID_KEY_BYTES];
	bool found;
	int rc;

	if ((rc = store_installation_key(svc->st, secret, &found)) != G_OK)
		return rc;
	if (!found) {
		if (random_bytes(secret, sizeof secret) != G_OK)
			return G_ERR_CRYPTO;
		if ((rc = store_installation_key_put(svc->st, secret)) != G_OK)
			return rc;
	}
	rc = id_key_hash(secret, kind, value, out);
	secret_wipe(secret, sizeof secret);
	return rc;
}

void *
service_profile_load(struct service *svc, const char *suffix, size_t size,
    int (*parse)(const char *name, const char *text, void *out,
    char **cause))
{
	const struct embedded_file *f;
	char name[32], *cause = NULL;
	void *out = xcalloc(1, size);

	snprintf(name, sizeof name, "%s%s", svc->conf->country == COUNTRY_GR ?
	    "gr" : "ro", suffix);
	f = embedded_find(embedded_profiles, name);
	if (f != NULL && parse(name, f->text, out, &cause) == G_OK)
		return out;
	log_error("profile %s", cause != NULL ? cause : name);
	service_fail(svc, G_ERR_CONFIG, _("The profile's rules are damaged: "
	    "%s"), cause != NULL ? cause : name);
	free(cause);
	free(out);
	return NULL;
}
