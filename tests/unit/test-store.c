/* The store and the service layer on a real SQLite file: migrations, bad
 * files, staff accounts, login throttling and the audit chain. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-audit.h"
#include "guichet/service-auth.h"
#include "guichet/service-staff.h"
#include "guichet/service.h"
#include "guichet/store.h"
#include "fixture.h"

#define GOOD_PASSWORD "correct horse battery"

static void
setup(void)
{
	fixture_setup();
	fixture_conf.lock_after = 5;
}

/* Creates the database and opens the service as the system admin. */
static struct service *
open_service(void)
{
	return fixture_service(1);
}

/* Opens the service on the existing database as the system admin. */
static struct service *
open_service_again(void)
{
	return fixture_service(0);
}

START_TEST(create_then_migrate_is_idempotent)
{
	struct store *st;
	char *cause = NULL;
	int applied = -1, version = 0;

	ck_assert_int_eq(service_init(&fixture_conf, fixture_db, &cause), G_OK);
	ck_assert_int_eq(service_migrate(&fixture_conf, fixture_db, &applied, &version,
	    &cause), G_OK);
	ck_assert_int_eq(applied, 0);
	ck_assert_int_eq(version, store_schema_latest());
	ck_assert_int_eq(store_open(fixture_db, &st, &cause), G_OK);
	ck_assert_int_eq(store_schema_version(st), store_schema_latest());
	store_close(st);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM schema_migration"),
	    store_schema_latest());
}
END_TEST

START_TEST(create_refuses_an_existing_file)
{
	char *cause = NULL;

	ck_assert_int_eq(service_init(&fixture_conf, fixture_db, &cause), G_OK);
	ck_assert_int_eq(service_init(&fixture_conf, fixture_db, &cause), G_ERR_EXISTS);
	ck_assert_ptr_nonnull(strstr(cause, "already exists"));
	free(cause);
}
END_TEST

START_TEST(missing_directory_is_named)
{
	struct store *st;
	char *cause = NULL, path[128];

	snprintf(path, sizeof path, "%s/no/such/g.db", fixture_dir);
	ck_assert_int_eq(store_create(path, &st, &cause), G_ERR_IO);
	ck_assert_ptr_nonnull(strstr(cause, "does not exist"));
	free(cause);
}
END_TEST

START_TEST(a_text_file_is_not_a_database)
{
	struct store *st;
	char *cause = NULL;
	FILE *f = fopen(fixture_db, "w");

	fputs("this is a letter, not a database\n", f);
	fclose(f);
	ck_assert_int_eq(store_open(fixture_db, &st, &cause), G_ERR_STORE);
	ck_assert_ptr_nonnull(strstr(cause, "not a guichet database"));
	free(cause);
}
END_TEST

START_TEST(an_older_schema_asks_for_migrate)
{
	struct store *st;
	char *cause = NULL;

	ck_assert_int_eq(service_init(&fixture_conf, fixture_db, &cause), G_OK);
	fixture_sql("DELETE FROM schema_migration WHERE version = "
	    "(SELECT MAX(version) FROM schema_migration)");
	ck_assert_int_eq(store_open(fixture_db, &st, &cause), G_ERR_STORE);
	ck_assert_ptr_nonnull(strstr(cause, "guichetctl migrate"));
	free(cause);
}
END_TEST

START_TEST(weak_passwords_and_bad_names_change_nothing)
{
	struct service *svc = open_service();

	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_CLERK, "short"),
	    G_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(service_message(svc), "too short"));
	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_CLERK,
	    "ana-ana-ana-ana-1"), G_ERR_INVALID);
	ck_assert_int_eq(service_staff_add(svc, "Ana'; DROP TABLE staff;--",
	    ROLE_CLERK, GOOD_PASSWORD), G_ERR_INVALID);
	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_SYSTEM,
	    GOOD_PASSWORD), G_ERR_INVALID);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM staff"), 0);
	service_close(svc);
}
END_TEST

START_TEST(duplicate_username_is_refused_and_audited)
{
	struct service *svc = open_service();

	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_CLERK,
	    GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_ADMIN,
	    GOOD_PASSWORD), G_ERR_EXISTS);
	ck_assert_ptr_nonnull(strstr(service_message(svc), "already"));
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM staff"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE "
	    "action = 'staff.add' AND outcome = 'ok'"), 1);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE "
	    "action = 'staff.add' AND outcome LIKE 'refused%'"), 1);
	service_close(svc);
}
END_TEST

START_TEST(login_succeeds_and_is_audited)
{
	struct service *svc = open_service();

	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_CLERK,
	    GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_login(svc, "ana", GOOD_PASSWORD), G_OK);
	ck_assert_str_eq(service_actor(svc)->name, "ana");
	ck_assert_int_eq(service_actor(svc)->role, ROLE_CLERK);
	service_logout(svc);
	ck_assert_ptr_null(service_actor(svc));
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE "
	    "action IN ('login', 'logout') AND outcome = 'ok' AND actor = "
	    "'ana'"), 2);
	/* The clerk may not manage staff. */
	ck_assert_int_eq(service_login(svc, "ana", GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_staff_add(svc, "bob", ROLE_ADMIN,
	    GOOD_PASSWORD), G_ERR_DENIED);
	service_close(svc);
}
END_TEST

