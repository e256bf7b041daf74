/*
 * bench-sync: how long pushing a station's outbox to a PostgreSQL centre
 * takes, next to a bare COPY of the same rows into PostgreSQL in the same
 * run.
 *
 * Each round creates a station's database with the product
 * (service_init), turns its outbox on and files N requests with bare
 * SQLite in one transaction (the outbox triggers put each in the outbox,
 * as in use); then times service_sync_once() against the centre at
 * --url, which exports, sends and merges them in batches; then reads back
 * what the centre stored and times one COPY of those rows, as text, into
 * a plain table of the same columns, and again into one with
 * central_record's primary key and index.  It reports the medians of the
 * rounds and asserts nothing.
 *
 *	bench/bench-sync --url postgresql://... [-n records] [-r rounds]
 *	    [-d database]
 *
 * bench/run-bench-sync starts a private PostgreSQL (tests/pg.sh) and runs
 * it against that.
 */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "bench-common.h"
#include "guichet/central.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/service-sync.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"

#define BENCH_DEFAULT_N		100000LL
#define BENCH_DEFAULT_PATH	"/tmp/guichet-bench-sync.db"
#define BENCH_DEFAULT_ROUNDS	3LL

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "bench-sync: %s: %s\n", what, why);
	exit(1);
}

/* Files n requests with bare SQLite, the outbox on. */
static void
fill(const char *path, long long n)
{
	sqlite3_stmt *s = NULL;
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		die(path, sqlite3_errmsg(db));
	if (sqlite3_exec(db, "PRAGMA synchronous = OFF; BEGIN; "
	    "UPDATE sync_state SET enabled = 1", NULL, NULL, NULL) !=
	    SQLITE_OK || sqlite3_prepare_v2(db, "WITH RECURSIVE k(i) AS "
	    "(SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?) "
	    "INSERT INTO request (type, department, category, filed_by, "
	    "station, filed_at, reply) SELECT 'general-request', 'registry', "
	    "'request', 'bench', 'Ghișeu bench', "
	    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
	    "'Răspuns ' || i || ': strada Memorandumului, Cluj-Napoca' FROM k",
	    -1, &s, NULL) != SQLITE_OK)
		die("fill", sqlite3_errmsg(db));
	sqlite3_bind_int64(s, 1, n);
	if (sqlite3_step(s) != SQLITE_DONE ||
	    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		die("fill", sqlite3_errmsg(db));
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* Runs sql on conn, or dies. */
static void
pg_exec(PGconn *conn, const char *sql)
{
	PGresult *res = PQexec(conn, sql);

	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		die(sql, PQerrorMessage(conn));
	PQclear(res);
}

/* Reads what the centre holds as COPY text, to send back as it is. */
static char *
copy_out(PGconn *conn, size_t *len)
{
	char *buf = NULL, *row;
	size_t cap = 0;
	PGresult *res = PQexec(conn, "COPY central_record TO STDOUT");
	int n;

	if (PQresultStatus(res) != PGRES_COPY_OUT)
		die("copy out", PQerrorMessage(conn));
	PQclear(res);
	*len = 0;
	while ((n = PQgetCopyData(conn, &row, 0)) > 0) {
		if (*len + (size_t)n > cap) {
			cap = 2 * (cap + (size_t)n);
			buf = xreallocarray(buf, cap, 1);
		}
		memcpy(buf + *len, row, (size_t)n);
		*len += (size_t)n;
		PQfreemem(row);
	}
	PQclear(PQgetResult(conn));
	return buf;
}

/* Times one COPY of buf into a table like central_record, committed:
 * bare, or with its primary key and index (keyed). */
static double
bare_copy(PGconn *conn, const char *buf, size_t len, bool keyed)
{
	PGresult *res;
	double start;

	pg_exec(conn, keyed ? "DROP TABLE IF EXISTS bare_copy; CREATE TABLE "
	    "bare_copy (LIKE central_record INCLUDING INDEXES)" :
	    "DROP TABLE IF EXISTS bare_copy; CREATE TABLE bare_copy "
	    "(LIKE central_record)");
	start = now_us();
	pg_exec(conn, "BEGIN");
	res = PQexec(conn, "COPY bare_copy FROM STDIN");
	if (PQresultStatus(res) != PGRES_COPY_IN)
		die("copy in", PQerrorMessage(conn));
	PQclear(res);
	if (PQputCopyData(conn, buf, (int)len) != 1 ||
	    PQputCopyEnd(conn, NULL) != 1)
		die("copy in", PQerrorMessage(conn));
	while ((res = PQgetResult(conn)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			die("copy in", PQerrorMessage(conn));
		PQclear(res);
	}
	pg_exec(conn, "COMMIT");
	return (now_us() - start) / 1e6;
}

/* Empties the centre and makes a station at path whose outbox holds n
 * requests; returns it open. */
static struct service *
make_station(PGconn *conn, const char *url, struct conf *conf,
    const char *path, long long n)
{
	struct service *svc;
	char *cause;

	pg_exec(conn, "DROP TABLE IF EXISTS central_record, central_registry, "
	    "central_claim, central_secret, central_clock, bare_copy; "
	    "DROP SEQUENCE IF EXISTS central_version");
	if (central_create(url, &cause) != G_OK)
		die("central init", cause);
	remove_database(path);
	if (service_init(conf, path, &cause) != G_OK)
		die(path, cause);
	fill(path, n);
	/* The fill's pages reach the disk now, not while the push is
	 * timed. */
	sync();
	if (service_open(conf, path, &svc, &cause) != G_OK)
		die(path, cause);
	return svc;
}

/* Prints the median of the n samples in s (sorted here), with the
 * fastest and slowest. */
static double
report(const char *what, double *s, int n, long long records)
{
	double median;

	qsort(s, (size_t)n, sizeof *s, compare_double);
	median = percentile(s, n, 50);
	printf("%-18s  %.2f s  %.0f records/s  (%.2f to %.2f s)\n", what,
	    median, (double)records / median, s[0], s[n - 1]);
	return median;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "url", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 }
	};
	const char *url = getenv("PG_URL"), *path = BENCH_DEFAULT_PATH;
	long long n = BENCH_DEFAULT_N, rounds = BENCH_DEFAULT_ROUNDS;
	double *push, *bare, *keyed, start, p, b, k;
	struct sync_report rep;
	struct service *svc;
	struct conf conf;
	size_t len = 0;
	PGconn *conn;
	char *rows;
	int ch, i;

	while ((ch = getopt_long(argc, argv, "n:d:r:", longopts, NULL)) !=
	    -1) {
		if (ch == 'u')
			url = optarg;
		else if (ch == 'n' && (n = parse_number(optarg, 1)) < 0)
			die("-n", "a number of records");
		else if (ch == 'r' && (rounds = parse_number(optarg, 1)) < 0)
			die("-r", "a number of rounds");
		else if (ch == 'd')
			path = optarg;
		else if (ch != 'n' && ch != 'r')
			die("usage", "bench-sync --url URL [-n records] "
			    "[-r rounds] [-d database]");
	}
	if (url == NULL)
		die("usage", "bench-sync --url URL (or PG_URL)");
	conn = PQconnectdb(url);
	if (PQstatus(conn) != CONNECTION_OK)
		die(url, PQerrorMessage(conn));
	pg_exec(conn, "SET client_min_messages = warning");
	conf_defaults(&conf);
	free(conf.central);
	conf.central = xstrdup(url);
	push = xcalloc((size_t)rounds, sizeof *push);
	bare = xcalloc((size_t)rounds, sizeof *bare);
	keyed = xcalloc((size_t)rounds, sizeof *keyed);

	/* Round after round, the three in turn, so that what the machine
	 * does meanwhile weighs on each alike. */
	for (i = 0; i < rounds; i++) {
		svc = make_station(conn, url, &conf, path, n);
		start = now_us();
		if (service_sync_once(svc, &rep, NULL, NULL) != G_OK)
			die("sync", service_message(svc));
		push[i] = (now_us() - start) / 1e6;
		service_close(svc);
		if (rep.pushed != n)
			die("sync", "not every record was pushed");
		rows = copy_out(conn, &len);
		bare[i] = bare_copy(conn, rows, len, false);
		keyed[i] = bare_copy(conn, rows, len, true);
		free(rows);
	}
	printf("records             %lld (%.1f MB as COPY text), %lld "
	    "rounds, medians\n", n, (double)len / 1e6, rounds);
	p = report("guichet sync push", push, (int)rounds, n);
	b = report("bare COPY", bare, (int)rounds, n);
	k = report("bare COPY, keyed", keyed, (int)rounds, n);
	printf("ratio               %.2fx (%.2fx of the keyed COPY: primary "
	    "key and version index, as central_record)\n", p / b, p / k);
	PQfinish(conn);
	conf_free(&conf);
	free(push);
	free(bare);
	free(keyed);
	return 0;
}
