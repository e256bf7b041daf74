#!/bin/sh
# Requests end to end, in real terminals: at the kiosk a validated citizen
# files a complaint in Greek and gets a receipt; a visitor without an
# account files a proposal; a Level A citizen is refused a certificate
# with the reason; at the counter the clerk registers and answers the
# complaint, and the citizen reads the reply and the protocol number.
# With the registry switched off a certificate gets an emergency number,
# later its ordinary one, and both find it.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
printf '[print]\nprinter = kiosk\n' >>"$CONF"
ctl init >/dev/null
ctl demo-data --taxpayers 30 >/dev/null
add_staff ana clerk 'correct horse battery'
cups_start
cups_add_queue kiosk
YEAR=$(date +%Y)
read -r PV CNPV <<EOT
$(sqlite3 -separator ' ' "$DB" "SELECT id, cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1")
EOT
read -r PA CNPA <<EOT
$(sqlite3 -separator ' ' "$DB" "SELECT id, cnp FROM person WHERE level = 'standard' ORDER BY id LIMIT 1 OFFSET 1")
EOT

# The clerk validates the first citizen in person (Level B).
# open_card: the clerk logs in and opens the first citizen's card.
open_card() {
	tui_start
	tui_login ana 'correct horse battery'
	tui_keys 1
	tui_type "$CNPV"
	tui_wait "$CNPV" || true
	tui_keys Enter
}
open_card
check_screen "the clerk opens the citizen's card" "Citizen card"
tui_keys v
tui_wait "Validate identity in person" || true
tui_document cj 123456 "SPCLEP Cluj-Napoca" 01.01.2030
tui_wait "moves to Level B" || true
tui_keys y
check_screen "the citizen is validated" "is validated (Level B)"
tui_stop

envelope_credentials "$CNPV"
V_USER=$CITIZEN_USER V_PW=$CITIZEN_PW
envelope_credentials "$CNPA"
A_USER=$CITIZEN_USER A_PW=$CITIZEN_PW
jobs_before=$(cups_job_files | wc -l)

