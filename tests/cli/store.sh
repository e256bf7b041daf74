#!/bin/sh
# guichetctl init and migrate: create a database, bring it up to date.
. "$TESTS_SRCDIR/lib.sh"
write_conf

run_ctl init
check_eq "init succeeds" 0 "$RC"
check_contains "init names the database" "created $DB" "$OUT"
check_eq "the database file exists" yes "$([ -f "$DB" ] && echo yes)"
check_eq "the store is in WAL mode" wal "$(sqlite3 "$DB" 'PRAGMA journal_mode')"

run_ctl init
check_eq "a second init is refused" 1 "$RC"
check_contains "and says to migrate instead" "already exists" "$ERR"

run_ctl migrate
check_eq "migrate succeeds" 0 "$RC"
check_contains "migrate on a new database has nothing to do" "up to date" "$OUT"

# Make it a database of the first release: schema version 1 only.
sqlite3 "$DB" "DROP TABLE person; DELETE FROM schema_migration WHERE version > 1"
run_ctl audit verify
check_eq "an older schema is refused" 1 "$RC"
check_contains "with the command that fixes it" "guichetctl migrate" "$ERR"
run_ctl --json migrate
check_eq "migrate applies what is missing" 0 "$RC"
check_contains "and reports it as JSON" '"applied": 1' "$OUT"
check_eq "the person table is back" 0 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM person')"

run_ctl -d "$WORK/other.db" init
check_eq "-d overrides the configured database" 0 "$RC"
check_eq "so the other file exists" yes "$([ -f "$WORK/other.db" ] && echo yes)"
finish
