#!/bin/sh
# Signed audit checkpoints (Ed25519): the station's key made by init,
# checkpoints signed on demand, exported for keeping off the machine, and
# held against the trail: an edited row, a deleted row, a cut tail and a
# re-signed rewrite after an export are each reported.  The registry's
# daily seal is signed the same way.
. "$TESTS_SRCDIR/lib.sh"
write_conf
ctl init >/dev/null
KEY="$DB.key"
check_eq "init makes the station's signing key, for its owner alone" 600 \
    "$(stat -c %a "$KEY")"
check_contains "an Ed25519 key" "ED25519" \
    "$(openssl pkey -in "$KEY" -noout -text 2>&1 | head -1)"
add_staff ana clerk 'correct horse battery'
add_staff bob supervisor 'another fine passphrase'

run_ctl audit checkpoint
check_eq "a checkpoint is signed on demand" 0 "$RC"
check_contains "covering the trail as it is" "Checkpoint signed: 2 rows" "$OUT"
run_ctl audit verify
check_eq "the trail verifies with it" 0 "$RC"
check_contains "saying the checkpoint matches" "1 signed checkpoint matches" "$OUT"
check_eq "it is kept in the store" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_checkpoint WHERE size = 2")"
ERR=$(sqlite3 "$DB" "DELETE FROM audit_checkpoint" 2>&1)
check_contains "and the store refuses to remove it" "never removed" "$ERR"
# Its signature is the key's: checked with the openssl command alone.
line=$(sqlite3 "$DB" "SELECT size, head, at, public, signature FROM audit_checkpoint LIMIT 1")
IFS='|' read -r size head at public signature <<EOF
$line
EOF
printf 'guichet audit checkpoint 1\nsize %s\nhead %s\nat %s\n' "$size" "$head" "$at" >"$WORK/msg"
printf '%s' "$signature" | base64 -d >"$WORK/sig"
openssl pkey -in "$KEY" -pubout -out "$WORK/pub.pem" 2>/dev/null
check_contains "openssl agrees the signature is the station's" "Signature Verified Successfully" \
    "$(openssl pkeyutl -verify -pubin -inkey "$WORK/pub.pem" -rawin -in "$WORK/msg" -sigfile "$WORK/sig" 2>&1)"

for i in 1 2 3 4 5; do add_staff "clerk$i" clerk "a long enough passphrase $i"; done
run_ctl audit export "$WORK/export.txt"
check_eq "the checkpoints are exported" 0 "$RC"
check_eq "every one, the last covering the whole trail" \
    "2 $(sqlite3 "$DB" "SELECT MAX(id) - 1 FROM audit")" \
    "$(grep '^checkpoint' "$WORK/export.txt" | cut -d' ' -f2 | tr '\n' ' ' | sed 's/ $//')"
run_ctl audit export "$WORK/export.txt"
check_eq "an export never replaces a file" 1 "$RC"
run_ctl audit verify --against "$WORK/export.txt"
check_eq "the trail verifies against the export" 0 "$RC"

# Each tampering on its own copy of the store (and its key).
copy() {
	cp "$DB" "$WORK/$1.db"
	cp "$KEY" "$WORK/$1.db.key"
}
verify_copy() {
	run_ctl -d "$WORK/$1.db" audit verify --against "$WORK/export.txt"
}

copy edited
sqlite3 "$WORK/edited.db" "DROP TRIGGER audit_rows_are_never_changed;
    UPDATE audit SET actor = 'eve' WHERE id = 4"
verify_copy edited
check_eq "an edited row is reported" 1 "$RC"
check_contains "by its number" "row 4 is broken" "$ERR"

copy deleted
sqlite3 "$WORK/deleted.db" "DROP TRIGGER audit_rows_are_never_deleted;
    DELETE FROM audit WHERE id = 3"
verify_copy deleted
check_eq "a deleted row is reported" 1 "$RC"
check_contains "as missing" "row is missing" "$ERR"

copy cut
size=$(grep '^checkpoint' "$WORK/export.txt" | tail -1 | cut -d' ' -f2)
sqlite3 "$WORK/cut.db" "DROP TRIGGER audit_rows_are_never_deleted;
    DROP TRIGGER audit_checkpoint_never_removed;
    DELETE FROM audit WHERE id > $size - 3; DELETE FROM audit_checkpoint"
