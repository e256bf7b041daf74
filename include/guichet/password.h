/*
 * Password hashing with scrypt through OpenSSL 3.  The hash string carries
 * its parameters and salt, so old hashes verify after the defaults change:
 *   $scrypt$ln=15,r=8,p=1$<salt base64>$<hash base64>
 * Salt: 16 bytes from RAND_bytes; key: 32 bytes.
 */
#ifndef GUICHET_PASSWORD_H
#define GUICHET_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_HASH_MAX 128	/* room for any hash string we write */

/* Hashes password with the default cost into out (PASSWORD_HASH_MAX
 * bytes).  Returns G_OK or G_ERR_CRYPTO. */
int password_hash(const char *password, char *out, size_t outlen);

/* Same with an explicit cost log2(N), for tests and benchmarks. */
int password_hash_cost(const char *password, int log2n, char *out,
    size_t outlen);

/* Returns G_OK when password matches hash, G_ERR_AUTH when it does not,
 * G_ERR_INVALID when hash is not a string we wrote, G_ERR_CRYPTO when the
 * library fails.  Compares in constant time. */
int password_verify(const char *password, const char *hash);

/* Fills buf with n random bytes from RAND_bytes.  Returns G_OK or
 * G_ERR_CRYPTO. */
int random_bytes(void *buf, size_t n);

/* Overwrites n bytes at p in a way the compiler keeps (OPENSSL_cleanse). */
void secret_wipe(void *p, size_t n);

#endif
