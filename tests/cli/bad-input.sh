#!/bin/sh
# Bad configuration and bad database paths: one clear message, non-zero
# exit, and nothing created.
. "$TESTS_SRCDIR/lib.sh"
write_conf

printf '[store]\ndatabse = %s\n' "$DB" >"$WORK/typo.conf"
ERR=$("$GUICHETCTL" -c "$WORK/typo.conf" init 2>&1) && RC=0 || RC=$?
check_eq "a typo'd key stops guichetctl" 1 "$RC"
check_contains "naming file, line and key" "typo.conf:2: unknown key 'databse' in [store]" "$ERR"
ERR=$("$GUICHET" -c "$WORK/typo.conf" 2>&1) && RC=0 || RC=$?
check_eq "and stops guichet" 1 "$RC"
check_contains "with the same message" "unknown key 'databse'" "$ERR"
check_eq "in one line" 1 "$(printf '%s\n' "$ERR" | wc -l)"

printf '[kiosk]\nidle_timeout = soon\n' >"$WORK/value.conf"
ERR=$("$GUICHET" -c "$WORK/value.conf" 2>&1) && RC=0 || RC=$?
check_eq "a bad value stops guichet" 1 "$RC"
check_contains "saying what is allowed" "whole number from 10 to 3600" "$ERR"

ERR=$("$GUICHET" -c "$WORK/missing.conf" 2>&1) && RC=0 || RC=$?
check_eq "a missing configuration file stops guichet" 1 "$RC"

echo "Dear clerk, this is not a database." >"$DB"
ERR=$("$GUICHET" -c "$CONF" 2>&1) && RC=0 || RC=$?
check_eq "a file that is not SQLite stops guichet" 1 "$RC"
check_contains "saying so" "is not a guichet database" "$ERR"
check_eq "and leaves the file as it was" "Dear clerk, this is not a database." "$(cat "$DB")"
run_ctl staff list
check_eq "guichetctl refuses it too" 1 "$RC"

sqlite3 "$WORK/other.db" "CREATE TABLE invoices (n INTEGER)"
ERR=$("$GUICHET" -c "$CONF" -d "$WORK/other.db" 2>&1) && RC=0 || RC=$?
check_eq "another program's SQLite file is refused" 1 "$RC"
check_contains "as not ours" "holds no guichet schema" "$ERR"
run_ctl -d "$WORK/other.db" migrate
check_eq "migrate refuses it too" 1 "$RC"
check_eq "and the file is left as it was" "delete|invoices" \
    "$(sqlite3 "$WORK/other.db" 'PRAGMA journal_mode; SELECT name FROM sqlite_master' | tr '\n' '|' | sed 's/|$//')"
check_eq "with no lock file beside it" no "$([ -e "$WORK/other.db-lock" ] && echo yes || echo no)"

ERR=$("$GUICHET" -c "$CONF" -d "$WORK/nowhere/g.db" 2>&1) && RC=0 || RC=$?
check_eq "a missing database directory stops guichet" 1 "$RC"
check_contains "naming the directory" "directory $WORK/nowhere of database" "$ERR"
run_ctl -d "$WORK/nowhere/g.db" init
check_eq "init will not create it either" 1 "$RC"
check_eq "and nothing was created" no "$([ -e "$WORK/nowhere" ] && echo yes || echo no)"

ERR=$("$GUICHET" -c "$CONF" -d "$WORK/absent.db" 2>&1) && RC=0 || RC=$?
check_eq "a missing database stops guichet" 1 "$RC"
check_contains "and says how to create one" "guichetctl init" "$ERR"

ERR=$("$GUICHET" --no-such-option 2>&1) && RC=0 || RC=$?
check_eq "an unknown option is a usage error" 2 "$RC"
finish
