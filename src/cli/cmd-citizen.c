/*
 * guichetctl citizen login USER: checks a citizen's credentials the way
 * the kiosk does, for support desks and tests.  The password is the first
 * line of standard input; when the login demands a new password and a
 * second line follows, it becomes the new password.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/service-citizen.h"
#include "guichet/service.h"

static int
run_citizen(struct cli *cli, int argc, char **argv)
{
	char *password, *fresh;
	int rc, status;

	if (argc != 3 || strcmp(argv[1], "login") != 0)
		return cli_usage(&cmd_citizen);
	if ((status = cli_open_service(cli)) != 0)
		return status;
	if ((password = cli_read_password(true, false)) == NULL)
		return EXIT_REFUSED;
	rc = service_citizen_login(cli->svc, argv[2], password);
	cli_free_password(password);
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (!service_actor(cli->svc)->must_change) {
		printf("logged in\n");
		return 0;
	}
	printf("logged in; a new password must be chosen\n");
	if ((fresh = cli_read_password_quiet()) == NULL)
		return 0;
	rc = service_citizen_change_password(cli->svc, fresh);
	cli_free_password(fresh);
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("password changed\n");
	return 0;
}

const struct cli_command cmd_citizen = {
	"citizen", run_citizen, "citizen login USER (password, then "
	"optionally a new one, on standard input)"
};
