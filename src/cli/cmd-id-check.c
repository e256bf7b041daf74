/*
 * guichetctl id-check KIND VALUE: is this identifier valid, and if not,
 * why.  Needs no database.
 */
#include "config.h"

#include <stdio.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/i18n.h"
#include "guichet/ident.h"

static int
run_id_check(struct cli *cli, int argc, char **argv)
{
	const char *reason;
	int kind;

	if (argc != 3)
		return cli_usage(&cmd_id_check);
	if ((kind = ident_kind_from_name(argv[1])) < 0) {
		fprintf(stderr, "guichetctl: unknown identifier kind '%s': "
		    "use cnp, cui, afm, amka, iban or rf\n", argv[1]);
		return EXIT_USAGE;
	}
	reason = ident_check((enum ident_kind)kind, argv[2]);
	if (cli->json)
		cli_print_json(json_pack("{s:s, s:s, s:b, s:s?}", "kind",
		    argv[1], "value", argv[2], "valid", reason == NULL,
		    "reason", reason != NULL ? _(reason) : NULL));
	else if (reason == NULL)
		printf("valid\n");
	else
		printf("invalid: %s\n", _(reason));
	return reason == NULL ? 0 : EXIT_REFUSED;
}

const struct cli_command cmd_id_check = {
	"id-check", run_id_check, "id-check cnp|cui|afm|amka|iban|rf VALUE"
};
