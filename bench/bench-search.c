/*
 * bench-search: how long finding a citizen takes with many people stored.
 *
 * Fills a database with demo citizens (or reuses one that holds as many),
 * then times service_person_search() on queries drawn from the stored
 * people, the bare SQLite range queries the search rests on, on the same
 * file in the same run, and fold_search() alone.  It reports figures and
 * asserts nothing: a slow machine is not a failing build.
 *
 * The bulk load uses the store directly, in transactions of 50,000
 * people, rather than service_demo_data() (1,000 a transaction, one audit
 * row each): the benchmark is about searching, and the rows are the same
 * ones the service writes.  The bare queries are SQL of the benchmark's
 * own, not product code.
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
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench-common.h"
#include "guichet/conf.h"
#include "guichet/demo.h"
#include "guichet/err.h"
#include "guichet/fold.h"
#include "guichet/i18n.h"
#include "guichet/service-person.h"
#include "guichet/service.h"
#include "guichet/store-person.h"
#include "guichet/store.h"
#include "guichet/xmalloc.h"

#define BENCH_DEFAULT_N		1000000LL
#define BENCH_DEFAULT_PATH	"/tmp/guichet-bench-search.db"
#define BENCH_DEFAULT_Q		2000
#define BENCH_BATCH		50000	/* people per load transaction */
#define BENCH_LIMIT		20	/* results the screen shows first */
#define BENCH_DEMO_SEED		1	/* guichetctl demo-data's default */
#define BENCH_QUERY_SEED	20240601ULL
#define BENCH_MMAP		"268435456"	/* as the store sets it */
#define BENCH_TEXT		256

/* The kinds of query, each timed through the service and bare. */
enum kind { K_SURNAME, K_TWO, K_ID, K_EMAIL, K_COUNT };

static const char *const kind_names[K_COUNT] = {
	"surname prefix", "given + surname pfx", "national id prefix",
	"e-mail prefix",
};

struct opts {
	long long n;
	const char *path;
	int q;
	enum country country;
	bool fresh;
	bool warmup;
};

/* One query: what the clerk types, the word or value the bare engine
 * scans for, and the person it was drawn from. */
struct query {
	char text[BENCH_TEXT];
	char scan[BENCH_TEXT];
	int64_t target;
};

/* The timings of one kind of measurement. */
struct series {
	char name[64];
	double *us;
	int n;
	long rows;
	int found;
};

/* What a search callback learns: results seen, and the target among them. */
struct hits {
	int64_t target;
	int rows;
	bool found;
};

/* Prints a usage line and returns the exit code for bad usage. */
static int
usage(void)
{
	fprintf(stderr, "usage: bench-search [-f] [-n people] [-d database] "
	    "[-q queries] [--profile ro|gr] [--no-warmup]\n");
	return 2;
}

/* Checks that an existing database holds o->n people of the profile, so
 * that a rerun skips the load; false (with a message) when it does not. */
static bool
bench_reusable(const struct opts *o)
{
	struct store *st;
	struct person p;
	char *cause = NULL;
	int64_t count = 0;
	bool ok = false;

	if (store_open(o->path, &st, &cause) != G_OK) {
		fprintf(stderr, "bench-search: %s\n", cause);
		free(cause);
		return false;
	}
	if (store_person_count(st, &count) != G_OK)
		fprintf(stderr, "bench-search: %s\n", store_errmsg(st));
	else if (count != o->n)
		fprintf(stderr, "bench-search: %s holds %lld people, not "
		    "%lld: use -f to rebuild it or -d for another file\n",
		    o->path, (long long)count, o->n);
	else if (count > 0 && (store_person_get(st, 1, &p) != G_OK ||
	    strcmp(p.country, o->country == COUNTRY_GR ? "GR" : "RO") != 0))
		fprintf(stderr, "bench-search: %s holds people of another "
		    "profile: use -f to rebuild it\n", o->path);
	else
		ok = true;
	store_close(st);
	return ok;
}

/* Inserts people [first, first + n) in one transaction, folding names as
 * src/service/demo.c does. */
static int
load_batch(struct store *st, const struct demo_lists *lists,
    struct demo_rng *rng, long long first, long long n)
{
	struct person p;
	char *all, *folded;
	int64_t id;
	long long i;
	int rc;

