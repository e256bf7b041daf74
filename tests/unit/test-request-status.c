#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/i18n-mark.h"
#include "guichet/request-status.h"

#define S	REQ_SUBMITTED
#define R	REQ_REGISTERED
#define IP	REQ_IN_PROGRESS
#define RET	REQ_RETURNED
#define RES	REQ_RESUBMITTED
#define ANS	REQ_ANSWERED
#define CL	REQ_CLOSED
#define REJ	REQ_REJECTED
#define DUP	REQ_DUPLICATE
#define NO	REQ_NOT_OURS
#define N	REQ_STATUS_COUNT

START_TEST(test_names)
{
	static const char *const names[N] = {
		"submitted", "registered", "in-progress", "returned",
		"resubmitted", "answered", "closed", "rejected", "duplicate",
		"not-ours"
	};
	static const char *const labels[N] = {
		"submitted", "registered", "in progress",
		"returned for more information", "resubmitted", "answered",
		NC_("request", "closed"), "rejected", "closed as duplicate",
		"not the town hall's responsibility"
	};
	int	s;

	for (s = 0; s < N; s++) {
		ck_assert_str_eq(request_status_name(s), names[s]);
		ck_assert_str_eq(request_status_label(s), labels[s]);
		ck_assert_int_eq(request_status_from_name(names[s]), s);
	}
	ck_assert_int_eq(request_status_from_name("Closed"), -1);
	ck_assert_int_eq(request_status_from_name("in progress"), -1);
	ck_assert_int_eq(request_status_from_name(""), -1);
	ck_assert_int_eq(request_status_from_name(NULL), -1);
	ck_assert_str_eq(request_status_name(N), "unknown");
	ck_assert_str_eq(request_status_name(-1), "unknown");
	ck_assert_ptr_nonnull(request_status_label(N));
}
END_TEST

START_TEST(test_matrix)
{
	static const char allowed[N][N] = {
		[S] = { [R] = 1 },
		[R] = { [IP] = 1, [RET] = 1, [ANS] = 1, [REJ] = 1, [DUP] = 1,
		    [NO] = 1 },
		[IP] = { [RET] = 1, [ANS] = 1, [REJ] = 1, [DUP] = 1,
		    [NO] = 1 },
		[RET] = { [RES] = 1, [CL] = 1 },
		[RES] = { [IP] = 1, [RET] = 1, [ANS] = 1, [REJ] = 1,
		    [DUP] = 1, [NO] = 1 },
		[ANS] = { [CL] = 1, [IP] = 1 },
	};
	const char	*r;
	int		 from, to, count = 0;

	for (from = 0; from < N; from++) {
		for (to = 0; to < N; to++) {
			r = request_status_check(from, to);
			if (allowed[from][to]) {
				count++;
				ck_assert_msg(r == NULL,
				    "%s -> %s refused: %s",
				    request_status_name(from),
				    request_status_name(to), r);
			} else {
				ck_assert_msg(r != NULL && *r != '\0',
				    "%s -> %s allowed",
				    request_status_name(from),
				    request_status_name(to));
			}
		}
	}
	ck_assert_int_eq(count, 22);
}
END_TEST

START_TEST(test_reasons)
{
	int	s;

	for (s = 0; s < N; s++)
		ck_assert_str_eq(request_status_check(s, s),
		    "the request is already in that state");
	ck_assert_str_eq(request_status_check(CL, IP),
	    "a closed request does not change");
	ck_assert_str_eq(request_status_check(S, REJ),
	    "a request is registered before it is worked on");
	ck_assert_str_eq(request_status_check(S, DUP),
	    "a request is registered before it is worked on");
	ck_assert_str_eq(request_status_check(RET, ANS),
	    "a returned request waits for the citizen");
	ck_assert_str_eq(request_status_check(IP, CL),
	    "a request is answered before it is closed");
	ck_assert_ptr_nonnull(strstr(request_status_check(REJ, CL),
	    "does not change"));
	ck_assert_ptr_nonnull(strstr(request_status_check(DUP, IP),
	    "does not change"));
	ck_assert_ptr_nonnull(strstr(request_status_check(NO, R),
	    "does not change"));
	ck_assert_ptr_nonnull(request_status_check(N, R));
	ck_assert_ptr_nonnull(request_status_check(S, N));
	ck_assert_ptr_nonnull(request_status_check(-1, R));
}
END_TEST

START_TEST(test_needs_text_final)
{
	static const char text[N] = {
		[RET] = 1, [ANS] = 1, [REJ] = 1, [DUP] = 1, [NO] = 1
	};
	static const char final[N] = {
		[CL] = 1, [REJ] = 1, [DUP] = 1, [NO] = 1
	};
	int	s, to;

	for (s = 0; s < N; s++) {
		ck_assert_int_eq(request_status_needs_text(s), text[s]);
		ck_assert_int_eq(request_status_final(s), final[s]);
		/* Final means nothing follows; not final means something. */
		for (to = 0; to < N; to++)
			if (request_status_check(s, to) == NULL)
				break;
		ck_assert_int_eq(to == N, final[s]);
	}
	ck_assert(!request_status_needs_text(N));
	ck_assert(!request_status_final(N));
}
END_TEST

