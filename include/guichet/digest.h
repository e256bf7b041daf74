/*
 * SHA-256 over data fed in pieces, written as 64 hex digits.
 */
#ifndef GUICHET_DIGEST_H
#define GUICHET_DIGEST_H

#include <stddef.h>

#define DIGEST_HEX 65

struct digest;

/* Returns a new SHA-256 computation, or NULL when OpenSSL fails. */
struct digest *digest_new(void);

/* Feeds len bytes; returns G_OK or G_ERR_CRYPTO. */
int digest_add(struct digest *d, const void *data, size_t len);

/* Writes the hex digest into out and frees d.  Returns G_OK or
 * G_ERR_CRYPTO. */
int digest_finish(struct digest *d, char out[DIGEST_HEX]);

#endif
