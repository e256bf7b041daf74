-- 0010: the payment warrants the town hall issued to its suppliers, as
-- the feed gives them, so a business sees what it was paid.

CREATE TABLE warrant (
	id INTEGER PRIMARY KEY,
	ref TEXT NOT NULL UNIQUE,		-- the treasury's
	taxpayer_id INTEGER NOT NULL REFERENCES taxpayer (id),
	issued_on TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount > 0),
	description TEXT NOT NULL,
	paid_on TEXT NOT NULL DEFAULT ''	-- '': not paid yet
);

CREATE INDEX warrant_taxpayer ON warrant (taxpayer_id, issued_on);
