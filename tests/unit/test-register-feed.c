/*
 * The register feed's lines: each record type read whole, CSV quoting,
 * ids normalised, and each kind of malformed line refused with a reason
 * naming its field.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/register-feed.h"

#define CNP "1800101123450"
#define IBAN_RO "RO74TREZ2162107020101XXX"

static struct feed_record r;
static char why[FEED_REASON_MAX];

/* Parses line for Romania, which must be good. */
static void
good(const char *line)
{
	if (!feed_parse_line(line, COUNTRY_RO, &r, why))
		ck_abort_msg("refused: %s: %s", line, why);
}

/* Parses line for Romania, which must be refused with a reason that
 * contains part. */
static void
refused(const char *line, const char *part)
{
	ck_assert_msg(!feed_parse_line(line, COUNTRY_RO, &r, why),
	    "accepted: %s", line);
	ck_assert_msg(strstr(why, part) != NULL, "reason '%s' lacks '%s'",
	    why, part);
}

START_TEST(taxpayer_record)
{
	good("taxpayer," CNP ",Popescu Ion,\"Str. Lungă 3, Cluj\"");
	ck_assert_int_eq(r.kind, FEED_TAXPAYER);
	ck_assert_str_eq(r.u.taxpayer.national_id, CNP);
	ck_assert_str_eq(r.u.taxpayer.name, "Popescu Ion");
	ck_assert_str_eq(r.u.taxpayer.address, "Str. Lungă 3, Cluj");
	/* A CUI loses its "RO", with or without the blank. */
	good("taxpayer,RO 18598,SC Exemplu SRL,");
	ck_assert_str_eq(r.u.taxpayer.national_id, "18598");
	ck_assert_str_eq(r.u.taxpayer.address, "");
	good("taxpayer,ro18598,SC Exemplu SRL,");
	ck_assert_str_eq(r.u.taxpayer.national_id, "18598");
	/* Greece: an AFM, nine digits, without "EL". */
	ck_assert(feed_parse_line("taxpayer,EL 094259216,Παπαδόπουλος,",
	    COUNTRY_GR, &r, why));
	ck_assert_str_eq(r.u.taxpayer.national_id, "094259216");
	ck_assert(feed_parse_line("taxpayer,94259216,Παπαδόπουλος,",
	    COUNTRY_GR, &r, why));
	ck_assert_str_eq(r.u.taxpayer.national_id, "094259216");
	/* A CNP is no Greek taxpayer. */
	ck_assert(!feed_parse_line("taxpayer," CNP ",X,", COUNTRY_GR, &r,
	    why));
	ck_assert_str_eq(feed_kind_name(FEED_TAXPAYER), "taxpayer");
}
END_TEST

START_TEST(unit_and_owner_records)
{
	good("unit,CJ-B/0001,building,Casă,Str. Lungă 3");
	ck_assert_int_eq(r.kind, FEED_UNIT);
	ck_assert_str_eq(r.u.unit.code, "CJ-B/0001");
	ck_assert_int_eq(r.u.unit.kind, UNIT_BUILDING);
	ck_assert_str_eq(r.u.unit.description, "Casă");
	good("unit,V1,vehicle,Dacia Logan,");
	ck_assert_int_eq(r.u.unit.kind, UNIT_VEHICLE);
	good("owner,CJ-B/0001," CNP ",1/2");
	ck_assert_int_eq(r.kind, FEED_OWNER);
	ck_assert_str_eq(r.u.owner.unit_code, "CJ-B/0001");
	ck_assert_str_eq(r.u.owner.national_id, CNP);
	ck_assert_int_eq(r.u.owner.share_num, 1);
	ck_assert_int_eq(r.u.owner.share_den, 2);
	good("owner,V1,RO18598,1");
	ck_assert_int_eq(r.u.owner.share_num, 1);
	ck_assert_int_eq(r.u.owner.share_den, 1);
	good("owner,V1,RO18598,3/3");
}
END_TEST

