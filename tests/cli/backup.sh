#!/bin/sh
# guichetctl backup and restore: a consistent copy taken while a station
# writes, put back in place or over a store that is damaged or gone,
# keeping the store it replaces; a bad or newer backup is refused.
. "$TESTS_SRCDIR/lib.sh"
write_conf
ctl init >/dev/null
ctl demo-data --taxpayers 20 >/dev/null

# A station files requests all through the backup.
(
	i=0
	while [ $i -lt 40 ]; do
		ctl requests file general-request subject="Cerere $i" \
		    text="Strada Horea $i" >/dev/null
		i=$((i + 1))
	done
) &
writer=$!
sleep 0.2
run_ctl backup "$WORK/b1.db"
wait "$writer"
check_eq "a backup is taken while the station writes" 0 "$RC"
check_contains "and said checked" "checked" "$OUT"
check_eq "readable by its owner alone" 600 "$(stat -c %a "$WORK/b1.db")"
check_eq "one file, nothing beside it" "" \
    "$(ls "$WORK" | grep -E '^b1\.db-(wal|shm)$')"
check_eq "intact" ok "$(sqlite3 "$WORK/b1.db" 'PRAGMA integrity_check')"
run_ctl -d "$WORK/b1.db" audit verify
check_eq "its audit trail verifies" 0 "$RC"
in_backup=$(sqlite3 "$WORK/b1.db" "SELECT COUNT(*) FROM request")
check_eq "all the requests filed, the store has" 40 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM request")"
check_eq "the backup is one moment of it: its requests run 1..n" \
    "$in_backup|$in_backup" \
    "$(sqlite3 "$WORK/b1.db" "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM request")"
check_eq "the backup is audited in the store" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE action = 'store.backup' AND outcome = 'ok'")"
run_ctl backup "$WORK/b1.db"
check_eq "an existing file is not overwritten" 1 "$RC"
check_contains "and the clerk is told to choose a name" "new name" "$ERR"
check_eq "the backup is unchanged" "$in_backup" \
    "$(sqlite3 "$WORK/b1.db" "SELECT COUNT(*) FROM request")"

# Restore in place: the store is the backup again, the store before it
# kept beside it.
run_ctl restore "$WORK/b1.db"
check_eq "restore succeeds" 0 "$RC"
check_contains "and says where the store before it is" "before-restore-" "$OUT"
kept=$(ls "$WORK" | grep -E '^guichet\.db\.before-restore-' | head -1)
check_eq "the store holds the backup's requests" "$in_backup" \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM request")"
check_eq "the store before it is kept, with all 40" 40 \
    "$(sqlite3 "$WORK/$kept" "SELECT COUNT(*) FROM request")"
run_ctl audit verify
check_eq "the restored audit trail verifies" 0 "$RC"
check_eq "and ends with the restore" "store.restore|ok" \
    "$(sqlite3 "$DB" "SELECT action, outcome FROM audit ORDER BY id DESC LIMIT 1")"
check_eq "the store stays in WAL mode" wal "$(sqlite3 "$DB" 'PRAGMA journal_mode')"
run_ctl requests file general-request subject="După restaurare" text=T
check_eq "and takes requests again" 0 "$RC"

# A damaged store, then a store gone: restored over.
head -c 4096 /dev/urandom >"$DB"
rm -f "$DB-wal" "$DB-shm"
run_ctl restore "$WORK/b1.db"
check_eq "a damaged store is restored over" 0 "$RC"
check_contains "saying it could not be opened" "restoring over it" "$ERR"
check_eq "the damaged file is kept" 2 \
    "$(ls "$WORK" | grep -cE '^guichet\.db\.before-restore-[0-9T]+(-[0-9]+)?$')"
run_ctl audit verify
check_eq "the store verifies" 0 "$RC"
rm -f "$DB" "$DB-wal" "$DB-shm"
run_ctl restore "$WORK/b1.db"
check_eq "a store that is gone is restored" 0 "$RC"
check_eq "with the backup's requests" "$in_backup" \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM request")"

# What cannot be restored is refused, the store untouched.
ctl requests file general-request subject="Semn" text=T >/dev/null
before=$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit")
printf 'not a database' >"$WORK/junk.db"
run_ctl restore "$WORK/junk.db"
check_eq "a file that is no database is refused" 1 "$RC"
cp "$WORK/b1.db" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "INSERT INTO schema_migration (version, name, applied_at) VALUES (99, 'future', 'x')"
run_ctl restore "$WORK/newer.db"
check_eq "a backup of a newer schema is refused" 1 "$RC"
check_contains "saying which version to use" "newer guichet" "$ERR"
check_eq "the store is untouched" "$before|1" \
    "$(sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM audit), (SELECT COUNT(*) FROM request WHERE id IN (SELECT request_id FROM request_field WHERE value = 'Semn'))")"
run_ctl restore "$WORK/nowhere.db"
check_eq "a missing backup is refused" 1 "$RC"
check_eq "still untouched" "$before" "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit")"
finish
