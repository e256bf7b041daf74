# The sync scenario, run against each kind of central store by
# tests/integration/sync.sh (sqlite:) and sync-pg.sh (postgresql://).
# The caller sources lib.sh and cups.sh, calls write_conf, and defines
# CENTRAL_URL,
# central_sql SQL (prints rows as "a|b"), centre_down, centre_up and
# centre_crash.
#
# Two workstations and a central store: a request filed on A shows on B
# after sync with the same protocol number, and the numbers stay
# gap-free across the stations; offline, a station gives emergency
# numbers and gets the centre's on the next sync, in filing order; a
# batch pushed twice changes nothing; an older state of a request never
# replaces a newer one; people registered on one station can be found on
# the other; so do credentials, a revocation winning over any change;
# the taxpayer register loaded at one reaches the other; each station's
# audit is kept at the centre; votes are counted across stations, once
# per citizen; a fine paid at one counter is paid at all; so is a
# business, and a validation, under one shared secret; the centre dying
# mid-sync, or sync killed at random points, loses and duplicates
# nothing; the clerk's screen syncs by itself and
# shows the centre's state.
YEAR=$(date +%Y)
cups_start
cups_add_queue envelopes
printf '[print]\nprinter = envelopes\n' >>"$CONF"
printf 'central = %s\nsync_every = 5\n' "$CENTRAL_URL" >"$WORK/central.line"
# station NAME: a configuration and a database of its own.
station() {
	sed -e "s|^name = Ghișeu test|name = Ghișeu $1|" \
	    -e "s|^database = .*|database = $WORK/$1.db|" \
	    -e "s|^file = .*|file = $WORK/$1.log|" \
	    -e "/^database = /r $WORK/central.line" "$CONF" >"$WORK/$1.conf"
	"$GUICHETCTL" -c "$WORK/$1.conf" init >/dev/null
}
# on STATION ARGS...: guichetctl at that station.
on() {
	s=$1
	shift
	"$GUICHETCTL" -c "$WORK/$s.conf" "$@"
}
# file_at STATION SUBJECT: files and registers a request; prints its id.
file_at() {
	id=$(on "$1" requests file general-request subject="$2" \
	    text="Strada Horea 3" | cut -d' ' -f1)
	on "$1" requests register "$id" >/dev/null
	echo "$id"
}
station a
station b
run_ctl -c "$WORK/a.conf" central init "$CENTRAL_URL"
check_contains "the centre is made" "is ready" "$OUT"
run_ctl -c "$WORK/a.conf" central init "$CENTRAL_URL"
check_eq "and making it again changes nothing" 0 "$RC"

id=$(file_at a "Groapă în asfalt")
check_contains "A's request gets the centre's first number" \
    "$YEAR/000001 registered" "$(on a requests show "$id")"
on a sync --once >/dev/null
check_eq "A's cursor moves past its own records: it reads them no more" \
    "$(central_sql "SELECT MAX(version) FROM central_record")" \
    "$(sqlite3 "$WORK/a.db" "SELECT cursor FROM sync_state")"
run_ctl -c "$WORK/b.conf" sync --once
check_contains "B receives it" "received" "$OUT"
run_ctl -c "$WORK/b.conf" requests show "$YEAR/000001"
check_contains "with the same protocol number" "$YEAR/000001 registered general-request" "$OUT"
check_eq "and the same fields" "Groapă în asfalt" "$(sqlite3 "$WORK/b.db" \
    "SELECT value FROM request_field f JOIN request r ON r.id = f.request_id WHERE r.uid = (SELECT uid FROM registry g JOIN request q ON q.id = g.request_id WHERE g.number = 1) AND name = 'subject'")"

# Both stations number at the same time: one sequence, no gap.
for i in 1 2 3 4 5 6 7 8 9 10; do
	file_at a "A $i" >/dev/null &
	pid=$!
	file_at b "B $i" >/dev/null
	wait "$pid"
done
for s in a b a b; do on "$s" sync --once >/dev/null; done
check_eq "21 numbers from the centre: 1..21, no gap, no duplicate" "21|1|21" \
    "$(central_sql "SELECT COUNT(DISTINCT number), MIN(number), MAX(number) FROM central_registry WHERE year = $YEAR")"
check_eq "A holds all 21 registrations" "21|21" \
    "$(sqlite3 "$WORK/a.db" "SELECT COUNT(*), COUNT(DISTINCT number) FROM registry")"
