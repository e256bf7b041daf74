/*
 * guichetctl decisions import|search|show|print|save: the council's
 * decisions, imported one at a time or from a list, for supervisors and
 * scripts.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/service-decision.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"

/* Prints a decision: "ID NUMBER/YEAR DATE TITLE", or a JSON object. */
static int
show(const struct decision *d, void *arg)
{
	struct cli *cli = arg;
	char number[DECISION_NUMBER_LEN];

	decision_number_format(d->number, d->year, number, sizeof number);
	if (cli->json)
		cli_print_json(json_pack("{s:I, s:s, s:s, s:s, s:I, s:s, s:s, "
		    "s:s}", "id", (json_int_t)d->id, "number", number, "title",
		    d->title, "adopted_on", d->adopted_on, "pdf_size",
		    (json_int_t)d->pdf_size, "pdf_sha256", d->pdf_sha256,
		    "imported_at", d->imported_at, "imported_by",
		    d->imported_by));
	else
		printf("%lld %s %s %s\n", (long long)d->id, number,
		    d->adopted_on, d->title);
	return 0;
}

/* Keeps the first decision found. */
static int
keep(const struct decision *d, void *arg)
{
	*(struct decision *)arg = *d;
	return 1;
}

/* Reads the decision named by what - its id, or its number as in
 * 123/2026 - into *d; refuses with the message. */
static int
find(struct cli *cli, const char *what, struct decision *d)
{
	struct decision_query q = { what, NULL, NULL, NULL, 1 };
	char *end;
	long long id;

	memset(d, 0, sizeof *d);
	if (strchr(what, '/') == NULL) {
		id = strtoll(what, &end, 10);
		if (*what == '\0' || *end != '\0' || id <= 0)
			return cli_refuse("'%s' is neither a decision's id "
			    "nor its number (123/2026)", what);
		if (service_decision_get(cli->svc, id, d) != G_OK)
			return cli_refuse("%s", service_message(cli->svc));
		return 0;
	}
	if (service_decision_search(cli->svc, &q, keep, d) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (d->id == 0)
		return cli_refuse("there is no decision %s", what);
	return 0;
}

/* Imports one decision; prints what happened, or refuses. */
static int
import_one(struct cli *cli, const char *number, const char *title,
    const char *date, const char *path, bool replace,
    enum decision_import_result *result)
{
	struct decision d;
	int64_t id;

	if (service_decision_import(cli->svc, number, title, date, path,
	    replace, result, &id) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (cli->json && service_decision_get(cli->svc, id, &d) == G_OK)
		return show(&d, cli);
	printf("%s\n", service_message(cli->svc));
	return 0;
}

/* Splits a line of the list into its four fields in place: the number
 * before the first comma, the path after the last, the date before it,
 * and the title - commas allowed - in between. */
static bool
split_line(char *line, char **number, char **title, char **date,
    char **path)
{
	char *first = strchr(line, ','), *last = strrchr(line, ','), *mid;

	if (first == NULL || last == first)
		return false;
	*last = '\0';
	if ((mid = strrchr(line, ',')) == first)
		return false;
	*first = *mid = '\0';
	*number = line;
	*title = first + 1;
	*date = mid + 1;
	*path = last + 1;
	return true;
}

/* Imports every line of the list at list_path (NUMBER,TITLE,DATE,PDF; a
 * relative PDF path is taken from the list's folder); a refused line
 * does not stop the others. */
static int
import_list(struct cli *cli, const char *list_path, bool replace)
{
	static const char *const done[] = { "imported", "unchanged",
	    "replaced" };
	char *line = NULL, *number, *title, *date, *path, *copy, *dir;
	char full[4096];
	long counts[3] = { 0, 0, 0 }, refused = 0, n = 0;
	enum decision_import_result result;
	size_t cap = 0;
	ssize_t len;
	int64_t id;
	FILE *f;

	if ((f = fopen(list_path, "r")) == NULL)
		return cli_refuse("%s cannot be read: %s", list_path,
		    strerror(errno));
	copy = xstrdup(list_path);
	dir = dirname(copy);
	while ((len = getline(&line, &cap, f)) >= 0) {
		n++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (line[0] == '\0' || line[0] == '#' ||
		    (n == 1 && strncmp(line, "number,", 7) == 0))
			continue;
		if (!split_line(line, &number, &title, &date, &path)) {
			cli_refuse("%s:%ld: write NUMBER,TITLE,DATE,PDF",
			    list_path, n);
			refused++;
			continue;
		}
		snprintf(full, sizeof full, "%s%s%s", path[0] == '/' ? "" :
		    dir, path[0] == '/' ? "" : "/", path);
		if (service_decision_import(cli->svc, number, title, date,
		    full, replace, &result, &id) != G_OK) {
			cli_refuse("%s:%ld: %s", list_path, n,
			    service_message(cli->svc));
			refused++;
		} else {
			printf("%s:%ld: %s\n", list_path, n,
			    service_message(cli->svc));
			counts[result]++;
		}
	}
	free(line);
	free(copy);
	fclose(f);
	printf("%ld %s, %ld %s, %ld %s, %ld refused\n", counts[0], done[0],
	    counts[1], done[1], counts[2], done[2], refused);
	return refused > 0 ? EXIT_REFUSED : 0;
}

static int
decisions_import(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "number", required_argument, NULL, 'n' },
		{ "title", required_argument, NULL, 't' },
		{ "date", required_argument, NULL, 'd' },
		{ "list", required_argument, NULL, 'l' },
		{ "replace", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *number = NULL, *title = NULL, *date = NULL, *list = NULL;
	enum decision_import_result result;
	bool replace = false;
	int ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			number = optarg;
			break;
		case 't':
			title = optarg;
			break;
		case 'd':
			date = optarg;
			break;
		case 'l':
			list = optarg;
			break;
		case 'r':
			replace = true;
			break;
		default:
			return cli_usage(&cmd_decisions);
		}
	}
	if (list != NULL)
		return number != NULL || title != NULL || date != NULL ||
		    optind != argc ? cli_usage(&cmd_decisions) :
		    import_list(cli, list, replace);
	if (optind != argc - 1)
		return cli_usage(&cmd_decisions);
	return import_one(cli, number, title, date, argv[optind], replace,
	    &result);
}

