/* The one list of screens. */
#include "config.h"

#include "screen.h"

#include <stddef.h>

const struct screen *const screens[] = {
	&screen_login,
	&screen_main,
	NULL
};
