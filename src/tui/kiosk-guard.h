/*
 * The kiosk's guard: a small parent process that runs the kiosk in a
 * child and starts it again on its welcome screen whenever it ends by
 * an unexpected error or a crash, so a public terminal never falls back
 * to a shell.
 */
#ifndef GUICHET_TUI_KIOSK_GUARD_H
#define GUICHET_TUI_KIOSK_GUARD_H

/* Returns in the child, which runs the kiosk; the parent never returns:
 * it exits with the child's status once the child ends normally or is
 * told to stop (SIGTERM, SIGHUP to the parent).  Core dumps are turned
 * off first: a kiosk's memory holds citizens' passwords. */
void kiosk_guard(void);

#endif
