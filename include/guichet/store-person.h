/*
 * Citizens in the store.  National ids are unique per kind; a second
 * person with the same CNP, AFM or AMKA is refused with G_ERR_EXISTS.
 * Names are also stored folded (fold.h) in person_search, one row per
 * word a name starts from, so prefix search on any word is an index scan.
 */
#ifndef GUICHET_STORE_PERSON_H
#define GUICHET_STORE_PERSON_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/person.h"
#include "guichet/validation.h"

struct store;

/* The columns a search by identifier or e-mail may use. */
enum person_column { COLUMN_CNP, COLUMN_AFM, COLUMN_AMKA, COLUMN_EMAIL };

/* Inserts p with its folded name and sets *id.  Returns G_OK,
 * G_ERR_EXISTS (a national id is taken) or G_ERR_STORE. */
int store_person_insert(struct store *st, const struct person *p,
    const char *folded_name, int64_t *id);

/* Reads person id into *out; G_ERR_NOTFOUND when there is none. */
int store_person_get(struct store *st, int64_t id, struct person *out);

/* Reads the summary of person id. */
int store_person_summary(struct store *st, int64_t id,
    struct person_summary *out);

/* Reads the summaries of the n people ids[] (at most 500) into out[], in
 * the same order, with one statement; a missing id leaves its summary
 * with id 0. */
int store_person_summaries(struct store *st, const int64_t *ids, int n,
    struct person_summary *out);

/* Sets *id to the person whose column equals value exactly, or returns
 * G_ERR_NOTFOUND. */
int store_person_find(struct store *st, enum person_column column,
    const char *value, int64_t *id);

/* Calls fn with each person (id and whole folded name) who has a name
 * word starting with prefix, in the order of those words, until fn
 * returns non-zero or limit rows were seen; a person may come more than
 * once (one per matching word). */
int store_person_search_name(struct store *st, const char *prefix,
    int limit, int (*fn)(int64_t id, const char *key, void *arg),
    void *arg);

/* Calls fn with each person whose column starts with prefix, in column
 * order, at most limit. */
int store_person_search_column(struct store *st, enum person_column column,
    const char *prefix, int limit, int (*fn)(int64_t id, void *arg),
    void *arg);

/* Sets the account level of person id. */
int store_person_set_level(struct store *st, int64_t id,
    enum account_level level);

/* Replaces the search rows of person id by those of folded_name. */
int store_person_set_search(struct store *st, int64_t id,
    const char *folded_name);

/* Calls fn with each person that has no search rows (an older schema's
 * people), passing the names to fold. */
int store_person_each_unindexed(struct store *st,
    int (*fn)(int64_t id, const char *surname, const char *given,
    const char *former, void *arg), void *arg);

/* Sets *count to the number of people stored. */
int store_person_count(struct store *st, int64_t *count);

/* Records a change of level of person id. */
int store_level_change_insert(struct store *st, int64_t person_id,
    const struct level_change *change);

/* Calls fn with each level change of person id, oldest first. */
int store_level_change_each(struct store *st, int64_t person_id,
    int (*fn)(const struct level_change *change, void *arg), void *arg);

/* Reads the installation's id key; *found false when none was made yet. */
int store_installation_key(struct store *st, unsigned char key[32],
    bool *found);

/* Stores the installation's id key (once). */
int store_installation_key_put(struct store *st,
    const unsigned char key[32]);

/* Takes key as the installation's secret (the town hall's, from the
 * central store) unless it has one already that keys validations: then
 * *refused, and nothing changes.  Inside a transaction. */
int store_installation_key_adopt(struct store *st, const unsigned char key[32],
    bool *refused);

#endif
