/*
 * What the store and service tests share: a fresh folder and database
 * per test, a configuration, and SQL run on the file behind the
 * program's back to assert what the store holds.
 */
#ifndef GUICHET_TEST_FIXTURE_H
#define GUICHET_TEST_FIXTURE_H

#include "guichet/conf.h"

struct service;

extern char fixture_dir[64];	/* the test's own folder */
extern char fixture_db[96];	/* fixture_dir/g.db */
extern struct conf fixture_conf;

/* Check fixture: makes the folder and the default configuration. */
void fixture_setup(void);

/* Check fixture: removes the folder. */
void fixture_teardown(void);

/* Opens the service on fixture_db as the system administrator, creating
 * the database first when create is set. */
struct service *fixture_service(int create);

/* Runs SQL on the file, asserting it worked. */
void fixture_sql(const char *sql);

/* Returns the integer a query yields (-1: no row).  Its parameters, if
 * any, are bound to the arguments, each a long long. */
long long fixture_count(const char *sql, ...);

/* Returns the text a query yields in a static buffer ("(none)" when there
 * is no row, "(null)" for NULL); parameters as for fixture_count. */
const char *fixture_text(const char *sql, ...);

#endif
