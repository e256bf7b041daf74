#!/bin/sh
# A business declares a quarter's gross receipts and pays the fee in the
# same step: the fee, the charge for declaring late (capped at the fee),
# one payment, the receipt printed; the quarter is not declared twice;
# its register shows the fee paid.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
printf '[print]\nprinter = receipts\n' >>"$CONF"
ctl init >/dev/null
add_staff ana clerk 'correct horse battery'
cups_start
cups_add_queue receipts
OLD=$(( $(date +%Y) - 10 ))
# The screen offers the quarter that ended last; Left steps back to Q1.
MONTH=$(date +%-m)
BACK=$(( MONTH <= 3 ? 3 : (MONTH - 1) / 3 - 1 ))
to_q1() { i=0; while [ $i -lt $BACK ]; do tui_keys Left; i=$((i + 1)); done; }

tui_start
tui_login ana 'correct horse battery'
tui_keys 6
tui_wait "A name, or a CUI / AFM" || true
tui_new_business
check_screen "the business card" "Brutăria Ștefan SRL · CUI 18547290"
tui_keys d
check_screen "D opens the declaration" "Declare gross receipts"
tui_keys BTab
to_q1
tui_keys BTab
tui_keys C-u
tui_type "$OLD"
tui_keys Tab Tab
tui_type "12345.67"
tui_keys Enter
# 1 % of 12,345.67 is 123.46; ten years late, the charge is capped at it.
check_screen "the fee and the capped late charge are shown" \
    "fee 123.46, late charge 123.46. Take 246.92 cash"
tui_keys y
check_screen "declared and paid, receipt printed" "is declared and paid"
check_eq "the declaration is kept with its payment" "1|12345.67|12346|12346|24692" \
    "$(sqlite3 "$DB" "SELECT d.quarter, printf('%.2f', d.gross / 100.0), d.fee, d.charge, p.amount FROM declaration d JOIN payment p ON p.id = d.payment_id")"
RECEIPT=$(pdftotext -layout "$(cups_job_files | tail -1)" - 2>/dev/null)
check_contains "the receipt names the business" "Brutăria Ștefan SRL" "$RECEIPT"
check_contains "and the fee" "Fee on gross receipts" "$RECEIPT"
tui_keys d
tui_wait "Declare gross receipts" || true
tui_keys BTab
to_q1
tui_keys BTab
tui_keys C-u
tui_type "$OLD"
tui_keys Tab Tab
tui_type "100.00"
tui_keys Enter y
check_screen "the same quarter is not declared twice" "is declared already"
check_eq "and no second payment was taken" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM payment")"
tui_keys Escape y
tui_wait "Brutăria" || true
tui_keys t
check_screen "T opens the business's register" "Fee on gross receipts"
check_screen "with nothing left due" "Total due today: 0.00 lei"
# The treasury's feed names the warrants the town hall paid it.
printf '%s\n' '# guichet register feed' \
    'warrant,OP-2026-77,RO18547290,2026-03-02,4200.00,"Pâine pentru cantina școlii, martie",2026-03-20' \
    'warrant,OP-2026-91,RO18547290,2026-04-02,1234.50,Pâine aprilie,' >"$WORK/feed.csv"
run_ctl import-register "$WORK/feed.csv"
check_eq "the warrants are imported" "2 records, 0 refused, 2 changed" "$OUT"
tui_keys Enter
tui_wait "refreshed" || true
tui_keys Tab Tab
check_screen "Enter reads it again; Tab Tab lists the warrants issued to it" \
    "Pâine pentru cantina școlii"
check_screen "an unpaid one says so" "(not paid yet)"
tui_keys Escape
check_screen "Esc goes back to the business card" "CUI 18547290"
finish
