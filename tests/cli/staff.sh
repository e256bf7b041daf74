#!/bin/sh
# guichetctl staff: accounts, password rules, disabling.
. "$TESTS_SRCDIR/lib.sh"
write_conf
ctl init >/dev/null

OUT=$(printf 'correct horse battery\n' | ctl staff add --role clerk \
    --password-stdin ana 2>&1) && RC=0 || RC=$?
check_eq "a clerk is added" "0 account added" "$RC $OUT"

ERR=$(printf 'short\n' | ctl staff add --role clerk --password-stdin bob 2>&1) \
    && RC=0 || RC=$?
check_eq "a short password is refused" 1 "$RC"
check_contains "with the rule" "at least 12 characters" "$ERR"

ERR=$(printf 'password1234\n' | ctl staff add --role clerk --password-stdin \
    bob 2>&1) && RC=0 || RC=$?
check_eq "a common password is refused" 1 "$RC"

ERR=$(printf 'cluj-napoca-2026!\n' | ctl staff add --role clerk \
    --password-stdin bob 2>&1) && RC=0 || RC=$?
check_eq "the town's name is refused" 1 "$RC"
check_contains "saying so" "town" "$ERR"

ERR=$(printf 'correct horse battery\n' | ctl staff add --role clerk \
    --password-stdin ana 2>&1) && RC=0 || RC=$?
check_eq "a taken username is refused" 1 "$RC"
check_contains "saying it exists" "already an account called 'ana'" "$ERR"

ERR=$(printf 'correct horse battery\n' | ctl staff add --role mayor \
    --password-stdin carol 2>&1) && RC=0 || RC=$?
check_eq "an unknown role is refused" 1 "$RC"

run_ctl staff list
check_contains "the list shows ana as an active clerk" "ana" "$OUT"
check_eq "and only ana" 1 "$(echo "$OUT" | grep -c 'clerk')"
check_lacks "the list shows no password hash" '$scrypt$' "$OUT"

run_ctl --json staff list
check_contains "JSON list" '"username": "ana"' "$OUT"

hash=$(sqlite3 "$DB" "SELECT password_hash FROM staff WHERE username='ana'")
check_contains "the password is stored as an scrypt hash" '$scrypt$ln=15,r=8,p=1$' "$hash"
check_eq "never in clear" 0 "$(sqlite3 "$DB" "SELECT COUNT(*) FROM staff WHERE password_hash LIKE '%horse%'")"
check_eq "nor in the log" 0 "$(grep -c horse "$WORK/guichet.log")"

OUT=$(printf 'a completely new phrase\n' | ctl staff passwd --password-stdin \
    ana 2>&1) && RC=0 || RC=$?
check_eq "passwd changes the password" 0 "$RC"

run_ctl staff disable ana
check_eq "disable succeeds" 0 "$RC"
run_ctl staff list
check_contains "the list shows ana disabled" "disabled" "$OUT"

run_ctl staff enable ana
check_eq "enable brings the account back" 0 "$RC"
run_ctl staff list
check_contains "the list shows ana active again" "active" "$OUT"

run_ctl staff add --role clerk
check_eq "a missing username is a usage error, before the store is opened" 2 "$RC"
run_ctl -d "$WORK/absent.db" staff list
check_eq "listing a missing database is refused" 1 "$RC"
check_eq "and prints no table header" "" "$OUT"

run_ctl staff disable nobody
check_eq "disabling a missing account is refused" 1 "$RC"
check_contains "naming it" "no account called 'nobody'" "$ERR"

run_ctl staff frobnicate
check_eq "an unknown subcommand is a usage error" 2 "$RC"
finish
