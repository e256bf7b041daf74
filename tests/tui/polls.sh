#!/bin/sh
# Polls at the counter: the clerk casts a citizen's vote from their card
# (origin "counter"), a second vote is refused, and area 8 shows every
# poll with only its totals.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro en
ctl init >/dev/null
ctl demo-data --taxpayers 30 >/dev/null
add_staff ana clerk 'correct horse battery'
CNP=$(sqlite3 "$DB" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1")
ctl polls create --question "Unde să fie noul parc?" --option "Lângă școală" \
    --option "Pe malul râului" --opens "$(date +%Y-%m-%d)" \
    --closes "$(date -d tomorrow +%Y-%m-%d)" >/dev/null
ctl polls create --question "Πού να γίνει η αγορά;" --option "Στην πλατεία" \
    --option "Στο λιμάνι" --opens 2020-01-01 --closes 2020-02-01 >/dev/null

tui_start
tui_login ana 'correct horse battery'
tui_keys 1
tui_type "$CNP"
tui_wait "$CNP" || true
tui_keys Enter
check_screen "the citizen's card offers the polls" "P Polls"
tui_keys p
check_screen "the polls open today are listed" "Unde să fie noul parc?"
check_lacks "a closed poll is not" "Πού να γίνει" "$(tui_screen)"
tui_keys Enter Down Enter
check_screen "the citizen's choice is confirmed first" 'Vote "Pe malul râului"?'
tui_keys y
check_screen "the vote is counted, at the counter" \
    "The vote is counted, cast at the counter."
check_screen "and the poll is marked as voted" "✓ Unde să fie noul parc?"
tui_keys Enter
check_screen "a second vote is refused" "This citizen has voted in this poll"
check_eq "the origin is kept apart from the counts" "counter|0|1" \
    "$(sqlite3 "$DB" "SELECT v.origin, (SELECT group_concat(votes, '|') \
    FROM poll_option WHERE poll_id = 1 ORDER BY position) FROM poll_voter v")"
tui_keys Escape
check_screen "Esc goes back to the card" "Citizen card"
tui_stop

tui_start
tui_login ana 'correct horse battery'
tui_keys 8
check_screen "area 8 lists every poll, newest first" "Πού να γίνει η αγορά;"
check_screen "where Enter shows the totals, and there is no vote" "Enter Totals"
check_screen "with its dates and how many voted" \
    "Unde să fie noul parc?  ($(date +%Y-%m-%d) – $(date -d tomorrow +%Y-%m-%d); votes: 1)"
tui_keys Down Enter
check_screen "the totals of each option" "2  Pe malul râului"
check_screen "with the share" "1 100%"
tui_keys Escape Escape
check_screen "Esc goes back to the main screen" "Choose an area"
finish
