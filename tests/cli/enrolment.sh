#!/bin/sh
# guichetctl verify-enrolment: signed requests, attached and detached, from
# a trusted signer, an untrusted one and an expired one, with certificates
# made here by the openssl command.
if ! command -v openssl >/dev/null 2>&1; then
	echo "# SKIP: the openssl command is needed to make certificates"
	exit 77
fi
. "$TESTS_SRCDIR/lib.sh"
write_conf

NAME='Ștefan Țărână'
CNP=1800101221144
. "$TESTS_SRCDIR/pki.sh"

make_ca ca "/CN=Autoritate de test/O=Primăria Cluj-Napoca/C=RO"
make_ca rogue "/CN=Autoritate falsă/C=RO"

make_csr signer "/CN=$NAME/serialNumber=$CNP/C=RO"
issue signer -days 365

make_csr expired "/CN=Ion Popescu/serialNumber=1800101221144/C=RO"
issue expired -startdate 20200101000000Z -enddate 20210101000000Z

# The rogue authority forges a certificate with the same name.
make_csr forged "/CN=$NAME/serialNumber=$CNP/C=RO"
openssl x509 -req -in "$PKI/forged.csr" -CA "$PKI/rogue.pem" \
    -CAkey "$PKI/rogue.key" -set_serial 7 -days 365 \
    -extfile "$PKI/ca.cnf" -extensions signer -out "$PKI/forged.pem" \
    2>/dev/null

printf 'Cerere de înscriere în ghișeul electronic\nNume: %s\nCNP: %s\n' \
    "$NAME" "$CNP" >"$WORK/req.txt"
DOC_BYTES=$(wc -c <"$WORK/req.txt" | tr -d ' ')
sign_request signer "$WORK/req.p7m" -nodetach -outform DER
sign_request signer "$WORK/req.txt.p7s" -outform DER
sign_request signer "$WORK/req-pem.p7m" -nodetach -outform PEM
sign_request forged "$WORK/forged.p7m" -nodetach -outform DER
sign_request expired "$WORK/expired.p7m" -nodetach -outform DER
CA="$PKI/ca.pem"

run_ctl verify-enrolment "$WORK/req.p7m" --ca "$CA"
check_eq "an attached request from a trusted signer exits 0" 0 "$RC"
check_contains "and says the signature is valid" "signature valid" "$OUT"
check_contains "naming the signer with diacritics" \
    "signer:     $NAME
" "$OUT"
check_contains "with the serialNumber (the CNP)" "serial:     $CNP" "$OUT"
check_contains "the subject on one line" \
    "subject:    CN = $NAME, serialNumber = $CNP, C = RO" "$OUT"
check_contains "the issuer" "issuer:     CN = Autoritate de test" "$OUT"
check_contains "the validity in ISO form" "valid:      20" "$OUT"
check_lacks "and the signing time" "signed at:  -" "$OUT"
check_contains "and the document's size" "document:   $DOC_BYTES bytes" \
    "$OUT"

run_ctl verify-enrolment --ca "$CA" "$WORK/req-pem.p7m"
check_eq "a PEM request verifies too" "0 $NAME" \
    "$RC $(echo "$OUT" | sed -n 's/^signer: *//p')"

run_ctl verify-enrolment "$WORK/req.txt" --ca "$CA"
check_eq "a detached signature is found beside the document" 0 "$RC"
check_contains "and verifies it" "signer:     $NAME" "$OUT"

run_ctl verify-enrolment "$WORK/req.txt.p7s" --ca "$CA"
check_eq "naming the .p7s finds the document" 0 "$RC"
check_contains "of the same size" "document:   $DOC_BYTES bytes" "$OUT"

mkdir "$WORK/changed"
sed "s/$CNP/1800101221145/" "$WORK/req.txt" >"$WORK/changed/req.txt"
cp "$WORK/req.txt.p7s" "$WORK/changed/"
run_ctl verify-enrolment "$WORK/changed/req.txt" --ca "$CA"
check_eq "a document changed by one byte is refused" 1 "$RC"
check_contains "because the signature does not match" \
    "invalid signature: the signature does not match" "$ERR"
check_eq "and nothing is printed as valid" "" "$OUT"

# An attached signature named through a document beside it must hold
# that very document.
sign_request signer "$WORK/changed/att.txt.p7s" -nodetach -outform DER
cp "$WORK/changed/req.txt" "$WORK/changed/att.txt"
run_ctl verify-enrolment "$WORK/changed/att.txt" --ca "$CA"
check_eq "a document differing from the one signed inside is refused" \
    "1" "$RC"
check_contains "as changed" "does not match" "$ERR"

run_ctl verify-enrolment "$WORK/forged.p7m" --ca "$CA"
check_eq "a signer from another authority is refused" 1 "$RC"
check_contains "as not trusted" "not issued by a trusted authority" "$ERR"

run_ctl verify-enrolment "$WORK/expired.p7m" --ca "$CA"
check_eq "an expired signer is refused" 1 "$RC"
check_contains "as expired" "the signer's certificate has expired" "$ERR"

printf 'Doresc un cont.\n' >"$WORK/note.txt"
run_ctl verify-enrolment "$WORK/note.txt" --ca "$CA"
check_eq "a text file is not a signed request" 1 "$RC"
check_contains "and is called so" "neither a CMS/PKCS#7 signature" "$ERR"

run_ctl verify-enrolment "$WORK/req.p7m" --ca "$WORK/missing-ca.pem"
check_eq "a missing CA bundle is refused" 1 "$RC"
check_contains "naming it" "$WORK/missing-ca.pem" "$ERR"

run_ctl verify-enrolment "$WORK/absent.p7m" --ca "$CA"
check_eq "a missing request is refused" 1 "$RC"
check_contains "as unreadable" "cannot be read" "$ERR"

run_ctl --json verify-enrolment "$WORK/req.p7m" --ca "$CA"
check_contains "JSON says valid" '"valid": true' "$OUT"
check_contains "JSON names the signer" "\"signer\": \"$NAME\"" "$OUT"
check_contains "JSON counts the bytes" "\"document_bytes\": $DOC_BYTES" \
    "$OUT"

run_ctl --json verify-enrolment "$WORK/expired.p7m" --ca "$CA"
check_eq "JSON refusals exit 1" 1 "$RC"
check_contains "saying invalid" '"valid": false' "$OUT"
check_contains "with the reason" '"reason": "the signer' "$OUT"

printf '[enrolment]\nca = %s\n' "$CA" >>"$CONF"
run_ctl verify-enrolment "$WORK/req.p7m"
check_eq "the configured bundle is the default" 0 "$RC"

run_ctl verify-enrolment
check_eq "no file is a usage error" 2 "$RC"
run_ctl verify-enrolment "$WORK/req.p7m" --ca
check_eq "--ca without a bundle is a usage error" 2 "$RC"
finish
