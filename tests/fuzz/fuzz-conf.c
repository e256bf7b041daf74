/*
 * The configuration file.
 */
#include "config.h"

#include <stdlib.h>

#include "guichet/conf.h"
#include "fuzz.h"

int
fuzz_conf(const uint8_t *data, size_t size)
{
	struct conf c;
	char *cause = NULL;

	conf_defaults(&c);
	conf_load(&c, fuzz_file(data, size), &cause);
	free(cause);
	conf_free(&c);
	return 0;
}
