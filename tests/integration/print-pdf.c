/* print-pdf PRINTER FILE.pdf [TIMEOUT]: submits the file through
 * printer.c, waiting TIMEOUT seconds (20), for tests/integration/
 * printer.sh; prints "job N", or the reason on stderr and exits 1. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "guichet/err.h"
#include "guichet/printer.h"
#include "guichet/xmalloc.h"

/* Returns the whole of path in *buf (caller frees) and its size, or -1. */
static int
read_file(const char *path, char **buf, size_t *len)
{
	FILE *f;
	size_t cap = 65536, n = 0, got;
	char *b;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	b = xmalloc(cap);
	while ((got = fread(b + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			b = xreallocarray(b, cap, 2);
			cap *= 2;
		}
	}
	if (ferror(f)) {
		fclose(f);
		free(b);
		return -1;
	}
	fclose(f);
	*buf = b;
	*len = n;
	return 0;
}

int
main(int argc, char **argv)
{
	char *pdf, *reason = NULL;
	size_t len;
	int job = 0, rc, timeout = 20;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: print-pdf PRINTER FILE.pdf "
		    "[TIMEOUT]\n");
		return 2;
	}
	if (argc == 4 && (timeout = atoi(argv[3])) <= 0) {
		fprintf(stderr, "print-pdf: bad timeout %s\n", argv[3]);
		return 2;
	}
	if (read_file(argv[2], &pdf, &len) == -1) {
		perror(argv[2]);
		return 2;
	}
	rc = printer_submit_pdf(argv[1], "test", pdf, len, timeout, &job,
	    &reason);
	free(pdf);
	if (rc != G_OK) {
		fprintf(stderr, "%s (job %d)\n", reason, job);
		free(reason);
		return 1;
	}
	printf("job %d\n", job);
	return 0;
}
