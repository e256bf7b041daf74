-- 0003: accounts and in-person validation, businesses and their legal
-- representatives, registration requests, search keys.

-- This installation's secret for keyed hashes of national ids (see
-- src/crypto/id-key.c): the key is made with RAND_bytes on first use.
CREATE TABLE installation_key (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	key BLOB NOT NULL CHECK (length(key) = 32),
	created_at TEXT NOT NULL
);

-- Folded names (src/core/fold.c): the whole name on the person, and one
-- row per word the name starts from, so that a prefix search on any word
-- is an index range scan; the whole name then checks the other words.
ALTER TABLE person ADD COLUMN search_name TEXT NOT NULL DEFAULT '';

CREATE TABLE person_search (
	key TEXT NOT NULL,
	person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
	PRIMARY KEY (key, person_id)
) WITHOUT ROWID;

CREATE INDEX person_amka ON person (amka);
-- E-mail addresses are found whatever the case they were typed in.
CREATE INDEX person_email_folded ON person (lower(email));
CREATE INDEX person_afm_idx ON person (afm);

-- How a person reached Level B, with its evidence; revoked, never
-- deleted.  national_key is HMAC-SHA256 of the national id under the
-- installation key: one active validation per person, whatever record
-- it is attached to.
CREATE TABLE validation (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id),
	national_key TEXT NOT NULL,
	method TEXT NOT NULL
	    CHECK (method IN ('counter', 'eid', 'signed-request')),
	doc_type TEXT NOT NULL DEFAULT '',
	doc_series TEXT NOT NULL DEFAULT '',
	doc_number TEXT NOT NULL DEFAULT '',
	doc_issuer TEXT NOT NULL DEFAULT '',
	doc_expiry TEXT NOT NULL DEFAULT '',
	address_proof TEXT NOT NULL DEFAULT '',
	evidence TEXT NOT NULL DEFAULT '',
	validated_by TEXT NOT NULL,
	station TEXT NOT NULL,
	at TEXT NOT NULL,
	revoked_at TEXT,
	revoked_by TEXT,
	revoke_reason TEXT
);

CREATE UNIQUE INDEX validation_one_active ON validation (national_key)
    WHERE revoked_at IS NULL;
CREATE INDEX validation_person ON validation (person_id);

-- Every change of a person's account level: the card's history.
CREATE TABLE level_change (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id),
	from_level TEXT NOT NULL,
	to_level TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	by_actor TEXT NOT NULL,
	station TEXT NOT NULL,
	at TEXT NOT NULL
);

CREATE INDEX level_change_person ON level_change (person_id, id);

CREATE TABLE business (
	id INTEGER PRIMARY KEY,
	country TEXT NOT NULL CHECK (country IN ('RO', 'GR')),
	cui TEXT UNIQUE,
	afm TEXT UNIQUE,
	name TEXT NOT NULL,
	search_key TEXT NOT NULL,
	town TEXT NOT NULL DEFAULT '',
	street TEXT NOT NULL DEFAULT '',
	number TEXT NOT NULL DEFAULT '',
	postal_code TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL
);

CREATE INDEX business_search ON business (search_key);

-- A validated person acting for a business, after filing the special
-- declaration.  Ended, never deleted.
CREATE TABLE representative (
	id INTEGER PRIMARY KEY,
	business_id INTEGER NOT NULL REFERENCES business (id),
	person_id INTEGER NOT NULL REFERENCES person (id),
	declaration_date TEXT NOT NULL,
	document_ref TEXT NOT NULL,
	recorded_by TEXT NOT NULL,
	station TEXT NOT NULL,
	at TEXT NOT NULL,
	ended_at TEXT,
	ended_by TEXT
);

CREATE UNIQUE INDEX representative_one_active
    ON representative (business_id, person_id) WHERE ended_at IS NULL;
CREATE INDEX representative_person ON representative (person_id);

-- Requests for an account, from the kiosk, the web platform (by sync) or
-- the counter, to be processed within 2 working days.
CREATE TABLE registration_request (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person (id),
	source TEXT NOT NULL CHECK (source IN ('kiosk', 'web', 'counter')),
	received_at TEXT NOT NULL,
	deadline TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'pending'
	    CHECK (status IN ('pending', 'done', 'rejected')),
	handled_by TEXT,
	handled_at TEXT,
	note TEXT NOT NULL DEFAULT ''
);

CREATE INDEX registration_pending ON registration_request (status, deadline);
