/*
 * guichetctl sync [--once] [--every SECONDS]: push this station's changes
 * to the central store and pull the others'; guichetctl central init URL
 * makes a centre.
 */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/log.h"
#include "guichet/service-sync.h"
#include "guichet/service.h"

#define EVERY_DEFAULT 30	/* seconds between rounds without --once */

static volatile sig_atomic_t stop;

static void
on_stop(int sig)
{
	(void)sig;
	stop = 1;
}

static void
progress(int64_t done, int64_t total, void *arg)
{
	(void)arg;
	cli_progress("sync", done, total);
}

static void
report(const struct cli *cli, const struct sync_report *r)
{
	if (cli->json)
		cli_print_json(json_pack("{s:I, s:I, s:i, s:I}", "pushed",
		    (json_int_t)r->pushed, "pulled", (json_int_t)r->pulled,
		    "numbered", r->numbered, "waiting",
		    (json_int_t)r->waiting));
	else
		printf("%lld sent, %lld received, %d numbered, %lld waiting\n",
		    (long long)r->pushed, (long long)r->pulled, r->numbered,
		    (long long)r->waiting);
}

static int
run_sync(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "once", no_argument, NULL, 'o' },
		{ "every", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct sync_report r;
	bool once = false;
	int ch, status, every = EVERY_DEFAULT, rc;
	char *end;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch == 'o')
			once = true;
		else if (ch == 'e' && (every = (int)strtol(optarg, &end, 10),
		    *end != '\0' || every < 1 || every > 86400))
			return cli_refuse("--every needs seconds, 1 to 86400");
		else if (ch != 'e')
			return cli_usage(&cmd_sync);
	}
	if (optind != argc)
		return cli_usage(&cmd_sync);
	if ((status = cli_open_service(cli)) != 0)
		return status;
	signal(SIGINT, on_stop);
	signal(SIGTERM, on_stop);
	for (;;) {
		rc = service_sync_once(cli->svc, &r, isatty(STDERR_FILENO) ?
		    progress : NULL, NULL);
		if (once)
			break;
		if (rc == G_OK)
			log_info("sync: %s", service_message(cli->svc));
		else
			fprintf(stderr, "guichetctl: %s\n",
			    service_message(cli->svc));
		if (rc == G_ERR_CONFIG || rc == G_ERR_STORE)
			break;
		for (ch = 0; ch < every && !stop; ch++)
			sleep(1);
		if (stop)
			return 0;
	}
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	report(cli, &r);
	return 0;
}

static int
central_init(struct cli *cli, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(&cmd_central);
	if (service_central_init(cli->svc, argv[1]) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
run_central(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = { { "init", central_init } };

	return cli_run_sub(cli, &cmd_central, subs, 1, argc, argv);
}

const struct cli_command cmd_sync = {
	"sync", run_sync, "sync [--once] [--every SECONDS]"
};

const struct cli_command cmd_central = {
	"central", run_central, "central init URL"
};
