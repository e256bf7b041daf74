#include "config.h"

#include "guichet/store-poll.h"

#include <string.h>

#include "guichet/clock.h"
#include "guichet/err.h"
#include "store-internal.h"

int
store_poll_insert(struct store *st, struct poll *p, const char *by)
{
	char now[CLOCK_ISO_LEN];
	sqlite3_stmt *s;
	int i, rc;

	clock_now_iso(now, sizeof now);
	s = store_prepare(st, "INSERT INTO poll (question, opens_on, "
	    "closes_on, level, created_by, created_at) VALUES (?, ?, ?, ?, ?, "
	    "?)");
	if (s != NULL) {
		store_bind_text(s, 1, p->question);
		store_bind_text(s, 2, p->opens_on);
		store_bind_text(s, 3, p->closes_on);
		store_bind_text(s, 4, p->validated_only ? "validated" :
		    "standard");
		store_bind_text(s, 5, by);
		store_bind_text(s, 6, now);
	}
	rc = store_step_insert(st, s, "create the poll", &p->id);
	for (i = 0; rc == G_OK && i < p->noptions; i++) {
		s = store_prepare(st, "INSERT INTO poll_option (poll_id, "
		    "position, label) VALUES (?, ?, ?)");
		if (s != NULL) {
			sqlite3_bind_int64(s, 1, p->id);
			sqlite3_bind_int(s, 2, i);
			store_bind_text(s, 3, p->options[i]);
		}
		rc = store_step_insert(st, s, "create the poll", NULL);
	}
	return rc;
}

static void
poll_from_row(sqlite3_stmt *s, void *arg)
{
	struct poll *p = arg;

	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	store_column_copy(s, 1, p->question, sizeof p->question);
	store_column_copy(s, 2, p->opens_on, sizeof p->opens_on);
	store_column_copy(s, 3, p->closes_on, sizeof p->closes_on);
	p->validated_only = strcmp((const char *)sqlite3_column_text(s, 4),
	    "validated") == 0;
}

/* Adds poll p's options, counts and the person's vote. */
static int
poll_details(struct store *st, int64_t person_id, struct poll *p)
{
	sqlite3_stmt *s;
	int64_t count = 0;
	int rc, n = 0;

	/* This station's votes and those the others counted. */
	s = store_prepare(st, "SELECT label, votes + COALESCE((SELECT "
	    "SUM(c.votes) FROM poll_count c WHERE c.poll_id = o.poll_id AND "
	    "c.position = o.position), 0) FROM poll_option o WHERE "
	    "poll_id = ? ORDER BY position");
	if (s == NULL)
		return G_ERR_STORE;
	sqlite3_bind_int64(s, 1, p->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < POLL_OPTIONS_MAX) {
		store_column_copy(s, 0, p->options[n], sizeof p->options[n]);
		p->votes[n++] = sqlite3_column_int64(s, 1);
	}
	p->noptions = n;
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? G_OK :
	    store_fail(st, "read the poll");
	store_release(st, s);
	if (rc != G_OK || person_id == 0)
		return rc;
	s = store_prepare(st, "SELECT COUNT(*) FROM poll_voter WHERE "
	    "poll_id = ? AND person_id = ?");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, p->id);
		sqlite3_bind_int64(s, 2, person_id);
	}
	rc = store_step_one(st, s, "read the poll", store_fill_id, &count);
	p->voted = count > 0;
	return rc;
}

int
store_poll_get(struct store *st, int64_t id, int64_t person_id,
    struct poll *out)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT id, question, opens_on, "
	    "closes_on, level FROM poll WHERE id = ?");
	int rc;

	if (s != NULL)
		sqlite3_bind_int64(s, 1, id);
	if ((rc = store_step_one(st, s, "read the poll", poll_from_row,
	    out)) != G_OK)
		return rc;
	return poll_details(st, person_id, out);
}

int
store_poll_each(struct store *st, const char *day, int64_t person_id,
    int (*fn)(const struct poll *p, void *arg), void *arg)
{
	int64_t ids[64];
	struct poll p;
	sqlite3_stmt *s;
	int rc, n = 0, i;

	s = store_prepare(st, "SELECT id FROM poll WHERE ?1 IS NULL OR "
	    "(opens_on <= ?1 AND closes_on >= ?1) ORDER BY id DESC LIMIT 64");
	if (s == NULL)
		return G_ERR_STORE;
	store_bind_text(s, 1, day);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(s, 0);
	rc = rc == SQLITE_DONE ? G_OK : store_fail(st, "list the polls");
	store_release(st, s);
	for (i = 0; i < n && rc == G_OK; i++)
		if ((rc = store_poll_get(st, ids[i], person_id, &p)) == G_OK &&
		    fn(&p, arg) != 0)
			break;
	return rc;
}

int
store_poll_vote(struct store *st, int64_t id, int64_t person_id,
    const char *origin, int option)
{
	sqlite3_stmt *s;
	int rc;

	s = store_prepare(st, "INSERT INTO poll_voter (poll_id, person_id, "
	    "origin) VALUES (?, ?, ?)");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, person_id);
		store_bind_text(s, 3, origin);
	}
	if ((rc = store_step_insert(st, s, "record the vote", NULL)) != G_OK)
		return rc;
	s = store_prepare(st, "UPDATE poll_option SET votes = votes + 1 "
	    "WHERE poll_id = ? AND position = ?");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, option);
	}
	return store_step_change(st, s, "count the vote", true);
}

/* Copies column 0, the key, into out. */
static void
vote_key_from_row(sqlite3_stmt *s, void *out)
{
	store_column_copy(s, 0, out, STORE_VOTE_KEY_LEN);
}

int
store_poll_vote_key(struct store *st, int64_t id, int64_t person_id,
    char out[STORE_VOTE_KEY_LEN])
{
	sqlite3_stmt *s;

	s = store_prepare(st, "SELECT 'vote:' || p.uid || ':' || q.uid FROM "
	    "poll p, person q WHERE p.id = ? AND q.id = ?");
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, person_id);
	}
	return store_step_one(st, s, "name the vote", vote_key_from_row, out);
}
