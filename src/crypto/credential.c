#include "config.h"

#include "guichet/credential.h"

#include <string.h>

#include "guichet/err.h"
#include "guichet/password.h"

int
credential_generate(char *out, size_t length)
{
	static const char alphabet[] = CREDENTIAL_ALPHABET;
	const unsigned n = sizeof alphabet - 1;
	/* Bytes at or above limit would favour the first characters. */
	const unsigned limit = 256 - 256 % n;
	unsigned char buf[64];
	size_t have = 0, used = sizeof buf;

	while (have < length) {
		if (used == sizeof buf) {
			if (random_bytes(buf, sizeof buf) != G_OK) {
				secret_wipe(out, length);
				secret_wipe(buf, sizeof buf);
				return G_ERR_CRYPTO;
			}
			used = 0;
		}
		if (buf[used] < limit)
			out[have++] = alphabet[buf[used] % n];
		used++;
	}
	out[length] = '\0';
	secret_wipe(buf, sizeof buf);
	return G_OK;
}
