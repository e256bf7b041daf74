#include "config.h"

#include "guichet/audit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "guichet/err.h"

const char audit_genesis_hash[AUDIT_HASH_LEN] =
    "0000000000000000000000000000000000000000000000000000000000000000";

/* Feeds one field as "<length>:<bytes>\n", so field boundaries are part of
 * what is hashed and "ab","c" never hashes like "a","bc". */
static int
digest_field(EVP_MD_CTX *ctx, const char *value)
{
	char prefix[24];
	size_t len = value != NULL ? strlen(value) : 0;
	int n = snprintf(prefix, sizeof prefix, "%zu:", len);

	return EVP_DigestUpdate(ctx, prefix, (size_t)n) == 1 &&
	    EVP_DigestUpdate(ctx, value != NULL ? value : "", len) == 1 &&
	    EVP_DigestUpdate(ctx, "\n", 1) == 1;
}

int
audit_chain_hash(const struct audit_row *row, char out[AUDIT_HASH_LEN])
{
	const char *fields[] = {
		row->prev_hash, row->at, row->actor, row->role, row->station,
		row->action, row->object, row->on_behalf, row->outcome,
	};
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	char id[24];
	EVP_MD_CTX *ctx;
	int ok;

	if ((ctx = EVP_MD_CTX_new()) == NULL)
		return G_ERR_CRYPTO;
	snprintf(id, sizeof id, "%" PRId64, row->id);
	ok = EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1 &&
	    digest_field(ctx, id);
	for (i = 0; ok && i < sizeof fields / sizeof fields[0]; i++)
		ok = digest_field(ctx, fields[i]);
	ok = ok && EVP_DigestFinal_ex(ctx, md, &mdlen) == 1 && mdlen == 32;
	EVP_MD_CTX_free(ctx);
	if (!ok)
		return G_ERR_CRYPTO;
	for (i = 0; i < mdlen; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	return G_OK;
}
