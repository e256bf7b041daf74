/*
 * The central store in PostgreSQL, through libpq.  A push runs under a
 * lock that orders pushes, so versions are committed in the order they
 * are given and a station pulling after version v never misses one below
 * it: it looks up which of its records the centre holds already (but for
 * those the station made since its last push), COPYs the new ones
 * straight in (one round trip for the batch), and merges the others
 * through a temporary table with one UPDATE.  Protocol numbers are given
 * under a lock of their own.
 */
#include "config.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "central-internal.h"
#include "guichet/err.h"
#include "guichet/xmalloc.h"

#define CONNECT_TIMEOUT "5"	/* seconds: an unreachable centre must not
				 * hold a station up */

struct central_pg {
	struct central base;
	PGconn *conn;
};

static const char schema[] =
	"CREATE SEQUENCE IF NOT EXISTS central_version;"
	"CREATE TABLE IF NOT EXISTS central_record ("
	" tbl text COLLATE \"C\" NOT NULL, uid text COLLATE \"C\" NOT NULL,"
	" station text NOT NULL,"
	" rank bigint NOT NULL, changed_at text NOT NULL, body text NOT NULL,"
	" version bigint NOT NULL DEFAULT nextval('central_version'),"
	" PRIMARY KEY (tbl, uid));"
	"CREATE INDEX IF NOT EXISTS central_record_version"
	" ON central_record USING brin (version);"
	"CREATE TABLE IF NOT EXISTS central_clock ("
	" id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);"
	"INSERT INTO central_clock VALUES (1, 0) ON CONFLICT DO NOTHING;"
	"CREATE TABLE IF NOT EXISTS central_registry ("
	" year integer NOT NULL, number bigint NOT NULL,"
	" request_uid text NOT NULL UNIQUE, station text NOT NULL,"
	" at timestamptz NOT NULL DEFAULT now(),"
	" PRIMARY KEY (year, number));"
	"CREATE TABLE IF NOT EXISTS central_claim ("
	" key text PRIMARY KEY, station text NOT NULL,"
	" at timestamptz NOT NULL DEFAULT now());"
	"CREATE TABLE IF NOT EXISTS central_secret ("
	" id integer PRIMARY KEY CHECK (id = 1), key bytea NOT NULL);";

static PGconn *
conn_of(struct central *c)
{
	return ((struct central_pg *)c)->conn;
}

/* Sets *cause from the connection's last error, prefixed by what was
 * being done; returns G_ERR_IO. */
static int
fail(struct central *c, const char *doing, char **cause)
{
	const char *msg = PQerrorMessage(conn_of(c));
	size_t len = strlen(msg);

	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		len--;
	*cause = xasprintf("central store: %s: %.*s", doing, (int)len, msg);
	return G_ERR_IO;
}

/* Runs sql (no parameters) and checks it went through. */
static int
exec(struct central *c, const char *sql, const char *doing, char **cause)
{
	PGresult *res = PQexec(conn_of(c), sql);
	ExecStatusType st = PQresultStatus(res);
	int rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? G_OK :
	    fail(c, doing, cause);

	PQclear(res);
	return rc;
}

/* Ends the transaction: commits when rc is G_OK, else rolls back. */
static int
finish(struct central *c, int rc, char **cause)
{
	char *ignored = NULL;

	if (rc == G_OK)
		return exec(c, "COMMIT", "commit", cause);
	exec(c, "ROLLBACK", "roll back", &ignored);
	free(ignored);
	return rc;
}

/* The COPY of records into central_record, each with its version. */
#define COPY_RECORDS "COPY central_record (version, tbl, uid, station, " \
	"rank, changed_at, body) FROM STDIN"

/* A COPY's data goes in pieces of about this size, so that the centre
 * stores the first records while the next are written out. */
#define COPY_PIECE (256 * 1024)

/* A growing text buffer. */
struct text {
	char *p;
	size_t len, cap;
};

