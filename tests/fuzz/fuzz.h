/*
 * The libFuzzer targets, one program for all: GUICHET_FUZZ_TARGET names
 * the one a run fuzzes (scripts/fuzz sets it).  Each takes the input as
 * libFuzzer gives it.
 */
#ifndef GUICHET_FUZZ_H
#define GUICHET_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int fuzz_ident(const uint8_t *data, size_t size);
int fuzz_money_date(const uint8_t *data, size_t size);
int fuzz_conf(const uint8_t *data, size_t size);
int fuzz_request_type(const uint8_t *data, size_t size);
int fuzz_register_feed(const uint8_t *data, size_t size);
int fuzz_enrolment(const uint8_t *data, size_t size);
int fuzz_checkpoint(const uint8_t *data, size_t size);
int fuzz_sync_record(const uint8_t *data, size_t size);
void fuzz_sync_record_init(void);

/* Returns a NUL-terminated copy of the input (caller frees); a NUL in it
 * ends the string early, as it would for any C caller. */
char *fuzz_string(const uint8_t *data, size_t size);

/* Writes the input to a file of this process, whose path it returns
 * (the same each call). */
const char *fuzz_file(const uint8_t *data, size_t size);

#endif
