/*
 * Businesses and their legal representatives: a business acts through a
 * validated (Level B) person who filed the special declaration.
 */
#ifndef GUICHET_SERVICE_BUSINESS_H
#define GUICHET_SERVICE_BUSINESS_H

#include <stdint.h>

#include "guichet/business.h"

struct service;

/* Registers b (CUI in Romania, AFM in Greece, checked) and sets b->id;
 * G_ERR_EXISTS with b->id set when that id is already registered. */
int service_business_register(struct service *svc, struct business *b);

/* Reads business id. */
int service_business_get(struct service *svc, int64_t id,
    struct business *out);

/* Finds businesses by name prefix (folded) or CUI/AFM prefix. */
int service_business_search(struct service *svc, const char *query,
    int limit, int (*fn)(const struct business *b, void *arg), void *arg);

/* Records person_id as legal representative of business_id, with the
 * special declaration's date and reference.  The person must be
 * validated (Level B). */
int service_representative_add(struct service *svc, int64_t business_id,
    int64_t person_id, struct date declaration_date,
    const char *document_ref);

/* Ends representation id. */
int service_representative_end(struct service *svc, int64_t id);

/* Calls fn with each active representation held by person id. */
int service_business_of_person(struct service *svc, int64_t person_id,
    int (*fn)(const struct representative *r, void *arg), void *arg);

/* Calls fn with each active representative of business id. */
int service_business_representatives(struct service *svc, int64_t id,
    int (*fn)(const struct representative *r, void *arg), void *arg);

#endif