START_TEST(failures_throttle_then_lock)
{
	struct service *svc = open_service();
	int i;

	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_CLERK,
	    GOOD_PASSWORD), G_OK);
	for (i = 1; i < LOGIN_FREE_FAILURES; i++)
		ck_assert_int_eq(service_login(svc, "ana", "wrong password!"),
		    G_ERR_AUTH);
	/* The last free failure says so, and says to wait. */
	ck_assert_int_eq(service_login(svc, "ana", "wrong password!"),
	    G_ERR_LOCKED);
	ck_assert_ptr_nonnull(strstr(service_message(svc), "Wrong"));
	ck_assert_ptr_nonnull(strstr(service_message(svc), "wait 1 second,"));
	/* Now even the right password must wait. */
	ck_assert_int_eq(service_login(svc, "ana", GOOD_PASSWORD),
	    G_ERR_LOCKED);
	ck_assert_ptr_nonnull(strstr(service_message(svc), "wait"));
	sleep(2);
	ck_assert_int_eq(service_login(svc, "ana", "wrong password!"),
	    G_ERR_LOCKED);	/* 4th failure: wait 2 s */
	sleep(3);
	ck_assert_int_eq(service_login(svc, "ana", "wrong password!"),
	    G_ERR_LOCKED);	/* 5th failure: locked */
	ck_assert_ptr_nonnull(strstr(service_message(svc), "locked"));
	ck_assert_int_eq(fixture_count("SELECT locked FROM staff"), 1);
	ck_assert_int_eq(service_login(svc, "ana", GOOD_PASSWORD),
	    G_ERR_LOCKED);
	/* An administrator's new password unlocks. */
	service_act_as_system(svc, "test");
	ck_assert_int_eq(service_staff_passwd(svc, "ana",
	    "a brand new passphrase"), G_OK);
	ck_assert_int_eq(service_login(svc, "ana", "a brand new passphrase"),
	    G_OK);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE "
	    "action = 'login' AND outcome LIKE 'refused%'"), 7);
	service_close(svc);
}
END_TEST

START_TEST(unknown_user_is_not_recorded_by_name)
{
	struct service *svc = open_service();

	ck_assert_int_eq(service_login(svc, "my secret passphrase", "x"),
	    G_ERR_AUTH);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE "
	    "actor LIKE '%secret%' OR object LIKE '%secret%'"), 0);
	ck_assert_int_eq(fixture_count("SELECT COUNT(*) FROM audit WHERE "
	    "object = 'staff:?'"), 1);
	service_close(svc);
}
END_TEST

START_TEST(disabled_account_cannot_log_in)
{
	struct service *svc = open_service();

	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_CLERK,
	    GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_staff_disable(svc, "ana"), G_OK);
	ck_assert_int_eq(service_login(svc, "ana", GOOD_PASSWORD),
	    G_ERR_LOCKED);
	ck_assert_ptr_nonnull(strstr(service_message(svc), "disabled"));
	service_act_as_system(svc, "test");
	ck_assert_int_eq(service_staff_disable(svc, "nobody"),
	    G_ERR_NOTFOUND);
	service_close(svc);
}
END_TEST

START_TEST(audit_chain_finds_the_changed_row)
{
	struct service *svc = open_service();
	struct audit_report r;

	ck_assert_int_eq(service_staff_add(svc, "ana", ROLE_CLERK,
	    GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_staff_add(svc, "bob", ROLE_CLERK,
	    GOOD_PASSWORD), G_OK);
	ck_assert_int_eq(service_staff_disable(svc, "bob"), G_OK);
	ck_assert_int_eq(service_audit_verify(svc, NULL, &r), G_OK);
	ck_assert_int_eq(r.rows, 3);
	service_close(svc);

	/* The triggers refuse changes: whoever tampers must drop them. */
	fixture_sql("DROP TRIGGER audit_rows_are_never_changed");
	fixture_sql("UPDATE audit SET object = 'staff:eve' WHERE id = 2");
	svc = open_service_again();
	ck_assert_int_eq(service_audit_verify(svc, NULL, &r), G_ERR_TAMPERED);
	ck_assert_int_eq(r.broken_id, 2);
	ck_assert_ptr_nonnull(strstr(service_message(svc), "row 2"));
	service_close(svc);
}
END_TEST

START_TEST(audit_chain_finds_a_removed_row)
{
	struct service *svc = open_service();
	struct audit_report r;
	int i;

	for (i = 0; i < 3; i++)
		ck_assert_int_eq(service_login(svc, "nobody", "x"),
		    G_ERR_AUTH);
	service_close(svc);
	fixture_sql("DROP TRIGGER audit_rows_are_never_deleted");
	fixture_sql("DELETE FROM audit WHERE id = 2");
	svc = open_service_again();
	ck_assert_int_eq(service_audit_verify(svc, NULL, &r), G_ERR_TAMPERED);
	ck_assert_int_eq(r.broken_id, 3);
	service_close(svc);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, fixture_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, create_then_migrate_is_idempotent);
	tcase_add_test(tc, create_refuses_an_existing_file);
	tcase_add_test(tc, missing_directory_is_named);
	tcase_add_test(tc, a_text_file_is_not_a_database);
	tcase_add_test(tc, an_older_schema_asks_for_migrate);
	tcase_add_test(tc, weak_passwords_and_bad_names_change_nothing);
	tcase_add_test(tc, duplicate_username_is_refused_and_audited);
	tcase_add_test(tc, login_succeeds_and_is_audited);
	tcase_add_test(tc, failures_throttle_then_lock);
	tcase_add_test(tc, unknown_user_is_not_recorded_by_name);
	tcase_add_test(tc, disabled_account_cannot_log_in);
	tcase_add_test(tc, audit_chain_finds_the_changed_row);
	tcase_add_test(tc, audit_chain_finds_a_removed_row);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
