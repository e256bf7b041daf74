#include "config.h"

#include "guichet/password.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "guichet/err.h"

#define SCRYPT_PREFIX		"$scrypt$"
#define SCRYPT_LN_DEFAULT	15
#define SCRYPT_R_DEFAULT	8
#define SCRYPT_P_DEFAULT	1

/* Bounds on what a hash string may ask for, so a planted string cannot make
 * verification take minutes or gigabytes. */
#define SCRYPT_LN_MIN		10
#define SCRYPT_LN_MAX		20
#define SCRYPT_R_MIN		1
#define SCRYPT_R_MAX		32
#define SCRYPT_P_MIN		1
#define SCRYPT_P_MAX		16

/* OpenSSL refuses more than 32 MiB by default, and ln=15, r=8 needs 32 MiB
 * plus a little; this is also the real ceiling on memory per hash. */
#define SCRYPT_MAXMEM		((uint64_t)128 * 1024 * 1024)

#define SALT_LEN		16
#define KEY_LEN			32
#define SALT_B64_LEN		22	/* 16 bytes, unpadded */
#define KEY_B64_LEN		43	/* 32 bytes, unpadded */

struct scrypt_hash {
	int		ln;
	int		r;
	int		p;
	unsigned char	salt[SALT_LEN];
	unsigned char	key[KEY_LEN];
};

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Standard base64 without padding, because the hash string format omits
 * it; out must have room for 4 * ceil(n / 3) + 1 bytes. */
static void
b64_encode(const unsigned char *in, size_t n, char *out)
{
	uint32_t	v;
	size_t		i, left;

	for (i = 0; i < n; i += 3) {
		left = n - i;
		v = (uint32_t)in[i] << 16;
		if (left > 1)
			v |= (uint32_t)in[i + 1] << 8;
		if (left > 2)
			v |= in[i + 2];
		*out++ = b64_alphabet[(v >> 18) & 0x3f];
		*out++ = b64_alphabet[(v >> 12) & 0x3f];
		if (left > 1)
			*out++ = b64_alphabet[(v >> 6) & 0x3f];
		if (left > 2)
			*out++ = b64_alphabet[v & 0x3f];
	}
	*out = '\0';
}

/* Maps one base64 character to its value, or -1 when it is not one. */
static int
b64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return (c - 'A');
	if (c >= 'a' && c <= 'z')
		return (c - 'a' + 26);
	if (c >= '0' && c <= '9')
		return (c - '0' + 52);
	if (c == '+')
		return (62);
	if (c == '/')
		return (63);
	return (-1);
}

/* Decodes exactly len unpadded characters into exactly n bytes, refusing
 * stray characters and non-zero leftover bits so each value has one
 * spelling. */
static int
b64_decode(const char *in, size_t len, unsigned char *out, size_t n)
{
	uint32_t	acc = 0;
	size_t		i, o = 0;
	int		bits = 0, v;

	if (len != (n * 8 + 5) / 6)
		return (-1);
	for (i = 0; i < len; i++) {
		if ((v = b64_value(in[i])) == -1)
			return (-1);
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (acc >> bits) & 0xff;
		}
		acc &= (1U << bits) - 1;
	}
	if (o != n || acc != 0)
		return (-1);
	return (0);
}

/* Memory scrypt will ask for, computed as OpenSSL does, so that refusing a
 * cost happens before any work rather than as a library failure. */
static uint64_t
scrypt_memory(int ln, int r, int p)
{
	uint64_t	n = (uint64_t)1 << ln;

	return ((uint64_t)p * 128 * (uint64_t)r +
	    (uint64_t)128 * (uint64_t)r * (n + 2));
}

/* Checks a cost triple against the bounds; 0 when acceptable. */
static int
scrypt_cost_ok(int ln, int r, int p)
{
	if (ln < SCRYPT_LN_MIN || ln > SCRYPT_LN_MAX)
		return (-1);
	if (r < SCRYPT_R_MIN || r > SCRYPT_R_MAX)
		return (-1);
	if (p < SCRYPT_P_MIN || p > SCRYPT_P_MAX)
		return (-1);
	if (scrypt_memory(ln, r, p) > SCRYPT_MAXMEM)
		return (-1);
	return (0);
}

/* Runs scrypt into key; fetched per call since scrypt itself dominates and
 * the module keeps no state. */
static int
scrypt_derive(const char *password, const struct scrypt_hash *h,
    unsigned char *key, size_t keylen)
{
	EVP_KDF		*kdf = NULL;
	EVP_KDF_CTX	*ctx = NULL;
	OSSL_PARAM	 params[7];
	uint64_t	 n = (uint64_t)1 << h->ln;
	uint64_t	 maxmem = SCRYPT_MAXMEM;
	uint32_t	 r = (uint32_t)h->r, p = (uint32_t)h->p;
	int		 rc = G_ERR_CRYPTO;

	params[0] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
	    (void *)password, strlen(password));
	params[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
	    (void *)h->salt, sizeof h->salt);
	params[2] = OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n);
	params[3] = OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r);
	params[4] = OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p);
	params[5] = OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM,
	    &maxmem);
	params[6] = OSSL_PARAM_construct_end();

	if ((kdf = EVP_KDF_fetch(NULL, OSSL_KDF_NAME_SCRYPT, NULL)) == NULL)
		goto out;
	if ((ctx = EVP_KDF_CTX_new(kdf)) == NULL)
		goto out;
	if (EVP_KDF_derive(ctx, key, keylen, params) <= 0) {
		OPENSSL_cleanse(key, keylen);
		goto out;
	}
	rc = G_OK;
out:
	EVP_KDF_CTX_free(ctx);	/* clears its copy of the password */
	EVP_KDF_free(kdf);
	return (rc);
}

