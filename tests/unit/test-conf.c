/* The configuration file: defaults, values, and the errors an admin sees. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guichet/conf.h"
#include "guichet/err.h"

static char path[64];

/* Writes text to a fresh temporary file named in path. */
static void
write_file(const char *text)
{
	FILE *f;
	int fd;

	snprintf(path, sizeof path, "/tmp/guichet-conf-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
}

/* Loads text and returns the error, or NULL; c is left loaded. */
static char *
load(struct conf *c, const char *text)
{
	char *cause = NULL;

	write_file(text);
	conf_defaults(c);
	if (conf_load(c, path, &cause) == G_OK)
		ck_assert_ptr_null(cause);
	unlink(path);
	return cause;
}

START_TEST(defaults_apply)
{
	struct conf c;

	conf_defaults(&c);
	ck_assert_str_eq(c.language, "ro");
	ck_assert_int_eq(c.country, COUNTRY_RO);
	ck_assert_int_eq(c.kiosk_idle_timeout, 120);
	ck_assert_int_eq(c.lock_after, 10);
	ck_assert_str_eq(c.central, "");
	conf_free(&c);
}
END_TEST

START_TEST(values_are_read)
{
	struct conf c;
	char *cause = load(&c, "; comment\n[station]\nname = Γκισέ 2\n"
	    "[town]\nprofile = gr\nname = Δήμος Χερσονήσου\n[ui]\n"
	    "language = el\nhigh_contrast = yes\n[store]\n"
	    "database = /tmp/x.db\n[kiosk]\nidle_timeout = 300\n");

	ck_assert_ptr_null(cause);
	ck_assert_str_eq(c.station, "Γκισέ 2");
	ck_assert_str_eq(c.town, "Δήμος Χερσονήσου");
	ck_assert_int_eq(c.country, COUNTRY_GR);
	ck_assert_str_eq(c.language, "el");
	ck_assert(c.high_contrast);
	ck_assert_str_eq(c.database, "/tmp/x.db");
	ck_assert_int_eq(c.kiosk_idle_timeout, 300);
	conf_free(&c);
}
END_TEST

START_TEST(unknown_key_is_named_with_its_line)
{
	struct conf c;
	char *cause = load(&c, "[store]\n\ndatabse = /tmp/x.db\n");

	ck_assert_ptr_nonnull(cause);
	ck_assert_ptr_nonnull(strstr(cause, ":3: unknown key 'databse' in "
	    "[store]"));
	free(cause);
	conf_free(&c);
}
END_TEST

START_TEST(bad_values_are_refused)
{
	static const struct {
		const char *text;
		const char *expect;
	} cases[] = {
		{ "[kiosk]\nidle_timeout = 5\n", "from 10 to 3600" },
		{ "[kiosk]\nidle_timeout = 12x\n", "whole number" },
		{ "[security]\nlock_after = 101\n", "from 3 to 100" },
		{ "[town]\nprofile = fr\n", "one of ro, gr" },
		{ "[ui]\nlanguage = de\n", "one of ro, el, en" },
		{ "[ui]\nhigh_contrast = maybe\n", "yes or no" },
		{ "[station]\nno equals sign\n", ":2:" },
	};
	struct conf c;
	size_t i;
	char *cause;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cause = load(&c, cases[i].text);
		ck_assert_msg(cause != NULL, "accepted: %s", cases[i].text);
		ck_assert_msg(strstr(cause, cases[i].expect) != NULL,
		    "'%s' lacks '%s'", cause, cases[i].expect);
		free(cause);
		conf_free(&c);
	}
}
END_TEST

START_TEST(missing_named_file_is_an_error)
{
	struct conf c;
	char *cause = NULL;

	conf_defaults(&c);
	ck_assert_int_eq(conf_load(&c, "/nonexistent/guichet.conf", &cause),
	    G_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(cause, "cannot read"));
	free(cause);
	conf_free(&c);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("conf");
	TCase *tc = tcase_create("conf");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, defaults_apply);
	tcase_add_test(tc, values_are_read);
	tcase_add_test(tc, unknown_key_is_named_with_its_line);
	tcase_add_test(tc, bad_values_are_refused);
	tcase_add_test(tc, missing_named_file_is_an_error);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
