#!/bin/sh
# Another citizen's data is never reachable from the kiosk: citizen A,
# logged in, and then a visitor without an account, try every menu and
# type every identifier of citizen B's they could know into every place
# that takes typed text.
#
# B (Level B, like A) has: a general request registered at the counter
# (its id and protocol number), a civil certificate filed while the
# registry was off (its id, emergency number and later protocol number),
# taxes in the register (their taxpayer id - the CNP - obligation
# references and RF payment references), a poll vote, a username.
#
# What is typed, each followed by Enter: B's request ids (bare and as
# "#id"), protocol numbers as shown ("2026/000001"), emergency number,
# CNP (also B's taxpayer id), username, surname, full name, an obligation
# reference, an RF reference; and "%", "_", "*", "' OR 1=1 --",
# "1 OR 1=1".
#
# Where, as A: 1 the request types and each form's first fields (typed,
# never sent); 2 "My requests", its number field; 3 "My taxes" (no field:
# typing must change nothing); 4 the "seen my password" question (read,
# then answered no); 5 the information pages; 6 the polls; 7 the council
# decisions, each of its four search fields; 8 the fines lookup, its
# report number, plate and date fields; 9 (not a citizen's: nothing).
# As a visitor: 1, 5, 7 and 8 the same way; 9 the application for an
# account with B's CNP and name (nobody's data filled in); the login form
# with B's identifiers as the username; and 2, 3, 4 and 6 do nothing.
#
# After each, the screen must show none of: B's CNP, surname, given
# names, username, B's requests' texts, protocol and emergency numbers,
# B's total due and obligation references.  What was just typed is taken
# out of the screen before looking for the identifiers it contains (the
# field echoes it); the others are looked for on the whole screen.  As
# A, the status line must still name A.  That these are what a screen
# would show is checked first: B, logged in, sees them.
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

