/*
 * guichetctl due and pay: what a taxpayer owes on a day, obligation by
 * obligation, with the late charges and the total; and a counter payment
 * taken from a script (the support desk, the tests), once per key.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "guichet/clock.h"
#include "guichet/err.h"
#include "guichet/service-register.h"
#include "guichet/service.h"

/* Prints s cut or padded to width characters (not bytes: names are
 * Romanian or Greek), then a blank. */
static void
column(const char *s, int width)
{
	int n = 0;

	for (; *s != '\0' && n < width; n++) {
		do
			putchar(*s++);
		while ((*s & 0xC0) == 0x80);	/* the rest of the letter */
	}
	printf("%*s ", width - n, "");
}

/* Writes amount as "1,234.56" (scripts read English numbers). */
static const char *
amount(money_t m, char *buf, size_t len)
{
	money_format_plain(m, numfmt_for_lang("en"), buf, len);
	return buf;
}

static void
print_text(const struct register_data *d)
{
	char day[11], a[32], b[32], c[32];
	int i;

	date_format_iso(d->on, day, sizeof day);
	printf("%s %s, due on %s\n", d->taxpayer.national_id,
	    d->taxpayer.name, day);
	printf("%-16s %-24s %4s %-10s %12s %10s %12s  %s\n", "REF", "NAME",
	    "YEAR", "DUE", "PRINCIPAL", "CHARGES", "TOTAL", "RF");
	for (i = 0; i < d->nobligations; i++) {
		date_format_iso(d->due[i].due, day, sizeof day);
		printf("%-16s ", d->obligations[i].ref);
		column(d->obligations[i].name, 24);
		printf("%4d %-10s %12s %10s %12s  %s\n",
		    d->obligations[i].tax_year, day,
		    amount(d->due[i].principal, a, sizeof a),
		    amount(d->due[i].charges, b, sizeof b),
		    amount(d->due[i].total, c, sizeof c),
		    d->obligations[i].rf);
	}
	printf("TOTAL DUE %s %s\n", amount(d->total_due, a, sizeof a),
	    d->currency == CURRENCY_EUR ? "EUR" : "RON");
	if (d->discount_year != 0)
		printf("DISCOUNTED WHOLE YEAR %d: %s %s (paid whole by the "
		    "first due date)\n", d->discount_year,
		    amount(d->discount_offer, a, sizeof a),
		    d->currency == CURRENCY_EUR ? "EUR" : "RON");
}

static void
print_json(const struct register_data *d)
{
	json_t *list = json_array();
	char day[11], due[11];
	int i;

	for (i = 0; i < d->nobligations; i++) {
		date_format_iso(d->due[i].due, due, sizeof due);
		json_array_append_new(list, json_pack("{s:s, s:s, s:i, s:s, "
		    "s:I, s:I, s:I, s:i, s:s}", "ref", d->obligations[i].ref,
		    "name", d->obligations[i].name, "year",
		    d->obligations[i].tax_year, "due", due, "principal",
		    (json_int_t)d->due[i].principal, "charges",
		    (json_int_t)d->due[i].charges, "total",
		    (json_int_t)d->due[i].total, "months_late",
		    d->due[i].months_late, "rf", d->obligations[i].rf));
	}
	date_format_iso(d->on, day, sizeof day);
	cli_print_json(json_pack("{s:s, s:s, s:s, s:o, s:I, s:I}",
	    "taxpayer", d->taxpayer.national_id, "name", d->taxpayer.name,
	    "on", day, "obligations", list, "total",
	    (json_int_t)d->total_due, "discounted_whole",
	    (json_int_t)(d->discount_year != 0 ? d->discount_offer : -1)));
}

static int
run_due(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "on", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct date on = clock_today();
	struct register_data d;
	int ch, status;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch != 'o')
			return cli_usage(&cmd_due);
		if (!date_parse_any(optarg, &on))
			return cli_refuse("'%s' is not a date: use YYYY-MM-DD",
			    optarg);
	}
	if (argc - optind != 1)
		return cli_usage(&cmd_due);
	if ((status = cli_open_service(cli)) != 0)
		return status;
	if (service_register_open(cli->svc, argv[optind], on, &d) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	if (cli->json)
		print_json(&d);
	else
		print_text(&d);
	register_data_free(&d);
	return 0;
}

const struct cli_command cmd_due = {
	"due", run_due, "due NATIONAL-ID [--on YYYY-MM-DD]"
};

static int
run_pay(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "card", no_argument, NULL, 'c' },
		{ "no-receipt", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	enum payment_channel channel = PAY_CASH;
	struct payment_row p;
	const char *key = NULL, *reason;
	char counter_key[sizeof p.key];
	struct register_data d;
	bool receipt = true;
	money_t sum;
	int ch, status, rc;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch == 'k')
			key = optarg;
		else if (ch == 'c')
			channel = PAY_CARD;
		else if (ch == 'n')
			receipt = false;
		else
			return cli_usage(&cmd_pay);
	}
	if (argc - optind != 2 || key == NULL)
		return cli_usage(&cmd_pay);
	if ((reason = money_parse(argv[optind + 1], numfmt_for_lang("en"),
	    &sum)) != NULL)
		return cli_refuse("'%s': %s", argv[optind + 1], reason);
	if ((status = cli_open_service(cli)) != 0)
		return status;
	if (service_register_open(cli->svc, argv[optind], clock_today(), &d) !=
	    G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	/* A feed's payment refs have no ':', so this key never meets one. */
	snprintf(counter_key, sizeof counter_key, "ctl:%s", key);
	rc = service_payment_take(cli->svc, d.taxpayer.id, sum, channel, NULL,
	    0, counter_key, &p);
	register_data_free(&d);
	if (rc != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	printf("%s\n", service_message(cli->svc));
	if (receipt && service_payment_receipt(cli->svc, p.id, NULL) != G_OK)
		return cli_refuse("%s", service_message(cli->svc));
	return 0;
}

const struct cli_command cmd_pay = {
	"pay", run_pay, "pay NATIONAL-ID AMOUNT --key KEY [--card] "
	"[--no-receipt]"
};
