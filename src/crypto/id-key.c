#include "config.h"

#include "guichet/id-key.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"

int
id_key_hash(const unsigned char secret[ID_KEY_BYTES], const char *kind,
    const char *value, char out[ID_KEY_HEX])
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	char *data = xasprintf("%s:%s", kind, value);
	size_t len = 0, i;
	int ok;

	ok = EVP_Q_mac(NULL, "HMAC", NULL, "SHA256", NULL, secret,
	    ID_KEY_BYTES, (const unsigned char *)data, strlen(data), mac,
	    sizeof mac, &len) != NULL && len == 32;
	OPENSSL_cleanse(data, strlen(data));
	free(data);
	if (!ok)
		return G_ERR_CRYPTO;
	for (i = 0; i < len; i++)
		snprintf(out + 2 * i, 3, "%02x", mac[i]);
	return G_OK;
}
