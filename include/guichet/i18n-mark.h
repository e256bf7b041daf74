/*
 * Marks a string for translation without translating it, for pure code
 * that returns static messages the caller passes through _() when it shows
 * them; xgettext is run with --keyword=N_.
 */
#ifndef GUICHET_I18N_MARK_H
#define GUICHET_I18N_MARK_H

#define N_(s) (s)

/* Marks s with a context, for a word that translates differently by what
 * it is about ("closed": an account, a request): gettext's msgctxt, which
 * xgettext reads with --keyword=NC_:1c,2.  _() translates it, and shows s
 * alone when there is no translation. */
#define NC_(context, s) (context "\004" s)

#endif
