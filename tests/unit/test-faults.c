/* Fault injection: each write path of the service layer run again and
 * again with the n-th write, sync or allocation of SQLite failing
 * (faulty-vfs.c), n = 1, 2, ... until a run meets no fault.  After each
 * fault: what the operation writes is there whole or not at all (and
 * as given, when it went through), the store is sound (integrity_check,
 * the audit chain, protocol numbers without gap or duplicate), a
 * failure told the user why, and doing it again does it once.
 *
 * Writes and syncs are swept on a service just opened.  Allocations are
 * swept on a service in use, and again on one just opened, which
 * prepares its statements under the fault too: thousands of points, of
 * which a sample.  Each attempt but sync's starts from the same store,
 * put back from a copy.  A problem is told on stderr and the sweep goes
 * on, so that one run shows them all; the path's test fails at its end.
 *
 * $FAULTS_PATH sweeps only the path so named (a part of its name will
 * do); $FAULTS_STRIDE=k sweeps every k-th allocation (1: all, slowly);
 * $FAULTS_LOG shows SQLite's log, which names the statement each fault
 * stopped. */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/envelope.h"
#include "guichet/err.h"
#include "guichet/ident.h"
#include "guichet/person-check.h"
#include "guichet/person.h"
#include "guichet/request.h"
#include "guichet/service-audit.h"
#include "guichet/service-envelope.h"
#include "guichet/service-person.h"
#include "guichet/service-register.h"
#include "guichet/service-request.h"
#include "guichet/service-sync.h"
#include "guichet/service.h"
#include "guichet/validation.h"
#include "faulty-vfs.h"
#include "fixture.h"

#define POINTS_MAX	2000	/* attempts a sweep may take: more, a loop */
#define GOLDEN_EVERY	20	/* warm attempts between two put-backs */
#define TOLD_EACH	3	/* problems of a kind told in full */
#define KINDS_MAX	24	/* kinds of problem told apart, per path */
#define STEPS_MAX	3	/* transactions one operation commits */
#define MAXP		PF_COUNT

/* Fills a buffer as a form would, refusing what does not fit. */
#define SET(buf, s) do {						\
	ck_assert(strlen(s) < sizeof (buf));				\
	memcpy((buf), (s), strlen(s) + 1);				\
} while (0)

/* What the write paths change, counted: a failed operation leaves every
 * count as it was, a whole one moves them as the reference run did.
 * Audit rows count only when "ok": a refusal is audited too. */
static const char *const count_names[] = {
	"person", "person_search", "validation", "level_change",
	"credential", "envelope", "request", "request_field",
	"request_event", "registry", "emergency_registry",
	"registry_pending", "taxpayer", "taxable_unit", "unit_owner",
	"obligation", "payment", "allocation", "register_import",
	"register_import finished", "warrant", "installation_key",
	"registration_request", "person validated", "audit ok", "outbox",
};

#define NCOUNTS	((int)(sizeof count_names / sizeof count_names[0]))

static const char counts_sql[] = "SELECT "
	"(SELECT COUNT(*) FROM person), "
	"(SELECT COUNT(*) FROM person_search), "
	"(SELECT COUNT(*) FROM validation), "
	"(SELECT COUNT(*) FROM level_change), "
	"(SELECT COUNT(*) FROM credential), "
	"(SELECT COUNT(*) FROM envelope), "
	"(SELECT COUNT(*) FROM request), "
	"(SELECT COUNT(*) FROM request_field), "
	"(SELECT COUNT(*) FROM request_event), "
	"(SELECT COUNT(*) FROM registry), "
	"(SELECT COUNT(*) FROM emergency_registry), "
	"(SELECT COUNT(*) FROM registry_pending), "
	"(SELECT COUNT(*) FROM taxpayer), "
	"(SELECT COUNT(*) FROM taxable_unit), "
	"(SELECT COUNT(*) FROM unit_owner), "
	"(SELECT COUNT(*) FROM obligation), "
	"(SELECT COUNT(*) FROM payment), "
	"(SELECT COUNT(*) FROM allocation), "
	"(SELECT COUNT(*) FROM register_import), "
	"(SELECT COUNT(*) FROM register_import "
	"WHERE finished_at IS NOT NULL), "
	"(SELECT COUNT(*) FROM warrant), "
	"(SELECT COUNT(*) FROM installation_key), "
	"(SELECT COUNT(*) FROM registration_request), "
	"(SELECT COUNT(*) FROM person WHERE level = 'validated'), "
	"(SELECT COUNT(*) FROM audit WHERE outcome = 'ok'), "
	"(SELECT COUNT(*) FROM outbox)";

struct run;

/* A write path: the store it starts from, what each attempt needs made
 * first (no fault armed), and the operation, whose steps each commit on
 * their own (most have one). */
struct path {
	const char *name;
	int steps;
	/* A retry starts over rather than at the step that failed; what
	 * the first step of the failed run made stays (an import's
	 * record), the rest is written once. */
	bool restart;
	/* The store is not put back before each attempt: the sync's
	 * centre and second station move on with it. */
	bool grows;
	/* Attempts each sweep of allocations may take, on a service in
	 * use and on one just opened (which prepares its statements: some
	 * thousand allocations more); it sweeps every k-th point to stay
	 * within them.  $FAULTS_STRIDE=1 sweeps every point. */
	int warm_attempts, fresh_attempts;
	/* What one whole operation stored, as text that is the same each
	 * time (no ids, keys or times): checked after each that went
	 * through against the reference run's.  NULL: none. */
	const char *content_sql;
	void (*setup)(struct run *r);
	void (*prepare)(struct run *r);		/* may be NULL */
	int (*op)(struct run *r);
	/* Judges the store after the operation returned rc; NULL: by the
	 * counts. */
	void (*judge)(struct run *r, int rc);
	/* The path's own checks after a fault; NULL: the registry's. */
	void (*check)(struct run *r);
};

