/*
 * A line of an exported audit checkpoint file, and its signature check.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "guichet/checkpoint.h"
#include "fuzz.h"

int
fuzz_checkpoint(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), msg[512];
	struct checkpoint c;

	if (checkpoint_parse(s, &c) == 0) {
		checkpoint_message(&c, msg, sizeof msg);
		signing_verify(c.public, msg, strlen(msg), c.signature);
	}
	free(s);
	return 0;
}
