/* The one list of screens. */
#include "config.h"

#include "screen.h"

#include <stddef.h>

const struct screen *const screens[] = {
	&screen_login,
	&screen_main,
	&screen_citizens,
	&screen_card,
	&screen_register,
	&screen_validate,
	&screen_queue,
	&screen_enrolment,
	&screen_businesses,
	&screen_business_new,
	&screen_business_card,
	&screen_envelopes,
	&screen_batch,
	NULL
};
