/*
 * The configuration: an INI file (default /etc/guichet/guichet.conf) read
 * with libinih against a table of known options.  Unknown keys and bad
 * values stop the program with "file:line: message"; the admin's file is
 * never rewritten.  When the default file does not exist, the built-in
 * defaults apply; a file named with -c must exist.
 */
#ifndef GUICHET_CONF_H
#define GUICHET_CONF_H

#include <stdbool.h>

#include "guichet/calendar.h"

#define CONF_DEFAULT_PATH SYSCONFDIR "/guichet/guichet.conf"

struct conf {
	char *path;		/* the file read, NULL for built-in defaults */
	char *station;		/* [station] name */
	char *town;		/* [town] name */
	char *town_code;	/* [town] code: the municipality's */
	enum country country;	/* [town] profile: ro | gr */
	char *protocol_format;	/* [town] protocol_format: "%Y/%6N" */
	char *language;		/* [ui] language: ro | el | en */
	bool high_contrast;	/* [ui] high_contrast */
	char *database;		/* [store] database */
	char *central;		/* [store] central: empty = standalone */
	char *audit_key;	/* [audit] key; "": beside the database */
	int registry_offline;	/* [store] registry: 0 online, 1 offline */
	char *printer;		/* [print] printer */
	char *print_layout;	/* [print] layout: "" for the built-in one */
	int envelope_expire_days; /* [print] expire_days */
	int kiosk_idle_timeout;	/* [kiosk] idle_timeout, seconds */
	bool kiosk_logout_after;	/* [kiosk] logout_after */
	int sync_every;		/* [store] sync_every, seconds */
	int lock_after;		/* [security] lock_after, failed logins */
	char *enrolment_ca;	/* [enrolment] ca: PEM bundle */
	char *log_file;		/* [log] file */
};

/* Fills c with the built-in defaults; free with conf_free. */
void conf_defaults(struct conf *c);

/* Loads path over the defaults (path NULL: the default file, if present).
 * Returns G_OK, or G_ERR_CONFIG with *cause set to a message the caller
 * frees ("guichet.conf:7: unknown key 'databse' in [store]"). */
int conf_load(struct conf *c, const char *path, char **cause);

/* Releases what c owns. */
void conf_free(struct conf *c);

/* Returns the profile's code for a country ("ro", "gr"). */
const char *conf_country_name(enum country country);

#endif