/* Appends n bytes of s, keeping the text NUL-terminated. */
static void
put_bytes(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		while (t->len + n + 1 > t->cap)
			t->cap = t->cap ? 2 * t->cap : 4096;
		t->p = xreallocarray(t->p, t->cap, 1);
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

static void
put(struct text *t, char ch)
{
	put_bytes(t, &ch, 1);
}

/* Appends a field of a COPY line, escaped for COPY's text format
 * (backslash, tab, newline, carriage return), then sep; the runs
 * between escapes go in whole. */
static void
put_field(struct text *t, const char *field, char sep)
{
	const char *p = field;
	size_t run;

	for (;;) {
		run = strcspn(p, "\\\t\n\r");
		put_bytes(t, p, run);
		p += run;
		if (*p == '\0')
			break;
		put(t, '\\');
		put(t, *p == '\\' ? '\\' : *p == '\t' ? 't' : *p == '\n' ? 'n' :
		    'r');
		p++;
	}
	put(t, sep);
}

/* Appends an element of an array literal, quoted. */
static void
put_element(struct text *t, const char *element)
{
	const char *p;

	put(t, t->len > 1 ? ',' : '{');
	put(t, '"');
	for (p = element; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			put(t, '\\');
		put(t, *p);
	}
	put(t, '"');
}

/* Sends what t holds of a COPY's data and empties it. */
static int
send_piece(struct central *c, struct text *t, char **cause)
{
	int rc = G_OK;

	if (t->len > 0 && PQputCopyData(conn_of(c), t->p, (int)t->len) != 1)
		rc = fail(c, "send the records", cause);
	t->len = 0;
	return rc;
}

/* Sends the records marked in take (all when take is NULL) with the COPY
 * of sql: columns base plus the record's place in the batch, tbl, uid,
 * station, rank, changed_at, body.  G_ERR_EXISTS when the centre holds
 * one of them already under a unique key. */
static int
copy_in(struct central *c, const char *sql, const struct central_record *r,
    int n, const bool *take, int64_t base, char **cause)
{
	struct text t = { NULL, 0, 0 };
	char number[24];
	const char *state;
	PGresult *res;
	int rc = G_OK, i;

	res = PQexec(conn_of(c), sql);
	if (PQresultStatus(res) != PGRES_COPY_IN)
		rc = fail(c, "send the records", cause);
	PQclear(res);
	for (i = 0; rc == G_OK && i < n; i++) {
		if (take != NULL && !take[i])
			continue;
		snprintf(number, sizeof number, "%lld", (long long)(base + i));
		put_field(&t, number, '\t');
		snprintf(number, sizeof number, "%lld", (long long)r[i].rank);
		put_field(&t, r[i].tbl, '\t');
		put_field(&t, r[i].uid, '\t');
		put_field(&t, r[i].station, '\t');
		put_field(&t, number, '\t');
		put_field(&t, r[i].changed_at, '\t');
		put_field(&t, r[i].body, '\n');
		if (t.len >= COPY_PIECE)
			rc = send_piece(c, &t, cause);
	}
	if (rc == G_OK)
		rc = send_piece(c, &t, cause);
	free(t.p);
	if (PQputCopyEnd(conn_of(c), rc == G_OK ? NULL : "failed") != 1 &&
	    rc == G_OK)
		rc = fail(c, "send the records", cause);
	while ((res = PQgetResult(conn_of(c))) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == G_OK) {
			rc = fail(c, "send the records", cause);
			state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
			if (state != NULL && strcmp(state, "23505") == 0)
				rc = G_ERR_EXISTS;	/* unique_violation */
		}
		PQclear(res);
	}
	return rc;
}

/* Orders records by table and uid, through pointers to them. */
static int
by_key(const void *a, const void *b)
{
	const struct central_record *const *x = a, *const *y = b;
	int d = strcmp((*x)->tbl, (*y)->tbl);

	return d != 0 ? d : strcmp((*x)->uid, (*y)->uid);
}

/* Marks in known those of the records of one table, sorted by uid from
 * p[0] to p[m - 1], that the centre holds already; adds them to *count.
 * The lookup goes through the primary key, whatever the size of the
 * centre. */
static int
find_known_in_table(struct central *c, const struct central_record *r,
    const struct central_record **p, int m, bool *known, int *count,
    char **cause)
{
	struct text uids = { NULL, 0, 0 };
	const char *params[2] = { p[0]->tbl, NULL };
	struct central_record key;
	const struct central_record **hit, *k = &key;
	PGresult *res;
	int rc = G_OK, i, rows;

	for (i = 0; i < m; i++)
		put_element(&uids, p[i]->uid);
	put(&uids, '}');
	params[1] = uids.p;
	res = PQexecParams(conn_of(c), "SELECT uid FROM central_record "
	    "WHERE tbl = $1 AND uid = ANY ($2::text[])", 2, NULL, params,
	    NULL, NULL, 0);
	free(uids.p);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = fail(c, "look the records up", cause);
	rows = rc == G_OK ? PQntuples(res) : 0;
	snprintf(key.tbl, sizeof key.tbl, "%s", p[0]->tbl);
	for (i = 0; i < rows; i++) {
		snprintf(key.uid, sizeof key.uid, "%s", PQgetvalue(res, i, 0));
		hit = bsearch(&k, p, (size_t)m, sizeof *p, by_key);
		if (hit != NULL && !known[*hit - r]) {
			known[*hit - r] = true;
			++*count;
		}
	}
	PQclear(res);
	return rc;
}

