/*
 * The operators' log file: one line per event, UTC time, level, the
 * function that raised it, the message.  Secrets never reach it: callers
 * log identifiers of objects, never passwords, one-time codes or national
 * ids.  Until log_open() succeeds, messages go nowhere (the TUI owns the
 * terminal, so stderr is not an option).
 */
#ifndef GUICHET_LOG_H
#define GUICHET_LOG_H

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO };

/* Opens path for appending (created 0600).  Returns 0, or -1 with errno. */
int log_open(const char *path, const char *program);

/* Closes the log file, if open. */
void log_close(void);

void log_write(enum log_level level, const char *func, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define log_error(...) log_write(LOG_ERROR, __func__, __VA_ARGS__)
#define log_warn(...) log_write(LOG_WARN, __func__, __VA_ARGS__)
#define log_info(...) log_write(LOG_INFO, __func__, __VA_ARGS__)

#endif
