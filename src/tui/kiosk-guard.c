/*
 * The kiosk's guard: restarts the kiosk after a crash or an error exit;
 * a stop asked of the guard is passed on to the kiosk.
 */
#include "config.h"

#include "kiosk-guard.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "guichet/clock.h"
#include "guichet/log.h"

#define RESTART_DELAY_MS 500	/* first pause before a restart */
#define RESTART_DELAY_MAX_MS 30000	/* when it keeps crashing */
#define STEADY_MS 10000		/* a kiosk up this long was not looping */

static volatile sig_atomic_t stop_signal;

static void
on_stop(int sig)
{
	stop_signal = sig;
}

/* Between two kiosks nothing typed may show on the terminal (someone
 * may be typing a password) or reach the next one. */
static void
quiet_terminal(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_lflag &= ~(tcflag_t)(ECHO | ICANON);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
	tcflush(STDIN_FILENO, TCIFLUSH);
}

static void
pause_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&t, &t) == -1 && errno == EINTR && !stop_signal)
		;
}

/* Runs one kiosk child and waits for it; returns its wait status (-1:
 * none).  Returns in the child, with 0 in *child. */
static int
run_child(pid_t *child)
{
	int status;

	if ((*child = fork()) == -1) {
		log_error("kiosk guard: fork: %s", strerror(errno));
		return -1;
	}
	if (*child == 0) {
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
#ifdef __linux__
		prctl(PR_SET_PDEATHSIG, SIGTERM);	/* no orphan kiosk */
#endif
		return 0;
	}
	while (waitpid(*child, &status, 0) == -1) {
		if (errno != EINTR)
			return -1;
		if (stop_signal)
			kill(*child, stop_signal);
	}
	return status;
}

void
kiosk_guard(void)
{
	struct rlimit no_core = { 0, 0 };
	struct sigaction stop;
	long delay = RESTART_DELAY_MS;
	int64_t started;
	pid_t child;
	int status;

	setrlimit(RLIMIT_CORE, &no_core);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	/* Without SA_RESTART, so a stop interrupts the wait and is passed
	 * on to the child. */
	memset(&stop, 0, sizeof stop);
	stop.sa_handler = on_stop;
	sigaction(SIGTERM, &stop, NULL);
	sigaction(SIGHUP, &stop, NULL);
	quiet_terminal();
	for (;;) {
		started = clock_now_ms();
		status = run_child(&child);
		if (child == 0)
			return;
		if (stop_signal)
			exit(0);
		if (status != -1 && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 0)
			exit(0);
		if (status != -1 && WIFSIGNALED(status))
			log_error("kiosk guard: the kiosk ended by signal %d; "
			    "starting it again", WTERMSIG(status));
		else
			log_error("kiosk guard: the kiosk ended with status "
			    "%d; starting it again", status == -1 ? -1 :
			    WEXITSTATUS(status));
		if (clock_now_ms() - started >= STEADY_MS)
			delay = RESTART_DELAY_MS;
		pause_ms(delay);
		quiet_terminal();
		delay = delay * 2 > RESTART_DELAY_MAX_MS ? RESTART_DELAY_MAX_MS :
		    delay * 2;
		if (stop_signal)
			exit(0);
	}
}