static int
decisions_search(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "number", required_argument, NULL, 'n' },
		{ "words", required_argument, NULL, 'w' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "limit", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct decision_query q = { NULL, NULL, NULL, NULL, 100 };
	int ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			q.number = optarg;
			break;
		case 'w':
			q.words = optarg;
			break;
		case 'f':
			q.from = optarg;
			break;
		case 't':
			q.to = optarg;
			break;
		case 'l':
			q.limit = atoi(optarg);
			break;
		default:
			return cli_usage(&cmd_decisions);
		}
	}
	if (optind != argc || q.limit <= 0)
		return cli_usage(&cmd_decisions);
	if (service_decision_search(cli->svc, &q, show, cli) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return 0;
}

static int
decisions_show(struct cli *cli, int argc, char **argv)
{
	struct decision d;

	if (argc != 2)
		return cli_usage(&cmd_decisions);
	if (find(cli, argv[1], &d) != 0)
		return EXIT_REFUSED;
	if (cli->json)
		return show(&d, cli);
	printf("id: %lld\nnumber: %d/%d\ntitle: %s\nadopted: %s\n"
	    "pdf: %lld bytes, sha256 %s\nimported: %s by %s\n",
	    (long long)d.id, d.number, d.year, d.title, d.adopted_on,
	    (long long)d.pdf_size, d.pdf_sha256, d.imported_at,
	    d.imported_by);
	return 0;
}

static int
decisions_print(struct cli *cli, int argc, char **argv)
{
	const char *printer = argc == 4 && strcmp(argv[2], "--printer") == 0 ?
	    argv[3] : NULL;
	struct decision d;

	if (argc != 2 && printer == NULL)
		return cli_usage(&cmd_decisions);
	if (find(cli, argv[1], &d) != 0)
		return EXIT_REFUSED;
	if (service_decision_print(cli->svc, d.id, printer) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
decisions_save(struct cli *cli, int argc, char **argv)
{
	struct decision d;

	if (argc != 3)
		return cli_usage(&cmd_decisions);
	if (find(cli, argv[1], &d) != 0)
		return EXIT_REFUSED;
	if (service_decision_save(cli->svc, d.id, argv[2]) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	return 0;
}

static int
run_decisions(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "import", decisions_import }, { "search", decisions_search },
		{ "show", decisions_show }, { "print", decisions_print },
		{ "save", decisions_save },
	};

	return cli_run_sub(cli, &cmd_decisions, subs,
	    sizeof subs / sizeof subs[0], argc, argv);
}

const struct cli_command cmd_decisions = {
	"decisions", run_decisions,
	"decisions import --number N/YYYY --title TITLE --date YYYY-MM-DD "
	"[--replace] FILE.pdf | "
	"decisions import --list FILE.csv [--replace] | "
	"decisions search [--number N[/YYYY]] [--words WORDS] [--from DATE] "
	"[--to DATE] [--limit N] | "
	"decisions show|print ID-OR-NUMBER [--printer NAME] | "
	"decisions save ID-OR-NUMBER FILE.pdf"
};