/* Marks in known the records the centre holds already (by table and
 * uid), but for those the station says are fresh when trust_fresh;
 * *count says how many. */
static int
find_known(struct central *c, const struct central_record *r, int n,
    bool trust_fresh, bool *known, int *count, char **cause)
{
	const struct central_record **p = xcalloc((size_t)n, sizeof *p);
	int rc = G_OK, i, m = 0, from;

	*count = 0;
	for (i = 0; i < n; i++)
		if (!trust_fresh || !r[i].fresh)
			p[m++] = &r[i];
	qsort(p, (size_t)m, sizeof *p, by_key);
	for (from = 0, i = 1; rc == G_OK && i <= m; i++)
		if (i == m || strcmp(p[i]->tbl, p[from]->tbl) != 0) {
			rc = find_known_in_table(c, r, p + from, i - from,
			    known, count, cause);
			from = i;
		}
	free(p);
	return rc;
}

/* Stores the batch: the records new to the centre go straight in with
 * versions from base on, in the order given; those it holds already
 * through the staged table, replacing what they outrank, with versions
 * after.  When trust_fresh, the records the station says are fresh are
 * taken as new without a lookup: G_ERR_EXISTS when one was not. */
static int
store_batch(struct central *c, const struct central_record *r, int n,
    int64_t base, bool trust_fresh, char **cause)
{
	/* absent: the records new to the centre (not only those marked
	 * fresh) */
	bool *known = xcalloc((size_t)n, sizeof *known), *absent;
	int rc, i, nknown = 0;

	absent = xcalloc((size_t)n, sizeof *absent);
	rc = find_known(c, r, n, trust_fresh, known, &nknown, cause);
	for (i = 0; i < n; i++)
		absent[i] = !known[i];
	if (rc == G_OK && nknown < n)
		rc = copy_in(c, COPY_RECORDS, r, n, absent, base, cause);
	if (rc == G_OK && nknown > 0)
		rc = copy_in(c, "COPY staged FROM STDIN", r, n, known, 0,
		    cause);
	if (rc == G_OK && nknown > 0)
		rc = exec(c, "UPDATE central_record AS k SET station = "
		    "s.station, rank = s.rank, changed_at = s.changed_at, "
		    "body = s.body, version = nextval('central_version') FROM "
		    "(SELECT * FROM staged ORDER BY n) s WHERE k.tbl = s.tbl AND "
		    "k.uid = s.uid AND s.body <> k.body AND (s.rank > k.rank OR "
		    "(s.rank = k.rank AND s.changed_at >= k.changed_at))",
		    "store the records", cause);
	free(known);
	free(absent);
	return rc;
}

/* Runs sql, with the parameters given, for one number; G_ERR_IO with
 * *cause saying what was being done when it gave none. */
static int
query_number(struct central *c, const char *sql, int nparams,
    const char *const *params, int64_t *number, const char *doing,
    char **cause)
{
	PGresult *res = PQexecParams(conn_of(c), sql, nparams, NULL, params,
	    NULL, NULL, 0);
	int rc = G_OK;

	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
		rc = fail(c, doing, cause);
	else
		*number = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return rc;
}

/* Reads the newest version a push has committed into *top. */
static int
read_clock(struct central *c, int64_t *top, char **cause)
{
	return query_number(c, "SELECT version FROM central_clock", 0, NULL,
	    top, "read the clock", cause);
}

/* Under a lock that orders pushes, the batch takes its versions at once.
 * The records the station made since its last push (most, in a big
 * push) go in with no lookup; when the centre holds one after all (that
 * push was cut short after the centre committed it), the batch is taken
 * back and every record looked up.  clock[0] and clock[1] are the
 * newest version committed before the batch and with it. */
