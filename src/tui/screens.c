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
	&screen_requests,
	&screen_request,
	&screen_request_types,
	&screen_request_form,
	&screen_request_status,
	&screen_taxes,
	&screen_payment,
	&screen_fines,
	&screen_declaration,
	&screen_kiosk_start,
	&screen_kiosk_login,
	&screen_kiosk_home,
	&screen_info,
	&screen_polls,
	&screen_decisions,
	NULL
};