START_TEST(obligation_record)
{
	struct obligation_row *o = &r.u.obligation.row;

	good("obligation,OBL-2026/000001," CNP ",CJ-B/0001,building,"
	    "Impozit pe clădiri,2026,1000.00,DEC-17,2026-01-15,2026-03-31,"
	    "RO74 TREZ 2162 1070 2010 1XXX,,yes");
	ck_assert_int_eq(r.kind, FEED_OBLIGATION);
	ck_assert_str_eq(o->ref, "OBL-2026/000001");
	ck_assert_str_eq(r.u.obligation.national_id, CNP);
	ck_assert_str_eq(o->unit_code, "CJ-B/0001");
	ck_assert_str_eq(o->tax_type, "building");
	ck_assert_str_eq(o->name, "Impozit pe clădiri");
	ck_assert_int_eq(o->tax_year, 2026);
	ck_assert_int_eq(o->principal, 100000);
	ck_assert_str_eq(o->notice, "DEC-17");
	ck_assert_str_eq(o->notice_date, "2026-01-15");
	ck_assert_str_eq(o->due_date, "2026-03-31");
	ck_assert_str_eq(o->iban, IBAN_RO);
	/* Made from REF's letters and digits. */
	ck_assert_str_eq(o->rf, "RF83OBL2026000001");
	ck_assert(o->discountable);
	/* No unit, an RF given (grouped, small letters), not discountable. */
	good("obligation,A1," CNP ",,waste-fee,Taxă de salubrizare,2026,"
	    "0.05,N1,2026-01-15,2026-06-30," IBAN_RO ",rf18 5390 0754 7034,"
	    "no");
	ck_assert_str_eq(o->unit_code, "");
	ck_assert_str_eq(o->tax_type, "waste-fee");
	ck_assert_int_eq(o->principal, 5);
	ck_assert_str_eq(o->rf, "RF18539007547034");
	ck_assert(!o->discountable);
}
END_TEST

START_TEST(payment_record)
{
	struct payment_row *p = &r.u.payment.row;

	good("payment,BT-2026-0001," CNP ",Popescu Ion,250.00,2026-02-01,"
	    "OP 17,Banca Transilvania," IBAN_RO ",OBL-2026/000001");
	ck_assert_int_eq(r.kind, FEED_PAYMENT);
	ck_assert_str_eq(p->key, "BT-2026-0001");
	ck_assert_str_eq(r.u.payment.national_id, CNP);
	ck_assert_str_eq(p->payer, "Popescu Ion");
	ck_assert_int_eq(p->amount, 25000);
	ck_assert_str_eq(p->paid_on, "2026-02-01");
	ck_assert_int_eq(p->channel, PAY_BANK);
	ck_assert_str_eq(p->advice, "OP 17");
	ck_assert_str_eq(p->bank, "Banca Transilvania");
	ck_assert_str_eq(p->account, IBAN_RO);
	ck_assert_str_eq(r.u.payment.obligation_ref, "OBL-2026/000001");
	good("payment,BT-2," CNP ",Popescu Ion,1.00,2026-02-01,,,,");
	ck_assert_str_eq(p->account, "");
	ck_assert_str_eq(r.u.payment.obligation_ref, "");
}
END_TEST

START_TEST(warrant_record)
{
	struct warrant *w = &r.u.warrant.row;

	good("warrant,OP-2026-77,RO18547290,2026-03-02,4200.00,"
	    "\"Pâine pentru cantina școlii, martie\",2026-03-20");
	ck_assert_int_eq(r.kind, FEED_WARRANT);
	ck_assert_str_eq(w->ref, "OP-2026-77");
	ck_assert_str_eq(r.u.warrant.national_id, "18547290");
	ck_assert_str_eq(w->issued_on, "2026-03-02");
	ck_assert_int_eq(w->amount, 420000);
	ck_assert_str_eq(w->description, "Pâine pentru cantina școlii, martie");
	ck_assert_str_eq(w->paid_on, "2026-03-20");
	good("warrant,OP-2026-78,RO18547290,2026-04-02,10.00,Pâine,");
	ck_assert_str_eq(w->paid_on, "");
	refused("warrant,OP-1,RO18547290,2026-04-02,10.00,,", "DESCRIPTION");
	refused("warrant,OP-1,RO18547290,2026-02-30,10.00,X,", "ISSUED_ON");
	refused("warrant,OP-1,RO18547290,2026-04-02,10.00,X", "7 fields");
}
END_TEST

