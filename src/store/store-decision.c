#include "config.h"

#include "guichet/store-decision.h"

#include <stdlib.h>
#include <string.h>

#include "guichet/clock.h"
#include "guichet/err.h"
#include "guichet/fold.h"
#include "guichet/xmalloc.h"
#include "store-internal.h"

#define DECISION_COLUMNS "id, year, number, title, adopted_on, pdf_size, " \
	"pdf_sha256, imported_at, imported_by, title_folded"

static void
decision_from_row(sqlite3_stmt *s, void *arg)
{
	struct decision *d = arg;

	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(s, 0);
	d->year = sqlite3_column_int(s, 1);
	d->number = sqlite3_column_int(s, 2);
	store_column_copy(s, 3, d->title, sizeof d->title);
	store_column_copy(s, 4, d->adopted_on, sizeof d->adopted_on);
	d->pdf_size = sqlite3_column_int64(s, 5);
	store_column_copy(s, 6, d->pdf_sha256, sizeof d->pdf_sha256);
	store_column_copy(s, 7, d->imported_at, sizeof d->imported_at);
	store_column_copy(s, 8, d->imported_by, sizeof d->imported_by);
}

/* Binds what insert and replace both write, parameters 1 to 10; now
 * (the caller's, since bound text is not copied) gets the time. */
static void
bind_decision(sqlite3_stmt *s, const struct decision *d,
    const char *title_folded, const void *pdf, const char *by,
    char now[CLOCK_ISO_LEN])
{
	clock_now_iso(now, CLOCK_ISO_LEN);
	sqlite3_bind_int(s, 1, d->year);
	sqlite3_bind_int(s, 2, d->number);
	store_bind_text(s, 3, d->title);
	store_bind_text(s, 4, title_folded);
	store_bind_text(s, 5, d->adopted_on);
	sqlite3_bind_blob64(s, 6, pdf, (sqlite3_uint64)d->pdf_size,
	    SQLITE_STATIC);
	sqlite3_bind_int64(s, 7, d->pdf_size);
	store_bind_text(s, 8, d->pdf_sha256);
	store_bind_text(s, 9, now);
	store_bind_text(s, 10, by);
}

int
store_decision_insert(struct store *st, struct decision *d,
    const char *title_folded, const void *pdf, const char *by)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT INTO decision (year, "
	    "number, title, title_folded, adopted_on, pdf, pdf_size, "
	    "pdf_sha256, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?)");
	char now[CLOCK_ISO_LEN];

	if (s != NULL)
		bind_decision(s, d, title_folded, pdf, by, now);
	return store_step_insert(st, s, "import the decision", &d->id);
}

int
store_decision_replace(struct store *st, struct decision *d,
    const char *title_folded, const void *pdf, const char *by)
{
	sqlite3_stmt *s = store_prepare(st, "UPDATE decision SET title = ?3, "
	    "title_folded = ?4, adopted_on = ?5, pdf = ?6, pdf_size = ?7, "
	    "pdf_sha256 = ?8, imported_at = ?9, imported_by = ?10 WHERE "
	    "year = ?1 AND number = ?2");
	char now[CLOCK_ISO_LEN];
	int rc;

	if (s != NULL)
		bind_decision(s, d, title_folded, pdf, by, now);
	if ((rc = store_step_change(st, s, "replace the decision", true)) !=
	    G_OK)
		return rc;
	return store_decision_find(st, d->number, d->year, d);
}

int
store_decision_find(struct store *st, int number, int year,
    struct decision *out)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT " DECISION_COLUMNS
	    " FROM decision WHERE year = ? AND number = ?");

	if (s != NULL) {
		sqlite3_bind_int(s, 1, year);
		sqlite3_bind_int(s, 2, number);
	}
	return store_step_one(st, s, "read the decision", decision_from_row,
	    out);
}

int
store_decision_get(struct store *st, int64_t id, struct decision *out)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT " DECISION_COLUMNS
	    " FROM decision WHERE id = ?");

	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read the decision", decision_from_row,
	    out);
}

/* Writes into out the longest word of folded text (out has len bytes):
 * the store narrows the titles by it, fold_matches checks the rest. */
static void
longest_word(const char *folded, char *out, size_t len)
{
	const char *p = folded, *best = folded;
	size_t n, best_n = 0;

	while (*p != '\0') {
		n = strcspn(p, " ");
		if (n > best_n) {
			best = p;
			best_n = n;
		}
		p += n;
		p += strspn(p, " ");
	}
	if (best_n >= len)
		best_n = len - 1;
	memcpy(out, best, best_n);
	out[best_n] = '\0';
}

int
store_decision_search(struct store *st, const struct decision_filter *f,
    int (*fn)(const struct decision *d, void *arg), void *arg)
{
	const char *words = f->words != NULL ? f->words : "";
	char narrow[256];
	struct decision d;
	sqlite3_stmt *s;
	int rc = SQLITE_DONE, stop = 0, given = 0;

	longest_word(words, narrow, sizeof narrow);
	s = store_prepare(st, "SELECT " DECISION_COLUMNS " FROM decision "
	    "WHERE (?1 = 0 OR number = ?1) AND (?2 = 0 OR year = ?2) AND "
	    "(?3 IS NULL OR adopted_on >= ?3) AND (?4 IS NULL OR "
	    "adopted_on <= ?4) AND instr(title_folded, ?5) > 0 "
	    "ORDER BY adopted_on DESC, year DESC, number DESC");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int(s, 1, f->number);
	sqlite3_bind_int(s, 2, f->year);
	store_bind_text(s, 3, f->from);
	store_bind_text(s, 4, f->to);
	store_bind_text(s, 5, narrow);
	while (stop == 0 && given < f->limit &&
	    (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (!fold_matches((const char *)sqlite3_column_text(s, 9),
		    words))
			continue;
		decision_from_row(s, &d);
		given++;
		stop = fn(&d, arg);
	}
	rc = stop == 0 && given < f->limit && rc != SQLITE_DONE ?
	    store_fail(st, "search the decisions") : G_OK;
	store_release(st, s);
	return rc;
}

int
store_decision_pdf(struct store *st, int64_t id, unsigned char **pdf,
    size_t *len)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT pdf FROM decision WHERE "
	    "id = ?");
	int rc;

	*pdf = NULL;
	*len = 0;
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*len = (size_t)sqlite3_column_bytes(s, 0);
		*pdf = xmalloc(*len > 0 ? *len : 1);
		if (*len > 0)
			memcpy(*pdf, sqlite3_column_blob(s, 0), *len);
		rc = G_OK;
	} else
		rc = rc == SQLITE_DONE ? G_ERR_NOTFOUND :
		    store_fail(st, "read the decision's file");
	store_release(st, s);
	return rc;
}
