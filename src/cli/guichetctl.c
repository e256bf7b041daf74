/*
 * guichetctl: the administrators' and scripts' interface to guichet.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/password.h"
#include "guichet/service.h"
#include "guichet/xmalloc.h"

static const struct cli_command *const commands[] = {
	&cmd_init,
	&cmd_migrate,
	&cmd_demo_data,
	&cmd_staff,
	&cmd_id_check,
	&cmd_audit,
	&cmd_verify_enrolment,
	&cmd_envelopes,
	&cmd_citizen,
	&cmd_requests,
	&cmd_import_register,
	&cmd_due,
	&cmd_pay,
	&cmd_polls,
	&cmd_decisions,
	&cmd_sync,
	&cmd_central,
	&cmd_backup,
	&cmd_restore,
	NULL
};

static void
usage(FILE *f)
{
	const struct cli_command *const *c;

	fprintf(f, "usage: guichetctl [-c CONF] [-d DATABASE] [--json] "
	    "COMMAND ...\n\ncommands:\n");
	for (c = commands; *c != NULL; c++)
		fprintf(f, "  %s\n", (*c)->usage);
	fprintf(f, "\nSee guichetctl(8).\n");
}

int
cli_refuse(const char *fmt, ...)
{
	va_list ap;

	fputs("guichetctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_REFUSED;
}

int
cli_usage(const struct cli_command *command)
{
	fprintf(stderr, "usage: guichetctl %s\n", command->usage);
	return EXIT_USAGE;
}

int
cli_run_sub(struct cli *cli, const struct cli_command *command,
    const struct cli_sub *subs, size_t n, int argc, char **argv)
{
	size_t i;
	int status;

	for (i = 0; argc >= 2 && i < n; i++) {
		if (strcmp(argv[1], subs[i].name) != 0)
			continue;
		if ((status = cli_open_service(cli)) != 0)
			return status;
		return subs[i].fn(cli, argc - 1, argv + 1);
	}
	return cli_usage(command);
}

void
cli_open_log(struct cli *cli)
{
	if (log_open(cli->conf.log_file, "guichetctl") == -1)
		fprintf(stderr, "guichetctl: warning: cannot open the log "
		    "%s: %s\n", cli->conf.log_file, strerror(errno));
}

int
cli_open_service(struct cli *cli)
{
	struct passwd *pw = getpwuid(getuid());
	char *cause = NULL;
	int rc;

	cli_open_log(cli);
	rc = service_open(&cli->conf, cli->database, &cli->svc, &cause);
	if (rc != G_OK) {
		cli_refuse("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	service_act_as_system(cli->svc, pw != NULL ? pw->pw_name : "?");
	return 0;
}

/* Reads one line from f into a fresh string without its newline. */
static char *
read_line(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if ((n = getline(&line, &cap, f)) < 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

/* Prompts on the terminal and reads a line with echo off. */
static char *
prompt_hidden(FILE *tty, const char *prompt)
{
	struct termios old, quiet;
	char *line;

	fputs(prompt, stderr);
	fflush(stderr);
	if (tcgetattr(fileno(tty), &old) != 0)
		return read_line(tty);
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	line = read_line(tty);
	tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputc('\n', stderr);
	return line;
}

char *
cli_read_password(bool from_stdin, bool confirm)
{
	char *first, *second;
	FILE *tty;

	if (from_stdin) {
		if ((first = read_line(stdin)) == NULL)
			cli_refuse("no password on standard input");
		return first;
	}
	if ((tty = fopen("/dev/tty", "r")) == NULL) {
		cli_refuse("no terminal to ask the password on: use "
		    "--password-stdin");
		return NULL;
	}
	first = prompt_hidden(tty, "New password: ");
	if (first != NULL && confirm) {
		second = prompt_hidden(tty, "Repeat it: ");
		if (second == NULL || strcmp(first, second) != 0) {
			cli_refuse("the two passwords differ; nothing changed");
			cli_free_password(first);
			first = NULL;
		}
		cli_free_password(second);
	}
	fclose(tty);
	return first;
}

char *
cli_read_password_quiet(void)
{
	return read_line(stdin);
}

void
cli_free_password(char *password)
{
	if (password == NULL)
		return;
	secret_wipe(password, strlen(password));
	free(password);
}

void
cli_print_json(json_t *obj)
{
	char *text = json_dumps(obj, JSON_INDENT(2) | JSON_SORT_KEYS);

	if (text != NULL)
		puts(text);
	free(text);
	json_decref(obj);
}

void
cli_progress(const char *label, long long done, long long total)
{
	static time_t started;
	long long eta = 0;
	int width = 30, filled, pct;
	time_t now = time(NULL);

	if (!isatty(STDERR_FILENO) || total <= 0)
		return;
	if (done == 0 || started == 0)
		started = now;
	pct = (int)(done * 100 / total);
	filled = (int)(done * width / total);
	if (done > 0)
		eta = (long long)(now - started) * (total - done) / done;
	fprintf(stderr, "\r%s [%-*.*s%*s] %3d%% %lld/%lld ETA %llds ", label,
	    filled, filled, "##############################",
	    width - filled, "", pct, done, total, eta);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* Returns the command called name, or NULL. */
static const struct cli_command *
command_find(const char *name)
{
	const struct cli_command *const *c;

	for (c = commands; *c != NULL; c++)
		if (strcmp((*c)->name, name) == 0)
			return *c;
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "database", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cli_command *command;
	const char *conf_path = NULL;
	struct cli cli;
	char *cause;
	int ch, status;

	memset(&cli, 0, sizeof cli);
	while ((ch = getopt_long(argc, argv, "+c:d:jhV", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'c':
			conf_path = optarg;
			break;
		case 'd':
			cli.database = optarg;
			break;
		case 'j':
			cli.json = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("guichetctl %s\n", PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((command = command_find(argv[0])) == NULL) {
		fprintf(stderr, "guichetctl: unknown command '%s'\n", argv[0]);
		usage(stderr);
		return EXIT_USAGE;
	}
	conf_defaults(&cli.conf);
	if (conf_load(&cli.conf, conf_path, &cause) != G_OK) {
		cli_refuse("%s", cause);
		free(cause);
		conf_free(&cli.conf);
		return EXIT_REFUSED;
	}
	i18n_init("en");
	/* Commands parse their own options from argv[0] on. */
	optind = 0;
	status = command->run(&cli, argc, argv);
	service_close(cli.svc);
	log_close();
	conf_free(&cli.conf);
	return status;
}