check_eq "and B the same numbers for the same requests" \
    "$(sqlite3 "$WORK/a.db" "SELECT group_concat(r.uid || '=' || g.number, ',') FROM (SELECT * FROM registry ORDER BY number) g JOIN request r ON r.id = g.request_id")" \
    "$(sqlite3 "$WORK/b.db" "SELECT group_concat(r.uid || '=' || g.number, ',') FROM (SELECT * FROM registry ORDER BY number) g JOIN request r ON r.id = g.request_id")"

# Offline: emergency numbers, then the centre's, in filing order.
centre_down
e1=$(file_at a "Offline 1")
e2=$(file_at a "Offline 2")
check_contains "offline, a request gets an emergency number" \
    "E-$YEAR-000001" "$(on a requests show "$e1")"
check_contains "the next one the next" "E-$YEAR-000002" "$(on a requests show "$e2")"
run_ctl -c "$WORK/a.conf" sync --once
check_eq "a sync without the centre says so" 1 "$RC"
check_contains "and that nothing is lost" "changes wait for the next sync" "$ERR"
centre_up
on a sync --once >/dev/null
check_contains "back online, the first gets the next number" \
    "$YEAR/000022 registered general-request E-$YEAR-000001" \
    "$(on a requests show "$e1")"
check_contains "the second the one after" "$YEAR/000023" "$(on a requests show "$e2")"
on b sync --once >/dev/null
check_contains "B sees them with those numbers" "$YEAR/000023" \
    "$(on b requests list)"

# A batch pushed twice changes nothing.  The request it holds is marked
# as made at A since its last push (the centre takes it with no lookup,
# and merges the batch once it finds it holds it already); registering
# it is a change.
cp "$WORK/a.db" "$WORK/a.copy"
file_at a "Twice" >/dev/null
check_eq "A's outbox marks the request it made, not its change" "1|0" \
    "$(sqlite3 "$WORK/a.db" "SELECT MAX(fresh), MIN(fresh) FROM outbox WHERE tbl = 'request'")"
cp "$WORK/a.db" "$WORK/a.before"
on a sync --once >/dev/null
before=$(central_sql "SELECT COUNT(*), MAX(version), SUM(version) FROM central_record")
cp "$WORK/a.before" "$WORK/a.db"
rm -f "$WORK/a.db-wal" "$WORK/a.db-shm"
run_ctl -c "$WORK/a.conf" sync --once
check_contains "the same batch sent again" "sent" "$OUT"
check_eq "changes nothing at the centre" "$before" \
    "$(central_sql "SELECT COUNT(*), MAX(version), SUM(version) FROM central_record")"

# An older state never replaces a newer one: B answers a request twice
# (two revisions), A, behind, changes it once; whatever the order of the
# syncs, both end with B's answer.
on a sync --once >/dev/null
on b sync --once >/dev/null
on b requests status "$YEAR/000005" in-progress >/dev/null
on b requests status "$YEAR/000005" answered --text "Reparat." >/dev/null
on a requests status "$YEAR/000005" rejected --text "Nu e al nostru." >/dev/null
on b sync --once >/dev/null
on a sync --once >/dev/null
on b sync --once >/dev/null
check_contains "A ends with B's later answer" "$YEAR/000005 answered" \
    "$(on a requests show "$YEAR/000005")"
check_contains "and so does B" "$YEAR/000005 answered" \
    "$(on b requests show "$YEAR/000005")"

# People: registered at A, found at B.
on a demo-data --taxpayers 30 >/dev/null
on a sync --once >/dev/null
on b sync --once >/dev/null
check_eq "B knows A's people" \
    "$(sqlite3 "$WORK/a.db" "SELECT COUNT(*) FROM person")" \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM person")"
check_eq "and can search them by name" 0 \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_search k WHERE k.person_id = p.id)")"
business_rows="SELECT (SELECT COUNT(*) FROM business), (SELECT COUNT(*) FROM representative), (SELECT COUNT(*) FROM declaration), (SELECT COUNT(*) FROM registration_request WHERE status = 'pending')"
check_eq "and A's businesses, representatives, declarations and the applications waiting at the counter" \
    "$(sqlite3 "$WORK/a.db" "$business_rows")" \
    "$(sqlite3 "$WORK/b.db" "$business_rows")"
check_eq "(the applications are there to be seen)" 1 \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) > 0 FROM registration_request WHERE status = 'pending'")"

