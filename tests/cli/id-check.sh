#!/bin/sh
# guichetctl id-check: valid identifiers exit 0, invalid ones say why.
. "$TESTS_SRCDIR/lib.sh"
write_conf

for pair in "cnp 1800101221144" "cui RO18547290" "afm 094259216" \
    "amka 01013099997" "iban GR1601101250000000012300695" \
    "iban RO49AAAA1B31007593840000" "rf RF18539007547034"; do
	set -- $pair
	run_ctl id-check "$1" "$2"
	check_eq "$1 $2 is valid" "0 valid" "$RC $OUT"
done

run_ctl id-check cnp 1800101221145
check_eq "a wrong CNP check digit exits 1" 1 "$RC"
check_contains "and says which digit to check" "check the last digit" "$OUT"

run_ctl id-check cnp 1801301221144
check_eq "a CNP with month 13 is invalid" 1 "$RC"
check_contains "because the date does not exist" "does not exist" "$OUT"

run_ctl id-check iban GR1601101250000000012300696
check_eq "a mistyped IBAN is invalid" 1 "$RC"

run_ctl id-check cnp "1800101'; DROP TABLE x;--"
check_eq "SQL in an id is just an invalid id" 1 "$RC"

run_ctl --json id-check afm 094259217
check_contains "JSON says invalid" '"valid": false' "$OUT"
check_contains "JSON gives the reason" '"reason": "AFM' "$OUT"

run_ctl id-check passport 123
check_eq "an unknown kind is a usage error" 2 "$RC"
check_contains "listing the kinds" "cnp, cui, afm, amka, iban or rf" "$ERR"
finish
