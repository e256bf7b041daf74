/*
 * bench-register: how long one taxpayer's register screen takes to read
 * with a large register stored.
 *
 * Creates a database with the product (service_init), fills the register
 * tables with generated taxpayers, units, obligations, payments and
 * allocations (or reuses a file that holds as many), then times
 * service_register_open() on random taxpayers, the bare SQLite reads of
 * the same rows on the same file in the same run, and the product's path
 * part by part.  It reports figures and asserts nothing: a slow machine
 * is not a failing build.
 *
 * The generator writes with bare SQLite, synchronous and journal off, in
 * a few big transactions: it makes test data, it is not what is measured.
 * The rows are shaped as the tax office's feed gives them.  The bare
 * queries are SQL of the benchmark's own, except the obligations query,
 * which is the store's (src/store/store-register.c), prepared once.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench-common.h"
#include "guichet/audit.h"
#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/demo.h"
#include "guichet/dues.h"
#include "guichet/embedded.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/register.h"
#include "guichet/role.h"
#include "guichet/service-register.h"
#include "guichet/service.h"
#include "guichet/store-audit.h"
#include "guichet/store-register.h"
#include "guichet/store.h"
#include "guichet/xmalloc.h"

#define BENCH_DEFAULT_N		1000000LL
#define BENCH_DEFAULT_O		10
#define BENCH_DEFAULT_PATH	"/tmp/guichet-bench-register.db"
#define BENCH_DEFAULT_Q		2000
#define BENCH_BATCH		100000	/* taxpayers per generating transaction */
#define BENCH_YEARS		5	/* obligations spread over as many years */
#define BENCH_ID_BASE		1000000000000LL	/* 13-digit national ids */
#define BENCH_DATA_SEED		7ULL
#define BENCH_QUERY_SEED	20240601ULL
#define BENCH_MMAP		"268435456"	/* as the store sets it */
#define BENCH_USER		"bench"
#define BENCH_IBAN		"RO50TREZ2165070XXX000123"

/* The store's obligations query (store_register_obligations), verbatim:
 * the bare path runs the same SQL, prepared once. */
#define OBLIGATIONS_SQL "WITH mine(id) AS (" \
	"SELECT id FROM obligation WHERE taxpayer_id = ?1 UNION " \
	"SELECT o.id FROM unit_owner w JOIN obligation o " \
	"ON o.unit_id = w.unit_id WHERE w.taxpayer_id = ?1) " \
	"SELECT o.id, o.ref, o.taxpayer_id, COALESCE(o.unit_id, 0), " \
	"COALESCE(u.code, ''), o.tax_type, o.name, o.tax_year, " \
	"o.principal, o.notice, o.notice_date, o.due_date, o.iban, o.rf, " \
	"o.discountable, COALESCE(SUM(a.principal), 0), " \
	"COALESCE(SUM(a.charges), 0), COALESCE(SUM(a.closed_charges), 0), " \
	"COALESCE(SUM(a.discount), 0) FROM mine " \
	"JOIN obligation o ON o.id = mine.id " \
	"LEFT JOIN taxable_unit u ON u.id = o.unit_id " \
	"LEFT JOIN allocation a ON a.obligation_id = o.id " \
	"GROUP BY o.id ORDER BY o.due_date, o.id"

struct opts {
	long long n;		/* taxpayers */
	int o;			/* obligations per taxpayer */
	const char *path;
	int q;
	bool fresh;
	bool warmup;
	bool verbose;
};

/* The parts of the product's path, timed one by one. */
enum part { P_BEGIN, P_TAXPAYER, P_OBLIGATIONS, P_UNITS, P_PAYMENTS,
	P_REFRESHED, P_DUES, P_AUDIT, P_COMMIT, P_COUNT };

static const char *const part_names[P_COUNT] = {
	"store_begin (writer lock, BEGIN IMMEDIATE)",
	"store_taxpayer_find",
	"store_register_obligations",
	"store_register_units",
	"store_register_payments",
	"store_register_refreshed",
	"dues on the day + discount offer",
	"audit row (last, SHA-256 chain, insert)",
	"store_commit (synchronous=FULL, WAL)",
};

/* The timings of one measurement, in microseconds. */
struct series {
	double *us;
	int n;
};

/* What one lookup returned, to compare the paths. */
struct counts {
	int obligations, units, payments;
};

/* The bare engine's prepared statements. */
enum bare_stmt { B_TAXPAYER, B_OBLIGATIONS, B_UNITS, B_PAYMENTS, B_COUNT };

static int
usage(void)
{
	fprintf(stderr, "usage: bench-register [-fv] [-n taxpayers] "
	    "[-o obligations] [-d database] [-q queries] [--no-warmup]\n");
	return 2;
}

/* The national id of taxpayer number id (1-based): 13 digits. */
static void
national_id(long long id, char *out, size_t len)
{
	snprintf(out, len, "%lld", BENCH_ID_BASE + id);
}

/* Returns the first value of sql (one row, one integer) on db, or -1. */
static long long
query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Checks that an existing database holds o->n taxpayers and o->n * o->o
 * obligations, so that a rerun skips generating; false (with a message)
 * when it does not. */
