/*
 * Whole files in and out: a document read into memory with a cap, so a
 * stray disk image is never read whole, and a document written to a new
 * file that is either complete or not there at all.
 */
#ifndef GUICHET_FILE_H
#define GUICHET_FILE_H

#include <stddef.h>

/* Reads the regular file at path, of at most max bytes, into a fresh
 * buffer (caller frees) with a NUL after it; O_NONBLOCK so a FIFO cannot
 * hang the open.  Returns G_OK, G_ERR_IO with errno saying why (EISDIR,
 * EINVAL: not a regular file), G_ERR_INVALID when it is over max, or
 * G_ERR_NOMEM. */
int file_read_all(const char *path, size_t max, unsigned char **bufp,
    size_t *lenp);

/* Writes len bytes of data into a new file at path (mode 0644), flushed
 * to disk; an existing file is never touched, and a file half written is
 * removed.  Returns G_OK, G_ERR_EXISTS, or G_ERR_IO with errno saying
 * why. */
int file_write_new(const char *path, const void *data, size_t len);

#endif
