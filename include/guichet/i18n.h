/*
 * Translation with gettext: English in the source, catalogues for Romanian
 * and Greek.  The language can change while the program runs (the clerk's
 * language key), which gettext allows through LANGUAGE plus a catalogue
 * counter bump.  The locale must be UTF-8 for ncursesw; when the
 * environment gives none, C.UTF-8 is used.
 */
#ifndef GUICHET_I18N_H
#define GUICHET_I18N_H

#include <libintl.h>

#include "guichet/i18n-mark.h"

#define _(s) i18n_gettext(s)

/* Returns the translation of msgid in the current language: msgid itself
 * when there is none, without its context (see NC_). */
const char *i18n_gettext(const char *msgid)
    __attribute__((format_arg(1)));

/* Sets a UTF-8 locale, binds the catalogues (GUICHET_LOCALEDIR overrides
 * the installed directory) and selects lang ("ro", "el", "en").  Returns
 * 0, or -1 when no UTF-8 locale could be set. */
int i18n_init(const char *lang);

/* Switches the language of every later gettext call. */
void i18n_set_language(const char *lang);

/* Returns the current language code. */
const char *i18n_language(void);

/* Returns the next language in the cycle ro -> el -> en -> ro. */
const char *i18n_next_language(const char *lang);

/* Returns the previous language in that cycle. */
const char *i18n_prev_language(const char *lang);

/* Returns the language's own name ("Română", "Ελληνικά", "English"). */
const char *i18n_language_name(const char *lang);

#endif
