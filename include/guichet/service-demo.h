/*
 * Demo data: realistic citizens of a country profile, council decisions
 * with their PDF, and three demo staff accounts (clerk, supervisor,
 * admin) with fresh random passwords, so that someone trying guichet can
 * log in at once.
 */
#ifndef GUICHET_SERVICE_DEMO_H
#define GUICHET_SERVICE_DEMO_H

#include <stdint.h>

#include "guichet/calendar.h"
#include "guichet/role.h"

struct service;

#define DEMO_PASSWORD_LEN 16

struct demo_account {
	char username[32];
	enum role role;
	char password[DEMO_PASSWORD_LEN + 1];	/* caller wipes it */
};

#define DEMO_ACCOUNTS 3

/* Adds count people of country (seeded by seed), skipping any whose id is
 * already stored (*added counts the new ones), imports a dozen council
 * decisions with their PDF, skipping those there already or whose number
 * is taken (*decisions counts the new ones), and creates or resets the
 * demo staff accounts into accounts[].  progress, when not NULL, is called
 * with people done and the total.  Needs the admin role. */
int service_demo_data(struct service *svc, enum country country,
    int64_t count, uint64_t seed,
    void (*progress)(int64_t done, int64_t total, void *arg), void *arg,
    int64_t *added, int *decisions,
    struct demo_account accounts[DEMO_ACCOUNTS]);

#endif