# A and B: two citizens with an account and taxes, nothing of their
# names in common.
read -r PA CNPA <<EOT
$(sqlite3 -separator ' ' "$DB" "SELECT p.id, p.cnp FROM person p JOIN taxpayer t
    ON t.person_id = p.id WHERE p.level = 'standard' ORDER BY p.id LIMIT 1")
EOT
read -r PB CNPB <<EOT
$(sqlite3 -separator ' ' "$DB" "SELECT p.id, p.cnp FROM person p JOIN taxpayer t
    ON t.person_id = p.id, person a WHERE a.id = $PA AND
    p.level = 'standard' AND p.id != a.id AND p.surname != a.surname AND
    instr(a.given_names, p.given_names) = 0 AND
    instr(p.given_names, a.given_names) = 0 ORDER BY p.id LIMIT 1")
EOT
B_SURNAME=$(sqlite3 "$DB" "SELECT surname FROM person WHERE id = $PB")
B_GIVEN=$(sqlite3 "$DB" "SELECT given_names FROM person WHERE id = $PB")

# The clerk validates both in person (Level B).
tui_start
tui_login ana 'correct horse battery'
tui_keys 1
for cnp in $CNPA $CNPB; do
	tui_validate "$cnp"
done
tui_stop
check_eq "A and B are validated" "validated validated" "$(sqlite3 "$DB" \
    "SELECT level FROM person WHERE id IN ($PA, $PB)" | tr '\n' ' ' |
    sed 's/ $//')"
envelope_credentials "$CNPA"
A_USER=$CITIZEN_USER A_PW=$CITIZEN_PW A_NEW='Alfa-Castan-Verde-31'
envelope_credentials "$CNPB"
B_USER=$CITIZEN_USER B_PW=$CITIZEN_PW B_NEW='Beta-Lampa-Rosie-47'

# B's requests: one registered at the counter; a certificate filed with
# the registry off (an emergency number), then recovered.
B_SUBJECT="Gardul vecinului Bravo"
B_TEXT="Gardul de la numărul 17 a căzut pe trotuar."
B_DETAILS="Certificat pentru dosarul Bravo-77"
RB1=$(ctl requests file --person "$CNPB" general-request \
    subject="$B_SUBJECT" text="$B_TEXT" | cut -d' ' -f1)
ctl requests register "$RB1" >/dev/null
cp "$CONF" "$WORK/offline.conf"
printf '[store]\nregistry = offline\n' >>"$WORK/offline.conf"
RB2=$("$GUICHETCTL" -c "$WORK/offline.conf" requests file --person "$CNPB" \
    civil-certificate kind=birth delivery=counter details="$B_DETAILS" |
    cut -d' ' -f1)
B_EMERGENCY=$(sqlite3 "$DB" "SELECT printf('E-%d-%06d', year, number) FROM
    emergency_registry WHERE request_id = $RB2")
ctl requests recover >/dev/null
B_PROTO1=$(sqlite3 "$DB" "SELECT printf('%d/%06d', year, number) FROM
    registry WHERE request_id = $RB1")
B_PROTO2=$(sqlite3 "$DB" "SELECT printf('%d/%06d', year, number) FROM
    registry WHERE request_id = $RB2")
check_eq "B's requests are numbered, one with an emergency number first" \
    "$YEAR/000001 $YEAR/000002 E-$YEAR-000001" \
    "$B_PROTO1 $B_PROTO2 $B_EMERGENCY"
# A's own request, for A to see.
A_SUBJECT="Banca din parc Alfa"
RA=$(ctl requests file --person "$CNPA" general-request subject="$A_SUBJECT" \
    text="Banca a fost vopsită." | cut -d' ' -f1)
ctl requests register "$RA" >/dev/null
A_PROTO=$(sqlite3 "$DB" "SELECT printf('%d/%06d', year, number) FROM
    registry WHERE request_id = $RA")

# B's taxes and B's vote.
B_TOTAL=$(ctl due "$CNPB" | sed -n 's/^TOTAL DUE \([0-9.]*\) .*/\1/p')
A_TOTAL=$(ctl due "$CNPA" | sed -n 's/^TOTAL DUE \([0-9.]*\) .*/\1/p')
B_REF=$(sqlite3 "$DB" "SELECT o.ref FROM obligation o JOIN taxpayer t ON
    t.id = o.taxpayer_id WHERE t.person_id = $PB AND o.principal > 0
    ORDER BY o.id LIMIT 1")
B_RF=$(sqlite3 "$DB" "SELECT rf FROM obligation WHERE ref = '$B_REF'")
check_lacks "B's total due is not among A's amounts" "$B_TOTAL" \
    "$(ctl due "$CNPA")"
ctl polls create --question "Unde să fie noul parc?" --option "Lângă școală" \
    --option "Pe malul râului" --opens "$(date +%Y-%m-%d)" \
    --closes "$(date -d tomorrow +%Y-%m-%d)" --validated >/dev/null
ctl polls vote 1 2 --person "$CNPB" >/dev/null

# What must never show on another's screen, one a line.
printf '%s\n' "$CNPB" "$B_SURNAME" "$B_GIVEN" "$B_USER" "$B_SUBJECT" \
    "$B_TEXT" "$B_DETAILS" "$B_PROTO1" "$B_PROTO2" "$B_EMERGENCY" \
    "$B_TOTAL" "$B_REF" >"$WORK/secrets"
# What is typed, one a line.
printf '%s\n' "$RB1" "#$RB1" "$RB2" "#$RB2" "$B_PROTO1" "$B_PROTO2" \
    "$B_EMERGENCY" "$CNPB" "$B_USER" "$B_SURNAME" "$B_SURNAME $B_GIVEN" \
    "$B_REF" "$B_RF" "%" "_" "*" "' OR 1=1 --" "1 OR 1=1" >"$WORK/typed"

# kiosk_login USER PASSWORD [NEW]: from the welcome screen, in English;
# NEW answers the forced change of the envelope's password.
kiosk_login() {
	tui_wait "Bun venit" || true
	tui_keys 3 Enter
	tui_wait "Username" || true
	tui_type "$1"
	tui_keys Tab
	tui_type "$2"
	tui_keys Enter
	if [ $# -eq 3 ]; then
		tui_wait "Choose your own password" 5 || true
		tui_type "$3"
		tui_keys Tab
		tui_type "$3"
		tui_keys Enter
	fi
	tui_wait "What would you like to do?" || true
}

# settle: waits until the screen stops changing (3 s at most).
settle() {
	prev=$(tui_screen)
	n=0
	while [ $n -lt 60 ]; do
		sleep 0.05
		now=$(tui_screen)
		[ "$now" = "$prev" ] && return 0
		prev=$now
		n=$((n + 1))
	done
}

# without TEXT TYPED: TEXT with every occurrence of TYPED taken out, then
# the longest beginning and the longest end of TYPED (3 characters or
# more) still there: a field narrower than TYPED echoes only a part.
without() {
	printf '%s\n' "$1" | awk -v t="$2" '
	function cut(s, x,   i) {
		while (x != "" && (i = index(s, x)) > 0)
			s = substr(s, 1, i - 1) substr(s, i + length(x))
		return s
	}
	{ all = all $0 "\n" }
	END {
		all = cut(all, t)
		for (n = length(t) - 1; n >= 3; n--)
			if (index(all, substr(t, 1, n))) {
				all = cut(all, substr(t, 1, n)); break }
		for (n = length(t) - 1; n >= 3; n--)
			if (index(all, substr(t, length(t) - n + 1))) {
				all = cut(all, substr(t, length(t) - n + 1)); break }
		printf "%s", all
	}'
}

# check_nothing_of_b WHERE [TYPED]: the screen shows none of B's; when a
# citizen is logged in (SESSION_USER), the session is still theirs.
check_nothing_of_b() {
	settle
	screen=$(tui_screen)
	rest=
	shown=
	while IFS= read -r secret <&4; do
		case "${2:-}" in
		*"$secret"*)
			[ -n "$rest" ] || rest=$(without "$screen" "$2")
			hay=$rest ;;
		*) hay=$screen ;;
		esac
		case "$hay" in *"$secret"*) shown="$shown [$secret]" ;; esac
	done 4<"$WORK/secrets"
	what="$1${2:+: typed '$2'}"
	if [ -z "$shown" ]; then ok "nothing of B's on screen ($what)"; else
		not_ok "nothing of B's on screen ($what)" "shown:$shown" \
		    "screen was:"
		echo "$screen" | sed 's/^/#   | /'
	fi
	# Where the keys went: the screen's title (ON) and the field's line
	# (FIELD, its label) holding a part of what was typed.
	if [ -n "${ON:-}" ] && [ "$(printf '%s\n' "$screen" | head -1 |
	    sed 's/.*· //; s/ *$//')" != "$ON" ]; then
		not_ok "on the screen '$ON' ($what)" "screen was:"
		echo "$screen" | sed 's/^/#   | /'
	fi
	if [ -n "${FIELD:-}" ] && [ -n "${2:-}" ]; then
		value=$(printf '%s\n' "$screen" | grep -m1 "^ *$FIELD " |
		    sed "s/^ *$FIELD *//; s/ *$//")
		case "$2" in
		*"$value"*) [ -n "$value" ] ||
		    not_ok "typed into $FIELD ($what)" "it is empty" ;;
		*) not_ok "typed into $FIELD ($what)" "it holds: $value" ;;
		esac
	fi
	if [ -n "${SESSION_USER:-}" ]; then
		case "$screen" in
		*"User: $SESSION_USER (citizen)"*) ;;
		*) not_ok "the session is still A's ($what)" "screen was:"
		   echo "$screen" | sed 's/^/#   | /' ;;
		esac
	fi
}

