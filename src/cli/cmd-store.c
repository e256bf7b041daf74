/*
 * guichetctl init | migrate: create a database, bring one up to date.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/service.h"
#include "guichet/store.h"

/* Returns the database path a command acts on. */
static const char *
target(const struct cli *cli)
{
	return cli->database != NULL ? cli->database : cli->conf.database;
}

static int
run_init(struct cli *cli, int argc, char **argv)
{
	char *cause = NULL;

	(void)argv;
	if (argc != 1)
		return cli_usage(&cmd_init);
	cli_open_log(cli);
	if (service_init(&cli->conf, cli->database, &cause) != G_OK) {
		cli_refuse("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	if (cli->json)
		cli_print_json(json_pack("{s:s, s:i}", "database",
		    target(cli), "schema_version", store_schema_latest()));
	else
		printf("created %s (schema version %d)\n", target(cli),
		    store_schema_latest());
	return 0;
}

static int
run_migrate(struct cli *cli, int argc, char **argv)
{
	int applied = 0, version = 0;
	char *cause = NULL;

	(void)argv;
	if (argc != 1)
		return cli_usage(&cmd_migrate);
	cli_open_log(cli);
	if (service_migrate(&cli->conf, cli->database, &applied, &version,
	    &cause) != G_OK) {
		cli_refuse("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	if (cli->json)
		cli_print_json(json_pack("{s:s, s:i, s:i}", "database",
		    target(cli), "applied", applied, "schema_version",
		    version));
	else if (applied == 0)
		printf("%s is up to date (schema version %d)\n", target(cli),
		    version);
	else
		printf("applied %d migration%s to %s (schema version %d)\n",
		    applied, applied == 1 ? "" : "s", target(cli), version);
	return 0;
}

const struct cli_command cmd_init = {
	"init", run_init, "init"
};

const struct cli_command cmd_migrate = {
	"migrate", run_migrate, "migrate"
};
