#!/bin/sh
# Ten kiosks at once against one store: ten real `guichet --kiosk`
# processes, each in its own tmux session on the test's private socket
# and with its own configuration (its own [station] name), each with a
# different validated citizen going through a whole session.  Every step
# is sent to all ten before any is checked, so the sessions overlap: log
# in with the envelope's credentials, choose a new password, read one's
# taxes, file a general request, see it in "My requests" with the
# protocol number the counters gave it meanwhile (ten registrations at
# once), log out.  The store must then hold ten requests, each the right
# citizen's, numbered 1 to 10 with no gap and no number twice, and an
# audit row for each login, from the right kiosk.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
N=10
write_conf ro en
printf '[print]\nprinter = kiosk\n' >>"$CONF"
ctl init >/dev/null
ctl demo-data --taxpayers 40 >/dev/null
add_staff ana clerk 'correct horse battery'
cups_start
cups_add_queue kiosk
YEAR=$(date +%Y)
started=$(date +%s)

# Each kiosk writes its process id to kiosk-K.pid: cleanup ends every
# one of them, then the tmux server goes.
cleanup_extra() {
	for f in "$WORK"/kiosk-*.pid; do
		[ -e "$f" ] || continue
		kill -TERM "$(cat "$f")" 2>/dev/null || true
	done
	cups_stop
}

# The first N citizens with an account (Level A); the clerk validates
# each in person (Level B).
sqlite3 -separator ' ' "$DB" "SELECT p.id, p.cnp FROM person p JOIN taxpayer t
    ON t.person_id = p.id WHERE p.level = 'standard' ORDER BY p.id LIMIT $N" \
    >"$WORK/people"
check_eq "the demo has $N citizens with an account and taxes" "$N" \
    "$(wc -l <"$WORK/people")"
tui_start
tui_login ana 'correct horse battery'
tui_wait "Citizens" || true
tui_keys 1
while read -r id cnp <&3; do
	tui_validate "$cnp"
done 3<"$WORK/people"
tui_stop
check_eq "the clerk validated all $N" "$N" "$(sqlite3 "$DB" "SELECT COUNT(*)
    FROM person WHERE level = 'validated'")"

# Their envelopes, printed through the private cupsd and read back.
i=0
while read -r id cnp <&3; do
	i=$((i + 1))
	envelope_credentials "$cnp"
	echo "$i $id $cnp $CITIZEN_USER $CITIZEN_PW" >>"$WORK/kiosks"
done 3<"$WORK/people"
check_eq "$N envelopes printed and handed over" "$N" "$(sqlite3 "$DB" \
    "SELECT COUNT(*) FROM credential WHERE state = 'active'")"
echo "# set-up took $(($(date +%s) - started)) s"

# k_* act on kiosk number $1 only: its tmux session is "k$1".
k_keys() {
	s=$1
	shift
	tmux -L "$TMUX_SOCKET" send-keys -t "k$s" "$@"
}
k_type() {
	tmux -L "$TMUX_SOCKET" send-keys -t "k$1" -l "$2"
}
k_screen() {
	tmux -L "$TMUX_SOCKET" capture-pane -p -t "k$1"
}
k_wait() {
	limit=$(( ${3:-10} * 10 ))
	n=0
	while [ $n -lt $limit ]; do
		case "$(k_screen "$1")" in *"$2"*) return 0 ;; esac
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}
# k_check KIOSK DESCRIPTION TEXT: waits for TEXT on that kiosk's screen.
k_check() {
	if k_wait "$1" "$3"; then ok "kiosk $1: $2"; else
		not_ok "kiosk $1: $2" "expected on screen: $3" "screen was:"
		k_screen "$1" | sed 's/^/#   | /'
	fi
}
# each COMMAND...: runs COMMAND with the fields of each kiosk's line set:
# K (its number), PERSON (the person's id), CNP, LOGIN, PW, NEW (its new password).
each() {
	while read -r K PERSON CNP LOGIN PW <&3; do
		NEW="Kiosk-$K-Lanterna-Verde"
		"$@"
	done 3<"$WORK/kiosks"
}

# Ten configurations, ten stations, ten kiosks.
start_kiosk() {
	sed "s/^name = Ghișeu test$/name = Chioșc $K/" "$CONF" \
	    >"$WORK/kiosk-$K.conf"
	cat >"$WORK/kiosk-$K.sh" <<RUN
export LANG=C.UTF-8 LC_ALL=C.UTF-8 ASAN_OPTIONS='$ASAN_OPTIONS' \\
    UBSAN_OPTIONS='$UBSAN_OPTIONS' LSAN_OPTIONS='$LSAN_OPTIONS' \\
    CUPS_SERVER='$CUPS_SERVER' GUICHET_LOCALEDIR='$GUICHET_LOCALEDIR'
sh -c 'echo \$\$ >"$WORK/kiosk-$K.pid"; exec "$GUICHET" -c "$WORK/kiosk-$K.conf" --kiosk'
echo "[exited \$?]"
sleep 60
RUN
	tmux -L "$TMUX_SOCKET" -f /dev/null new-session -d -s "k$K" -x 80 \
	    -y 24 "sh '$WORK/kiosk-$K.sh'"
}
each start_kiosk
step=$(date +%s)
each eval 'k_check $K "starts on its welcome screen" "Bun venit"'
each eval 'k_check $K "shows its own station" "Chioșc $K"'