struct run {
	const struct path *path;
	struct service *svc;
	const char *kind;		/* "writes/syncs", "allocations" */
	int n;				/* the fault point armed; 0: none */
	int attempt;			/* makes each attempt's data new */
	int done;			/* steps the operation committed */
	bool measuring;			/* filling ref[] */
	bool warm;			/* attempts on a service in use */
	bool ready;			/* the service ran the operation */
	int since_golden;		/* attempts since it was put back */
	long long ref[STEPS_MAX + 1][NCOUNTS];	/* change after k steps */
	long long before[NCOUNTS];
	char content[2048];		/* the reference run's */
	int problems;
	struct {			/* problems by kind */
		const char *fmt;
		const char *kind;
		int n, count;
	} kinds[KINDS_MAX];
	int nkinds;
	/* What the paths work on. */
	int64_t person_id, taxpayer_id, request_id;
	char feed[128];
	/* The sync path: the centre, and a second station B. */
	char central_path[128], central_url[160], b_db[128];
	struct conf b_conf;
	struct service *b;
};

static int year;		/* this year, for protocol numbers */

/* The checks' own connection to the fixture's database (the centre
 * attached as "c" for sync), open for a whole path: a connection parses
 * the whole schema when it opens, the most of a check's time. */
static sqlite3 *checker;

/* The fixture's database as the reference run left it, put back before
 * each attempt: every attempt then meets the same small store, and the
 * checks after it take the same short time. */
static sqlite3 *golden;

