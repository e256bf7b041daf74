#include "config.h"

#include "guichet/conf.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ini.h>

#include "guichet/err.h"
#include "guichet/xmalloc.h"

enum conf_type { CONF_STRING, CONF_INT, CONF_BOOL, CONF_CHOICE };

/* One row per option: where it lives, what it may hold, what it means. */
struct conf_option {
	const char *section;
	const char *name;
	enum conf_type type;
	size_t offset;
	int min, max;			/* CONF_INT */
	const char *const *choices;	/* CONF_CHOICE: stored as an index */
	const char *def;
	const char *help;
};

static const char *const country_choices[] = { "ro", "gr", NULL };
static const char *const language_choices[] = { "ro", "el", "en", NULL };
static const char *const registry_choices[] = { "online", "offline", NULL };

#define OFF(f) offsetof(struct conf, f)

static const struct conf_option options[] = {
	{ "station", "name", CONF_STRING, OFF(station), 0, 0, NULL,
	  "Ghișeu 1", "name of this workstation, shown and audited" },
	{ "town", "name", CONF_STRING, OFF(town), 0, 0, NULL,
	  "Primăria", "the town hall's name, printed and shown" },
	{ "town", "protocol_format", CONF_STRING, OFF(protocol_format), 0, 0,
	  NULL, "%Y/%6N", "protocol numbers: %Y year, %6N number padded" },
	{ "town", "code", CONF_STRING, OFF(town_code), 0, 0, NULL,
	  "", "the municipality's official code (SIRUTA, Kallikratis): "
	  "fines of another code are refused" },
	{ "town", "profile", CONF_CHOICE, OFF(country), 0, 0, country_choices,
	  "ro", "country rules: ro or gr" },
	{ "ui", "language", CONF_STRING, OFF(language), 0, 0,
	  language_choices, "ro", "screen language: ro, el or en" },
	{ "ui", "high_contrast", CONF_BOOL, OFF(high_contrast), 0, 0, NULL,
	  "no", "high-contrast colours" },
	{ "store", "database", CONF_STRING, OFF(database), 0, 0, NULL,
	  LOCALSTATEDIR "/lib/guichet/guichet.db", "local SQLite store" },
	{ "store", "registry", CONF_CHOICE, OFF(registry_offline), 0, 0,
	  registry_choices, "online", "online; offline runs the emergency "
	  "register (for tests and drills, until the central store)" },
	{ "store", "central", CONF_STRING, OFF(central), 0, 0, NULL,
	  "", "central store: sqlite:/path/central.db or postgresql://...; "
	  "empty for a standalone workstation" },
	{ "store", "sync_every", CONF_INT, OFF(sync_every), 5, 3600, NULL,
	  "30", "seconds between background syncs of guichet" },
	{ "print", "printer", CONF_STRING, OFF(printer), 0, 0, NULL,
	  "guichet-envelopes", "CUPS queue for envelopes and receipts" },
	{ "print", "layout", CONF_STRING, OFF(print_layout), 0, 0, NULL,
	  "", "envelope layout file; empty: the built-in DL layout" },
	{ "print", "expire_days", CONF_INT, OFF(envelope_expire_days), 1, 365,
	  NULL, "30", "days an envelope may wait to be handed over" },
	{ "kiosk", "idle_timeout", CONF_INT, OFF(kiosk_idle_timeout), 10,
	  3600, NULL, "120", "seconds before an idle kiosk logs out" },
	{ "kiosk", "logout_after", CONF_BOOL, OFF(kiosk_logout_after), 0, 0,
	  NULL, "no", "log out after each completed transaction (a request "
	  "filed, a vote, an application)" },
	{ "security", "lock_after", CONF_INT, OFF(lock_after), 3, 100, NULL,
	  "10", "failed logins before an account locks" },
	{ "enrolment", "ca", CONF_STRING, OFF(enrolment_ca), 0, 0, NULL,
	  SYSCONFDIR "/guichet/enrolment-ca.pem",
	  "CA certificates trusted for signed enrolment requests" },
	{ "audit", "key", CONF_STRING, OFF(audit_key), 0, 0, NULL, "",
	  "Ed25519 key signing the audit checkpoints and the registry "
	  "seals (mode 0600); empty: the database's path and .key" },
	{ "log", "file", CONF_STRING, OFF(log_file), 0, 0, NULL,
	  LOCALSTATEDIR "/log/guichet/guichet.log", "operators' log file" },
};

#define N_OPTIONS (sizeof options / sizeof options[0])

struct conf_parse {
	struct conf *conf;
	char *error;		/* first error, without the file:line part */
};

