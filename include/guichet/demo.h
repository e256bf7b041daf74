/*
 * Demo citizens for trying guichet out: Romanian or Greek people with real
 * names (diacritics, tonos), valid national ids, full addresses, phones
 * and e-mail addresses.  Pure: the name lists come from the embedded
 * files (guichet/embedded.h), randomness from a PRNG the caller seeds, so
 * one seed always gives the same people.
 *
 * Ids are unique within a run, not merely likely to be: the index of a
 * person goes through a keyed permutation onto the (birth date, serial)
 * pairs the id format allows, so CNP, AFM and AMKA never repeat for
 * indexes below DEMO_UNIQUE_MAX; e-mail addresses carry the index.
 * Birth dates are spread evenly over 1935-2006.
 *
 * A demo also has a dozen council decisions, made here as text; their
 * PDF is drawn by the print module (guichet/decision-pdf.h).
 */
#ifndef GUICHET_DEMO_H
#define GUICHET_DEMO_H

#include <stddef.h>
#include <stdint.h>

#include "guichet/calendar.h"
#include "guichet/decision.h"
#include "guichet/embedded.h"
#include "guichet/person.h"

#define DEMO_YEAR_FIRST		1935
#define DEMO_YEAR_LAST		2006

/*
 * People per run whose ids cannot collide: the smallest id space, the
 * AFM bodies 00000001-19999999.  CNP allows 26,297 days x 999 serials,
 * AMKA 26,297 days x 5,000 (serial and sex digit).
 */
#define DEMO_UNIQUE_MAX		19999999ULL

struct demo_lists;	/* the parsed name lists of one country */

/* State of the generator: splitmix64, plus a key fixed at seeding that
 * shuffles index-derived ids.  Plain data; copy it to fork a stream. */
struct demo_rng {
	uint64_t	s;
	uint64_t	key;
};

/* Parses the lists of country from set ("ro-surnames.txt"...).  Returns
 * G_OK and sets *out (free with demo_lists_free), or G_ERR_NOTFOUND (a
 * file is missing), G_ERR_INVALID (a malformed line) or G_ERR_NOMEM, with
 * *out NULL and *cause an English "file:line: message" the caller frees
 * (NULL when even that could not be allocated).  cause may be NULL. */
int demo_lists_new(enum country country, const struct embedded_file *set,
    struct demo_lists **out, char **cause);

/* Releases lists (NULL is fine). */
void demo_lists_free(struct demo_lists *lists);

/* Seeds rng; the same seed gives the same sequence and the same people. */
void demo_rng_seed(struct demo_rng *rng, uint64_t seed);

/* Returns the next 64 random bits. */
uint64_t demo_rng_next(struct demo_rng *rng);

/* Returns a uniform number in [0, n), without modulo bias; 0 when n is 0. */
uint64_t demo_rng_below(struct demo_rng *rng, uint64_t n);

/* Fills *out with person number index of the run (0, 1, 2...): index
 * fixes the ids and the e-mail address, rng everything else.  id is 0 and
 * level LEVEL_NONE: the person is known to the town hall, no account. */
void demo_person_make(const struct demo_lists *lists, struct demo_rng *rng,
    uint64_t index, struct person *out);

#define DEMO_DECISIONS	12	/* council decisions of a demo */

/* A demo council decision, in the language of its country. */
struct demo_decision {
	int number, year;			/* "number/year" */
	struct date adopted;
	char title[512];
	char heading[64];			/* "Hotărârea nr. 12/2026" */
	char dated[64];				/* "din 25.11.2026" */
	char body[2048];			/* paragraphs, one a line */
	const char *council;			/* "Consiliul Local" */
	const char *signature;			/* lines at the foot */
};

/* Fills out with the council decisions of country adopted over the two
 * years up to today, oldest first, on working days, numbered per year; the
 * days and which subject falls on which come from rng. */
void demo_decisions_make(enum country country, struct demo_rng *rng,
    struct date today, struct demo_decision out[DEMO_DECISIONS]);

/* Writes name (UTF-8) as lower-case ASCII into out: Romanian, Hungarian
 * and German letters lose their marks, Greek follows ELOT 743 (passport
 * style: θ th, χ ch, ου ou, αυ av/af, μπ b at the start).  Keeps a-z, 0-9
 * and '-'; drops everything else.  Truncates to outlen - 1 bytes. */
void demo_ascii(const char *name, char *out, size_t outlen);

#endif
