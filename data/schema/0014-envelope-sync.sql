-- 0014: envelopes travel to the central store like the credentials they
-- carry, so a replacement queued at a kiosk is printed at a counter and
-- an envelope printed at one counter is handed over at another.
--
-- Each station numbers its own envelopes, gap-free per year as before:
-- origin is the numbering station's uid, and a station with a central
-- store puts a code of it in the serial ("ENV-2026-3FA2C1-000123"), so
-- two stations' envelopes never share one.  A standalone station keeps
-- the short serial ("ENV-2026-000123").

CREATE TABLE envelope_new (
	id INTEGER PRIMARY KEY,
	serial TEXT NOT NULL UNIQUE,
	year INTEGER NOT NULL,
	number INTEGER NOT NULL,
	person_id INTEGER NOT NULL REFERENCES person (id),
	credential_id INTEGER REFERENCES credential (id),
	state TEXT NOT NULL DEFAULT 'pending'
	    CHECK (state IN ('pending', 'printed', 'print-failed',
	    'handed-over', 'unsealed', 'revoked', 'expired')),
	replaces INTEGER REFERENCES envelope_new (id),
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
	origin TEXT NOT NULL DEFAULT '',
	uid TEXT UNIQUE,
	revision INTEGER NOT NULL DEFAULT 0,
	changed_at TEXT NOT NULL DEFAULT '',
	UNIQUE (origin, year, number)
);

INSERT INTO envelope_new SELECT id, serial, year, number, person_id,
    credential_id, state, replaces, reason, printer, job_id, print_error,
    created_by, station, created_at, printed_at, expires_at, handed_over_at,
    handed_over_by, document, (SELECT uid FROM station_identity),
    (SELECT uid FROM station_identity) || '-n' || id, 0,
    COALESCE(handed_over_at, printed_at, created_at)
FROM envelope;

DROP TABLE envelope;
ALTER TABLE envelope_new RENAME TO envelope;
CREATE INDEX envelope_person ON envelope (person_id, id);
CREATE INDEX envelope_state ON envelope (state);

-- The outbox takes envelopes.  (Its CHECK cannot be altered: the table is
-- made anew under the same name, which the triggers writing to it use.)
CREATE TEMP TABLE outbox_kept AS SELECT * FROM outbox;
DROP TABLE outbox;
CREATE TABLE outbox (
	seq INTEGER PRIMARY KEY,
	tbl TEXT NOT NULL CHECK (tbl IN ('person', 'request', 'request_event',
	    'taxpayer', 'taxable_unit', 'obligation', 'payment',
	    'register_import', 'credential', 'audit', 'poll', 'poll_voter',
	    'poll_count', 'fine', 'business', 'representative', 'declaration',
	    'registration_request', 'validation', 'envelope')),
	row_id INTEGER NOT NULL,
	at TEXT NOT NULL
);
INSERT INTO outbox SELECT * FROM outbox_kept;
DROP TABLE outbox_kept;

CREATE TRIGGER envelope_gets_uid AFTER INSERT ON envelope
WHEN NEW.uid IS NULL
BEGIN
	UPDATE envelope SET uid = (SELECT uid FROM station_identity) || '-n' ||
	    NEW.id, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;

CREATE TRIGGER envelope_revised
AFTER UPDATE OF state, credential_id, printer, job_id, print_error,
    printed_at, expires_at, handed_over_at, handed_over_by, document
ON envelope
WHEN OLD.uid IS NOT NULL AND NOT (SELECT applying FROM sync_state)
BEGIN
	UPDATE envelope SET revision = OLD.revision + 1,
	    changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;

CREATE TRIGGER outbox_envelope_new AFTER INSERT ON envelope
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('envelope', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_envelope_changed
AFTER UPDATE OF state, credential_id, printer, job_id, print_error,
    printed_at, expires_at, handed_over_at, handed_over_by, document
ON envelope
WHEN (SELECT enabled AND NOT applying FROM sync_state) AND
    OLD.uid IS NOT NULL
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('envelope', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
