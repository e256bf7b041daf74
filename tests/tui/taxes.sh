#!/bin/sh
# At the counter: the clerk opens a demo taxpayer's register, reads what
# is due today, takes a part payment in cash, the receipt prints through
# CUPS and the amount due drops; from a citizen's card, T opens theirs.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
printf '[print]\nprinter = receipts\n' >>"$CONF"
ctl init >/dev/null
ctl demo-data --taxpayers 10 >/dev/null
add_staff ana clerk 'correct horse battery'
cups_start
cups_add_queue receipts
CNP=$(sqlite3 "$DB" "SELECT national_id FROM taxpayer ORDER BY id LIMIT 1")
NAME=$(sqlite3 "$DB" "SELECT name FROM taxpayer ORDER BY id LIMIT 1")
total() { ctl --json due "$1" | sed -n 's/.*"total": \([0-9]*\).*/\1/p' | tail -1; }
before=$(total "$CNP")

tui_start
tui_login ana 'correct horse battery'
tui_keys 4
check_screen "area 4 asks whose register" "CNP / CUI / AFM"
tui_type "$CNP"
tui_keys Enter
check_screen "the register opens" "$NAME"
check_screen "with what is due today" "Total due today"
check_screen "the obligations, with the home tax" "Impozit clădiri"
check_eq "opening it is audited" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE action = 'register.view' AND actor = 'ana'")"
tui_keys F5
check_screen "F5 takes a payment" "Take a payment"
tui_keys C-u
tui_type "50.00"
tui_keys Tab Right
check_screen "by card" "card"
tui_keys Left Enter
check_screen "a yes is asked first" "Take 50.00 cash?"
tui_keys y
check_screen "the receipt is printed" "receipt of payment"
check_screen "back on the register" "Total due today"
after=$(total "$CNP")
check_eq "the amount due dropped by 50.00" 5000 "$((before - after))"
check_eq "one cash payment by ana" "cash|ana|5000" \
    "$(sqlite3 "$DB" "SELECT channel, registered_by, amount FROM payment WHERE channel != 'bank'")"
RECEIPT=$(pdftotext -layout "$(cups_job_files | tail -1)" - 2>/dev/null)
check_contains "the receipt names the payer" "$NAME" "$RECEIPT"
check_contains "and the amount" "50.00" "$RECEIPT"
check_contains "and the RF reference of what it paid" "RF" "$RECEIPT"
tui_keys Tab
check_screen "Tab shows the payments" "cash"
tui_keys Escape
tui_keys 1
tui_type "$CNP"
tui_wait "$CNP" || true
tui_keys Enter
tui_wait "Citizen card" || true
tui_keys t
check_screen "T on the card opens the citizen's register" "Total due today"
finish