START_TEST(quoting)
{
	/* Commas and doubled quotes inside quotes; quotes around any field. */
	good("taxpayer,\"" CNP "\",\"Popescu \"\"Nea\"\" Ion\",\"a, b\"");
	ck_assert_str_eq(r.u.taxpayer.national_id, CNP);
	ck_assert_str_eq(r.u.taxpayer.name, "Popescu \"Nea\" Ion");
	ck_assert_str_eq(r.u.taxpayer.address, "a, b");
	good("taxpayer," CNP ",\"\"\"\",\"\"");
	ck_assert_str_eq(r.u.taxpayer.name, "\"");
	ck_assert_str_eq(r.u.taxpayer.address, "");
	/* SQL is only text. */
	good("taxpayer," CNP ",x'); DROP TABLE taxpayer;--,");
	ck_assert_str_eq(r.u.taxpayer.name, "x'); DROP TABLE taxpayer;--");
	refused("taxpayer," CNP ",\"Popescu,", "field 3: the quoted field "
	    "does not end on its line");
	refused("taxpayer," CNP ",\"Pop\"escu,", "field 3: a closing quote");
	refused("taxpayer," CNP ",Pop\"escu,", "field 3: a quote in a field "
	    "that is not quoted");
}
END_TEST

START_TEST(skipped_lines)
{
	ck_assert(feed_parse_line("", COUNTRY_RO, &r, why));
	ck_assert_int_eq(r.kind, FEED_SKIP);
	ck_assert(feed_parse_line("  \t ", COUNTRY_RO, &r, why));
	ck_assert_int_eq(r.kind, FEED_SKIP);
	ck_assert(feed_parse_line("# taxpayer,broken", COUNTRY_RO, &r, why));
	ck_assert_int_eq(r.kind, FEED_SKIP);
}
END_TEST

START_TEST(malformed_lines)
{
	char line[FEED_LINE_MAX + 64];

	refused("taxpayers," CNP ",X,", "'taxpayers' is not a record type");
	refused("taxpayer," CNP ",X", "a taxpayer record has 4 fields "
	    "(taxpayer,NATIONAL_ID,NAME,ADDRESS), this line has 3");
	refused("owner,U1," CNP ",1/2,", "this line has 5");
	refused("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q", "more than 16 fields");
	/* 4095 bytes pass, 4096 do not. */
	memset(line, 'x', sizeof line);
	memcpy(line, "taxpayer," CNP ",", 23);
	line[FEED_LINE_MAX - 1] = ',';
	line[FEED_LINE_MAX] = '\0';
	refused(line, "NAME: too long; at most 255 bytes");
	line[FEED_LINE_MAX] = 'x';
	line[FEED_LINE_MAX + 1] = '\0';
	refused(line, "the line is longer than 4095 bytes");
}
END_TEST

