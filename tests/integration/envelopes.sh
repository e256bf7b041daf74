#!/bin/sh
# Sealed envelopes through a real (private) CUPS: the printed PDF holds
# the citizen's name, the serial and a one-time password; the store holds
# only its hash; the password works once handed over, and once only
# before a new one is chosen; a replacement revokes it at once; a stopped
# or missing queue leaves the envelope unprinted and its credentials
# unusable.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
printf '[print]\nprinter = envelopes\n' >>"$CONF"
ctl init >/dev/null
ctl demo-data --taxpayers 40 >/dev/null
cups_start
cups_add_queue envelopes

# A registered citizen (Level A) from the demo.
read -r PID CNP <<EOT
$(sqlite3 -separator ' ' "$DB" "SELECT id, cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1")
EOT
NAME=$(sqlite3 "$DB" "SELECT given_names || ' ' || surname FROM person WHERE id = $PID")

run_ctl envelopes issue "$CNP"
check_eq "an envelope is issued and printed" 0 "$RC"
check_contains "the clerk is told the job" "printed (job" "$OUT"
SERIAL=$(echo "$OUT" | grep -oE 'ENV-[0-9]{4}-([0-9A-F]{6}-)?[0-9]{6}' | head -1)
JOB=$(echo "$OUT" | sed -n 's/.*(job \([0-9]*\)).*/\1/p')
PDF="$CUPS_DIR/jobs/job-$JOB.pdf"
check_eq "the printer received the PDF" yes "$([ -s "$PDF" ] && echo yes)"
TEXT=$(pdftotext -layout "$PDF" - 2>/dev/null)
check_contains "the envelope names the citizen with diacritics" "$NAME" "$TEXT"
check_contains "it shows the serial" "$SERIAL" "$TEXT"
USERNAME=$(sqlite3 "$DB" "SELECT username FROM credential WHERE person_id = $PID AND state = 'pending'")
check_contains "and the username" "$USERNAME" "$TEXT"
# The password: the 14 characters of the generator's alphabet that follow
# the password's label.
PW=$(echo "$TEXT" | grep -A2 -i "password\|parol" | grep -oE '[2-9a-km-zA-HJ-NP-Z]{14}' | head -1)
check_eq "a 14-character one-time password is printed" 14 "${#PW}"
check_eq "the store keeps only its scrypt hash" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM credential WHERE person_id = $PID AND password_hash LIKE '\$scrypt\$%'")"
check_eq "the password is nowhere in the database files" 0 \
    "$(cat "$DB" "$DB-wal" 2>/dev/null | grep -c -a -- "$PW")"
check_eq "nor in the log" 0 "$(grep -c -- "$PW" "$WORK/guichet.log")"
check_eq "nor in the audit" 0 "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE object || outcome LIKE '%$PW%'")"
check_eq "the spool keeps no copy of the job" "" "$(ls "$CUPS_DIR"/spool/d* 2>/dev/null)"

OUT=$(printf '%s\n' "$PW" | ctl citizen login "$USERNAME" 2>&1) && RC=0 || RC=$?
check_eq "before the hand-over the password does not work" 1 "$RC"

run_ctl envelopes hand-over "$SERIAL" --document ro-id-card --series cj \
    --number 123456 --issuer "SPCLEP Cluj" --expiry 2020-01-01
check_eq "an expired identity document is refused at hand-over" 1 "$RC"
check_contains "saying so" "expired" "$ERR"
run_ctl envelopes hand-over "$SERIAL" --document ro-id-card --series cj \
    --number 123456 --issuer "SPCLEP Cluj" --expiry 2030-01-01
check_eq "the envelope is handed over" 0 "$RC"

NEWPW='a fresh passphrase of mine'
OUT=$(printf '%s\n%s\n' "$PW" "$NEWPW" | ctl citizen login "$USERNAME" 2>&1) && RC=0 || RC=$?
check_eq "the one-time password logs in once" 0 "$RC"
check_contains "and forces a new password" "a new password must be chosen" "$OUT"
check_contains "which is set" "password changed" "$OUT"
OUT=$(printf '%s\n' "$PW" | ctl citizen login "$USERNAME" 2>&1) && RC=0 || RC=$?
check_eq "the one-time password never works again" 1 "$RC"
OUT=$(printf '%s\n' "$NEWPW" | ctl citizen login "$USERNAME" 2>&1) && RC=0 || RC=$?
check_eq "the citizen's own password works" "0 logged in" "$RC $OUT"

