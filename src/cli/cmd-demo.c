/*
 * guichetctl demo-data: fill a database with realistic demo citizens,
 * council decisions and demo staff accounts, and print those accounts'
 * passwords once.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/password.h"
#include "guichet/role.h"
#include "guichet/service-demo.h"
#include "guichet/service.h"

/* Parses a whole non-negative number; returns -1 when s is not one. */
static long long
parse_count(const char *s)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 0)
		return -1;
	return n;
}

static void
progress(int64_t done, int64_t total, void *arg)
{
	(void)arg;
	cli_progress("demo people", done, total);
}

static int
run_demo_data(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "taxpayers", required_argument, NULL, 'n' },
		{ "profile", required_argument, NULL, 'p' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct demo_account accounts[DEMO_ACCOUNTS];
	enum country country = cli->conf.country;
	long long count = 200, seed = 1;
	int64_t added = 0;
	json_t *list;
	int ch, rc, i, status, decisions = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			if ((count = parse_count(optarg)) < 0)
				return cli_refuse("--taxpayers needs a whole "
				    "number, not '%s'", optarg);
			break;
		case 'p':
			if (strcmp(optarg, "ro") == 0)
				country = COUNTRY_RO;
			else if (strcmp(optarg, "gr") == 0)
				country = COUNTRY_GR;
			else
				return cli_refuse("--profile is ro or gr, not "
				    "'%s'", optarg);
			break;
		case 's':
			if ((seed = parse_count(optarg)) < 0)
				return cli_refuse("--seed needs a whole "
				    "number, not '%s'", optarg);
			break;
		default:
			return cli_usage(&cmd_demo_data);
		}
	}
	if (optind != argc)
		return cli_usage(&cmd_demo_data);
	if ((status = cli_open_service(cli)) != 0)
		return status;
	memset(accounts, 0, sizeof accounts);
	rc = service_demo_data(cli->svc, country, count, (uint64_t)seed,
	    progress, NULL, &added, &decisions, accounts);
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (cli->json) {
		list = json_array();
		for (i = 0; i < DEMO_ACCOUNTS; i++)
			json_array_append_new(list, json_pack("{s:s, s:s, "
			    "s:s}", "username", accounts[i].username, "role",
			    role_name(accounts[i].role), "password",
			    accounts[i].password));
		cli_print_json(json_pack("{s:I, s:I, s:i, s:s, s:o}",
		    "people", (json_int_t)added, "skipped",
		    (json_int_t)(count - added), "decisions", decisions,
		    "profile", conf_country_name(country), "accounts", list));
	} else {
		printf("added %lld demo people (%s profile)", (long long)added,
		    conf_country_name(country));
		if (added < count)
			printf("; %lld were already there", count - added);
		printf("\n");
		printf("added %d council decisions\n", decisions);
		printf("demo accounts (passwords shown only now):\n");
		for (i = 0; i < DEMO_ACCOUNTS; i++)
			printf("  %-16s %-11s %s\n", accounts[i].username,
			    role_name(accounts[i].role),
			    accounts[i].password);
	}
	secret_wipe(accounts, sizeof accounts);
	return 0;
}

const struct cli_command cmd_demo_data = {
	"demo-data", run_demo_data,
	"demo-data [--taxpayers N] [--profile ro|gr] [--seed S]"
};
