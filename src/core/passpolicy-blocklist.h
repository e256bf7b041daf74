/*
 * The built-in list of common passwords, lower case, NULL-terminated.  It
 * is generated at build time from data/blocklist.txt by scripts/embed-list
 * into src/core/blocklist.c, so the program never reads it at run time.
 */
#ifndef GUICHET_PASSPOLICY_BLOCKLIST_H
#define GUICHET_PASSPOLICY_BLOCKLIST_H

extern const char *const passpolicy_blocklist[];

#endif