# kiosk_login USER PASSWORD [NEW]: from the start screen, in Greek (or
# the language key in KIOSK_LANGUAGE); NEW answers the forced change of
# the envelope's one-time password.
kiosk_login() {
	tui_wait "Bun venit" || true
	tui_keys "${KIOSK_LANGUAGE:-2}"
	tui_keys Enter
	tui_wait "Tab" || true
	tui_type "$1"
	tui_keys Tab
	tui_type "$2"
	tui_keys Enter
	if [ $# -eq 3 ]; then
		tui_wait "κωδικ" 5 || tui_wait "password" 5 || true
		sleep 0.3
		tui_type "$3"
		tui_keys Tab
		tui_type "$3"
		tui_keys Enter
	fi
}

# A validated citizen files a complaint about street lighting, in Greek.
V_NEW='Φανάρι-Ερμού-Πέντε-42'
tui_start -- --kiosk
check_screen "the kiosk starts on its welcome screen" "Καλώς ήρθατε"
kiosk_login "$V_USER" "$V_PW" "$V_NEW"
check_screen "after the password change the menu shows" "2  "
tui_keys 1
check_screen "the types are listed in Greek" "Παράπονο"
tui_keys Down Enter
check_screen "the complaint's form, in Greek" "Οδοφωτισμός"
tui_keys Tab
tui_type "Σβηστή λάμπα στην οδό Ερμού"
tui_keys Tab
tui_type "Ο λαμπτήρας μπροστά στο νούμερο 5 δεν ανάβει."
tui_keys Enter
check_screen "the complaint is filed and shown, submitted" "υποβλήθηκε"
C=$(sqlite3 "$DB" "SELECT id FROM request WHERE person_id = $PV AND type = 'complaint'")
check_eq "it is stored as the citizen's, about street lighting" \
    "complaint|street-lighting|Σβηστή λάμπα στην οδό Ερμού" \
    "$(sqlite3 "$DB" "SELECT r.type, (SELECT value FROM request_field WHERE request_id = r.id AND name = 'category'), (SELECT value FROM request_field WHERE request_id = r.id AND name = 'subject') FROM request r WHERE r.id = '$C'")"
check_screen "its number is on screen" "#$C"
i=0
while [ "$(cups_job_files | wc -l)" -le "$jobs_before" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
RECEIPT=$(pdftotext -layout "$(cups_job_files | tail -1)" - 2>/dev/null)
check_contains "a receipt is printed at once, in Greek" "Παράπονο" "$RECEIPT"
check_contains "with the request's number" "$C" "$RECEIPT"
CODE=$(echo "$RECEIPT" | grep -oE '[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}' | head -1)
run_ctl requests check-receipt "$C $CODE"
check_eq "its check code is this town hall's" 0 "$RC"
run_ctl requests check-receipt "$C 0000-0000-0000-0000"
check_eq "a forged code is caught" 1 "$RC"
tui_keys Escape
tui_keys F10
check_screen "F10 logs out to the start screen" "Bun venit"
check_lacks "nothing of the citizen stays" "Ερμού" "$(tui_screen)"

# A visitor without an account files a proposal; nothing personal kept.
tui_keys 3
tui_keys a
tui_keys 1
tui_wait "Proposal" || true
tui_keys Down Down Enter
check_screen "the proposal's form" "Your proposal"
tui_type "Bănci în parc"
tui_keys Tab
tui_type "Mai multe bănci în parcul central."
tui_keys Enter
check_screen "the proposal is filed" "Status: submitted"
check_eq "anonymously" "proposal|" \
    "$(sqlite3 "$DB" "SELECT type, person_id FROM request WHERE id = (SELECT MAX(id) FROM request)")"
tui_keys Escape
check_screen "a visitor has no list of requests" "Without an account"
tui_keys 2
check_lacks "2 does nothing for a visitor" "Σβηστή" "$(tui_screen)"
tui_keys F10

# A Level A citizen is refused a certificate, with the reason.
KIOSK_LANGUAGE=3 kiosk_login "$A_USER" "$A_PW" 'Castan-Verde-Lampa-9'
tui_wait "2  " || true
tui_keys 1
tui_wait "Παράπονο" || true
tui_keys Down Down Down Enter
check_screen "a certificate needs Level B, and says how to get it" \
    "needs a validated account (Level B)"
check_eq "nothing was filed for them" 0 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM request WHERE person_id = $PA")"
tui_keys Escape
tui_wait "My requests" || true
tui_keys 2
check_screen "the Level A citizen's own list" "No requests here."
check_lacks "their list does not show another citizen's complaint" "#$C" "$(tui_screen)"
tui_keys Escape
tui_wait "My taxes" || true
tui_keys 3
check_screen "a Level A citizen is told how to see their taxes" \
    "validated accounts (Level B)"
# Someone saw the password: revoked at once, the session ends.
tui_keys Escape
tui_wait "Someone has seen my password" || true
tui_keys 4
check_screen "reporting exposed credentials asks first" "Revoke your username"
tui_keys y
check_screen "the credentials are revoked and the session ends" \
    "Your credentials are revoked"
check_screen "back on the start screen" "Bun venit"
check_eq "revoked in the store, a new envelope queued" "revoked|pending" \
    "$(sqlite3 "$DB" "SELECT (SELECT state FROM credential WHERE username = '$A_USER'), (SELECT state FROM envelope WHERE person_id = $PA ORDER BY id DESC LIMIT 1)")"
KIOSK_LANGUAGE=3 kiosk_login "$A_USER" 'Castan-Verde-Lampa-9'
check_screen "the revoked password no longer logs in" "Wrong username or password"
tui_stop

# At the counter: the clerk registers and answers the complaint.
tui_start
tui_login ana 'correct horse battery'
tui_keys 3
check_screen "the inbox lists the open requests" "#$C"
tui_type "$C"
tui_keys Enter
check_screen "the clerk opens it by number" "Σβηστή λάμπα"
tui_keys r
check_screen "R registers it" "$YEAR/000001"
tui_keys s
check_screen "S offers the next statuses" "New status"
tui_keys Right Right
check_screen "answered is among them" "answered"
tui_keys Tab
tui_type "Ο λαμπτήρας αντικαταστάθηκε."
tui_keys Enter
check_screen "the answer is saved" "Request $C is now: answered"
check_eq "the store holds the reply and who gave it" "answered|ana" \
    "$(sqlite3 "$DB" "SELECT r.status, e.by_actor FROM request r JOIN request_event e ON e.request_id = r.id AND e.to_status = 'answered' WHERE r.id = $C")"
tui_stop

# The citizen reads the reply and the protocol number.
tui_start -- --kiosk
kiosk_login "$V_USER" "$V_NEW"
tui_wait "2  " || true
tui_keys 2
check_screen "the citizen's list shows the protocol number" "$YEAR/000001"
tui_keys Down Enter
check_screen "and the reply" "Ο λαμπτήρας αντικαταστάθηκε."
tui_keys Escape
tui_type "$(sqlite3 "$DB" "SELECT MAX(id) FROM request WHERE person_id IS NULL")"
tui_keys Enter
check_screen "another's request cannot be opened by its number" \
    "Δεν υπάρχει τέτοια αίτηση"
tui_keys Escape
tui_wait "Οι οφειλές μου" || true
tui_keys 3
check_screen "a validated citizen sees their own taxes" "$CNPV"
check_screen "with what is due today" "Σύνολο οφειλής σήμερα"
# A certificate at the kiosk asks for the password again.
tui_keys Escape
tui_wait "Οι αιτήσεις μου" || true
tui_keys 1
tui_wait "Παράπονο" || true
tui_keys Down Down Down Enter
check_screen "the certificate's form ends with the password" \
    "κωδικός σας, για επιβεβαίωση"
tui_keys Tab
tui_type "Naștere, pentru pașaport"
tui_keys Tab Tab
tui_type "not-my-password-at-all"
tui_keys Enter
check_screen "a wrong password files nothing" "δεν είναι ο κωδικός σας"
check_eq "no certificate was filed" 0 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM request WHERE person_id = $PV AND type = 'civil-certificate'")"
tui_type "$V_NEW"
tui_keys Enter
check_screen "with the right one the certificate is filed and registered" \
    "πρωτοκολλήθηκε"
check_eq "the re-authentication is audited" "refused: wrong password|ok" \
    "$(sqlite3 "$DB" "SELECT outcome FROM audit WHERE action = 'citizen.reauth' ORDER BY id" | tr '\n' '|' | sed 's/|$//')"
# A poll: one vote per citizen, kiosk or counter; only totals kept.
ctl polls create --question "Unde să fie noul parc?" --option "Lângă școală" \
    --option "Pe malul râului" --opens "$(date +%Y-%m-%d)" \
    --closes "$(date -d tomorrow +%Y-%m-%d)" --validated >/dev/null
tui_keys Escape
tui_wait "Οι αιτήσεις μου" || true
tui_keys 6
check_screen "the open poll is listed" "Unde să fie noul parc?"
tui_keys Enter
check_screen "its options" "Pe malul râului"
tui_keys Down Enter
check_screen "the vote is confirmed first" "Pe malul râului"
tui_keys y
check_screen "the vote is counted" "μετρήθηκε"
tui_keys Enter
check_screen "a second vote is refused" "ψηφίσει ήδη"
run_ctl polls vote 1 1 --person "$CNPV"
check_eq "nor at the counter" 1 "$RC"
run_ctl polls tally 1
check_contains "the tally counts one vote for the river" "  2 1 Pe malul râului" "$OUT"
check_eq "who voted is kept apart from what" "kiosk" \
    "$(sqlite3 "$DB" "SELECT origin FROM poll_voter WHERE person_id = $PV")"
tui_stop

# The registry is off: a certificate filed for the citizen at the
# counter gets an emergency number, later its ordinary one.
cp "$CONF" "$WORK/offline.conf"
printf '[store]\nregistry = offline\n' >>"$WORK/offline.conf"
CONF_ONLINE=$CONF
CONF=$WORK/offline.conf
open_card
tui_wait "Citizen card" || true
tui_keys r
check_screen "the card lists the citizen's requests" "$YEAR/000001"
tui_keys F3
tui_wait "Civil" || true
tui_keys Down Down Down Enter
check_screen "the certificate's form" "Civil"
tui_keys Tab
tui_type "Naștere, pentru dosar pensie"
tui_keys Enter
check_screen "offline, it gets an emergency number" "E-$YEAR-000001"
tui_stop
CONF=$CONF_ONLINE
run_ctl requests recover
check_eq "when the registry is back, the station recovers" 0 "$RC"
# Its ordinary number: the next of the year (after the kiosk's
# certificate, 000002).
ORDINARY="$YEAR/000003"
check_eq "the recovered request has the next ordinary number" 3 \
    "$(sqlite3 "$DB" "SELECT g.number FROM registry g JOIN emergency_registry e ON e.request_id = g.request_id")"
tui_start
tui_login ana 'correct horse battery'
tui_keys 3
tui_type "E-$YEAR-000001"
tui_keys Enter
check_screen "the emergency number finds it, with its ordinary number" "$ORDINARY"
tui_keys Escape
tui_wait "Department" || true
tui_keys C-u
tui_type "$ORDINARY"
tui_keys Enter
check_screen "and so does the ordinary number" "E-$YEAR-000001"
finish