	if ((rc = store_begin(st)) != G_OK)
		return rc;
	for (i = first; i < first + n && rc == G_OK; i++) {
		demo_person_make(lists, rng, (uint64_t)i, &p);
		all = xasprintf("%s %s %s", p.surname, p.given_names,
		    p.former_names);
		folded = fold_search(all);
		rc = store_person_insert(st, &p, folded, &id);
		free(folded);
		free(all);
	}
	if (rc != G_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

/* Creates the database through the service and fills it with o->n demo
 * people; reports the load rate on stdout. */
static int
bench_load(const struct opts *o, const struct conf *conf)
{
	struct demo_lists *lists = NULL;
	struct store *st = NULL;
	struct demo_rng rng;
	char *cause = NULL;
	double start, secs;
	long long done, n;
	int rc;

	if ((rc = service_init(conf, o->path, &cause)) != G_OK ||
	    (rc = store_open(o->path, &st, &cause)) != G_OK) {
		fprintf(stderr, "bench-search: %s\n", cause);
		goto out;
	}
	if ((rc = demo_lists_new(o->country, embedded_demo, &lists,
	    &cause)) != G_OK) {
		fprintf(stderr, "bench-search: demo lists: %s\n",
		    cause != NULL ? cause : gerr_str(rc));
		goto out;
	}
	demo_rng_seed(&rng, BENCH_DEMO_SEED);
	start = now_us();
	for (done = 0; done < o->n; done += n) {
		n = o->n - done < BENCH_BATCH ? o->n - done : BENCH_BATCH;
		if ((rc = load_batch(st, lists, &rng, done, n)) != G_OK) {
			fprintf(stderr, "bench-search: loading person %lld: "
			    "%s\n", done, store_errmsg(st));
			goto out;
		}
		secs = (now_us() - start) / 1e6;
		fprintf(stderr, "loaded %lld of %lld people, %.1f s, "
		    "%.0f people/s\n", done + n, o->n, secs,
		    (double)(done + n) / secs);
	}
	secs = (now_us() - start) / 1e6;
	printf("load: %lld people in %.1f s, %.0f people/s (store "
	    "directly, %d a transaction)\n", o->n, secs,
	    secs > 0 ? (double)o->n / secs : 0.0, BENCH_BATCH);
out:
	free(cause);
	demo_lists_free(lists);
	store_close(st);
	return rc;
}

/* Copies the first max characters (not bytes) of the UTF-8 word s. */
static void
utf8_prefix(const char *s, size_t max, char *out, size_t outlen)
{
	size_t i = 0, chars = 0;

	for (; s[i] != '\0' && s[i] != ' '; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == max)
			break;
		if (i + 1 >= outlen)
			break;
	}
	/* Never end inside a character. */
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	memcpy(out, s, i);
	out[i] = '\0';
}

/* Writes the longest word of folded (the first of equals) into out: the
 * word the service scans the index with (longest_word() in
 * src/service/person.c). */
static void
longest_word(const char *folded, char *out, size_t outlen)
{
	const char *w = folded, *best = folded, *end;
	size_t best_len = 0, len;

	while (*w != '\0') {
		end = strchr(w, ' ');
		len = end != NULL ? (size_t)(end - w) : strlen(w);
		if (len > best_len) {
			best = w;
			best_len = len;
		}
		if (end == NULL)
			break;
		w = end + 1;
	}
	if (best_len >= outlen)
		best_len = outlen - 1;
	memcpy(out, best, best_len);
	out[best_len] = '\0';
}

/* Makes a query of kind from person p, as a clerk would type it. */
static void
query_make(enum kind kind, const struct person *p, struct demo_rng *rng,
    struct query *q)
{
	char word[BENCH_TEXT], given[BENCH_TEXT], *folded, *at;
	size_t len = 3 + demo_rng_below(rng, 2);

