#!/bin/sh
# The clerk logs in at the counter: a wrong password is refused with a
# clear message, the right one opens the main screen in Romanian, F10
# quits.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro ro
ctl init >/dev/null
password=$(ctl demo-data --taxpayers 20 | awk '$1 == "demo.clerk" { print $3 }')

tui_start
check_screen "the login screen is in Romanian" "Conectare la ghișeu"
check_screen "it names the town with its diacritics" "Primăria Cluj-Napoca"

tui_login demo.clerk "not the password at all"
check_screen "a wrong password is refused plainly" "Utilizator sau parolă greșită"
screen=$(tui_screen)
check_lacks "the password typed is never shown" "not the password" "$screen"

tui_keys C-u
tui_type "$password"
tui_keys Enter
check_screen "the right password opens the main screen" "Cetățeni"
screen=$(tui_screen)
check_contains "the status line names the clerk" "demo.clerk" "$screen"
check_contains "and the station" "Ghișeu test" "$screen"
check_lacks "the password is not on screen" "$password" "$screen"

tui_keys 9
check_screen "an area not built yet says so" "în pregătire"

# Left alone a moment, the screen signs the day's audit checkpoint in
# the background.
i=0
while [ $i -lt 50 ] && [ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_checkpoint")" = 0 ]; do
	sleep 0.1
	i=$((i + 1))
done
tui_keys F10
check_screen "F10 quits" "[exited 0]"
check_eq "login and logout are audited" "login ok|logout ok" \
    "$(sqlite3 "$DB" "SELECT action || ' ' || outcome FROM audit WHERE actor = 'demo.clerk' ORDER BY id" | tr '\n' '|' | sed 's/|$//' | sed 's/^login refused[^|]*|//')"
check_eq "the failed attempt is audited too" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE actor = 'demo.clerk' AND outcome = 'refused: wrong password'")"
check_eq "the password never reaches the log" 0 "$(grep -c -- "$password" "$WORK/guichet.log")"
check_eq "the screen signed the day's audit checkpoint by itself" \
    "1|guichetctl:daily" \
    "$(sqlite3 "$DB" "SELECT COUNT(*), (SELECT actor FROM audit WHERE action = 'audit.checkpoint') FROM audit_checkpoint")"
run_ctl audit verify
check_contains "and it holds" "1 signed checkpoint matches" "$OUT"
finish
