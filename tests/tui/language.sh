#!/bin/sh
# Languages: Romanian from the configuration, Greek and English on a key,
# on the login screen and after login; typed text survives the switch.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro ro
ctl init >/dev/null
add_staff stefan clerk 'correct horse battery'

tui_start
check_screen "the login screen starts in Romanian" "Conectare la ghișeu"
tui_type "Ștefan Țărână Παπαδόπουλος"
check_screen "Romanian and Greek letters are typed and shown" "Ștefan Țărână Παπαδόπουλος"
tui_keys C-u
tui_type "stefan"
tui_keys Tab Tab Right
check_screen "the language line switches to Greek" "Σύνδεση στο γκισέ"
check_screen "and names the language in Greek" "◀ Ελληνικά ▶"
tui_keys Up Up
tui_type "x"
tui_keys BSpace
tui_keys Tab
tui_type "correct horse battery"
tui_keys Enter
check_screen "the main screen comes up in Greek" "Πολίτες"
check_screen "with Greek key hints" "Βοήθεια"

tui_keys l
check_screen "L switches to English" "Citizens"
tui_keys F2
check_screen "F2 switches back to Romanian" "Cetățeni"
tui_keys F1
check_screen "F1 explains the screen in Romanian" "Ajutor"
tui_keys Escape
check_screen "Esc returns from help" "Cetățeni"
tui_keys Escape
check_screen "Esc on the main screen logs out" "Conectare la ghișeu"
tui_keys F10
check_screen "F10 quits" "[exited 0]"

# guichet -l el starts in Greek whatever the configuration says.
tui_stop
tui_start -- -l el
check_screen "-l el starts in Greek" "Σύνδεση στο γκισέ"
finish