static bool
bench_reusable(const struct opts *o)
{
	long long taxpayers, obligations;
	sqlite3 *db = NULL;
	bool ok = false;

	if (sqlite3_open_v2(o->path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "bench-register: %s: %s\n", o->path,
		    sqlite3_errmsg(db));
		sqlite3_close(db);
		return false;
	}
	taxpayers = query_int(db, "SELECT COUNT(*) FROM taxpayer");
	obligations = query_int(db, "SELECT COUNT(*) FROM obligation");
	if (taxpayers < 0 || obligations < 0)
		fprintf(stderr, "bench-register: %s: %s (use -f to rebuild "
		    "it)\n", o->path, sqlite3_errmsg(db));
	else if (taxpayers != o->n || obligations != o->n * o->o)
		fprintf(stderr, "bench-register: %s holds %lld taxpayers and "
		    "%lld obligations, not %lld and %lld: use -f to rebuild "
		    "it or -d for another file\n", o->path, taxpayers,
		    obligations, o->n, o->n * o->o);
	else
		ok = true;
	sqlite3_close(db);
	return ok;
}

/* Steps s (binds done) to its end and resets it. */
static int
step_reset(sqlite3 *db, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "bench-register: generating: %s\n",
		    sqlite3_errmsg(db));
		return G_ERR_STORE;
	}
	return G_OK;
}

/* The generator's statements, prepared once and reused for every row. */
enum gen_stmt { G_TAXPAYER, G_UNIT, G_OWNER, G_OBLIGATION, G_PAYMENT,
	G_ALLOCATION, G_COUNT };

static const char *const gen_sql[G_COUNT] = {
	"INSERT INTO taxpayer (id, national_id, name, address) "
	    "VALUES (?, ?, ?, ?)",
	"INSERT INTO taxable_unit (id, code, kind, description, address) "
	    "VALUES (?, ?, 'building', 'Apartament', ?)",
	"INSERT INTO unit_owner (unit_id, taxpayer_id, share_num, share_den) "
	    "VALUES (?, ?, 1, ?)",
	"INSERT INTO obligation (id, ref, taxpayer_id, unit_id, tax_type, "
	    "name, tax_year, principal, notice, notice_date, due_date, iban, "
	    "rf, discountable) VALUES (?, ?, ?, ?, 'building', "
	    "'Impozit pe clădiri', ?, ?, ?, ?, ?, '" BENCH_IBAN "', ?, 1)",
	"INSERT INTO payment (id, key, taxpayer_id, payer, amount, paid_on, "
	    "channel, advice, bank, registered_at, registered_by) "
	    "VALUES (?, ?, ?, ?, ?, ?, 'bank', ?, 'Trezoreria', ?, "
	    "'guichetctl:" BENCH_USER "')",
	"INSERT INTO allocation (payment_id, obligation_id, principal) "
	    "VALUES (?, ?, ?)",
};

/* Fills the register tables of the empty database o->path for the years
 * first_year.. : o->n taxpayers, each owning a building (every tenth
 * co-owning the next one's, half and half), o->o obligations each in two
 * instalments a year, and for every other taxpayer a bank payment of the
 * oldest one.  Bare SQLite, synchronous and journal off, BENCH_BATCH
 * taxpayers a transaction; the file goes back to WAL at the end. */
