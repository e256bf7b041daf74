-- 0002: citizens as the town hall knows them (see include/guichet/person.h).

CREATE TABLE person (
	id INTEGER PRIMARY KEY,
	country TEXT NOT NULL CHECK (country IN ('RO', 'GR')),
	cnp TEXT UNIQUE,
	afm TEXT UNIQUE,
	amka TEXT UNIQUE,
	surname TEXT NOT NULL,
	given_names TEXT NOT NULL,
	former_names TEXT NOT NULL DEFAULT '',
	birth_date TEXT,
	town TEXT NOT NULL DEFAULT '',
	district TEXT NOT NULL DEFAULT '',
	street TEXT NOT NULL DEFAULT '',
	number TEXT NOT NULL DEFAULT '',
	block TEXT NOT NULL DEFAULT '',
	staircase TEXT NOT NULL DEFAULT '',
	floor TEXT NOT NULL DEFAULT '',
	apartment TEXT NOT NULL DEFAULT '',
	postal_code TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	contact TEXT NOT NULL DEFAULT 'post'
	    CHECK (contact IN ('phone', 'email', 'post')),
	level TEXT NOT NULL DEFAULT 'none'
	    CHECK (level IN ('none', 'standard', 'validated', 'suspended',
	    'closed')),
	created_at TEXT NOT NULL
);

CREATE INDEX person_surname ON person (surname, given_names);
CREATE INDEX person_email ON person (email);
