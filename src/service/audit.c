#include "config.h"

#include "guichet/service-audit.h"

#include <string.h>

#include "guichet/audit.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/store-audit.h"
#include "service-internal.h"

struct walk {
	struct audit_report *report;
	char prev[AUDIT_HASH_LEN];
	int64_t expected_id;
};

/* Checks one row against the one before; non-zero stops the walk. */
static int
walk_row(const struct audit_row *row, void *arg)
{
	struct walk *w = arg;
	char hash[AUDIT_HASH_LEN];

	w->report->rows++;
	if (row->id != w->expected_id)
		w->report->reason = N_("a row is missing before this one");
	else if (strcmp(row->prev_hash, w->prev) != 0)
		w->report->reason = N_("it does not link to the row before");
	else if (audit_chain_hash(row, hash) != G_OK)
		return G_ERR_CRYPTO;
	else if (strcmp(hash, row->hash) != 0)
		w->report->reason = N_("its content was changed after it was "
		    "written");
	if (w->report->reason != NULL) {
		w->report->broken_id = row->id;
		return G_ERR_TAMPERED;
	}
	memcpy(w->prev, row->hash, AUDIT_HASH_LEN);
	w->expected_id = row->id + 1;
	return 0;
}

int
service_audit_verify(struct service *svc, struct audit_report *report)
{
	struct walk w;
	int rc;

	service_clear(svc);
	memset(report, 0, sizeof *report);
	if ((rc = service_require(svc, ROLE_SUPERVISOR)) != G_OK)
		return rc;
	w.report = report;
	memcpy(w.prev, audit_genesis_hash, AUDIT_HASH_LEN);
	w.expected_id = 1;
	rc = store_audit_each(svc->st, walk_row, &w);
	if (rc == G_ERR_TAMPERED)
		return service_fail(svc, rc, _("Audit row %lld is broken: %s."),
		    (long long)report->broken_id, _(report->reason));
	if (rc != G_OK)
		return service_fail(svc, rc, "%s",
		    _("The audit trail could not be read."));
	return service_fail(svc, G_OK, ngettext("Audit trail intact: %lld "
	    "row.", "Audit trail intact: %lld rows.",
	    (unsigned long)report->rows), (long long)report->rows);
}