static int
pg_push(struct central *c, const struct central_record *r, int n,
    int64_t clock[2], char **cause)
{
	char count[24];
	const char *params[1] = { count };
	int64_t base = 0;
	int rc;

	rc = exec(c, "BEGIN; LOCK TABLE central_record IN SHARE ROW EXCLUSIVE "
	    "MODE; SAVEPOINT fresh", "prepare the push", cause);
	if (rc != G_OK)
		return finish(c, rc, cause);
	snprintf(count, sizeof count, "%d", n);
	if ((rc = read_clock(c, &clock[0], cause)) == G_OK)
		rc = query_number(c, "SELECT setval('central_version', "
		    "nextval('central_version') + $1::integer - 1) - "
		    "$1::integer + 1", 1, params, &base, "number the records",
		    cause);
	if (rc == G_OK && (rc = store_batch(c, r, n, base, true, cause)) ==
	    G_ERR_EXISTS) {
		free(*cause);
		*cause = NULL;
		if ((rc = exec(c, "ROLLBACK TO fresh", "prepare the push",
		    cause)) == G_OK)
			rc = store_batch(c, r, n, base, false, cause);
	}
	if (rc == G_OK)
		rc = query_number(c, "UPDATE central_clock SET version = "
		    "(SELECT last_value FROM central_version) RETURNING version",
		    0, NULL, &clock[1], "count the versions", cause);
	return finish(c, rc, cause);
}

/* Reads the records after version after that other stations pushed,
 * up to limit, in order, passing each to fn; *seen becomes the last
 * one's version. */
static int
read_records(struct central *c, int64_t after, const char *station,
    int limit, int (*fn)(const struct central_record *r, void *arg),
    void *arg, int64_t *seen, int *rows, char **cause)
{
	char after_text[24], limit_text[24];
	const char *params[3] = { after_text, station, limit_text };
	struct central_record r;
	PGresult *res;
	int rc = G_OK, i;

	snprintf(after_text, sizeof after_text, "%lld", (long long)after);
	snprintf(limit_text, sizeof limit_text, "%d", limit);
	res = PQexecParams(conn_of(c), "SELECT tbl, uid, station, rank, "
	    "changed_at, body, version FROM central_record WHERE "
	    "version > $1::bigint AND station <> $2 AND tbl <> 'audit' "
	    "ORDER BY version LIMIT $3::integer", 3, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = fail(c, "read records", cause);
		PQclear(res);
		return rc;
	}
	*rows = PQntuples(res);
	for (i = 0; rc == G_OK && i < *rows; i++) {
		memset(&r, 0, sizeof r);
		snprintf(r.tbl, sizeof r.tbl, "%s", PQgetvalue(res, i, 0));
		snprintf(r.uid, sizeof r.uid, "%s", PQgetvalue(res, i, 1));
		snprintf(r.station, sizeof r.station, "%s",
		    PQgetvalue(res, i, 2));
		r.rank = strtoll(PQgetvalue(res, i, 3), NULL, 10);
		snprintf(r.changed_at, sizeof r.changed_at, "%s",
		    PQgetvalue(res, i, 4));
		r.body = PQgetvalue(res, i, 5);
		r.version = strtoll(PQgetvalue(res, i, 6), NULL, 10);
		rc = fn(&r, arg);
		*seen = r.version;
	}
	PQclear(res);
	return rc;
}

/* The clock and the records are read in one snapshot, so that every
 * version up to the clock's is there: pushes commit their versions in
 * order, under their lock.  A station that has seen the clock's version
 * asks for no records: the search would read every row the version
 * index has not summarized yet (a whole push, right after one). */
static int
pg_pull(struct central *c, int64_t after, const char *station, int limit,
    int (*fn)(const struct central_record *r, void *arg), void *arg,
    int64_t *seen, char **cause)
{
	int64_t top = 0;
	int rc, rows = 0;

	if ((rc = exec(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
	    "begin", cause)) != G_OK)
		return rc;
	rc = read_clock(c, &top, cause);
	if (rc == G_OK && top > after)
		rc = read_records(c, after, station, limit, fn, arg, seen,
		    &rows, cause);
	if (rc == G_OK && rows < limit && top > *seen)
		*seen = top;
	return finish(c, rc, cause);
}

