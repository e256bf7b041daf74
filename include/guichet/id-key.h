/*
 * A person's unique key: HMAC-SHA256 of the national id under this
 * installation's secret.  It lets the store enforce "one validated account
 * per person" and match people across records without keeping a second
 * copy of the id in clear, and it is useless to whoever lacks the key.
 */
#ifndef GUICHET_ID_KEY_H
#define GUICHET_ID_KEY_H

#include <stddef.h>

#define ID_KEY_BYTES 32
#define ID_KEY_HEX 65	/* 64 hex digits and NUL */

/* Writes the hex key of the identifier kind:value ("cnp", "1800101...")
 * into out.  Returns G_OK or G_ERR_CRYPTO. */
int id_key_hash(const unsigned char secret[ID_KEY_BYTES], const char *kind,
    const char *value, char out[ID_KEY_HEX]);

#endif
