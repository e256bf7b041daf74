/*
 * Ed25519 with OpenSSL 3: one-shot EVP_DigestSign and EVP_DigestVerify
 * with no digest (Ed25519 hashes the message itself).
 */
#include "config.h"

#include "guichet/signing.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"

#define PUBLIC_BYTES 32
#define SIGNATURE_BYTES 64

int
signing_key_create(const char *path, char **cause)
{
	EVP_PKEY *key = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	FILE *f = NULL;
	int fd, rc = G_OK;

	*cause = NULL;
	if (key == NULL) {
		*cause = xasprintf("cannot make an Ed25519 key");
		return G_ERR_CRYPTO;
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1 || (f = fdopen(fd, "w")) == NULL) {
		rc = errno == EEXIST ? G_ERR_EXISTS : G_ERR_IO;
		*cause = xasprintf("cannot create the signing key %s: %s", path,
		    strerror(errno));
		if (fd != -1)
			close(fd);
	} else if (PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL, NULL) !=
	    1) {
		*cause = xasprintf("cannot write the signing key %s", path);
		rc = G_ERR_CRYPTO;
	}
	if (f != NULL && fclose(f) != 0 && rc == G_OK) {
		*cause = xasprintf("cannot write the signing key %s: %s", path,
		    strerror(errno));
		rc = G_ERR_IO;
	}
	if (rc != G_OK && rc != G_ERR_EXISTS)
		unlink(path);
	EVP_PKEY_free(key);
	return rc;
}

int
signing_key_load(const char *path, struct signing_key **out, char **cause)
{
	EVP_PKEY *key = NULL;
	struct stat sb;
	FILE *f;

	*out = NULL;
	*cause = NULL;
	if ((f = fopen(path, "re")) == NULL) {
		*cause = xasprintf("cannot read the signing key %s: %s "
		    "('guichetctl migrate' makes a missing one)", path,
		    strerror(errno));
		return G_ERR_CONFIG;
	}
	if (fstat(fileno(f), &sb) == 0 && (sb.st_mode & 077) != 0) {
		fclose(f);
		*cause = xasprintf("the signing key %s may be read by others: "
		    "chmod 600 it", path);
		return G_ERR_CONFIG;
	}
	key = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	if (key == NULL || EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519) {
		EVP_PKEY_free(key);
		*cause = xasprintf("%s holds no Ed25519 key", path);
		return G_ERR_CONFIG;
	}
	*out = (struct signing_key *)key;
	return G_OK;
}

void
signing_key_free(struct signing_key *k)
{
	EVP_PKEY_free((EVP_PKEY *)k);	/* OpenSSL clears key memory */
}

int
signing_public(const struct signing_key *k, char out[SIGNING_PUBLIC_B64])
{
	unsigned char raw[PUBLIC_BYTES];
	size_t len = sizeof raw;

	if (EVP_PKEY_get_raw_public_key((const EVP_PKEY *)k, raw, &len) != 1 ||
	    len != PUBLIC_BYTES)
		return G_ERR_CRYPTO;
	EVP_EncodeBlock((unsigned char *)out, raw, PUBLIC_BYTES);
	return G_OK;
}

int
signing_sign(const struct signing_key *k, const void *msg, size_t len,
    char out[SIGNING_SIGNATURE_B64])
{
	unsigned char sig[SIGNATURE_BYTES];
	size_t siglen = sizeof sig;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int ok;

	ok = ctx != NULL && EVP_DigestSignInit(ctx, NULL, NULL, NULL,
	    (EVP_PKEY *)k) == 1 && EVP_DigestSign(ctx, sig, &siglen, msg,
	    len) == 1 && siglen == SIGNATURE_BYTES;
	EVP_MD_CTX_free(ctx);
	if (!ok)
		return G_ERR_CRYPTO;
	EVP_EncodeBlock((unsigned char *)out, sig, SIGNATURE_BYTES);
	return G_OK;
}

/* Decodes base64 text of exactly want bytes into out. */
static bool
decode(const char *text, unsigned char *out, size_t want)
{
	unsigned char buf[96];
	size_t len = strlen(text);

	/* Base64 of want bytes: 4 characters for every 3, padded. */
	if (len != 4 * ((want + 2) / 3))
		return false;
	if (EVP_DecodeBlock(buf, (const unsigned char *)text, (int)len) < 0)
		return false;
	memcpy(out, buf, want);
	return true;
}

int
signing_verify(const char *public, const void *msg, size_t len,
    const char *signature)
{
	unsigned char raw[PUBLIC_BYTES], sig[SIGNATURE_BYTES];
	EVP_MD_CTX *ctx;
	EVP_PKEY *key;
	int ok;

	if (!decode(public, raw, sizeof raw) ||
	    !decode(signature, sig, sizeof sig))
		return G_ERR_INVALID;
	if ((key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, raw,
	    sizeof raw)) == NULL)
		return G_ERR_INVALID;
	ctx = EVP_MD_CTX_new();
	ok = ctx != NULL && EVP_DigestVerifyInit(ctx, NULL, NULL, NULL,
	    key) == 1 && EVP_DigestVerify(ctx, sig, sizeof sig, msg, len) ==
	    1;
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(key);
	return ok ? G_OK : G_ERR_TAMPERED;
}
