#!/bin/sh
# Council decisions in real terminals: at the kiosk a visitor finds one by
# a word typed without accents, opens it and prints it (and may not save
# it); in Greek a Greek title is found the same way; at the counter a
# clerk finds one by number (area 7), opens it and saves its PDF to a
# file, byte for byte, never over an existing one.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
printf '[print]\nprinter = kiosk\n' >>"$CONF"
ctl init >/dev/null
add_staff ana clerk 'correct horse battery'
make_pdf "$WORK/buget.pdf" "Bugetul local pe 2026"
make_pdf "$WORK/piata.pdf" "Plateia Eleftherias"
make_pdf "$WORK/taxe.pdf" "Taxe locale"
ctl decisions import --number 12/2026 --title "Hotărâre privind aprobarea \
bugetului local al municipiului pe anul 2026" --date 2026-03-01 \
    "$WORK/buget.pdf" >/dev/null
ctl decisions import --number 7/2026 --title "Απόφαση για την ανάπλαση της \
πλατείας Ελευθερίας" --date 2026-05-15 "$WORK/piata.pdf" >/dev/null
ctl decisions import --number 3/2025 --title "Hotărâre privind taxele \
locale" --date 2025-01-20 "$WORK/taxe.pdf" >/dev/null
if ! cups_start; then
	not_ok "cupsd starts"
	finish
fi
cups_add_queue kiosk

# At the kiosk, as a visitor, in English.
tui_start -- --kiosk
tui_wait "Bun venit" || true
check_screen "the start screen says a visitor may search decisions" \
    "council's decisions"
tui_keys 3 a
check_screen "a visitor's menu offers the decisions" "7  Council decisions"
tui_keys 7
check_screen "the decisions screen opens with the latest" "7/2026"
check_screen "its keys are shown" "P Print"
check_lacks "the kiosk offers no saving" "S Save" "$(tui_screen)"
tui_type "hotarare BUGET"
tui_keys Enter
check_screen "a word typed without accents finds the decision" "12/2026"
check_lacks "and only it" "3/2025" "$(tui_screen)"
tui_keys Down Enter
check_screen "Enter opens it" "Decision 12/2026 of 01/03/2026"
check_screen "with its whole title" "municipiului pe anul 2026"
check_screen "its keys are those of one decision" "P Print  F1 Help  Esc Back"
check_lacks "not the search's" "Search/Open" "$(tui_screen)"
tui_keys s
check_lacks "S does not save at the kiosk" "Save to file" "$(tui_screen)"
jobs_before=$(cups_job_files | wc -l)
tui_keys p
check_screen "P prints it" "Decision 12/2026 is printed" 30
i=0
while [ "$(cups_job_files | wc -l)" -le "$jobs_before" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
check_contains "the decision's PDF reached the printer" "Bugetul local" \
    "$(pdftotext "$(cups_job_files | tail -1)" - 2>/dev/null)"
tui_keys F1
check_screen "F1 explains the screen" "Help: Council decisions"
tui_keys Escape Escape Escape
check_screen "Esc goes back to the menu" "Without an account"

# In Greek: a Greek title found without its accents.
tui_keys F10
tui_wait "Bun venit" || true
tui_keys 2 a 7
check_screen "the screen in Greek" "7/2026"
tui_type "αναπλαση πλατειας"
tui_keys Enter
check_screen "Greek words without accents find the Greek title" \
    "Απόφαση για την ανάπλαση"
check_lacks "and nothing else" "12/2026" "$(tui_screen)"
tui_keys F10
tui_stop

# At the counter: area 7, by number, saved to a file.
tui_start
tui_login ana 'correct horse battery'
check_screen "the counter lists the decisions as area 7" "7  Council decisions"
check_lacks "built" "Council decisions (not built yet)" "$(tui_screen)"
tui_keys 7
check_screen "the decisions screen opens" "Words of the title"
check_screen "the counter may save" "S Save"
tui_keys Tab
tui_type "3/2025"
tui_keys Enter
check_screen "a decision found by its number" "Hotărâre privind taxele locale"
check_lacks "and only it" "12/2026" "$(tui_screen)"
tui_keys Down Enter
check_screen "opened" "Decision 3/2025 of 20/01/2025"
check_screen "with the keys of one decision" "P Print  S Save  F1 Help  Esc Back"
check_lacks "and not the search's" "Search/Open" "$(tui_screen)"
tui_keys s
check_screen "S asks where to save it" "Save to file"
check_screen "with the prompt's keys" "Enter Save  Esc Cancel"
tui_keys C-u
tui_type "$WORK/saved.pdf"
tui_keys Enter
check_screen "the PDF is saved" "Decision 3/2025 is saved to"
if cmp -s "$WORK/taxe.pdf" "$WORK/saved.pdf"; then
	ok "the file saved is the one imported, byte for byte"
else
	not_ok "the file saved is the one imported, byte for byte"
fi
tui_keys s C-u
tui_type "$WORK/saved.pdf"
tui_keys Enter
check_screen "an existing file is not overwritten" "exists already"
tui_keys Escape
check_screen "Esc leaves the prompt unsaved" "S saves its PDF to a file"
check_screen "the decision's keys are back" "P Print  S Save  F1 Help  Esc Back"
check_eq "the saving is audited" "ana decision:3/2025 ok
ana decision:3/2025 refused: already exists" \
    "$(sqlite3 -separator ' ' "$DB" "SELECT actor, object, outcome FROM \
audit WHERE action = 'decision.save' ORDER BY id")"
tui_keys Escape
check_screen "Esc goes back to the search, with its keys" "Enter Search/Open"
tui_keys Escape
check_screen "Esc goes back to the counter" "Choose an area"
tui_keys F10
finish
