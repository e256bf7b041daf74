/*
 * guichetctl staff add|list|passwd|disable: staff accounts.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/role.h"
#include "guichet/service-staff.h"
#include "guichet/service.h"
#include "guichet/store-staff.h"

struct staff_args {
	const char *role;
	bool password_stdin;
	const char *user;
};

/* Parses "[--role R] [--password-stdin] USER" after the subcommand. */
static int
parse_args(int argc, char **argv, struct staff_args *a, bool want_role)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "password-stdin", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	memset(a, 0, sizeof *a);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "+r:p", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			if (!want_role)
				return -1;
			a->role = optarg;
			break;
		case 'p':
			a->password_stdin = true;
			break;
		default:
			return -1;
		}
	}
	if (optind != argc - 1 || (want_role && a->role == NULL))
		return -1;
	a->user = argv[optind];
	return 0;
}

/* Prints the outcome of a change; returns the exit status. */
static int
report(struct cli *cli, int rc, const char *done)
{
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (cli->json)
		cli_print_json(json_pack("{s:b}", "ok", 1));
	else
		printf("%s\n", done);
	return 0;
}

static int
staff_add(struct cli *cli, int argc, char **argv)
{
	struct staff_args a;
	char *password;
	int role, rc;

	if (parse_args(argc, argv, &a, true) == -1)
		return cli_usage(&cmd_staff);
	if ((role = role_from_name(a.role)) < 0 ||
	    !role_is_staff((enum role)role))
		return cli_refuse("unknown role '%s': use clerk, supervisor "
		    "or admin", a.role);
	if ((rc = cli_open_service(cli)) != 0)
		return rc;
	if ((password = cli_read_password(a.password_stdin, true)) == NULL)
		return EXIT_REFUSED;
	rc = service_staff_add(cli->svc, a.user, (enum role)role, password);
	cli_free_password(password);
	return report(cli, rc, "account added");
}

static int
staff_passwd(struct cli *cli, int argc, char **argv)
{
	struct staff_args a;
	char *password;
	int rc;

	if (parse_args(argc, argv, &a, false) == -1)
		return cli_usage(&cmd_staff);
	if ((rc = cli_open_service(cli)) != 0)
		return rc;
	if ((password = cli_read_password(a.password_stdin, true)) == NULL)
		return EXIT_REFUSED;
	rc = service_staff_passwd(cli->svc, a.user, password);
	cli_free_password(password);
	return report(cli, rc, "password changed; failed logins cleared");
}

static int
staff_disable(struct cli *cli, int argc, char **argv)
{
	struct staff_args a;
	int status;

	if (parse_args(argc, argv, &a, false) == -1 || a.password_stdin)
		return cli_usage(&cmd_staff);
	if ((status = cli_open_service(cli)) != 0)
		return status;
	if (strcmp(argv[0], "enable") == 0)
		return report(cli, service_staff_enable(cli->svc, a.user),
		    "account enabled");
	return report(cli, service_staff_disable(cli->svc, a.user),
	    "account disabled");
}

struct list_out {
	json_t *array;		/* --json */
	bool header_done;
};

/* Prints the table's header once. */
static void
list_header(struct list_out *out)
{
	if (out->array == NULL && !out->header_done)
		printf("%-24s %-11s %-9s %s\n", "USERNAME", "ROLE", "STATE",
		    "CREATED");
	out->header_done = true;
}

/* Prints one account as a table row or adds it to a JSON array. */
static int
list_row(const struct staff *s, void *arg)
{
	struct list_out *out = arg;
	json_t *array = out->array;
	const char *state = s->disabled ? "disabled" : s->locked ? "locked" :
	    "active";

	list_header(out);
	if (array != NULL)
		json_array_append_new(array, json_pack("{s:s, s:s, s:s, s:i, "
		    "s:s}", "username", s->username, "role",
		    role_name(s->role), "state", state, "failed_logins",
		    s->failed_logins, "created_at", s->created_at));
	else
		printf("%-24s %-11s %-9s %s\n", s->username,
		    role_name(s->role), state, s->created_at);
	return 0;
}

static int
staff_list(struct cli *cli, int argc, char **argv)
{
	struct list_out out = { NULL, false };
	int rc;

	(void)argv;
	if (argc != 1)
		return cli_usage(&cmd_staff);
	if ((rc = cli_open_service(cli)) != 0)
		return rc;
	if (cli->json)
		out.array = json_array();
	rc = service_staff_list(cli->svc, list_row, &out);
	if (rc != G_OK) {
		json_decref(out.array);
		return cli_refuse("%s", service_message(cli->svc));
	}
	list_header(&out);
	if (out.array != NULL)
		cli_print_json(json_pack("{s:o}", "staff", out.array));
	return 0;
}

static int
run_staff(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct cli *, int, char **);
	} subs[] = {
		{ "add", staff_add },
		{ "list", staff_list },
		{ "passwd", staff_passwd },
		{ "disable", staff_disable },
		{ "enable", staff_disable },
	};
	size_t i;

	if (argc < 2)
		return cli_usage(&cmd_staff);
	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].fn(cli, argc - 1, argv + 1);
	return cli_usage(&cmd_staff);
}

const struct cli_command cmd_staff = {
	"staff", run_staff, "staff add --role clerk|supervisor|admin "
	"[--password-stdin] USER | staff list | staff passwd "
	"[--password-stdin] USER | staff disable|enable USER"
};
