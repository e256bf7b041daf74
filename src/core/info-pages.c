#include "config.h"

#include "guichet/info-pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"

#define LINE_MAX_BYTES 1024

static const char *const langs[3] = { "ro", "el", "en" };

/* Returns the index of lang in langs, or -1. */
static int
lang_index(const char *lang)
{
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(langs[i], lang) == 0)
			return i;
	return -1;
}

/* Appends s to the text at dst (size len), after sep; false when it does
 * not fit. */
static bool
append(char *dst, size_t len, const char *sep, const char *s)
{
	size_t used = strlen(dst);

	if (used + strlen(sep) + strlen(s) + 1 > len)
		return false;
	snprintf(dst + used, len - used, "%s%s", used ? sep : "", s);
	return true;
}

/* Takes "key = value" of page p; sets *text to the text it set, for the
 * lines that go on with it.  Returns a reason, or NULL. */
static const char *
page_key(struct info_page *p, char *line, char **text)
{
	char *eq = strchr(line, '='), *key = line, *value, *end;
	int i;

	if (eq == NULL)
		return "not a key = value line";
	for (end = eq; end > key && end[-1] == ' '; end--)
		;
	*end = '\0';
	for (value = eq + 1; *value == ' '; value++)
		;
	if (strncmp(key, "title.", 6) == 0 && (i = lang_index(key + 6)) >= 0) {
		char *title = i == 0 ? p->title.ro : i == 1 ? p->title.el :
		    p->title.en;

		if (strlen(value) >= sizeof p->title.ro)
			return "the title is too long";
		snprintf(title, sizeof p->title.ro, "%s", value);
		*text = NULL;
		return NULL;
	}
	if (strncmp(key, "text.", 5) == 0 && (i = lang_index(key + 5)) >= 0) {
		*text = p->text[i];
		(*text)[0] = '\0';
		return append(*text, INFO_TEXT_MAX, "\n", value) ? NULL :
		    "the text is too long";
	}
	return "unknown key: use title.ro, text.el, ...";
}

int
info_pages_parse(const char *name, const char *text, struct info_pages *out,
    char **cause)
{
	char line[LINE_MAX_BYTES], *going_on = NULL;
	const char *s = text, *nl, *why = NULL;
	struct info_page *p = NULL;
	int lineno = 0;
	size_t n;

	memset(out, 0, sizeof *out);
	*cause = NULL;
	for (; *s != '\0' && why == NULL; s = *nl ? nl + 1 : nl) {
		lineno++;
		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		if ((n = (size_t)(nl - s)) >= sizeof line) {
			why = "the line is longer than 1023 bytes";
			break;
		}
		memcpy(line, s, n);
		line[n] = '\0';
		if (line[strspn(line, " \t")] == '\0' || line[0] == ';')
			continue;
		if (line[0] == ' ' || line[0] == '\t') {
			if (going_on == NULL)
				why = "a line goes on from nothing";
			else if (!append(going_on, INFO_TEXT_MAX, "\n",
			    line + strspn(line, " \t")))
				why = "the text is too long";
		} else if (strncmp(line, "[page ", 6) == 0 && line[n - 1] == ']') {
			if (out->n == INFO_PAGES_MAX) {
				why = "too many pages";
				break;
			}
			p = &out->pages[out->n++];
			snprintf(p->id, sizeof p->id, "%.*s", (int)(n - 7),
			    line + 6);
			going_on = NULL;
		} else if (p == NULL)
			why = "a key before any [page ID]";
		else
			why = page_key(p, line, &going_on);
	}
	if (why == NULL)
		for (n = 0; n < (size_t)out->n; n++)
			if (out->pages[n].title.en[0] == '\0' ||
			    out->pages[n].text[2][0] == '\0') {
				*cause = xasprintf("%s: [page %s] needs title.en "
				    "and text.en", name, out->pages[n].id);
				return G_ERR_INVALID;
			}
	if (why != NULL) {
		*cause = xasprintf("%s:%d: %s", name, lineno, why);
		memset(out, 0, sizeof *out);
		return G_ERR_INVALID;
	}
	return G_OK;
}

const char *
info_page_text(const struct info_page *p, const char *lang)
{
	int i = lang != NULL ? lang_index(lang) : -1;

	return i >= 0 && p->text[i][0] != '\0' ? p->text[i] : p->text[2];
}
