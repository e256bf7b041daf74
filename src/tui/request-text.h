/*
 * How a request is named on screen: its number (protocol, emergency, or
 * its id before it has either) and its type's label in the language on
 * screen.
 */
#ifndef GUICHET_TUI_REQUEST_TEXT_H
#define GUICHET_TUI_REQUEST_TEXT_H

#include <stddef.h>

#include "guichet/request-type.h"
#include "guichet/request.h"

struct service;

/* Writes r's number as people quote it: "2026/000123", "E-2026-000007",
 * or "#12" while it is not registered. */
void request_number(const struct request *r, char *buf, size_t len);

/* Returns the label of the type called id in the language on screen, or
 * id itself for a type no longer known. */
const char *request_type_label(struct service *svc, const char *id);

/* Returns the label of field name of type id, or name itself. */
const char *request_field_label(struct service *svc, const char *id,
    const char *name);

/* Returns the label of value for field f (a choice's label), or value. */
const char *request_value_label(const struct request_field *f,
    const char *value);

#endif
