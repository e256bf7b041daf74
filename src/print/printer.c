#include "config.h"

#include "guichet/printer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cups/cups.h>

#include "guichet/err.h"
#include "guichet/i18n.h"
#include "guichet/xmalloc.h"

#define POLL_MS 50

/* What Get-Job-Attributes said about a job. */
struct job_status {
	ipp_jstate_t	state;
	char		message[256];	/* job-printer-state-message or "" */
};

/* Returns milliseconds on a clock that only moves forward. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Sleeps ms milliseconds, resuming after signals. */
static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* Copies into buf the queue's printer-state-message (the reason given to
 * cupsdisable, or the printer's last words), which the destination from
 * cupsGetNamedDest lacks; buf is "" when there is none. */
static void
state_message_get(http_t *http, cups_dest_t *dest, char *buf, size_t size)
{
	static const char *const attrs[] = { "printer-state-message" };
	char uri[HTTP_MAX_URI];
	const char *s;
	ipp_t *req, *resp;
	ipp_attribute_t *a;

	buf[0] = '\0';
	s = cupsGetOption("printer-uri-supported", dest->num_options,
	    dest->options);
	if (s != NULL)
		snprintf(uri, sizeof uri, "%s", s);
	else
		httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp",
		    NULL, "localhost", ippPort(), "/printers/%s", dest->name);
	req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri",
	    NULL, uri);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME,
	    "requesting-user-name", NULL, cupsUser());
	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD,
	    "requested-attributes", 1, NULL, attrs);
	resp = cupsDoRequest(http, req, "/");
	if (resp != NULL && cupsLastError() <= IPP_STATUS_OK_EVENTS_COMPLETE &&
	    (a = ippFindAttribute(resp, "printer-state-message",
	    IPP_TAG_TEXT)) != NULL && (s = ippGetString(a, 0, NULL)) != NULL)
		snprintf(buf, size, "%s", s);
	ippDelete(resp);
}

/* Returns the "why" a stopped queue shows in buf: its state message,
 * else its state reasons other than the bare "paused", else NULL. */
static const char *
stopped_why(http_t *http, cups_dest_t *dest, char *buf, size_t size)
{
	const char *s;

	state_message_get(http, dest, buf, size);
	/* "Paused" is what cupsd says when given no reason. */
	if (buf[0] != '\0' && strcasecmp(buf, "paused") != 0)
		return buf;
	s = cupsGetOption("printer-state-reasons", dest->num_options,
	    dest->options);
	if (s != NULL && *s != '\0' && strcmp(s, "none") != 0 &&
	    strcmp(s, "paused") != 0)
		return s;
	return NULL;
}

/* Refuses a queue that would only hold the job: stopped, or not
 * accepting; checked before submitting so nothing waits in the spool. */
static char *
queue_refusal(http_t *http, const char *printer, cups_dest_t *dest)
{
	const char *state, *accepting, *why;
	char buf[256];

	state = cupsGetOption("printer-state", dest->num_options,
	    dest->options);
	if (state != NULL && atoi(state) == IPP_PSTATE_STOPPED) {
		why = stopped_why(http, dest, buf, sizeof buf);
		if (why != NULL)
			return xasprintf(_("the printer '%s' is stopped (%s): "
			    "start it again with cupsenable %s"), printer, why,
			    printer);
		return xasprintf(_("the printer '%s' is stopped: start it "
		    "again with cupsenable %s"), printer, printer);
	}
	accepting = cupsGetOption("printer-is-accepting-jobs",
	    dest->num_options, dest->options);
	if (accepting != NULL && strcmp(accepting, "false") == 0)
		return xasprintf(_("the printer '%s' does not accept jobs: "
		    "let it accept them again with cupsaccept %s"), printer,
		    printer);
	return NULL;
}

/* Asks the server for job id's state; returns 0, or -1 when it did not
 * answer (cupsLastErrorString() says why). */
