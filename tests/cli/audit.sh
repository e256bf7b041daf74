#!/bin/sh
# guichetctl audit verify: an intact chain, then a tampered one.
. "$TESTS_SRCDIR/lib.sh"
write_conf
ctl init >/dev/null
add_staff ana clerk 'correct horse battery'
add_staff bob supervisor 'another fine passphrase'
ctl staff disable bob >/dev/null

run_ctl audit verify
check_eq "an intact trail verifies" 0 "$RC"
check_contains "counting its rows" "intact: 3 rows." "$OUT"

ERR=$(sqlite3 "$DB" "UPDATE audit SET actor = 'eve' WHERE id = 2" 2>&1)
check_contains "the store refuses to change an audit row" "never changed" "$ERR"

sqlite3 "$DB" "DROP TRIGGER audit_rows_are_never_changed;
    UPDATE audit SET actor = 'eve' WHERE id = 2"
run_ctl audit verify
check_eq "a changed row breaks the chain" 1 "$RC"
check_contains "and the first broken row is named" "row 2 is broken" "$ERR"

run_ctl --json audit verify
check_contains "JSON names the row" '"broken_row": 2' "$OUT"
finish
