/*
 * Search keys: text folded so that people find names the way they type
 * them.  "Ștefan Țărână" and "stefan tarana" fold alike, and so do
 * "Παπαδόπουλος" and "παπαδοπουλος" (final sigma included).  Folding is
 * Unicode compatibility decomposition (NFKD), removal of combining marks,
 * then full case folding (libunistring); anything that is not a letter or
 * a digit becomes a single blank, and blanks at either end go.  Pure.
 */
#ifndef GUICHET_FOLD_H
#define GUICHET_FOLD_H

#include <stddef.h>

/* Returns the folded form of text (UTF-8; NULL folds as "") as a new
 * string the caller frees; invalid UTF-8 bytes are dropped.  Never NULL:
 * running out of memory is fatal (xmalloc).  Latin, Greek and the
 * combining marks (up to U+03FF) fold through a table generated from
 * libunistring (scripts/gen-fold-table.c), about 0.15 microseconds a
 * name; other scripts go through libunistring itself. */
char *fold_search(const char *text);

/* Returns the number of words (blank-separated) in folded text. */
size_t fold_word_count(const char *folded);

/* Returns true when every word of query is a prefix of some word of key
 * (both folded): "stef tar" matches "tarana stefan".  Two query words may
 * match the same key word; a query with no words matches every key. */
int fold_matches(const char *key, const char *query);

#endif
