/*
 * The registry's daily seal: a SHA-256 over the registrations this
 * station made that day, in number order, signed with the station's
 * Ed25519 key, and checked again later.
 */
#include "config.h"

#include "guichet/service-request.h"

#include <stdio.h>
#include <string.h>

#include "guichet/checkpoint.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/digest.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/signing.h"
#include "guichet/store-request.h"
#include "service-internal.h"

struct day_hash {
	struct digest *d;
	int64_t count;
	int rc;
};

static int
day_line(const char *line, void *arg)
{
	struct day_hash *h = arg;

	h->count++;
	if (digest_add(h->d, line, strlen(line)) != G_OK ||
	    digest_add(h->d, "\n", 1) != G_OK)
		return h->rc = G_ERR_CRYPTO;
	return 0;
}

/* Hashes this station's registrations of day into hash; sets *count. */
static int
day_hash(struct service *svc, const char *day, int64_t *count, char *hash)
{
	struct day_hash h = { digest_new(), 0, G_OK };
	int rc;

	if (h.d == NULL)
		return G_ERR_CRYPTO;
	rc = store_registry_day(svc->st, day, svc->conf->station, day_line,
	    &h);
	if (digest_finish(h.d, hash) != G_OK || h.rc != G_OK)
		return G_ERR_CRYPTO;
	*count = h.count;
	return rc;
}

/* Checks that day is a date that has ended; sets the message. */
static int
day_check(struct service *svc, const char *day)
{
	struct date d;

	if (!date_parse_iso(day, &d))
		return service_fail(svc, G_ERR_INVALID, "%s", _("Day: write it "
		    "as YYYY-MM-DD."));
	if (date_cmp(d, clock_today()) >= 0)
		return service_fail(svc, G_ERR_INVALID, "%s", _("A day is "
		    "sealed once it has ended."));
	return G_OK;
}

/* Signs the seal of day with the station's key. */
static int
sign_seal(struct service *svc, const char *day, struct registry_seal *seal)
{
	struct signing_key *key;
	char msg[256];
	int rc;

	if ((rc = service_signing_key(svc, &key)) != G_OK)
		return rc;
	seal_message(day, seal->count, seal->hash, msg, sizeof msg);
	if ((rc = signing_public(key, seal->public)) == G_OK)
		rc = signing_sign(key, msg, strlen(msg), seal->signature);
	signing_key_free(key);
	return rc;
}

int
service_registry_seal(struct service *svc, const char *day, int64_t *count,
    char *hash)
{
	struct registry_seal seal;
	char object[64];
	int rc;

	service_clear(svc);
	memset(&seal, 0, sizeof seal);
	snprintf(object, sizeof object, "registry:%.20s", day);
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK ||
	    (rc = day_check(svc, day)) != G_OK)
		return service_refused(svc, rc, "registry.seal", object);
	if ((rc = service_begin(svc)) != G_OK)
		return rc;
	if ((rc = day_hash(svc, day, &seal.count, seal.hash)) == G_OK &&
	    (rc = sign_seal(svc, day, &seal)) == G_OK)
		rc = store_registry_seal(svc->st, day, &seal, svc->actor.name);
	*count = seal.count;
	memcpy(hash, seal.hash, DIGEST_HEX);
	if (rc == G_ERR_EXISTS)
		service_fail(svc, rc, _("%s is sealed already."), day);
	else if (rc == G_OK)
		service_fail(svc, G_OK, _("%s sealed and signed: %lld "
		    "registrations, SHA-256 %s."), day, (long long)*count,
		    hash);
	return service_finish(svc, rc, "registry.seal", object);
}

int
service_registry_verify(struct service *svc, const char *day)
{
	struct registry_seal seal;
	char now[DIGEST_HEX], msg[256];
	int64_t count;
	int rc;

	service_clear(svc);
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK ||
	    (rc = day_check(svc, day)) != G_OK)
		return rc;
	if ((rc = store_registry_seal_get(svc->st, day, &seal)) ==
	    G_ERR_NOTFOUND)
		return service_fail(svc, rc, _("%s is not sealed."), day);
	if (rc != G_OK || (rc = day_hash(svc, day, &count, now)) != G_OK)
		return rc;
	seal_message(day, seal.count, seal.hash, msg, sizeof msg);
	if (seal.signature[0] != '\0' && signing_verify(seal.public, msg,
	    strlen(msg), seal.signature) != G_OK)
		return service_fail(svc, G_ERR_TAMPERED, _("The seal of %s was "
		    "changed after it was signed: its signature does not "
		    "verify."), day);
	if (count != seal.count || strcmp(seal.hash, now) != 0)
		return service_fail(svc, G_ERR_TAMPERED, _("The registrations "
		    "of %s changed after they were sealed (%lld sealed, %lld "
		    "now)."), day, (long long)seal.count, (long long)count);
	if (seal.signature[0] == '\0')
		return service_fail(svc, G_OK, _("%s: the seal matches its %lld "
		    "registrations (sealed before seals were signed)."), day,
		    (long long)count);
	return service_fail(svc, G_OK, _("%s: the seal matches its %lld "
	    "registrations, and its signature verifies."), day,
	    (long long)count);
}
