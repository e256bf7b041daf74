/*
 * bench-registry: protocol numbers allocated by many processes at once.
 *
 * P processes (default 64) each file and register K requests through the
 * service layer on one SQLite store; the same P processes then run the
 * bare engine's loop, BEGIN IMMEDIATE; UPDATE counter; COMMIT, K times
 * each on another file.  Reports numbers per second for both, the ratio,
 * and checks that the registry holds exactly 1..P*K, no gap, no
 * duplicate.  Figures, not assertions.
 *
 * usage: bench-registry [-p PROCESSES] [-k PER-PROCESS] [-d DIR]
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-request.h"
#include "guichet/service.h"

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One process of the guichet run: file and register k requests. */
static int
guichet_child(const struct conf *conf, const char *db, int k)
{
	struct request_value v[2] = { { "subject", "bench" },
		{ "text", "bench" } };
	struct service *svc;
	struct request r;
	char *cause = NULL;
	int i, failed = 0;

	if (service_open(conf, db, &svc, &cause) != G_OK) {
		fprintf(stderr, "bench-registry: %s\n", cause);
		return 1;
	}
	service_act_as_system(svc, "bench");
	for (i = 0; i < k; i++) {
		if (service_request_file(svc, "general-request", 0, v, 2,
		    &r) != G_OK || service_request_register(svc, r.id, &r) !=
		    G_OK) {
			fprintf(stderr, "bench-registry: %s\n",
			    service_message(svc));
			failed++;
		}
	}
	service_close(svc);
	return failed != 0;
}

/* One process of the bare run: k counter transactions. */
static int
bare_child(const char *db, int k)
{
	sqlite3 *h;
	int i, busy = 0;

	if (sqlite3_open(db, &h) != SQLITE_OK)
		return 1;
	sqlite3_busy_timeout(h, 10000);
	sqlite3_exec(h, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	for (i = 0; i < k; i++) {
		if (sqlite3_exec(h, "BEGIN IMMEDIATE; UPDATE counter SET n = n "
		    "+ 1; COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			busy++;
			sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
		}
	}
	sqlite3_close(h);
	if (busy > 0)
		fprintf(stderr, "bench-registry: bare: %d of %d transactions "
		    "failed (busy)\n", busy, k);
	return busy != 0;
}

/* Runs p children of one kind; returns the seconds and failures. */
static double
run(int p, int k, const struct conf *conf, const char *db, int bare,
    int *failures)
{
	double t0 = now_s();
	int i, status;
	pid_t pid;

	*failures = 0;
	for (i = 0; i < p; i++) {
		if ((pid = fork()) == 0)
			_exit(bare ? bare_child(db, k) :
			    guichet_child(conf, db, k));
		if (pid < 0) {
			perror("fork");
			exit(1);
		}
	}
	while (wait(&status) > 0)
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			(*failures)++;
	return now_s() - t0;
}

int
main(int argc, char **argv)
{
	const char *dir = "/tmp/guichet-bench-registry";
	char db[512], bare[512], sql[256], *cause = NULL;
	int p = 64, k = 20, ch, fail_g, fail_b;
	double tg, tb, n;
	sqlite3 *h;
	sqlite3_stmt *s;
	struct conf conf;

	while ((ch = getopt(argc, argv, "p:k:d:")) != -1) {
		switch (ch) {
		case 'p': p = atoi(optarg); break;
		case 'k': k = atoi(optarg); break;
		case 'd': dir = optarg; break;
		default:
			fprintf(stderr, "usage: bench-registry [-p N] [-k N] "
			    "[-d DIR]\n");
			return 2;
		}
	}
	snprintf(sql, sizeof sql, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
	if (system(sql) != 0)
		return 1;
	snprintf(db, sizeof db, "%s/guichet.db", dir);
	snprintf(bare, sizeof bare, "%s/bare.db", dir);
	conf_defaults(&conf);
	i18n_init("en");
	if (service_init(&conf, db, &cause) != G_OK) {
		fprintf(stderr, "bench-registry: %s\n", cause);
		return 1;
	}
	sqlite3_open(bare, &h);
	sqlite3_exec(h, "PRAGMA journal_mode = WAL; CREATE TABLE counter "
	    "(n INTEGER); INSERT INTO counter VALUES (0)", NULL, NULL, NULL);
	sqlite3_close(h);

	n = (double)p * k;
	tg = run(p, k, &conf, db, 0, &fail_g);
	tb = run(p, k, &conf, bare, 1, &fail_b);
	printf("bench-registry: %d processes x %d, synchronous=FULL\n", p, k);
	printf("  guichet file+register: %8.0f numbers/s (%.2f s, %d "
	    "processes with errors)\n", n / tg, tg, fail_g);
	printf("  bare BEGIN IMMEDIATE; UPDATE counter; COMMIT: %8.0f/s "
	    "(%.2f s, %d processes with errors)\n", n / tb, tb, fail_b);
	printf("  ratio bare/guichet: %.2fx\n", tg / tb);

	sqlite3_open(db, &h);
	sqlite3_prepare_v2(h, "SELECT COUNT(*), COUNT(DISTINCT number), "
	    "MIN(number), MAX(number) FROM registry", -1, &s, NULL);
	if (sqlite3_step(s) == SQLITE_ROW)
		printf("  registry: %lld rows, %lld distinct, %lld..%lld: %s\n",
		    sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
		    sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3),
		    sqlite3_column_int64(s, 0) == (long long)n &&
		    sqlite3_column_int64(s, 1) == (long long)n &&
		    sqlite3_column_int64(s, 3) == (long long)n ?
		    "no gap, no duplicate" : "GAPS OR DUPLICATES");
	sqlite3_finalize(s);
	sqlite3_close(h);
	conf_free(&conf);
	return fail_g != 0;
}