static int
parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1", NULL };
	static const char *const no[] = { "no", "false", "off", "0", NULL };
	int i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(v, yes[i]) == 0)
			return (*out = true), 0;
	for (i = 0; no[i] != NULL; i++)
		if (strcasecmp(v, no[i]) == 0)
			return (*out = false), 0;
	return -1;
}

static int
choice_index(const char *const *choices, const char *v)
{
	int i;

	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(choices[i], v) == 0)
			return i;
	return -1;
}

static char *
choice_list(const char *const *choices)
{
	char *s = xstrdup(""), *t;
	int i;

	for (i = 0; choices[i] != NULL; i++) {
		t = xasprintf("%s%s%s", s, i ? ", " : "", choices[i]);
		free(s);
		s = t;
	}
	return s;
}

/* Stores value into the field opt describes; returns an error to show. */
static char *
option_set(struct conf *c, const struct conf_option *opt, const char *v)
{
	void *field = (char *)c + opt->offset;
	char *end, *list, *msg;
	long n;
	int idx;

	switch (opt->type) {
	case CONF_STRING:
		if (opt->choices != NULL && choice_index(opt->choices, v) < 0)
			goto bad_choice;
		free(*(char **)field);
		*(char **)field = xstrdup(v);
		return NULL;
	case CONF_INT:
		errno = 0;
		n = strtol(v, &end, 10);
		if (errno != 0 || end == v || *end != '\0' ||
		    n < opt->min || n > opt->max)
			return xasprintf("'%s' in [%s] must be a whole number "
			    "from %d to %d, not '%s'", opt->name, opt->section,
			    opt->min, opt->max, v);
		*(int *)field = (int)n;
		return NULL;
	case CONF_BOOL:
		if (parse_bool(v, (bool *)field) == -1)
			return xasprintf("'%s' in [%s] must be yes or no, "
			    "not '%s'", opt->name, opt->section, v);
		return NULL;
	case CONF_CHOICE:
		if ((idx = choice_index(opt->choices, v)) < 0)
			goto bad_choice;
		*(int *)field = idx;
		return NULL;
	}
	return NULL;

bad_choice:
	list = choice_list(opt->choices);
	msg = xasprintf("'%s' in [%s] must be one of %s, not '%s'",
	    opt->name, opt->section, list, v);
	free(list);
	return msg;
}

static const struct conf_option *
option_find(const char *section, const char *name)
{
	size_t i;

	for (i = 0; i < N_OPTIONS; i++)
		if (strcmp(options[i].section, section) == 0 &&
		    strcmp(options[i].name, name) == 0)
			return &options[i];
	return NULL;
}

static int
conf_ini_line(void *user, const char *section, const char *name,
    const char *value)
{
	struct conf_parse *p = user;
	const struct conf_option *opt;
	char *msg;

	if (p->error != NULL)
		return 1;	/* report only the first problem */
	if ((opt = option_find(section, name)) == NULL) {
		p->error = xasprintf("unknown key '%s' in [%s]", name, section);
		return 0;
	}
	if ((msg = option_set(p->conf, opt, value)) != NULL) {
		p->error = msg;
		return 0;
	}
	return 1;
}

void
conf_defaults(struct conf *c)
{
	size_t i;
	char *msg;

	memset(c, 0, sizeof *c);
	for (i = 0; i < N_OPTIONS; i++) {
		if ((msg = option_set(c, &options[i], options[i].def)) != NULL)
			fatal("built-in default: %s", msg);
	}
}

int
conf_load(struct conf *c, const char *path, char **cause)
{
	struct conf_parse p = { c, NULL };
	int line;

	*cause = NULL;
	if (path == NULL) {
		if (access(CONF_DEFAULT_PATH, F_OK) != 0)
			return G_OK;
		path = CONF_DEFAULT_PATH;
	}
	line = ini_parse(path, conf_ini_line, &p);
	if (line == -1) {
		*cause = xasprintf("%s: cannot read the configuration: %s",
		    path, strerror(errno));
		return G_ERR_CONFIG;
	}
	if (line != 0) {
		*cause = xasprintf("%s:%d: %s", path, line,
		    p.error != NULL ? p.error : "not a key = value line");
		free(p.error);
		return G_ERR_CONFIG;
	}
	free(c->path);
	c->path = xstrdup(path);
	return G_OK;
}

void
conf_free(struct conf *c)
{
	size_t i;

	for (i = 0; i < N_OPTIONS; i++)
		if (options[i].type == CONF_STRING)
			free(*(char **)((char *)c + options[i].offset));
	free(c->path);
	memset(c, 0, sizeof *c);
}

const char *
conf_country_name(enum country country)
{
	return country_choices[country];
}
