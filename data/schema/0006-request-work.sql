-- 0006: who at the town hall works on a request.  Empty: no one yet.

ALTER TABLE request ADD COLUMN assigned_to TEXT NOT NULL DEFAULT '';

CREATE INDEX request_assigned ON request (assigned_to, status, id);
