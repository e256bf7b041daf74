/*
 * The kiosk's information pages (norms art. 21(4), 28(p)): the tax
 * calendar, how amounts are worked out, where and how to pay, a guide to
 * the kiosk; their text per language in the profile's data file
 * (data/info/ro-info.ini, gr-info.ini).  Pure.
 *
 * Format: "[page ID]" starts a page; "title.LANG = text" and
 * "text.LANG = first paragraph" set its parts (LANG ro, el or en); a line
 * that starts with a blank goes on with the text above as a new
 * paragraph; blank lines and lines starting with ';' are skipped.  Lines
 * may be up to 1023 bytes (Greek takes two bytes a letter).
 */
#ifndef GUICHET_INFO_PAGES_H
#define GUICHET_INFO_PAGES_H

#include "guichet/request-type.h"

#define INFO_PAGES_MAX 12
#define INFO_TEXT_MAX 3000

struct info_page {
	char id[32];
	struct label3 title;
	char text[3][INFO_TEXT_MAX];	/* ro, el, en */
};

struct info_pages {
	int n;
	struct info_page pages[INFO_PAGES_MAX];
};

/* Parses text (name for messages) into *out.  Returns G_OK, or
 * G_ERR_INVALID with *cause ("name:line: message", caller frees). */
int info_pages_parse(const char *name, const char *text,
    struct info_pages *out, char **cause);

/* Returns page p's text in lang ("ro", "el", "en"), English when the
 * language has none. */
const char *info_page_text(const struct info_page *p, const char *lang);

#endif