# sweep WHERE [KEYS...]: types each identifier, then Enter, into the field
# the screen has now, clearing it with Ctrl-U each time; KEYS, sent once
# first, move to the field.  With NO_ENTER=yes, Enter is not pressed (on lists,
# where it would open what is chosen).
sweep() {
	where=$1
	shift
	[ $# -gt 0 ] && tui_keys "$@"
	while IFS= read -r typed <&5; do
		tui_keys C-u
		tui_type "$typed"
		[ "${NO_ENTER:-}" = yes ] || tui_keys Enter
		check_nothing_of_b "$where" "$typed"
	done 5<"$WORK/typed"
	tui_keys C-u
}

# to_home: back to the menu (HOME is its title), saying yes to leaving a
# typed form; never presses Esc on the menu itself, which logs out.
to_home() {
	n=0
	while [ $n -lt 6 ]; do
		settle
		case "$(tui_screen)" in
		*"$HOME_TITLE"*) return 0 ;;
		*"Please confirm"*) tui_keys y ;;
		*) tui_keys Escape ;;
		esac
		n=$((n + 1))
	done
}

# Control: B, logged in, sees all of this the way it is looked for.
tui_start -- --kiosk
kiosk_login "$B_USER" "$B_PW" "$B_NEW"
check_screen "B is logged in" "User: $B_USER (citizen)"
tui_keys 2
check_screen "B's list shows B's first protocol number" "$B_PROTO1"
check_screen "and the second" "$B_PROTO2"
tui_type "$B_EMERGENCY"
tui_keys Enter
check_screen "B's emergency number opens B's certificate" "$B_DETAILS"
tui_keys Escape C-u
tui_type "$RB1"
tui_keys Enter
check_screen "B's request opens by its id, with B's subject" "$B_SUBJECT"
check_screen "and text" "$B_TEXT"
tui_keys Escape Escape
tui_wait "What would you like" || true
tui_keys 3
check_screen "B's taxes show B's CNP" "$CNPB"
check_screen "B's surname" "$B_SURNAME"
check_screen "B's given names" "$B_GIVEN"
check_screen "B's total due" "$B_TOTAL"
check_screen "B's obligation reference" "$B_REF"
check_contains "the sweep's check would see them" \
    "not ok - nothing of B's on screen (control: typed '$CNPB')" \
    "$(check_nothing_of_b control "$CNPB")"
