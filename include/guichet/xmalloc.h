/*
 * Allocation that cannot return NULL.  On failure it calls the fatal hook
 * (the TUI restores the terminal there), logs, and exits: a town hall
 * workstation out of memory cannot do anything useful, and every caller
 * checking NULL would only hide that.
 */
#ifndef GUICHET_XMALLOC_H
#define GUICHET_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Sets the function called before exiting on a fatal error (may be NULL). */
void xmalloc_set_fatal_hook(void (*hook)(void));

/* Restores what the hook guards, prints msg on stderr and exits 70. */
void fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* Returns size bytes; never NULL. */
void *xmalloc(size_t size);
/* Returns nmemb * size zeroed bytes, checking the product for overflow. */
void *xcalloc(size_t nmemb, size_t size);
/* Returns ptr resized to nmemb * size, checking for overflow. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
/* Returns a copy of s; never NULL. */
char *xstrdup(const char *s);
/* Returns a copy of the first n bytes of s (fewer if s is shorter). */
char *xstrndup(const char *s, size_t n);
/* Returns a formatted string the caller frees; never NULL. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
