-- 0005: requests, complaints and proposals, and the registry that gives
-- them protocol numbers.

CREATE TABLE request (
	id INTEGER PRIMARY KEY,
	type TEXT NOT NULL,
	department TEXT NOT NULL,
	category TEXT NOT NULL,
	person_id INTEGER REFERENCES person (id),	-- NULL: anonymous
	filed_by TEXT NOT NULL,		-- who acted: a clerk, the citizen
	station TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'submitted',
	filed_at TEXT NOT NULL,
	reply TEXT NOT NULL DEFAULT '',
	duplicate_of INTEGER REFERENCES request (id)
);

CREATE INDEX request_person ON request (person_id, id);
CREATE INDEX request_inbox ON request (department, status, id);

-- The values of a request's fields, as its type file names them.
CREATE TABLE request_field (
	request_id INTEGER NOT NULL REFERENCES request (id),
	name TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (request_id, name)
) WITHOUT ROWID;

-- Every change of status, with who made it and the reason or reply.
CREATE TABLE request_event (
	id INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES request (id),
	from_status TEXT NOT NULL,
	to_status TEXT NOT NULL,
	text TEXT NOT NULL DEFAULT '',
	by_actor TEXT NOT NULL,
	station TEXT NOT NULL,
	at TEXT NOT NULL
);

CREATE INDEX request_event_request ON request_event (request_id, id);

-- The registry: one row per protocol number, per year, without gaps.
-- A registration is never changed, only annulled visibly with a reason.
CREATE TABLE registry (
	year INTEGER NOT NULL,
	number INTEGER NOT NULL,
	request_id INTEGER NOT NULL UNIQUE REFERENCES request (id),
	registered_at TEXT NOT NULL,
	registered_by TEXT NOT NULL,
	station TEXT NOT NULL,
	annulled_at TEXT,
	annulled_by TEXT,
	annul_reason TEXT,
	PRIMARY KEY (year, number)
);

CREATE TRIGGER registry_rows_are_never_deleted BEFORE DELETE ON registry
BEGIN
	SELECT RAISE(ABORT, 'registry rows are never deleted');
END;

CREATE TRIGGER registry_rows_are_only_annulled BEFORE UPDATE ON registry
WHEN OLD.year != NEW.year OR OLD.number != NEW.number OR
    OLD.request_id != NEW.request_id OR
    OLD.registered_at != NEW.registered_at OR OLD.annulled_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a registration is never edited, only annulled');
END;

-- Each day's registrations sealed with a hash over them (in number
-- order), so a change made afterwards shows.
CREATE TABLE registry_seal (
	day TEXT PRIMARY KEY,
	count INTEGER NOT NULL,
	hash TEXT NOT NULL,
	sealed_at TEXT NOT NULL,
	sealed_by TEXT NOT NULL
);

-- The emergency register: while the registry cannot be reached, a request
-- gets a number of this station and year ("E-2026-000123"), shown to the
-- citizen; on recovery it gets its ordinary number, in filing order, and
-- keeps both.
CREATE TABLE emergency_registry (
	station TEXT NOT NULL,
	year INTEGER NOT NULL,
	number INTEGER NOT NULL,
	request_id INTEGER NOT NULL UNIQUE REFERENCES request (id),
	at TEXT NOT NULL,
	outage_id INTEGER NOT NULL REFERENCES registry_outage (id),
	PRIMARY KEY (station, year, number)
);

-- Each time the registry could not be reached: when, why, how many
-- requests got emergency numbers meanwhile.
CREATE TABLE registry_outage (
	id INTEGER PRIMARY KEY,
	station TEXT NOT NULL,
	cause TEXT NOT NULL,
	started_at TEXT NOT NULL,
	ended_at TEXT,
	count INTEGER NOT NULL DEFAULT 0
);