static int
bench_fill(const struct opts *o, int first_year, long long *payments)
{
	char nid[32], name[96], addr[128], code[32], ref[32], rf[40],
	    notice[48], notice_date[16], due[16], key[48], advice[32],
	    now[32];
	sqlite3_stmt *s[G_COUNT] = { NULL };
	sqlite3_stmt *st;
	struct demo_rng rng;
	long long t, ob_id = 0, pay_id = 0, first_ob = 0, first_principal = 0;
	int64_t principal;
	sqlite3 *db = NULL;
	double start, secs;
	int k, g, year, rc = G_OK;

	*payments = 0;
	if (sqlite3_open(o->path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = OFF; "
	    "PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; "
	    "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-register: %s: %s\n", o->path,
		    sqlite3_errmsg(db));
		sqlite3_close(db);
		return G_ERR_STORE;
	}
	for (g = 0; g < G_COUNT; g++)
		if (sqlite3_prepare_v2(db, gen_sql[g], -1, &s[g], NULL) !=
		    SQLITE_OK) {
			fprintf(stderr, "bench-register: %s\n",
			    sqlite3_errmsg(db));
			rc = G_ERR_STORE;
			goto out;
		}
	clock_now_iso(now, sizeof now);
	demo_rng_seed(&rng, BENCH_DATA_SEED);
	start = now_us();
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (t = 1; t <= o->n && rc == G_OK; t++) {
		national_id(t, nid, sizeof nid);
		snprintf(name, sizeof name, "CONTRIBUABIL %lld ION", t);
		snprintf(addr, sizeof addr, "Str. Bench nr. %lld, bl. %lld, "
		    "București", t % 200 + 1, t / 200 + 1);
		st = s[G_TAXPAYER];
		sqlite3_bind_int64(st, 1, t);
		sqlite3_bind_text(st, 2, nid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, addr, -1, SQLITE_STATIC);
		if ((rc = step_reset(db, st)) != G_OK)
			break;

		/* Their building, and who owns it. */
		snprintf(code, sizeof code, "CL%010lld", t);
		st = s[G_UNIT];
		sqlite3_bind_int64(st, 1, t);
		sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, addr, -1, SQLITE_STATIC);
		if ((rc = step_reset(db, st)) != G_OK)
			break;
		st = s[G_OWNER];
		sqlite3_bind_int64(st, 1, t);
		sqlite3_bind_int64(st, 2, t);
		/* The unit after a tenth taxpayer's is shared with them. */
		sqlite3_bind_int(st, 3, t % 10 == 1 && t > 1 ? 2 : 1);
		if ((rc = step_reset(db, st)) != G_OK)
			break;
		if (t % 10 == 0 && t < o->n) {
			sqlite3_bind_int64(st, 1, t + 1);
			sqlite3_bind_int64(st, 2, t);
			sqlite3_bind_int(st, 3, 2);
			if ((rc = step_reset(db, st)) != G_OK)
				break;
		}

		/* The obligations: two instalments a year, oldest first. */
		st = s[G_OBLIGATION];
		for (k = 0; k < o->o; k++) {
			ob_id++;
			year = first_year + (k / 2) % BENCH_YEARS;
			principal = 10000 + (int64_t)demo_rng_below(&rng,
			    90001);
			if (k == 0) {
				first_ob = ob_id;
				first_principal = principal;
			}
			snprintf(ref, sizeof ref, "IC%012lld", ob_id);
			snprintf(rf, sizeof rf, "RF18%s", ref);
			snprintf(notice, sizeof notice, "N%d-%lld", year, t);
			snprintf(notice_date, sizeof notice_date, "%d-01-15",
			    year);
			snprintf(due, sizeof due, "%d-%s", year, k % 2 == 0 ?
			    "03-31" : "09-30");
			sqlite3_bind_int64(st, 1, ob_id);
			sqlite3_bind_text(st, 2, ref, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, t);
			sqlite3_bind_int64(st, 4, t);
			sqlite3_bind_int(st, 5, year);
			sqlite3_bind_int64(st, 6, principal);
			sqlite3_bind_text(st, 7, notice, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 8, notice_date, -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(st, 9, due, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 10, rf, -1, SQLITE_STATIC);
			if ((rc = step_reset(db, st)) != G_OK)
				break;
		}
		if (rc != G_OK)
			break;

		/* Every other taxpayer paid their oldest obligation. */
		if (t % 2 == 1 && o->o > 0) {
			pay_id++;
			snprintf(key, sizeof key, "BENCH-PAY-%lld", t);
			snprintf(advice, sizeof advice, "OP%lld", t);
			snprintf(due, sizeof due, "%d-03-20", first_year);
			st = s[G_PAYMENT];
			sqlite3_bind_int64(st, 1, pay_id);
			sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, t);
			sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 5, first_principal);
			sqlite3_bind_text(st, 6, due, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 7, advice, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
			if ((rc = step_reset(db, st)) != G_OK)
				break;
			st = s[G_ALLOCATION];
			sqlite3_bind_int64(st, 1, pay_id);
			sqlite3_bind_int64(st, 2, first_ob);
			sqlite3_bind_int64(st, 3, first_principal);
			if ((rc = step_reset(db, st)) != G_OK)
				break;
		}

		if (t % BENCH_BATCH == 0 || t == o->n) {
			if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) !=
			    SQLITE_OK) {
				fprintf(stderr, "bench-register: commit: %s\n",
				    sqlite3_errmsg(db));
				rc = G_ERR_STORE;
				break;
			}
			secs = (now_us() - start) / 1e6;
			fprintf(stderr, "generated %lld of %lld taxpayers, "
			    "%.1f s, %.0f taxpayers/s\n", t, o->n, secs,
			    (double)t / secs);
			if (t < o->n)
				sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
		}
	}
	if (rc != G_OK)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	*payments = pay_id;
out:
	for (g = 0; g < G_COUNT; g++)
		sqlite3_finalize(s[g]);
	/* Back to the store's journal, kept in the file. */
	if (rc == G_OK && sqlite3_exec(db, "PRAGMA journal_mode = WAL",
	    NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-register: %s\n", sqlite3_errmsg(db));
		rc = G_ERR_STORE;
	}
	sqlite3_close(db);
	return rc;
}

/* Creates the database through the service and fills it; reports how
 * long it took and the file's size on stdout. */
static int
bench_generate(const struct opts *o, const struct conf *conf, int first_year)
{
	char *cause = NULL;
	long long payments;
	struct stat sb;
	double start, secs;
	int rc;

	if ((rc = service_init(conf, o->path, &cause)) != G_OK) {
		fprintf(stderr, "bench-register: %s\n", cause);
		free(cause);
		return rc;
	}
	start = now_us();
	if ((rc = bench_fill(o, first_year, &payments)) != G_OK) {
		fprintf(stderr, "bench-register: generating failed: remove "
		    "%s (or use -f) and run again\n", o->path);
		return rc;
	}
	secs = (now_us() - start) / 1e6;
	printf("generate: %lld taxpayers, %lld obligations, %lld payments "
	    "in %.1f s (bare SQLite, synchronous and journal off, %d "
	    "taxpayers a transaction)\n", o->n, o->n * o->o, payments, secs,
	    BENCH_BATCH);
	if (stat(o->path, &sb) == 0)
		printf("database: %.0f MB\n", (double)sb.st_size / 1e6);
	return G_OK;
}