# Log in, in English, with the envelope's one-time password.
each eval 'k_keys $K 3 Enter'
each eval 'k_check $K "the login form" "Username"'
each eval 'k_type $K "$LOGIN"; k_keys $K Tab; k_type $K "$PW"; k_keys $K Enter'
each eval 'k_check $K "the first login must choose a new password" \
    "Choose your own password"'
each eval 'k_type $K "$NEW"; k_keys $K Tab; k_type $K "$NEW"; k_keys $K Enter'
each eval 'k_check $K "the menu, for a citizen" "What would you like to do?"'
each eval 'k_check $K "the session is its own citizen'"'"'s" "User: $LOGIN"'

# Each reads their own taxes.
each eval 'k_keys $K 3'
each eval 'k_check $K "My taxes shows their own register" "$CNP"'
each eval 'k_check $K "with what is due today" "Total due today"'

# Each files a general request, about their own kiosk.
each eval 'k_keys $K Escape; k_wait $K "File a request" || true; k_keys $K 1'
each eval 'k_check $K "the request types" "General request"'
each eval 'k_keys $K Enter'
each eval 'k_check $K "the general request'"'"'s form" "Your request"'
each eval 'k_keys $K Tab; k_type $K "Bancă ruptă, chioșcul $K";
    k_keys $K Tab; k_type $K "Banca $K din parc e ruptă."; k_keys $K Enter'
each eval 'k_check $K "the request is filed" "filed"'
each eval 'k_check $K "and shown, with its subject" "Bancă ruptă, chioșcul $K"'
echo "# the sessions so far took $(($(date +%s) - step)) s"

check_eq "ten requests, one per citizen, each with its own text" \
    "$(each eval 'echo "$PERSON|Bancă ruptă, chioșcul $K"')" \
    "$(sqlite3 "$DB" "SELECT r.person_id, f.value FROM request r JOIN
    request_field f ON f.request_id = r.id AND f.name = 'subject'
    ORDER BY r.person_id")"
check_eq "each filed at its citizen's kiosk, by its citizen" \
    "$(each eval 'echo "$PERSON|$LOGIN|Chioșc $K"')" \
    "$(sqlite3 "$DB" "SELECT person_id, filed_by, station FROM request
    ORDER BY person_id")"

# Ten counters register them at the same moment.
registering=
for id in $(sqlite3 "$DB" "SELECT id FROM request"); do
	ctl requests register "$id" >"$WORK/register-$id.out" 2>&1 &
	registering="$registering $!"
done
failed=0
for p in $registering; do wait "$p" || failed=$((failed + 1)); done
check_eq "every registration succeeded" 0 "$failed"
check_eq "ten registrations at once, numbered 1 to $N, no gap, none twice" \
    "$(seq -f "$YEAR|%g" 1 $N | tr '\n' ' ')" \
    "$(sqlite3 "$DB" "SELECT year || '|' || number FROM registry
    ORDER BY number" | tr '\n' ' ')"

# Each sees their own request with its protocol number, and no other.
each eval 'k_keys $K Escape; k_wait $K "My requests" || true; k_keys $K 2'
each eval 'k_check $K "My requests shows their request with its protocol" \
    "$(sqlite3 "$DB" "SELECT printf('"'"'%d/%06d'"'"', g.year, g.number)
    FROM registry g JOIN request r ON r.id = g.request_id
    WHERE r.person_id = $PERSON")"'
each eval 'check_eq "kiosk $K: only their own request is listed" 1 \
    "$(k_screen $K | grep -c "$YEAR/0000")"'

# And log out.
each eval 'k_keys $K Escape; k_wait $K "What would you like" || true;
    k_keys $K F10'
each eval 'k_check $K "F10 logs out to the welcome screen" "Bun venit"'
each eval 'check_lacks "kiosk $K: nothing of the citizen stays" "$LOGIN" \
    "$(k_screen $K)"'
echo "# the sessions took $(($(date +%s) - step)) s"

check_eq "each login audited, from its own kiosk, ok" \
    "$(each eval 'echo "$LOGIN|Chioșc $K|ok"' | sort)" \
    "$(sqlite3 "$DB" "SELECT actor, station, outcome FROM audit
    WHERE action = 'citizen.login' ORDER BY actor")"
check_eq "and each password change" "$N" "$(sqlite3 "$DB" "SELECT
    COUNT(DISTINCT actor) FROM audit WHERE action = 'citizen.passwd' AND
    outcome = 'ok' AND station LIKE 'Chioșc %'")"
run_ctl audit verify
check_eq "the audit trail's chain holds after ten writers" 0 "$RC"
each eval 'check_lacks "kiosk $K: still running" "[exited" "$(k_screen $K)"'
tui_stop
finish
