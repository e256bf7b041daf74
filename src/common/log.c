#include "config.h"

#include "guichet/log.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static FILE *log_file;
static char log_program[32];

int
log_open(const char *path, const char *program)
{
	int fd;

	log_close();
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd == -1)
		return -1;
	if ((log_file = fdopen(fd, "a")) == NULL) {
		close(fd);
		return -1;
	}
	setvbuf(log_file, NULL, _IOLBF, 0);
	snprintf(log_program, sizeof log_program, "%s", program);
	return 0;
}

void
log_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
}

void
log_write(enum log_level level, const char *func, const char *fmt, ...)
{
	static const char *const names[] = { "error", "warning", "info" };
	char stamp[32];
	struct tm tm;
	time_t now;
	va_list ap;

	if (log_file == NULL)
		return;
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(log_file, "%s %s[%ld] %s %s: ", stamp, log_program,
	    (long)getpid(), names[level], func);
	va_start(ap, fmt);
	vfprintf(log_file, fmt, ap);
	va_end(ap);
	fputc('\n', log_file);
}
