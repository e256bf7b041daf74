/*
 * Checking the audit trail: walks the hash chain from the first row and
 * reports the first row that does not follow from the one before (changed
 * content, a removed or inserted row, a broken link).
 */
#ifndef GUICHET_SERVICE_AUDIT_H
#define GUICHET_SERVICE_AUDIT_H

#include <stdint.h>

struct service;

struct audit_report {
	int64_t rows;		/* rows checked */
	int64_t broken_id;	/* first broken row, 0 when intact */
	const char *reason;	/* why it is broken (static, N_()), or NULL */
};

/* Verifies the chain.  Returns G_OK when intact, G_ERR_TAMPERED with
 * report->broken_id and reason set, or G_ERR_STORE / G_ERR_DENIED. */
int service_audit_verify(struct service *svc, struct audit_report *report);

#endif
