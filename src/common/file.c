#include "config.h"

#include "guichet/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guichet/err.h"

int
file_read_all(const char *path, size_t max, unsigned char **bufp,
    size_t *lenp)
{
	struct stat st;
	unsigned char *buf = NULL;
	size_t len = 0, size;
	ssize_t n;
	int fd, rc = G_ERR_IO, saved;

	*bufp = NULL;
	*lenp = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return G_ERR_IO;
	if (fstat(fd, &st) != 0)
		goto out;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		goto out;
	}
	if ((unsigned long long)st.st_size > max) {
		rc = G_ERR_INVALID;
		goto out;
	}
	size = (size_t)st.st_size;
	if ((buf = malloc(size + 1)) == NULL) {
		rc = G_ERR_NOMEM;
		goto out;
	}
	/* A file that grows while read is cut at the size fstat saw. */
	while (len < size) {
		n = read(fd, buf + len, size - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			goto out;
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	buf = NULL;
	rc = G_OK;
out:
	saved = errno;
	free(buf);
	close(fd);
	errno = saved;
	return rc;
}

int
file_write_new(const char *path, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t done = 0;
	ssize_t n;
	bool ok;
	int fd, saved;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    0644);
	if (fd == -1)
		return errno == EEXIST ? G_ERR_EXISTS : G_ERR_IO;
	while (done < len) {
		n = write(fd, p + done, len - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			break;
		done += (size_t)n;
	}
	ok = done == len && fsync(fd) == 0;
	saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (ok)
		return G_OK;
	unlink(path);
	errno = saved;
	return G_ERR_IO;
}
