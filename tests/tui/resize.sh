#!/bin/sh
# From a large terminal down to 80x24: every key hint stays visible, in
# Romanian and in Greek, and what was typed survives the resize and help.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro ro
ctl init >/dev/null
add_staff ana clerk 'correct horse battery'

# hints_of LANG SCREEN: the key hints a screen must show.
tui_start 120 40
check_screen "the login screen at 120x40" "Conectare la ghișeu"
tui_type "ana"
tui_resize 80 24
# The hints come back on the last line once the screen is redrawn.
tui_wait "Esc/F10" || true
screen=$(tui_screen)
for hint in "Tab/↑↓" "←→/F2" "Enter" "F1/?" "Esc/F10"; do
	check_contains "login at 80x24 shows $hint" "$hint" "$screen"
done
tui_keys F1
check_screen "help over the login screen" "Ajutor"
tui_keys Escape
tui_keys Tab
tui_type "correct horse battery"
tui_keys Enter
check_screen "the username typed before the resize and help logs in" "Cetățeni"

# Each language's screen, known by its first area, once it is drawn.
for language in "ro Cetățeni" "el Πολίτες"; do
	set -- $language
	tui_wait "$2" || true
	screen=$(tui_screen)
	for hint in "↑↓" "Enter/1-9" "L/F2" "?/F1" "Esc" "Q/F10"; do
		check_contains "main screen ($1) at 80x24 shows $hint" "$hint" "$screen"
	done
	tui_keys l
done
check_eq "no line is wider than 80 columns" 0 \
    "$(tui_screen | awk 'length($0) > 80' | wc -l)"
tui_resize 132 43
check_screen "a larger terminal still shows the areas" "Administr"
finish
