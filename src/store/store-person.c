#include "config.h"

#include "guichet/store-person.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/err.h"
#include "guichet/level.h"
#include "guichet/password.h"
#include "guichet/xmalloc.h"
#include "store-internal.h"

static const char *const contact_names[] = { "phone", "email", "post" };

#define PERSON_COLUMNS "id, country, cnp, afm, amka, surname, given_names, " \
	"former_names, birth_date, town, district, street, number, block, " \
	"staircase, floor, apartment, postal_code, phone, email, contact, level"

/* The text columns of person in PERSON_COLUMNS order from cnp on, with
 * where each lives in struct person. */
#define TEXT(f) { offsetof(struct person, f), sizeof(((struct person *)0)->f) }
static const struct {
	size_t offset, size;
} text_fields[] = {
	TEXT(cnp), TEXT(afm), TEXT(amka), TEXT(surname), TEXT(given_names),
	TEXT(former_names),
};
static const struct {
	size_t offset, size;
} address_fields[] = {
	TEXT(address.town), TEXT(address.district), TEXT(address.street),
	TEXT(address.number), TEXT(address.block), TEXT(address.staircase),
	TEXT(address.floor), TEXT(address.apartment),
	TEXT(address.postal_code), TEXT(phone), TEXT(email),
};
#undef TEXT

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* Returns the index of name in names, or fallback. */
static int
name_index(const char *const *names, int n, const unsigned char *name,
    int fallback)
{
	int i;

	for (i = 0; name != NULL && i < n; i++)
		if (strcmp(names[i], (const char *)name) == 0)
			return i;
	return fallback;
}

/* Returns the level stored in column col. */
static enum account_level
column_level(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	int level = t != NULL ? level_from_name((const char *)t) : -1;

	return level < 0 ? LEVEL_NONE : (enum account_level)level;
}

/* Fills the struct person at out from a row selected with
 * PERSON_COLUMNS. */
static void
person_from_row(sqlite3_stmt *s, void *out)
{
	struct person *p = out;
	const unsigned char *t;
	int i, col = 2;

	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, p->country, sizeof p->country);
	for (i = 0; i < N(text_fields); i++, col++)
		store_column_copy(s, col, (char *)p + text_fields[i].offset,
		    text_fields[i].size);
	if ((t = sqlite3_column_text(s, col++)) != NULL)
		date_parse_iso((const char *)t, &p->birth_date);
	for (i = 0; i < N(address_fields); i++, col++)
		store_column_copy(s, col, (char *)p + address_fields[i].offset,
		    address_fields[i].size);
	p->contact = name_index(contact_names, N(contact_names),
	    sqlite3_column_text(s, col++), CONTACT_POST);
	p->level = column_level(s, col);
}

/* Binds s to NULL when empty, so UNIQUE ignores absent identifiers. */
static void
bind_optional(sqlite3_stmt *s, int idx, const char *text)
{
	store_bind_text(s, idx, text[0] != '\0' ? text : NULL);
}

/* Stores folded as the person's search name and inserts one search row
 * per word it starts with. */
static int
insert_search(struct store *st, int64_t id, const char *folded)
{
	sqlite3_stmt *s;
	const char *word;
	int rc = G_OK;

	s = store_prepare(st, "UPDATE person SET search_name = ? WHERE id = ?");
	if (s == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, folded);
	sqlite3_bind_int64(s, 2, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, "index the name");
	store_release(st, s);
	if (rc != G_OK)
		return rc;
	s = store_prepare(st, "INSERT OR IGNORE INTO person_search (key, "
	    "person_id) VALUES (?, ?)");
	if (s == NULL)
		return G_ERR_STORE;
	for (word = folded; word != NULL && *word != '\0' && rc == G_OK; ) {
		store_bind_text(s, 1, word);
		sqlite3_bind_int64(s, 2, id);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_fail(st, "index the name");
		sqlite3_reset(s);
		if ((word = strchr(word, ' ')) != NULL)
			word++;
	}
	store_release(st, s);
	return rc;
}

