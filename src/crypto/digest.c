#include "config.h"

#include "guichet/digest.h"

#include <stdio.h>

#include <openssl/evp.h>

#include "guichet/err.h"

struct digest *
digest_new(void)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	if (ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(ctx);
		ctx = NULL;
	}
	return (struct digest *)ctx;
}

int
digest_add(struct digest *d, const void *data, size_t len)
{
	return EVP_DigestUpdate((EVP_MD_CTX *)d, data, len) == 1 ? G_OK :
	    G_ERR_CRYPTO;
}

int
digest_finish(struct digest *d, char out[DIGEST_HEX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0, i;
	int ok;

	ok = EVP_DigestFinal_ex((EVP_MD_CTX *)d, md, &len) == 1 && len == 32;
	EVP_MD_CTX_free((EVP_MD_CTX *)d);
	if (!ok)
		return G_ERR_CRYPTO;
	for (i = 0; i < len; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	return G_OK;
}
