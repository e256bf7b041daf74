/*
 * bench-kiosk: many kiosk sessions at once against one store.
 *
 * N processes (default 500), each a kiosk with its own service, run the
 * same service calls the kiosk screens make for one citizen's visit: log
 * in (which verifies the scrypt hash), open their own register for the
 * day, file a general request, log out.  All wait on a pipe and start
 * together when the parent closes it; with -s the logins' starts are
 * spread evenly over that many milliseconds, as a fleet of kiosks used at
 * human pace would spread them.  Each step is timed with the monotonic
 * clock and sent to the parent through a pipe; the parent reports the
 * median, 90th and 99th percentile and maximum of each step, the errors
 * (with their messages), and sessions per second from the release to the
 * last child's exit.  Figures, not assertions.
 *
 * The setup is not measured: the database is created with service_init()
 * (Romanian profile), filled with the product's demo data for N people
 * (persons and their taxpayer register, as "guichetctl demo-data"), and
 * the first N people get an active citizen login "bench.K" (K from 1) and
 * a validated account (Level B) with bare SQL.  All logins share one
 * scrypt hash, made once: each login still verifies it in full.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench-common.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/password.h"
#include "guichet/service-auth.h"
#include "guichet/service-citizen.h"
#include "guichet/service-demo.h"
#include "guichet/service-register.h"
#include "guichet/service-request.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"

#define BENCH_DEFAULT_N		500
#define BENCH_DEFAULT_PATH	"/tmp/guichet-bench-kiosk.db"
#define BENCH_MAX_N		20000
#define BENCH_SEED		1ULL	/* as guichetctl demo-data */
#define BENCH_USER_PREFIX	"bench."
#define BENCH_PASSWORD		"bench-kiosk-password-7Hq2"
#define BENCH_VERIFY_RUNS	5	/* bare verifies timed in the parent */
#define BENCH_GOAL_MS		250.0	/* p99 goal of every step but login */
#define BENCH_ERRORS_SHOWN	5
#define BENCH_MSG_LEN		200
/* The default stagger offers logins at this share of what the CPUs can
 * hash with one hash on each (nproc / the side-by-side verify time),
 * leaving the rest for the other steps and the new processes.  Hashes
 * queued beyond that run slower still: their 32 MiB each no longer share
 * the last-level cache well. */
#define BENCH_LOGIN_LOAD	0.5
#define BENCH_SIDE_RUNS		3	/* verifies per process side by side */
/* Memory one scrypt verify holds: 128 * r * N bytes, r = 8, N = 2^15,
 * plus a little; an unstaggered run needs it in every process at once. */
#define BENCH_HASH_BYTES	(33.0 * 1024 * 1024)

enum step { S_LOGIN, S_REGISTER, S_REQUEST, S_LOGOUT, S_COUNT };

static const char *const step_names[S_COUNT] = {
	"login (scrypt verify)",
	"register open (own, today)",
	"request file (general-request)",
	"logout",
};

struct opts {
	int n;			/* sessions, one process each */
	const char *path;
	int rounds;		/* sessions per process, back to back */
	long long stagger_ms;	/* -1: the default, worked out */
	bool fresh;
};

/* One session as a child reports it: fixed size, under PIPE_BUF, so the
 * children's writes to the one pipe never interleave. */
struct record {
	int32_t child, round;
	int32_t rc[S_COUNT];	/* G_OK, an error, or -1: not run */
	double start[S_COUNT];	/* µs after the release */
	double dur[S_COUNT];	/* µs */
	double cpu[S_COUNT];	/* µs of CPU the process used in the step */
	int32_t vcs[S_COUNT];	/* times it blocked (lock, fsync, sleep) */
	int32_t ivcs[S_COUNT];	/* times it was preempted */
	double lag;		/* login start minus its scheduled time, µs */
	int32_t err_step;	/* the first step that failed, or -1 */
	char msg[BENCH_MSG_LEN];
};
_Static_assert(sizeof(struct record) <= PIPE_BUF,
    "a record must be written to the pipe at once");

/* What the parent and children share: the release time. */
struct shared {
	volatile double t0;
};

