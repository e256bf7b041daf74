#include "config.h"

#include "fixture.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service.h"

char fixture_dir[64], fixture_db[96];
struct conf fixture_conf;

void
fixture_setup(void)
{
	snprintf(fixture_dir, sizeof fixture_dir, "/tmp/guichet-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fixture_dir));
	snprintf(fixture_db, sizeof fixture_db, "%s/g.db", fixture_dir);
	conf_defaults(&fixture_conf);
	i18n_init("en");
}

void
fixture_teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fixture_dir);
	ck_assert_int_eq(system(cmd), 0);
	conf_free(&fixture_conf);
}

struct service *
fixture_service(int create)
{
	struct service *svc;
	char *cause = NULL;

	if (create)
		ck_assert_int_eq(service_init(&fixture_conf, fixture_db,
		    &cause), G_OK);
	ck_assert_int_eq(service_open(&fixture_conf, fixture_db, &svc,
	    &cause), G_OK);
	service_act_as_system(svc, "test");
	return svc;
}

/* Prepares sql on a fresh connection to the file, binding the long long
 * arguments in ap to its parameters, in order. */
static sqlite3_stmt *
query(sqlite3 **h, const char *sql, va_list ap)
{
	sqlite3_stmt *s = NULL;
	int i;

	ck_assert_int_eq(sqlite3_open(fixture_db, h), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(*h, sql, -1, &s, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(*h));
	for (i = 1; i <= sqlite3_bind_parameter_count(s); i++)
		sqlite3_bind_int64(s, i, va_arg(ap, long long));
	return s;
}

void
fixture_sql(const char *sql)
{
	sqlite3 *h;

	ck_assert_int_eq(sqlite3_open(fixture_db, &h), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(h));
	sqlite3_close(h);
}

long long
fixture_count(const char *sql, ...)
{
	sqlite3_stmt *s;
	sqlite3 *h;
	long long n = -1;
	va_list ap;

	va_start(ap, sql);
	s = query(&h, sql, ap);
	va_end(ap);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(h);
	return n;
}

const char *
fixture_text(const char *sql, ...)
{
	static char out[1024];
	const unsigned char *t;
	sqlite3_stmt *s;
	sqlite3 *h;
	va_list ap;

	va_start(ap, sql);
	s = query(&h, sql, ap);
	va_end(ap);
	snprintf(out, sizeof out, "(none)");
	if (sqlite3_step(s) == SQLITE_ROW) {
		t = sqlite3_column_text(s, 0);
		snprintf(out, sizeof out, "%s", t != NULL ? (const char *)t :
		    "(null)");
	}
	sqlite3_finalize(s);
	sqlite3_close(h);
	return out;
}
