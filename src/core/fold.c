#include "config.h"

#include "guichet/fold.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "guichet/xmalloc.h"
#include "fold-table.h"

/* Names are short: most fold without touching the heap. */
#define FOLD_STACK	512

/* Tells whether c is a blank between words in folded text. */
static bool
is_blank(int c)
{
	return (c == ' ');
}

/*
 * Tells whether text is all ASCII or 2-byte UTF-8 for U+0080 to U+03FF
 * (lead bytes C2 to CF): Romanian, Hungarian, German and Greek names,
 * which fold_table covers without libunistring.
 */
static bool
in_table(const unsigned char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (s[i] < 0x80)
			continue;
		if (s[i] < 0xC2 || s[i] > 0xCF || i + 1 == n ||
		    (s[i + 1] & 0xC0) != 0x80)
			return (false);
		i++;
	}
	return (true);
}

/*
 * Adds the bytes of a folded piece to out: a blank in the piece stands
 * for a word break, written once and only between words.
 */
static void
emit(char *out, size_t *len, bool *gap, const char *piece)
{
	for (; *piece != '\0'; piece++) {
		if (*piece == ' ') {
			*gap = true;
			continue;
		}
		if (*gap && *len > 0)
			out[(*len)++] = ' ';
		*gap = false;
		out[(*len)++] = *piece;
	}
}

/*
 * Folds text that in_table() accepted, one code point at a time: ASCII
 * by hand, the rest through fold_table.  Entries hold at most 3 bytes for
 * a 2-byte code point, so the result is at most 3/2 of the input.
 */
static char *
fold_fast(const unsigned char *s, size_t n)
{
	char	*out, ascii[2] = { 0, 0 };
	size_t	 i, len = 0;
	bool	 gap = false;
	int	 c;

	out = xmalloc(n + n / 2 + 1);
	for (i = 0; i < n; i++) {
		c = s[i];
		if (c >= 0x80) {
			c = ((c & 0x1F) << 6) | (s[++i] & 0x3F);
			emit(out, &len, &gap,
			    fold_table[c - FOLD_TABLE_FIRST]);
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9'))
			c = ' ';
		ascii[0] = (char)c;
		emit(out, &len, &gap, ascii);
	}
	out[len] = '\0';
	return (out);
}

/*
 * Copies the valid UTF-8 sequences of s into a new string the caller
 * frees, dropping the bytes that are not, so that libunistring (which
 * refuses invalid input) sees clean text; *n is updated.
 */
static uint8_t *
drop_invalid(const uint8_t *s, size_t *n)
{
	uint8_t	*out;
	ucs4_t	 uc;
	size_t	 i = 0, len = 0;
	int	 k;

	out = xmalloc(*n + 1);
	while (i < *n) {
		k = u8_mbtoucr(&uc, s + i, *n - i);
		if (k < 0) {
			i++;
			continue;
		}
		memcpy(out + len, s + i, (size_t)k);
		len += (size_t)k;
		i += (size_t)k;
	}
	out[len] = '\0';
	*n = len;
	return (out);
}

/*
 * Folds any other text (and is what fold_table was made with: see
 * scripts/gen-fold-table.c).  u8_casefold with NFKD decomposes,
 * case folds and decomposes again (NFKD(toCasefold(NFKD(X)))), so
 * compatibility forms that decompose to capitals ("℃") come out folded
 * too; the combining marks that decomposition split off are then dropped.
 */
static char *
fold_unicode(const char *text, size_t n)
{
	uint8_t		 stackbuf[FOLD_STACK];
	const uint8_t	*in = (const uint8_t *)text;
	uint8_t		*clean = NULL, *cf;
	char		*out;
	size_t		 cflen = sizeof stackbuf, i, len = 0;
	ucs4_t		 uc;
	bool		 gap = false;
	int		 k;

	if (u8_check(in, n) != NULL) {
		clean = drop_invalid(in, &n);
		in = clean;
	}
	cf = u8_casefold(in, n, NULL, UNINORM_NFKD, stackbuf, &cflen);
	if (cf == NULL) {
		/* The input is valid by now, so only memory can be short. */
		fatal("out of memory folding %zu bytes", n);
	}
	out = xmalloc(cflen + 1);
	for (i = 0; i < cflen; i += (size_t)k) {
		k = u8_mbtouc_unsafe(&uc, cf + i, cflen - i);
		if (uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_M))
			continue;
		if (!uc_is_general_category_withtable(uc,
		    UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_N)) {
			gap = true;
			continue;
		}
		if (gap && len > 0)
			out[len++] = ' ';
		gap = false;
		memcpy(out + len, cf + i, (size_t)k);
		len += (size_t)k;
	}
	out[len] = '\0';
	if (cf != stackbuf)
		free(cf);
	free(clean);
	return (out);
}

/* Folds a name or a query into its search key. */
char *
fold_search(const char *text)
{
	size_t	n;

	if (text == NULL)
		return (xstrdup(""));
	n = strlen(text);
	if (in_table((const unsigned char *)text, n))
		return (fold_fast((const unsigned char *)text, n));
	return (fold_unicode(text, n));
}

/* Counts the words of folded text, blanks in any number between them. */
size_t
fold_word_count(const char *folded)
{
	size_t	 n = 0;
	bool	 in_word = false;

	for (; *folded != '\0'; folded++) {
		if (is_blank((unsigned char)*folded))
			in_word = false;
		else if (!in_word) {
			in_word = true;
			n++;
		}
	}
	return (n);
}

/* Tells whether the len bytes at word begin some word of key. */
static bool
prefix_of_some_word(const char *key, const char *word, size_t len)
{
	const char	*p = key;
	size_t		 klen;

	while (*p != '\0') {
		while (is_blank((unsigned char)*p))
			p++;
		klen = 0;
		while (p[klen] != '\0' && !is_blank((unsigned char)p[klen]))
			klen++;
		if (klen >= len && klen > 0 && memcmp(p, word, len) == 0)
			return (true);
		p += klen;
	}
	return (false);
}

/*
 * Matches a query against a key word by word, in any order; two query
 * words may match the same key word.  A query without words matches
 * every key, as an empty search box lists everyone.
 */
int
fold_matches(const char *key, const char *query)
{
	const char	*q = query;
	size_t		 len;

	if (key == NULL || query == NULL)
		return (0);
	while (*q != '\0') {
		while (is_blank((unsigned char)*q))
			q++;
		len = 0;
		while (q[len] != '\0' && !is_blank((unsigned char)q[len]))
			len++;
		if (len > 0 && !prefix_of_some_word(key, q, len))
			return (0);
		q += len;
	}
	return (1);
}
