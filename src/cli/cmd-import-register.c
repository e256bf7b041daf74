/*
 * guichetctl import-register FILE: imports the tax office's register
 * feed, each refused line on standard error as FILE:LINE: reason, the
 * counts on standard output.
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/service-register.h"
#include "guichet/service.h"

/* What the callbacks need. */
struct feed_run {
	const char *path;
	bool bar;		/* a progress bar may be on stderr's line */
};

static void
progress(int64_t done, int64_t total, void *arg)
{
	struct feed_run *run = arg;

	cli_progress("register", done, total);
	run->bar = done < total;
}

static void
bad_row(int64_t line, const char *reason, void *arg)
{
	struct feed_run *run = arg;

	/* Over the bar, which the next batch draws again. */
	if (run->bar && isatty(STDERR_FILENO))
		fputs("\r\033[K", stderr);
	fprintf(stderr, "%s:%lld: %s\n", run->path, (long long)line, reason);
}

static int
run_import_register(struct cli *cli, int argc, char **argv)
{
	struct feed_run run = { NULL, false };
	struct import_report report;
	int status, rc;

	if (argc != 2)
		return cli_usage(&cmd_import_register);
	run.path = argv[1];
	if ((status = cli_open_service(cli)) != 0)
		return status;
	rc = service_register_import(cli->svc, run.path, progress, bad_row,
	    &run, &report);
	if (run.bar && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (cli->json)
		cli_print_json(json_pack("{s:I, s:I, s:I}", "records",
		    (json_int_t)report.rows, "refused", (json_int_t)report.bad,
		    "changed", (json_int_t)report.changed));
	else
		printf("%lld records, %lld refused, %lld changed\n",
		    (long long)report.rows, (long long)report.bad,
		    (long long)report.changed);
	return report.bad > 0 ? EXIT_REFUSED : 0;
}

const struct cli_command cmd_import_register = {
	"import-register", run_import_register, "import-register FILE"
};
