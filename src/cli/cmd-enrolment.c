/*
 * guichetctl verify-enrolment FILE [--ca BUNDLE]: is a signed enrolment
 * request genuine, and who signed it.  Needs no database.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/enrolment.h"
#include "guichet/err.h"
#include "guichet/i18n.h"

/* Declared for the usage calls below, ahead of its definition. */
extern const struct cli_command cmd_verify_enrolment;

/* Shows an absent field as "-" on the terminal. */
static const char *
or_dash(const char *s)
{
	return s[0] != '\0' ? s : "-";
}

/* Returns s, or NULL for an absent field, so JSON says null. */
static const char *
or_null(const char *s)
{
	return s[0] != '\0' ? s : NULL;
}

/* Prints the outcome as one JSON object; fields are null on refusal. */
static void
print_json(int rc, const struct enrolment *e, const char *reason)
{
	int ok = rc == G_OK;

	cli_print_json(json_pack("{s:b, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, "
	    "s:s?, s:o, s:s?}", "valid", ok,
	    "signer", ok ? e->signer_name : NULL,
	    "serial", ok ? or_null(e->signer_serial) : NULL,
	    "subject", ok ? e->signer_subject : NULL,
	    "issuer", ok ? e->issuer : NULL,
	    "not_before", ok ? or_null(e->not_before) : NULL,
	    "not_after", ok ? or_null(e->not_after) : NULL,
	    "signed_at", ok ? or_null(e->signed_at) : NULL,
	    "document_bytes", ok ?
	    json_integer((json_int_t)e->document_len) : json_null(),
	    "reason", reason != NULL ? _(reason) : NULL));
}

/* Prints who signed and what, one labelled line each. */
static void
print_text(const struct enrolment *e)
{
	printf("signature valid\n");
	printf("signer:     %s\n", or_dash(e->signer_name));
	printf("serial:     %s\n", or_dash(e->signer_serial));
	printf("subject:    %s\n", or_dash(e->signer_subject));
	printf("issuer:     %s\n", or_dash(e->issuer));
	printf("valid:      %s to %s\n", or_dash(e->not_before),
	    or_dash(e->not_after));
	printf("signed at:  %s\n", or_dash(e->signed_at));
	printf("document:   %zu bytes\n", e->document_len);
}

/* Parses FILE and --ca, verifies, reports; exit 1 for any refusal. */
static int
run_verify_enrolment(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ca", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct enrolment e;
	const char *ca = cli->conf.enrolment_ca, *file, *reason;
	int ch, rc;

	/* 0 restarts glibc's getopt, which then lets --ca follow FILE. */
	optind = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			ca = optarg;
			break;
		default:
			return cli_usage(&cmd_verify_enrolment);
		}
	}
	if (optind != argc - 1)
		return cli_usage(&cmd_verify_enrolment);
	file = argv[optind];
	if (ca == NULL || ca[0] == '\0')
		return cli_refuse("no CA bundle to check against: set ca in "
		    "[enrolment] or give --ca BUNDLE");

	rc = enrolment_verify(file, ca, &e, &reason);
	if (cli->json)
		print_json(rc, &e, reason);
	else if (rc == G_OK)
		print_text(&e);
	else if (rc == G_ERR_IO)
		cli_refuse("cannot check %s against the CA bundle %s: %s",
		    file, ca, _(reason));
	else
		cli_refuse("invalid signature: %s", _(reason));
	enrolment_clear(&e);
	return rc == G_OK ? 0 : EXIT_REFUSED;
}

const struct cli_command cmd_verify_enrolment = {
	"verify-enrolment", run_verify_enrolment,
	"verify-enrolment FILE [--ca BUNDLE]"
};