static int
job_status_get(http_t *http, int id, struct job_status *st)
{
	static const char *const attrs[] = {
		"job-state", "job-printer-state-message"
	};
	char uri[HTTP_MAX_URI];
	ipp_t *req, *resp;
	ipp_attribute_t *a;
	const char *msg;

	httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL,
	    "localhost", ippPort(), "/jobs/%d", id);
	req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", NULL,
	    uri);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME,
	    "requesting-user-name", NULL, cupsUser());
	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD,
	    "requested-attributes", 2, NULL, attrs);
	resp = cupsDoRequest(http, req, "/jobs/");
	if (resp == NULL || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
		ippDelete(resp);
		return -1;
	}
	a = ippFindAttribute(resp, "job-state", IPP_TAG_ENUM);
	if (a == NULL) {
		ippDelete(resp);
		return -1;
	}
	st->state = (ipp_jstate_t)ippGetInteger(a, 0);
	st->message[0] = '\0';
	a = ippFindAttribute(resp, "job-printer-state-message",
	    IPP_TAG_TEXT);
	if (a != NULL && (msg = ippGetString(a, 0, NULL)) != NULL)
		snprintf(st->message, sizeof st->message, "%s", msg);
	ippDelete(resp);
	return 0;
}

/* Cancels job id so it does not print after the caller gave up on it;
 * returns the sentence to append to the clerk's message. */
static const char *
job_cancel(http_t *http, cups_dest_t *dest, int id)
{
	if (cupsCancelDestJob(http, dest, id) == IPP_STATUS_OK)
		return _("it was cancelled");
	return _("it could not be cancelled: cancel it with the cancel "
	    "command before it prints");
}

/* Follows job id until it completes, fails or timeout_s passes; returns
 * NULL when it completed, else the message for the clerk. */
static char *
job_wait(http_t *http, cups_dest_t *dest, int id, int timeout_s)
{
	struct job_status st;
	long long deadline = now_ms() + (long long)timeout_s * 1000;

	for (;;) {
		if (job_status_get(http, id, &st) == -1)
			return xasprintf(_("the print server stopped answering "
			    "about job %d (%s): check whether the envelope "
			    "printed before printing again"), id,
			    cupsLastErrorString());
		switch (st.state) {
		case IPP_JSTATE_COMPLETED:
			return NULL;
		case IPP_JSTATE_ABORTED:
			if (st.message[0] != '\0')
				return xasprintf(_("the print job %d was "
				    "aborted by the printer (%s): check the "
				    "printer, then print again"), id,
				    st.message);
			return xasprintf(_("the print job %d was aborted by "
			    "the printer: check the printer, then print "
			    "again"), id);
		case IPP_JSTATE_CANCELED:
			return xasprintf(_("the print job %d was cancelled on "
			    "the print server: print again if the envelope is "
			    "still needed"), id);
		case IPP_JSTATE_STOPPED:
			if (st.message[0] != '\0')
				return xasprintf(_("the print job %d was "
				    "stopped by the printer (%s) and %s: check "
				    "the printer, then print again"), id,
				    st.message, job_cancel(http, dest, id));
			return xasprintf(_("the print job %d was stopped by "
			    "the printer and %s: check the printer, then "
			    "print again"), id, job_cancel(http, dest, id));
		default:
			break;
		}
		if (now_ms() >= deadline)
			return xasprintf(ngettext("the printer did not finish "
			    "job %d in %d second and %s: check the printer, "
			    "then print again", "the printer did not finish "
			    "job %d in %d seconds and %s: check the printer, "
			    "then print again", (unsigned long)timeout_s), id,
			    timeout_s, job_cancel(http, dest, id));
		sleep_ms(POLL_MS);
	}
}

/* Sends the document of job id; returns NULL, or the message for the
 * clerk after cancelling the job. */
