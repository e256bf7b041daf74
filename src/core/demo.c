#include "config.h"

#include "guichet/demo.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/err.h"
#include "guichet/ident.h"
#include "guichet/text.h"

/* Byte limits of list entries, so that every person field fits whole. */
#define NAME_MAX_LEN		60	/* two names and a hyphen fit 128 */
#define STREET_MAX_LEN		100
#define TOWN_MAX_LEN		90
#define DISTRICT_MAX_LEN	60
#define MAX_FIELDS		4
#define CAUSE_LEN		256
#define EMAIL_PART_MAX		40

#define CNP_SERIALS		999	/* NNN runs 001-999 */
#define AMKA_SLOTS		5000	/* 1000 serials x 5 sex digits */

/* Percentages that shape the crowd. */
#define PCT_MALE		48
#define PCT_TWO_GIVEN_RO	20
#define PCT_TWO_GIVEN_GR	5
#define PCT_FORMER_RO		30	/* of women born up to 2000 */
#define PCT_FORMER_GR_OLD	30	/* of women born before 1965 */
#define PCT_FORMER_GR_NEW	4	/* since 1983 women keep their name */
#define PCT_DOUBLE_BARREL	10	/* of RO women with a former name */
#define PCT_TWO_FORMER		5
#define PCT_FLAT_RO		55
#define PCT_FLAT_BUCHAREST	75
#define PCT_FLAT_GR		60

/* Keys that keep the three id permutations apart. */
#define KEY_CNP		0x243f6a8885a308d3ULL
#define KEY_AMKA	0x13198a2e03707344ULL
#define KEY_AFM		0xa4093822299f31d0ULL
#define GOLDEN		0x9e3779b97f4a7c15ULL

enum table_id {
	T_SURNAMES,	/* RO: one name; GR: male|female */
	T_GIVEN_M,
	T_GIVEN_F,
	T_STREETS,
	T_TOWNS,
	T_COUNT
};

struct table {
	char		 *buf;	/* the file, copied and cut into fields */
	const char	**cell;	/* rows x nfields, row-major */
	size_t		  rows;
	size_t		  nfields;
};

struct town {
	const char	*name;
	const char	*district;
	const char	*postal_prefix;
	int		 county;	/* CNP JJ; 0 in Greece */
};

struct demo_lists {
	enum country	 country;
	struct table	 t[T_COUNT];
	struct town	*towns;
	size_t		 ntowns;
	int32_t		 first_day;	/* DEMO_YEAR_FIRST-01-01 */
	int32_t		 ndays;		/* up to DEMO_YEAR_LAST-12-31 */
};

typedef const char *(*check_fn)(char **field, size_t n);

struct table_spec {
	const char	*file;
	size_t		 nfields;
	check_fn	 check;
};

/* One character of a name on its way to ASCII. */
struct tl_char {
	uint32_t	 greek;	/* lower-case Greek base letter, or 0 */
	bool		 dia;	/* Greek diaeresis: no diphthong */
	char		 ascii[3];	/* what anything else becomes */
};

static int fail(char **, int, const char *, ...)
    __attribute__((format(printf, 3, 4)));
static const char *check_names(char **, size_t);
static const char *check_street(char **, size_t);
static const char *check_ro_town(char **, size_t);
static const char *check_gr_town(char **, size_t);

static const struct table_spec specs[COUNTRY_COUNT][T_COUNT] = {
	[COUNTRY_RO] = {
		[T_SURNAMES] = { "ro-surnames.txt", 1, check_names },
		[T_GIVEN_M] = { "ro-given-male.txt", 1, check_names },
		[T_GIVEN_F] = { "ro-given-female.txt", 1, check_names },
		[T_STREETS] = { "ro-streets.txt", 1, check_street },
		[T_TOWNS] = { "ro-towns.txt", 4, check_ro_town },
	},
	[COUNTRY_GR] = {
		[T_SURNAMES] = { "gr-surnames.txt", 2, check_names },
		[T_GIVEN_M] = { "gr-given-male.txt", 1, check_names },
		[T_GIVEN_F] = { "gr-given-female.txt", 1, check_names },
		[T_STREETS] = { "gr-streets.txt", 1, check_street },
		[T_TOWNS] = { "gr-towns.txt", 3, check_gr_town },
	},
};