static int
pg_number(struct central *c, int year, const char *request_uid,
    const char *station, int64_t *number, char **cause)
{
	char year_text[16];
	const char *params[3] = { year_text, request_uid, station };
	PGresult *res;
	int rc;

	snprintf(year_text, sizeof year_text, "%d", year);
	if ((rc = exec(c, "BEGIN; LOCK TABLE central_registry IN SHARE ROW "
	    "EXCLUSIVE MODE", "begin", cause)) != G_OK)
		return finish(c, rc, cause);
	res = PQexecParams(conn_of(c), "INSERT INTO central_registry (year, "
	    "number, request_uid, station) SELECT $1::integer, "
	    "COALESCE(MAX(number), 0) + 1, $2, $3 FROM central_registry "
	    "WHERE year = $1::integer ON CONFLICT (request_uid) DO NOTHING",
	    3, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = fail(c, "give a protocol number", cause);
	PQclear(res);
	if (rc == G_OK)
		rc = query_number(c, "SELECT number FROM central_registry "
		    "WHERE request_uid = $1", 1, params + 1, number,
		    "read a protocol number", cause);
	return finish(c, rc, cause);
}

/* Two statements, each its own transaction, so that the read sees the
 * row of a station that claimed the key while the insert waited. */
static int
pg_claim(struct central *c, const char *key, const char *station,
    char *holder, char **cause)
{
	const char *params[2] = { key, station };
	PGresult *res;
	int rc = G_OK;

	res = PQexecParams(conn_of(c), "INSERT INTO central_claim (key, "
	    "station) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", 2, NULL,
	    params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = fail(c, "claim", cause);
	PQclear(res);
	if (rc != G_OK)
		return rc;
	res = PQexecParams(conn_of(c), "SELECT station FROM central_claim "
	    "WHERE key = $1", 1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
		rc = fail(c, "read a claim", cause);
	else
		snprintf(holder, 96, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return rc;
}

static int
pg_secret(struct central *c, const unsigned char *offered,
    unsigned char *out, char **cause)
{
	const char *params[1] = { (const char *)offered };
	const int lengths[1] = { CENTRAL_SECRET_BYTES }, binary[1] = { 1 };
	PGresult *res;
	int rc;

	if ((rc = exec(c, "BEGIN", "begin", cause)) != G_OK)
		return rc;
	res = PQexecParams(conn_of(c), "INSERT INTO central_secret (id, key) "
	    "VALUES (1, $1) ON CONFLICT (id) DO NOTHING", 1, NULL, params,
	    lengths, binary, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = fail(c, "keep the secret", cause);
	PQclear(res);
	if (rc == G_OK) {
		res = PQexecParams(conn_of(c), "SELECT key FROM central_secret "
		    "WHERE id = 1", 0, NULL, NULL, NULL, NULL, 1);
		if (PQresultStatus(res) != PGRES_TUPLES_OK ||
		    PQntuples(res) != 1 ||
		    PQgetlength(res, 0, 0) != CENTRAL_SECRET_BYTES)
			rc = fail(c, "read the secret", cause);
		else
			memcpy(out, PQgetvalue(res, 0, 0), CENTRAL_SECRET_BYTES);
		PQclear(res);
	}
	return finish(c, rc, cause);
}

static void
pg_close(struct central *c)
{
	PQfinish(conn_of(c));
	free(c);
}

static const struct central_ops pg_ops = {
	.push = pg_push,
	.pull = pg_pull,
	.number = pg_number,
	.claim = pg_claim,
	.secret = pg_secret,
	.close = pg_close,
};

int
central_pg_open(const char *url, bool create, struct central **out,
    char **cause)
{
	/* The url's own settings win over the default timeout. */
	const char *keys[] = { "connect_timeout", "dbname", NULL };
	const char *values[] = { CONNECT_TIMEOUT, url, NULL };
	struct central_pg *cp = xcalloc(1, sizeof *cp);
	int rc = G_OK;

	cp->base.ops = &pg_ops;
	cp->conn = PQconnectdbParams(keys, values, 1);
	if (PQstatus(cp->conn) != CONNECTION_OK)
		rc = fail(&cp->base, "cannot connect", cause);
	/* The server's notices (a table there already) say nothing to a
	 * clerk or an admin. */
	if (rc == G_OK)
		rc = exec(&cp->base, "SET client_min_messages = warning; "
		    "SET synchronous_commit = on", "set up", cause);
	if (rc == G_OK && create)
		rc = exec(&cp->base, schema, "create the tables", cause);
	if (rc == G_OK)
		rc = exec(&cp->base, "CREATE TEMPORARY TABLE staged (n integer, "
		    "tbl text, uid text, station text, rank bigint, "
		    "changed_at text, body text) ON COMMIT DELETE ROWS",
		    "set up", cause);
	if (rc != G_OK) {
		pg_close(&cp->base);
		return rc;
	}
	*out = &cp->base;
	return G_OK;
}
