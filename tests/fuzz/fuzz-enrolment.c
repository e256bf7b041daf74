/*
 * A signed enrolment request (CMS, .p7m), checked against a CA bundle
 * that trusts nobody: the parsing is what is fuzzed.
 */
#include "config.h"

#include "guichet/enrolment.h"
#include "fuzz.h"

int
fuzz_enrolment(const uint8_t *data, size_t size)
{
	struct enrolment e;
	const char *reason;

	if (enrolment_verify(fuzz_file(data, size), "/dev/null", &e,
	    &reason) == 0)
		enrolment_clear(&e);
	return 0;
}