	memset(q, 0, sizeof *q);
	q->target = p->id;
	switch (kind) {
	case K_SURNAME:
	case K_TWO:
		folded = fold_search(p->surname);
		utf8_prefix(folded, len, word, sizeof word);
		free(folded);
		if (kind == K_SURNAME)
			snprintf(q->text, sizeof q->text, "%s", word);
		else {
			/* The given name as written on the card, first. */
			snprintf(given, sizeof given, "%s", p->given_names);
			given[strcspn(given, " -")] = '\0';
			snprintf(q->text, sizeof q->text, "%s %s", given,
			    word);
		}
		folded = fold_search(q->text);
		longest_word(folded, q->scan, sizeof q->scan);
		free(folded);
		break;
	case K_ID:
		snprintf(q->text, sizeof q->text, "%.7s",
		    p->cnp[0] != '\0' ? p->cnp : p->afm);
		snprintf(q->scan, sizeof q->scan, "%s", q->text);
		break;
	case K_EMAIL:
		snprintf(q->text, sizeof q->text, "%s", p->email);
		if ((at = strchr(q->text, '@')) != NULL)
			at[1] = '\0';
		snprintf(q->scan, sizeof q->scan, "%s", q->text);
		break;
	default:
		break;
	}
}

/* Draws o->q queries of each kind from random stored people. */
static int
queries_make(struct service *svc, const struct opts *o,
    struct query *queries[K_COUNT])
{
	struct demo_rng rng;
	struct person p;
	int k, i, rc;

	demo_rng_seed(&rng, BENCH_QUERY_SEED);
	for (k = 0; k < K_COUNT; k++) {
		queries[k] = xcalloc((size_t)o->q, sizeof *queries[k]);
		for (i = 0; i < o->q; i++) {
			rc = service_person_get(svc,
			    1 + (int64_t)demo_rng_below(&rng,
			    (uint64_t)o->n), &p);
			if (rc != G_OK) {
				fprintf(stderr, "bench-search: reading a "
				    "person: %s\n", service_message(svc));
				return rc;
			}
			query_make((enum kind)k, &p, &rng, &queries[k][i]);
		}
	}
	return G_OK;
}

static int
service_hit(const struct person_summary *p, void *arg)
{
	struct hits *h = arg;

	h->rows++;
	if (p->id == h->target)
		h->found = true;
	return 0;
}

/* Times one service search; records its rows and whether it found the
 * person the query came from. */
static int
time_service(struct service *svc, const struct query *q, struct series *s)
{
	struct hits h = { q->target, 0, false };
	double start;
	int rc;

	start = now_us();
	rc = service_person_search(svc, q->text, BENCH_LIMIT, service_hit,
	    &h);
	s->us[s->n++] = now_us() - start;
	if (rc != G_OK) {
		fprintf(stderr, "bench-search: search '%s': %s\n", q->text,
		    service_message(svc));
		return rc;
	}
	s->rows += h.rows;
	s->found += h.found;
	return G_OK;
}

/* Times one bare range query on the prepared statement stmt. */
static int
time_bare(sqlite3 *db, sqlite3_stmt *stmt, const struct query *q,
    struct series *s)
{
	char upper[BENCH_TEXT + 8];
	struct hits h = { q->target, 0, false };
	double start;
	int rc;

	snprintf(upper, sizeof upper, "%s\xf4\x8f\xbf\xbf", q->scan);
	start = now_us();
	sqlite3_bind_text(stmt, 1, q->scan, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, upper, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		h.rows++;
		if (sqlite3_column_int64(stmt, 0) == h.target)
			h.found = true;
	}
	sqlite3_reset(stmt);
	s->us[s->n++] = now_us() - start;
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "bench-search: bare query '%s': %s\n",
		    q->scan, sqlite3_errmsg(db));
		return G_ERR_STORE;
	}
	s->rows += h.rows;
	s->found += h.found;
	return G_OK;
}

/* Times fold_search() on one query string (freeing outside the clock). */
static void
time_fold(const char *text, struct series *s)
{
	double start;
	char *folded;

	start = now_us();
	folded = fold_search(text);
	s->us[s->n++] = now_us() - start;
	free(folded);
}

/* Sorts s's samples and prints its line of the table; returns the
 * median. */