START_TEST(test_format)
{
	char	out[64];

	ck_assert(protocol_format("%Y/%6N", 2026, 123, out, sizeof out));
	ck_assert_str_eq(out, "2026/000123");
	ck_assert(protocol_format("%N", 2026, 123, out, sizeof out));
	ck_assert_str_eq(out, "123");
	ck_assert(protocol_format("%%%Y-%3N", 2026, 7, out, sizeof out));
	ck_assert_str_eq(out, "%2026-007");
	ck_assert(protocol_format("%Y-%3N", 2026, 123456, out, sizeof out));
	ck_assert_str_eq(out, "2026-123456");
	ck_assert(protocol_format("Nr. %N/%Y", 987, 5, out, sizeof out));
	ck_assert_str_eq(out, "Nr. 5/0987");
	ck_assert(protocol_format("%06N", 2026, 42, out, sizeof out));
	ck_assert_str_eq(out, "000042");
	ck_assert(protocol_format("%12N", 2026, 1, out, sizeof out));
	ck_assert_str_eq(out, "000000000001");
	ck_assert(protocol_format("%1N", 2026, INT64_MAX, out, sizeof out));
	ck_assert_str_eq(out, "9223372036854775807");
	ck_assert(protocol_format("%Y%N", 2026, 1, out, sizeof out));
	ck_assert_str_eq(out, "20261");
}
END_TEST

START_TEST(test_format_bad)
{
	static const char *const bad[] = {
		"%X", "%", "%Y/%", "%0N", "%00N", "%13N", "%123N", "%6Y",
		"%6", "%-6N", "", "%Y", "plain", "%N%N", "%Y%Y%N", "%n",
		"%y/%N",
	};
	char	out[64];
	size_t	i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memcpy(out, "junk", 5);
		ck_assert_msg(!protocol_format(bad[i], 2026, 1, out,
		    sizeof out), "format \"%s\" accepted", bad[i]);
		ck_assert_str_eq(out, "");
	}
	ck_assert(!protocol_format(NULL, 2026, 1, out, sizeof out));
	ck_assert(!protocol_format("%N", 2026, 0, out, sizeof out));
	ck_assert(!protocol_format("%N", 2026, -1, out, sizeof out));
	ck_assert(!protocol_format("%Y%N", 0, 1, out, sizeof out));
	ck_assert(!protocol_format("%Y%N", 10000, 1, out, sizeof out));
}
END_TEST

START_TEST(test_format_small)
{
	char	out[12];

	/* "2026/000123" is 11 characters and its NUL. */
	ck_assert(protocol_format("%Y/%6N", 2026, 123, out, 12));
	ck_assert_str_eq(out, "2026/000123");
	ck_assert(!protocol_format("%Y/%6N", 2026, 123, out, 11));
	ck_assert_str_eq(out, "");
	ck_assert(!protocol_format("%Y/%6N", 2026, 1234567, out, 12));
	ck_assert(!protocol_format("%N", 2026, 1, out, 1));
	ck_assert(!protocol_format("%N", 2026, 1, out, 0));
	ck_assert(!protocol_format("%N", 2026, 1, NULL, 0));
	ck_assert(protocol_format("%N", 2026, 1, out, 2));
	ck_assert_str_eq(out, "1");
}
END_TEST

START_TEST(test_emergency)
{
	char	out[32];

	protocol_emergency(2026, 123, out, sizeof out);
	ck_assert_str_eq(out, "E-2026-000123");
	protocol_emergency(2026, 1234567, out, sizeof out);
	ck_assert_str_eq(out, "E-2026-1234567");
	protocol_emergency(2026, 123, out, 5);
	ck_assert_str_eq(out, "E-20");
}
END_TEST

START_TEST(test_parse_round_trip)
{
	static const char *const formats[] = {
		"%Y/%6N", "%N", "%%%Y-%3N", "%Y%N", "%N%Y", "Nr. %N/%Y",
		"%12N", "RO-%Y-%N",
	};
	static const int64_t numbers[] = {
		1, 2, 9, 10, 99, 100, 123, 999, 1000, 99999, 100000, 999999,
		1000000, 123456789, 999999999999LL, 1000000000000LL,
		INT64_MAX,
	};
	static const int years[] = { 1, 999, 2025, 2026, 9999 };
	char	 out[64];
	size_t	 f, i, j;
	int	 year;
	int64_t	 n;
	bool	 em;

	for (f = 0; f < sizeof formats / sizeof formats[0]; f++)
	for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
	for (j = 0; j < sizeof years / sizeof years[0]; j++) {
		ck_assert(protocol_format(formats[f], years[j], numbers[i],
		    out, sizeof out));
		year = -1;
		n = -1;
		em = true;
		ck_assert_msg(protocol_parse(formats[f], out, &year, &n, &em),
		    "\"%s\" (%s) not parsed", out, formats[f]);
		ck_assert_int_eq(n, numbers[i]);
		ck_assert(!em);
		if (strstr(formats[f], "%Y") != NULL)
			ck_assert_int_eq(year, years[j]);
		else
			ck_assert_int_eq(year, 0);

		protocol_emergency(years[j], numbers[i], out, sizeof out);
		year = -1;
		n = -1;
		em = false;
		ck_assert_msg(protocol_parse(formats[f], out, &year, &n, &em),
		    "\"%s\" not parsed", out);
		ck_assert_int_eq(year, years[j]);
		ck_assert_int_eq(n, numbers[i]);
		ck_assert(em);
	}
}
END_TEST

