-- 0012: the council's decisions, numbered per year ("123/2026"), with
-- their PDF kept in the store so that every counter and kiosk reads the
-- same file without a shared folder.  Public documents: no personal data.

CREATE TABLE decision (
	id INTEGER PRIMARY KEY,
	year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
	number INTEGER NOT NULL CHECK (number > 0),
	title TEXT NOT NULL,
	title_folded TEXT NOT NULL,		-- fold_search(title)
	adopted_on TEXT NOT NULL,		-- YYYY-MM-DD
	pdf BLOB NOT NULL,
	pdf_size INTEGER NOT NULL CHECK (pdf_size > 0),
	pdf_sha256 TEXT NOT NULL,
	imported_at TEXT NOT NULL,
	imported_by TEXT NOT NULL,
	UNIQUE (year, number)
);

CREATE INDEX decision_adopted ON decision (adopted_on, id);
