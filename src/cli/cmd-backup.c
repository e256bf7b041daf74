/*
 * guichetctl backup FILE | restore FILE: the local store copied while
 * stations work, and put back, even over a store that cannot be opened
 * any more.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/service-backup.h"
#include "guichet/service.h"
#include "guichet/store.h"

static int
run_backup(struct cli *cli, int argc, char **argv)
{
	int64_t pages;
	int status;

	if (argc != 2)
		return cli_usage(&cmd_backup);
	if ((status = cli_open_service(cli)) != 0)
		return status;
	if (service_backup(cli->svc, argv[1], &pages) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (cli->json)
		cli_print_json(json_pack("{s:s, s:I}", "backup", argv[1],
		    "pages", (json_int_t)pages));
	else
		printf("%s\n", service_message(cli->svc));
	return 0;
}

/* Restores over the store in place, or, when it cannot be opened, over
 * its files; *version is the backup's schema version. */
static int
restore_over(struct cli *cli, const char *db_path, const char *path,
    char *kept, size_t len, int *version)
{
	struct service *svc;
	char *cause = NULL;
	int rc;

	rc = service_open(&cli->conf, cli->database, &svc, &cause);
	if (rc == G_OK) {
		service_act_as_system(svc, "restore");
		if ((rc = service_restore(svc, path, kept, len, version)) !=
		    G_OK)
			cli_refuse("%s", service_message(svc));
		service_close(svc);
		return rc;
	}
	if (rc != G_ERR_STORE && rc != G_ERR_NOTFOUND) {
		cli_refuse("%s", cause);
		free(cause);
		return rc;
	}
	fprintf(stderr, "guichetctl: %s: restoring over it\n", cause);
	free(cause);
	if ((rc = service_restore_damaged(db_path, path, kept, len, version,
	    &cause)) != G_OK) {
		cli_refuse("%s", cause);
		free(cause);
	}
	return rc;
}

static int
run_restore(struct cli *cli, int argc, char **argv)
{
	const char *db_path = cli->database != NULL ? cli->database :
	    cli->conf.database;
	char kept[PATH_MAX], *cause = NULL;
	int version = 0, applied, status;

	if (argc != 2)
		return cli_usage(&cmd_restore);
	cli_open_log(cli);
	if (restore_over(cli, db_path, argv[1], kept, sizeof kept,
	    &version) != G_OK)
		return EXIT_REFUSED;
	if (version < store_schema_latest() && service_migrate(&cli->conf,
	    cli->database, &applied, &version, &cause) != G_OK) {
		cli_refuse("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	if ((status = cli_open_service(cli)) != 0)
		return status;
	if (service_restore_note(cli->svc, argv[1], kept) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (cli->json)
		cli_print_json(json_pack("{s:s, s:s, s:i}", "restored",
		    argv[1], "kept", kept, "schema_version", version));
	else
		printf("%s\n", service_message(cli->svc));
	return 0;
}

const struct cli_command cmd_backup = {
	"backup", run_backup, "backup FILE"
};

const struct cli_command cmd_restore = {
	"restore", run_restore, "restore FILE"
};
