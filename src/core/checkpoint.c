/*
 * What a checkpoint and a seal sign, and a checkpoint as a line of text.
 */
#include "config.h"

#include "guichet/checkpoint.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/err.h"

void
checkpoint_message(const struct checkpoint *c, char *out, size_t len)
{
	snprintf(out, len, "guichet audit checkpoint 1\nsize %lld\nhead %s\n"
	    "at %s\n", (long long)c->size, c->head, c->at);
}

void
seal_message(const char *day, int64_t count, const char *hash, char *out,
    size_t len)
{
	snprintf(out, len, "guichet registry seal 1\nday %s\ncount %lld\n"
	    "hash %s\n", day, (long long)count, hash);
}

void
checkpoint_format(const struct checkpoint *c, char *out, size_t len)
{
	snprintf(out, len, "checkpoint %lld %s %s %s %s\n",
	    (long long)c->size, c->head, c->at, c->public, c->signature);
}

/* Copies the next word of *p (up to a blank) into out, of at most max
 * characters made of allowed ones; advances *p past it and one blank. */
static bool
word(const char **p, char *out, size_t max, const char *allowed)
{
	size_t n = strspn(*p, allowed);

	if (n == 0 || n > max || ((*p)[n] != ' ' && (*p)[n] != '\0' &&
	    (*p)[n] != '\n'))
		return false;
	memcpy(out, *p, n);
	out[n] = '\0';
	*p += n;
	if (**p == ' ')
		(*p)++;
	return true;
}

#define DIGITS "0123456789"
#define HEX DIGITS "abcdef"
#define BASE64 DIGITS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/="

int
checkpoint_parse(const char *line, struct checkpoint *out)
{
	const char *p = line;
	char size[20];

	memset(out, 0, sizeof *out);
	if (strncmp(p, "checkpoint ", 11) != 0)
		return G_ERR_INVALID;
	p += 11;
	if (!word(&p, size, sizeof size - 1, DIGITS) ||
	    !word(&p, out->head, AUDIT_HASH_LEN - 1, HEX) ||
	    strlen(out->head) != AUDIT_HASH_LEN - 1 ||
	    !word(&p, out->at, sizeof out->at - 1, DIGITS "-:.TZ") ||
	    !word(&p, out->public, SIGNING_PUBLIC_B64 - 1, BASE64) ||
	    !word(&p, out->signature, SIGNING_SIGNATURE_B64 - 1, BASE64))
		return G_ERR_INVALID;
	if (*p == '\n')
		p++;
	if (*p != '\0')
		return G_ERR_INVALID;
	out->size = strtoll(size, NULL, 10);
	return G_OK;
}
