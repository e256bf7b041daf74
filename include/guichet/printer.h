/*
 * Printing through CUPS.  The queue is named in the configuration
 * ([print] printer); CUPS_SERVER in the environment chooses the server
 * (a socket path or host:port), as every CUPS client does.  A job is
 * submitted as application/pdf and followed until CUPS says it completed,
 * so the caller knows the envelope really left: a missing or stopped
 * queue, or a job that is aborted or cancelled, is a refusal with a
 * message a clerk can act on.
 */
#ifndef GUICHET_PRINTER_H
#define GUICHET_PRINTER_H

#include <stddef.h>

/* Submits pdf (len bytes) to queue printer with title, and waits up to
 * timeout_s seconds for the job to complete.  Returns G_OK with *job_id,
 * or G_ERR_IO with *reason (caller frees) saying what the clerk can do:
 * "the printer 'envelopes' does not exist: check [print] printer",
 * "the printer 'envelopes' is stopped (paper jam?): start it again with
 * cupsenable", "the print job 12 was aborted by the printer". *job_id is
 * set (or 0) also on failure, for the record. */
int printer_submit_pdf(const char *printer, const char *title,
    const void *pdf, size_t len, int timeout_s, int *job_id, char **reason);

#endif
