/*
 * Ed25519 signatures for what must stay provable after the fact: the
 * audit trail's checkpoints and the registry's daily seals.  A station's
 * private key lives in a PEM file only its owner reads (mode 0600); its
 * public key (32 bytes, written as base64) is kept beside what it signed,
 * and in every export, so anyone can check a signature without the key.
 */
#ifndef GUICHET_SIGNING_H
#define GUICHET_SIGNING_H

#include <stddef.h>

#define SIGNING_PUBLIC_B64 45		/* 32 bytes in base64, and NUL */
#define SIGNING_SIGNATURE_B64 89	/* 64 bytes in base64, and NUL */

struct signing_key;

/* Makes a new key in a new file at path, mode 0600 (an existing file is
 * left alone: G_ERR_EXISTS).  *cause (caller frees) says why it failed. */
int signing_key_create(const char *path, char **cause);

/* Reads the key at path; refuses a file others may read (G_ERR_CONFIG)
 * or one that holds no Ed25519 key. */
int signing_key_load(const char *path, struct signing_key **out,
    char **cause);

/* Frees k (NULL is fine), wiping it. */
void signing_key_free(struct signing_key *k);

/* Writes k's public key into out. */
int signing_public(const struct signing_key *k, char out[SIGNING_PUBLIC_B64]);

/* Signs len bytes of msg with k into out. */
int signing_sign(const struct signing_key *k, const void *msg, size_t len,
    char out[SIGNING_SIGNATURE_B64]);

/* Checks that signature is public's over msg: G_OK, G_ERR_TAMPERED when
 * it is not, G_ERR_INVALID when public or signature is malformed. */
int signing_verify(const char *public, const void *msg, size_t len,
    const char *signature);

#endif
