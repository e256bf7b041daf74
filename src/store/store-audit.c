#include "config.h"

#include "guichet/store-audit.h"

#include <string.h>

#include "guichet/err.h"
#include "store-internal.h"

int
store_audit_last(struct store *st, int64_t *id, char hash[AUDIT_HASH_LEN])
{
	sqlite3_stmt *s;
	int rc;

	*id = 0;
	memcpy(hash, audit_genesis_hash, AUDIT_HASH_LEN);
	s = store_prepare(st, "SELECT id, hash FROM audit "
	    "ORDER BY id DESC LIMIT 1");
	if (s == NULL)
		return G_ERR_STORE;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		store_column_copy(s, 1, hash, AUDIT_HASH_LEN);
	}
	store_release(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, "read the audit trail");
	return G_OK;
}

int
store_audit_insert(struct store *st, const struct audit_row *row)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "INSERT INTO audit (id, at, actor, role, "
	    "station, action, object, on_behalf, outcome, prev_hash, hash) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, row->id);
	store_bind_text(s, 2, row->at);
	store_bind_text(s, 3, row->actor);
	store_bind_text(s, 4, row->role);
	store_bind_text(s, 5, row->station);
	store_bind_text(s, 6, row->action);
	store_bind_text(s, 7, row->object);
	store_bind_text(s, 8, row->on_behalf);
	store_bind_text(s, 9, row->outcome);
	store_bind_text(s, 10, row->prev_hash);
	store_bind_text(s, 11, row->hash);
	return store_step_insert(st, s, "write the audit row", NULL);
}

/* Returns column col as a string, "" for NULL. */
static const char *
column_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	return t != NULL ? (const char *)t : "";
}

int
store_audit_each(struct store *st,
    int (*fn)(const struct audit_row *row, void *arg), void *arg)
{
	struct audit_row row;
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT id, at, actor, role, station, action, "
	    "object, on_behalf, outcome, prev_hash, hash FROM audit "
	    "ORDER BY id");
	if (s == NULL)
		return G_ERR_STORE;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(s, 0);
		row.at = column_text(s, 1);
		row.actor = column_text(s, 2);
		row.role = column_text(s, 3);
		row.station = column_text(s, 4);
		row.action = column_text(s, 5);
		row.object = column_text(s, 6);
		row.on_behalf = column_text(s, 7);
		row.outcome = column_text(s, 8);
		row.prev_hash = column_text(s, 9);
		row.hash = column_text(s, 10);
		stop = fn(&row, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "read the audit trail");
	store_release(st, s);
	return stop;
}

int
store_checkpoint_insert(struct store *st, const struct checkpoint *c)
{
	sqlite3_stmt *s;

	s = store_prepare(st, "INSERT INTO audit_checkpoint (size, head, at, "
	    "public, signature) VALUES (?, ?, ?, ?, ?)");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, c->size);
	store_bind_text(s, 2, c->head);
	store_bind_text(s, 3, c->at);
	store_bind_text(s, 4, c->public);
	store_bind_text(s, 5, c->signature);
	return store_step_insert(st, s, "keep the checkpoint", NULL);
}

int
store_checkpoint_each(struct store *st,
    int (*fn)(const struct checkpoint *c, void *arg), void *arg)
{
	struct checkpoint c;
	sqlite3_stmt *s;
	int rc, stop = 0;

	s = store_prepare(st, "SELECT size, head, at, public, signature FROM "
	    "audit_checkpoint ORDER BY id");
	if (s == NULL)
		return G_ERR_STORE;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		c.size = sqlite3_column_int64(s, 0);
		store_column_copy(s, 1, c.head, sizeof c.head);
		store_column_copy(s, 2, c.at, sizeof c.at);
		store_column_copy(s, 3, c.public, sizeof c.public);
		store_column_copy(s, 4, c.signature, sizeof c.signature);
		stop = fn(&c, arg);
	}
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_fail(st, "read the checkpoints");
	store_release(st, s);
	return stop;
}

/* Copies column 0 into the 32-byte buffer at out. */
static void
copy_at(sqlite3_stmt *s, void *out)
{
	store_column_copy(s, 0, out, 32);
}

int
store_checkpoint_latest(struct store *st, char at[32])
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT at FROM audit_checkpoint ORDER BY id "
	    "DESC LIMIT 1");
	at[0] = '\0';
	return store_step_one(st, s, "read the checkpoints", copy_at, at);
}