/* Letters of Romanian, Hungarian and German names and their ASCII. */
static const struct {
	uint32_t	 cp;
	const char	*ascii;
} latin_map[] = {
	{ 0x00c0, "a" }, { 0x00c1, "a" }, { 0x00c2, "a" }, { 0x00c3, "a" },
	{ 0x00c4, "a" }, { 0x00c5, "a" }, { 0x00c7, "c" }, { 0x00c8, "e" },
	{ 0x00c9, "e" }, { 0x00ca, "e" }, { 0x00cb, "e" }, { 0x00cc, "i" },
	{ 0x00cd, "i" }, { 0x00ce, "i" }, { 0x00cf, "i" }, { 0x00d1, "n" },
	{ 0x00d2, "o" }, { 0x00d3, "o" }, { 0x00d4, "o" }, { 0x00d5, "o" },
	{ 0x00d6, "o" }, { 0x00d9, "u" }, { 0x00da, "u" }, { 0x00db, "u" },
	{ 0x00dc, "u" }, { 0x00dd, "y" }, { 0x00df, "ss" }, { 0x00e0, "a" },
	{ 0x00e1, "a" }, { 0x00e2, "a" }, { 0x00e3, "a" }, { 0x00e4, "a" },
	{ 0x00e5, "a" }, { 0x00e7, "c" }, { 0x00e8, "e" }, { 0x00e9, "e" },
	{ 0x00ea, "e" }, { 0x00eb, "e" }, { 0x00ec, "i" }, { 0x00ed, "i" },
	{ 0x00ee, "i" }, { 0x00ef, "i" }, { 0x00f1, "n" }, { 0x00f2, "o" },
	{ 0x00f3, "o" }, { 0x00f4, "o" }, { 0x00f5, "o" }, { 0x00f6, "o" },
	{ 0x00f9, "u" }, { 0x00fa, "u" }, { 0x00fb, "u" }, { 0x00fc, "u" },
	{ 0x00fd, "y" }, { 0x00ff, "y" }, { 0x0102, "a" }, { 0x0103, "a" },
	{ 0x0150, "o" }, { 0x0151, "o" }, { 0x015e, "s" }, { 0x015f, "s" },
	{ 0x0160, "s" }, { 0x0161, "s" }, { 0x0162, "t" }, { 0x0163, "t" },
	{ 0x0170, "u" }, { 0x0171, "u" }, { 0x017d, "z" }, { 0x017e, "z" },
	{ 0x0218, "s" }, { 0x0219, "s" }, { 0x021a, "t" }, { 0x021b, "t" },
};

/* Greek letters with tonos or diaeresis, upper and lower case, and the
 * lower-case letter under the marks. */
static const struct {
	uint32_t	cp;
	uint32_t	base;
	bool		dia;
} greek_marked[] = {
	{ 0x0386, 0x03b1, false }, { 0x03ac, 0x03b1, false },	/* ά */
	{ 0x0388, 0x03b5, false }, { 0x03ad, 0x03b5, false },	/* έ */
	{ 0x0389, 0x03b7, false }, { 0x03ae, 0x03b7, false },	/* ή */
	{ 0x038a, 0x03b9, false }, { 0x03af, 0x03b9, false },	/* ί */
	{ 0x038c, 0x03bf, false }, { 0x03cc, 0x03bf, false },	/* ό */
	{ 0x038e, 0x03c5, false }, { 0x03cd, 0x03c5, false },	/* ύ */
	{ 0x038f, 0x03c9, false }, { 0x03ce, 0x03c9, false },	/* ώ */
	{ 0x03aa, 0x03b9, true }, { 0x03ca, 0x03b9, true },	/* ϊ */
	{ 0x0390, 0x03b9, true },				/* ΐ */
	{ 0x03ab, 0x03c5, true }, { 0x03cb, 0x03c5, true },	/* ϋ */
	{ 0x03b0, 0x03c5, true },				/* ΰ */
};

/* ELOT 743 letters, indexed from U+03B1 alpha to U+03C9 omega. */
static const char *const greek_map[] = {
	"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n",
	"x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"
};

#define GR_ALPHA	0x03b1
#define GR_GAMMA	0x03b3
#define GR_EPSILON	0x03b5
#define GR_ETA		0x03b7
#define GR_MU		0x03bc
#define GR_XI		0x03be
#define GR_OMICRON	0x03bf
#define GR_PI		0x03c0
#define GR_UPSILON	0x03c5
#define GR_CHI		0x03c7

/* Stores a formatted "file:line: message" in *cause (when asked) and
 * returns code, so that failures read as one statement. */
static int
fail(char **cause, int code, const char *fmt, ...)
{
	va_list	ap;

	if (cause == NULL)
		return (code);
	*cause = malloc(CAUSE_LEN);
	if (*cause == NULL)
		return (code);
	va_start(ap, fmt);
	vsnprintf(*cause, CAUSE_LEN, fmt, ap);
	va_end(ap);
	return (code);
}

/* Returns what is wrong with the characters of a line, or NULL: lists must
 * be UTF-8 without control characters, Romanian ones without the cedilla
 * look-alikes of ș and ț that old keyboards produce. */
static const char *
check_text(const char *s, enum country country)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, len;
	uint32_t		 cp;

	len = strlen(s);
	while (len > 0) {
		n = text_utf8_next(p, len, &cp);
		if (n == 0)
			return ("not valid UTF-8");
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return ("control character");
		if (country == COUNTRY_RO && (cp == 0x015e || cp == 0x015f ||
		    cp == 0x0162 || cp == 0x0163))
			return ("cedilla \xc5\x9f or \xc5\xa3: write the "
			    "comma-below \xc8\x99 \xc8\x9b (U+0219, U+021B)");
		p += n;
		len -= n;
	}
	return (NULL);
}