static int
usage(void)
{
	fprintf(stderr, "usage: bench-kiosk [-f] [-n sessions] [-d database] "
	    "[-r rounds] [-s stagger_ms]\n");
	return 2;
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

static void
demo_progress(int64_t done, int64_t total, void *arg)
{
	(void)arg;
	fprintf(stderr, "demo people: %lld of %lld\r", (long long)done,
	    (long long)total);
	if (done == total)
		fprintf(stderr, "\n");
}

/* Gives the first o->n people (by id) an active login bench.K with hash
 * and a validated account, where they have none; *added counts them. */
static int
add_logins(const struct opts *o, const char *hash, long long *added)
{
	static const char *const sql[] = {
		"SELECT p.id, p.level, EXISTS (SELECT 1 FROM credential c "
		    "WHERE c.username = ?2 AND c.state = 'active') "
		    "FROM person p ORDER BY p.id LIMIT 1 OFFSET ?1",
		"INSERT INTO credential (person_id, username, password_hash, "
		    "state, must_change, created_at, activated_at) "
		    "VALUES (?1, ?2, ?3, 'active', 0, ?4, ?4)",
		"UPDATE person SET level = 'validated' WHERE id = ?1",
		"INSERT INTO level_change (person_id, from_level, to_level, "
		    "reason, by_actor, station, at) VALUES (?1, ?2, 'validated', "
		    "'bench-kiosk', 'bench', 'bench', ?3)",
	};
	sqlite3_stmt *s[4] = { NULL };
	char user[32], now[CLOCK_ISO_LEN], level[16];
	sqlite3 *db = NULL;
	int64_t person;
	bool has;
	int i, k, rc = G_OK;

	*added = 0;
	clock_now_iso(now, sizeof now);
	if (sqlite3_open(o->path, &db) != SQLITE_OK)
		goto fail;
	sqlite3_busy_timeout(db, 10000);
	for (i = 0; i < 4; i++)
		if (sqlite3_prepare_v2(db, sql[i], -1, &s[i], NULL) !=
		    SQLITE_OK)
			goto fail;
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	for (k = 0; k < o->n; k++) {
		snprintf(user, sizeof user, BENCH_USER_PREFIX "%d", k + 1);
		sqlite3_bind_int(s[0], 1, k);
		sqlite3_bind_text(s[0], 2, user, -1, SQLITE_STATIC);
		if (sqlite3_step(s[0]) != SQLITE_ROW) {
			sqlite3_reset(s[0]);
			fprintf(stderr, "bench-kiosk: person %d missing\n",
			    k + 1);
			goto fail_tx;
		}
		person = sqlite3_column_int64(s[0], 0);
		snprintf(level, sizeof level, "%s",
		    (const char *)sqlite3_column_text(s[0], 1));
		has = sqlite3_column_int(s[0], 2) != 0;
		sqlite3_reset(s[0]);
		if (!has) {
			sqlite3_bind_int64(s[1], 1, person);
			sqlite3_bind_text(s[1], 2, user, -1, SQLITE_STATIC);
			sqlite3_bind_text(s[1], 3, hash, -1, SQLITE_STATIC);
			sqlite3_bind_text(s[1], 4, now, -1, SQLITE_STATIC);
			if (sqlite3_step(s[1]) != SQLITE_DONE)
				goto fail_tx;
			sqlite3_reset(s[1]);
			(*added)++;
		}
		if (strcmp(level, "validated") != 0) {
			sqlite3_bind_int64(s[2], 1, person);
			if (sqlite3_step(s[2]) != SQLITE_DONE)
				goto fail_tx;
			sqlite3_reset(s[2]);
			sqlite3_bind_int64(s[3], 1, person);
			sqlite3_bind_text(s[3], 2, level, -1, SQLITE_STATIC);
			sqlite3_bind_text(s[3], 3, now, -1, SQLITE_STATIC);
			if (sqlite3_step(s[3]) != SQLITE_DONE)
				goto fail_tx;
			sqlite3_reset(s[3]);
		}
	}
	/* A rerun starts with no failed attempts and no lock. */
	if (sqlite3_exec(db, "UPDATE credential SET failed_logins = 0, "
	    "locked = 0, retry_after = 0 WHERE username LIKE 'bench.%' AND "
	    "state = 'active'", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto fail_tx;
	goto out;
fail_tx:
	fprintf(stderr, "bench-kiosk: logins: %s\n", sqlite3_errmsg(db));
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	rc = G_ERR_STORE;
	goto out;
fail:
	fprintf(stderr, "bench-kiosk: %s: %s\n", o->path, db != NULL ?
	    sqlite3_errmsg(db) : "out of memory");
	rc = G_ERR_STORE;
out:
	for (i = 0; i < 4; i++)
		sqlite3_finalize(s[i]);
	sqlite3_close(db);
	return rc;
}

/* Makes the database ready for o->n sessions, or finds it so; writes the
 * logins' hash into hash (PASSWORD_HASH_MAX). */
static int
bench_setup(const struct opts *o, const struct conf *conf, char *hash)
{
	struct demo_account accounts[DEMO_ACCOUNTS];
	struct service *svc = NULL;
	char *cause = NULL;
	long long people, logins, validated, taxpayers, added = 0;
	int64_t demo_added = 0;
	int demo_decisions = 0;
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	double start = now_us();
	int rc;

	if (o->fresh)
		remove_database(o->path);
	if (access(o->path, F_OK) != 0 &&
	    (rc = service_init(conf, o->path, &cause)) != G_OK) {
		fprintf(stderr, "bench-kiosk: %s\n", cause);
		free(cause);
		return rc;
	}
	if (sqlite3_open_v2(o->path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "bench-kiosk: %s: %s\n", o->path,
		    sqlite3_errmsg(db));
		sqlite3_close(db);
		return G_ERR_STORE;
	}
	people = query_int(db, "SELECT COUNT(*) FROM person");
	sqlite3_close(db);
	if (people < 0) {
		fprintf(stderr, "bench-kiosk: %s is not a guichet database "
		    "(use -f or another -d)\n", o->path);
		return G_ERR_STORE;
	}

	/* The product's demo people and their register, as many as needed;
	 * it skips the ones already stored. */
	if (people < o->n) {
		if ((rc = service_open(conf, o->path, &svc, &cause)) != G_OK) {
			fprintf(stderr, "bench-kiosk: %s\n", cause);
			free(cause);
			return rc;
		}
		service_act_as_system(svc, "bench");
		memset(accounts, 0, sizeof accounts);
		rc = service_demo_data(svc, COUNTRY_RO, o->n, BENCH_SEED,
		    demo_progress, NULL, &demo_added, &demo_decisions,
		    accounts);
		secret_wipe(accounts, sizeof accounts);
		if (rc != G_OK)
			fprintf(stderr, "bench-kiosk: demo data: %s\n",
			    service_message(svc));
		service_close(svc);
		if (rc != G_OK)
			return rc;
	}

	/* The logins' hash: the one stored when there is one, else made
	 * once now (default cost) for all of them. */
	hash[0] = '\0';
	if (sqlite3_open_v2(o->path, &db, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(db, "SELECT password_hash FROM "
	    "credential WHERE username = 'bench.1' AND state = 'active'", -1,
	    &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		snprintf(hash, PASSWORD_HASH_MAX, "%s",
		    (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	if (hash[0] == '\0' && password_hash(BENCH_PASSWORD, hash,
	    PASSWORD_HASH_MAX) != G_OK) {
		fprintf(stderr, "bench-kiosk: password_hash failed\n");
		return G_ERR_CRYPTO;
	}
	if ((rc = add_logins(o, hash, &added)) != G_OK)
		return rc;

	/* What the sessions will meet. */
	sqlite3_open_v2(o->path, &db, SQLITE_OPEN_READONLY, NULL);
	people = query_int(db, "SELECT COUNT(*) FROM person");
	logins = query_int(db, "SELECT COUNT(*) FROM credential WHERE "
	    "username LIKE 'bench.%' AND state = 'active'");
	validated = query_int(db, "SELECT COUNT(*) FROM person WHERE level = "
	    "'validated'");
	taxpayers = query_int(db, "SELECT COUNT(*) FROM taxpayer WHERE "
	    "person_id IS NOT NULL");
	sqlite3_close(db);
	printf("setup: %lld people (%lld added now), %lld with a taxpayer "
	    "record, %lld validated, %lld bench logins (%lld added now) in "
	    "%.1f s (not measured)\n", people, (long long)demo_added,
	    taxpayers, validated, logins, added, (now_us() - start) / 1e6);
	if (logins < o->n) {
		fprintf(stderr, "bench-kiosk: only %lld bench logins\n", logins);
		return G_ERR_STORE;
	}
	return G_OK;
}

/* Sleeps until the monotonic clock reads at_us. */
static void
sleep_until(double at_us)
{
	struct timespec ts;

	ts.tv_sec = (time_t)(at_us / 1e6);
	ts.tv_nsec = (long)((at_us - (double)ts.tv_sec * 1e6) * 1e3);
	if (ts.tv_nsec >= 1000000000L)
		ts.tv_nsec = 999999999L;
	if (ts.tv_nsec < 0)
		ts.tv_nsec = 0;
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) ==
	    EINTR)
		;
}

/* Writes all len bytes of buf to fd. */
static int
write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Notes the failure of step in r, once. */
static void
record_fail(struct record *r, int step, int rc, const char *msg)
{
	r->rc[step] = rc;
	if (r->err_step < 0) {
		r->err_step = step;
		snprintf(r->msg, sizeof r->msg, "%s", msg);
	}
}

/* A point in a child's time: the clock, its CPU time and its context
 * switches so far. */
struct mark {
	double wall, cpu;
	long vcs, ivcs;
};

static void
mark_now(struct mark *m)
{
	struct timespec ts;
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	m->cpu = (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
	m->vcs = ru.ru_nvcsw;
	m->ivcs = ru.ru_nivcsw;
	m->wall = now_us();
}

/* Records step as run from m until now, with result rc. */
static void
step_done(struct record *r, int step, const struct mark *m, double t0, int rc)
{
	struct mark e;

	mark_now(&e);
	r->start[step] = m->wall - t0;
	r->dur[step] = e.wall - m->wall;
	r->cpu[step] = e.cpu - m->cpu;
	r->vcs[step] = (int32_t)(e.vcs - m->vcs);
	r->ivcs[step] = (int32_t)(e.ivcs - m->ivcs);
	r->rc[step] = rc;
}

/* One session of child k: the four steps, each timed. */
static void
session(struct service *svc, int k, int round, double t0, struct record *r)
{
	char user[32], subject[64], text[128], before[BENCH_MSG_LEN];
	struct request_value v[2];
	struct register_data d;
	struct request req;
	struct mark m;
	int rc, i;

	memset(r, 0, sizeof *r);
	r->child = k;
	r->round = round;
	r->err_step = -1;
	for (i = 0; i < S_COUNT; i++)
		r->rc[i] = -1;
	snprintf(user, sizeof user, BENCH_USER_PREFIX "%d", k + 1);

	/* 1: log in, as the kiosk's login screen does. */
	mark_now(&m);
	rc = service_citizen_login(svc, user, BENCH_PASSWORD);
	step_done(r, S_LOGIN, &m, t0, rc);
	if (rc != G_OK) {
		record_fail(r, S_LOGIN, rc, service_message(svc));
		return;
	}
	if (service_actor(svc) == NULL || service_actor(svc)->must_change) {
		record_fail(r, S_LOGIN, G_ERR_INVALID, "logged in, but must "
		    "change the password");
		return;
	}

	/* 2: their own register for today (the national id is ignored for
	 * a citizen). */
	mark_now(&m);
	rc = service_register_open(svc, "", clock_today(), &d);
	step_done(r, S_REGISTER, &m, t0, rc);
	if (rc != G_OK)
		record_fail(r, S_REGISTER, rc, service_message(svc));
	else if (d.nobligations == 0)
		record_fail(r, S_REGISTER, G_ERR_NOTFOUND, "the register "
		    "shows no obligations");
	register_data_free(&d);

	/* 3: a general request. */
	snprintf(subject, sizeof subject, "Kiosk load test %d.%d", k + 1,
	    round + 1);
	snprintf(text, sizeof text, "Street light out in front of number %d; "
	    "filed by bench-kiosk, round %d.", k + 1, round + 1);
	memset(v, 0, sizeof v);
	snprintf(v[0].name, sizeof v[0].name, "subject");
	v[0].value = subject;
	snprintf(v[1].name, sizeof v[1].name, "text");
	v[1].value = text;
	mark_now(&m);
	rc = service_request_file(svc, "general-request", 0, v, 2, &req);
	step_done(r, S_REQUEST, &m, t0, rc);
	if (rc != G_OK)
		record_fail(r, S_REQUEST, rc, service_message(svc));

	/* 4: log out.  service_logout returns nothing: a failure to begin
	 * its transaction shows as a new message. */
	snprintf(before, sizeof before, "%s", service_message(svc));
	mark_now(&m);
	service_logout(svc);
	step_done(r, S_LOGOUT, &m, t0, G_OK);
	if (strcmp(before, service_message(svc)) != 0) {
		r->rc[S_LOGOUT] = G_ERR_STORE;
		record_fail(r, S_LOGOUT, G_ERR_STORE, service_message(svc));
	} else if (service_actor(svc) != NULL) {
		r->rc[S_LOGOUT] = G_ERR_INVALID;
		record_fail(r, S_LOGOUT, G_ERR_INVALID, "still logged in");
	}
}

/* Child k: opens its service, says it is ready, waits for the release,
 * waits its turn, then runs its sessions and reports each. */
static int
child(const struct opts *o, const struct conf *conf, int k, double stagger_us,
    int ready_fd, int barrier_fd, int result_fd, const struct shared *sh)
{
	struct service *svc = NULL;
	struct record r;
	struct pollfd pfd;
	char *cause = NULL;
	double t0;
	int round, ntypes;

	if (service_open(conf, o->path, &svc, &cause) != G_OK) {
		fprintf(stderr, "bench-kiosk: child %d: %s\n", k, cause);
		write_all(ready_fd, "E", 1);
		return 1;
	}
	/* The kiosk shows the request types before a form: loaded once. */
	service_request_types(svc, &ntypes);
	write_all(ready_fd, "R", 1);
	close(ready_fd);
	/* poll, not read: a pipe wakes its blocked readers one after the
	 * other (each waking the next once it runs), pollers all at once. */
	pfd.fd = barrier_fd;
	pfd.events = POLLIN;
	while (poll(&pfd, 1, -1) < 0 && errno == EINTR)
		;
	close(barrier_fd);
	t0 = sh->t0;
	/* Login j = round * n + k of all is due at j / (n * rounds) of the
	 * stagger; without one, rounds follow each other at once. */
	for (round = 0; round < o->rounds; round++) {
		double scheduled = t0 + stagger_us * ((double)round * o->n +
		    k) / ((double)o->n * o->rounds);

		if (stagger_us > 0)
			sleep_until(scheduled);
		session(svc, k, round, t0, &r);
		r.lag = stagger_us > 0 || round == 0 ?
		    r.start[S_LOGIN] + t0 - scheduled : 0;
		if (write_all(result_fd, &r, sizeof r) != 0) {
			fprintf(stderr, "bench-kiosk: child %d: %s\n", k,
			    strerror(errno));
			break;
		}
	}
	service_close(svc);
	return 0;
}

/* Sorts the n samples (µs) and prints their line; returns the p99. */
static double
series_print(double *us, int n, int errors, const char *label)
{
	if (n == 0) {
		printf("  %-32s no samples, %d errors\n", label, errors);
		return INFINITY;
	}
	qsort(us, (size_t)n, sizeof us[0], compare_double);
	printf("  %-32s %5d  %8.1f %8.1f %8.1f %8.1f %6d\n", label, n,
	    percentile(us, n, 50) / 1e3, percentile(us, n, 90) / 1e3,
	    percentile(us, n, 99) / 1e3, us[n - 1] / 1e3, errors);
	return percentile(us, n, 99);
}

/* Returns the most intervals [start, start + dur) open at once. */
static int
max_overlap(const double *start, const double *dur, int n)
{
	double *starts = xcalloc((size_t)n + 1, sizeof *starts);
	double *ends = xcalloc((size_t)n + 1, sizeof *ends);
	int a = 0, b = 0, open = 0, most = 0;

	for (a = 0; a < n; a++) {
		starts[a] = start[a];
		ends[a] = start[a] + dur[a];
	}
	qsort(starts, (size_t)n, sizeof *starts, compare_double);
	qsort(ends, (size_t)n, sizeof *ends, compare_double);
	/* Sweep both: an interval ending when another starts does not
	 * overlap it. */
	for (a = 0; a < n; ) {
		if (starts[a] < ends[b]) {
			if (++open > most)
				most = open;
			a++;
		} else {
			open--;
			b++;
		}
	}
	free(starts);
	free(ends);
	return most;
}

/* Returns MemAvailable in bytes, or 0 when it cannot be read. */
static double
mem_available(void)
{
	char line[256];
	double kb = 0;
	FILE *f = fopen("/proc/meminfo", "r");

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "MemAvailable: %lf kB", &kb) == 1)
			break;
	fclose(f);
	return kb * 1024;
}

/* Counts the requests the bench logins filed, or -1. */
static long long
bench_requests(const char *path)
{
	sqlite3 *db = NULL;
	long long n = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK) {
		sqlite3_busy_timeout(db, 10000);
		n = query_int(db, "SELECT COUNT(*) FROM request WHERE "
		    "filed_by LIKE 'bench.%'");
	}
	sqlite3_close(db);
	return n;
}

/* Prints where step's time went over the records that ran it well: the
 * process's CPU time, the rest (waiting for a CPU, the writer lock, an
 * fsync), and how often it blocked or was preempted. */
static void
where_print(const struct record *recs, int nrec, int step)
{
	double *cpu = xcalloc((size_t)nrec + 1, sizeof *cpu);
	double *wait = xcalloc((size_t)nrec + 1, sizeof *wait);
	double vcs = 0, ivcs = 0;
	int k, n = 0;

	for (k = 0; k < nrec; k++) {
		if (recs[k].rc[step] != G_OK)
			continue;
		cpu[n] = recs[k].cpu[step];
		wait[n] = recs[k].dur[step] - recs[k].cpu[step];
		vcs += recs[k].vcs[step];
		ivcs += recs[k].ivcs[step];
		n++;
	}
	if (n > 0) {
		qsort(cpu, (size_t)n, sizeof *cpu, compare_double);
		qsort(wait, (size_t)n, sizeof *wait, compare_double);
		printf("  %-32s %7.1f %7.1f  %8.1f %8.1f %8.1f  %6.1f %6.1f\n",
		    step_names[step], percentile(cpu, n, 50) / 1e3,
		    percentile(cpu, n, 99) / 1e3, percentile(wait, n, 50) / 1e3,
		    percentile(wait, n, 99) / 1e3, wait[n - 1] / 1e3, vcs / n,
		    ivcs / n);
	}
	free(cpu);
	free(wait);
}

/* Forks the children, releases them together, collects their records
 * and reports. */
static int
bench_run(const struct opts *o, const struct conf *conf, double stagger_us,
    double verify_ms, double side_ms)
{
	int ready[2], barrier[2], result[2];
	int total = o->n * o->rounds, nrec = 0, i, k, status, ready_n = 0,
	    open_failed = 0, bad_exit = 0, shown = 0, errors[S_COUNT] = { 0 },
	    nsamples[S_COUNT] = { 0 }, sessions_ok = 0, nlogins = 0, nsess = 0,
	    nlag = 0, any_errors = 0;
	double *samples[S_COUNT], *session_us, *lag_us, *lstart, *ldur,
	    *sstart, *sdur, t0, t_end, wall, p99;
	struct record *recs, r;
	struct shared *sh;
	long long req_before, req_after;
	bool goal_met = true;
	ssize_t got;
	size_t have;
	char c;
	pid_t pid;

	sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED |
	    MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED || pipe(ready) != 0 || pipe(barrier) != 0 ||
	    pipe(result) != 0) {
		perror("bench-kiosk");
		return 1;
	}
	req_before = bench_requests(o->path);
	fflush(stdout);
	fflush(stderr);
	for (k = 0; k < o->n; k++) {
		if ((pid = fork()) == 0) {
			close(ready[0]);
			close(barrier[1]);
			close(result[0]);
			_exit(child(o, conf, k, stagger_us, ready[1],
			    barrier[0], result[1], sh));
		}
		if (pid < 0) {
			perror("bench-kiosk: fork");
			/* The ones forked see the barrier close and run. */
			break;
		}
	}
	close(ready[1]);
	close(barrier[0]);
	close(result[1]);
	/* Every child has its service open and waits on the barrier. */
	while (ready_n + open_failed < k && (got = read(ready[0], &c, 1)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (c == 'R')
			ready_n++;
		else
			open_failed++;
	}
	close(ready[0]);
	sh->t0 = t0 = now_us();
	close(barrier[1]);			/* the release */

	recs = xcalloc((size_t)total + 1, sizeof *recs);
	have = 0;
	while ((got = read(result[0], (char *)&r + have, sizeof r - have)) !=
	    0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			perror("bench-kiosk: read");
			break;
		}
		have += (size_t)got;
		if (have == sizeof r) {
			if (nrec < total)
				recs[nrec++] = r;
			have = 0;
		}
	}
	close(result[0]);
	while (wait(&status) > 0)
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad_exit++;
	t_end = now_us();
	wall = (t_end - t0) / 1e6;

	for (i = 0; i < S_COUNT; i++)
		samples[i] = xcalloc((size_t)total + 1, sizeof *samples[i]);
	session_us = xcalloc((size_t)total + 1, sizeof *session_us);
	lag_us = xcalloc((size_t)total + 1, sizeof *lag_us);
	lstart = xcalloc((size_t)total + 1, sizeof *lstart);
	ldur = xcalloc((size_t)total + 1, sizeof *ldur);
	sstart = xcalloc((size_t)total + 1, sizeof *sstart);
	sdur = xcalloc((size_t)total + 1, sizeof *sdur);
	for (k = 0; k < nrec; k++) {
		struct record *x = &recs[k];
		bool ok = true;

		for (i = 0; i < S_COUNT; i++) {
			if (x->rc[i] == G_OK)
				samples[i][nsamples[i]++] = x->dur[i];
			else {
				ok = false;
				if (x->rc[i] != -1)
					errors[i]++;
			}
		}
		if (x->rc[S_LOGIN] != -1) {
			lstart[nlogins] = x->start[S_LOGIN];
			ldur[nlogins++] = x->dur[S_LOGIN];
		}
		if (x->round == 0 || stagger_us > 0)
			lag_us[nlag++] = x->lag;
		if (ok) {
			sessions_ok++;
			sstart[nsess] = x->start[S_LOGIN];
			sdur[nsess] = x->start[S_LOGOUT] + x->dur[S_LOGOUT] -
			    x->start[S_LOGIN];
			session_us[nsess] = sdur[nsess];
			nsess++;
		}
		if (x->err_step >= 0 && shown++ < BENCH_ERRORS_SHOWN)
			printf("  error: session %d.%d, %s: %s (%s)\n",
			    x->child + 1, x->round + 1,
			    step_names[x->err_step], x->msg,
			    gerr_str(x->rc[x->err_step] < 0 ? G_ERR_INVALID :
			    x->rc[x->err_step]));
	}
	req_after = bench_requests(o->path);

	printf("run: %d processes x %d rounds, released together; %d logins "
	    "spread over %.0f ms\n", o->n, o->rounds, total, stagger_us /
	    1e3);
	printf("  %-32s %5s  %8s %8s %8s %8s %6s\n", "step (ms)", "n", "p50",
	    "p90", "p99", "max", "errors");
	for (i = 0; i < S_COUNT; i++) {
		p99 = series_print(samples[i], nsamples[i], errors[i],
		    step_names[i]);
		any_errors += errors[i];
		if (i != S_LOGIN && !(p99 < BENCH_GOAL_MS * 1e3))
			goal_met = false;
	}
	series_print(session_us, nsess, total - sessions_ok,
	    "whole session (login..logout)");
	if (o->rounds > 1) {
		/* A process's first login pays OpenSSL's first use. */
		double *first = xcalloc((size_t)nrec + 1, sizeof *first);

		for (k = 0, i = 0; k < nrec; k++)
			if (recs[k].round == 0 && recs[k].rc[S_LOGIN] == G_OK)
				first[i++] = recs[k].dur[S_LOGIN];
		series_print(first, i, 0, "  login, first round");
		for (k = 0, i = 0; k < nrec; k++)
			if (recs[k].round > 0 && recs[k].rc[S_LOGIN] == G_OK)
				first[i++] = recs[k].dur[S_LOGIN];
		series_print(first, i, 0, "  login, later rounds");
		free(first);
	}
	printf("where the time went (ms): the process's own CPU time, the rest "
	    "waiting\n(for a CPU, the writer lock, fsync); per step, the mean "
	    "times it blocked and was preempted\n");
	printf("  %-32s %7s %7s  %8s %8s %8s  %6s %6s\n", "step", "cpu p50",
	    "p99", "wait p50", "p99", "max", "blocks", "preem.");
	for (i = 0; i < S_COUNT; i++)
		where_print(recs, nrec, i);
	printf("  bare password_verify before the run: %.1f ms alone, %.1f ms "
	    "with one on each CPU (medians)\n", verify_ms, side_ms);
	printf("  most logins in flight at once: %d; most sessions at once: "
	    "%d\n", max_overlap(lstart, ldur, nlogins),
	    max_overlap(sstart, sdur, nsess));
	if (nlag > 0) {
		qsort(lag_us, (size_t)nlag, sizeof *lag_us, compare_double);
		printf("  login start after its scheduled time: p50 "
		    "%.1f ms, p99 %.1f ms, max %.1f ms\n", percentile(lag_us,
		    nlag, 50) / 1e3, percentile(lag_us, nlag, 99) / 1e3,
		    lag_us[nlag - 1] / 1e3);
	}
	printf("  sessions: %d of %d without error in %.2f s (release to last "
	    "exit): %.1f sessions/s", sessions_ok, total, wall,
	    (double)sessions_ok / wall);
	if (stagger_us > 0)
		printf("; logins offered at %.1f/s", total / (stagger_us /
		    1e6));
	printf("\n");
	printf("  errors: %d (processes: %d could not open the store, %d "
	    "exited badly; %d of %d sessions reported)\n", any_errors,
	    open_failed, bad_exit, nrec, total);
	if (req_before >= 0 && req_after >= 0)
		printf("  requests stored by this run: %lld (%d filed without "
		    "error)\n", req_after - req_before, nsamples[S_REQUEST]);
	printf("  goal p99 < %.0f ms for every step but the login: %s\n",
	    BENCH_GOAL_MS, goal_met && any_errors == 0 ? "met" :
	    goal_met ? "met, but with errors" : "NOT met");

	for (i = 0; i < S_COUNT; i++)
		free(samples[i]);
	free(session_us);
	free(lag_us);
	free(lstart);
	free(ldur);
	free(sstart);
	free(sdur);
	free(recs);
	munmap(sh, sizeof *sh);
	return any_errors == 0 && open_failed == 0 && bad_exit == 0 &&
	    nrec == total ? 0 : 1;
}

/* Times password_verify of hash in nproc processes at once, one per CPU,
 * each once untimed (OpenSSL's first use) then BENCH_SIDE_RUNS times;
 * returns the median in ms, or 0 when it could not be measured. */
static double
verify_side_by_side(const char *hash, long nproc)
{
	int ready[2], barrier[2], result[2], i, j, n = 0, got_ready = 0;
	double *ms = xcalloc((size_t)nproc * BENCH_SIDE_RUNS + 1, sizeof *ms),
	    d, median = 0;
	struct pollfd pfd;
	ssize_t got;
	char c;

	if (pipe(ready) != 0 || pipe(barrier) != 0 || pipe(result) != 0) {
		free(ms);
		return 0;
	}
	fflush(stdout);
	fflush(stderr);
	for (i = 0; i < nproc; i++) {
		if (fork() != 0)
			continue;
		close(ready[0]);
		close(barrier[1]);
		close(result[0]);
		password_verify(BENCH_PASSWORD, hash);
		write_all(ready[1], "R", 1);
		pfd.fd = barrier[0];
		pfd.events = POLLIN;
		while (poll(&pfd, 1, -1) < 0 && errno == EINTR)
			;
		for (j = 0; j < BENCH_SIDE_RUNS; j++) {
			d = now_us();
			password_verify(BENCH_PASSWORD, hash);
			d = (now_us() - d) / 1e3;
			write_all(result[1], &d, sizeof d);
		}
		_exit(0);
	}
	close(ready[1]);
	close(barrier[0]);
	close(result[1]);
	while (got_ready < nproc && (got = read(ready[0], &c, 1)) != 0)
		if (got > 0)
			got_ready++;
		else if (errno != EINTR)
			break;
	close(barrier[1]);
	while (n < nproc * BENCH_SIDE_RUNS && (got = read(result[0], &d,
	    sizeof d)) != 0)
		if (got == (ssize_t)sizeof d)
			ms[n++] = d;
		else if (got < 0 && errno != EINTR)
			break;
	close(ready[0]);
	close(result[0]);
	while (wait(NULL) > 0)
		;
	if (n > 0) {
		qsort(ms, (size_t)n, sizeof *ms, compare_double);
		median = percentile(ms, n, 50);
	}
	free(ms);
	return median;
}

int
main(int argc, char **argv)
{
	struct opts o = { BENCH_DEFAULT_N, BENCH_DEFAULT_PATH, 1, -1, false };
	char hash[PASSWORD_HASH_MAX];
	double verify[BENCH_VERIFY_RUNS], verify_ms, side_ms, stagger_us,
	    need, avail, t;
	long nproc = sysconf(_SC_NPROCESSORS_ONLN);
	struct conf conf;
	long long v;
	int ch, i, rc;

	while ((ch = getopt(argc, argv, "fn:d:r:s:")) != -1) {
		switch (ch) {
		case 'f':
			o.fresh = true;
			break;
		case 'n':
			if ((v = parse_number(optarg, 1)) < 0 || v > BENCH_MAX_N)
				return usage();
			o.n = (int)v;
			break;
		case 'd':
			o.path = optarg;
			break;
		case 'r':
			if ((v = parse_number(optarg, 1)) < 0 || v > 1000)
				return usage();
			o.rounds = (int)v;
			break;
		case 's':
			if ((o.stagger_ms = parse_number(optarg, 0)) < 0 ||
			    o.stagger_ms > 86400000LL)
				return usage();
			break;
		default:
			return usage();
		}
	}
	if (optind != argc)
		return usage();
	if (nproc < 1)
		nproc = 1;
	setvbuf(stdout, NULL, _IOLBF, 0);
	i18n_init("en");
	conf_defaults(&conf);
	conf.country = COUNTRY_RO;
	printf("bench-kiosk: %d sessions x %d rounds, %s; %ld CPUs, %.1f GB "
	    "available\n", o.n, o.rounds, o.path, nproc, mem_available() /
	    1e9);
	if ((rc = bench_setup(&o, &conf, hash)) != G_OK) {
		conf_free(&conf);
		return 1;
	}

	/* The cost of the hash alone, on an idle machine. */
	for (i = 0; i < BENCH_VERIFY_RUNS; i++) {
		t = now_us();
		if (password_verify(BENCH_PASSWORD, hash) != G_OK) {
			fprintf(stderr, "bench-kiosk: the stored hash does not "
			    "verify\n");
			conf_free(&conf);
			return 1;
		}
		verify[i] = (now_us() - t) / 1e3;
	}
	qsort(verify, BENCH_VERIFY_RUNS, sizeof verify[0], compare_double);
	verify_ms = verify[BENCH_VERIFY_RUNS / 2];

	/* By default, logins arrive at BENCH_LOGIN_LOAD of what the CPUs can
	 * hash, one hash on each. */
	side_ms = verify_side_by_side(hash, nproc);
	if (o.stagger_ms >= 0)
		stagger_us = (double)o.stagger_ms * 1e3;
	else
		stagger_us = (double)(long long)((double)o.n * o.rounds *
		    (side_ms > verify_ms ? side_ms : verify_ms) /
		    (double)nproc / BENCH_LOGIN_LOAD + 0.5) * 1e3;
	printf("password_verify alone: %.1f ms median of %d (min %.1f, max "
	    "%.1f); %ld side by side: %.1f ms median\n", verify_ms,
	    BENCH_VERIFY_RUNS, verify[0], verify[BENCH_VERIFY_RUNS - 1],
	    nproc, side_ms);
	printf("logins spread over %.0f ms%s\n", stagger_us / 1e3,
	    o.stagger_ms >= 0 ? " (-s)" : " (default: offered at half of "
	    "what the CPUs hash side by side)");

	/* Unstaggered, every process holds a scrypt buffer at once. */
	need = (double)o.n * BENCH_HASH_BYTES;
	avail = mem_available();
	if (stagger_us == 0 && avail > 0 && need > 0.9 * avail) {
		fprintf(stderr, "bench-kiosk: %d logins at once need about "
		    "%.1f GB for scrypt, %.1f GB are available: spread them "
		    "with -s\n", o.n, need / 1e9, avail / 1e9);
		conf_free(&conf);
		return 1;
	}
	rc = bench_run(&o, &conf, stagger_us, verify_ms, side_ms);
	conf_free(&conf);
	return rc;
}
