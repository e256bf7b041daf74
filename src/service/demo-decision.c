/*
 * The demo's council decisions: each drawn as a one-page PDF in memory
 * and imported as a supervisor imports one, so it is checked, stored
 * and audited alike.  Their text is in the profile's language, whatever
 * the screens speak.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "guichet/calendar.h"
#include "guichet/clock.h"
#include "guichet/conf.h"
#include "guichet/decision-pdf.h"
#include "guichet/demo.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-decision.h"
#include "service-internal.h"

/* Keeps the decisions' random stream apart from the people's. */
#define DECISION_STREAM 0x452821e638d01377ULL

/* Draws decision dd of the town and imports it; G_ERR_EXISTS when its
 * number is another decision's. */
static int
demo_decision(struct service *svc, const struct demo_decision *dd,
    enum decision_import_result *result)
{
	char number[DECISION_NUMBER_LEN], date[11], created[32], name[40];
	struct decision_doc doc;
	unsigned char *pdf;
	const char *reason;
	size_t len;
	int64_t id;
	int rc;

	decision_number_format(dd->number, dd->year, number, sizeof number);
	date_format_iso(dd->adopted, date, sizeof date);
	snprintf(created, sizeof created, "%sT10:00:00Z", date);
	snprintf(name, sizeof name, "decision-%d-%d.pdf", dd->number,
	    dd->year);
	doc = (struct decision_doc){ svc->conf->town, dd->council,
	    dd->heading, dd->dated, dd->title, dd->body, dd->signature,
	    created };
	if ((rc = decision_pdf(&doc, &pdf, &len, &reason)) != G_OK)
		return service_fail(svc, rc, _("The demo decision %s could "
		    "not be made: %s."), number, _(reason));
	rc = service_decision_import_pdf(svc, number, dd->title, date, name,
	    pdf, len, false, result, &id);
	free(pdf);
	return rc;
}

int
service_demo_decisions(struct service *svc, enum country country,
    uint64_t seed, int *added)
{
	struct demo_decision dd[DEMO_DECISIONS];
	enum decision_import_result result;
	struct demo_rng rng;
	int rc = G_OK;
	size_t i;

	*added = 0;
	demo_rng_seed(&rng, seed ^ DECISION_STREAM);
	demo_decisions_make(country, &rng, clock_today(), dd);
	for (i = 0; i < DEMO_DECISIONS && rc == G_OK; i++) {
		rc = demo_decision(svc, &dd[i], &result);
		if (rc == G_OK && result == DECISION_ADDED)
			(*added)++;
		else if (rc == G_ERR_EXISTS)
			rc = G_OK;	/* a decision of its own is kept */
	}
	return rc;
}