/* Tells whether s is exactly n ASCII digits. */
static bool
digits(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (false);
	}
	return (s[n] == '\0');
}

/* Checks fields that are each one name. */
static const char *
check_names(char **field, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (*field[i] == '\0')
			return ("empty name");
		if (strlen(field[i]) > NAME_MAX_LEN)
			return ("name longer than 60 bytes");
	}
	return (NULL);
}

/* Checks a street line: its type and name, as on a sign. */
static const char *
check_street(char **field, size_t n)
{
	(void)n;
	if (*field[0] == '\0')
		return ("empty street");
	if (strlen(field[0]) > STREET_MAX_LEN)
		return ("street longer than 100 bytes");
	return (NULL);
}

/* Checks the town and district fields shared by both countries. */
static const char *
check_place(const char *town, const char *district)
{
	if (*town == '\0')
		return ("empty town name");
	if (strlen(town) > TOWN_MAX_LEN)
		return ("town name longer than 90 bytes");
	if (strlen(district) > DISTRICT_MAX_LEN)
		return ("district longer than 60 bytes");
	return (NULL);
}

/* Checks "town|JJ|postal prefix|district": JJ must be a county code the
 * CNP knows for people born in Romania. */
static const char *
check_ro_town(char **field, size_t n)
{
	int	jj;

	(void)n;
	if (!digits(field[1], 2))
		return ("county code must be two digits");
	jj = (field[1][0] - '0') * 10 + (field[1][1] - '0');
	if (!((jj >= 1 && jj <= 46) || jj == 51 || jj == 52))
		return ("county code must be 01-46, 51 or 52");
	if (!digits(field[2], 3))
		return ("postal code prefix must be three digits");
	return (check_place(field[0], field[3]));
}

/* Checks "town|postal prefix|district". */
static const char *
check_gr_town(char **field, size_t n)
{
	(void)n;
	if (!digits(field[1], 3))
		return ("postal code prefix must be three digits");
	return (check_place(field[0], field[2]));
}

/* Cuts ASCII blanks off both ends of s in place and returns its start. */
static char *
trim(char *s)
{
	size_t	n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		s[--n] = '\0';
	return (s);
}

/*
 * Parses one list file into t: blank lines and lines starting with '#'
 * are skipped, the others must have spec->nfields fields separated by
 * '|' that spec->check accepts.
 */
static int
table_parse(struct table *t, const struct embedded_file *f,
    const struct table_spec *spec, enum country country, char **cause)
{
	char		*line, *next, *s, *field[MAX_FIELDS];
	const char	*why;
	size_t		 lines = 1, lineno = 0, i, n;

	t->nfields = spec->nfields;
	if (memchr(f->text, '\0', f->len) != NULL)
		return (fail(cause, G_ERR_INVALID, "%s: contains a NUL byte",
		    spec->file));
	for (i = 0; i < f->len; i++) {
		if (f->text[i] == '\n')
			lines++;
	}
	t->buf = malloc(f->len + 1);
	t->cell = calloc(lines * t->nfields, sizeof *t->cell);
	if (t->buf == NULL || t->cell == NULL)
		return (fail(cause, G_ERR_NOMEM, "%s: out of memory",
		    spec->file));
	memcpy(t->buf, f->text, f->len);
	t->buf[f->len] = '\0';

	for (line = t->buf; line != NULL; line = next) {
		lineno++;
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if ((why = check_text(s, country)) != NULL)
			goto bad;
		n = 1;
		field[0] = s;
		for (; *s != '\0'; s++) {
			if (*s != '|')
				continue;
			*s = '\0';
			if (n < MAX_FIELDS)
				field[n] = s + 1;
			n++;
		}
		if (n != t->nfields) {
			return (fail(cause, G_ERR_INVALID, "%s:%zu: expected "
			    "%zu field%s separated by '|', found %zu",
			    spec->file, lineno, t->nfields,
			    t->nfields == 1 ? "" : "s", n));
		}
		for (i = 0; i < n; i++)
			field[i] = trim(field[i]);
		if ((why = spec->check(field, n)) != NULL)
			goto bad;
		for (i = 0; i < n; i++)
			t->cell[t->rows * t->nfields + i] = field[i];
		t->rows++;
	}
	if (t->rows == 0)
		return (fail(cause, G_ERR_INVALID, "%s: no entries",
		    spec->file));
	return (G_OK);

bad:
	return (fail(cause, G_ERR_INVALID, "%s:%zu: %s", spec->file, lineno,
	    why));
}

/* Turns the parsed town table into towns, with county codes as numbers. */
static int
towns_build(struct demo_lists *l, char **cause)
{
	const struct table	*t = &l->t[T_TOWNS];
	const char		**row;
	size_t			  i;

	l->towns = calloc(t->rows, sizeof *l->towns);
	if (l->towns == NULL)
		return (fail(cause, G_ERR_NOMEM, "towns: out of memory"));
	for (i = 0; i < t->rows; i++) {
		row = t->cell + i * t->nfields;
		l->towns[i].name = row[0];
		if (l->country == COUNTRY_RO) {
			l->towns[i].county = (row[1][0] - '0') * 10 +
			    (row[1][1] - '0');
			l->towns[i].postal_prefix = row[2];
			l->towns[i].district = row[3];
		} else {
			l->towns[i].postal_prefix = row[1];
			l->towns[i].district = row[2];
		}
	}
	l->ntowns = t->rows;
	return (G_OK);
}