START_TEST(test_parse_typed)
{
	int	 year;
	int64_t	 n;
	bool	 em;

	ck_assert(protocol_parse("%Y/%6N", "  2026/000123\t", &year, &n,
	    &em));
	ck_assert_int_eq(year, 2026);
	ck_assert_int_eq(n, 123);
	ck_assert(!em);
	/* Leading zeros may be left out, and more digits than the width. */
	ck_assert(protocol_parse("%Y/%6N", "2026/123", &year, &n, &em));
	ck_assert_int_eq(n, 123);
	ck_assert(protocol_parse("%Y/%6N", "2026/1234567", &year, &n, &em));
	ck_assert_int_eq(n, 1234567);
	ck_assert(protocol_parse("%Y/%6N", "e-2025-000042", &year, &n, &em));
	ck_assert_int_eq(year, 2025);
	ck_assert_int_eq(n, 42);
	ck_assert(em);
	ck_assert(protocol_parse("%Y/%6N", " E-2025-7 ", &year, &n, &em));
	ck_assert_int_eq(n, 7);
	ck_assert(protocol_parse("RO-%Y-%N", "ro-2026-5", &year, &n, &em));
	ck_assert_int_eq(year, 2026);
	ck_assert_int_eq(n, 5);
	ck_assert(!em);
	/* A bad format matches nothing, but emergencies still parse. */
	ck_assert(!protocol_parse("%X%N", "5", &year, &n, &em));
	ck_assert(protocol_parse("%X%N", "E-2026-000005", &year, &n, &em));
	ck_assert(protocol_parse(NULL, "E-2026-000005", &year, &n, &em));
}
END_TEST

START_TEST(test_parse_garbage)
{
	static const char *const garbage[] = {
		"", "   ", "abc", "2026/", "/000123", "2026/000000",
		"2026-000123", "26/000123", "20266/000123", "2026/12a",
		"2026/ 123", "2026 /123", "0000/000123", "2026/-123",
		"2026/+123", "2026/000123/", "x2026/000123",
		"2026/99999999999999999999", "E-2026-", "E-2026-000000",
		"E-26-000123", "E2026000123", "E-2026-12x", "EE-2026-1",
		"E-0000-000001", "F-2026-000001", "E-2026--1",
		"2026/\xd9\xa1\xd9\xa2",
	};
	char	 big[200];
	int	 year = 77;
	int64_t	 n = 77;
	bool	 em = true;
	size_t	 i;

	for (i = 0; i < sizeof garbage / sizeof garbage[0]; i++)
		ck_assert_msg(!protocol_parse("%Y/%6N", garbage[i], &year, &n,
		    &em), "\"%s\" accepted", garbage[i]);
	/* Failures leave the outputs alone. */
	ck_assert_int_eq(year, 77);
	ck_assert_int_eq(n, 77);
	ck_assert(em);
	ck_assert(!protocol_parse("%Y/%6N", NULL, &year, &n, &em));
	ck_assert(!protocol_parse("%N", "0", &year, &n, &em));
	ck_assert(!protocol_parse("%N", "-5", &year, &n, &em));
	ck_assert(!protocol_parse("%N", "9223372036854775808", &year, &n,
	    &em));
	ck_assert(protocol_parse("%N", "9223372036854775807", &year, &n,
	    &em));
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert(!protocol_parse("%N", big, &year, &n, &em));
}
END_TEST

/* Collects the tests in one suite. */
static Suite *
request_status_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("request-status");
	tc = tcase_create("request-status");
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_matrix);
	tcase_add_test(tc, test_reasons);
	tcase_add_test(tc, test_needs_text_final);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_format_bad);
	tcase_add_test(tc, test_format_small);
	tcase_add_test(tc, test_emergency);
	tcase_add_test(tc, test_parse_round_trip);
	tcase_add_test(tc, test_parse_typed);
	tcase_add_test(tc, test_parse_garbage);
	suite_add_tcase(s, tc);
	return (s);
}

/* Runs the suite; the exit status tells make check the result. */
int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(request_status_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
