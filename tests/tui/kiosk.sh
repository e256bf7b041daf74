#!/bin/sh
# The kiosk keeps to itself: Ctrl-C, Ctrl-Z and Ctrl-\ do not leave the
# program; F10 logs out but never quits; a session left alone counts down
# its last seconds and logs out to a wiped start screen; a key during the
# countdown keeps the session.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro en
printf '[kiosk]\nidle_timeout = 20\n' >>"$CONF"
ctl init >/dev/null

tui_start -- --kiosk
check_screen "the kiosk starts on its welcome screen" "Bun venit"
tui_keys 3 a
check_screen "a visitor's menu" "Without an account"
tui_keys C-c
tui_keys C-z
tui_keys 'C-\'
sleep 1
check_lacks "Ctrl-C, Ctrl-Z and Ctrl-\\ do not leave the program" "[exited" \
    "$(tui_screen)"
check_screen "the menu is still there" "Without an account"
tui_keys F10
check_screen "F10 logs out to the start screen" "Bun venit"
check_lacks "but never quits" "[exited" "$(tui_screen)"

# Information pages, for anyone, in the language chosen.
tui_keys 2 a 5
check_screen "the information pages are listed, in Greek" "Πού και πώς πληρώνετε"
tui_keys Down Enter
check_screen "a page reads in Greek" "1% τον μήνα"
tui_keys Escape Up Up Up Up End Enter
check_screen "the register's page says it was never refreshed" "δεν έχει"
tui_keys Escape Escape
check_screen "Esc goes back to the menu" "Χωρίς λογαριασμό"
tui_keys F10 3

tui_keys a 1
check_screen "a visitor starts a request" "What would you like to file?"
check_screen "the last seconds are counted down" "logged out in" 15
tui_keys Down
check_lacks "a key during the countdown keeps the session" "logged out in" \
    "$(tui_screen)"
check_screen "the countdown comes back when left alone" "logged out in" 15
check_screen "then the start screen, the session gone" \
    "Logged out: no key was pressed" 20
check_lacks "nothing of the visitor's screen is left" \
    "What would you like to file?" "$(tui_screen)"
finish
