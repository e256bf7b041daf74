/*
 * guichetctl envelopes issue|print|list|hand-over|replace: sealed
 * credential envelopes, for batch printing and support desks.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/calendar.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/iddoc.h"
#include "guichet/service-envelope.h"
#include "guichet/service-person.h"
#include "guichet/service.h"

/* Options the envelope subcommands share. */
struct env_args {
	const char *printer;
	const char *reason;
	const char *doc_type, *series, *number, *issuer, *expiry;
	bool pending, no_print;
	int argc;		/* operands left */
	char **argv;
};

static int
parse(int argc, char **argv, struct env_args *a)
{
	static const struct option longopts[] = {
		{ "printer", required_argument, NULL, 'p' },
		{ "reason", required_argument, NULL, 'r' },
		{ "pending", no_argument, NULL, 'P' },
		{ "no-print", no_argument, NULL, 'n' },
		{ "document", required_argument, NULL, 'd' },
		{ "series", required_argument, NULL, 's' },
		{ "number", required_argument, NULL, 'N' },
		{ "issuer", required_argument, NULL, 'i' },
		{ "expiry", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	memset(a, 0, sizeof *a);
	/* 0, not 1: glibc then forgets main's "+" and lets options follow
	 * the serial or the national id. */
	optind = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'p': a->printer = optarg; break;
		case 'r': a->reason = optarg; break;
		case 'P': a->pending = true; break;
		case 'n': a->no_print = true; break;
		case 'd': a->doc_type = optarg; break;
		case 's': a->series = optarg; break;
		case 'N': a->number = optarg; break;
		case 'i': a->issuer = optarg; break;
		case 'e': a->expiry = optarg; break;
		default: return -1;
		}
	}
	a->argc = argc - optind;
	a->argv = argv + optind;
	return 0;
}

/* Prints one envelope as a table row or a JSON object. */
static void
show(struct cli *cli, const struct envelope *e, json_t *array)
{
	if (array != NULL)
		json_array_append_new(array, json_pack("{s:s, s:I, s:s, s:s, "
		    "s:i, s:s, s:s}", "serial", e->serial, "person",
		    (json_int_t)e->person_id, "state",
		    envelope_state_name(e->state), "username", e->username,
		    "job", e->job_id, "printer", e->printer, "error",
		    e->print_error));
	else
		printf("%-22s %-12s %-24s %s\n", e->serial,
		    envelope_state_name(e->state), e->username[0] ?
		    e->username : "-", e->print_error);
	(void)cli;
}

