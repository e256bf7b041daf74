/*
 * Generated secrets people must read and type: one-time passwords for
 * envelopes, demo accounts.  Drawn with RAND_bytes from an alphabet with
 * no look-alike characters (no 0/O, 1/l/I), without modulo bias.
 */
#ifndef GUICHET_CREDENTIAL_H
#define GUICHET_CREDENTIAL_H

#include <stddef.h>

#define CREDENTIAL_ALPHABET "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"

/* Writes length random characters and a NUL into out (length + 1 bytes).
 * Returns G_OK or G_ERR_CRYPTO (out is then wiped). */
int credential_generate(char *out, size_t length);

#endif