static void problem(struct run *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Tells a problem on stderr: the first TOLD_EACH of its kind (its
 * format) in full, the others only in the path's summary. */
static void
problem(struct run *r, const char *fmt, ...)
{
	va_list ap;
	int i;

	r->problems++;
	for (i = 0; i < r->nkinds && r->kinds[i].fmt != fmt; i++)
		;
	if (i == r->nkinds && i < KINDS_MAX) {
		r->kinds[i].fmt = fmt;
		r->kinds[i].kind = r->kind;
		r->kinds[i].n = r->n;
		r->nkinds++;
	}
	if (i < r->nkinds && r->kinds[i].count++ >= TOLD_EACH)
		return;
	fprintf(stderr, "# PROBLEM %s, %s, fault %d: ", r->path->name,
	    r->kind, r->n);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Opens the checker, attaching central when it is not NULL. */
static void
checker_open(const char *central)
{
	sqlite3_stmt *s = NULL;

	ck_assert_int_eq(sqlite3_open(fixture_db, &checker), SQLITE_OK);
	if (central == NULL)
		return;
	ck_assert_int_eq(sqlite3_prepare_v2(checker, "ATTACH DATABASE ? AS c",
	    -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, central, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
}

/* Runs sql on the checker, binding the long long arguments to its
 * parameters, and steps it to its first row. */
static sqlite3_stmt *
checker_query(const char *sql, va_list ap)
{
	sqlite3_stmt *s = NULL;
	int i, rc;

	ck_assert_msg(sqlite3_prepare_v2(checker, sql, -1, &s, NULL) ==
	    SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(checker));
	for (i = 1; i <= sqlite3_bind_parameter_count(s); i++)
		sqlite3_bind_int64(s, i, va_arg(ap, long long));
	rc = sqlite3_step(s);
	ck_assert_msg(rc == SQLITE_ROW || rc == SQLITE_DONE, "%s: %s", sql,
	    sqlite3_errmsg(checker));
	return s;
}

/* Reads the first row's n integers of sql into out (-1 when there is
 * no row); parameters as for checker_query. */
static void
row_ints(const char *sql, long long *out, int n, ...)
{
	sqlite3_stmt *s;
	va_list ap;
	int i;

	va_start(ap, n);
	s = checker_query(sql, ap);
	va_end(ap);
	for (i = 0; i < n; i++)
		out[i] = sqlite3_data_count(s) > 0 ?
		    sqlite3_column_int64(s, i) : -1;
	sqlite3_finalize(s);
}

/* Returns the text of sql's first row in a static buffer ("(none)"). */
static const char *
row_text(const char *sql, ...)
{
	static char out[2048];
	const unsigned char *t;
	sqlite3_stmt *s;
	va_list ap;

	va_start(ap, sql);
	s = checker_query(sql, ap);
	va_end(ap);
	t = sqlite3_data_count(s) > 0 ? sqlite3_column_text(s, 0) : NULL;
	snprintf(out, sizeof out, "%s", t != NULL ? (const char *)t :
	    "(none)");
	sqlite3_finalize(s);
	return out;
}

/* Copies database from into to, whole. */
static void
copy_db(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");

	ck_assert_msg(b != NULL, "backup: %s", sqlite3_errmsg(to));
	ck_assert_int_eq(sqlite3_backup_step(b, -1), SQLITE_DONE);
	ck_assert_int_eq(sqlite3_backup_finish(b), SQLITE_OK);
}

static void
counts(long long *out)
{
	row_ints(counts_sql, out, NCOUNTS);
}

/* Says the operation committed one more step; the reference run keeps
 * how far the counts moved. */
static void
step_done(struct run *r)
{
	long long now[NCOUNTS];
	int i;

	r->done++;
	if (!r->measuring || r->done > STEPS_MAX)
		return;
	counts(now);
	for (i = 0; i < NCOUNTS; i++)
		r->ref[r->done][i] = now[i] - r->before[i];
}

/* Checks that the counts moved by delta from r->before. */
static void
judge_counts(struct run *r, const long long *delta, const char *when)
{
	long long now[NCOUNTS];
	char what[1024] = "";
	size_t len = 0;
	int i;

	counts(now);
	for (i = 0; i < NCOUNTS; i++)
		if (now[i] - r->before[i] != delta[i] && len < sizeof what)
			len += (size_t)snprintf(what + len, sizeof what - len,
			    " %s %+lld (whole: %+lld);", count_names[i],
			    now[i] - r->before[i], delta[i]);
	if (what[0] != '\0')
		problem(r, "%s, not all-or-nothing:%s message: \"%s\"", when,
		    what, service_message(r->svc));
}

/* Checks that a whole operation stored what the reference run did. */
static void
judge_content(struct run *r, const char *when)
{
	const char *now;

	if (r->path->content_sql == NULL)
		return;
	if (strcmp(now = row_text(r->path->content_sql), r->content) != 0)
		problem(r, "%s, but stored wrong: %s, where the reference run "
		    "stored %s", when, now, r->content);
}

/* Closes the service and opens it again: a restart. */
static void
reopen(struct run *r)
{
	service_close(r->svc);
	r->svc = fixture_service(0);
	r->ready = false;
}

/* Writes into cnp a valid CNP, another one for each i: a man born
 * 1980-01-01 in county 1 + i / 999, with serial 1 + i % 999. */
static void
cnp_make(int i, char cnp[14])
{
	snprintf(cnp, 14, "1800101%02d%03d", 1 + i / 999 % 46, 1 + i % 999);
	cnp[12] = ident_cnp_check_digit(cnp);
	cnp[13] = '\0';
}

/* Returns citizen i, valid and each with a CNP of their own. */
static struct person
person_make(int i)
{
	struct person p;

	memset(&p, 0, sizeof p);
	cnp_make(i, p.cnp);
	SET(p.surname, "Țărână");
	SET(p.given_names, "Ștefan");
	SET(p.address.town, "Iași");
	SET(p.address.street, "Strada Lăpușneanu");
	SET(p.address.number, "12A");
	SET(p.address.postal_code, "700057");
	SET(p.email, "stefan.tarana@example.ro");
	p.contact = CONTACT_POST;
	return p;
}

/* Registers citizen i on svc, which must take them; returns the id. */
static int64_t
register_ok(struct service *svc, int i)
{
	struct person_problem pr[MAXP];
	struct person p = person_make(i);
	int64_t id = 0;
	int n = 0, rc;

	rc = service_person_register(svc, &p, pr, MAXP, &n, &id);
	ck_assert_msg(rc == G_OK, "register %s: %s", p.cnp,
	    service_message(svc));
	return id;
}

/* Files a general request and registers it on svc, which must take it;
 * returns it. */
static struct request
request_ok(struct service *svc)
{
	struct request_value v[2] = { { "subject", "Întrebare" },
		{ "text", "Program?" } };
	struct request q;

	ck_assert_msg(service_request_file(svc, "general-request", 0, v, 2,
	    &q) == G_OK, "file: %s", service_message(svc));
	ck_assert_msg(service_request_register(svc, q.id, &q) == G_OK,
	    "register: %s", service_message(svc));
	return q;
}

/* Writes the feed path: taxpayer i with a unit, its owner and an
 * obligation of principal (due next year: no late charge), and with
 * paid a bank payment on it too.  Only the keys (national id, codes,
 * references) differ from one i to the next. */
static void
feed_write(const char *path, int i, const char *principal, bool paid)
{
	struct date today = clock_today();
	char cnp[14], on[11];
	FILE *f;

	cnp_make(i, cnp);
	date_format_iso(today, on, sizeof on);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fprintf(f, "# taxpayer %d\n", i);
	fprintf(f, "taxpayer,%s,Contribuabil Probă,\"Str. Probei 7, Iași\"\n",
	    cnp);
	fprintf(f, "unit,FT-B/%06d,building,Casă P+1,Str. Probei 7\n", i);
	fprintf(f, "owner,FT-B/%06d,%s,1/2\n", i, cnp);
	fprintf(f, "obligation,FT-%06d,%s,FT-B/%06d,building,"
	    "Impozit pe clădiri,%d,%s,DI-7,%d-01-01,%d-03-31,"
	    "RO74TREZ2162107020101XXX,,no\n",
	    i, cnp, i, today.year, principal, today.year, today.year + 1);
	if (paid)
		fprintf(f, "payment,FTP-%06d,%s,Contribuabil Probă,40.00,"
		    "%s,OP 7,Banca,,FT-%06d\n", i, cnp, on, i);
	ck_assert_int_eq(fclose(f), 0);
}

/* The numbers sql counts (its rows' count, distinct count and highest,
 * for the year as ?1) run 1..n: no gap, no duplicate. */
static void
check_gap_free(struct run *r, const char *sql, const char *what)
{
	long long v[3];

	row_ints(sql, v, 3, (long long)year);
	if (v[0] != v[1] || v[0] != v[2])
		problem(r, "the %s of %d have %lld numbers, %lld distinct, "
		    "up to %lld", what, year, v[0], v[1], v[2]);
}

/* The registry's numbers of the year. */
static void
check_registry(struct run *r)
{
	check_gap_free(r, "SELECT COUNT(*), COUNT(DISTINCT number), "
	    "COALESCE(MAX(number), 0) FROM registry WHERE year = ?",
	    "registrations");
}

/* After a fault, the service opened again: the store is sound. */
static void
check_store(struct run *r)
{
	struct audit_report report;
	const char *ok;
	int rc;

	if (strcmp(ok = row_text("PRAGMA main.integrity_check"), "ok") != 0)
		problem(r, "integrity_check: %s", ok);
	if ((rc = service_audit_verify(r->svc, NULL, &report)) != G_OK)
		problem(r, "the audit chain does not verify (%s, row %lld): %s",
		    gerr_str(rc), (long long)report.broken_id,
		    service_message(r->svc));
	if (r->path->check != NULL)
		r->path->check(r);
	else
		check_registry(r);
}

/* Judges the store after the operation returned rc, done steps in. */
static void
judge(struct run *r, int rc)
{
	if (r->path->judge != NULL)
		r->path->judge(r, rc);
	else
		judge_counts(r, r->ref[rc == G_OK ? r->path->steps : r->done],
		    rc == G_OK ? "done" : "failed");
	if (rc == G_OK)
		judge_content(r, "done");
}

/* Says whether rc is how a fault of the store may show: the store or
 * the centre failed, or memory ran out.  Any other refusal (already
 * exists, not found, invalid) blames the user for the fault. */
static bool
store_fault(int rc)
{
	return rc == G_ERR_STORE || rc == G_ERR_IO || rc == G_ERR_NOMEM;
}

static void
arm(bool alloc, int n)
{
	if (alloc)
		faulty_vfs_arm_malloc(n);
	else
		faulty_vfs_arm(n);
}

/* Runs the path once with fault point n armed; returns whether the
 * fault was met. */
static bool
attempt(struct run *r, bool alloc, int n)
{
	const struct path *p = r->path;
	long long expect[NCOUNTS];
	int rc, failed_done, i;
	bool fired;

	r->n = n;
	/* The store put back (which makes the service read the schema
	 * again): always for a fresh start, now and then for a service in
	 * use, so that it stays small. */
	if (!p->grows && (!r->warm || ++r->since_golden == GOLDEN_EVERY)) {
		copy_db(checker, golden);
		r->since_golden = 0;
		r->ready = false;
	}
	if (r->warm && !r->ready) {
		/* Once with no fault first: its statements are then ready,
		 * as in a service that has been working for a while. */
		r->attempt++;
		if (p->prepare != NULL)
			p->prepare(r);
		r->done = 0;
		if ((rc = p->op(r)) != G_OK)
			problem(r, "with no fault armed, it failed (%s): %s",
			    gerr_str(rc), service_message(r->svc));
		r->ready = true;
	}
	r->attempt++;
	if (p->prepare != NULL)
		p->prepare(r);
	if (!r->warm)
		reopen(r);
	counts(r->before);
	r->done = 0;
	arm(alloc, n);
	rc = p->op(r);
	fired = faulty_vfs_fired();
	arm(alloc, 0);
	r->ready = rc == G_OK;
	if (!fired && rc != G_OK)
		problem(r, "no fault met, yet it failed (%s): %s",
		    gerr_str(rc), service_message(r->svc));
	if (rc != G_OK && service_message(r->svc)[0] == '\0')
		problem(r, "failed (%s, after %d of %d steps) with no message "
		    "for the user", gerr_str(rc), r->done, p->steps);
	else if (rc != G_OK && !store_fault(rc))
		problem(r, "the fault is told as a refusal (%s): \"%s\"",
		    gerr_str(rc), service_message(r->svc));
	judge(r, rc);
	if (!fired)
		return false;

	reopen(r);
	check_store(r);
	if (rc == G_OK)
		return true;
	/* Again with no fault: it is done, once. */
	failed_done = r->done;
	if (p->restart)
		r->done = 0;
	if ((rc = p->op(r)) != G_OK) {
		problem(r, "the retry failed too (%s): %s", gerr_str(rc),
		    service_message(r->svc));
		return true;
	}
	r->ready = true;
	judge_content(r, "retried");
	if (p->judge != NULL) {
		p->judge(r, rc);
		return true;
	}
	for (i = 0; i < NCOUNTS; i++)
		expect[i] = r->ref[p->steps][i] +
		    (p->restart && failed_done >= 1 ? r->ref[1][i] : 0);
	judge_counts(r, expect, "retried");
	return true;
}

/* Runs the path twice with no fault, the second time keeping how far
 * each step moves the counts: the first may make what all later ones
 * find made (the installation key). */
static void
measure(struct run *r)
{
	int i, rc;

	r->kind = "reference";
	for (i = 0; i < 2; i++) {
		r->attempt++;
		if (r->path->prepare != NULL)
			r->path->prepare(r);
		reopen(r);
		counts(r->before);
		r->done = 0;
		r->measuring = i == 1;
		rc = r->path->op(r);
		ck_assert_msg(rc == G_OK, "%s with no fault: %s", r->path->name,
		    service_message(r->svc));
		ck_assert_int_eq(r->done, r->path->steps);
	}
	if (r->path->content_sql != NULL)
		snprintf(r->content, sizeof r->content, "%s",
		    row_text(r->path->content_sql));
	r->measuring = false;
	if (!r->path->grows) {
		ck_assert_int_eq(sqlite3_open(":memory:", &golden), SQLITE_OK);
		copy_db(golden, checker);
	}
	r->n = 0;
}

/* What one sweep did. */
struct swept {
	int points;		/* fault points the path has */
	int stride;		/* every stride-th of them was swept */
};

/* Counts the path's fault points in a run that meets none, then sweeps
 * them, every stride-th so as to take at most budget attempts (0: every
 * point), until one is not met. */
static struct swept
sweep(struct run *r, bool alloc, int budget)
{
	const char *every = getenv("FAULTS_STRIDE");
	struct swept w;
	int n;

	r->kind = !alloc ? "writes/syncs" : r->warm ? "allocations" :
	    "allocations, fresh start";
	attempt(r, alloc, INT_MAX);
	w.points = faulty_vfs_calls();
	w.stride = budget > 0 ? (w.points + budget - 1) / budget : 1;
	if (alloc && every != NULL && atoi(every) > 0)
		w.stride = atoi(every);
	w.stride = w.stride < 1 ? 1 : w.stride;
	for (n = 1; n <= POINTS_MAX * w.stride; n += w.stride)
		if (!attempt(r, alloc, n))
			return w;
	problem(r, "more than %d fault points: the sweep stopped",
	    POINTS_MAX * w.stride);
	return w;
}

/* Writes how the sweep w went: "180" or "2046, every 17th swept". */
static const char *
swept_text(struct swept w, char *buf, size_t len)
{
	if (w.stride == 1)
		snprintf(buf, len, "%d", w.points);
	else
		snprintf(buf, len, "%d, every %d%s swept", w.points, w.stride,
		    w.stride % 100 / 10 == 1 ? "th" : w.stride % 10 == 1 ?
		    "st" : w.stride % 10 == 2 ? "nd" : w.stride % 10 == 3 ?
		    "rd" : "th");
	return buf;
}

static void
sweep_path(const struct path *p)
{
	struct run *r = calloc(1, sizeof *r);
	struct swept writes, warm, fresh;
	char t[3][64], cmd[128];
	int i;

	ck_assert_ptr_nonnull(r);
	r->path = p;
	year = clock_today().year;
	p->setup(r);
	checker_open(r->central_path[0] != '\0' ? r->central_path : NULL);
	measure(r);
	writes = sweep(r, false, 0);
	fresh = sweep(r, true, p->fresh_attempts);
	r->warm = true;
	warm = sweep(r, true, p->warm_attempts);
	r->n = 0;
	r->kind = "at the end";
	check_store(r);
	fprintf(stderr, "# fault points swept: %s: %s (writes/syncs), %s "
	    "(allocations), %s (allocations on a fresh start)\n", p->name,
	    swept_text(writes, t[0], sizeof t[0]),
	    swept_text(warm, t[1], sizeof t[1]),
	    swept_text(fresh, t[2], sizeof t[2]));
	for (i = 0; i < r->nkinds; i++)
		fprintf(stderr, "# %s: %d problem(s) \"%s\", the first at "
		    "%s fault %d\n", p->name, r->kinds[i].count,
		    r->kinds[i].fmt, r->kinds[i].kind, r->kinds[i].n);
	service_close(r->svc);
	sqlite3_close(checker);
	sqlite3_close(golden);
	checker = golden = NULL;
	if (r->b != NULL) {
		service_close(r->b);
		conf_free(&r->b_conf);
	}
	/* The folder goes now: a failed check ends the test before its
	 * teardown (which removes it again, when it runs). */
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fixture_dir);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_msg(r->problems == 0, "%s: %d problems (see stderr)",
	    p->name, r->problems);
	free(r);
}

static void
setup_empty(struct run *r)
{
	r->svc = fixture_service(1);
}

/* Register a citizen: a new one each time. */
static int
op_register(struct run *r)
{
	struct person_problem pr[MAXP];
	struct person p = person_make(r->attempt);
	int64_t id = 0;
	int n = 0, rc;

	if ((rc = service_person_register(r->svc, &p, pr, MAXP, &n, &id)) ==
	    G_OK)
		step_done(r);
	return rc;
}

/* Validate: a citizen registered for the attempt, with an identity
 * card. */
static void
prepare_validate(struct run *r)
{
	r->person_id = register_ok(r->svc, r->attempt);
}

static int
op_validate(struct run *r)
{
	struct validation v;
	int rc;

	memset(&v, 0, sizeof v);
	v.method = VALIDATION_COUNTER;
	v.doc.type = IDDOC_RO_ID_CARD;
	SET(v.doc.series, "cj");
	SET(v.doc.number, "123456");
	SET(v.doc.issuer, "SPCLEP Cluj");
	v.doc.expiry = date_add_days(clock_today(), 365);
	if ((rc = service_person_validate(r->svc, r->person_id, &v)) == G_OK)
		step_done(r);
	return rc;
}

/* Issue an envelope: one citizen, envelope after envelope. */
static void
setup_envelope(struct run *r)
{
	r->svc = fixture_service(1);
	r->person_id = register_ok(r->svc, 0);
}

static int
op_envelope(struct run *r)
{
	struct envelope e;
	int rc;

	if ((rc = service_envelope_issue(r->svc, r->person_id, &e)) == G_OK)
		step_done(r);
	return rc;
}

/* Envelope numbers, like protocol numbers, are given once each. */
static void
check_envelope(struct run *r)
{
	check_registry(r);
	check_gap_free(r, "SELECT COUNT(*), COUNT(DISTINCT number), "
	    "COALESCE(MAX(number), 0) FROM envelope WHERE year = ?",
	    "envelopes");
}

/* File and register a request: two operations, each whole; a retry
 * goes on from the one that failed. */
static int
op_request(struct run *r)
{
	struct request_value v[2] = { { "subject", "Întrebare" },
		{ "text", "Program?" } };
	struct request q;
	int rc;

	if (r->done == 0) {
		if ((rc = service_request_file(r->svc, "general-request", 0, v,
		    2, &q)) != G_OK)
			return rc;
		r->request_id = q.id;
		step_done(r);
	}
	if ((rc = service_request_register(r->svc, r->request_id, &q)) ==
	    G_OK) {
		if (q.number <= 0 || q.protocol[0] == '\0')
			problem(r, "request %lld registered without a number",
			    (long long)q.id);
		step_done(r);
	}
	return rc;
}

/* Record a payment: a taxpayer owing much, paying 1.00 at a time, each
 * payment with a key of its own (a retry keeps the key). */
static void
setup_payment(struct run *r)
{
	struct import_report rep;
	struct register_data d;
	char cnp[14];

	r->svc = fixture_service(1);
	snprintf(r->feed, sizeof r->feed, "%s/owing.csv", fixture_dir);
	feed_write(r->feed, 0, "900000.00", false);
	ck_assert_msg(service_register_import(r->svc, r->feed, NULL, NULL,
	    NULL, &rep) == G_OK, "import: %s", service_message(r->svc));
	ck_assert_int_eq(rep.bad, 0);
	cnp_make(0, cnp);
	ck_assert_msg(service_register_open(r->svc, cnp, clock_today(), &d) ==
	    G_OK, "register: %s", service_message(r->svc));
	r->taxpayer_id = d.taxpayer.id;
	register_data_free(&d);
}

static int
op_payment(struct run *r)
{
	struct payment_row p;
	char key[32];
	int rc;

	snprintf(key, sizeof key, "fault-%d", r->attempt);
	if ((rc = service_payment_take(r->svc, r->taxpayer_id, 100, PAY_CASH,
	    NULL, 0, key, &p)) == G_OK)
		step_done(r);
	return rc;
}

/* Import the register: a new feed each attempt.  Three transactions:
 * the import's record, the records (one batch), its end; a retry runs
 * the import again, which writes only what differs. */
static void
prepare_import(struct run *r)
{
	snprintf(r->feed, sizeof r->feed, "%s/feed-%d.csv", fixture_dir,
	    r->attempt);
	feed_write(r->feed, r->attempt, "100.00", true);
}

/* Hears that the import committed its record (done 0) or a batch. */
static void
import_progress(int64_t done, int64_t total, void *arg)
{
	(void)done;
	(void)total;
	step_done(arg);
}

static void
import_bad(int64_t line, const char *reason, void *arg)
{
	problem(arg, "the import refused line %lld: %s", (long long)line,
	    reason);
}

static int
op_import(struct run *r)
{
	struct import_report rep;
	int rc;

	if ((rc = service_register_import(r->svc, r->feed, import_progress,
	    import_bad, r, &rep)) == G_OK)
		step_done(r);
	return rc;
}

/* A sync batch: station A (the fixture's) and B share a centre.  Before
 * each attempt B registers a citizen and a request (numbered by the
 * centre) and syncs; A registers a citizen and a request while the
 * centre is out of reach (an emergency number).  The sync of A then
 * numbers, pushes and pulls. */
static void
setup_sync(struct run *r)
{
	struct sync_report rep;
	char *cause = NULL;

	snprintf(r->central_path, sizeof r->central_path, "%s/central.db",
	    fixture_dir);
	snprintf(r->central_url, sizeof r->central_url, "sqlite:%s",
	    r->central_path);
	free(fixture_conf.central);
	ck_assert_ptr_nonnull(fixture_conf.central = strdup(r->central_url));
	r->svc = fixture_service(1);
	ck_assert_msg(service_central_init(r->svc, r->central_url) == G_OK,
	    "central init: %s", service_message(r->svc));

	conf_defaults(&r->b_conf);
	r->b_conf.country = COUNTRY_RO;
	free(r->b_conf.central);
	ck_assert_ptr_nonnull(r->b_conf.central = strdup(r->central_url));
	snprintf(r->b_db, sizeof r->b_db, "%s/b.db", fixture_dir);
	ck_assert_int_eq(service_init(&r->b_conf, r->b_db, &cause), G_OK);
	ck_assert_int_eq(service_open(&r->b_conf, r->b_db, &r->b, &cause),
	    G_OK);
	service_act_as_system(r->b, "test");
	ck_assert_msg(service_sync_once(r->b, &rep, NULL, NULL) == G_OK,
	    "sync B: %s", service_message(r->b));
	ck_assert_msg(service_sync_once(r->svc, &rep, NULL, NULL) == G_OK,
	    "sync A: %s", service_message(r->svc));
}

static void
prepare_sync(struct run *r)
{
	static char unreachable[] = "sqlite:/nonexistent/central.db";
	struct sync_report rep;
	struct request q;
	char *central;

	register_ok(r->b, 2 * r->attempt + 1);
	q = request_ok(r->b);
	ck_assert_msg(q.number > 0, "B's request has no number: %s",
	    service_message(r->b));
	ck_assert_msg(service_sync_once(r->b, &rep, NULL, NULL) == G_OK,
	    "sync B: %s", service_message(r->b));

	register_ok(r->svc, 2 * r->attempt);
	central = fixture_conf.central;
	fixture_conf.central = unreachable;
	q = request_ok(r->svc);
	fixture_conf.central = central;
	ck_assert_msg(q.emergency_number > 0, "A's request has no emergency "
	    "number: %s", service_message(r->svc));
}

static int
op_sync(struct run *r)
{
	struct sync_report rep;
	int rc;

	if ((rc = service_sync_once(r->svc, &rep, NULL, NULL)) == G_OK)
		step_done(r);
	return rc;
}

/* Rows of A that are neither at the centre (a request with the number
 * it has here) nor waiting in A's outbox: lost to the centre. */
static const char lost_sql[] = "SELECT "
	"(SELECT COUNT(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM "
	"outbox o WHERE o.tbl = 'person' AND o.row_id = p.id) AND NOT EXISTS "
	"(SELECT 1 FROM c.central_record x WHERE x.tbl = 'person' AND "
	"x.uid = p.uid)), "
	"(SELECT COUNT(*) FROM request q LEFT JOIN registry g ON "
	"g.request_id = q.id WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE "
	"o.tbl = 'request' AND o.row_id = q.id) AND NOT EXISTS (SELECT 1 "
	"FROM c.central_record x WHERE x.tbl = 'request' AND x.uid = q.uid "
	"AND (x.body ->> '$.registry.number') IS g.number)), "
	"(SELECT COUNT(*) FROM request_event e WHERE NOT EXISTS (SELECT 1 "
	"FROM outbox o WHERE o.tbl = 'request_event' AND o.row_id = e.id) "
	"AND NOT EXISTS (SELECT 1 FROM c.central_record x WHERE "
	"x.tbl = 'request_event' AND x.uid = e.uid)), "
	"(SELECT COUNT(*) FROM audit a WHERE NOT EXISTS (SELECT 1 FROM "
	"outbox o WHERE o.tbl = 'audit' AND o.row_id = a.id) AND NOT EXISTS "
	"(SELECT 1 FROM c.central_record x WHERE x.tbl = 'audit' AND "
	"x.uid = (SELECT uid FROM station_identity) || '-a' || a.id)), "
	"(SELECT COUNT(*) FROM outbox)";

/* Nothing of A is lost to the centre; after a round that went through,
 * the outbox is empty, the centre holds each record once and A has
 * every protocol number of the year. */
static void
judge_sync(struct run *r, int rc)
{
	long long v[5], w[3], c[3];

	row_ints(lost_sql, v, 5);
	if (v[0] != 0 || v[1] != 0 || v[2] != 0 || v[3] != 0)
		problem(r, "sync %s: %lld people, %lld requests, %lld events, "
		    "%lld audit rows of A are neither at the centre nor in "
		    "the outbox", rc == G_OK ? "done" : "failed", v[0], v[1],
		    v[2], v[3]);
	if (rc != G_OK)
		return;
	if (v[4] != 0)
		problem(r, "sync done, yet %lld changes wait in the outbox",
		    v[4]);
	row_ints("SELECT COUNT(*), COUNT(DISTINCT tbl || ' ' || uid) FROM "
	    "c.central_record", c, 2);
	if (c[0] != c[1])
		problem(r, "the centre holds %lld records for %lld uids", c[0],
		    c[1]);
	row_ints("SELECT COUNT(*) FROM c.central_registry WHERE year = ?", c, 1,
	    (long long)year);
	row_ints("SELECT COUNT(*), COUNT(DISTINCT number), COALESCE(MAX("
	    "number), 0) FROM registry WHERE year = ?", w, 3, (long long)year);
	if (w[0] != c[0] || w[1] != c[0] || w[2] != c[0])
		problem(r, "sync done, yet A's registry of %d has %lld "
		    "numbers, %lld distinct, up to %lld, of the centre's %lld",
		    year, w[0], w[1], w[2], c[0]);
}

/* Both stores are sound, the centre's numbers have no gap and no
 * duplicate, and every number A holds is the centre's for that request
 * (A may still lack some: they come with the next round). */
static void
check_sync(struct run *r)
{
	const char *ok;
	long long v[3];

	if (strcmp(ok = row_text("PRAGMA c.integrity_check"), "ok") != 0)
		problem(r, "the centre's integrity_check: %s", ok);
	row_ints("SELECT COUNT(*), COUNT(DISTINCT number), COALESCE(MAX("
	    "number), 0) FROM c.central_registry WHERE year = ?", v, 3,
	    (long long)year);
	if (v[0] != v[1] || v[0] != v[2])
		problem(r, "the centre's registry of %d has %lld numbers, %lld "
		    "distinct, up to %lld", year, v[0], v[1], v[2]);
	row_ints("SELECT COUNT(*) - "
	    "COUNT(DISTINCT number), (SELECT COUNT(*) FROM registry g JOIN "
	    "request q ON q.id = g.request_id WHERE NOT EXISTS (SELECT 1 FROM "
	    "c.central_registry x WHERE x.request_uid = q.uid AND "
	    "x.year = g.year AND x.number = g.number)) FROM registry WHERE "
	    "year = ?", v, 2, (long long)year);
	if (v[0] != 0 || v[1] != 0)
		problem(r, "A's registry: %lld numbers twice, %lld not the "
		    "centre's", v[0], v[1]);
}

/* What each path stores, the same each time. */
static const char person_sql[] = "SELECT json_array(p.country, "
	"length(p.cnp), p.surname, p.given_names, p.birth_date, p.town, "
	"p.street, p.number, p.postal_code, p.email, p.contact, p.level, "
	"(SELECT json_group_array(key) FROM (SELECT key FROM person_search "
	"WHERE person_id = p.id ORDER BY key)), (SELECT json_group_array("
	"json_array(from_level, to_level, reason, by_actor, station)) FROM "
	"(SELECT * FROM level_change WHERE person_id = p.id ORDER BY id))) "
	"FROM person p ORDER BY p.id DESC LIMIT 1";

static const char validation_sql[] = "SELECT json_array(v.method, "
	"length(v.national_key), v.doc_type, v.doc_series, v.doc_number, "
	"v.doc_issuer, v.doc_expiry, v.address_proof, v.validated_by, "
	"v.station, v.revoked_at, p.level, (SELECT json_group_array("
	"json_array(from_level, to_level, reason, by_actor)) FROM (SELECT * "
	"FROM level_change WHERE person_id = p.id ORDER BY id))) FROM "
	"validation v JOIN person p ON p.id = v.person_id ORDER BY v.id DESC "
	"LIMIT 1";

static const char envelope_sql[] = "SELECT json_array(year, person_id, "
	"state, replaces, reason, created_by, station, origin, "
	"credential_id, length(serial) > 0) FROM envelope ORDER BY id DESC "
	"LIMIT 1";

static const char request_sql[] = "SELECT json_array(q.type, "
	"q.department, q.category, q.person_id, q.filed_by, q.station, "
	"q.status, q.reply, (SELECT json_group_object(name, value) FROM "
	"request_field WHERE request_id = q.id), (SELECT json_group_array("
	"json_array(from_status, to_status, text, by_actor, station)) FROM "
	"(SELECT * FROM request_event WHERE request_id = q.id ORDER BY id)), "
	"(SELECT json_array(year, registered_by, station, annulled_at, "
	"number = (SELECT MAX(number) FROM registry WHERE year = g.year)) "
	"FROM registry g WHERE request_id = q.id)) FROM request q ORDER BY "
	"q.id DESC LIMIT 1";

static const char payment_sql[] = "SELECT json_array(p.payer, p.amount, "
	"p.paid_on, p.channel, p.advice, p.bank, p.account, p.credit, "
	"p.registered_by, p.station, (SELECT json_group_array(json_array("
	"principal, charges, closed_charges, discount)) FROM allocation WHERE "
	"payment_id = p.id)) FROM payment p ORDER BY p.id DESC LIMIT 1";

static const char import_sql[] = "SELECT json_array("
	"(SELECT json_array(name, address, person_id, business_id) FROM "
	"taxpayer ORDER BY id DESC LIMIT 1), "
	"(SELECT json_array(kind, description, address) FROM taxable_unit "
	"ORDER BY id DESC LIMIT 1), "
	"(SELECT json_array(w.share_num, w.share_den) FROM unit_owner w WHERE "
	"w.unit_id = (SELECT MAX(id) FROM taxable_unit) AND w.taxpayer_id = "
	"(SELECT MAX(id) FROM taxpayer)), "
	"(SELECT json_array(tax_type, name, tax_year, principal, notice, "
	"notice_date, due_date, iban, length(rf), discountable, "
	"unit_id = (SELECT MAX(id) FROM taxable_unit), "
	"taxpayer_id = (SELECT MAX(id) FROM taxpayer)) FROM obligation "
	"ORDER BY id DESC LIMIT 1), "
	"(SELECT json_array(p.payer, p.amount, p.paid_on, p.channel, "
	"p.advice, p.bank, p.account, p.credit, p.registered_by, (SELECT "
	"json_group_array(json_array(principal, charges, closed_charges, "
	"discount)) FROM allocation WHERE payment_id = p.id)) FROM payment p "
	"ORDER BY p.id DESC LIMIT 1), "
	"(SELECT json_array(rows_read, rows_bad, finished_at IS NOT NULL, "
	"imported_by) FROM register_import ORDER BY id DESC LIMIT 1))";

/* name, steps, restart, grows, attempts (in use, fresh), content,
 * setup, prepare, op, judge, check */
static const struct path paths[] = {
	{ "register a citizen", 1, false, false, 400, 25, person_sql,
	  setup_empty, NULL, op_register, NULL, NULL },
	{ "validate", 1, false, false, 400, 25, validation_sql,
	  setup_empty, prepare_validate, op_validate, NULL, NULL },
	{ "issue an envelope", 1, false, false, 400, 25, envelope_sql,
	  setup_envelope, NULL, op_envelope, NULL, check_envelope },
	{ "file and register a request", 2, false, false, 400, 25,
	  request_sql, setup_empty, NULL, op_request, NULL, NULL },
	{ "record a payment", 1, false, false, 400, 25, payment_sql,
	  setup_payment, NULL, op_payment, NULL, NULL },
	{ "import the register", 3, true, false, 400, 25, import_sql,
	  setup_empty, prepare_import, op_import, NULL, NULL },
	{ "a sync batch", 1, false, true, 60, 20, NULL,
	  setup_sync, prepare_sync, op_sync, judge_sync, check_sync },
};

static void
setup(void)
{
	fixture_setup();
	fixture_conf.country = COUNTRY_RO;
}

/* $FAULTS_PATH, when set, names the one path to sweep (a part of its
 * name will do). */
START_TEST(faults_leave_the_store_whole)
{
	const char *only = getenv("FAULTS_PATH");

	if (only == NULL || strstr(paths[_i].name, only) != NULL)
		sweep_path(&paths[_i]);
}
END_TEST

/* With $FAULTS_LOG set, SQLite's own log: which statement each fault
 * stopped, and how. */
static void
sqlite_log(void *arg, int code, const char *msg)
{
	(void)arg;
	fprintf(stderr, "# sqlite %d: %s\n", code, msg);
}

int
main(void)
{
	Suite *s = suite_create("faults");
	TCase *tc = tcase_create("faults");
	SRunner *sr;
	int failed;

	if (getenv("FAULTS_LOG") != NULL)
		sqlite3_config(SQLITE_CONFIG_LOG, sqlite_log, NULL);
	/* Before any database is opened: the allocator is set only then. */
	if (!faulty_vfs_install()) {
		fprintf(stderr, "the faulty VFS could not be installed\n");
		return EXIT_FAILURE;
	}
	tcase_add_checked_fixture(tc, setup, fixture_teardown);
	tcase_set_timeout(tc, 1200);
	tcase_add_loop_test(tc, faults_leave_the_store_whole, 0,
	    (int)(sizeof paths / sizeof paths[0]));
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