# A second envelope while the first is in use: the first keeps working
# until the second is handed over.
run_ctl envelopes issue "$CNP"
check_eq "a second envelope prints while the first is in use" 0 "$RC"
SERIAL2=$(echo "$OUT" | grep -oE 'ENV-[0-9]{4}-([0-9A-F]{6}-)?[0-9]{6}' | head -1)
OUT=$(printf '%s\n' "$NEWPW" | ctl citizen login "$USERNAME" 2>&1) && RC=0 || RC=$?
check_eq "the login in use still works" "0 logged in" "$RC $OUT"
run_ctl --json envelopes hand-over "$SERIAL2" --document ro-id-card --series cj \
    --number 123456 --issuer "SPCLEP Cluj" --expiry 2030-01-01
check_contains "the second is handed over (JSON shows it now)" '"state": "handed-over"' "$OUT"
OUT=$(printf '%s\n' "$NEWPW" | ctl citizen login "$USERNAME" 2>&1) && RC=0 || RC=$?
check_eq "and the first login stops working" 1 "$RC"
SERIAL=$SERIAL2

# The citizen reports the credentials exposed: revoked at once.
run_ctl envelopes replace "$SERIAL" --reason "password seen by a neighbour"
check_eq "a replacement is issued and printed" 0 "$RC"
OUT=$(printf '%s\n' "$NEWPW" | ctl citizen login "$USERNAME" 2>&1) && RC=0 || RC=$?
check_eq "the old credentials stop working at once" 1 "$RC"
check_eq "the credential of the handed-over envelope is revoked with the reason" "revoked|password seen by a neighbour" \
    "$(sqlite3 "$DB" "SELECT c.state, c.revoke_reason FROM credential c JOIN envelope e ON e.credential_id = c.id WHERE e.serial = '$SERIAL'")"
check_eq "the old envelope is marked unsealed, with the reason" "unsealed|password seen by a neighbour" \
    "$(sqlite3 "$DB" "SELECT state, reason FROM envelope WHERE serial = '$SERIAL'")"

# A stopped queue: nothing printed, nothing usable, a clear message.
read -r PID2 CNP2 <<EOT
$(sqlite3 -separator ' ' "$DB" "SELECT id, cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1 OFFSET 1")
EOT
cups_stop_queue envelopes
jobs_before=$(cups_job_files | wc -l)
run_ctl envelopes issue "$CNP2"
check_eq "a stopped queue refuses" 1 "$RC"
check_contains "with a message that says so" "stopped" "$ERR"
check_eq "the envelope waits as print-failed" print-failed \
    "$(sqlite3 "$DB" "SELECT state FROM envelope WHERE person_id = $PID2")"
check_eq "with no credential" 0 "$(sqlite3 "$DB" "SELECT COUNT(*) FROM credential WHERE person_id = $PID2")"
check_eq "and no job reached the printer" "$jobs_before" "$(cups_job_files | wc -l)"
cupsenable envelopes
run_ctl envelopes print --pending
check_eq "once the queue runs again, the batch prints it" 0 "$RC"
check_contains "and reports it" "1 printed, 0 failed" "$OUT"
check_eq "now printed" printed "$(sqlite3 "$DB" "SELECT state FROM envelope WHERE person_id = $PID2")"

# Not handed over in time: expired, and its credentials with it.  The
# test moves the deadline into the past instead of waiting a day.
sqlite3 "$DB" "UPDATE envelope SET expires_at = '2000-01-01T00:00:00Z' WHERE person_id = $PID2"
run_ctl envelopes list "$CNP2"
check_contains "an envelope past its time is listed as expired" "expired" "$OUT"
check_eq "and its credentials are revoked" "revoked|envelope expired" \
    "$(sqlite3 "$DB" "SELECT state, revoke_reason FROM credential WHERE person_id = $PID2")"
run_ctl envelopes hand-over "$(sqlite3 "$DB" "SELECT serial FROM envelope WHERE person_id = $PID2")" \
    --document ro-id-card --series cj --number 654321 --issuer "SPCLEP Cluj" --expiry 2030-01-01
check_eq "an expired envelope cannot be handed over" 1 "$RC"

run_ctl envelopes issue --printer nosuchqueue "$CNP2"
check_eq "a missing queue refuses" 1 "$RC"
check_contains "naming it" "does not exist" "$ERR"
finish