/* Copies column col of s into out (len bytes, always terminated). */
static void
column_copy(sqlite3_stmt *s, int col, char *out, size_t len)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	size_t n = (size_t)sqlite3_column_bytes(s, col);

	if (t == NULL)
		n = 0;
	if (n >= len)
		n = len - 1;
	if (n > 0)
		memcpy(out, t, n);
	out[n] = '\0';
}

/* The statements one view prepares, as the store words them: the first
 * B_COUNT are also the bare path's (prepared once there); then the
 * register's refresh date and the audit row's two. */
#define VIEW_SQL_COUNT (B_COUNT + 3)
static const char *const view_sql[VIEW_SQL_COUNT] = {
	"SELECT id, national_id, name, address, COALESCE(person_id, 0), "
	    "COALESCE(business_id, 0) FROM taxpayer WHERE national_id = ?",
	OBLIGATIONS_SQL,
	"SELECT u.id, u.code, u.kind, u.description, u.address, "
	    "w.share_num, w.share_den FROM unit_owner w JOIN taxable_unit u "
	    "ON u.id = w.unit_id WHERE w.taxpayer_id = ? ORDER BY u.code",
	"SELECT id, key, taxpayer_id, payer, amount, paid_on, channel, "
	    "advice, bank, account, credit, registered_at, registered_by, "
	    "station FROM payment WHERE taxpayer_id = ? ORDER BY paid_on "
	    "DESC, id DESC",
	"SELECT MAX(finished_at) FROM register_import",
	"SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
	"INSERT INTO audit (id, at, actor, role, station, action, object, "
	    "on_behalf, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?)",
};

/* Opens the benchmark's own read-only connection to the same file, with
 * the store's mmap setting, and prepares the bare statements once. */
