#!/bin/sh
# Hostile keys on every screen: each control key, each function key, a
# pasted text of several kilobytes (diacritics, Greek, SQL and format
# characters) and a resize down to 20x5 and back, on each area of the
# counter and each item of the kiosk, a visitor's and a citizen's.
# Neither the counter nor the kiosk crashes, the kiosk never exits, the
# screen comes back whole (nothing of the small layout left), and the
# store is intact.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
cups_start
cups_add_queue envelopes
printf '[print]\nprinter = envelopes\n' >>"$CONF"
ctl init >/dev/null
password=$(ctl demo-data | awk '$1 == "demo.clerk" { print $3 }')
cnp=$(sqlite3 "$DB" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1")
envelope_credentials "$cnp"
NEW_PW="Castanul din curte 4711"
people=$(sqlite3 "$DB" "SELECT COUNT(*) FROM person")

# 4 KB without q or Q (which quit at the counter, as they should).
chunk="Țară și munți ΑΒΓ δεζ 0123 '; DROP TABLE person;-- \"%s%n\" <b>&amp; "
paste=""
while [ ${#paste} -lt 4096 ]; do paste="$paste$chunk"; done

# barrage WHERE CONTROLS FKEYS: the keys, the paste, the resizes.
barrage() {
	for k in $2; do tui_keys "C-$k"; done
	for f in $3; do tui_keys "F$f"; done
	tui_type "$paste"
	sleep 0.3
	tui_resize 20 5
	sleep 0.3
	tui_resize 80 24
	sleep 0.5
	after=$(tui_screen)
	check_lacks "$1: still running" "[exited" "$after"
	width=$(printf '%s\n' "$after" | LC_ALL=C.UTF-8 wc -L)
	check_eq "$1: no line wider than the terminal" yes \
	    "$([ "$width" -le 80 ] && echo yes || echo "$width columns")"
	# A second resize redraws everything: the first left nothing else.
	tui_resize 81 24
	sleep 0.3
	tui_resize 80 24
	sleep 0.5
	check_eq "$1: the screen came back whole" "$after" "$(tui_screen)"
}

# The counter: each area of the main screen.  Ctrl-C quits like F10 and
# Ctrl-Z suspends, as in any terminal program; F10 quits.
CLERK_CONTROLS="a b d e f g h k l n o p r s t u v w x y \\ ] ^ _"
CLERK_FKEYS="1 2 3 4 5 6 7 8 9 11 12"
tui_start
tui_login demo.clerk "$password"
tui_wait "Counter" || true
for area in 1 2 3 4 5 6 7 8 9; do
	tui_keys "$area"
	sleep 0.5
	barrage "counter area $area" "$CLERK_CONTROLS" "$CLERK_FKEYS"
	# Back to the main screen, logging in again if Esc went that far.
	i=0
	while [ $i -lt 6 ] && ! tui_wait "Q/F10" 1; do
		tui_keys Escape
		i=$((i + 1))
	done
	if tui_wait "Log in" 1; then
		tui_login demo.clerk "$password"
		tui_wait "Q/F10" || true
	fi
done
tui_keys C-c
check_screen "Ctrl-C quits the counter cleanly" "[exited 0]"
check_eq "logging out on the way" "logout|ok" \
    "$(sqlite3 "$DB" "SELECT action, outcome FROM audit WHERE actor = 'demo.clerk' ORDER BY id DESC LIMIT 1")"
tui_stop

# The kiosk: every key, Ctrl-C, Ctrl-Z and F10 included, on the welcome
# screen and each item a visitor has.
KIOSK_CONTROLS="a b c d e f g h k l n o p q r s t u v w x y z \\ ] ^ _"
KIOSK_FKEYS="1 2 3 4 5 6 7 8 9 10 11 12"
tui_start -- --kiosk
barrage "kiosk welcome" "$KIOSK_CONTROLS" "$KIOSK_FKEYS"
for item in 1 5 7 8 9; do
	tui_keys F10
	tui_wait "Bun venit" 3 || true
	tui_keys 3 a
	tui_wait "Without an account" 3 || true
	tui_keys "$item"
	sleep 0.5
	barrage "kiosk item $item" "$KIOSK_CONTROLS" "$KIOSK_FKEYS"
done

# A citizen's own items, logged in with the envelope's credentials (the
# first login chooses a password); F10 in a barrage logs out, so each
# item starts with a login.
kiosk_login() {
	tui_keys F10
	tui_wait "Bun venit" 3 || true
	tui_keys 3 Enter
	tui_wait "Username" 3 || true
	tui_type "$CITIZEN_USER"
	tui_keys Tab
	tui_type "$1"
	tui_keys Enter
}
kiosk_login "$CITIZEN_PW"
tui_wait "Choose your own password" || true
tui_type "$NEW_PW"
tui_keys Tab
tui_type "$NEW_PW"
tui_keys Enter
check_screen "the citizen is logged in" "What would you like to do?"
for item in 2 3 6 4; do
	tui_wait "What would you like to do?" 2 || kiosk_login "$NEW_PW"
	tui_wait "What would you like to do?" 3 || true
	tui_keys "$item"
	sleep 0.5
	barrage "kiosk, a citizen's item $item" "$KIOSK_CONTROLS" "$KIOSK_FKEYS"
done
# The barrage's last F1 left help open: Esc closes it, F10 logs out.
tui_keys Escape
sleep 0.3
tui_keys F10
check_screen "the kiosk is still at its welcome screen" "Bun venit"

check_eq "the store is intact" ok "$(sqlite3 "$DB" 'PRAGMA integrity_check')"
check_eq "and nobody was added by stray keys" "$people" \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM person")"
run_ctl audit verify
check_eq "its audit chain verifies" 0 "$RC"
finish
