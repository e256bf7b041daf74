/*
 * guichetctl polls create|list|tally|vote: polls for supervisors and the
 * support desk.  Tallies show counts only.
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
#include "guichet/service-poll.h"
#include "guichet/service.h"

/* Prints a poll: "ID OPENS..CLOSES LEVEL QUESTION" then its options with
 * their counts, or a JSON object. */
static int
show(const struct poll *p, void *arg)
{
	struct cli *cli = arg;
	json_t *options;
	int i;

	if (cli->json) {
		options = json_array();
		for (i = 0; i < p->noptions; i++)
			json_array_append_new(options, json_pack("{s:s, s:I}",
			    "option", p->options[i], "votes",
			    (json_int_t)p->votes[i]));
		cli_print_json(json_pack("{s:I, s:s, s:s, s:s, s:s, s:o}",
		    "id", (json_int_t)p->id, "question", p->question, "opens",
		    p->opens_on, "closes", p->closes_on, "level",
		    p->validated_only ? "validated" : "standard", "options",
		    options));
		return 0;
	}
	printf("%lld %s..%s %s %s\n", (long long)p->id, p->opens_on,
	    p->closes_on, p->validated_only ? "validated" : "standard",
	    p->question);
	for (i = 0; i < p->noptions; i++)
		printf("  %d %lld %s\n", i + 1, (long long)p->votes[i],
		    p->options[i]);
	return 0;
}

static int
polls_create(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "question", required_argument, NULL, 'q' },
		{ "option", required_argument, NULL, 'o' },
		{ "opens", required_argument, NULL, 'b' },
		{ "closes", required_argument, NULL, 'e' },
		{ "validated", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct poll p;
	int ch;

	memset(&p, 0, sizeof p);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'q':
			snprintf(p.question, sizeof p.question, "%s", optarg);
			break;
		case 'o':
			if (p.noptions == POLL_OPTIONS_MAX)
				return cli_refuse("at most %d options",
				    POLL_OPTIONS_MAX);
			snprintf(p.options[p.noptions++], sizeof p.options[0],
			    "%s", optarg);
			break;
		case 'b':
			snprintf(p.opens_on, sizeof p.opens_on, "%s", optarg);
			break;
		case 'e':
			snprintf(p.closes_on, sizeof p.closes_on, "%s", optarg);
			break;
		case 'v':
			p.validated_only = true;
			break;
		default:
			return cli_usage(&cmd_polls);
		}
	}
	if (optind != argc)
		return cli_usage(&cmd_polls);
	if (service_poll_create(cli->svc, &p) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return show(&p, cli);
}

static int
polls_list(struct cli *cli, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage(&cmd_polls);
	if (service_poll_list(cli->svc, true, 0, show, cli) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return 0;
}

static int
polls_tally(struct cli *cli, int argc, char **argv)
{
	struct poll p;

	if (argc != 2)
		return cli_usage(&cmd_polls);
	if (service_poll_tally(cli->svc, strtoll(argv[1], NULL, 10), &p) !=
	    G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return show(&p, cli);
}

static int
polls_vote(struct cli *cli, int argc, char **argv)
{
	int64_t person;

	if (argc != 5 || strcmp(argv[3], "--person") != 0)
		return cli_usage(&cmd_polls);
	if (service_person_find(cli->svc, argv[4], &person) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (service_poll_vote(cli->svc, strtoll(argv[1], NULL, 10),
	    atoi(argv[2]) - 1, person) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
run_polls(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "create", polls_create }, { "list", polls_list },
		{ "tally", polls_tally }, { "vote", polls_vote },
	};

	return cli_run_sub(cli, &cmd_polls, subs, sizeof subs / sizeof subs[0],
	    argc, argv);
}

const struct cli_command cmd_polls = {
	"polls", run_polls,
	"polls create --question Q --option A --option B [...] --opens "
	"YYYY-MM-DD --closes YYYY-MM-DD [--validated] | polls list | "
	"polls tally ID | polls vote ID OPTION-NUMBER --person NATIONAL-ID"
};