/* Prints the envelope just made, or the refusal; returns the status. */
static int
report(struct cli *cli, int rc, const struct envelope *e)
{
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (cli->json) {
		json_t *a = json_array();

		show(cli, e, a);
		cli_print_json(json_incref(json_array_get(a, 0)));
		json_decref(a);
	} else
		printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
env_issue(struct cli *cli, struct env_args *a)
{
	struct envelope e;
	int64_t person;
	int rc;

	if (a->argc != 1)
		return cli_usage(&cmd_envelopes);
	if (service_person_find(cli->svc, a->argv[0], &person) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	rc = service_envelope_issue(cli->svc, person, &e);
	if (rc == G_OK && !a->no_print)
		rc = service_envelope_print(cli->svc, e.id, a->printer, &e);
	return report(cli, rc, &e);
}

static void
batch_progress(const struct envelope *e, int rc, const char *message,
    int done, int total, void *arg)
{
	struct cli *cli = arg;

	if (rc != G_OK)
		fprintf(stderr, "\nguichetctl: %s: %s\n", e->serial, message);
	else if (!cli->json)
		printf("%s printed (job %d)\n", e->serial, e->job_id);
	cli_progress("envelopes", done, total);
}

static int
env_print(struct cli *cli, struct env_args *a)
{
	struct envelope e;
	int printed, failed, rc;

	if (a->pending && a->argc == 0) {
		rc = service_envelope_print_pending(cli->svc, a->printer,
		    batch_progress, cli, &printed, &failed);
		if (cli->json)
			cli_print_json(json_pack("{s:i, s:i}", "printed",
			    printed, "failed", failed));
		else
			printf("%s\n", service_message(cli->svc));
		return rc == G_OK ? 0 : EXIT_REFUSED;
	}
	if (a->pending || a->argc != 1)
		return cli_usage(&cmd_envelopes);
	if (service_envelope_get(cli->svc, 0, a->argv[0], &e) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return report(cli, service_envelope_print(cli->svc, e.id, a->printer,
	    &e), &e);
}

static int
list_one(const struct envelope *e, void *arg)
{
	void **ctx = arg;

	show(ctx[0], e, ctx[1]);
	return 0;
}

static int
env_list(struct cli *cli, struct env_args *a)
{
	int64_t person = 0;
	json_t *array = cli->json ? json_array() : NULL;
	void *ctx[2] = { cli, array };

	if (a->argc > 1)
		return cli_usage(&cmd_envelopes);
	if (a->argc == 1 && service_person_find(cli->svc, a->argv[0],
	    &person) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (array == NULL)
		printf("%-22s %-12s %-24s %s\n", "SERIAL", "STATE", "USERNAME",
		    "PRINT ERROR");
	if (service_envelope_list(cli->svc, person, list_one, ctx) != G_OK) {
		json_decref(array);
		return cli_refuse("%s", service_message(cli->svc));
	}
	if (array != NULL)
		cli_print_json(json_pack("{s:o}", "envelopes", array));
	return 0;
}

static int
env_hand_over(struct cli *cli, struct env_args *a)
{
	struct envelope e;
	struct iddoc doc;
	int type;

	if (a->argc != 1 || a->doc_type == NULL || a->number == NULL ||
	    a->issuer == NULL || a->expiry == NULL)
		return cli_usage(&cmd_envelopes);
	if ((type = iddoc_type_from_name(a->doc_type)) < 0)
		return cli_refuse("unknown document type '%s': use ro-id-card, "
		    "ro-ecard, gr-id-card, passport or residence-permit",
		    a->doc_type);
	memset(&doc, 0, sizeof doc);
	doc.type = (enum iddoc_type)type;
	snprintf(doc.series, sizeof doc.series, "%s", a->series ? a->series :
	    "");
	snprintf(doc.number, sizeof doc.number, "%s", a->number);
	snprintf(doc.issuer, sizeof doc.issuer, "%s", a->issuer);
	if (!date_parse_iso(a->expiry, &doc.expiry))
		return cli_refuse("--expiry needs a date as YYYY-MM-DD");
	if (service_envelope_get(cli->svc, 0, a->argv[0], &e) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (service_envelope_hand_over(cli->svc, e.id, &doc) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (!cli->json)
		return printf("%s\n", service_message(cli->svc)), 0;
	/* JSON shows the envelope as it is now. */
	service_envelope_get(cli->svc, e.id, NULL, &e);
	return report(cli, G_OK, &e);
}

static int
env_replace(struct cli *cli, struct env_args *a)
{
	struct envelope e, r;
	int rc;

	if (a->argc != 1 || a->reason == NULL)
		return cli_usage(&cmd_envelopes);
	if (service_envelope_get(cli->svc, 0, a->argv[0], &e) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	rc = service_envelope_replace(cli->svc, e.id, a->reason, &r);
	if (rc == G_OK && !a->no_print)
		rc = service_envelope_print(cli->svc, r.id, a->printer, &r);
	return report(cli, rc, &r);
}

static int
run_envelopes(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct cli *, struct env_args *);
	} subs[] = {
		{ "issue", env_issue }, { "print", env_print },
		{ "list", env_list }, { "hand-over", env_hand_over },
		{ "replace", env_replace },
	};
	struct env_args a;
	size_t i;
	int status;

	if (argc < 2)
		return cli_usage(&cmd_envelopes);
	for (i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(argv[1], subs[i].name) != 0)
			continue;
		if (parse(argc - 1, argv + 1, &a) == -1)
			return cli_usage(&cmd_envelopes);
		if ((status = cli_open_service(cli)) != 0)
			return status;
		return subs[i].fn(cli, &a);
	}
	return cli_usage(&cmd_envelopes);
}

const struct cli_command cmd_envelopes = {
	"envelopes", run_envelopes,
	"envelopes issue [--no-print] [--printer NAME] NATIONAL-ID | "
	"envelopes print --pending | SERIAL [--printer NAME] | "
	"envelopes list [NATIONAL-ID] | envelopes hand-over SERIAL "
	"--document TYPE [--series S] --number N --issuer I --expiry DATE | "
	"envelopes replace SERIAL --reason TEXT [--no-print]"
};
