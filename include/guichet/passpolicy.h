/*
 * What passwords people may choose (NIST SP 800-63B, as RULES.md sets it):
 * at least 12 characters (Unicode code points), at most 128 (so 64 always
 * fit), no composition rules, refused when on the blocklist of common
 * passwords, when it contains the username or the town's name (compared
 * case-insensitively), or when it is one character repeated.  Pure.
 */
#ifndef GUICHET_PASSPOLICY_H
#define GUICHET_PASSPOLICY_H

#include <stddef.h>

#define PASSWORD_MIN_CHARS 12
#define PASSWORD_MAX_CHARS 128

/* Returns NULL when password may be used, else a static reason (N_()).
 * username and town may be NULL or empty. */
const char *passpolicy_check(const char *password, const char *username,
    const char *town);

/* Returns true when password (compared case-insensitively for ASCII) is on
 * the built-in list of common passwords. */
int passpolicy_is_common(const char *password);

#endif
