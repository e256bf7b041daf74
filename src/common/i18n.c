#include "config.h"

#include "guichet/i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* glibc's catalogue generation counter: bumping it makes gettext look
 * again at LANGUAGE, the documented way to switch at run time. */
extern int _nl_msg_cat_cntr;

static const struct {
	const char *code;
	const char *name;
} languages[] = {
	{ "ro", "Română" },
	{ "el", "Ελληνικά" },
	{ "en", "English" },
};

#define N_LANGUAGES (sizeof languages / sizeof languages[0])

static char current[8] = "en";

static int
language_index(const char *lang)
{
	size_t i;

	for (i = 0; i < N_LANGUAGES; i++)
		if (strcmp(languages[i].code, lang) == 0)
			return (int)i;
	return -1;
}

int
i18n_init(const char *lang)
{
	const char *dir;

	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			return -1;
	}
	/* Numbers in messages are formatted by our own code, per language. */
	setlocale(LC_NUMERIC, "C");
	if ((dir = getenv("GUICHET_LOCALEDIR")) == NULL || *dir == '\0')
		dir = LOCALEDIR;
	bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	i18n_set_language(lang);
	return 0;
}

void
i18n_set_language(const char *lang)
{
	if (language_index(lang) < 0)
		lang = "en";
	strcpy(current, lang);
	setenv("LANGUAGE", lang, 1);
	++_nl_msg_cat_cntr;
}

const char *
i18n_gettext(const char *msgid)
{
	const char *text = gettext(msgid), *context_end;

	if (text == msgid && (context_end = strchr(msgid, '\004')) != NULL)
		return context_end + 1;
	return text;
}

const char *
i18n_language(void)
{
	return current;
}

const char *
i18n_next_language(const char *lang)
{
	int i = language_index(lang);

	return languages[(size_t)(i + 1) % N_LANGUAGES].code;
}

const char *
i18n_prev_language(const char *lang)
{
	int i = language_index(lang);

	return languages[(size_t)(i + (int)N_LANGUAGES - 1) % N_LANGUAGES]
	    .code;
}

const char *
i18n_language_name(const char *lang)
{
	int i = language_index(lang);

	return i < 0 ? lang : languages[i].name;
}