tui_keys Escape F10
check_screen "B logs out" "Bun venit"
tui_stop

# A logs in, sees their own, then sweeps.
tui_start -- --kiosk
kiosk_login "$A_USER" "$A_PW" "$A_NEW"
check_screen "A is logged in" "User: $A_USER (citizen)"
SESSION_USER=$A_USER
HOME_TITLE="What would you like to do?"
check_nothing_of_b "A's menu"

tui_keys 2
check_screen "A's list shows A's request" "$A_PROTO"
check_nothing_of_b "A's requests"
ON=Requests FIELD=Number sweep "My requests"
tui_keys Down Enter
check_screen "A opens their own request" "$A_SUBJECT"
check_nothing_of_b "A's request"
to_home

tui_keys 3
check_screen "A's taxes, A's own" "$CNPA"
check_screen "with A's total" "$A_TOTAL"
check_nothing_of_b "My taxes"
ON="Taxpayer register" sweep "My taxes"
tui_keys Tab
check_nothing_of_b "My taxes, payments"
tui_keys Tab
check_nothing_of_b "My taxes, warrants"
to_home

tui_keys 1
check_screen "the request types" "General request"
check_nothing_of_b "request types"
ON="New request" NO_ENTER=yes sweep "request types"
# Each form: identifiers typed into its second field, nothing sent.
for downs in 0 1 2 3 4; do
	to_home
	tui_keys 1
	tui_wait "General request" || true
	i=0
	while [ $i -lt $downs ]; do tui_keys Down; i=$((i + 1)); done
	tui_keys Enter
	settle
	tui_keys Tab
	while IFS= read -r typed <&5; do
		tui_keys C-u
		tui_type "$typed"
		ON="New request" check_nothing_of_b "request form $downs" \
		    "$typed"
	done 5<"$WORK/typed"
done
to_home
check_eq "nothing was filed by the sweep" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM request WHERE person_id = $PA")"

tui_keys 4
check_screen "4 asks first" "Revoke your username"
check_nothing_of_b "the exposed-password question"
tui_keys Enter
check_screen "answered no, back to the menu" "What would you like to do?"
check_eq "A's credentials are untouched" active \
    "$(sqlite3 "$DB" "SELECT state FROM credential WHERE username = '$A_USER'")"

tui_keys 5
check_screen "the information pages" "how to pay"
ON=Information NO_ENTER=yes sweep "information"
tui_keys Enter
check_nothing_of_b "an information page"
to_home

