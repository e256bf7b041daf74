-- 0011: polls (Kozani e-services).  Who voted is kept apart from what
-- was voted: poll_voter enforces one vote per person and poll, the tally
-- only counts, and nothing links a voter to an option.

CREATE TABLE poll (
	id INTEGER PRIMARY KEY,
	question TEXT NOT NULL,
	opens_on TEXT NOT NULL,			-- YYYY-MM-DD, inclusive
	closes_on TEXT NOT NULL,		-- YYYY-MM-DD, inclusive
	level TEXT NOT NULL CHECK (level IN ('standard', 'validated')),
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL
);

CREATE TABLE poll_option (
	poll_id INTEGER NOT NULL REFERENCES poll (id),
	position INTEGER NOT NULL,
	label TEXT NOT NULL,
	votes INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (poll_id, position)
) WITHOUT ROWID;

CREATE TABLE poll_voter (
	poll_id INTEGER NOT NULL REFERENCES poll (id),
	person_id INTEGER NOT NULL REFERENCES person (id),
	origin TEXT NOT NULL CHECK (origin IN ('kiosk', 'counter')),
	PRIMARY KEY (poll_id, person_id)
) WITHOUT ROWID;
