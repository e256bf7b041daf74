#!/bin/sh
# The inbox from the command line: requests listed by department and
# status, a citizen's own, and who works on them.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro en
ctl init >/dev/null
add_staff maria clerk 'Castan-Verde-Lampa-9'
add_staff ion clerk 'Podul-Inalt-Mures-7'
disabled_clerk() { ctl staff disable ion >/dev/null; }

a=$(ctl requests file proposal subject="Bănci noi" text="În parcul central" |
    cut -d' ' -f1)
b=$(ctl requests file general-request subject="Întrebare" text="Program?" |
    cut -d' ' -f1)
ctl requests register "$a" >/dev/null
ctl requests status "$a" in-progress >/dev/null
ctl requests register "$b" >/dev/null
ctl requests status "$b" answered --text "Luni-vineri, 8-16." >/dev/null
ctl requests status "$b" closed >/dev/null

run_ctl requests list
check_eq "every request is listed, oldest first" "$a
$b" "$(echo "$OUT" | cut -d' ' -f1)"
run_ctl requests list --status open
check_eq "open ones only" "$a" "$(echo "$OUT" | cut -d' ' -f1)"
run_ctl requests list --status closed,answered
check_eq "by status names" "$b" "$(echo "$OUT" | cut -d' ' -f1)"
run_ctl requests list --status lost
check_eq "an unknown status is refused" 1 "$RC"
dept=$(sqlite3 "$DB" "SELECT department FROM request WHERE id = $a")
run_ctl requests list --department "$dept"
check_contains "by department" "$a " "$OUT"
run_ctl requests list --department "x' OR 1=1 --"
check_eq "SQL in a filter is only a department name" "" "$OUT"

run_ctl requests assign "$a" maria
check_eq "a request is given to a clerk" 0 "$RC"
check_contains "saying to whom" "maria" "$OUT"
run_ctl requests list --assigned maria
check_eq "and shows in her list" "$a" "$(echo "$OUT" | cut -d' ' -f1)"
run_ctl requests assign "$b" maria
check_eq "a closed request is not assigned" 1 "$RC"
disabled_clerk
run_ctl requests assign "$a" ion
check_eq "nor to a disabled account" 1 "$RC"
run_ctl requests assign "$a" nobody
check_contains "nor to no one" "no active staff member 'nobody'" "$ERR"
check_eq "the three refusals are audited" 3 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE action = 'request.assign' AND outcome != 'ok'")"

# A duplicate is closed with a reason and linked to its original.
d=$(ctl requests file proposal subject="Bănci noi" text="Tot în parc" |
    cut -d' ' -f1)
ctl requests register "$d" >/dev/null
run_ctl requests status "$d" duplicate --text "Aceeași propunere"
check_eq "a duplicate without its original is refused" 1 "$RC"
check_contains "saying what is missing" "names the original" "$ERR"
run_ctl requests status "$d" duplicate --of "$d" --text "Aceeași propunere"
check_eq "a request is not its own duplicate" 1 "$RC"
run_ctl requests status "$d" duplicate --of "$(date +%Y)/000001" --text "Aceeași propunere"
check_eq "it is marked a duplicate of the original, by protocol number" 0 "$RC"
check_eq "the link and the reason are stored" "duplicate|$a|Aceeași propunere" \
    "$(sqlite3 "$DB" "SELECT r.status, r.duplicate_of, e.text FROM request r JOIN request_event e ON e.request_id = r.id AND e.to_status = 'duplicate' WHERE r.id = $d")"
finish
