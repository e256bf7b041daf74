/*
 * A request type's file (forms/), as a town hall writes its own.
 */
#include "config.h"

#include <stdlib.h>

#include "guichet/request-type.h"
#include "fuzz.h"

int
fuzz_request_type(const uint8_t *data, size_t size)
{
	static struct request_type t;
	char *s = fuzz_string(data, size), *cause = NULL;

	request_type_parse("fuzz.ini", s, &t, &cause);
	free(cause);
	free(s);
	return 0;
}
