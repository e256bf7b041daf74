/*
 * Small text helpers the rules share: ASCII tests that ignore the locale
 * (identifiers are ASCII whatever language the screen is in), and UTF-8
 * decoding.  Pure.
 */
#ifndef GUICHET_TEXT_H
#define GUICHET_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Returns true when c is an ASCII digit. */
bool text_is_digit(int c);

/* Returns true when c is an ASCII upper-case letter. */
bool text_is_upper(int c);

/* Returns true when c is an ASCII letter of either case. */
bool text_is_alpha(int c);

/* Returns c upper-cased when it is an ASCII letter, else c. */
int text_ascii_upper(int c);

/* Returns true when the first n bytes of s are ASCII digits (a NUL
 * among them stops it: false). */
bool text_all_digits(const char *s, size_t n);

/* Decodes the UTF-8 character at s (n bytes available) into *cp and
 * returns its length, or 0 when the bytes are not well-formed UTF-8
 * (overlong, surrogate, past U+10FFFF, cut short). */
size_t text_utf8_next(const unsigned char *s, size_t n, uint32_t *cp);

#endif
