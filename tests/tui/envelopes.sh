#!/bin/sh
# At the counter: the clerk prints a credential envelope for a citizen,
# never sees the password, hands the envelope over against the identity
# document, and revokes it when the citizen reports it found open.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
printf '[print]\nprinter = envelopes\n' >>"$CONF"
ctl init >/dev/null
ctl demo-data --taxpayers 30 >/dev/null
add_staff ana clerk 'correct horse battery'
cups_start
cups_add_queue envelopes
read -r PID CNP <<EOT
$(sqlite3 -separator ' ' "$DB" "SELECT id, cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1")
EOT
SURNAME=$(sqlite3 "$DB" "SELECT surname FROM person WHERE id = $PID")

tui_start
tui_login ana 'correct horse battery'
tui_keys 1
tui_type "$CNP"
check_screen "the citizen is found" "$SURNAME"
tui_keys Enter
tui_keys e
check_screen "the envelopes screen" "No envelope yet"
tui_keys n
check_screen "N prints an envelope" "printed (job"
check_screen "listed as printed" "printed, not handed over"
PDF=$(cups_job_files | head -1)
PW=$(pdftotext -layout "$PDF" - | grep -A2 -i "password\|parol" | grep -oE '[2-9a-km-zA-HJ-NP-Z]{14}' | head -1)
check_eq "the printed envelope holds a password" 14 "${#PW}"
check_lacks "which the screen never shows" "$PW" "$(tui_screen)"

tui_keys h
check_screen "hand-over asks for the document" "Hand over: check the citizen's identity document"
tui_document CJ 123456 "SPCLEP Cluj-Napoca" 01.01.2030
check_screen "and a confirmation" "Its credentials"
tui_keys y
check_screen "the envelope is handed over" "handed over; its credentials work now"
check_eq "the credential is active" active \
    "$(sqlite3 "$DB" "SELECT state FROM credential WHERE person_id = $PID")"

tui_keys u
check_screen "reporting it unsealed asks what happened" "What happened?"
tui_type "envelope found open"
tui_keys Enter
check_screen "and confirms" "Revoke the credentials"
tui_keys y
check_screen "a replacement is printed" "printed (job"
check_eq "the first credential is revoked" "revoked|envelope found open" \
    "$(sqlite3 "$DB" "SELECT state, revoke_reason FROM credential WHERE person_id = $PID ORDER BY id LIMIT 1")"
check_eq "two envelopes, the first unsealed" "unsealed printed" \
    "$(sqlite3 "$DB" "SELECT state FROM envelope WHERE person_id = $PID ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
OUT=$(printf '%s\n' "$PW" | ctl citizen login "$(sqlite3 "$DB" "SELECT username FROM credential WHERE person_id = $PID ORDER BY id LIMIT 1")" 2>&1) && RC=0 || RC=$?
check_eq "the old password no longer works" 1 "$RC"

# A supervisor prints the envelopes that wait, in one batch.
add_staff sofia supervisor 'another fine passphrase'
for cnp in $(sqlite3 "$DB" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 2 OFFSET 1"); do
	ctl envelopes issue --no-print "$cnp" >/dev/null
done
tui_stop
tui_start
tui_login sofia 'another fine passphrase'
tui_keys 2
check_screen "the credentials area offers the batch" "Prints every envelope waiting"
tui_keys Enter
check_screen "the batch shows its progress" "2/2"
check_screen "and its result" "2 printed, 0 failed."
check_eq "both envelopes are printed" 2 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM envelope WHERE state = 'printed' AND created_by LIKE 'guichetctl:%'")"
finish
