#!/bin/sh
# At the counter (Romanian profile): an invalid CNP is refused with its
# reason and nothing is stored; Ștefan Țărână is registered, found as
# "stefan", validated with an ID card (Level B), and the validation is
# revoked with a reason.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro en
ctl init >/dev/null
ctl demo-data --taxpayers 50 >/dev/null
add_staff ana clerk 'correct horse battery'

tui_start
tui_login ana 'correct horse battery'
check_screen "the main screen" "Citizens"
tui_keys 1
check_screen "the citizens search opens" "Search"
tui_keys F3
check_screen "F3 opens the registration form" "New citizen — page 1 of 2"

# A CNP with a wrong check digit: refused next to its field.
tui_type 1800101221145
tui_keys Tab
tui_type "Țărână"
tui_keys Tab
tui_type "Ștefan"
tui_keys Enter
check_screen "a bad CNP is refused with its reason" "CNP: the check digit does not match"
check_screen "and the field is marked" "✗"
check_eq "nothing is stored" 0 "$(sqlite3 "$DB" "SELECT COUNT(*) FROM person WHERE surname = 'Țărână'")"
check_eq "the refusal is audited" 1 "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE action = 'person.register' AND outcome LIKE 'refused%'")"

# Correct the CNP: the cursor is on it, and the form kept everything else.
tui_keys BSpace
tui_type 4
tui_keys Tab Tab Tab Tab Tab
tui_type "0722 123 456"
tui_keys PageDown
check_screen "page 2 is the address" "page 2 of 2"
tui_type "Cluj-Napoca"
tui_keys Tab Tab
tui_type "Strada Memorandumului"
tui_keys Tab
tui_type "28"
tui_keys Tab Tab Tab Tab Tab
tui_type "400114"
tui_keys Enter
check_screen "the new citizen's card opens" "Țărână Ștefan · 1800101••••44 · Level A"
check_screen "with the birth date from the CNP" "01/01/1980"
check_eq "Ștefan is stored exactly as typed" "Țărână|Ștefan|1980-01-01|standard" \
    "$(sqlite3 "$DB" "SELECT surname, given_names, birth_date, level FROM person WHERE cnp = '1800101221144'")"

# Search without diacritics, in lower case.
tui_keys Escape
check_screen "back to the search" "Search"
tui_type "stefan tar"
check_screen "'stefan tar' finds Ștefan Țărână" "Țărână Ștefan"
tui_keys Enter
check_screen "Enter opens the first result" "Citizen card"

# Validate with a Romanian ID card.
tui_keys v
check_screen "the validation form" "Validate identity in person"
tui_document cj 123456 "SPCLEP Cluj-Napoca" 01.01.2020
check_screen "an expired document is refused" "expired"
check_eq "and the account is still Level A" standard "$(sqlite3 "$DB" "SELECT level FROM person WHERE cnp = '1800101221144'")"
tui_keys C-u
tui_type "01.01.2030"
tui_keys Enter
check_screen "confirmation spells out the consequence" "moves to Level B"
tui_keys Enter
check_screen "Enter at the question means no" "Cancelled; nothing changed"
tui_keys Enter
tui_keys y
check_screen "yes validates" "is validated (Level B)"
check_screen "the card shows Level B" "· Level B"
check_screen "and how it was reached" "in person at the counter"
check_eq "the document is stored normalised" "ro-id-card|CJ|123456|ana" \
    "$(sqlite3 "$DB" "SELECT doc_type, doc_series, doc_number, validated_by FROM validation v JOIN person p ON p.id = v.person_id WHERE p.cnp = '1800101221144'")"
check_eq "the audit names the citizen the clerk acted for" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit a JOIN person p ON a.on_behalf = 'person:' || p.id WHERE p.cnp = '1800101221144' AND a.action = 'person.validate' AND a.outcome = 'ok' AND a.actor = 'ana'")"

# Revoke, with a reason.
tui_keys x
check_screen "revoking asks why" "Why is the validation revoked"
tui_type "document reported stolen"
tui_keys Enter
check_screen "and asks to confirm" "goes back to"
tui_keys y
check_screen "the account is back at Level A" "· Level A"
check_eq "the validation is revoked, not deleted" "document reported stolen" \
    "$(sqlite3 "$DB" "SELECT revoke_reason FROM validation v JOIN person p ON p.id = v.person_id WHERE p.cnp = '1800101221144'")"

# Registering the same CNP again opens the existing card.
tui_keys Escape
tui_keys F3
tui_type 1800101221144
tui_keys Tab
tui_type "Altul"
tui_keys Tab
tui_type "Cineva"
tui_keys PageDown
tui_type "Cluj-Napoca"
tui_keys Tab Tab
tui_type "Strada Lungă"
tui_keys Tab
tui_type "1"
tui_keys Tab Tab Tab Tab Tab
tui_type "400001"
tui_keys Enter
check_screen "a known CNP opens the existing card" "already registered"
check_screen "which is Ștefan's" "Țărână Ștefan"
check_eq "no second record" 1 "$(sqlite3 "$DB" "SELECT COUNT(*) FROM person WHERE cnp = '1800101221144'")"

# The registration queue lists the demo's requests, overdue ones marked.
tui_keys Escape
tui_keys F4
check_screen "F4 shows the registration queue" "Registration requests waiting"
check_screen "overdue requests are marked with a word" "OVERDUE"
tui_keys F10
check_screen "F10 quits" "[exited 0]"
finish
