/*
 * guichetctl audit verify [--against EXPORT] | checkpoint | export FILE:
 * walk the audit trail's hash chain and hold the signed checkpoints
 * against it; sign one; write them out for keeping off the machine.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/service-audit.h"
#include "guichet/service.h"

static int
audit_verify(struct cli *cli, int argc, char **argv)
{
	struct audit_report report;
	const char *against = NULL;
	int rc;

	if (argc == 3 && strcmp(argv[1], "--against") == 0)
		against = argv[2];
	else if (argc != 1)
		return cli_usage(&cmd_audit);
	rc = service_audit_verify(cli->svc, against, &report);
	if (cli->json)
		cli_print_json(json_pack("{s:b, s:I, s:I, s:i, s:s?, s:s}",
		    "intact", rc == G_OK, "rows", (json_int_t)report.rows,
		    "broken_row", (json_int_t)report.broken_id,
		    "checkpoints", report.checkpoints, "reason",
		    report.reason != NULL ? _(report.reason) : NULL,
		    "message", service_message(cli->svc)));
	else if (rc == G_OK)
		printf("%s\n", service_message(cli->svc));
	if (rc != G_OK) {
		if (!cli->json)
			cli_refuse("%s", service_message(cli->svc));
		return EXIT_REFUSED;
	}
	return 0;
}

/* Prints a checkpoint made: its line, or JSON. */
static void
print_checkpoint(const struct cli *cli, const struct checkpoint *c)
{
	char line[CHECKPOINT_LINE];

	if (cli->json) {
		cli_print_json(json_pack("{s:I, s:s, s:s, s:s, s:s}", "size",
		    (json_int_t)c->size, "head", c->head, "at", c->at,
		    "public", c->public, "signature", c->signature));
		return;
	}
	printf("%s\n", service_message(cli->svc));
	checkpoint_format(c, line, sizeof line);
	fputs(line, stdout);
}

static int
audit_checkpoint(struct cli *cli, int argc, char **argv)
{
	struct checkpoint c;

	(void)argv;
	if (argc != 1)
		return cli_usage(&cmd_audit);
	if (service_audit_checkpoint(cli->svc, &c) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	print_checkpoint(cli, &c);
	return 0;
}

static int
audit_export(struct cli *cli, int argc, char **argv)
{
	struct checkpoint c;

	if (argc != 2)
		return cli_usage(&cmd_audit);
	if (service_audit_export(cli->svc, argv[1], &c) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	print_checkpoint(cli, &c);
	return 0;
}

static int
run_audit(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "verify", audit_verify }, { "checkpoint", audit_checkpoint },
		{ "export", audit_export },
	};

	return cli_run_sub(cli, &cmd_audit, subs, 3, argc, argv);
}

const struct cli_command cmd_audit = {
	"audit", run_audit,
	"audit verify [--against EXPORT] | checkpoint | export FILE"
};
