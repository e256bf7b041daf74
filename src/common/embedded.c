#include "config.h"

#include "guichet/embedded.h"

#include <string.h>

/* Finds a file by name; sets are a dozen entries, so a scan is enough. */
const struct embedded_file *
embedded_find(const struct embedded_file *set, const char *name)
{
	const struct embedded_file	*f;

	if (set == NULL || name == NULL)
		return (NULL);
	for (f = set; f->name != NULL; f++) {
		if (strcmp(f->name, name) == 0)
			return (f);
	}
	return (NULL);
}
