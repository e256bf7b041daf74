/*
 * The receipt of a filed request, printed through CUPS like the
 * envelopes: request id, protocol (or emergency) number, date, and a
 * check code, also in a QR code, that only this town hall's installation
 * can make, so a receipt brought to the counter can be checked.
 */
#ifndef GUICHET_SERVICE_RECEIPT_H
#define GUICHET_SERVICE_RECEIPT_H

#include <stdint.h>

#include "guichet/request.h"

struct service;

/* Prints the receipt of request id on printer (NULL: the configured one),
 * in the language on screen; anyone who may read the request may print
 * it.  G_OK, or G_ERR_IO with the message saying what to do. */
int service_request_receipt(struct service *svc, int64_t id,
    const char *printer);

/* Checks what a receipt's QR code holds ("guichet-receipt ID CHECK", or
 * "ID CHECK" typed from the paper): G_OK with *out when the check code is
 * this installation's for that request, G_ERR_TAMPERED when not, and
 * G_ERR_INVALID for text that is not a receipt code.  Staff only. */
int service_request_receipt_check(struct service *svc, const char *code,
    struct request *out);

#endif