int
store_person_insert(struct store *st, const struct person *p,
    const char *folded_name, int64_t *id)
{
	char now[32], birth[16];
	sqlite3_stmt *s;
	int rc, i, col = 1;

	s = store_prepare(st, "INSERT INTO person (country, cnp, afm, amka, "
	    "surname, given_names, former_names, birth_date, town, district, "
	    "street, number, block, staircase, floor, apartment, postal_code, "
	    "phone, email, contact, level, created_at) VALUES (?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (s == NULL)
		return G_ERR_STORE;
	clock_now_iso(now, sizeof now);
	store_bind_text(s, col++, p->country);
	for (i = 0; i < N(text_fields); i++, col++) {
		const char *v = (const char *)p + text_fields[i].offset;

		if (i < 3)
			bind_optional(s, col, v);
		else
			store_bind_text(s, col, v);
	}
	if (p->birth_date.year != 0) {
		date_format_iso(p->birth_date, birth, sizeof birth);
		store_bind_text(s, col++, birth);
	} else
		sqlite3_bind_null(s, col++);
	for (i = 0; i < N(address_fields); i++)
		store_bind_text(s, col++,
		    (const char *)p + address_fields[i].offset);
	store_bind_text(s, col++, contact_names[p->contact]);
	store_bind_text(s, col++, level_name(p->level));
	store_bind_text(s, col++, now);
	if ((rc = store_step_insert(st, s, "add person", id)) != G_OK)
		return rc;
	return insert_search(st, *id, folded_name);
}

int
store_person_get(struct store *st, int64_t id, struct person *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT " PERSON_COLUMNS " FROM person "
	    "WHERE id = ?");
	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read person", person_from_row, out);
}

/* Fills the struct person_summary at out from its row. */
static void
summary_from_row(sqlite3_stmt *s, void *arg)
{
	struct person_summary *out = arg;
	const unsigned char *t;

	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, out->country, sizeof out->country);
	store_column_copy(s, 2, out->surname, sizeof out->surname);
	store_column_copy(s, 3, out->given_names, sizeof out->given_names);
	store_column_copy(s, 4, out->national_id, sizeof out->national_id);
	if ((t = sqlite3_column_text(s, 5)) != NULL)
		date_parse_iso((const char *)t, &out->birth_date);
	store_column_copy(s, 6, out->town, sizeof out->town);
	out->level = column_level(s, 7);
}

int
store_person_summary(struct store *st, int64_t id,
    struct person_summary *out)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT id, country, surname, given_names, "
	    "COALESCE(cnp, afm, ''), birth_date, town, level FROM person "
	    "WHERE id = ?");
	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	return store_step_one(st, s, "read person", summary_from_row, out);
}

int
store_person_summaries(struct store *st, const int64_t *ids, int n,
    struct person_summary *out)
{
	struct person_summary row;
	sqlite3_stmt *s;
	char *list;
	size_t len;
	int i, rc;

	if (n <= 0)
		return G_OK;
	if (n > 500)
		n = 500;
	/* The ids go in one parameter, a JSON array: "[1,2,3]". */
	list = xmalloc(len = 2 + 21 * (size_t)n);
	for (i = 0, list[0] = '\0'; i < n; i++)
		snprintf(list + strlen(list), len - strlen(list), "%c%lld",
		    i == 0 ? '[' : ',', (long long)ids[i]);
	strcat(list, "]");
	s = store_prepare(st, "SELECT id, country, surname, given_names, "
	    "COALESCE(cnp, afm, ''), birth_date, town, level FROM person "
	    "WHERE id IN (SELECT value FROM json_each(?))");
	if (s == NULL) {
		free(list);
		return G_ERR_STORE;
	}
	store_bind_text(s, 1, list);
	memset(out, 0, (size_t)n * sizeof *out);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		summary_from_row(s, &row);
		for (i = 0; i < n; i++)
			if (ids[i] == row.id)
				out[i] = row;
	}
	rc = rc == SQLITE_DONE ? G_OK : store_fail(st, "read people");
	store_release(st, s);
	free(list);
	return rc;
}

/* A person found by one column: the statement for each, written out,
 * since a column's name cannot be a parameter. */
static const char *const find_by[] = {
	"SELECT id FROM person WHERE cnp = ?",
	"SELECT id FROM person WHERE afm = ?",
	"SELECT id FROM person WHERE amka = ?",
	"SELECT id FROM person WHERE lower(email) = ?",
};

