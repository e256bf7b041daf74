#!/bin/sh
# A citizen sent a request signed with a qualified certificate: the clerk
# opens the card, checks the file (a forged signer is refused), sees the
# signer and validates the account with method "signed enrolment request".
if ! command -v openssl >/dev/null 2>&1; then
	echo "# SKIP: the openssl command is needed to make certificates"
	exit 77
fi
. "$TESTS_SRCDIR/lib.sh"
write_conf ro en
ctl init >/dev/null
ctl demo-data --taxpayers 30 >/dev/null
add_staff ana clerk 'correct horse battery'
# The citizen: the first demo person, whose CNP the certificate carries.
CNP=$(sqlite3 "$DB" 'SELECT cnp FROM person ORDER BY id LIMIT 1')
NAME=$(sqlite3 "$DB" "SELECT given_names || ' ' || surname FROM person WHERE cnp = '$CNP'")
SURNAME=$(sqlite3 "$DB" "SELECT surname FROM person WHERE cnp = '$CNP'")

. "$TESTS_SRCDIR/pki.sh"
make_ca ca "/CN=Autoritate de test/C=RO"
printf '[enrolment]\nca = %s\n' "$PKI/ca.pem" >>"$CONF"
make_csr citizen "/CN=$NAME/serialNumber=PNORO-$CNP/C=RO"
issue citizen -days 365
make_csr other "/CN=Ion Altcineva/serialNumber=PNORO-1800101221144/C=RO"
issue other -days 365
printf 'Cerere de înscriere\nNume: %s\nCNP: %s\n' "$NAME" "$CNP" \
    >"$WORK/req.txt"
sign_request citizen "$WORK/cerere.p7m" -nodetach -outform DER
sign_request other "$WORK/alta.p7m" -nodetach -outform DER

tui_start
tui_login ana 'correct horse battery'
tui_keys 1
tui_type "$CNP"
check_screen "the citizen is found by CNP" "$SURNAME"
tui_keys Enter
check_screen "the card" "Citizen card"
tui_keys s
check_screen "the signed request screen" "Type the path of the signed request"

tui_type "$WORK/alta.p7m"
tui_keys Enter
check_screen "a valid signature by someone else is refused at once" "signed by Ion Altcineva, not by"
screen=$(tui_screen)
check_lacks "and not offered for validation" "Press Enter to validate" "$screen"
check_eq "and nothing is validated" 0 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM validation')"

tui_keys C-u
tui_type "$WORK/cerere.p7m"
tui_keys Enter
check_screen "the citizen's own request verifies" "Signature valid"
check_screen "showing the signer" "Signed by: $NAME"
tui_keys Enter
check_screen "validating asks first" "Please confirm"
tui_keys y
check_screen "the account is validated" "· Level B"
check_screen "by signed request" "signed enrolment request"
check_eq "the validation records the method and the signer" "signed-request|1" \
    "$(sqlite3 "$DB" "SELECT method, evidence LIKE '%serialNumber = PNORO-$CNP%' FROM validation")"
finish
