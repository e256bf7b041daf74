/*
 * guichetctl audit verify: walk the audit trail's hash chain.
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
run_audit(struct cli *cli, int argc, char **argv)
{
	struct audit_report report;
	int rc, status;

	if (argc != 2 || strcmp(argv[1], "verify") != 0)
		return cli_usage(&cmd_audit);
	if ((status = cli_open_service(cli)) != 0)
		return status;
	rc = service_audit_verify(cli->svc, &report);
	if (cli->json)
		cli_print_json(json_pack("{s:b, s:I, s:I, s:s?}", "intact",
		    rc == G_OK, "rows", (json_int_t)report.rows, "broken_row",
		    (json_int_t)report.broken_id, "reason",
		    report.reason != NULL ? _(report.reason) : NULL));
	else if (rc == G_OK)
		printf("%s\n", service_message(cli->svc));
	if (rc != G_OK) {
		if (!cli->json)
			cli_refuse("%s", service_message(cli->svc));
		return EXIT_REFUSED;
	}
	return 0;
}

const struct cli_command cmd_audit = {
	"audit", run_audit, "audit verify"
};