int
store_person_find(struct store *st, enum person_column column,
    const char *value, int64_t *id)
{
	sqlite3_stmt *s;

	if ((s = store_prepare(st, find_by[column])) != NULL)
		store_bind_text(s, 1, value);
	return store_step_one(st, s, "find person", store_fill_id, id);
}

#define PREFIX_UPPER 512

/* Binds the range [prefix, prefix + U+10FFFF) at idx and idx + 1: every
 * string that starts with prefix, and an index range scan.  upper is the
 * caller's (bound text is not copied). */
static void
bind_prefix(sqlite3_stmt *s, int idx, const char *prefix,
    char upper[PREFIX_UPPER])
{
	snprintf(upper, PREFIX_UPPER, "%s\xf4\x8f\xbf\xbf", prefix);
	store_bind_text(s, idx, prefix);
	store_bind_text(s, idx + 1, upper);
}

int
store_person_search_name(struct store *st, const char *prefix,
    int limit, int (*fn)(int64_t id, const char *key, void *arg),
    void *arg)
{
	char upper[PREFIX_UPPER];
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT k.person_id, p.search_name FROM "
	    "person_search k JOIN person p ON p.id = k.person_id "
	    "WHERE k.key >= ? AND k.key < ? ORDER BY k.key LIMIT ?");
	if (s == NULL)
		return G_ERR_STORE;
	bind_prefix(s, 1, prefix, upper);
	sqlite3_bind_int(s, 3, limit);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = fn(sqlite3_column_int64(s, 0),
		    (const char *)sqlite3_column_text(s, 1), arg);
	rc = stop == 0 && rc != SQLITE_DONE ? store_fail(st, "search names") :
	    G_OK;
	store_release(st, s);
	return rc;
}

int
store_person_search_column(struct store *st, enum person_column column,
    const char *prefix, int limit, int (*fn)(int64_t id, void *arg),
    void *arg)
{
	static const char *const search_by[] = {
		"SELECT id FROM person WHERE cnp >= ? AND cnp < ? "
		"ORDER BY cnp LIMIT ?",
		"SELECT id FROM person WHERE afm >= ? AND afm < ? "
		"ORDER BY afm LIMIT ?",
		"SELECT id FROM person WHERE amka >= ? AND amka < ? "
		"ORDER BY amka LIMIT ?",
		"SELECT id FROM person WHERE lower(email) >= ? AND "
		"lower(email) < ? ORDER BY lower(email) LIMIT ?",
	};
	char upper[PREFIX_UPPER];
	sqlite3_stmt *s;
	int rc, stop = 0;

	if ((s = store_prepare(st, search_by[column])) == NULL)
		return G_ERR_STORE;
	bind_prefix(s, 1, prefix, upper);
	sqlite3_bind_int(s, 3, limit);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = fn(sqlite3_column_int64(s, 0), arg);
	rc = stop == 0 && rc != SQLITE_DONE ? store_fail(st, "search people") :
	    G_OK;
	store_release(st, s);
	return rc;
}

int
store_person_set_level(struct store *st, int64_t id,
    enum account_level level)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "UPDATE person SET level = ? WHERE id = ?");
	if (s != NULL) {
		store_bind_text(s, 1, level_name(level));
		sqlite3_bind_int64(s, 2, id);
	}
	return store_step_change(st, s, "change account level", true);
}

int
store_person_set_search(struct store *st, int64_t id,
    const char *folded_name)
{
	sqlite3_stmt *s;
	int rc;

	s = store_prepare(st, "DELETE FROM person_search WHERE person_id = ?");
	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	if ((rc = store_step_change(st, s, "index the name", false)) != G_OK)
		return rc;
	return insert_search(st, id, folded_name);
}

int
store_person_each_unindexed(struct store *st,
    int (*fn)(int64_t id, const char *surname, const char *given,
    const char *former, void *arg), void *arg)
{
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT id, surname, given_names, former_names "
	    "FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_search k "
	    "WHERE k.person_id = p.id)");
	if (s == NULL)
		return G_ERR_STORE;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = fn(sqlite3_column_int64(s, 0),
		    (const char *)sqlite3_column_text(s, 1),
		    (const char *)sqlite3_column_text(s, 2),
		    (const char *)sqlite3_column_text(s, 3), arg);
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "list people to index");
	store_release(st, s);
	return stop;
}

