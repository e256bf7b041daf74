#!/bin/sh
# At a Greek town hall: a citizen with AFM and AMKA is registered, found
# without accents, and validated with a police ID whose letters were typed
# as look-alike Latin letters.
. "$TESTS_SRCDIR/lib.sh"
write_conf gr en
ctl init >/dev/null
add_staff eleni clerk 'correct horse battery'

tui_start
tui_login eleni 'correct horse battery'
tui_keys 1
check_screen "the citizens search opens" "Search"
tui_keys F3
check_screen "the Greek form asks for AFM and AMKA" "AMKA"
tui_type 094259216
tui_keys Tab
tui_type 01013099998
tui_keys Tab
tui_type "Παπαδόπουλος"
tui_keys Tab
tui_type "Γιώργος"
tui_keys Enter
check_screen "a wrong AMKA is refused with its reason" "AMKA:"
check_eq "nothing is stored" 0 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM person')"
tui_keys BSpace
tui_type 7
tui_keys PageDown
tui_type "Χερσόνησος"
tui_keys Tab Tab
tui_type "Οδός Ελευθερίας"
tui_keys Tab
tui_type "12Α"
tui_keys Tab Tab Tab Tab Tab
tui_type "700 14"
tui_keys Enter
check_screen "the card opens, Greek name exact" "Παπαδόπουλος Γιώργος"
check_screen "with the birth date from the AMKA" "01/01/1930"
check_eq "stored as typed, postal code without the blank" "Παπαδόπουλος|Γιώργος|094259216|01013099997|70014" \
    "$(sqlite3 "$DB" 'SELECT surname, given_names, afm, amka, postal_code FROM person')"

tui_keys Escape
tui_type "παπαδοπουλος γιωργ"
check_screen "found without accents, final sigma typed" "Παπαδόπουλος Γιώργος"
tui_keys C-u
tui_type "0942"
check_screen "found by AFM prefix" "Παπαδόπουλος Γιώργος"
tui_keys Enter
tui_keys v
check_screen "the Greek document list" "Greek identity card"
tui_keys Tab
tui_type "ab"
tui_keys Tab
tui_type "123456"
tui_keys Tab
tui_type "Τ.Α. Ηρακλείου"
tui_keys Tab
tui_type "31.12.2031"
tui_keys Enter
check_screen "a document without address needs the proof" "Address proof: this document shows no address"
tui_type "λογαριασμός ΔΕΗ"
tui_keys Enter
check_screen "confirmation" "Please confirm"
tui_keys y
check_screen "validated" "· Level B"
check_eq "Latin look-alikes are stored as Greek letters" "gr-id-card|ΑΒ|123456|λογαριασμός ΔΕΗ" \
    "$(sqlite3 "$DB" 'SELECT doc_type, doc_series, doc_number, address_proof FROM validation')"
finish
