/*
 * Registration requests: a citizen asks for an account (at the kiosk, on
 * the web platform, at the counter); the town hall must process it within
 * 2 working days.  Validating the person closes their pending requests.
 */
#ifndef GUICHET_SERVICE_REGISTRATION_H
#define GUICHET_SERVICE_REGISTRATION_H

#include <stdint.h>

#include "guichet/person-check.h"
#include "guichet/registration.h"

struct service;

/* Files a request for person_id received at received_at (UTC ISO time;
 * NULL for now); the deadline is computed from the day it came in. */
int service_registration_file(struct service *svc, int64_t person_id,
    enum registration_source source, const char *received_at,
    int64_t *id);

/* A visitor at the kiosk applies for an account (norms annex 1): p is
 * checked like a registration at the counter (problems as there) and
 * filed as a request with source kiosk; its number goes in *id, and the
 * message tells them to bring their identity card to the counter. */
int service_registration_apply(struct service *svc, struct person *p,
    struct person_problem *problems, int max, int *count, int64_t *id);

/* Calls fn with each pending request, earliest deadline first. */
int service_registration_pending(struct service *svc, int limit,
    int (*fn)(const struct registration *r, void *arg), void *arg);

#endif
