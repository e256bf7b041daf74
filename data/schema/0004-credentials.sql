-- 0004: citizens' credentials and the sealed envelopes that carry them.

-- A citizen's login, made by the town hall.  Only the scrypt hash of its
-- one-time password is kept; it is usable ('active') only once the
-- envelope was handed over, and the first login must change it.
CREATE TABLE credential (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id),
	username TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'pending'
	    CHECK (state IN ('pending', 'active', 'revoked')),
	must_change INTEGER NOT NULL DEFAULT 1 CHECK (must_change IN (0, 1)),
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
	retry_after INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	activated_at TEXT,
	revoked_at TEXT,
	revoke_reason TEXT
);

-- One working login per username.  A new envelope's credential waits
-- ('pending') beside the one in use until it is handed over.
CREATE UNIQUE INDEX credential_active_username ON credential (username)
    WHERE state = 'active';
CREATE INDEX credential_person ON credential (person_id);

-- Envelopes are numbered per year without gaps ("ENV-2026-000123").
CREATE TABLE envelope (
	id INTEGER PRIMARY KEY,
	serial TEXT NOT NULL UNIQUE,
	year INTEGER NOT NULL,
	number INTEGER NOT NULL,
	person_id INTEGER NOT NULL REFERENCES person (id),
	credential_id INTEGER REFERENCES credential (id),
	state TEXT NOT NULL DEFAULT 'pending'
	    CHECK (state IN ('pending', 'printed', 'print-failed',
	    'handed-over', 'unsealed', 'revoked', 'expired')),
	replaces INTEGER REFERENCES envelope (id),
	reason TEXT NOT NULL DEFAULT '',
	printer TEXT NOT NULL DEFAULT '',
	job_id INTEGER NOT NULL DEFAULT 0,
	print_error TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL,
	station TEXT NOT NULL,
	created_at TEXT NOT NULL,
	printed_at TEXT,
	expires_at TEXT,
	handed_over_at TEXT,
	handed_over_by TEXT,
	document TEXT NOT NULL DEFAULT '',
	UNIQUE (year, number)
);

CREATE INDEX envelope_person ON envelope (person_id, id);
CREATE INDEX envelope_state ON envelope (state);
