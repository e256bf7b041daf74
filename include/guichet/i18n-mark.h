/*
 * Marks a string for translation without translating it, for pure code
 * that returns static messages the caller passes through _() when it shows
 * them; xgettext is run with --keyword=N_.
 */
#ifndef GUICHET_I18N_MARK_H
#define GUICHET_I18N_MARK_H

#define N_(s) (s)

#endif
