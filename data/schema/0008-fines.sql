-- 0008: traffic and parking fines of the town hall's police, and their
-- payments at the counter.  A fine is paid whole, once.

CREATE TABLE fine (
	id INTEGER PRIMARY KEY,
	municipality TEXT NOT NULL,		-- the town hall's code
	number TEXT NOT NULL,			-- on the report
	plate TEXT NOT NULL,
	issued_at TEXT NOT NULL,		-- YYYY-MM-DD HH:MM, local
	type TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount > 0),
	registered_at TEXT NOT NULL,
	registered_by TEXT NOT NULL,
	station TEXT NOT NULL,
	UNIQUE (municipality, number)
);

CREATE INDEX fine_plate ON fine (plate, issued_at);

CREATE TABLE fine_payment (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,
	fine_id INTEGER NOT NULL UNIQUE REFERENCES fine (id),
	amount INTEGER NOT NULL CHECK (amount > 0),
	paid_on TEXT NOT NULL,
	channel TEXT NOT NULL CHECK (channel IN ('cash', 'card')),
	registered_at TEXT NOT NULL,
	registered_by TEXT NOT NULL,
	station TEXT NOT NULL
);

CREATE TRIGGER fine_payment_rows_are_never_changed
BEFORE UPDATE ON fine_payment
BEGIN
	SELECT RAISE(ABORT, 'payments are never changed');
END;

CREATE TRIGGER fine_payment_rows_are_never_deleted
BEFORE DELETE ON fine_payment
BEGIN
	SELECT RAISE(ABORT, 'payments are never deleted');
END;