run_ctl -d "$WORK/cut.db" audit verify
check_eq "a cut tail leaves a chain that holds on its own" 0 "$RC"
verify_copy cut
check_eq "but not against the export" 1 "$RC"
check_contains "which says rows were removed" "rows were removed after it" "$ERR"

# A rewrite: the store put back to a backup taken before the export,
# then other operations, then signed anew with the station's own key.
copy rewritten
sqlite3 "$WORK/rewritten.db" "DROP TRIGGER audit_rows_are_never_deleted;
    DROP TRIGGER audit_checkpoint_never_removed;
    DELETE FROM audit WHERE id > 4; DELETE FROM audit_checkpoint WHERE size > 4"
for i in 1 2 3 4 5 6 7 8; do
	printf 'other passphrase %s ok\n' "$i" | ctl -d "$WORK/rewritten.db" \
	    staff add --role clerk --password-stdin "mallory$i" >/dev/null
done
run_ctl -d "$WORK/rewritten.db" audit checkpoint
run_ctl -d "$WORK/rewritten.db" audit verify
check_eq "a re-signed rewrite verifies on its own" 0 "$RC"
verify_copy rewritten
check_eq "but not against the export" 1 "$RC"
check_contains "which names the row that differs" "differs from the checkpoint" "$ERR"

sed 's/^\(checkpoint [0-9]* [0-9a-f]*\) [^ ]*/\1 2030-01-01T00:00:00Z/' \
    "$WORK/export.txt" >"$WORK/forged.txt"
run_ctl audit verify --against "$WORK/forged.txt"
check_eq "an export edited after signing is refused" 1 "$RC"
check_contains "its signature does not verify" "does not verify" "$ERR"
{ head -2 "$WORK/export.txt"; printf 'checkpoint 3 zz\n'; } >"$WORK/junk.txt"
run_ctl audit verify --against "$WORK/junk.txt"
check_eq "a line that is no checkpoint is refused" 1 "$RC"
check_contains "naming the line" "line 3: this is not a checkpoint" "$ERR"

chmod 644 "$KEY"
run_ctl audit checkpoint
check_eq "a key others may read is not used" 1 "$RC"
check_contains "the admin is told to chmod it" "chmod 600" "$ERR"
chmod 600 "$KEY"
mv "$KEY" "$WORK/away.key"
run_ctl audit checkpoint
check_eq "without its key a station signs nothing" 1 "$RC"
run_ctl migrate
check_eq "migrate makes a missing key" 600 "$(stat -c %a "$KEY")"
run_ctl audit checkpoint
check_eq "and checkpoints are signed again" 0 "$RC"
run_ctl audit verify --against "$WORK/export.txt"
check_eq "a new key's checkpoints and the old export both hold" 0 "$RC"

# The registry's daily seal is signed.
YESTERDAY=$(date -d yesterday +%Y-%m-%d)
id=$(ctl requests file general-request subject="Pom căzut" text="Strada Horea 3" | cut -d' ' -f1)
ctl requests register "$id" >/dev/null
sqlite3 "$DB" "DROP TRIGGER registry_rows_are_only_annulled;
    UPDATE registry SET registered_at = '${YESTERDAY}T10:00:00Z'"
run_ctl requests seal "$YESTERDAY"
check_contains "a day is sealed and signed" "sealed and signed: 1 registrations" "$OUT"
run_ctl requests seal --verify "$YESTERDAY"
check_contains "its signature verifies" "its signature verifies" "$OUT"
# Someone changes a registration and rewrites the seal's hash to match:
# the signature gives it away.
sqlite3 "$DB" "UPDATE registry SET registered_by = 'eve'"
new=$(sqlite3 "$DB" "SELECT year || '|' || number || '|' || request_id || '|' || registered_at || '|' || registered_by || '|' || station FROM registry" | sha256sum | cut -d' ' -f1)
sqlite3 "$DB" "UPDATE registry_seal SET hash = '$new'"
run_ctl requests seal --verify "$YESTERDAY"
check_eq "a seal rewritten to match is caught" 1 "$RC"
check_contains "by its signature" "signature does not verify" "$ERR"
finish
