#!/bin/sh
# A business acts through a validated legal representative: the clerk
# registers the business, a Level A citizen is refused as representative,
# and accepted once validated.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro en
ctl init >/dev/null
ctl demo-data --taxpayers 20 >/dev/null
add_staff ana clerk 'correct horse battery'
CNP=$(sqlite3 "$DB" 'SELECT cnp FROM person ORDER BY id LIMIT 1 OFFSET 15')
SURNAME=$(sqlite3 "$DB" "SELECT surname FROM person WHERE cnp = '$CNP'")

tui_start
tui_login ana 'correct horse battery'
tui_keys 6
check_screen "the businesses area opens" "A name, or a CUI / AFM"
tui_keys F3
check_screen "the new business form" "New business"
tui_type "RO18547291"
tui_keys Tab
tui_type "Brutăria Ștefan SRL"
tui_keys Enter
check_screen "a wrong CUI is refused with its reason" "CUI:"
check_eq "nothing is stored" 0 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM business')"
tui_keys Up
tui_keys BSpace
tui_type 0
tui_keys Tab Tab
tui_type "Cluj-Napoca"
tui_keys Tab
tui_type "Strada Horea"
tui_keys Tab
tui_type "5"
tui_keys Tab
tui_type "400174"
tui_keys Tab
tui_type "contabil@brutaria.example"
tui_keys Enter
check_screen "the business card opens" "Brutăria Ștefan SRL · CUI 18547290"
check_screen "with no representative yet" "None yet"

tui_keys a
check_screen "the add form" "Declaration date"
tui_type "$CNP"
tui_keys Tab
tui_type "20.11.2026"
tui_keys Tab
tui_type "DS-2026/118"
tui_keys Enter
check_screen "confirmation" "Please confirm"
tui_keys y
check_screen "a Level A citizen is refused" "Only a validated person"
check_eq "nothing recorded" 0 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM representative')"
tui_keys Escape Escape Escape

# Validate the citizen, then try again.
tui_keys 1
tui_type "$CNP"
check_screen "the citizen is found" "$SURNAME"
tui_keys Enter v
tui_document CJ 654321 "SPCLEP Cluj-Napoca" 01.01.2031
tui_keys y
check_screen "validated" "· Level B"
tui_keys Escape Escape
tui_keys 6
tui_type "brutaria"
check_screen "found without diacritics" "Brutăria Ștefan SRL"
tui_keys Enter
tui_keys a
tui_type "$CNP"
tui_keys Tab
tui_type "20.11.2026"
tui_keys Tab
tui_type "DS-2026/118"
tui_keys Enter y
check_screen "the representative is recorded" "now represents"
check_screen "and listed" "DS-2026/118"
check_eq "the store holds it" "DS-2026/118|2026-11-20|ana" \
    "$(sqlite3 "$DB" 'SELECT document_ref, declaration_date, recorded_by FROM representative')"
tui_keys x
check_screen "ending asks first" "End the representation"
tui_keys y
check_screen "ended" "The representation is ended"
check_eq "the store keeps it, ended" 1 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM representative WHERE ended_at IS NOT NULL')"
finish
