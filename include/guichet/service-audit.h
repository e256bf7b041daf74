/*
 * The audit trail's checks: the hash chain walked from the first row
 * (a changed row, a removed or inserted one, a broken link), and signed
 * checkpoints held against it, those kept in the store and those of an
 * export kept off the machine (a cut tail, a re-signed rewrite).
 */
#ifndef GUICHET_SERVICE_AUDIT_H
#define GUICHET_SERVICE_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/checkpoint.h"

struct service;

struct audit_report {
	int64_t rows;		/* rows checked */
	int64_t broken_id;	/* first broken row, 0 when intact */
	const char *reason;	/* why it is broken (static, N_()), or NULL */
	int checkpoints;	/* signed checkpoints held against it */
};

/* Verifies the chain and every stored checkpoint, and those of the
 * export at against (NULL: none).  Returns G_OK when all hold,
 * G_ERR_TAMPERED with the message saying what does not, G_ERR_INVALID
 * or G_ERR_IO for an export that cannot be read, or G_ERR_STORE /
 * G_ERR_DENIED. */
int service_audit_verify(struct service *svc, const char *against,
    struct audit_report *report);

/* Signs a checkpoint of the trail as it is (supervisors), after
 * verifying it: a broken trail is not signed. */
int service_audit_checkpoint(struct service *svc, struct checkpoint *out);

/* Makes a checkpoint when the newest is a day old, or there is none;
 * *made says whether it did. */
int service_audit_checkpoint_due(struct service *svc, bool *made);

/* Signs a checkpoint of the trail as it is, then writes every
 * checkpoint to the new file path, for keeping off the machine; *head
 * is the new one. */
int service_audit_export(struct service *svc, const char *path,
    struct checkpoint *head);

#endif
