-- 0007: the taxpayer register, as the tax office's feed gives it, and
-- the payments that extinguish its obligations.  Amounts are integers of
-- minor units (bani, cents); dates are YYYY-MM-DD.

-- Someone who owes: a person or a business, by the national id the tax
-- office knows them by (CNP, CUI, AFM).  Linked to the person or business
-- of the same id when there is one.
CREATE TABLE taxpayer (
	id INTEGER PRIMARY KEY,
	national_id TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	address TEXT NOT NULL DEFAULT '',
	person_id INTEGER REFERENCES person (id),
	business_id INTEGER REFERENCES business (id)
);

CREATE INDEX taxpayer_person ON taxpayer (person_id);
CREATE INDEX taxpayer_business ON taxpayer (business_id);

-- A building, a piece of land, a vehicle: what a tax is on.
CREATE TABLE taxable_unit (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,		-- the tax office's
	kind TEXT NOT NULL CHECK (kind IN ('building', 'land', 'vehicle',
	    'other')),
	description TEXT NOT NULL,
	address TEXT NOT NULL DEFAULT ''
);

-- Who owns a unit, with their share (num/den); any co-owner may see and
-- pay what is due on it.
CREATE TABLE unit_owner (
	unit_id INTEGER NOT NULL REFERENCES taxable_unit (id),
	taxpayer_id INTEGER NOT NULL REFERENCES taxpayer (id),
	share_num INTEGER NOT NULL CHECK (share_num > 0),
	share_den INTEGER NOT NULL CHECK (share_den >= share_num),
	PRIMARY KEY (unit_id, taxpayer_id)
) WITHOUT ROWID;

CREATE INDEX unit_owner_taxpayer ON unit_owner (taxpayer_id, unit_id);

-- One obligation: an amount due on a date, under a notice, on the fiscal
-- role of a taxpayer and, for taxes on property, of a unit.
CREATE TABLE obligation (
	id INTEGER PRIMARY KEY,
	ref TEXT NOT NULL UNIQUE,		-- the tax office's id for it
	taxpayer_id INTEGER NOT NULL REFERENCES taxpayer (id),
	unit_id INTEGER REFERENCES taxable_unit (id),
	tax_type TEXT NOT NULL,			-- building, land, vehicle, ...
	name TEXT NOT NULL,			-- as on the notice
	tax_year INTEGER NOT NULL,
	principal INTEGER NOT NULL CHECK (principal > 0),
	notice TEXT NOT NULL,
	notice_date TEXT NOT NULL,
	due_date TEXT NOT NULL,
	iban TEXT NOT NULL,
	rf TEXT NOT NULL,			-- ISO 11649 creditor reference
	discountable INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX obligation_taxpayer ON obligation (taxpayer_id, due_date);
CREATE INDEX obligation_unit ON obligation (unit_id, due_date);
CREATE INDEX obligation_rf ON obligation (rf);

-- A payment: at a bank (from the feed) or at the counter (ours).  key
-- makes each payment count once, however often it is sent.
CREATE TABLE payment (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,
	taxpayer_id INTEGER NOT NULL REFERENCES taxpayer (id),
	payer TEXT NOT NULL,			-- who paid, as identified
	amount INTEGER NOT NULL CHECK (amount > 0),
	paid_on TEXT NOT NULL,			-- the payment's date
	channel TEXT NOT NULL CHECK (channel IN ('bank', 'cash', 'card')),
	advice TEXT NOT NULL DEFAULT '',	-- payment advice number
	bank TEXT NOT NULL DEFAULT '',
	account TEXT NOT NULL DEFAULT '',
	credit INTEGER NOT NULL DEFAULT 0,	-- left over, not allocated
	registered_at TEXT NOT NULL,
	registered_by TEXT NOT NULL,
	station TEXT NOT NULL DEFAULT ''
);

CREATE INDEX payment_taxpayer ON payment (taxpayer_id, paid_on);

-- What a payment did to each obligation: principal and late charges
-- paid, charges fixed on the principal paid late, discount granted.
CREATE TABLE allocation (
	payment_id INTEGER NOT NULL REFERENCES payment (id),
	obligation_id INTEGER NOT NULL REFERENCES obligation (id),
	principal INTEGER NOT NULL DEFAULT 0,
	charges INTEGER NOT NULL DEFAULT 0,
	closed_charges INTEGER NOT NULL DEFAULT 0,
	discount INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (payment_id, obligation_id)
) WITHOUT ROWID;

CREATE INDEX allocation_obligation ON allocation (obligation_id);

-- Payments are facts: never changed, never deleted.
CREATE TRIGGER payment_rows_are_never_changed BEFORE UPDATE ON payment
BEGIN
	SELECT RAISE(ABORT, 'payments are never changed');
END;

CREATE TRIGGER payment_rows_are_never_deleted BEFORE DELETE ON payment
BEGIN
	SELECT RAISE(ABORT, 'payments are never deleted');
END;

-- Each import of the feed: when, which file, what it held.
CREATE TABLE register_import (
	id INTEGER PRIMARY KEY,
	file TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	started_at TEXT NOT NULL,
	finished_at TEXT,
	rows_read INTEGER NOT NULL DEFAULT 0,
	rows_bad INTEGER NOT NULL DEFAULT 0,
	imported_by TEXT NOT NULL
);
