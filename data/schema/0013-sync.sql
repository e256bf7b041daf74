-- 0013: what a workstation shares with the central store.  Rows that
-- travel get a uid, the same at every station: a person's is their
-- national id (so one person registered at two stations is one person),
-- a request's and an event's are made of this station's uid and the
-- local id.  Every change the centre must know goes to the outbox in the
-- same transaction, by trigger; sync pushes it and pulls what other
-- stations changed.

CREATE TABLE station_identity (
	uid TEXT NOT NULL
);

INSERT INTO station_identity VALUES (lower(hex(randomblob(8))));

-- What sync knows: whether this station has a centre (a standalone one
-- keeps no outbox), whether it is applying pulled changes right now (then
-- nothing goes to the outbox), and how far it has pulled.
CREATE TABLE sync_state (
	enabled INTEGER NOT NULL DEFAULT 0,
	applying INTEGER NOT NULL DEFAULT 0,
	cursor INTEGER NOT NULL DEFAULT 0,
	last_ok TEXT,			-- the last sync that went through
	error_since TEXT,		-- failing since, until one goes through
	last_error TEXT NOT NULL DEFAULT ''
);

INSERT INTO sync_state DEFAULT VALUES;

CREATE TABLE outbox (
	seq INTEGER PRIMARY KEY,
	tbl TEXT NOT NULL CHECK (tbl IN ('person', 'request', 'request_event',
	    'taxpayer', 'taxable_unit', 'obligation', 'payment',
	    'register_import', 'credential', 'audit', 'poll', 'poll_voter',
	    'poll_count', 'fine', 'business', 'representative', 'declaration',
	    'registration_request', 'validation')),
	row_id INTEGER NOT NULL,
	at TEXT NOT NULL
);

-- Pulled records that point at a row not pulled yet (an event before its
-- request): applied once it comes.
CREATE TABLE sync_parked (
	tbl TEXT NOT NULL,
	uid TEXT NOT NULL,
	station TEXT NOT NULL,
	rank INTEGER NOT NULL,
	changed_at TEXT NOT NULL,
	body TEXT NOT NULL,
	PRIMARY KEY (tbl, uid)
);

-- Requests registered while a central store numbers them: waiting for
-- their protocol number from the centre, in filing order.
CREATE TABLE registry_pending (
	request_id INTEGER PRIMARY KEY REFERENCES request (id),
	at TEXT NOT NULL
);

-- A person's uid is their national id (one person registered at two
-- stations is one person); a person without one, like a request or an
-- event, gets this station's uid and the local id.
--
-- A person's and a request's revision counts their changes, and goes
-- with them: a station that pulls a record takes its revision, so a
-- change made after it counts higher everywhere, and an older state
-- never replaces a newer one.
ALTER TABLE person ADD COLUMN uid TEXT;
ALTER TABLE person ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE person ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE request ADD COLUMN uid TEXT;
ALTER TABLE request ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE request ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE request_event ADD COLUMN uid TEXT;

UPDATE person SET uid = COALESCE(country || ':' ||
    COALESCE(NULLIF(cnp, ''), NULLIF(afm, '')),
    (SELECT uid FROM station_identity) || '-p' || id),
    changed_at = created_at;
UPDATE request SET uid = (SELECT uid FROM station_identity) || '-r' || id,
    changed_at = filed_at;
UPDATE request_event SET uid =
    (SELECT uid FROM station_identity) || '-e' || id;

CREATE UNIQUE INDEX person_uid ON person (uid);
CREATE UNIQUE INDEX request_uid ON request (uid);
CREATE UNIQUE INDEX request_event_uid ON request_event (uid);

-- A new row made here: its uid and the time of the change.
CREATE TRIGGER person_gets_uid AFTER INSERT ON person
WHEN NEW.uid IS NULL
BEGIN
	UPDATE person SET uid = COALESCE(NEW.country || ':' ||
	    COALESCE(NULLIF(NEW.cnp, ''), NULLIF(NEW.afm, '')),
	    (SELECT uid FROM station_identity) || '-p' || NEW.id),
	    changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;

CREATE TRIGGER request_gets_uid AFTER INSERT ON request
WHEN NEW.uid IS NULL
BEGIN
	UPDATE request SET uid = (SELECT uid FROM station_identity) || '-r' ||
	    NEW.id, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;

CREATE TRIGGER request_event_gets_uid AFTER INSERT ON request_event
WHEN NEW.uid IS NULL
BEGIN
	UPDATE request_event SET uid = (SELECT uid FROM station_identity) ||
	    '-e' || NEW.id WHERE id = NEW.id;
END;

-- A change made here counts one revision more.  (The revision's own
-- update does not fire triggers again: recursive triggers are off.)
CREATE TRIGGER person_revised AFTER UPDATE ON person
WHEN OLD.uid IS NOT NULL AND NOT (SELECT applying FROM sync_state)
BEGIN
	UPDATE person SET revision = OLD.revision + 1,
	    changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;

