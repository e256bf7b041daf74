/*
 * guichetctl requests file|register|show|status|list|assign|...: requests
 * and the registry, for scripts, support desks and the concurrency tests.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/service-person.h"
#include "guichet/service-receipt.h"
#include "guichet/service-request.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"

/* Prints a request: "ID PROTOCOL STATUS TYPE" or a JSON object. */
static int
show(struct cli *cli, const struct request *r)
{
	if (cli->json)
		cli_print_json(json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s, "
		    "s:s}", "id", (json_int_t)r->id, "protocol", r->protocol,
		    "emergency", r->emergency, "status",
		    request_status_name(r->status), "type", r->type, "person",
		    (json_int_t)r->person_id, "filed_at", r->filed_at, "reply",
		    r->reply));
	else
		printf("%lld %s %s %s%s%s\n", (long long)r->id,
		    r->protocol[0] ? r->protocol : r->emergency[0] ?
		    r->emergency : "-", request_status_name(r->status),
		    r->type, r->protocol[0] && r->emergency[0] ? " " : "",
		    r->protocol[0] ? r->emergency : "");
	return 0;
}

static int
req_file(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "person", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct request_value *values;
	const char *person = NULL;
	struct request r;
	int64_t person_id = 0;
	int ch, i, n, rc;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (ch != 'p')
			return cli_usage(&cmd_requests);
		person = optarg;
	}
	if (optind >= argc)
		return cli_usage(&cmd_requests);
	if (person != NULL && service_person_find(cli->svc, person,
	    &person_id) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	n = argc - optind - 1;
	values = xcalloc((size_t)n + 1, sizeof *values);
	for (i = 0; i < n; i++) {
		char *arg = argv[optind + 1 + i], *eq = strchr(arg, '=');

		if (eq == NULL || (size_t)(eq - arg) >= sizeof values[i].name) {
			free(values);
			return cli_refuse("'%s' is not NAME=VALUE", arg);
		}
		snprintf(values[i].name, sizeof values[i].name, "%.*s",
		    (int)(eq - arg), arg);
		values[i].value = eq + 1;
	}
	rc = service_request_file(cli->svc, argv[optind], person_id, values,
	    n, &r);
	free(values);
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return show(cli, &r);
}