static char *
job_send(http_t *http, cups_dest_t *dest, cups_dinfo_t *info, int id,
    const char *printer, const char *title, const void *pdf, size_t len)
{
	http_status_t hs;
	ipp_status_t is;

	if (cupsStartDestDocument(http, dest, info, id, title,
	    CUPS_FORMAT_PDF, 0, NULL, 1) != HTTP_STATUS_CONTINUE)
		return xasprintf(_("the print server refused the document "
		    "for '%s' (%s) and %s: print again"), printer,
		    cupsLastErrorString(), job_cancel(http, dest, id));
	hs = cupsWriteRequestData(http, pdf, len);
	/* Finish even after a failed write: it reads the server's answer,
	 * which says why. */
	is = cupsFinishDestDocument(http, dest, info);
	if (hs != HTTP_STATUS_CONTINUE || is > IPP_STATUS_OK_EVENTS_COMPLETE)
		return xasprintf(_("the print server did not take the "
		    "document for '%s' (%s) and %s: print again"), printer,
		    cupsLastErrorString(), job_cancel(http, dest, id));
	return NULL;
}

/* Checks the queue, submits, then follows the job: the clerk learns the
 * envelope left only when CUPS says the job completed. */
int
printer_submit_pdf(const char *printer, const char *title,
    const void *pdf, size_t len, int timeout_s, int *job_id, char **reason)
{
	const char *server;
	char where[HTTP_MAX_HOST + 16];
	http_t *http = NULL;
	cups_dest_t *dest = NULL;
	cups_dinfo_t *info = NULL;
	char *why = NULL;
	int id = 0;

	*job_id = 0;
	*reason = NULL;
	server = getenv("CUPS_SERVER");
	if (server != NULL && *server != '\0')
		cupsSetServer(server);

	if (printer == NULL || *printer == '\0') {
		why = xstrdup(_("no printer is configured: set [print] "
		    "printer"));
		goto out;
	}
	/* Our own connection, so an unreachable server is told apart from
	 * a missing queue (libcups reports both as "not found"). */
	http = httpConnect2(cupsServer(), ippPort(), NULL, AF_UNSPEC,
	    cupsEncryption(), 1, 5000, NULL);
	if (http == NULL) {
		if (cupsServer()[0] == '/')
			snprintf(where, sizeof where, "%s", cupsServer());
		else
			snprintf(where, sizeof where, "%s:%d", cupsServer(),
			    ippPort());
		why = xasprintf(_("cannot reach the print server %s: check "
		    "that CUPS is running, then print again"), where);
		goto out;
	}
	dest = cupsGetNamedDest(http, printer, NULL);
	if (dest == NULL) {
		if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
			why = xasprintf(_("the printer '%s' does not exist: "
			    "check [print] printer"), printer);
		else
			why = xasprintf(_("cannot ask the print server about "
			    "the printer '%s' (%s): check that CUPS is "
			    "running, then print again"), printer,
			    cupsLastErrorString());
		goto out;
	}
	if ((why = queue_refusal(http, printer, dest)) != NULL)
		goto out;
	info = cupsCopyDestInfo(http, dest);
	if (info == NULL) {
		why = xasprintf(_("cannot ask the print server about the "
		    "printer '%s' (%s): check that CUPS is running, then "
		    "print again"), printer, cupsLastErrorString());
		goto out;
	}
	if (cupsCreateDestJob(http, dest, info, &id, title, 0, NULL) !=
	    IPP_STATUS_OK || id <= 0) {
		why = xasprintf(_("the print server refused a job for '%s' "
		    "(%s): check the printer, then print again"), printer,
		    cupsLastErrorString());
		id = 0;
		goto out;
	}
	*job_id = id;
	why = job_send(http, dest, info, id, printer, title, pdf, len);
	if (why == NULL)
		why = job_wait(http, dest, id, timeout_s);
out:
	cupsFreeDestInfo(info);
	if (dest != NULL)
		cupsFreeDests(1, dest);
	httpClose(http);
	if (why != NULL) {
		*reason = why;
		return G_ERR_IO;
	}
	return G_OK;
}
