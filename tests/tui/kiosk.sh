#!/bin/sh
# The kiosk keeps to itself: Ctrl-C, Ctrl-Z and Ctrl-\ do not leave the
# program; F10 logs out but never quits; a session left alone counts down
# its last seconds and logs out to a wiped start screen; a key during the
# countdown keeps the session.  A visitor applies for an account.  A
# crashed kiosk starts again on its welcome screen.
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

# A visitor applies for an account (norms annex 1): the counter's form,
# each problem next to its field, then a number and what to do next.
apply() {
	tui_keys a 9
	tui_wait "Apply for an account — page 1 of 2" || true
	tui_type 1800101221144
	tui_keys Tab
	tui_type "Țărână"
	tui_keys Tab
	tui_type "Ștefan"
	tui_keys Enter
}
# address: the second page, where the missing town put the cursor.
address() {
	tui_type "Cluj-Napoca"
	tui_keys Tab Tab
	tui_type "Strada Memorandumului"
	tui_keys Tab
	tui_type 28
	tui_keys Enter
}
apply
check_screen "a missing address is marked next to its field" "Town: required"
address
check_screen "the application gets a number and says what to do next" \
    "Your application is number 1. Bring your identity card"
check_eq "it waits at the counter, filed at the kiosk, without an account" \
    "kiosk|pending|Țărână|none" "$(sqlite3 "$DB" "SELECT r.source, \
    r.status, p.surname, p.level FROM registration_request r JOIN person p \
    ON p.id = r.person_id")"
tui_keys F10 3
apply
address
check_screen "applying again reads the same: the kiosk tells nobody who is on \
file" "Your application is number 2. Bring your identity card"
check_eq "and the person is not stored twice" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM person")"
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

# Failed logins slow the kiosk itself down, whatever the username: one
# that exists and one that does not read the same.
tui_keys 3 Enter
tui_wait "Username" || true
for i in 1 2 3 4 5; do
	tui_keys C-u
	tui_type "nobody$i@example.com"
	tui_keys Tab
	tui_type "not the password"
	tui_keys Enter
	[ $i -lt 5 ] && tui_wait "Wrong username or password" 5
	[ $i -lt 5 ] && tui_keys BTab
done
check_screen "after four failures the kiosk makes the next one wait" \
    "Too many failed attempts"
check_eq "no name was looked up in vain: nothing is audited for them" 0 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE action = 'citizen.login'")"
tui_keys Escape
tui_wait "Bun venit" || true

# A crash of the kiosk: its guard starts it again on the welcome screen.
# (SIGABRT: the sanitizers leave it alone, unlike SIGSEGV.)
tui_keys 3 a 5
check_screen "a visitor reads the information pages" "Where and how to pay"
shell=$(tmux -L "$TMUX_SOCKET" display-message -p '#{pane_pid}')
guard=$(pgrep -P "$shell")
kiosk=$(pgrep -P "$guard")
kill -ABRT "$kiosk"
check_screen "after a crash the kiosk is back on its welcome screen" \
    "Bun venit" 15
check_lacks "with nothing of the last session" "Where and how to pay" \
    "$(tui_screen)"
check_lacks "and no shell" "[exited" "$(tui_screen)"
check_contains "the crash is logged" "the kiosk ended by signal 6" \
    "$(cat "$WORK/guichet.log")"
check_eq "it runs in a new process" yes \
    "$([ "$(pgrep -P "$guard")" != "$kiosk" ] && echo yes)"
kill -TERM "$guard"
check_screen "stopping the guard stops the kiosk" "[exited 0]"
tui_stop

# [kiosk] logout_after: a completed transaction ends the session.
printf 'logout_after = yes\n' >>"$CONF"
tui_start -- --kiosk
tui_wait "Bun venit" || true	# what is typed before is thrown away
tui_keys 3
apply
address
check_screen "with logout_after the application logs out" \
    "Your application is number 3."
check_screen "back on the welcome screen" "Bun venit"
check_contains "saying so" "You are logged out" "$(tui_screen)"
finish
