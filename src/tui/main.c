/*
 * guichet: the counter workstation in a terminal.
 */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/conf.h"
#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/log.h"
#include "guichet/service.h"
#include "kiosk-guard.h"
#include "tui.h"

static void
usage(FILE *f)
{
	fprintf(f, "usage: guichet [-c CONF] [-d DATABASE] [-l LANGUAGE] "
	    "[--kiosk]\n"
	    "See guichet(1).\n");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "database", required_argument, NULL, 'd' },
		{ "language", required_argument, NULL, 'l' },
		{ "kiosk", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *conf_path = NULL, *database = NULL, *language = NULL;
	struct service *svc;
	struct conf conf;
	char *cause;
	bool kiosk = false;
	int ch, status;

	while ((ch = getopt_long(argc, argv, "c:d:l:hV", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'c':
			conf_path = optarg;
			break;
		case 'd':
			database = optarg;
			break;
		case 'l':
			language = optarg;
			break;
		case 'k':
			kiosk = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("guichet %s\n", PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	conf_defaults(&conf);
	if (conf_load(&conf, conf_path, &cause) != G_OK) {
		fprintf(stderr, "guichet: %s\n", cause);
		free(cause);
		conf_free(&conf);
		return 1;
	}
	if (language != NULL && strcmp(language, "ro") != 0 &&
	    strcmp(language, "el") != 0 && strcmp(language, "en") != 0) {
		fprintf(stderr, "guichet: unknown language '%s': use ro, el "
		    "or en\n", language);
		conf_free(&conf);
		return 2;
	}
	if (i18n_init(language != NULL ? language : conf.language) == -1) {
		fprintf(stderr, "guichet: no UTF-8 locale is available; "
		    "Romanian and Greek text cannot be shown\n");
		conf_free(&conf);
		return 1;
	}
	if (log_open(conf.log_file, "guichet") == -1)
		fprintf(stderr, "guichet: warning: cannot open the log %s\n",
		    conf.log_file);
	if (kiosk)
		kiosk_guard();	/* from here on, in the kiosk's own process */
	if (service_open(&conf, database, &svc, &cause) != G_OK) {
		fprintf(stderr, "guichet: %s\n", cause);
		log_error("%s", cause);
		free(cause);
		log_close();
		conf_free(&conf);
		return 1;
	}
	log_info("start: station %s, database %s%s", conf.station,
	    service_database(svc), kiosk ? ", kiosk" : "");
	signal(SIGPIPE, SIG_IGN);
	status = tui_run(svc, &conf, kiosk);
	log_info("stop");
	service_close(svc);
	log_close();
	conf_free(&conf);
	return status;
}
