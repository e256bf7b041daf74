/*
 * The kiosk's information pages: the built-in files parse, with a title
 * and a text in each language; a broken file is named with its line.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/embedded.h"
#include "guichet/err.h"
#include "guichet/info-pages.h"

static struct info_pages pages;

START_TEST(builtin_files)
{
	static const char *const names[] = { "ro-info.ini", "gr-info.ini" };
	const struct embedded_file *f;
	char *cause = NULL;
	int i, k;

	for (i = 0; i < 2; i++) {
		f = embedded_find(embedded_profiles, names[i]);
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(info_pages_parse(names[i], f->text, &pages,
		    &cause), G_OK);
		ck_assert_int_eq(pages.n, 4);
		for (k = 0; k < pages.n; k++) {
			ck_assert_str_ne(pages.pages[k].title.el, "");
			ck_assert_str_ne(info_page_text(&pages.pages[k], "ro"),
			    "");
		}
	}
	/* Paragraphs go on over indented lines. */
	ck_assert_ptr_nonnull(strchr(info_page_text(&pages.pages[0], "el"),
	    '\n'));
	ck_assert_ptr_nonnull(strstr(info_page_text(&pages.pages[1], "el"),
	    "0,73%"));
}
END_TEST

START_TEST(broken_files)
{
	char *cause = NULL;

	ck_assert_int_eq(info_pages_parse("x.ini", "title.en = A\n", &pages,
	    &cause), G_ERR_INVALID);
	ck_assert_str_eq(cause, "x.ini:1: a key before any [page ID]");
	free(cause);
	ck_assert_int_eq(info_pages_parse("x.ini", "[page a]\n  more\n",
	    &pages, &cause), G_ERR_INVALID);
	ck_assert_str_eq(cause, "x.ini:2: a line goes on from nothing");
	free(cause);
	ck_assert_int_eq(info_pages_parse("x.ini", "[page a]\ntitle.fr = A\n",
	    &pages, &cause), G_ERR_INVALID);
	free(cause);
	ck_assert_int_eq(info_pages_parse("x.ini", "[page a]\ntitle.en = A\n",
	    &pages, &cause), G_ERR_INVALID);
	ck_assert_str_eq(cause, "x.ini: [page a] needs title.en and text.en");
	free(cause);
	/* A language without its text falls back to English. */
	ck_assert_int_eq(info_pages_parse("x.ini", "[page a]\ntitle.en = A\n"
	    "text.en = Hello\n", &pages, &cause), G_OK);
	ck_assert_str_eq(info_page_text(&pages.pages[0], "el"), "Hello");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("info-pages");
	TCase *tc = tcase_create("info-pages");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, builtin_files);
	tcase_add_test(tc, broken_files);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
