-- 0001: staff accounts and the hash-chained audit trail.
-- Times are UTC, ISO 8601 ("2026-11-25T16:46:24Z").

CREATE TABLE staff (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
	password_hash TEXT NOT NULL,
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
	retry_after INTEGER NOT NULL DEFAULT 0,	-- Unix time; throttling
	created_at TEXT NOT NULL,
	password_changed_at TEXT NOT NULL
);

-- Each row holds the SHA-256 of the previous row's hash and its own
-- canonical content (see src/crypto/audit-chain.c), so a changed, removed
-- or inserted row breaks the chain at that row.
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	role TEXT NOT NULL,
	station TEXT NOT NULL,
	action TEXT NOT NULL,
	object TEXT NOT NULL,
	on_behalf TEXT NOT NULL DEFAULT '',
	outcome TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL UNIQUE
);

CREATE TRIGGER audit_rows_are_never_changed BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows are never changed');
END;

CREATE TRIGGER audit_rows_are_never_deleted BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows are never deleted');
END;
