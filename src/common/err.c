#include "config.h"

#include "guichet/err.h"

#include <stddef.h>

static const char *const messages[G_ERR_COUNT] = {
	[G_OK] = "success",
	[G_ERR_NOMEM] = "out of memory",
	[G_ERR_INVALID] = "invalid input",
	[G_ERR_NOTFOUND] = "not found",
	[G_ERR_EXISTS] = "already exists",
	[G_ERR_DENIED] = "not allowed",
	[G_ERR_AUTH] = "wrong username or password",
	[G_ERR_LOCKED] = "account locked",
	[G_ERR_STORE] = "the store failed",
	[G_ERR_IO] = "input/output error",
	[G_ERR_CRYPTO] = "cryptographic library error",
	[G_ERR_CONFIG] = "configuration error",
	[G_ERR_TAMPERED] = "integrity check failed",
};

/* Returns the description of an error code, for logs and messages. */
const char *
gerr_str(int code)
{
	if (code < 0 || code >= G_ERR_COUNT || messages[code] == NULL)
		return "unknown error";
	return messages[code];
}
