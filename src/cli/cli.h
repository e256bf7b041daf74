/*
 * guichetctl's commands share this context: the options every command
 * takes, the loaded configuration and, once opened, the service.  Each
 * command returns an exit status: 0 done, 1 refused or invalid input (the
 * message on stderr), 2 wrong usage.
 */
#ifndef GUICHET_CLI_H
#define GUICHET_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "guichet/conf.h"

#define EXIT_REFUSED 1
#define EXIT_USAGE 2

struct service;

struct cli {
	struct conf conf;
	const char *database;	/* -d, overrides the configuration */
	bool json;		/* --json */
	struct service *svc;	/* opened by cli_open_service */
};

struct cli_command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *usage;
};

/* Opens the operators' log for a command that uses the store; only those
 * need it, so id-check never complains about a missing log folder. */
void cli_open_log(struct cli *cli);

/* Opens the service as the local system administrator; on failure prints
 * the reason and returns an exit status, else 0. */
int cli_open_service(struct cli *cli);

/* Prints "guichetctl: " and the message on stderr; returns EXIT_REFUSED. */
int cli_refuse(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints the usage line of command on stderr; returns EXIT_USAGE. */
int cli_usage(const struct cli_command *command);

/* Reads a new password: from stdin (one line) when from_stdin, else twice
 * from the terminal without echo.  Returns a string the caller wipes and
 * frees, or NULL after printing why. */
char *cli_read_password(bool from_stdin, bool confirm);

/* Reads one more line of standard input as a password, or returns NULL
 * quietly when there is none. */
char *cli_read_password_quiet(void);

/* Frees a password after overwriting it. */
void cli_free_password(char *password);

/* Prints a JSON object (taking ownership) on stdout with a newline. */
struct json_t;
void cli_print_json(struct json_t *obj);

/* Progress bar on stderr for long jobs: "label [#####     ] 45% 4500/10000
 * ETA 3s".  Drawn only when stderr is a terminal; done and total counts. */
void cli_progress(const char *label, long long done, long long total);

/* A subcommand: the "file" of "requests file". */
struct cli_sub {
	const char *name;
	int (*fn)(struct cli *cli, int argc, char **argv);
};

/* Opens the service and runs the subcommand argv[1] of command among
 * subs[0..n) with argv from it; prints command's usage when there is no
 * such subcommand.  Returns the exit status. */
int cli_run_sub(struct cli *cli, const struct cli_command *command,
    const struct cli_sub *subs, size_t n, int argc, char **argv);

extern const struct cli_command cmd_init, cmd_migrate, cmd_demo_data,
    cmd_staff, cmd_id_check, cmd_audit, cmd_verify_enrolment,
    cmd_envelopes, cmd_citizen, cmd_requests, cmd_due,
    cmd_pay, cmd_import_register, cmd_polls, cmd_decisions, cmd_sync,
    cmd_central, cmd_backup, cmd_restore;

#endif
