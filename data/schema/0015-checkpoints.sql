-- 0015: signed checkpoints of the audit trail, and signed registry seals.
-- A checkpoint says the trail held size rows ending in head at a time,
-- signed with the station's Ed25519 key (public key beside it); one kept
-- off the machine catches an edit, a deletion, a cut tail or a re-signed
-- rewrite made after it.  Neither is ever changed or removed.

CREATE TABLE audit_checkpoint (
	id INTEGER PRIMARY KEY,
	size INTEGER NOT NULL CHECK (size >= 0),
	head TEXT NOT NULL,
	at TEXT NOT NULL,
	public TEXT NOT NULL,
	signature TEXT NOT NULL
);

CREATE TRIGGER audit_checkpoint_never_changed BEFORE UPDATE ON
    audit_checkpoint
BEGIN
	SELECT RAISE(ABORT, 'audit checkpoints are never changed');
END;

CREATE TRIGGER audit_checkpoint_never_removed BEFORE DELETE ON
    audit_checkpoint
BEGIN
	SELECT RAISE(ABORT, 'audit checkpoints are never removed');
END;

-- Seals made before this have no signature ('').
ALTER TABLE registry_seal ADD COLUMN public TEXT NOT NULL DEFAULT '';
ALTER TABLE registry_seal ADD COLUMN signature TEXT NOT NULL DEFAULT '';
