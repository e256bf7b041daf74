-- 0009: a business's declarations of gross receipts (the Greek municipal
-- fee, a council's tax on receipts), kept only with their payment.

CREATE TABLE declaration (
	id INTEGER PRIMARY KEY,
	business_id INTEGER NOT NULL REFERENCES business (id),
	year INTEGER NOT NULL,
	quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
	gross INTEGER NOT NULL CHECK (gross >= 0),
	night_club INTEGER NOT NULL DEFAULT 0,
	declared_on TEXT NOT NULL,
	due_on TEXT NOT NULL,
	fee INTEGER NOT NULL,
	charge INTEGER NOT NULL,		-- for declaring late
	payment_id INTEGER REFERENCES payment (id),	-- NULL: nothing due
	declared_by TEXT NOT NULL,
	station TEXT NOT NULL,
	UNIQUE (business_id, year, quarter)
);