/* Reads a decimal in [min, max] with no sign or leading zero, advancing
 * *sp; 0 on success. */
static int
parse_number(const char **sp, int min, int max, int *v)
{
	const char	*s = *sp;
	int		 n = 0;

	if (*s < '1' || *s > '9')
		return (-1);
	while (*s >= '0' && *s <= '9') {
		n = n * 10 + (*s - '0');
		if (n > max)
			return (-1);
		s++;
	}
	if (n < min)
		return (-1);
	*sp = s;
	*v = n;
	return (0);
}

/* Skips the literal lit at *sp; 0 when it was there. */
static int
parse_literal(const char **sp, const char *lit)
{
	size_t	len = strlen(lit);

	if (strncmp(*sp, lit, len) != 0)
		return (-1);
	*sp += len;
	return (0);
}

/* Splits a hash string we wrote into its parts, refusing anything else. */
static int
scrypt_parse(const char *s, struct scrypt_hash *h)
{
	const char	*dollar;

	if (parse_literal(&s, SCRYPT_PREFIX "ln=") != 0 ||
	    parse_number(&s, SCRYPT_LN_MIN, SCRYPT_LN_MAX, &h->ln) != 0 ||
	    parse_literal(&s, ",r=") != 0 ||
	    parse_number(&s, SCRYPT_R_MIN, SCRYPT_R_MAX, &h->r) != 0 ||
	    parse_literal(&s, ",p=") != 0 ||
	    parse_number(&s, SCRYPT_P_MIN, SCRYPT_P_MAX, &h->p) != 0 ||
	    parse_literal(&s, "$") != 0)
		return (-1);
	if (scrypt_cost_ok(h->ln, h->r, h->p) != 0)
		return (-1);

	if ((dollar = strchr(s, '$')) == NULL)
		return (-1);
	if (b64_decode(s, (size_t)(dollar - s), h->salt, sizeof h->salt) != 0)
		return (-1);
	s = dollar + 1;
	if (b64_decode(s, strlen(s), h->key, sizeof h->key) != 0)
		return (-1);
	return (0);
}

/* Hashes with the default cost; the cost lives in the string it writes. */
int
password_hash(const char *password, char *out, size_t outlen)
{
	return (password_hash_cost(password, SCRYPT_LN_DEFAULT, out, outlen));
}

/* Salts and hashes password, writing the string only once it is whole. */
int
password_hash_cost(const char *password, int log2n, char *out,
    size_t outlen)
{
	struct scrypt_hash	h;
	char			salt64[SALT_B64_LEN + 1];
	char			key64[KEY_B64_LEN + 1];
	char			buf[PASSWORD_HASH_MAX];
	int			rc, len;

	if (password == NULL || out == NULL || outlen == 0)
		return (G_ERR_INVALID);
	out[0] = '\0';
	h.ln = log2n;
	h.r = SCRYPT_R_DEFAULT;
	h.p = SCRYPT_P_DEFAULT;
	if (scrypt_cost_ok(h.ln, h.r, h.p) != 0)
		return (G_ERR_INVALID);

	if ((rc = random_bytes(h.salt, sizeof h.salt)) != G_OK)
		goto out;
	if ((rc = scrypt_derive(password, &h, h.key, sizeof h.key)) != G_OK)
		goto out;
	b64_encode(h.salt, sizeof h.salt, salt64);
	b64_encode(h.key, sizeof h.key, key64);
	len = snprintf(buf, sizeof buf, SCRYPT_PREFIX "ln=%d,r=%d,p=%d$%s$%s",
	    h.ln, h.r, h.p, salt64, key64);
	if (len < 0 || (size_t)len >= sizeof buf || (size_t)len >= outlen) {
		rc = G_ERR_INVALID;
		goto out;
	}
	memcpy(out, buf, (size_t)len + 1);
	rc = G_OK;
out:
	OPENSSL_cleanse(&h, sizeof h);
	OPENSSL_cleanse(key64, sizeof key64);
	OPENSSL_cleanse(buf, sizeof buf);
	return (rc);
}

/* Recomputes the key with the string's own cost and salt and compares in
 * constant time. */
int
password_verify(const char *password, const char *hash)
{
	struct scrypt_hash	h;
	unsigned char		key[KEY_LEN];
	int			rc;

	if (password == NULL || hash == NULL)
		return (G_ERR_INVALID);
	if (scrypt_parse(hash, &h) != 0) {
		rc = G_ERR_INVALID;
		goto out;
	}
	if ((rc = scrypt_derive(password, &h, key, sizeof key)) != G_OK)
		goto out;
	if (CRYPTO_memcmp(key, h.key, sizeof key) != 0)
		rc = G_ERR_AUTH;
out:
	OPENSSL_cleanse(&h, sizeof h);
	OPENSSL_cleanse(key, sizeof key);
	return (rc);
}

/* Draws from the OpenSSL CSPRNG in int-sized pieces, as RAND_bytes takes
 * an int. */
int
random_bytes(void *buf, size_t n)
{
	unsigned char	*p = buf;
	size_t		 chunk;

	if (n != 0 && buf == NULL)
		return (G_ERR_INVALID);
	while (n > 0) {
		chunk = n > INT_MAX ? INT_MAX : n;
		if (RAND_bytes(p, (int)chunk) != 1)
			return (G_ERR_CRYPTO);
		p += chunk;
		n -= chunk;
	}
	return (G_OK);
}

/* Wipes through OpenSSL so the stores are not optimised away. */
void
secret_wipe(void *p, size_t n)
{
	if (p != NULL && n != 0)
		OPENSSL_cleanse(p, n);
}