/* Reads every list of a country; on failure nothing is kept. */
int
demo_lists_new(enum country country, const struct embedded_file *set,
    struct demo_lists **out, char **cause)
{
	struct demo_lists		*l;
	const struct embedded_file	*f;
	const struct table_spec		*spec;
	struct date			 first = { DEMO_YEAR_FIRST, 1, 1 };
	struct date			 last = { DEMO_YEAR_LAST, 12, 31 };
	int				 rc;
	size_t				 i;

	*out = NULL;
	if (cause != NULL)
		*cause = NULL;
	if (country != COUNTRY_RO && country != COUNTRY_GR)
		return (fail(cause, G_ERR_INVALID, "no demo lists for this "
		    "country"));
	l = calloc(1, sizeof *l);
	if (l == NULL)
		return (fail(cause, G_ERR_NOMEM, "out of memory"));
	l->country = country;
	for (i = 0; i < T_COUNT; i++) {
		spec = &specs[country][i];
		f = embedded_find(set, spec->file);
		if (f == NULL) {
			rc = fail(cause, G_ERR_NOTFOUND, "%s: not built in",
			    spec->file);
			goto out;
		}
		rc = table_parse(&l->t[i], f, spec, country, cause);
		if (rc != G_OK)
			goto out;
	}
	if ((rc = towns_build(l, cause)) != G_OK)
		goto out;
	l->first_day = date_to_days(first);
	l->ndays = date_to_days(last) - l->first_day + 1;
	*out = l;
	l = NULL;
out:
	demo_lists_free(l);
	return (rc);
}

/* Frees the lists and the file copies their strings point into. */
void
demo_lists_free(struct demo_lists *l)
{
	size_t	i;

	if (l == NULL)
		return;
	for (i = 0; i < T_COUNT; i++) {
		free(l->t[i].buf);
		free(l->t[i].cell);
	}
	free(l->towns);
	free(l);
}

/* The splitmix64 finaliser: a good 64-bit mix, also the Feistel round. */
static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

/* Seeds the stream and derives the key of the id permutations. */
void
demo_rng_seed(struct demo_rng *rng, uint64_t seed)
{
	rng->s = seed;
	rng->key = mix64(seed ^ 0x6a09e667f3bcc909ULL);
}

/* Steps splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough
 * for made-up people. */
uint64_t
demo_rng_next(struct demo_rng *rng)
{
	rng->s += GOLDEN;
	return (mix64(rng->s));
}

/* Draws below n, rejecting the few values that would favour small
 * numbers. */
uint64_t
demo_rng_below(struct demo_rng *rng, uint64_t n)
{
	uint64_t	r, min;

	if (n == 0)
		return (0);
	min = (0 - n) % n;	/* 2^64 mod n */
	do {
		r = demo_rng_next(rng);
	} while (r < min);
	return (r % n);
}

/* Returns true with probability pct percent. */
static bool
chance(struct demo_rng *rng, unsigned int pct)
{
	return (demo_rng_below(rng, 100) < pct);
}

/* Picks in [0, n) favouring the start: lists are most common first.  Half
 * the draws are uniform, half the product of two, so the first entry
 * comes up several times as often as the last. */
static size_t
pick_skewed(struct demo_rng *rng, size_t n)
{
	uint64_t	a, b;

	if (chance(rng, 50))
		return ((size_t)demo_rng_below(rng, n));
	a = demo_rng_below(rng, n);
	b = demo_rng_below(rng, n);
	return ((size_t)(a * b / n));
}

/*
 * Maps x in [0, n) to a unique value in [0, n) under key: a four-round
 * Feistel network on the smallest power of four not below n, applied
 * again while the result falls outside (cycle walking).  This is what
 * makes ids unique rather than merely unlikely to collide.
 */
static uint64_t
permute(uint64_t key, uint64_t x, uint64_t n)
{
	uint64_t	l, r, t, mask;
	unsigned int	half = 1, round;

	while (half < 32 && ((uint64_t)1 << (2 * half)) < n)
		half++;
	mask = ((uint64_t)1 << half) - 1;
	do {
		l = x >> half;
		r = x & mask;
		for (round = 0; round < 4; round++) {
			t = r;
			r = l ^ (mix64(r ^ key ^ (GOLDEN * (round + 1))) &
			    mask);
			l = t;
		}
		x = (l << half) | r;
	} while (x >= n);
	return (x);
}

