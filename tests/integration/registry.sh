#!/bin/sh
# The registry under many writers: 8 processes file and register requests
# at once; the protocol numbers are exactly 1..160 for the year, without
# a gap or a duplicate, and no process saw the store busy.  Bad requests
# are refused with the field's name and store nothing.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro en
ctl init >/dev/null
YEAR=$(date +%Y)

writer() {
	i=0
	while [ $i -lt 20 ]; do
		id=$(ctl requests file general-request subject="Lampă stinsă $1/$i" \
		    text="Strada Horea $i" | cut -d' ' -f1) || echo "file failed" >>"$WORK/errors"
		ctl requests register "$id" >/dev/null 2>>"$WORK/errors" ||
		    echo "register failed" >>"$WORK/errors"
		i=$((i + 1))
	done
}
: >"$WORK/errors"
for p in 1 2 3 4 5 6 7 8; do writer "$p" & done
wait
check_eq "every process filed and registered without an error" "" "$(cat "$WORK/errors")"
check_eq "160 requests are registered" 160 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM registry')"
check_eq "numbered exactly 1..160 for the year, no gap, no duplicate" "160|1|160" \
    "$(sqlite3 "$DB" "SELECT COUNT(DISTINCT number), MIN(number), MAX(number) FROM registry WHERE year = $YEAR")"

run_ctl requests show "$YEAR/000017"
check_contains "a request is found by its protocol number" "$YEAR/000017 registered general-request" "$OUT"
id=$(echo "$OUT" | cut -d' ' -f1)
run_ctl requests register "$id"
check_eq "a registered request is not registered again" 1 "$RC"
check_contains "saying so" "already registered" "$ERR"

run_ctl requests status "$id" answered
check_eq "an answer needs its text" 1 "$RC"
run_ctl requests status "$id" closed
check_eq "a registered request is not closed without an answer" 1 "$RC"
run_ctl requests status "$id" answered --text "Lampa a fost înlocuită."
check_eq "the clerk answers" 0 "$RC"
check_eq "the reply is kept and the change recorded" "answered|Lampa a fost înlocuită.|1" \
    "$(sqlite3 "$DB" "SELECT status, reply, (SELECT COUNT(*) FROM request_event WHERE request_id = $id AND to_status = 'answered') FROM request WHERE id = $id")"

# The registry cannot be reached: emergency numbers for this station,
# shown at once; when it is back, ordinary numbers in filing order,
# before any new one, and both numbers find the request.
cp "$CONF" "$WORK/offline.conf"
printf '[store]\nregistry = offline\n' >>"$WORK/offline.conf"
off() { "$GUICHETCTL" -c "$WORK/offline.conf" "$@"; }
e1=$(off requests file general-request subject=Groapă text="Strada Lungă 3" | cut -d' ' -f1)
OUT=$(off requests register "$e1" 2>&1)
check_contains "offline, a request gets an emergency number" "E-$YEAR-000001" "$OUT"
e2=$(off requests file general-request subject=Gunoi text="Piața Unirii" | cut -d' ' -f1)
off requests register "$e2" >/dev/null
OUT=$(off requests show "E-$YEAR-000002" 2>&1)
check_contains "it is found by its emergency number" "$e2 E-$YEAR-000002 registered" "$OUT"
OUT=$(off requests recover 2>&1) && RC=0 || RC=$?
check_eq "recovery waits for the registry" 1 "$RC"
n3=$(ctl requests file general-request subject=Nou text=Nou | cut -d' ' -f1)
run_ctl requests register "$n3"
check_contains "back online, a new request comes after the emergency ones" "$YEAR/000163" "$OUT"
run_ctl requests show "$YEAR/000161"
check_eq "the first emergency request got the first ordinary number and keeps both" \
    "$e1 $YEAR/000161 registered general-request E-$YEAR-000001" "$OUT"
run_ctl requests show "E-$YEAR-000002"
check_contains "the second is found by either number" "$YEAR/000162" "$OUT"
check_eq "the outage is recorded: cause, count, end" "registry switched off ([store] registry = offline)|2|1" \
    "$(sqlite3 "$DB" 'SELECT cause, count, ended_at IS NOT NULL FROM registry_outage')"
check_eq "and the numbers are still 1..163 without a gap" "163|1|163" \
    "$(sqlite3 "$DB" "SELECT COUNT(DISTINCT number), MIN(number), MAX(number) FROM registry WHERE year = $YEAR")"

# Annulled visibly, never edited; each day sealed with a hash.
ERR=$(sqlite3 "$DB" "UPDATE registry SET number = 999 WHERE number = 5" 2>&1)
check_contains "the store refuses to edit a registration" "never edited, only annulled" "$ERR"
# guichetctl acts as the local system administrator, above a supervisor.
run_ctl requests annul "$YEAR/000005" --reason "filed twice by mistake"
check_eq "the registration is annulled" 0 "$RC"
check_eq "visibly, its number kept" "5|filed twice by mistake" \
    "$(sqlite3 "$DB" "SELECT number, annul_reason FROM registry WHERE number = 5 AND annulled_at IS NOT NULL")"
run_ctl requests annul "$YEAR/000005" --reason again
check_eq "annulled once only" 1 "$RC"

TODAY=$(date +%Y-%m-%d)
run_ctl requests seal "$TODAY"
check_eq "today cannot be sealed yet" 1 "$RC"
# Make the first ten registrations yesterday's, as if made then.
YESTERDAY=$(date -d yesterday +%Y-%m-%d)
sqlite3 "$DB" "DROP TRIGGER registry_rows_are_only_annulled;
    UPDATE registry SET registered_at = '${YESTERDAY}T10:00:00Z' WHERE number <= 10"
run_ctl requests seal "$YESTERDAY"
check_eq "yesterday is sealed" 0 "$RC"
check_contains "over its registrations" "10 registrations" "$OUT"
run_ctl requests seal "$YESTERDAY"
check_eq "once only" 1 "$RC"
run_ctl requests seal --verify "$YESTERDAY"
check_eq "the seal verifies" 0 "$RC"
# Another station's registration of that day, arriving by sync after the
# seal, is that station's to seal.
sqlite3 "$DB" "UPDATE registry SET registered_at = '${YESTERDAY}T11:00:00Z',
    station = 'Ghișeu 2' WHERE number = 11"
run_ctl requests seal --verify "$YESTERDAY"
check_eq "another station's registration pulled later leaves it valid" 0 "$RC"
sqlite3 "$DB" "UPDATE registry SET registered_by = 'eve' WHERE number = 3"
run_ctl requests seal --verify "$YESTERDAY"
check_eq "a registration changed after the seal is caught" 1 "$RC"
check_contains "saying so" "changed after they were sealed" "$ERR"

before=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM request')
long=$(head -c 130 /dev/zero | tr '\0' 'x')
run_ctl requests file general-request subject="$long" text=T
check_eq "an oversize field is refused" 1 "$RC"
check_contains "naming the field" "Subject" "$ERR"
run_ctl requests file general-request subject="$(printf 'a\033[2Jb')" text=T
check_eq "a control character is refused" 1 "$RC"
run_ctl requests file no-such-type subject=S
check_eq "an unknown type is refused" 1 "$RC"
check_contains "saying so" "no request type 'no-such-type'" "$ERR"
run_ctl requests file general-request text=T
check_eq "a missing required field is refused" 1 "$RC"
run_ctl requests file civil-certificate kind=birth delivery=counter
check_eq "an anonymous certificate request is refused" 1 "$RC"
check_contains "with the reason" "validated account" "$ERR"
check_eq "and nothing of them was stored" "$before" "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM request')"
finish
