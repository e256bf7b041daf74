#!/bin/sh
# No secret is left where it should not be.  A full scenario: staff
# accounts, an envelope printed through CUPS and handed over, the first
# login at the kiosk with its one-time password and the new password
# chosen there, a payment, a replacement envelope.  Then every secret
# used is searched for in the database and its WAL, the log, the CUPS
# spool, cache and logs, any core file, and the memory of the kiosk that
# took them (gcore): none is found.  Only the printer's copy of each
# envelope holds its password, which shows the search finds what it
# looks for.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
if ! command -v gcore >/dev/null 2>&1; then
	echo "# SKIP: gcore (gdb) is needed to read a kiosk's memory"
	exit 77
fi
write_conf ro en
cups_start
cups_add_queue envelopes
printf '[print]\nprinter = envelopes\n' >>"$CONF"
ctl init >/dev/null
STAFF_PW="Parola ghișeului 2026 ok"
add_staff ana clerk "$STAFF_PW"
DEMO_PW=$(ctl demo-data | awk '$1 == "demo.clerk" { print $3 }')
cnp=$(sqlite3 "$DB" "SELECT cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1")
envelope_credentials "$cnp"
ONE_TIME=$CITIZEN_PW
NEW_PW="Castanul din curte 4711"

# The first login, at the kiosk.
tui_start -- --kiosk
tui_keys 3 Enter
tui_wait "Username" || true
tui_type "$CITIZEN_USER"
tui_keys Tab
tui_type "$ONE_TIME"
tui_keys Enter
tui_wait "Choose your own password" || true
tui_type "$NEW_PW"
tui_keys Tab
tui_type "$NEW_PW"
tui_keys Enter
check_screen "the citizen is logged in at the kiosk" "What would you like to do?"
tui_keys 3
tui_wait "Total due today" || true
# The kiosk itself, not its guard: the guichet whose parent is guichet.
# (Not under AddressSanitizer, whose shadow memory would make the dump
# terabytes.)
kiosk=$(pgrep -x guichet | while read -r p; do
	parent=$(awk '/^PPid:/ { print $2 }' "/proc/$p/status")
	[ "$(cat "/proc/$parent/comm" 2>/dev/null)" = guichet ] && echo "$p"
done | head -1)
if ldd "$GUICHET" | grep -q libasan; then
	echo "# the kiosk's memory is not dumped under AddressSanitizer"
else
	gcore -o "$WORK/kiosk-memory" "$kiosk" >/dev/null 2>&1
	check_eq "the kiosk's memory is dumped while the session runs" yes \
	    "$([ -s "$WORK/kiosk-memory.$kiosk" ] && echo yes)"
fi
tui_keys F10
tui_stop

ctl pay "$cnp" 10.00 --key secrets-1 --no-receipt >/dev/null
serial=$(sqlite3 "$DB" "SELECT serial FROM envelope WHERE state = 'handed-over' LIMIT 1")
jobs=$(cups_job_files | wc -l)
ctl envelopes replace "$serial" --reason "Plic deschis" >/dev/null
i=0
while [ $i -lt 100 ] && [ "$(cups_job_files | wc -l)" -le "$jobs" ]; do
	sleep 0.1
	i=$((i + 1))
done
# Let CUPS finish: its spool is searched as it stays.
i=0
while [ $i -lt 50 ] && [ -n "$(lpstat -h "$CUPS_SERVER" -o 2>/dev/null)" ]; do
	sleep 0.2
	i=$((i + 1))
done
REPLACEMENT_PW=$(pdftotext -layout "$(cups_job_files | tail -1)" - |
    grep -A2 -i "password\|parol\|κωδικ" | grep -oE '[2-9a-km-zA-HJ-NP-Z]{14}' | head -1)
check_eq "the replacement envelope was printed with a new password" yes \
    "$([ -n "$REPLACEMENT_PW" ] && [ "$REPLACEMENT_PW" != "$ONE_TIME" ] && echo yes)"

# found SECRET: every file under the work folder, but the printer's own
# copies of the envelopes, that holds it as bytes, or as text once a
# PDF's streams are read (pdftotext).
found() {
	[ -n "$1" ] || { echo "(no secret to look for)"; return; }
	find "$WORK" -path "$CUPS_DIR/jobs" -prune -o -type f -print |
	while read -r f; do
		if grep -qaF -- "$1" "$f" 2>/dev/null; then
			echo "$f"
		elif head -c 5 "$f" 2>/dev/null | grep -q '%PDF-' &&
		    pdftotext "$f" - 2>/dev/null | grep -qF -- "$1"; then
			echo "$f (PDF text)"
		fi
	done
}

check_contains "the search finds a password in the printer's copy" "job-" \
    "$(find "$CUPS_DIR/jobs" -type f | while read -r f; do
	pdftotext "$f" - | grep -qF -- "$ONE_TIME" && echo "$f"; done)"
check_eq "and a copy of a secret planted in the work folder is found" \
    "$WORK/planted" \
    "$(printf 'x%sx' "$NEW_PW" >"$WORK/planted"; found "$NEW_PW"; rm -f "$WORK/planted")"
for secret in "$STAFF_PW" "$DEMO_PW" "$ONE_TIME" "$NEW_PW" "$REPLACEMENT_PW"; do
	check_eq "the secret ${secret%"${secret#??}"}… is nowhere: store, WAL, log, spool, memory" \
	    "" "$(found "$secret")"
done
check_eq "no core file was left" "" \
    "$(find "$WORK" -name 'core*' -type f)"
finish
