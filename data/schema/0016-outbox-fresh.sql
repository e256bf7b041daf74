-- 0016: the outbox marks the entries that made a row.  A row this station
-- made (with a uid of its own) and has not pushed yet is new to the
-- centre, which then stores it without looking it up first.  The mark is
-- a hint: a centre that holds the record after all (a batch pushed again
-- after a crash) merges the batch as before.

ALTER TABLE outbox ADD COLUMN fresh INTEGER NOT NULL DEFAULT 0
    CHECK (fresh IN (0, 1));

DROP TRIGGER outbox_person_new;
CREATE TRIGGER outbox_person_new AFTER INSERT ON person
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('person', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1);
END;

DROP TRIGGER outbox_request_new;
CREATE TRIGGER outbox_request_new AFTER INSERT ON request
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('request', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1);
END;

DROP TRIGGER outbox_request_event_new;
CREATE TRIGGER outbox_request_event_new AFTER INSERT ON request_event
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('request_event', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1);
END;

DROP TRIGGER outbox_credential_new;
CREATE TRIGGER outbox_credential_new AFTER INSERT ON credential
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('credential', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1);
END;

DROP TRIGGER outbox_envelope_new;
CREATE TRIGGER outbox_envelope_new AFTER INSERT ON envelope
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('envelope', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1);
END;

DROP TRIGGER outbox_validation_new;
CREATE TRIGGER outbox_validation_new AFTER INSERT ON validation
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('validation', NEW.id, NEW.at, 1);
END;

DROP TRIGGER outbox_business_new;
CREATE TRIGGER outbox_business_new AFTER INSERT ON business
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('business', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1);
END;

DROP TRIGGER outbox_representative_new;
CREATE TRIGGER outbox_representative_new AFTER INSERT ON representative
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('representative', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1);
END;

DROP TRIGGER outbox_registration_new;
CREATE TRIGGER outbox_registration_new AFTER INSERT ON registration_request
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('registration_request', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1);
END;

DROP TRIGGER outbox_poll_new;
CREATE TRIGGER outbox_poll_new AFTER INSERT ON poll
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('poll', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1);
END;

DROP TRIGGER outbox_audit_new;
CREATE TRIGGER outbox_audit_new AFTER INSERT ON audit
WHEN (SELECT enabled AND NOT applying FROM sync_state)
BEGIN
	INSERT INTO outbox (tbl, row_id, at, fresh)
	    VALUES ('audit', NEW.id, NEW.at, 1);
END;
