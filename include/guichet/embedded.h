/*
 * Files compiled into the program.  The build turns data files (the SQL
 * schema, the demo name lists) into C tables with scripts/embed-files, so
 * that the program never looks for them at run time and cannot pick up a
 * stale or edited copy.  A set is an array ended by an entry whose name is
 * NULL; each text is NUL-terminated and len is its length in bytes.
 */
#ifndef GUICHET_EMBEDDED_H
#define GUICHET_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char	*name;	/* the file's basename, "ro-surnames.txt" */
	const char	*text;
	size_t		 len;
};

/* Returns the file called name in set (terminated by a NULL name), or NULL. */
const struct embedded_file *embedded_find(const struct embedded_file *set,
    const char *name);

extern const struct embedded_file embedded_schema[];
extern const struct embedded_file embedded_demo[];
extern const struct embedded_file embedded_forms[];
extern const struct embedded_file embedded_profiles[];

#endif