# The centre dies in the middle of a sync and comes back: nothing lost,
# nothing twice.
on b demo-data --taxpayers 150 --seed 77 >/dev/null
on b sync --once >/dev/null 2>&1 &
pid=$!
sleep 0.3
centre_crash
wait "$pid" 2>/dev/null || true	# pg_kill may have reaped it
centre_up
on b sync --once >/dev/null
check_eq "after the centre's crash B's outbox empties" 0 \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM outbox")"
check_eq "and the centre holds each of B's people once" \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM person")" \
    "$(central_sql "SELECT COUNT(*) FROM central_record WHERE tbl = 'person'")"

# Credentials: an envelope handed over at A; the citizen logs in at B,
# the kiosk's station, and chooses a password there, which then works at
# A.  A revocation at A wins over changes made at B meanwhile, whatever
# their count.
cnp=$(sqlite3 "$WORK/a.db" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1")
saved_conf=$CONF saved_db=$DB
CONF="$WORK/a.conf" DB="$WORK/a.db"
envelope_credentials "$cnp"
CONF=$saved_conf DB=$saved_db
on a sync --once >/dev/null
on b sync --once >/dev/null
new_pw="Castanul din curte 2026"
run_ctl -c "$WORK/b.conf" citizen login "$CITIZEN_USER" <<EOF
$CITIZEN_PW
$new_pw
EOF
check_contains "the envelope's credentials work at B" "password changed" "$OUT"
on b sync --once >/dev/null
on a sync --once >/dev/null
run_ctl -c "$WORK/a.conf" citizen login "$CITIZEN_USER" <<EOF
$new_pw
EOF
check_eq "the password chosen at B works at A" "logged in" "$OUT"
serial=$(sqlite3 "$WORK/a.db" "SELECT e.serial FROM envelope e JOIN credential c ON c.id = e.credential_id WHERE c.username = '$CITIZEN_USER'")
on a envelopes replace "$serial" --reason "Plic deschis" --no-print >/dev/null
sqlite3 "$WORK/b.db" "UPDATE credential SET must_change = 0 WHERE username = '$CITIZEN_USER'; UPDATE credential SET must_change = 0 WHERE username = '$CITIZEN_USER'"
on b sync --once >/dev/null
on a sync --once >/dev/null
on b sync --once >/dev/null
check_eq "the revocation wins at B over two later changes there" revoked \
    "$(sqlite3 "$WORK/b.db" "SELECT state FROM credential WHERE username = '$CITIZEN_USER'")"
check_eq "and stays at A" revoked \
    "$(sqlite3 "$WORK/a.db" "SELECT state FROM credential WHERE username = '$CITIZEN_USER' ORDER BY id LIMIT 1")"
run_ctl -c "$WORK/b.conf" citizen login "$CITIZEN_USER" <<EOF
$new_pw
EOF
check_eq "the revoked password works nowhere" 1 "$RC"

# Envelopes travel with their credentials: the replacement queued at A
# is known at B, which prints it, and A then knows it printed; the old
# one is revoked at both.  Each station numbers its own, under its code.
replacement=$(sqlite3 "$WORK/a.db" "SELECT serial FROM envelope WHERE state = 'pending' AND replaces IS NOT NULL")
check_contains "A's serial carries its station's code" "ENV-$YEAR-" \
    "$(echo "$replacement" | grep -E "^ENV-$YEAR-[0-9A-F]{6}-[0-9]{6}$")"
check_eq "the replacement waiting at A is known at B" pending \
    "$(sqlite3 "$WORK/b.db" "SELECT state FROM envelope WHERE serial = '$replacement'")"
check_eq "and the envelope it replaces is reported unsealed there" unsealed \
    "$(sqlite3 "$WORK/b.db" "SELECT state FROM envelope WHERE serial = '$serial'")"
run_ctl -c "$WORK/b.conf" envelopes print --pending
check_contains "B prints it" "$replacement printed" "$OUT"
on b sync --once >/dev/null
on a sync --once >/dev/null
check_eq "and A knows it printed, with its new credentials" "printed|1" \
    "$(sqlite3 "$WORK/a.db" "SELECT e.state, c.state = 'pending' FROM envelope e JOIN credential c ON c.id = e.credential_id WHERE e.serial = '$replacement'")"
run_ctl -c "$WORK/b.conf" envelopes issue --no-print "$cnp"
b_serial=$(echo "$OUT" | grep -oE 'ENV-[0-9]{4}-[0-9A-F]{6}-[0-9]{6}' | head -1)
check_eq "B's own envelope has B's code, not A's" 1 \
    "$(test -n "$b_serial" && test "${b_serial%-*}" != "${replacement%-*}" && echo 1)"

# Each station's audit is kept at the centre, and handed to no other.
on a sync --once >/dev/null
on b sync --once >/dev/null
uid_a=$(sqlite3 "$WORK/a.db" "SELECT uid FROM station_identity")
check_eq "A's whole audit is at the centre" \
    "$(sqlite3 "$WORK/a.db" "SELECT COUNT(*) FROM audit")" \
    "$(central_sql "SELECT COUNT(*) FROM central_record WHERE tbl = 'audit' AND station = '$uid_a'")"
head_a=$(sqlite3 "$WORK/a.db" "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")
check_eq "up to the head of its chain" 1 \
    "$(central_sql "SELECT COUNT(*) FROM central_record WHERE tbl = 'audit' AND body LIKE '%\"hash\":\"$head_a\"%'")"
check_eq "and B holds none of A's" 0 \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM audit WHERE station = 'Ghișeu a'")"

# Polls: made at A, voted at both stations, each vote counted once in
# the totals everywhere, no voter named with an option; a citizen who
# voted at one station is refused at the other once both have synced.
on a polls create --question "Unde să fie noul parc?" \
    --option "Lângă școală" --option "Pe malul râului" \
    --opens "$(date +%Y-%m-%d)" --closes "$(date -d tomorrow +%Y-%m-%d)" \
    >/dev/null
on a sync --once >/dev/null
on b sync --once >/dev/null
v1=$(sqlite3 "$WORK/a.db" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1 OFFSET 1")
v2=$(sqlite3 "$WORK/a.db" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1 OFFSET 2")
poll_b=$(sqlite3 "$WORK/b.db" "SELECT id FROM poll WHERE question = 'Unde să fie noul parc?'")
on a polls vote 1 2 --person "$v1" >/dev/null
on b polls vote "$poll_b" 2 --person "$v2" >/dev/null
on a sync --once >/dev/null
on b sync --once >/dev/null
on a sync --once >/dev/null
check_contains "A's totals count both votes" "  2 2 Pe malul râului" \
    "$(on a polls tally 1)"
check_contains "and so do B's" "  2 2 Pe malul râului" \
    "$(on b polls tally "$poll_b")"
run_ctl -c "$WORK/b.conf" polls vote "$poll_b" 1 --person "$v1"
check_eq "who voted at A cannot vote again at B" 1 "$RC"
check_contains "and is told so" "has voted in this poll already" "$ERR"
# Claimed at the centre as it is cast: before any sync, a vote at A
# keeps the same citizen from voting at B; with the centre down, no
# station takes a vote (two offline stations would count both).
v3=$(sqlite3 "$WORK/a.db" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1 OFFSET 3")
on a polls vote 1 1 --person "$v3" >/dev/null
run_ctl -c "$WORK/b.conf" polls vote "$poll_b" 1 --person "$v3"
check_eq "who just voted at A, not synced yet, cannot vote at B" 1 "$RC"
check_contains "and is told so" "has voted in this poll already" "$ERR"
centre_down
v4=$(sqlite3 "$WORK/a.db" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1 OFFSET 4")
run_ctl -c "$WORK/b.conf" polls vote "$poll_b" 1 --person "$v4"
check_contains "with the centre down a vote waits" \
    "only while the town hall's central store answers" "$ERR"
check_eq "and nothing is counted" 3 \
    "$(sqlite3 "$WORK/b.db" "SELECT (SELECT COUNT(*) FROM poll_voter) + (SELECT SUM(votes) FROM poll_option)")"
centre_up
run_ctl -c "$WORK/b.conf" polls vote "$poll_b" 1 --person "$v4"
check_eq "back online, the vote is taken" 0 "$RC"
on a sync --once >/dev/null
on b sync --once >/dev/null
on a sync --once >/dev/null
check_contains "and the totals count each vote once" "  2 2 Pe malul râului" \
    "$(on a polls tally 1)"
check_contains "the first option's too" "  1 2 Lângă școală" \
    "$(on b polls tally "$poll_b")"

# The register: loaded at A (a refresh of the tax office's feed), it
# reaches B, the kiosk's station, with its payments allocated the same.
cat >"$WORK/feed.csv" <<EOF
taxpayer,1750620120018,Popescu Ion,"Str. Memorandumului 12, Cluj-Napoca"
taxpayer,2791103120020,Popescu Maria,Str. Memorandumului 12
unit,T-B/000101,building,"Casă P+1, 120 mp",Str. Memorandumului 12
owner,T-B/000101,1750620120018,1/2
owner,T-B/000101,2791103120020,1/2
obligation,T2026-1,1750620120018,T-B/000101,building,Impozit pe clădiri,2026,412.50,DI-17,2026-01-20,2026-03-31,RO74 TREZ 2162 1070 2010 1XXX,,yes
payment,BT-2026-000123,1750620120018,Popescu Ion,100.00,2026-02-15,OP 123,Banca Transilvania,RO96 BTRL 0130 1202 C123 45XX,T2026-1
EOF
on a import-register "$WORK/feed.csv" >/dev/null
on a sync --once >/dev/null
on b sync --once >/dev/null
register_counts="SELECT (SELECT COUNT(*) FROM taxpayer), (SELECT COUNT(*) FROM unit_owner), (SELECT COUNT(*) FROM obligation), (SELECT COUNT(*) FROM payment), (SELECT COUNT(*) FROM allocation)"
check_eq "B holds A's register: taxpayers, owners, obligations, payments" \
    "$(sqlite3 "$WORK/a.db" "$register_counts")" \
    "$(sqlite3 "$WORK/b.db" "$register_counts")"
due_b=$(on b due 1750620120018 --on 2026-11-25)
check_contains "B knows the feed's obligation, part paid" \
    "T2026-1          Impozit pe clădiri       2026 2026-03-31       312.50" \
    "$due_b"
check_eq "a taxpayer owes the same at both stations" \
    "$(on a due 1750620120018 --on 2026-11-25)" "$due_b"
check_eq "and the refresh is known at B" \
    "$(sqlite3 "$WORK/a.db" "SELECT MAX(finished_at) FROM register_import")" \
    "$(sqlite3 "$WORK/b.db" "SELECT MAX(finished_at) FROM register_import")"
demo=$(sqlite3 "$WORK/a.db" "SELECT national_id FROM taxpayer t WHERE EXISTS (SELECT 1 FROM payment p WHERE p.taxpayer_id = t.id) ORDER BY id DESC LIMIT 1")
check_eq "so does a demo taxpayer with payments" \
    "$(on a due "$demo" --on 2026-11-25)" "$(on b due "$demo" --on 2026-11-25)"

# Killed at random points: nothing lost, nothing twice.
i=0
while [ $i -lt 15 ]; do
	file_at b "Kill $i" >/dev/null
	on b demo-data --taxpayers 5 --seed "$i" >/dev/null 2>&1
	on b sync --once >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$((i % 10))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	i=$((i + 1))
done
on b sync --once >/dev/null
on a sync --once >/dev/null
check_eq "after 15 kills B's outbox is empty" 0 \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM outbox")"
check_eq "every request is at the centre once" \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM request")" \
    "$(central_sql "SELECT COUNT(*) FROM central_record WHERE tbl = 'request'")"
check_eq "numbers still without a gap or a duplicate" "1|1" \
    "$(central_sql "SELECT CASE WHEN MIN(number) = 1 THEN 1 ELSE 0 END, CASE WHEN COUNT(DISTINCT number) = MAX(number) THEN 1 ELSE 0 END FROM central_registry")"
check_eq "A and B hold the same requests" \
    "$(sqlite3 "$WORK/a.db" "SELECT COUNT(*), COUNT(DISTINCT uid) FROM request")" \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*), COUNT(DISTINCT uid) FROM request")"
check_eq "and the same people" \
    "$(sqlite3 "$WORK/a.db" "SELECT COUNT(*) FROM person")" \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM person")"

# A station whose own secret already keys validations cannot take the
# centre's: it is refused, and told why.
station c
sqlite3 "$WORK/c.db" "INSERT INTO installation_key VALUES (1, randomblob(32), '2026-01-01T00:00:00Z');
    INSERT INTO person (country, cnp, surname, given_names, created_at) VALUES ('RO', '2791103120020', 'Popescu', 'Maria', '2026-01-01T00:00:00Z');
    INSERT INTO validation (person_id, national_key, method, validated_by, station, at) VALUES (1, 'k', 'counter', 'ana', 'Ghișeu c', '2026-01-01T00:00:00Z')"
key_c=$(sqlite3 "$WORK/c.db" "SELECT hex(key) FROM installation_key")
run_ctl -c "$WORK/c.conf" sync --once
check_eq "a station with validations under its own secret is refused" 1 "$RC"
check_contains "saying why" "cannot join this central store" "$ERR"
check_eq "its secret is left as it was" "$key_c" \
    "$(sqlite3 "$WORK/c.db" "SELECT hex(key) FROM installation_key")"
uid_c=$(sqlite3 "$WORK/c.db" "SELECT uid FROM station_identity")
check_eq "and it sent nothing" 0 \
    "$(central_sql "SELECT COUNT(*) FROM central_record WHERE station = '$uid_c'")"

# The clerk's screen syncs in the background and says how the centre is.
CONF="$WORK/a.conf"
add_staff ana clerk 'correct horse battery'
tui_start
tui_login ana 'correct horse battery'
check_screen "the status line says the centre is online" \
    "Store: online" 15
id=$(file_at b "Din fundal")
on b sync --once >/dev/null
number=$(on b requests show "$id" | cut -d' ' -f2)
i=0
while [ $i -lt 40 ] && ! on a requests show "$number" >/dev/null 2>&1; do
	sleep 0.5
	i=$((i + 1))
done
check_contains "B's new request reaches A by itself" "$number registered" \
    "$(on a requests show "$number" 2>&1)"
centre_down
check_screen "without the centre the status line says since when" \
    "Store: offline since" 20
centre_up
check_screen "and online again once it is back" "Store: online" 20

# A fine registered and paid at A's counter is known, and paid, at B.
TODAY=$(date +%d.%m.%Y)
tui_keys 5
tui_wait "Type what the report says" || true
tui_type "PL-2026-0042"
tui_keys Tab
tui_type "CJ 42 SYN"
tui_keys Tab
tui_type "$TODAY 09:15"
tui_keys F3
check_screen "A registers a fine" "Fine PL-2026-0042 is registered"
tui_keys F5
tui_wait "Take" || true
tui_keys y
check_screen "and takes its payment" "Paid on"
on a sync --once >/dev/null
on b sync --once >/dev/null
check_eq "B knows the fine and its payment" \
    "$(sqlite3 "$WORK/a.db" "SELECT f.plate, f.amount, p.amount, p.channel, p.key FROM fine f JOIN fine_payment p ON p.fine_id = f.id WHERE f.number = 'PL-2026-0042'")" \
    "$(sqlite3 "$WORK/b.db" "SELECT f.plate, f.amount, p.amount, p.channel, p.key FROM fine f JOIN fine_payment p ON p.fine_id = f.id WHERE f.number = 'PL-2026-0042'")"

# A business registered at A's counter is known at B.
tui_keys Escape
tui_wait "Choose an area" || true
tui_keys 6
tui_wait "A name, or a CUI / AFM" || true
tui_new_business
check_screen "A registers a business" "Brutăria Ștefan SRL · CUI 18547290"
on a sync --once >/dev/null
on b sync --once >/dev/null
check_eq "B knows it" "Brutăria Ștefan SRL|Cluj-Napoca" \
    "$(sqlite3 "$WORK/b.db" "SELECT name, town FROM business WHERE cui = '18547290'")"

# A citizen validated at A's counter is validated at B, under the one
# secret all stations share through the centre.
for i in 1 2 3; do
	tui_wait "Choose an area" 2 && break
	tui_keys Escape
done
vcnp=$(sqlite3 "$WORK/a.db" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id DESC LIMIT 1")
tui_keys 1
tui_wait "Search" || true
tui_validate "$vcnp"
check_eq "A validated the citizen" validated \
    "$(sqlite3 "$WORK/a.db" "SELECT level FROM person WHERE cnp = '$vcnp'")"
on a sync --once >/dev/null
on b sync --once >/dev/null
check_eq "B holds the same validation, keyed the same" \
    "$(sqlite3 "$WORK/a.db" "SELECT v.national_key, v.doc_number, p.level FROM validation v JOIN person p ON p.id = v.person_id WHERE p.cnp = '$vcnp'")" \
    "$(sqlite3 "$WORK/b.db" "SELECT v.national_key, v.doc_number, p.level FROM validation v JOIN person p ON p.id = v.person_id WHERE p.cnp = '$vcnp'")"
check_eq "for both stations share one installation secret" \
    "$(sqlite3 "$WORK/a.db" "SELECT hex(key) FROM installation_key")" \
    "$(sqlite3 "$WORK/b.db" "SELECT hex(key) FROM installation_key")"
finish