static double
series_print(struct series *s, bool counts)
{
	double median;

	if (s->n == 0)
		return 0;
	qsort(s->us, (size_t)s->n, sizeof s->us[0], compare_double);
	median = percentile(s->us, s->n, 50);
	printf("%-34s %6d %8.2f %8.2f %8.2f %8.2f", s->name, s->n, median,
	    percentile(s->us, s->n, 90), percentile(s->us, s->n, 99),
	    s->us[s->n - 1]);
	if (counts)
		printf(" %6.1f %5.1f%%", (double)s->rows / s->n,
		    100.0 * s->found / s->n);
	printf("\n");
	return median;
}

static void
series_init(struct series *s, int n, const char *fmt, const char *what)
{
	memset(s, 0, sizeof *s);
	snprintf(s->name, sizeof s->name, fmt, what);
	s->us = xcalloc((size_t)n, sizeof s->us[0]);
}

/* Opens the benchmark's own read-only connection to the same file, with
 * the store's mmap setting, and prepares the bare range queries. */
static int
bare_open(const struct opts *o, sqlite3 **db, sqlite3_stmt *stmt[K_COUNT])
{
	const char *sql[K_COUNT] = {
		"SELECT person_id FROM person_search WHERE key >= ? AND "
		    "key < ? ORDER BY key LIMIT 20",
		"SELECT person_id FROM person_search WHERE key >= ? AND "
		    "key < ? ORDER BY key LIMIT 20",
		o->country == COUNTRY_GR ?
		    "SELECT id FROM person WHERE afm >= ? AND afm < ? "
		    "LIMIT 20" :
		    "SELECT id FROM person WHERE cnp >= ? AND cnp < ? "
		    "LIMIT 20",
		"SELECT id FROM person WHERE email >= ? AND email < ? "
		    "LIMIT 20",
	};
	int k;

	if (sqlite3_open_v2(o->path, db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK ||
	    sqlite3_exec(*db, "PRAGMA mmap_size = " BENCH_MMAP, NULL, NULL,
	    NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-search: %s: %s\n", o->path,
		    sqlite3_errmsg(*db));
		return G_ERR_STORE;
	}
	for (k = 0; k < K_COUNT; k++)
		if (sqlite3_prepare_v2(*db, sql[k], -1, &stmt[k], NULL) !=
		    SQLITE_OK) {
			fprintf(stderr, "bench-search: %s\n",
			    sqlite3_errmsg(*db));
			return G_ERR_STORE;
		}
	return G_OK;
}

/* Runs every query once untimed, so both paths meet a warm cache. */
static int
warm_up(struct service *svc, sqlite3 *db, sqlite3_stmt *stmt[K_COUNT],
    struct query *queries[K_COUNT], int q)
{
	struct series s;
	int k, i, rc = G_OK;

	series_init(&s, 2 * q, "%s", "warm-up");
	for (k = 0; k < K_COUNT && rc == G_OK; k++) {
		s.n = 0;
		for (i = 0; i < q && rc == G_OK; i++)
			if ((rc = time_service(svc, &queries[k][i], &s)) ==
			    G_OK)
				rc = time_bare(db, stmt[k], &queries[k][i],
				    &s);
	}
	free(s.us);
	return rc;
}

/* Times every query through the service and bare, alternating which goes
 * first so neither always finds the pages the other just read; then
 * fold_search() alone, and the clock itself. */
static int
bench_search(const struct opts *o, const struct conf *conf)
{
	struct series svc_s[K_COUNT], bare_s[K_COUNT], fold_s, timer_s;
	struct query *queries[K_COUNT] = { NULL };
	sqlite3_stmt *stmt[K_COUNT] = { NULL };
	struct service *svc = NULL;
	sqlite3 *db = NULL;
	double median[2][K_COUNT], start;
	char *cause = NULL;
	int k, i, rc;

	memset(svc_s, 0, sizeof svc_s);
	memset(bare_s, 0, sizeof bare_s);
	memset(&fold_s, 0, sizeof fold_s);
	memset(&timer_s, 0, sizeof timer_s);
	if ((rc = service_open(conf, o->path, &svc, &cause)) != G_OK) {
		fprintf(stderr, "bench-search: %s\n", cause);
		goto out;
	}
	service_act_as_system(svc, "bench");
	if ((rc = queries_make(svc, o, queries)) != G_OK ||
	    (rc = bare_open(o, &db, stmt)) != G_OK)
		goto out;
	if (o->warmup && (rc = warm_up(svc, db, stmt, queries, o->q)) != G_OK)
		goto out;
	for (k = 0; k < K_COUNT; k++) {
		series_init(&svc_s[k], o->q, "service: %s", kind_names[k]);
		series_init(&bare_s[k], o->q, "bare: %s", kind_names[k]);
		for (i = 0; i < o->q && rc == G_OK; i++) {
			if (i % 2 == 0 && (rc = time_service(svc,
			    &queries[k][i], &svc_s[k])) != G_OK)
				break;
			rc = time_bare(db, stmt[k], &queries[k][i],
			    &bare_s[k]);
			if (rc == G_OK && i % 2 == 1)
				rc = time_service(svc, &queries[k][i],
				    &svc_s[k]);
		}
		if (rc != G_OK)
			goto out;
	}
	series_init(&fold_s, 2 * o->q, "%s", "fold_search: name queries");
	for (i = 0; i < o->q; i++) {
		time_fold(queries[K_SURNAME][i].text, &fold_s);
		time_fold(queries[K_TWO][i].text, &fold_s);
	}
	series_init(&timer_s, o->q, "%s", "clock: empty interval");
	for (i = 0; i < o->q; i++) {
		start = now_us();
		timer_s.us[timer_s.n++] = now_us() - start;
	}

	/* One column wider: "µ" is two bytes. */
	printf("%-35s %6s %8s %8s %8s %8s %6s %6s\n", "kind (times in µs)",
	    "n", "median", "p90", "p99", "max", "rows", "found");
	for (k = 0; k < K_COUNT; k++)
		median[0][k] = series_print(&svc_s[k], true);
	for (k = 0; k < K_COUNT; k++)
		median[1][k] = series_print(&bare_s[k], true);
	series_print(&fold_s, false);
	series_print(&timer_s, false);
	printf("\nservice/bare, medians:");
	for (k = 0; k < K_COUNT; k++)
		printf("%s %s %.1fx", k > 0 ? "," : "", kind_names[k],
		    median[1][k] > 0 ? median[0][k] / median[1][k] : 0.0);
	printf("\nrows: mean results (at most %d); found: queries whose "
	    "results include the person they were drawn from\n",
	    BENCH_LIMIT);
out:
	for (k = 0; k < K_COUNT; k++) {
		sqlite3_finalize(stmt[k]);
		free(queries[k]);
		free(svc_s[k].us);
		free(bare_s[k].us);
	}
	free(fold_s.us);
	free(timer_s.us);
	sqlite3_close(db);
	service_close(svc);
	free(cause);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "no-warmup", no_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o = { BENCH_DEFAULT_N, BENCH_DEFAULT_PATH,
		BENCH_DEFAULT_Q, COUNTRY_RO, false, true };
	struct conf conf;
	long long q;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "fn:d:q:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'f':
			o.fresh = true;
			break;
		case 'n':
			if ((o.n = parse_number(optarg, 1)) < 0 ||
			    (unsigned long long)o.n > DEMO_UNIQUE_MAX)
				return usage();
			break;
		case 'd':
			o.path = optarg;
			break;
		case 'q':
			if ((q = parse_number(optarg, 1)) < 0 || q > INT_MAX)
				return usage();
			o.q = (int)q;
			break;
		case 'p':
			if (strcmp(optarg, "ro") == 0)
				o.country = COUNTRY_RO;
			else if (strcmp(optarg, "gr") == 0)
				o.country = COUNTRY_GR;
			else
				return usage();
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
	conf.country = o.country;
	printf("bench-search: %lld people (%s), %d queries per kind, "
	    "limit %d, %s\n", o.n, conf_country_name(o.country), o.q,
	    BENCH_LIMIT, o.path);
	if (o.fresh)
		remove_database(o.path);
	if (access(o.path, F_OK) == 0) {
		rc = bench_reusable(&o) ? G_OK : G_ERR_EXISTS;
		if (rc == G_OK)
			printf("load: reused %s\n", o.path);
	} else
		rc = bench_load(&o, &conf);
	if (rc == G_OK)
		rc = bench_search(&o, &conf);
	conf_free(&conf);
	return rc == G_OK ? 0 : 1;
}