int
store_person_count(struct store *st, int64_t *count)
{
	sqlite3_stmt *s;
	int rc;

	*count = 0;
	if ((s = store_prepare(st, "SELECT COUNT(*) FROM person")) == NULL)
		return G_ERR_STORE;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(s, 0);
	store_release(st, s);
	return rc == SQLITE_ROW ? G_OK : store_fail(st, "count people");
}

int
store_level_change_insert(struct store *st, int64_t person_id,
    const struct level_change *c)
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO level_change (person_id, "
	    "from_level, to_level, reason, by_actor, station, at) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?)");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, person_id);
		store_bind_text(s, 2, level_name(c->from));
		store_bind_text(s, 3, level_name(c->to));
		store_bind_text(s, 4, c->reason);
		store_bind_text(s, 5, c->by);
		store_bind_text(s, 6, c->station);
		store_bind_text(s, 7, now);
	}
	return store_step_change(st, s, "record the level change", false);
}

int
store_level_change_each(struct store *st, int64_t person_id,
    int (*fn)(const struct level_change *change, void *arg), void *arg)
{
	struct level_change c;
	sqlite3_stmt *s;
	char name[16];
	int rc, stop = 0, l;

	s = store_prepare(st, "SELECT id, from_level, to_level, reason, "
	    "by_actor, station, at FROM level_change WHERE person_id = ? "
	    "ORDER BY id");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, person_id);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		c.id = sqlite3_column_int64(s, 0);
		store_column_copy(s, 1, name, sizeof name);
		c.from = (l = level_from_name(name)) < 0 ? LEVEL_NONE : l;
		store_column_copy(s, 2, name, sizeof name);
		c.to = (l = level_from_name(name)) < 0 ? LEVEL_NONE : l;
		store_column_copy(s, 3, c.reason, sizeof c.reason);
		store_column_copy(s, 4, c.by, sizeof c.by);
		store_column_copy(s, 5, c.station, sizeof c.station);
		store_column_copy(s, 6, c.at, sizeof c.at);
		stop = fn(&c, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "read level history");
	store_release(st, s);
	return stop;
}

int
store_installation_key(struct store *st, unsigned char key[32], bool *found)
{
	sqlite3_stmt *s;
	int rc;

	*found = false;
	s = store_prepare(st, "SELECT key FROM installation_key WHERE id = 1");
	if (s == NULL)
		return G_ERR_STORE;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_bytes(s, 0) == 32) {
		memcpy(key, sqlite3_column_blob(s, 0), 32);
		*found = true;
	}
	store_release(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, "read the installation key");
	return G_OK;
}

int
store_installation_key_adopt(struct store *st, const unsigned char key[32],
    bool *refused)
{
	unsigned char mine[32];
	int64_t validations = 0;
	sqlite3_stmt *s;
	bool found;
	int rc;

	*refused = false;
	if ((rc = store_installation_key(st, mine, &found)) != G_OK)
		return rc;
	if (!found)
		return store_installation_key_put(st, key);
	rc = memcmp(mine, key, sizeof mine);
	secret_wipe(mine, sizeof mine);
	if (rc == 0)
		return G_OK;
	if ((rc = store_step_one(st, store_prepare(st, "SELECT COUNT(*) FROM "
	    "validation"), "count the validations", store_fill_id,
	    &validations)) != G_OK)
		return rc;
	if (validations > 0) {
		*refused = true;
		return G_OK;
	}
	s = store_prepare(st, "UPDATE installation_key SET key = ? WHERE "
	    "id = 1");
	if (s != NULL)
		sqlite3_bind_blob(s, 1, key, 32, SQLITE_TRANSIENT);
	return store_step_change(st, s, "store the installation key", true);
}

int
store_installation_key_put(struct store *st, const unsigned char key[32])
{
	sqlite3_stmt *s;
	char now[32];

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO installation_key (id, key, "
	    "created_at) VALUES (1, ?, ?)");
	if (s != NULL) {
		sqlite3_bind_blob(s, 1, key, 32, SQLITE_TRANSIENT);
		store_bind_text(s, 2, now);
	}
	return store_step_change(st, s, "store the installation key", false);
}