static int
bare_open(const struct opts *o, sqlite3 **db, sqlite3_stmt *stmt[B_COUNT])
{
	const char *const *sql = view_sql;
	int b;

	if (sqlite3_open_v2(o->path, db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK ||
	    sqlite3_exec(*db, "PRAGMA mmap_size = " BENCH_MMAP, NULL, NULL,
	    NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-register: %s: %s\n", o->path,
		    sqlite3_errmsg(*db));
		return G_ERR_STORE;
	}
	sqlite3_busy_timeout(*db, 10000);
	for (b = 0; b < B_COUNT; b++)
		if (sqlite3_prepare_v2(*db, sql[b], -1, &stmt[b], NULL) !=
		    SQLITE_OK) {
			fprintf(stderr, "bench-register: %s\n",
			    sqlite3_errmsg(*db));
			return G_ERR_STORE;
		}
	return G_OK;
}

/* The bare engine's register read, rows copied out as the store does;
 * returns G_OK, G_ERR_NOTFOUND or G_ERR_STORE and the row counts. */
static int
bare_lookup(sqlite3_stmt *stmt[B_COUNT], const char *nid,
    struct counts *c)
{
	static struct taxpayer t;
	static struct obligation_row ob[64];
	static struct taxable_unit u[8];
	static struct payment_row p[8];
	sqlite3_stmt *s;
	int rc;

	memset(c, 0, sizeof *c);
	s = stmt[B_TAXPAYER];
	sqlite3_bind_text(s, 1, nid, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		t.id = sqlite3_column_int64(s, 0);
		column_copy(s, 1, t.national_id, sizeof t.national_id);
		column_copy(s, 2, t.name, sizeof t.name);
		column_copy(s, 3, t.address, sizeof t.address);
		t.person_id = sqlite3_column_int64(s, 4);
		t.business_id = sqlite3_column_int64(s, 5);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? G_ERR_NOTFOUND : G_ERR_STORE;

	s = stmt[B_OBLIGATIONS];
	sqlite3_bind_int64(s, 1, t.id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct obligation_row *o = &ob[c->obligations % 64];

		o->id = sqlite3_column_int64(s, 0);
		column_copy(s, 1, o->ref, sizeof o->ref);
		o->taxpayer_id = sqlite3_column_int64(s, 2);
		o->unit_id = sqlite3_column_int64(s, 3);
		column_copy(s, 4, o->unit_code, sizeof o->unit_code);
		column_copy(s, 5, o->tax_type, sizeof o->tax_type);
		column_copy(s, 6, o->name, sizeof o->name);
		o->tax_year = sqlite3_column_int(s, 7);
		o->principal = sqlite3_column_int64(s, 8);
		column_copy(s, 9, o->notice, sizeof o->notice);
		column_copy(s, 10, o->notice_date, sizeof o->notice_date);
		column_copy(s, 11, o->due_date, sizeof o->due_date);
		column_copy(s, 12, o->iban, sizeof o->iban);
		column_copy(s, 13, o->rf, sizeof o->rf);
		o->discountable = sqlite3_column_int(s, 14) != 0;
		o->paid_principal = sqlite3_column_int64(s, 15);
		o->paid_charges = sqlite3_column_int64(s, 16);
		o->closed_charges = sqlite3_column_int64(s, 17);
		o->discount = sqlite3_column_int64(s, 18);
		c->obligations++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return G_ERR_STORE;

	s = stmt[B_UNITS];
	sqlite3_bind_int64(s, 1, t.id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct taxable_unit *x = &u[c->units % 8];

		x->id = sqlite3_column_int64(s, 0);
		column_copy(s, 1, x->code, sizeof x->code);
		x->kind = UNIT_BUILDING;
		column_copy(s, 3, x->description, sizeof x->description);
		column_copy(s, 4, x->address, sizeof x->address);
		x->share_num = sqlite3_column_int(s, 5);
		x->share_den = sqlite3_column_int(s, 6);
		c->units++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return G_ERR_STORE;

	s = stmt[B_PAYMENTS];
	sqlite3_bind_int64(s, 1, t.id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct payment_row *x = &p[c->payments % 8];

		x->id = sqlite3_column_int64(s, 0);
		column_copy(s, 1, x->key, sizeof x->key);
		x->taxpayer_id = sqlite3_column_int64(s, 2);
		column_copy(s, 3, x->payer, sizeof x->payer);
		x->amount = sqlite3_column_int64(s, 4);
		column_copy(s, 5, x->paid_on, sizeof x->paid_on);
		x->channel = PAY_BANK;
		column_copy(s, 7, x->advice, sizeof x->advice);
		column_copy(s, 8, x->bank, sizeof x->bank);
		column_copy(s, 9, x->account, sizeof x->account);
		x->credit = sqlite3_column_int64(s, 10);
		column_copy(s, 11, x->registered_at, sizeof x->registered_at);
		column_copy(s, 12, x->registered_by, sizeof x->registered_by);
		column_copy(s, 13, x->station, sizeof x->station);
		c->payments++;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? G_OK : G_ERR_STORE;
}

/* Times one service_register_open, register_data_free included. */
static int
time_service(struct service *svc, const char *nid, struct date on,
    struct series *s, struct counts *c)
{
	struct register_data d;
	double start;
	int rc;

	start = now_us();
	rc = service_register_open(svc, nid, on, &d);
	if (rc == G_OK) {
		c->obligations = d.nobligations;
		c->units = d.nunits;
		c->payments = d.npayments;
	}
	register_data_free(&d);
	s->us[s->n++] = now_us() - start;
	if (rc != G_OK)
		fprintf(stderr, "bench-register: register of %s: %s\n", nid,
		    service_message(svc));
	return rc;
}

static int
time_bare(sqlite3 *db, sqlite3_stmt *stmt[B_COUNT], const char *nid,
    struct series *s, struct counts *c)
{
	double start;
	int rc;

	start = now_us();
	rc = bare_lookup(stmt, nid, c);
	s->us[s->n++] = now_us() - start;
	if (rc != G_OK)
		fprintf(stderr, "bench-register: bare lookup of %s: %s\n", nid,
		    rc == G_ERR_NOTFOUND ? "not found" : sqlite3_errmsg(db));
	return rc;
}

/* The product's path taken apart: what service_register_open does, call
 * by call, on a store of the benchmark's own. */
struct parts {
	struct store *st;
	const struct dues_rules *rules;
	const char *actor, *role, *station;
	struct obligation_row *rows;
	struct obligation *obs;
	int n, cap;
	struct taxable_unit *units;
	int nunits;
	struct payment_row *payments;
	int npayments;
};

/* As keep_obligation in src/service/register.c. */
static int
parts_obligation(const struct obligation_row *o, void *arg)
{
	struct parts *p = arg;
	struct obligation *ob;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->rows = xreallocarray(p->rows, (size_t)p->cap,
		    sizeof *p->rows);
		p->obs = xreallocarray(p->obs, (size_t)p->cap, sizeof *p->obs);
	}
	p->rows[p->n] = *o;
	ob = &p->obs[p->n++];
	memset(ob, 0, sizeof *ob);
	ob->id = o->id;
	ob->principal = o->principal;
	if (!date_parse_iso(o->due_date, &ob->due))
		ob->due = (struct date){ 1970, 1, 1 };
	ob->tax_year = o->tax_year;
	ob->discountable = o->discountable;
	ob->paid_principal = o->paid_principal;
	ob->paid_charges = o->paid_charges;
	ob->closed_charges = o->closed_charges;
	ob->discount = o->discount;
	return 0;
}

static int
parts_unit(const struct taxable_unit *u, void *arg)
{
	struct parts *p = arg;

	p->units = xreallocarray(p->units, (size_t)p->nunits + 1,
	    sizeof *p->units);
	p->units[p->nunits++] = *u;
	return 0;
}

static int
parts_payment(const struct payment_row *x, void *arg)
{
	struct parts *p = arg;

	p->payments = xreallocarray(p->payments, (size_t)p->npayments + 1,
	    sizeof *p->payments);
	p->payments[p->npayments++] = *x;
	return 0;
}

static void
parts_reset(struct parts *p)
{
	free(p->rows);
	free(p->obs);
	free(p->units);
	free(p->payments);
	p->rows = NULL;
	p->obs = NULL;
	p->units = NULL;
	p->payments = NULL;
	p->n = p->cap = p->nunits = p->npayments = 0;
}

/* Runs the product's path for nid part by part, each part timed into
 * s[part], and the reads alone (taxpayer to dues) into reads: one
 * transaction with the same audit row service_register_open writes. */
static int
time_parts(struct parts *p, const char *nid, struct date on,
    struct series s[P_COUNT], struct series *reads, struct counts *c)
{
	char prev[AUDIT_HASH_LEN], hash[AUDIT_HASH_LEN], at[32], object[64],
	    refreshed[32];
	double t[P_COUNT + 1];
	struct obligation_due *due;
	struct audit_row row;
	struct taxpayer tp;
	money_t total = 0, offer;
	int64_t last;
	int i, rc;

	t[0] = now_us();
	if ((rc = store_begin(p->st)) != G_OK)
		goto fail;
	t[1] = now_us();
	if ((rc = store_taxpayer_find(p->st, nid, 0, &tp)) != G_OK)
		goto fail;
	t[2] = now_us();
	if ((rc = store_register_obligations(p->st, tp.id, parts_obligation,
	    p)) != G_OK)
		goto fail;
	t[3] = now_us();
	if ((rc = store_register_units(p->st, tp.id, parts_unit, p)) != G_OK)
		goto fail;
	t[4] = now_us();
	if ((rc = store_register_payments(p->st, tp.id, parts_payment, p)) !=
	    G_OK)
		goto fail;
	t[5] = now_us();
	if ((rc = store_register_refreshed(p->st, refreshed,
	    sizeof refreshed)) != G_OK)
		goto fail;
	t[6] = now_us();
	/* As register_dues in src/service/register.c. */
	due = xcalloc((size_t)p->n + 1, sizeof *due);
	for (i = 0; i < p->n; i++) {
		dues_obligation_on(p->rules, &p->obs[i], on, &due[i]);
		total += due[i].total;
	}
	offer = dues_discount_offer(p->rules, p->obs, p->n, on.year, on);
	free(due);
	(void)total;
	(void)offer;
	t[7] = now_us();
	/* As service_audit in src/service/service.c. */
	if ((rc = store_audit_last(p->st, &last, prev)) != G_OK)
		goto fail;
	clock_now_iso(at, sizeof at);
	snprintf(object, sizeof object, "taxpayer:%lld", (long long)tp.id);
	memset(&row, 0, sizeof row);
	row.id = last + 1;
	row.at = at;
	row.actor = p->actor;
	row.role = p->role;
	row.station = p->station;
	row.action = "register.view";
	row.object = object;
	row.on_behalf = "";
	row.outcome = "ok";
	row.prev_hash = prev;
	if ((rc = audit_chain_hash(&row, hash)) != G_OK)
		goto fail;
	row.hash = hash;
	if ((rc = store_audit_insert(p->st, &row)) != G_OK)
		goto fail;
	t[8] = now_us();
	if ((rc = store_commit(p->st)) != G_OK)
		goto out;
	t[9] = now_us();
	for (i = 0; i < P_COUNT; i++)
		s[i].us[s[i].n++] = t[i + 1] - t[i];
	reads->us[reads->n++] = t[P_AUDIT] - t[P_TAXPAYER];
	c->obligations = p->n;
	c->units = p->nunits;
	c->payments = p->npayments;
	goto out;
fail:
	store_rollback(p->st);
out:
	if (rc != G_OK)
		fprintf(stderr, "bench-register: parts of %s: %s\n", nid,
		    store_errmsg(p->st));
	parts_reset(p);
	return rc;
}

/* Times preparing and finalizing the store's obligations query (what
 * store_register_obligations pays on each call before its first row)
 * into one, and all the statements a view prepares into all. */
static void
time_prepare(sqlite3 *db, struct series *one, struct series *all)
{
	sqlite3_stmt *stmt = NULL;
	double start = now_us(), mid;
	int i;

	sqlite3_prepare_v2(db, OBLIGATIONS_SQL, -1, &stmt, NULL);
	sqlite3_finalize(stmt);
	mid = now_us();
	one->us[one->n++] = mid - start;
	for (i = 0; i < VIEW_SQL_COUNT; i++) {
		sqlite3_prepare_v2(db, view_sql[i], -1, &stmt, NULL);
		sqlite3_finalize(stmt);
	}
	all->us[all->n++] = now_us() - mid;
}

/* Sorts s's samples and prints its line (ms); returns the median (µs). */
static double
series_print(struct series *s, const char *label)
{
	double median;

	if (s->n == 0)
		return 0;
	qsort(s->us, (size_t)s->n, sizeof s->us[0], compare_double);
	median = percentile(s->us, s->n, 50);
	printf("  %-49s median %7.3f ms  p90 %7.3f  p99 %7.3f  max %7.3f\n",
	    label, median / 1e3, percentile(s->us, s->n, 90) / 1e3,
	    percentile(s->us, s->n, 99) / 1e3, s->us[s->n - 1] / 1e3);
	return median;
}

static void
series_init(struct series *s, int n)
{
	s->us = xcalloc((size_t)n, sizeof s->us[0]);
	s->n = 0;
}

/* Prints the query plan of the store's obligations query, every line
 * under -v, and a line saying which indexes it uses on obligation. */
static void
plan_print(sqlite3 *db, bool verbose)
{
	char uses[256] = "", scans[256] = "";
	sqlite3_stmt *s = NULL;
	const char *d;

	if (sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN " OBLIGATIONS_SQL, -1,
	    &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-register: %s\n", sqlite3_errmsg(db));
		return;
	}
	sqlite3_bind_int64(s, 1, 1);
	if (verbose)
		printf("query plan of the obligations query "
		    "(store_register_obligations):\n");
	while (sqlite3_step(s) == SQLITE_ROW) {
		d = (const char *)sqlite3_column_text(s, 3);
		if (d == NULL)
			continue;
		if (verbose)
			printf("  %3d %3d  %s\n", sqlite3_column_int(s, 0),
			    sqlite3_column_int(s, 1), d);
		if (strstr(d, "INDEX obligation_") != NULL ||
		    strstr(d, "INDEX unit_owner_") != NULL ||
		    strstr(d, "INDEX allocation_") != NULL) {
			const char *ix = strstr(d, "INDEX ") + 6;
			size_t len = strcspn(ix, " (");

			if (strlen(uses) + len + 3 < sizeof uses)
				snprintf(uses + strlen(uses), sizeof uses -
				    strlen(uses), "%s%.*s", uses[0] ? ", " :
				    "", (int)len, ix);
		}
		if (strncmp(d, "SCAN ", 5) == 0 && strstr(d, "INDEX") ==
		    NULL && strstr(d, "mine") == NULL &&
		    strlen(scans) + strlen(d) + 3 < sizeof scans)
			snprintf(scans + strlen(scans), sizeof scans -
			    strlen(scans), "%s%s", scans[0] ? "; " : "", d);
	}
	sqlite3_finalize(s);
	printf("obligations query: indexes %s; full scans: %s\n",
	    uses[0] ? uses : "none", scans[0] ? scans : "none");
}

/* The three paths' labels, in the order they are run. */
enum path { PATH_SERVICE, PATH_BARE, PATH_PARTS, PATH_COUNT };

/* Times o->q lookups of random taxpayers through the service, bare, and
 * the service's path part by part, rotating which goes first. */
static int
bench_register(const struct opts *o, const struct conf *conf)
{
	struct series svc_s, bare_s, reads_s, prep_s, prep_all_s,
	    part_s[P_COUNT];
	struct counts c[PATH_COUNT];
	sqlite3_stmt *stmt[B_COUNT] = { NULL };
	struct parts parts;
	struct dues_rules rules;
	const struct embedded_file *f;
	struct service *svc = NULL;
	struct demo_rng rng;
	struct date today = clock_today();
	sqlite3 *db = NULL;
	double median_svc, median_bare, median_reads, sum;
	long long *ids = NULL, rows[3] = { 0, 0, 0 };
	char *cause = NULL, nid[32], label[80];
	int i, k, pass, which, mismatch = 0, rc;

	memset(&parts, 0, sizeof parts);
	memset(part_s, 0, sizeof part_s);
	memset(&svc_s, 0, sizeof svc_s);
	memset(&bare_s, 0, sizeof bare_s);
	memset(&reads_s, 0, sizeof reads_s);
	memset(&prep_s, 0, sizeof prep_s);
	memset(&prep_all_s, 0, sizeof prep_all_s);
	if ((rc = service_open(conf, o->path, &svc, &cause)) != G_OK ||
	    (rc = store_open(o->path, &parts.st, &cause)) != G_OK) {
		fprintf(stderr, "bench-register: %s\n", cause);
		goto out;
	}
	service_act_as_system(svc, BENCH_USER);
	f = embedded_find(embedded_profiles, "ro.ini");
	if (f == NULL || (rc = dues_rules_parse(f->name, f->text, &rules,
	    &cause)) != G_OK) {
		fprintf(stderr, "bench-register: ro.ini: %s\n",
		    cause != NULL ? cause : "missing");
		rc = G_ERR_CONFIG;
		goto out;
	}
	parts.rules = &rules;
	parts.actor = service_actor(svc)->name;
	parts.role = role_name(ROLE_SYSTEM);
	parts.station = conf->station;
	if ((rc = bare_open(o, &db, stmt)) != G_OK)
		goto out;
	plan_print(db, o->verbose);

	ids = xcalloc((size_t)o->q, sizeof *ids);
	demo_rng_seed(&rng, BENCH_QUERY_SEED);
	for (i = 0; i < o->q; i++)
		ids[i] = 1 + (long long)demo_rng_below(&rng, (uint64_t)o->n);

	series_init(&svc_s, o->q);
	series_init(&bare_s, o->q);
	series_init(&reads_s, o->q);
	series_init(&prep_s, o->q);
	series_init(&prep_all_s, o->q);
	for (k = 0; k < P_COUNT; k++)
		series_init(&part_s[k], o->q);
	/* Pass 0 warms the caches (unless --no-warmup); pass 1 counts. */
	for (pass = o->warmup ? 0 : 1; pass < 2; pass++) {
		svc_s.n = bare_s.n = reads_s.n = prep_s.n = 0;
		prep_all_s.n = 0;
		for (k = 0; k < P_COUNT; k++)
			part_s[k].n = 0;
		for (i = 0; i < o->q; i++) {
			national_id(ids[i], nid, sizeof nid);
			for (k = 0; k < PATH_COUNT; k++) {
				which = (i + k) % PATH_COUNT;
				memset(&c[which], 0, sizeof c[which]);
				rc = which == PATH_SERVICE ? time_service(svc,
				    nid, today, &svc_s, &c[which]) :
				    which == PATH_BARE ? time_bare(db, stmt,
				    nid, &bare_s, &c[which]) :
				    time_parts(&parts, nid, today, part_s,
				    &reads_s, &c[which]);
				if (rc != G_OK)
					goto out;
			}
			time_prepare(db, &prep_s, &prep_all_s);
			if (pass == 1) {
				if (memcmp(&c[PATH_SERVICE], &c[PATH_BARE],
				    sizeof c[0]) != 0 ||
				    memcmp(&c[PATH_SERVICE], &c[PATH_PARTS],
				    sizeof c[0]) != 0)
					mismatch++;
				rows[0] += c[PATH_SERVICE].obligations;
				rows[1] += c[PATH_SERVICE].units;
				rows[2] += c[PATH_SERVICE].payments;
			}
		}
	}

	printf("bench-register: %lld taxpayers, %lld obligations, %d lookups "
	    "(due on %04d-%02d-%02d)\n", o->n, o->n * o->o, o->q, today.year,
	    today.month, today.day);
	median_svc = series_print(&svc_s,
	    "guichet service_register_open (incl. audit row):");
	median_bare = series_print(&bare_s, "bare SQLite (same rows):");
	printf("  ratio guichet/bare (median): %.1fx\n",
	    median_bare > 0 ? median_svc / median_bare : 0.0);
	median_reads = series_print(&reads_s,
	    "guichet reads + dues, no audit write:");
	printf("  ratio guichet reads/bare (median): %.1fx\n",
	    median_bare > 0 ? median_reads / median_bare : 0.0);
	printf("rows per lookup: %.2f obligations, %.2f units, %.2f payments; "
	    "%d lookups where the paths disagree\n", (double)rows[0] / o->q,
	    (double)rows[1] / o->q, (double)rows[2] / o->q, mismatch);
	printf("the guichet path part by part (the same calls and audit row "
	    "as service_register_open):\n");
	for (sum = 0, k = 0; k < P_COUNT; k++) {
		snprintf(label, sizeof label, "%d %s", k + 1, part_names[k]);
		sum += series_print(&part_s[k], label);
	}
	printf("  %-49s %7.3f ms\n", "sum of the medians", sum / 1e3);
	series_print(&prep_s, "of 3: preparing the obligations statement");
	snprintf(label, sizeof label, "preparing the %d statements of a view",
	    VIEW_SQL_COUNT);
	series_print(&prep_all_s, label);
	printf("the guichet figure includes the audit row each view writes "
	    "(one write transaction, committed with synchronous=FULL);\n"
	    "a citizen's view of their own register writes the same row\n");
out:
	for (k = 0; k < B_COUNT; k++)
		sqlite3_finalize(stmt[k]);
	for (k = 0; k < P_COUNT; k++)
		free(part_s[k].us);
	free(svc_s.us);
	free(bare_s.us);
	free(reads_s.us);
	free(prep_s.us);
	free(prep_all_s.us);
	free(ids);
	parts_reset(&parts);
	store_close(parts.st);
	sqlite3_close(db);
	service_close(svc);
	free(cause);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "no-warmup", no_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o = { BENCH_DEFAULT_N, BENCH_DEFAULT_O, BENCH_DEFAULT_PATH,
		BENCH_DEFAULT_Q, false, true, false };
	struct conf conf;
	long long v;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "fvn:o:d:q:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'f':
			o.fresh = true;
			break;
		case 'v':
			o.verbose = true;
			break;
		case 'n':
			if ((o.n = parse_number(optarg, 1)) < 0 ||
			    o.n > 8999999999999LL)
				return usage();
			break;
		case 'o':
			if ((v = parse_number(optarg, 1)) < 0 || v > 64)
				return usage();
			o.o = (int)v;
			break;
		case 'd':
			o.path = optarg;
			break;
		case 'q':
			if ((v = parse_number(optarg, 1)) < 0 || v > INT_MAX)
				return usage();
			o.q = (int)v;
			break;
		case 'W':
			o.warmup = false;
			break;
		default:
			return usage();
		}
	}
	if (optind != argc)
		return usage();
	setvbuf(stdout, NULL, _IOLBF, 0);
	i18n_init("en");
	conf_defaults(&conf);
	conf.country = COUNTRY_RO;
	printf("bench-register: %lld taxpayers x %d obligations, %d lookups, "
	    "%s\n", o.n, o.o, o.q, o.path);
	if (o.fresh)
		remove_database(o.path);
	if (access(o.path, F_OK) == 0) {
		rc = bench_reusable(&o) ? G_OK : G_ERR_EXISTS;
		if (rc == G_OK)
			printf("generate: reused %s\n", o.path);
	} else
		rc = bench_generate(&o, &conf, clock_today().year -
		    (BENCH_YEARS - 1));
	if (rc == G_OK)
		rc = bench_register(&o, &conf);
	conf_free(&conf);
	return rc == G_OK ? 0 : 1;
}