/* Copies src into dst (size bytes), cutting on a character boundary. */
static void
copy(char *dst, size_t size, const char *src)
{
	size_t	n;

	n = strlen(src);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Appends src to the string in dst (size bytes). */
static void
append(char *dst, size_t size, const char *src)
{
	size_t	n;

	n = strlen(dst);
	if (n + 1 < size)
		copy(dst + n, size - n, src);
}

/* Returns a field of a list entry, row chosen by the caller. */
static const char *
entry(const struct demo_lists *l, enum table_id id, size_t row,
    size_t col)
{
	const struct table	*t = &l->t[id];

	return (t->cell[row * t->nfields + col]);
}

/* Returns a surname of the right form for the sex, most common first. */
static const char *
surname_pick(const struct demo_lists *l, struct demo_rng *rng, bool male)
{
	size_t	row;

	row = pick_skewed(rng, l->t[T_SURNAMES].rows);
	if (l->country == COUNTRY_GR && !male)
		return (entry(l, T_SURNAMES, row, 1));
	return (entry(l, T_SURNAMES, row, 0));
}

/* Returns a surname for the sex other than avoid, tried a few times: a
 * maiden name equal to the married one would read as a mistake. */
static const char *
surname_other(const struct demo_lists *l, struct demo_rng *rng, bool male,
    const char *avoid)
{
	const char	*s = avoid;
	int		 tries;

	for (tries = 0; tries < 8; tries++) {
		s = surname_pick(l, rng, male);
		if (strcmp(s, avoid) != 0)
			break;
	}
	return (s);
}

/* Writes one or two given names: two are common in Romania ("Ana Maria",
 * "Mihai Alexandru"), rarer in Greece. */
static void
given_make(const struct demo_lists *l, struct demo_rng *rng, bool male,
    char *out, size_t outlen)
{
	enum table_id	 id = male ? T_GIVEN_M : T_GIVEN_F;
	size_t		 rows = l->t[id].rows, a, b;
	unsigned int	 pct;

	pct = l->country == COUNTRY_RO ? PCT_TWO_GIVEN_RO : PCT_TWO_GIVEN_GR;
	a = pick_skewed(rng, rows);
	copy(out, outlen, entry(l, id, a, 0));
	if (rows > 1 && chance(rng, pct)) {
		do {
			b = pick_skewed(rng, rows);
		} while (b == a);
		append(out, outlen, " ");
		append(out, outlen, entry(l, id, b, 0));
	}
}

/*
 * Writes surname and former names.  Women who married took the husband's
 * name: in Romania for any adult, in Greece only before the 1983 family
 * law made women keep their own.  Some Romanian women join both names
 * ("Popescu-Ionescu"); a few married twice.
 */
static void
names_make(const struct demo_lists *l, struct demo_rng *rng, bool male,
    struct date birth, struct person *p)
{
	const char	*husband, *maiden, *earlier;
	unsigned int	 pct;

	given_make(l, rng, male, p->given_names, sizeof p->given_names);
	husband = surname_pick(l, rng, male);
	copy(p->surname, sizeof p->surname, husband);
	if (male)
		return;
	if (l->country == COUNTRY_RO)
		pct = birth.year <= 2000 ? PCT_FORMER_RO : 0;
	else
		pct = birth.year < 1965 ? PCT_FORMER_GR_OLD :
		    birth.year <= 2000 ? PCT_FORMER_GR_NEW : 0;
	if (!chance(rng, pct))
		return;
	maiden = surname_other(l, rng, male, husband);
	copy(p->former_names, sizeof p->former_names, maiden);
	if (chance(rng, PCT_TWO_FORMER)) {
		earlier = surname_other(l, rng, male, husband);
		if (strcmp(earlier, maiden) != 0) {
			append(p->former_names, sizeof p->former_names, ", ");
			append(p->former_names, sizeof p->former_names,
			    earlier);
		}
	}
	if (l->country == COUNTRY_RO && chance(rng, PCT_DOUBLE_BARREL)) {
		copy(p->surname, sizeof p->surname, maiden);
		append(p->surname, sizeof p->surname, "-");
		append(p->surname, sizeof p->surname, husband);
	}
}

/* Appends the check digit c to the id body in buf (size bytes). */
static void
check_append(char *buf, size_t size, char c)
{
	size_t	n;

	n = strlen(buf);
	if (n + 1 < size) {
		buf[n] = c;
		buf[n + 1] = '\0';
	}
}

/* Returns the birth date of a day offset within the demo years. */
static struct date
birth_of(const struct demo_lists *l, uint64_t day)
{
	return (date_from_days(l->first_day + (int32_t)day));
}

/* Writes a CNP: S by sex and century, YYMMDD, county, serial, check. */
static void
cnp_make(const struct demo_lists *l, uint64_t key, uint64_t index,
    bool male, int county, struct date *birth, char *out, size_t outlen)
{
	uint64_t	n, slot;
	char		body[16];
	int		s;

	n = (uint64_t)l->ndays * CNP_SERIALS;
	slot = permute(key ^ KEY_CNP, index % n, n);
	*birth = birth_of(l, slot / CNP_SERIALS);
	if (birth->year < 2000)
		s = male ? 1 : 2;
	else
		s = male ? 5 : 6;
	snprintf(body, sizeof body, "%d%02d%02d%02d%02d%03d", s,
	    birth->year % 100, birth->month, birth->day, county,
	    (int)(slot % CNP_SERIALS) + 1);
	check_append(body, sizeof body, ident_cnp_check_digit(body));
	copy(out, outlen, body);
}

/* Writes an AMKA: DDMMYY, a serial, a digit odd for men and even for
 * women, and the Luhn check digit. */
static void
amka_make(const struct demo_lists *l, uint64_t key, uint64_t index,
    bool male, struct date *birth, char *out, size_t outlen)
{
	uint64_t	n, slot, r;
	char		body[16];

	n = (uint64_t)l->ndays * AMKA_SLOTS;
	slot = permute(key ^ KEY_AMKA, index % n, n);
	*birth = birth_of(l, slot / AMKA_SLOTS);
	r = slot % AMKA_SLOTS;
	snprintf(body, sizeof body, "%02d%02d%02d%03d%d", birth->day,
	    birth->month, birth->year % 100, (int)(r / 5),
	    (int)(r % 5) * 2 + (male ? 1 : 0));
	check_append(body, sizeof body, ident_luhn_check_digit(body));
	copy(out, outlen, body);
}

/* Writes an AFM: eight digits from 00000001 to 19999999, as for people
 * rather than companies, and the check digit. */
static void
afm_make(uint64_t key, uint64_t index, char *out, size_t outlen)
{
	uint64_t	v;
	char		body[16];

	v = permute(key ^ KEY_AFM, index % DEMO_UNIQUE_MAX,
	    DEMO_UNIQUE_MAX) + 1;
	snprintf(body, sizeof body, "%08llu", (unsigned long long)v);
	check_append(body, sizeof body, ident_afm_check_digit(body));
	copy(out, outlen, body);
}

/* Writes a house number, small ones more likely, now and then with a
 * letter ("12A", "7Β"). */
static void
house_number(struct demo_rng *rng, enum country country, char *out,
    size_t outlen)
{
	unsigned int	n;
	const char	*suffix = "";

	n = (unsigned int)pick_skewed(rng, 180) + 1;
	if (chance(rng, 6)) {
		if (country == COUNTRY_RO)
			suffix = chance(rng, 50) ? "A" : "B";
		else
			suffix = chance(rng, 50) ? "\xce\x91" : "\xce\x92";
	}
	snprintf(out, outlen, "%u%s", n, suffix);
}

/* Adds block, staircase, floor and flat of a Romanian block of flats
 * ("Bl. M12, Sc. B, Et. 3, Ap. 14"); ground floor is "P", parter. */
static void
flat_ro(struct demo_rng *rng, struct address *a)
{
	static const char	letters[] = "ABCDEGHKMPRST";
	unsigned int		level;

	if (chance(rng, 60))
		snprintf(a->block, sizeof a->block, "%c%u",
		    letters[demo_rng_below(rng, sizeof letters - 1)],
		    (unsigned int)demo_rng_below(rng, 40) + 1);
	else
		snprintf(a->block, sizeof a->block, "%u",
		    (unsigned int)demo_rng_below(rng, 120) + 1);
	if (chance(rng, 70))
		snprintf(a->staircase, sizeof a->staircase, "%c",
		    'A' + (int)demo_rng_below(rng, 4));
	else if (chance(rng, 50))
		snprintf(a->staircase, sizeof a->staircase, "%u",
		    (unsigned int)demo_rng_below(rng, 4) + 1);
	level = (unsigned int)demo_rng_below(rng, 11);
	if (level == 0)
		copy(a->floor, sizeof a->floor, "P");
	else
		snprintf(a->floor, sizeof a->floor, "%u",
		    (unsigned int)(unsigned char)level);
	snprintf(a->apartment, sizeof a->apartment, "%u",
	    level * 4 + (unsigned int)demo_rng_below(rng, 4) + 1);
}

/* Adds floor and sometimes a flat number of a Greek πολυκατοικία. */
static void
flat_gr(struct demo_rng *rng, struct address *a)
{
	snprintf(a->floor, sizeof a->floor, "%u",
	    (unsigned int)demo_rng_below(rng, 7) + 1);
	if (chance(rng, 25))
		snprintf(a->apartment, sizeof a->apartment, "%u",
		    (unsigned int)demo_rng_below(rng, 20) + 1);
}

/* Writes a street address in town; postal codes are the town's prefix
 * and three (RO, six digits) or two (GR, five digits) more. */
static void
address_make(const struct demo_lists *l, struct demo_rng *rng,
    const struct town *town, struct address *a)
{
	size_t		street;
	unsigned int	pct;

	copy(a->town, sizeof a->town, town->name);
	copy(a->district, sizeof a->district, town->district);
	street = (size_t)demo_rng_below(rng, l->t[T_STREETS].rows);
	copy(a->street, sizeof a->street, entry(l, T_STREETS, street, 0));
	house_number(rng, l->country, a->number, sizeof a->number);
	if (l->country == COUNTRY_RO) {
		pct = town->county >= 41 && town->county <= 46 ?
		    PCT_FLAT_BUCHAREST : PCT_FLAT_RO;
		if (chance(rng, pct))
			flat_ro(rng, a);
		snprintf(a->postal_code, sizeof a->postal_code, "%s%03u",
		    town->postal_prefix,
		    (unsigned int)demo_rng_below(rng, 1000));
	} else {
		if (chance(rng, PCT_FLAT_GR))
			flat_gr(rng, a);
		snprintf(a->postal_code, sizeof a->postal_code, "%s%02u",
		    town->postal_prefix,
		    (unsigned int)demo_rng_below(rng, 100));
	}
}

/* Writes a mobile number as people write it: "0745 123 456" in Romania,
 * "694 123 4567" in Greece, with prefixes the operators use. */
static void
phone_make(struct demo_rng *rng, enum country country, char *out,
    size_t outlen)
{
	static const char	ro[] = "2345678", gr[] = "0345789";
	unsigned int		a, b;

	a = (unsigned int)demo_rng_below(rng, 1000);
	if (country == COUNTRY_RO) {
		b = (unsigned int)demo_rng_below(rng, 1000);
		snprintf(out, outlen, "07%c%u %03u %03u",
		    ro[demo_rng_below(rng, sizeof ro - 1)],
		    (unsigned int)demo_rng_below(rng, 10), a, b);
	} else {
		b = (unsigned int)demo_rng_below(rng, 10000);
		snprintf(out, outlen, "69%c %03u %04u",
		    gr[demo_rng_below(rng, sizeof gr - 1)], a, b);
	}
}

/* Writes "given.surname42@example.ro" and variants; the index keeps
 * addresses apart, example.ro/.gr keeps them from reaching anyone. */
static void
email_make(struct demo_rng *rng, enum country country, uint64_t index,
    const struct person *p, char *out, size_t outlen)
{
	char		 given[NAME_MAX_LEN * 2 + 2], g[EMAIL_PART_MAX + 1];
	char		 s[EMAIL_PART_MAX + 1], *sp;
	const char	*domain;
	unsigned int	 style;

	domain = country == COUNTRY_RO ? "example.ro" : "example.gr";
	copy(given, sizeof given, p->given_names);
	if ((sp = strchr(given, ' ')) != NULL)
		*sp = '\0';
	demo_ascii(given, g, sizeof g);
	demo_ascii(p->surname, s, sizeof s);
	if (*g == '\0')
		copy(g, sizeof g, "demo");
	if (*s == '\0')
		copy(s, sizeof s, "person");
	style = (unsigned int)demo_rng_below(rng, 100);
	if (style < 60)
		snprintf(out, outlen, "%s.%s%llu@%s", g, s,
		    (unsigned long long)index, domain);
	else if (style < 85)
		snprintf(out, outlen, "%s.%s%llu@%s", s, g,
		    (unsigned long long)index, domain);
	else
		snprintf(out, outlen, "%c%s%llu@%s", g[0], s,
		    (unsigned long long)index, domain);
}

/* Returns how the person wants to hear from the town hall: the old prefer
 * letters and calls, the young e-mail. */
static enum contact_pref
contact_pick(struct demo_rng *rng, struct date birth)
{
	unsigned int	r;

	r = (unsigned int)demo_rng_below(rng, 100);
	if (birth.year < 1955)
		return (r < 45 ? CONTACT_POST : r < 90 ? CONTACT_PHONE :
		    CONTACT_EMAIL);
	return (r < 40 ? CONTACT_PHONE : r < 85 ? CONTACT_EMAIL :
	    CONTACT_POST);
}

/* Makes one person; the ids come first because they fix the birth date
 * that the names (maiden names) and contact preference depend on. */
void
demo_person_make(const struct demo_lists *l, struct demo_rng *rng,
    uint64_t index, struct person *p)
{
	const struct town	*town;
	struct date		 birth;
	bool			 male;

	memset(p, 0, sizeof *p);
	male = chance(rng, PCT_MALE);
	town = &l->towns[demo_rng_below(rng, l->ntowns)];
	if (l->country == COUNTRY_RO) {
		copy(p->country, sizeof p->country, "RO");
		cnp_make(l, rng->key, index, male, town->county, &birth,
		    p->cnp, sizeof p->cnp);
	} else {
		copy(p->country, sizeof p->country, "GR");
		amka_make(l, rng->key, index, male, &birth, p->amka,
		    sizeof p->amka);
		afm_make(rng->key, index, p->afm, sizeof p->afm);
	}
	p->birth_date = birth;
	names_make(l, rng, male, birth, p);
	address_make(l, rng, town, &p->address);
	phone_make(rng, l->country, p->phone, sizeof p->phone);
	email_make(rng, l->country, index, p, p->email, sizeof p->email);
	p->contact = contact_pick(rng, birth);
	p->level = LEVEL_NONE;
	p->id = 0;
}

/* Reduces a code point to a lower-case Greek base letter, noting a
 * diaeresis; returns 0 for anything not Greek. */
static uint32_t
greek_base(uint32_t cp, bool *dia)
{
	size_t	i;

	*dia = false;
	for (i = 0; i < sizeof greek_marked / sizeof greek_marked[0]; i++) {
		if (greek_marked[i].cp == cp) {
			*dia = greek_marked[i].dia;
			return (greek_marked[i].base);
		}
	}
	if (cp >= 0x0391 && cp <= 0x03a9 && cp != 0x03a2)
		return (cp + 0x20);
	if (cp >= 0x03b1 && cp <= 0x03c9)
		return (cp);
	return (0);
}

/* Writes the ASCII of a Latin code point into out (3 bytes), nothing
 * for characters that have none. */
static void
latin_ascii(uint32_t cp, char *out)
{
	size_t	i;

	out[0] = '\0';
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
	    cp == '-') {
		out[0] = (char)cp;
		out[1] = '\0';
		return;
	}
	for (i = 0; i < sizeof latin_map / sizeof latin_map[0]; i++) {
		if (latin_map[i].cp == cp) {
			copy(out, 3, latin_map[i].ascii);
			return;
		}
	}
}

