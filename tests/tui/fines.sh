#!/bin/sh
# Fines at the counter: a parking fine not yet recorded is registered,
# paid at the amount of the day (half, within 15 days of the report) and
# its receipt printed; paid once; another municipality's fine, or a
# number with the wrong plate, is refused with the reason.  At the kiosk
# anyone looks a fine up and is told where to pay it.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
printf '[print]\nprinter = receipts\n' >>"$CONF"
ctl init >/dev/null
add_staff ana clerk 'correct horse battery'
cups_start
cups_add_queue receipts
TODAY=$(date +%d.%m.%Y)
OLD=$(date -d '40 days ago' +%d.%m.%Y)

tui_start
tui_login ana 'correct horse battery'
tui_keys 5
check_screen "area 5 is the fines" "Type what the report says"
check_screen "our municipality's code is filled in" "54975"
tui_type "PL-2026-0001"
tui_keys Tab
tui_type "cj 12  abc"
tui_keys Tab
tui_type "$TODAY 10:30"
tui_keys Enter
check_screen "a fine not recorded says so, and how to register it" \
    "F3 registers it"
tui_keys F3
check_screen "F3 registers it" "Fine PL-2026-0001 is registered"
check_screen "shown with its amount and today's, halved within 15 days" \
    "200.00 · to pay today: 100.00"
check_eq "stored with the plate as written on cars" "CJ 12 ABC|parking|20000" \
    "$(sqlite3 "$DB" "SELECT plate, type, amount FROM fine")"
tui_keys F5
check_screen "a yes is asked" "Take 100.00 cash?"
tui_keys y
check_screen "the receipt is printed" "receipt of fine PL-2026-0001"
check_screen "and the fine shows paid" "Paid on"
check_eq "paid once, at the day's amount" "1|10000|cash" \
    "$(sqlite3 "$DB" "SELECT COUNT(*), amount, channel FROM fine_payment")"
RECEIPT=$(pdftotext -layout "$(cups_job_files | tail -1)" - 2>/dev/null)
check_contains "the receipt names the plate" "CJ 12 ABC" "$RECEIPT"
check_contains "and the kind" "Parking where it is not allowed" "$RECEIPT"
tui_keys F6
check_screen "a paid fine is not paid again" "is paid already"

# The same number with another plate does not open it.  (The cursor is
# in the date's field: Shift-Tab goes back one field.)
tui_keys BTab
tui_keys C-u
tui_type "B 99 XYZ"
tui_keys Enter
check_screen "a number with the wrong plate is refused" "another plate or time"

# An old fine costs its whole amount.
tui_keys BTab
tui_keys C-u
tui_type "PL-2026-0002"
tui_keys Tab
tui_keys C-u
tui_type "CJ 34 DEF"
tui_keys Tab
tui_keys C-u
tui_type "$OLD 08:00"
tui_keys Enter F3
check_screen "40 days after the report, the whole amount" \
    "200.00 · to pay today: 200.00"

# Another municipality's fine is paid there.
tui_keys BTab BTab BTab
tui_keys C-u
tui_type "12345"
tui_keys Enter
check_screen "another municipality's fine is refused" "another municipality"
check_eq "and nothing of it was stored" 2 "$(sqlite3 "$DB" "SELECT COUNT(*) FROM fine")"
tui_stop

# At the kiosk anyone looks a fine up, with all three of the report's
# details, and is told where to pay; nothing is registered or paid there.
tui_start -- --kiosk
tui_keys 3 a 8
check_screen "the kiosk looks fines up" "Look up a fine"
check_lacks "without the counter's kinds" "Kind" "$(tui_screen)"
tui_type "PL-2026-0002"
tui_keys Tab
tui_type "CJ34DEF"
tui_keys Enter
check_screen "the date and time are asked for" "Date and time: as on the report"
tui_keys Tab
tui_type "$OLD 08:00"
tui_keys Enter
check_screen "the fine with what it costs today" "to pay today: 200.00"
check_screen "and where to pay it" "Pay it at the counter"
tui_keys F3 F5 F6
check_eq "the kiosk neither registers nor takes payments" "2|1" \
    "$(sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM fine), (SELECT COUNT(*) FROM fine_payment)")"
tui_keys C-u
tui_type "$TODAY 08:00"
tui_keys Enter
check_screen "another time does not open it, nor says the number is used" \
    "is not recorded yet"
check_lacks "and shows nothing of it" "200.00" "$(tui_screen)"
check_eq "the attempt is audited" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE action = 'fine.lookup' AND outcome = 'refused: not found'")"
tui_keys BTab BTab
tui_keys C-u
tui_type "PL-2026-0001"
tui_keys Tab
tui_keys C-u
tui_type "CJ 12 ABC"
tui_keys Tab
tui_keys C-u
tui_type "$TODAY 10:30"
tui_keys Enter
check_screen "a paid fine shows paid" "Paid on"
check_lacks "with nothing left to pay" "Pay it at the counter" "$(tui_screen)"
tui_keys Escape
check_screen "Esc goes back to the kiosk's menu" "Look up a fine"
check_screen "the menu" "Apply for an account"
finish