tui_keys 6
check_screen "the open poll" "Unde să fie noul parc?"
check_nothing_of_b "polls"
tui_keys Enter
check_screen "its options" "Pe malul râului"
check_nothing_of_b "a poll's options"
to_home

kiosk_decisions_sweep() {
	tui_keys 7
	check_screen "the council decisions" "Words of the title"
	check_nothing_of_b "decisions"
	ON="Council decisions" FIELD="Words of the title" \
	    sweep "decisions, words"
	to_home
	tui_keys 7
	ON="Council decisions" FIELD=Number sweep "decisions, number" Tab
	to_home
	tui_keys 7
	ON="Council decisions" FIELD="Adopted from" \
	    sweep "decisions, from" Tab Tab
	to_home
	tui_keys 7
	ON="Council decisions" FIELD="Adopted until" \
	    sweep "decisions, until" Tab Tab Tab
	to_home
}
kiosk_fines_sweep() {
	tui_keys 8
	check_screen "the fines lookup" "Report number"
	check_nothing_of_b "fines"
	ON="Look up a fine" FIELD="Report number" \
	    sweep "fines, report number"
	to_home
	tui_keys 8
	ON="Look up a fine" FIELD=Plate sweep "fines, plate" Tab
	to_home
	tui_keys 8
	ON="Look up a fine" FIELD="Date and time" \
	    sweep "fines, date" Tab Tab
	to_home
}
kiosk_decisions_sweep
kiosk_fines_sweep

tui_keys 9
check_nothing_of_b "9, not a citizen's"
check_lacks "9 does nothing for a citizen" "Apply for an account —" \
    "$(tui_screen)"
check_screen "A is still on the menu, still A" "User: $A_USER (citizen)"
tui_keys F10
check_screen "A logs out" "Bun venit"
SESSION_USER=

# A visitor: the same where a visitor may go.
tui_keys 3 a
check_screen "a visitor's menu" "Without an account"
HOME_TITLE="Without an account"
for key in 2 3 4 6; do
	before=$(tui_screen)
	tui_keys "$key"
	settle
	check_eq "$key does nothing for a visitor" "$before" "$(tui_screen)"
done
check_nothing_of_b "the visitor's menu"
tui_keys 1
check_screen "a visitor's request types" "General request"
ON="New request" NO_ENTER=yes sweep "visitor, request types"
to_home
tui_keys 5
check_screen "the information pages" "how to pay"
ON=Information NO_ENTER=yes sweep "visitor, information"
to_home
kiosk_decisions_sweep
kiosk_fines_sweep

# The application: B's CNP and name, and nothing of B's comes back.
tui_keys 9
check_screen "the application for an account" "Apply for an account"
tui_type "$CNPB"
tui_keys Tab
tui_type "$B_SURNAME"
tui_keys Tab
tui_type "$B_GIVEN"
tui_keys Enter
settle
screen=$(tui_screen)
check_contains "the address is asked for, empty" "Town: required" "$screen"
check_lacks "nothing of B's address is filled in" "$(sqlite3 "$DB" \
    "SELECT street FROM person WHERE id = $PB")" "$screen"
check_lacks "nor B's username" "$B_USER" "$screen"
check_lacks "nor B's requests" "$B_SUBJECT" "$screen"
to_home
tui_keys F10
tui_wait "Bun venit" || true

# The login form, with B's identifiers as the username (not B's own: B
# would be locked out).
while IFS= read -r typed <&5; do
	[ "$typed" = "$B_USER" ] && continue
	tui_keys 3 Enter
	tui_wait "Username" || true
	tui_type "$typed"
	tui_keys Tab
	tui_type "not-the-password-at-all"
	tui_keys Enter
	ON="Log in" FIELD=Username check_nothing_of_b "login" "$typed"
	tui_keys Escape
	tui_wait "Bun venit" || true
done 5<"$WORK/typed"
check_eq "B's account is not locked by the sweep" "0|0" "$(sqlite3 "$DB" \
    "SELECT failed_logins, locked FROM credential WHERE username =
    '$B_USER' AND state = 'active'")"
finish