CREATE TRIGGER request_revised AFTER UPDATE ON request
WHEN OLD.uid IS NOT NULL AND NOT (SELECT applying FROM sync_state)
BEGIN
	UPDATE request SET revision = OLD.revision + 1,
	    changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;

-- A request's number, or its annulment, is a change of the request: the
-- request is touched, and request_revised counts it.
CREATE TRIGGER request_registered AFTER INSERT ON registry
WHEN NOT (SELECT applying FROM sync_state)
BEGIN
	UPDATE request SET revision = revision WHERE id = NEW.request_id;
END;

CREATE TRIGGER request_annulled AFTER UPDATE ON registry
WHEN NOT (SELECT applying FROM sync_state)
BEGIN
	UPDATE request SET revision = revision WHERE id = NEW.request_id;
END;

-- The outbox, filled in the writer's own transaction, only on a station
-- with a centre.  The register's rows travel keyed by the tax office's
-- own ids (a national id, a unit's code, an obligation's reference, a
-- payment's key): a unit with its owners, a payment with its
-- allocations.
CREATE TRIGGER outbox_person_new AFTER INSERT ON person
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('person', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_person_changed AFTER UPDATE ON person
WHEN (SELECT enabled AND NOT applying FROM sync_state) AND
    OLD.uid IS NOT NULL
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('person', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_request_new AFTER INSERT ON request
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('request', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_request_changed AFTER UPDATE ON request
WHEN (SELECT enabled AND NOT applying FROM sync_state) AND
    OLD.uid IS NOT NULL
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('request', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_request_event_new AFTER INSERT ON request_event
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('request_event', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_taxpayer_new AFTER INSERT ON taxpayer
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('taxpayer', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_taxpayer_changed AFTER UPDATE ON taxpayer
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('taxpayer', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_taxable_unit_new AFTER INSERT ON taxable_unit
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('taxable_unit', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_taxable_unit_changed AFTER UPDATE ON taxable_unit
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('taxable_unit', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_unit_owner_new AFTER INSERT ON unit_owner
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('taxable_unit', NEW.unit_id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_unit_owner_changed AFTER UPDATE ON unit_owner
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('taxable_unit', NEW.unit_id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_obligation_new AFTER INSERT ON obligation
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('obligation', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_obligation_changed AFTER UPDATE ON obligation
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('obligation', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_payment_new AFTER INSERT ON payment
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('payment', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_allocation_new AFTER INSERT ON allocation
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('payment', NEW.payment_id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_register_import_new AFTER INSERT ON register_import
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('register_import', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_register_import_changed AFTER UPDATE ON register_import
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('register_import', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- Credentials travel too, so a citizen given an envelope at one counter
-- logs in at any kiosk, and a password changed at one works at all.  Only
-- what the citizen or the town hall decided travels (the password, the
-- state, the forced change); failed attempts and their waits stay with
-- the station that counted them.
ALTER TABLE credential ADD COLUMN uid TEXT;
ALTER TABLE credential ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE credential ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
UPDATE credential SET uid = (SELECT uid FROM station_identity) || '-c' || id,
    changed_at = created_at;
CREATE UNIQUE INDEX credential_uid ON credential (uid);

CREATE TRIGGER credential_gets_uid AFTER INSERT ON credential
WHEN NEW.uid IS NULL
BEGIN
	UPDATE credential SET uid = (SELECT uid FROM station_identity) ||
	    '-c' || NEW.id, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;

CREATE TRIGGER credential_revised
AFTER UPDATE OF password_hash, state, must_change, revoke_reason
ON credential
WHEN OLD.uid IS NOT NULL AND NOT (SELECT applying FROM sync_state)
BEGIN
	UPDATE credential SET revision = OLD.revision + 1,
	    changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;

CREATE TRIGGER outbox_credential_new AFTER INSERT ON credential
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('credential', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_credential_changed
AFTER UPDATE OF password_hash, state, must_change, revoke_reason
ON credential
WHEN (SELECT enabled AND NOT applying FROM sync_state) AND
    OLD.uid IS NOT NULL
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('credential', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- The audit goes to the centre too, to be kept there with every other
-- station's (the centre hands no station another's audit).
CREATE TRIGGER outbox_audit_new AFTER INSERT ON audit
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('audit', NEW.id, NEW.at);
END;

-- Polls travel: the poll itself, who voted (so a citizen votes once at
-- any station, once both have synced), and each station's own counts,
-- never a vote: a station counts its own votes in poll_option and keeps
-- the others' in poll_count; the tally adds them up.
ALTER TABLE poll ADD COLUMN uid TEXT;
UPDATE poll SET uid = (SELECT uid FROM station_identity) || '-v' || id;
CREATE UNIQUE INDEX poll_uid ON poll (uid);

CREATE TRIGGER poll_gets_uid AFTER INSERT ON poll
WHEN NEW.uid IS NULL
BEGIN
	UPDATE poll SET uid = (SELECT uid FROM station_identity) || '-v' ||
	    NEW.id WHERE id = NEW.id;
END;

CREATE TABLE poll_count (
	poll_id INTEGER NOT NULL REFERENCES poll (id),
	station TEXT NOT NULL,			-- the counting station's uid
	position INTEGER NOT NULL,
	votes INTEGER NOT NULL,
	PRIMARY KEY (poll_id, station, position)
) WITHOUT ROWID;

CREATE TRIGGER outbox_poll_new AFTER INSERT ON poll
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('poll', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- poll_voter has no rowid: the outbox names the vote by its poll, and
-- the export sends that poll's voters.
CREATE TRIGGER outbox_poll_voter_new AFTER INSERT ON poll_voter
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('poll_voter',
	    NEW.poll_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_poll_count_changed AFTER UPDATE OF votes
ON poll_option
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('poll_count',
	    NEW.poll_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- Fines travel keyed by municipality and report number, each with its
-- payment: a fine registered or paid at one counter is known, and paid,
-- at all.
CREATE TRIGGER outbox_fine_new AFTER INSERT ON fine
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('fine', NEW.id,
	    NEW.registered_at);
END;

CREATE TRIGGER outbox_fine_paid AFTER INSERT ON fine_payment
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('fine', NEW.fine_id,
	    NEW.registered_at);
END;

-- Businesses (keyed by their CUI or AFM, like people), their legal
-- representatives, their declarations, and the applications for an
-- account made at a kiosk, which the counters must see in their queue.
ALTER TABLE business ADD COLUMN uid TEXT;
UPDATE business SET uid = COALESCE(country || ':' ||
    COALESCE(NULLIF(cui, ''), NULLIF(afm, '')),
    (SELECT uid FROM station_identity) || '-b' || id);
CREATE UNIQUE INDEX business_uid ON business (uid);

ALTER TABLE representative ADD COLUMN uid TEXT;
UPDATE representative SET uid =
    (SELECT uid FROM station_identity) || '-p' || id;
CREATE UNIQUE INDEX representative_uid ON representative (uid);

ALTER TABLE registration_request ADD COLUMN uid TEXT;
UPDATE registration_request SET uid =
    (SELECT uid FROM station_identity) || '-g' || id;
CREATE UNIQUE INDEX registration_request_uid ON registration_request (uid);

CREATE TRIGGER business_gets_uid AFTER INSERT ON business
WHEN NEW.uid IS NULL
BEGIN
	UPDATE business SET uid = COALESCE(NEW.country || ':' ||
	    COALESCE(NULLIF(NEW.cui, ''), NULLIF(NEW.afm, '')),
	    (SELECT uid FROM station_identity) || '-b' || NEW.id)
	WHERE id = NEW.id;
END;

CREATE TRIGGER representative_gets_uid AFTER INSERT ON representative
WHEN NEW.uid IS NULL
BEGIN
	UPDATE representative SET uid = (SELECT uid FROM station_identity) ||
	    '-p' || NEW.id WHERE id = NEW.id;
END;

CREATE TRIGGER registration_request_gets_uid
AFTER INSERT ON registration_request
WHEN NEW.uid IS NULL
BEGIN
	UPDATE registration_request SET uid =
	    (SELECT uid FROM station_identity) || '-g' || NEW.id
	WHERE id = NEW.id;
END;

CREATE TRIGGER outbox_business_new AFTER INSERT ON business
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('business', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_business_changed AFTER UPDATE ON business
WHEN (SELECT enabled AND NOT applying FROM sync_state) AND
    OLD.uid IS NOT NULL
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('business', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_representative_new AFTER INSERT ON representative
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('representative',
	    NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_representative_ended
AFTER UPDATE OF ended_at ON representative
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('representative',
	    NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_declaration_new AFTER INSERT ON declaration
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('declaration', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_registration_new AFTER INSERT ON registration_request
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('registration_request',
	    NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER outbox_registration_handled
AFTER UPDATE OF status ON registration_request
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('registration_request',
	    NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- Validations travel, so a citizen validated at one counter is validated
-- at all (one active validation per person holds across stations: every
-- station keys the national id with the town hall's one secret, kept at
-- the centre).  A revocation wins.
ALTER TABLE validation ADD COLUMN uid TEXT;
UPDATE validation SET uid = (SELECT uid FROM station_identity) || '-k' || id;
CREATE UNIQUE INDEX validation_uid ON validation (uid);

CREATE TRIGGER validation_gets_uid AFTER INSERT ON validation
WHEN NEW.uid IS NULL
BEGIN
	UPDATE validation SET uid = (SELECT uid FROM station_identity) ||
	    '-k' || NEW.id WHERE id = NEW.id;
END;

CREATE TRIGGER outbox_validation_new AFTER INSERT ON validation
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('validation', NEW.id,
	    NEW.at);
END;

CREATE TRIGGER outbox_validation_revoked
AFTER UPDATE OF revoked_at ON validation
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at) VALUES ('validation', NEW.id,
	    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
