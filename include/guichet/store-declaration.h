/*
 * Declarations of gross receipts in the store.
 */
#ifndef GUICHET_STORE_DECLARATION_H
#define GUICHET_STORE_DECLARATION_H

#include "guichet/service-declaration.h"

struct store;

/* Inserts declaration d (today, by whom, where); G_ERR_EXISTS when its
 * quarter is declared already. */
int store_declaration_insert(struct store *st, const struct declaration *d,
    const char *by, const char *station);

#endif