START_TEST(bad_values)
{
	refused("taxpayer,1800101123451,X,", "NATIONAL_ID: '1800101123451' is "
	    "not a valid CNP: the check digit does not match");
	refused("taxpayer,RO18599,X,", "NATIONAL_ID: 'RO18599' is not a valid "
	    "CUI");
	refused("taxpayer,,X,", "NATIONAL_ID: empty");
	refused("taxpayer," CNP ",,", "NAME: empty; it is required");
	refused("taxpayer," CNP ",Pop\tescu,", "NAME: contains a control "
	    "character");
	refused("taxpayer," CNP ",Pop\xc3" "escu,", "NAME: not valid text");
	refused("unit,A B,building,X,", "CODE: 'A B' is not a unit code");
	refused("unit,A1,house,X,", "KIND: 'house' is not building, land, "
	    "vehicle or other");
	refused("owner,A1," CNP ",3/2", "SHARE: '3/2' is not a share");
	refused("owner,A1," CNP ",0/2", "SHARE: '0/2'");
	refused("owner,A1," CNP ",1/", "SHARE: '1/'");
	refused("owner,A1," CNP ",2", "SHARE: '2'");
	refused("obligation,A1," CNP ",,building,X,2026,10.00,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",,maybe", "DISCOUNTABLE: 'maybe' is "
	    "neither yes nor no");
	refused("obligation,A 1," CNP ",,building,X,2026,10.00,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",,no", "REF: 'A 1' is not a reference");
	refused("obligation,A1," CNP ",,Building,X,2026,10.00,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",,no", "TAX_TYPE: 'Building'");
	refused("obligation,A1," CNP ",,building,X,26,10.00,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",,no", "TAX_YEAR: '26' is not a year");
	refused("obligation,A1," CNP ",,building,X,2026,\"10,00\",N,"
	    "2026-01-15,2026-03-31," IBAN_RO ",,no", "PRINCIPAL: '10,00' is "
	    "not an amount like 1000.00");
	refused("obligation,A1," CNP ",,building,X,2026,10.0,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",,no", "PRINCIPAL: '10.0' is not an "
	    "amount");
	refused("obligation,A1," CNP ",,building,X,2026,10,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",,no", "PRINCIPAL: '10' is not an amount");
	refused("obligation,A1," CNP ",,building,X,2026,-1.00,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",,no", "PRINCIPAL: '-1.00' is not an "
	    "amount");
	refused("obligation,A1," CNP ",,building,X,2026,0.00,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",,no", "PRINCIPAL: '0.00' must be more "
	    "than 0.00");
	refused("obligation,A1," CNP ",,building,X,2026,99999999999999.00,N,"
	    "2026-01-15,2026-03-31," IBAN_RO ",,no", "PRINCIPAL:");
	refused("obligation,A1," CNP ",,building,X,2026,10.00,N,2026-02-30,"
	    "2026-03-31," IBAN_RO ",,no", "NOTICE_DATE: '2026-02-30' is not a "
	    "date like 2026-03-31");
	refused("obligation,A1," CNP ",,building,X,2026,10.00,N,2026-01-15,"
	    "31.03.2026," IBAN_RO ",,no", "DUE_DATE: '31.03.2026'");
	refused("obligation,A1," CNP ",,building,X,2026,10.00,N,2026-01-15,"
	    "2026-03-31,RO75TREZ2162107020101XXX,,no", "IBAN: "
	    "'RO75TREZ2162107020101XXX' is not a valid IBAN: the check digits "
	    "do not match");
	refused("obligation,A1," CNP ",,building,X,2026,10.00,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",RF19539007547034,no", "RF: "
	    "'RF19539007547034' is not a valid RF reference");
	refused("obligation,A-/1234567890123456789012," CNP ",,building,X,"
	    "2026,10.00,N,2026-01-15,2026-03-31," IBAN_RO ",,no", "RF: empty, "
	    "and REF does not have the 1 to 21 letters and digits");
	refused("obligation,A1," CNP ",U 1,building,X,2026,10.00,N,2026-01-15,"
	    "2026-03-31," IBAN_RO ",,no", "UNIT_CODE: 'U 1'");
	refused("payment,P1," CNP ",X,1.00,2026-02-01,,,RO00,", "ACCOUNT: "
	    "'RO00' is not a valid IBAN");
	refused("payment,P1," CNP ",X,1.00,2026-02-01,,,,O 1",
	    "OBLIGATION_REF: 'O 1'");
	refused("payment,P1," CNP ",,1.00,2026-02-01,,,,", "PAYER: empty");
}
END_TEST

/* A value shown in a reason is cut, and never carries a control
 * character to the terminal. */
START_TEST(reasons_are_safe)
{
	refused("unit,A1,\x1b[31mhouse,X,", "KIND: '?[31mhouse'");
	refused("unit,A1,house-house-house-house-house-house-house-house,X,",
	    "KIND: 'house-house-house-house-house-house-hous...'");
}
END_TEST

static Suite *
feed_suite(void)
{
	Suite *s = suite_create("register-feed");
	TCase *tc = tcase_create("register-feed");

	tcase_add_test(tc, taxpayer_record);
	tcase_add_test(tc, unit_and_owner_records);
	tcase_add_test(tc, obligation_record);
	tcase_add_test(tc, payment_record);
	tcase_add_test(tc, warrant_record);
	tcase_add_test(tc, quoting);
	tcase_add_test(tc, skipped_lines);
	tcase_add_test(tc, malformed_lines);
	tcase_add_test(tc, bad_values);
	tcase_add_test(tc, reasons_are_safe);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(feed_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
