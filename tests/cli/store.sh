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

# Make it a database of schema version 2, with people whose names were
# never folded for search.
ctl demo-data --taxpayers 5 >/dev/null
sqlite3 "$DB" "
    DROP TRIGGER person_gets_uid; DROP TRIGGER person_revised;
    DROP TRIGGER outbox_person_new; DROP TRIGGER outbox_person_changed;
    DROP TRIGGER outbox_audit_new;
    DROP INDEX person_uid; ALTER TABLE person DROP COLUMN uid;
    ALTER TABLE person DROP COLUMN revision;
    ALTER TABLE person DROP COLUMN changed_at;
    DROP TABLE outbox; DROP TABLE sync_state; DROP TABLE sync_parked;
    DROP TABLE registry_pending; DROP TABLE station_identity;
    DROP TABLE poll_count;
    DROP TABLE allocation; DROP TABLE payment; DROP TABLE obligation;
    DROP TABLE unit_owner; DROP TABLE taxable_unit; DROP TABLE taxpayer;
    DROP TABLE register_import; DROP TABLE fine_payment; DROP TABLE fine;
    DROP TABLE declaration; DROP TABLE warrant;
    DROP TABLE poll_voter; DROP TABLE poll_option; DROP TABLE poll;
    DROP TABLE decision; DROP TABLE audit_checkpoint;
    DROP TABLE emergency_registry; DROP TABLE registry_outage;
    DROP TABLE registry_seal;
    DROP TABLE registry; DROP TABLE request_event; DROP TABLE request_field;
    DROP TABLE request;
    DROP TABLE envelope; DROP TABLE credential;
    DROP TABLE person_search; DROP TABLE registration_request;
    DROP TABLE representative; DROP TABLE business;
    DROP TABLE level_change; DROP TABLE validation;
    DROP TABLE installation_key; DROP INDEX person_amka;
    DROP INDEX person_afm_idx; DROP INDEX person_email_folded;
    ALTER TABLE person DROP COLUMN search_name;
    DELETE FROM schema_migration WHERE version > 2"
run_ctl audit verify
check_eq "an older schema is refused" 1 "$RC"
check_contains "with the command that fixes it" "guichetctl migrate" "$ERR"
run_ctl --json migrate
check_eq "migrate applies what is missing" 0 "$RC"
check_contains "and reports it as JSON" '"applied": 14' "$OUT"
check_eq "the people are still there" 5 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM person')"
check_eq "and their names are folded for search" 0 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM person WHERE search_name = '' OR id NOT IN (SELECT person_id FROM person_search)")"

run_ctl -d "$WORK/other.db" init
check_eq "-d overrides the configured database" 0 "$RC"
check_eq "so the other file exists" yes "$([ -f "$WORK/other.db" ] && echo yes)"
finish