/* Reads the request named by what into *r; refuses with the message. */
static int
find(struct cli *cli, const char *what, struct request *r)
{
	if (service_request_find(cli->svc, what, r) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return 0;
}

static int
req_register(struct cli *cli, int argc, char **argv)
{
	struct request r;

	if (argc != 2)
		return cli_usage(&cmd_requests);
	if (find(cli, argv[1], &r) != 0)
		return EXIT_REFUSED;
	if (service_request_register(cli->svc, r.id, &r) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return show(cli, &r);
}

static int
req_show(struct cli *cli, int argc, char **argv)
{
	struct request r;

	if (argc != 2)
		return cli_usage(&cmd_requests);
	if (find(cli, argv[1], &r) != 0)
		return EXIT_REFUSED;
	return show(cli, &r);
}

static int
req_status(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "text", required_argument, NULL, 't' },
		{ "of", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *text = "", *original = NULL;
	struct request r;
	int ch, to;

	optind = 0;	/* options may follow the id and the status */
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch == 't')
			text = optarg;
		else if (ch == 'o')
			original = optarg;
		else
			return cli_usage(&cmd_requests);
	}
	if (argc - optind != 2)
		return cli_usage(&cmd_requests);
	if ((to = request_status_from_name(argv[optind + 1])) < 0)
		return cli_refuse("unknown status '%s'", argv[optind + 1]);
	if (find(cli, argv[optind], &r) != 0)
		return EXIT_REFUSED;
	if (service_request_set_status(cli->svc, r.id,
	    (enum request_status)to, text, original, &r) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return show(cli, &r);
}

static int
req_annul(struct cli *cli, int argc, char **argv)
{
	struct request r;

	if (argc != 4 || strcmp(argv[2], "--reason") != 0)
		return cli_usage(&cmd_requests);
	if (find(cli, argv[1], &r) != 0)
		return EXIT_REFUSED;
	if (service_request_annul(cli->svc, r.id, argv[3]) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
req_seal(struct cli *cli, int argc, char **argv)
{
	char hash[65];
	int64_t count;
	int rc;

	if (argc != 2 && !(argc == 3 && strcmp(argv[1], "--verify") == 0))
		return cli_usage(&cmd_requests);
	if (argc == 3)
		rc = service_registry_verify(cli->svc, argv[2]);
	else
		rc = service_registry_seal(cli->svc, argv[1], &count, hash);
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
req_recover(struct cli *cli, int argc, char **argv)
{
	int count;

	(void)argv;
	if (argc != 1)
		return cli_usage(&cmd_requests);
	if (service_request_recover(cli->svc, &count) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
show_each(const struct request *r, void *arg)
{
	return show(arg, r);
}

/* Returns the bits of the statuses named in list ("registered,answered",
 * or "open" for every status that is not final); 0 for a bad name. */
static unsigned
status_bits(const char *list)
{
	char name[32];
	unsigned bits = 0;
	size_t n;
	int s;

	while (*list != '\0') {
		n = strcspn(list, ",");
		snprintf(name, sizeof name, "%.*s", (int)n, list);
		if (strcmp(name, "open") == 0) {
			for (s = 0; s < REQ_STATUS_COUNT; s++)
				if (!request_status_final(s))
					bits |= 1u << s;
		} else if ((s = request_status_from_name(name)) >= 0)
			bits |= 1u << s;
		else
			return 0;
		list += n + (list[n] == ',');
	}
	return bits;
}

static int
req_list(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "department", required_argument, NULL, 'd' },
		{ "status", required_argument, NULL, 's' },
		{ "person", required_argument, NULL, 'p' },
		{ "assigned", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct request_filter f;
	int ch;

	memset(&f, 0, sizeof f);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			f.department = optarg;
			break;
		case 's':
			if ((f.statuses = status_bits(optarg)) == 0)
				return cli_refuse("unknown status in '%s'",
				    optarg);
			break;
		case 'p':
			if (service_person_find(cli->svc, optarg,
			    &f.person_id) != G_OK)
				return cli_refuse("%s",
				    service_message(cli->svc));
			break;
		case 'a':
			f.assigned_to = optarg;
			break;
		default:
			return cli_usage(&cmd_requests);
		}
	}
	if (optind != argc)
		return cli_usage(&cmd_requests);
	if (service_request_list(cli->svc, &f, show_each, cli) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return 0;
}

static int
req_assign(struct cli *cli, int argc, char **argv)
{
	struct request r;

	if (argc != 3)
		return cli_usage(&cmd_requests);
	if (find(cli, argv[1], &r) != 0)
		return EXIT_REFUSED;
	if (service_request_assign(cli->svc, r.id, argv[2]) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
req_receipt(struct cli *cli, int argc, char **argv)
{
	const char *printer = argc == 4 && strcmp(argv[2], "--printer") == 0 ?
	    argv[3] : NULL;
	struct request r;

	if (argc != 2 && printer == NULL)
		return cli_usage(&cmd_requests);
	if (find(cli, argv[1], &r) != 0)
		return EXIT_REFUSED;
	if (service_request_receipt(cli->svc, r.id, printer) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
req_check_receipt(struct cli *cli, int argc, char **argv)
{
	struct request r;

	if (argc != 2)
		return cli_usage(&cmd_requests);
	if (service_request_receipt_check(cli->svc, argv[1], &r) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
run_requests(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "file", req_file }, { "register", req_register },
		{ "show", req_show }, { "status", req_status },
		{ "recover", req_recover }, { "annul", req_annul },
		{ "seal", req_seal }, { "list", req_list },
		{ "assign", req_assign }, { "receipt", req_receipt },
		{ "check-receipt", req_check_receipt },
	};

	return cli_run_sub(cli, &cmd_requests, subs, sizeof subs / sizeof subs[0],
	    argc, argv);
}

const struct cli_command cmd_requests = {
	"requests", run_requests,
	"requests file TYPE [--person NATIONAL-ID] [NAME=VALUE...] | "
	"requests register|show ID-OR-PROTOCOL | "
	"requests status ID-OR-PROTOCOL STATUS [--text TEXT] [--of ORIGINAL] | "
	"requests recover | requests annul ID-OR-PROTOCOL --reason TEXT | "
	"requests seal [--verify] YYYY-MM-DD | "
	"requests list [--department DEPT] [--status S,...|open] "
	"[--person NATIONAL-ID] [--assigned USER] | "
	"requests assign ID-OR-PROTOCOL USER | "
	"requests receipt ID-OR-PROTOCOL [--printer NAME] | "
	"requests check-receipt 'ID CHECK-CODE'"
};
