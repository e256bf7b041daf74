/*
 * The fuzzing program's entry points: the target named by
 * GUICHET_FUZZ_TARGET gets every input; and the targets' helpers.
 */
#include "config.h"

#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct target {
	const char *name;
	int (*fn)(const uint8_t *data, size_t size);
	void (*init)(void);
} targets[] = {
	{ "ident", fuzz_ident, NULL },
	{ "money-date", fuzz_money_date, NULL },
	{ "conf", fuzz_conf, NULL },
	{ "request-type", fuzz_request_type, NULL },
	{ "register-feed", fuzz_register_feed, NULL },
	{ "enrolment", fuzz_enrolment, NULL },
	{ "checkpoint", fuzz_checkpoint, NULL },
	{ "sync-record", fuzz_sync_record, fuzz_sync_record_init },
};

static const struct target *chosen;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *name = getenv("GUICHET_FUZZ_TARGET");
	size_t i;

	(void)argc;
	(void)argv;
	for (i = 0; name != NULL && i < sizeof targets / sizeof targets[0];
	    i++)
		if (strcmp(targets[i].name, name) == 0)
			chosen = &targets[i];
	if (chosen == NULL) {
		fprintf(stderr, "fuzz: set GUICHET_FUZZ_TARGET to one of:");
		for (i = 0; i < sizeof targets / sizeof targets[0]; i++)
			fprintf(stderr, " %s", targets[i].name);
		fprintf(stderr, "\n");
		exit(2);
	}
	if (chosen->init != NULL)
		chosen->init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return chosen->fn(data, size);
}

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

const char *
fuzz_file(const uint8_t *data, size_t size)
{
	static char path[64];
	FILE *f;

	if (path[0] == '\0')
		snprintf(path, sizeof path, "/tmp/guichet-fuzz-%ld",
		    (long)getpid());
	if ((f = fopen(path, "w")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	return path;
}