/* Tells whether a Greek base letter is a vowel. */
static bool
greek_vowel(uint32_t c)
{
	return (c == 0x03b1 || c == 0x03b5 || c == 0x03b7 || c == 0x03b9 ||
	    c == 0x03bf || c == 0x03c5 || c == 0x03c9);
}

/* Tells whether υ after α, ε, η sounds v before c (a vowel or a voiced
 * consonant: β γ δ ζ λ μ ν ρ) rather than f. */
static bool
greek_voiced_after(uint32_t c)
{
	return (greek_vowel(c) || c == 0x03b2 || c == 0x03b3 ||
	    c == 0x03b4 || c == 0x03b6 || c == 0x03bb || c == 0x03bc ||
	    c == 0x03bd || c == 0x03c1);
}

/* Appends an ASCII piece, never past outlen - 1 bytes. */
static void
put(char *out, size_t outlen, size_t *used, const char *s)
{
	while (*s != '\0' && *used + 1 < outlen)
		out[(*used)++] = *s++;
	out[*used] = '\0';
}

/*
 * Emits the Greek letters at c[i]... and returns how many it used: two
 * for the pairs ELOT 743 writes as one sound (ου, αυ, ευ, ηυ, μπ, γγ, γξ,
 * γχ), else one.
 */
static size_t
greek_emit(const struct tl_char *c, size_t i, size_t n, char *out,
    size_t outlen, size_t *used)
{
	uint32_t	cur = c[i].greek, nx = 0, after = 0;
	bool		start;

	start = i == 0 || c[i - 1].greek == 0;
	if (i + 1 < n && !c[i + 1].dia)
		nx = c[i + 1].greek;
	if (i + 2 < n)
		after = c[i + 2].greek;
	if (cur == GR_OMICRON && nx == GR_UPSILON) {
		put(out, outlen, used, "ou");
		return (2);
	}
	if ((cur == GR_ALPHA || cur == GR_EPSILON || cur == GR_ETA) &&
	    nx == GR_UPSILON) {
		put(out, outlen, used, greek_map[cur - GR_ALPHA]);
		put(out, outlen, used, greek_voiced_after(after) ? "v" : "f");
		return (2);
	}
	if (cur == GR_MU && nx == GR_PI) {
		put(out, outlen, used, start ? "b" : "mp");
		return (2);
	}
	if (cur == GR_GAMMA && (nx == GR_GAMMA || nx == GR_XI ||
	    nx == GR_CHI)) {
		put(out, outlen, used, "n");
		put(out, outlen, used, nx == GR_GAMMA ? "g" :
		    nx == GR_XI ? "x" : "ch");
		return (2);
	}
	put(out, outlen, used, greek_map[cur - GR_ALPHA]);
	return (1);
}

/* Transliterates a name to ASCII for e-mail addresses and user names. */
void
demo_ascii(const char *name, char *out, size_t outlen)
{
	struct tl_char		 c[NAME_MAX_LEN * 4];
	const unsigned char	*p = (const unsigned char *)name;
	size_t			 len, k, n = 0, i, used = 0;
	uint32_t		 cp;

	if (outlen == 0)
		return;
	out[0] = '\0';
	len = strlen(name);
	while (len > 0 && n < sizeof c / sizeof c[0]) {
		k = text_utf8_next(p, len, &cp);
		if (k == 0)
			k = 1;	/* skip a stray byte */
		else {
			c[n].greek = greek_base(cp, &c[n].dia);
			c[n].ascii[0] = '\0';
			if (c[n].greek == 0)
				latin_ascii(cp, c[n].ascii);
			n++;
		}
		p += k;
		len -= k;
	}
	for (i = 0; i < n;) {
		if (c[i].greek != 0)
			i += greek_emit(c, i, n, out, outlen, &used);
		else
			put(out, outlen, &used, c[i++].ascii);
	}
}
