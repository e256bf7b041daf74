/*
 * Staff accounts: clerks, supervisors, administrators.  Passwords are
 * stored only as scrypt hash strings.
 */
#ifndef GUICHET_STORE_STAFF_H
#define GUICHET_STORE_STAFF_H

#include <stdbool.h>
#include <stdint.h>

#include "guichet/password.h"
#include "guichet/role.h"

struct store;

#define STAFF_USERNAME_MAX 32	/* characters a username may have */

struct staff {
	int64_t id;
	char username[4 * STAFF_USERNAME_MAX + 1];
	enum role role;
	char password_hash[PASSWORD_HASH_MAX];
	bool disabled;
	bool locked;
	int failed_logins;
	int64_t retry_after;	/* Unix time before which logins wait */
	char created_at[32];
};

/* Inserts a new account; G_ERR_EXISTS when the username is taken. */
int store_staff_insert(struct store *st, const struct staff *staff);

/* Reads the account called username into *out; G_ERR_NOTFOUND if none. */
int store_staff_get(struct store *st, const char *username,
    struct staff *out);

/* Calls fn for each account by username until it returns non-zero. */
int store_staff_each(struct store *st,
    int (*fn)(const struct staff *staff, void *arg), void *arg);

/* Replaces the password hash and clears failures and the lock. */
int store_staff_set_password(struct store *st, int64_t id, const char *hash);

/* Sets or clears the disabled flag. */
int store_staff_set_disabled(struct store *st, int64_t id, bool disabled);

/* Records the throttling state after a login attempt. */
int store_staff_set_attempts(struct store *st, int64_t id, int failed,
    bool locked, int64_t retry_after);

#endif
