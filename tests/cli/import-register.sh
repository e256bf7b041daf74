#!/bin/sh
# The tax office's register feed (guichetctl import-register): a good
# file stored whole and linked to the citizen of the same CNP, bad lines
# refused one by one with their line and reason while the good ones stay,
# a second import that changes nothing, and an import killed midway that
# the next run completes.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro en
ctl init >/dev/null
ctl demo-data --taxpayers 20 >/dev/null

# The register's tables, row by row, to compare two states.
register_rows() {
	sqlite3 "${1:-$DB}" "SELECT * FROM taxpayer ORDER BY id;
	    SELECT * FROM taxable_unit ORDER BY id;
	    SELECT * FROM unit_owner ORDER BY unit_id, taxpayer_id;
	    SELECT * FROM obligation ORDER BY id;
	    SELECT * FROM payment ORDER BY id;
	    SELECT * FROM allocation ORDER BY payment_id, obligation_id"
}

# A demo citizen: the feed's taxpayer of the same CNP is linked to them.
demo_cnp=$(sqlite3 "$DB" "SELECT cnp FROM person ORDER BY id LIMIT 1")
demo_id=$(sqlite3 "$DB" "SELECT id FROM person ORDER BY id LIMIT 1")
iban=RO74TREZ2162107020101XXX
cat >"$WORK/feed.csv" <<EOF
# The tax office's feed, as exported on $(date +%F).
taxpayer,$demo_cnp,Contribuabil Demo,"Str. Lungă 1, Cluj-Napoca"
taxpayer,1750620120018,Popescu Ion,"Str. Memorandumului 12, Cluj-Napoca"
taxpayer,2791103120020,"Popescu ""Mia"" Maria",Str. Memorandumului 12

taxpayer,RO 14596,SC Exemplu Construct SRL,"B-dul 21 Decembrie 1989, 4"
unit,T-B/000101,building,"Casă P+1, 120 mp",Str. Memorandumului 12
owner,T-B/000101,1750620120018,1/2
owner,T-B/000101,2791103120020,1/2
obligation,T2026-1,1750620120018,T-B/000101,building,Impozit pe clădiri,2026,412.50,DI-17,2026-01-20,2026-03-31,RO74 TREZ 2162 1070 2010 1XXX,,yes
obligation,T2026-2,RO14596,,waste-fee,Taxă de salubrizare,2026,120.00,DI-18,2026-01-20,2026-06-30,$iban,RF15 2026 CJ00 04,no
obligation,T2026-3,$demo_cnp,,waste-fee,Taxă de salubrizare,2026,60.00,DI-19,2026-01-20,2026-06-30,$iban,,no
payment,BT-2026-000123,1750620120018,Popescu Ion,100.00,2026-02-15,OP 123,Banca Transilvania,RO96 BTRL 0130 1202 C123 45XX,T2026-1
EOF

run_ctl import-register "$WORK/feed.csv"
check_eq "a good feed is imported" 0 "$RC"
check_eq "every record counted and stored" "11 records, 0 refused, 11 changed" \
    "$OUT"
check_eq "nothing on stderr" "" "$ERR"
check_eq "the taxpayer of a citizen's CNP is linked to them" \
    "$demo_id|Contribuabil Demo" \
    "$(sqlite3 "$DB" "SELECT person_id, name FROM taxpayer WHERE national_id = '$demo_cnp'")"
check_eq "the others are linked to no one" "2" \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM taxpayer WHERE national_id IN ('1750620120018', '2791103120020') AND person_id IS NULL AND business_id IS NULL")"
check_eq "text is kept as given, quotes included" 'Popescu "Mia" Maria' \
    "$(sqlite3 "$DB" "SELECT name FROM taxpayer WHERE national_id = '2791103120020'")"
check_eq "a CUI is stored without RO" "SC Exemplu Construct SRL" \
    "$(sqlite3 "$DB" "SELECT name FROM taxpayer WHERE national_id = '14596'")"
check_eq "the unit has its two co-owners, half each" \
    "1750620120018 1/2,2791103120020 1/2" \
    "$(sqlite3 "$DB" "SELECT GROUP_CONCAT(t.national_id || ' ' || w.share_num || '/' || w.share_den) FROM (SELECT * FROM unit_owner ORDER BY taxpayer_id) w JOIN taxable_unit u ON u.id = w.unit_id JOIN taxpayer t ON t.id = w.taxpayer_id WHERE u.code = 'T-B/000101'")"
check_eq "an obligation on a unit, its RF made from REF" \
    "T-B/000101|41250|$iban|RF86T20261|1" \
    "$(sqlite3 "$DB" "SELECT u.code, o.principal, o.iban, o.rf, o.discountable FROM obligation o JOIN taxable_unit u ON u.id = o.unit_id WHERE o.ref = 'T2026-1'")"
check_eq "one on no unit, with the RF given" "|RF152026CJ0004|0" \
    "$(sqlite3 "$DB" "SELECT unit_id, rf, discountable FROM obligation WHERE ref = 'T2026-2'")"
check_eq "the bank payment is recorded, with whom it is from" \
    "bank|10000|1750620120018|RO96BTRL01301202C12345XX" \
    "$(sqlite3 "$DB" "SELECT p.channel, p.amount, t.national_id, p.account FROM payment p JOIN taxpayer t ON t.id = p.taxpayer_id WHERE p.key = 'BT-2026-000123'")"
check_eq "and allocated to the obligation it names" "T2026-1" \
    "$(sqlite3 "$DB" "SELECT o.ref FROM allocation a JOIN payment p ON p.id = a.payment_id JOIN obligation o ON o.id = a.obligation_id WHERE p.key = 'BT-2026-000123'")"
check_eq "the import is recorded as finished, with its SHA-256" \
    "1|11|0|$(sha256sum <"$WORK/feed.csv" | cut -d' ' -f1)" \
    "$(sqlite3 "$DB" "SELECT finished_at IS NOT NULL, rows_read, rows_bad, sha256 FROM register_import ORDER BY id DESC LIMIT 1")"
check_eq "and audited once" "ok" \
    "$(sqlite3 "$DB" "SELECT outcome FROM audit WHERE action = 'register.import' AND object = 'file:feed.csv'")"

# The same file again changes nothing.
before=$(register_rows)
run_ctl --json import-register "$WORK/feed.csv"
check_eq "the same file again is no error" 0 "$RC"
check_contains "and changes nothing" '"changed": 0' "$OUT"
check_contains "though every record is read" '"records": 11' "$OUT"
check_eq "the register is as it was" "$before" "$(register_rows)"
check_eq "the payment is not taken twice" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM payment WHERE key = 'BT-2026-000123'")"

# Bad lines, one of each kind, among good ones.
good_cnp=2900704120041
{
	echo "taxpayer,1800101123451,Cifră Greșită,"
	echo "taxpayer,$good_cnp,x'); DROP TABLE taxpayer;--,Str. Mică 1"
	echo "obligation,B-1,$good_cnp,,building,Impozit,2026,\"10,00\",N,2026-01-20,2026-03-31,$iban,,no"
	echo "obligation,B-2,$good_cnp,,building,Impozit,2026,10.00,N,2026-02-30,2026-03-31,$iban,,no"
	echo "obligation,B-3,$good_cnp,,building,Impozit,2026,10.00,N,2026-01-20,2026-03-31,RO75TREZ2162107020101XXX,,no"
	echo "obligation,B-4,$good_cnp,,building,Impozit,2026,10.00,N,2026-01-20,2026-03-31,$iban,RF19539007547034,no"
	echo "contribuabil,$good_cnp,Ion,"
	echo "owner,T-B/000101,$good_cnp"
	echo "owner,NU-EXISTA,$good_cnp,1"
	printf 'taxpayer,1680228120031,Ionescu\001Gheorghe,\n'
	echo "obligation,B-5,$good_cnp,,building,Impozit,2026,10.00,N,2026-01-20,2026-03-31,$iban,,no"
	echo "obligation,B-6,1680228120031,,building,Impozit,2026,10.00,N,2026-01-20,2026-03-31,$iban,,no"
} >"$WORK/bad.csv"
run_ctl import-register "$WORK/bad.csv"
check_eq "a feed with bad lines exits 1" 1 "$RC"
check_eq "after counting them" "12 records, 10 refused, 2 changed" "$OUT"
check_contains "a bad CNP" \
    "bad.csv:1: NATIONAL_ID: '1800101123451' is not a valid CNP: the check digit does not match" \
    "$ERR"
check_contains "a bad amount" \
    "bad.csv:3: PRINCIPAL: '10,00' is not an amount like 1000.00" "$ERR"
check_contains "a bad date" \
    "bad.csv:4: NOTICE_DATE: '2026-02-30' is not a date like 2026-03-31" \
    "$ERR"
check_contains "a bad IBAN" \
    "bad.csv:5: IBAN: 'RO75TREZ2162107020101XXX' is not a valid IBAN" "$ERR"
check_contains "a bad RF reference" \
    "bad.csv:6: RF: 'RF19539007547034' is not a valid RF reference" "$ERR"
check_contains "an unknown record type" \
    "bad.csv:7: 'contribuabil' is not a record type" "$ERR"
check_contains "a wrong field count" \
    "bad.csv:8: an owner record has 4 fields (owner,UNIT_CODE,NATIONAL_ID,SHARE), this line has 3" \
    "$ERR"
check_contains "an unknown unit" \
    "bad.csv:9: UNIT_CODE: there is no unit 'NU-EXISTA'" "$ERR"
check_contains "a control character" \
    "bad.csv:10: NAME: contains a control character" "$ERR"
check_contains "an unknown taxpayer" \
    "bad.csv:12: NATIONAL_ID: there is no taxpayer '1680228120031'" "$ERR"
check_eq "one line each" 10 "$(printf '%s\n' "$ERR" | grep -c '^.*bad.csv:[0-9]*: ')"
check_eq "SQL in a name is stored as text" "x'); DROP TABLE taxpayer;--" \
    "$(sqlite3 "$DB" "SELECT name FROM taxpayer WHERE national_id = '$good_cnp'")"
check_eq "the good obligation is kept" "B-5|1000" \
    "$(sqlite3 "$DB" "SELECT ref, principal FROM obligation WHERE ref LIKE 'B-%'")"
check_eq "the import records what it refused" "12|10" \
    "$(sqlite3 "$DB" "SELECT rows_read, rows_bad FROM register_import ORDER BY id DESC LIMIT 1")"

run_ctl import-register "$WORK/no-such.csv"
check_eq "a file that cannot be read is refused" 1 "$RC"
check_contains "saying why" "The feed $WORK/no-such.csv cannot be read" "$ERR"
check_eq "and recorded in the audit trail" "refused: input/output error" \
    "$(sqlite3 "$DB" "SELECT outcome FROM audit WHERE object = 'file:no-such.csv'")"
run_ctl import-register
check_eq "the file is required" 2 "$RC"

# A large feed killed midway leaves whole batches; the next run completes
# it, to the same register as an import that was never stopped.
awk -v n=5000 -v iban="$iban" '
function cnp(first12,   w, s, i, c) {
	w = "279146358279"
	s = 0
	for (i = 1; i <= 12; i++)
		s += substr(first12, i, 1) * substr(w, i, 1)
	c = s % 11
	return first12 (c == 10 ? 1 : c)
}
BEGIN {
	for (i = 0; i < n; i++) {
		id[i] = cnp(sprintf("%d%02d%02d%02d12%03d", 1 + i % 2,
		    50 + int(i / 1000), 1 + i % 12, 1 + i % 28, i % 1000))
		printf "taxpayer,%s,Contribuabil %05d,\"Str. Lungă %d\"\n",
		    id[i], i, i
	}
	for (i = 0; i < n; i++)
		for (k = 1; k <= 4; k++)
			printf "obligation,K%05d-%d,%s,,building,Impozit %d," \
			    "2026,%d.%02d,N-%05d,2026-01-20,2026-0%d-30,%s,," \
			    "yes\n", i, k, id[i], k, 100 + i % 900, k * 7, i,
			    2 + k, iban
}' >"$WORK/big.csv"
BIG="$WORK/big.db"
ctl -d "$BIG" init >/dev/null
# Not through ctl: $! must be guichetctl itself, not a subshell.
"$GUICHETCTL" -c "$CONF" -d "$BIG" import-register "$WORK/big.csv" \
    >/dev/null 2>&1 &
pid=$!
sleep 0.3
# Wait for the first batch, should the machine be slow.
i=0
while [ "$(sqlite3 "$BIG" "SELECT COUNT(*) FROM taxpayer" 2>/dev/null ||
    echo 0)" -eq 0 ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
stored=$(sqlite3 "$BIG" "SELECT (SELECT COUNT(*) FROM taxpayer) + (SELECT COUNT(*) FROM obligation)")
if [ "$stored" -gt 0 ] && [ "$stored" -lt 25000 ]; then
	ok "the import was killed midway ($stored of 25000 records)"
else
	not_ok "the import was killed midway" "records stored: $stored"
fi
check_eq "in whole batches of 500" 0 "$((stored % 500))"
check_eq "no obligation without its taxpayer" 0 \
    "$(sqlite3 "$BIG" "SELECT COUNT(*) FROM obligation o LEFT JOIN taxpayer t ON t.id = o.taxpayer_id WHERE t.id IS NULL")"
check_eq "the killed import is not marked finished" "1|0" \
    "$(sqlite3 "$BIG" "SELECT COUNT(*), COUNT(finished_at) FROM register_import")"
run_ctl -d "$BIG" import-register "$WORK/big.csv"
check_eq "the next run completes it" 0 "$RC"
check_eq "changing only what the first left" \
    "25000 records, 0 refused, $((25000 - stored)) changed" "$OUT"
check_eq "and is marked finished" 1 \
    "$(sqlite3 "$BIG" "SELECT COUNT(*) FROM register_import WHERE finished_at IS NOT NULL")"
ctl -d "$WORK/clean.db" init >/dev/null
start=$(date +%s.%N)
ctl -d "$WORK/clean.db" import-register "$WORK/big.csv" >/dev/null
end=$(date +%s.%N)
echo "# 25000 records imported in $(awk "BEGIN { print $end - $start }") s"
check_eq "the counts are those of an import never stopped" \
    "$(sqlite3 "$WORK/clean.db" "SELECT COUNT(*) FROM taxpayer; SELECT COUNT(*) FROM obligation; SELECT SUM(principal) FROM obligation")" \
    "$(sqlite3 "$BIG" "SELECT COUNT(*) FROM taxpayer; SELECT COUNT(*) FROM obligation; SELECT SUM(principal) FROM obligation")"
check_eq "and so are the rows" "$(register_rows "$WORK/clean.db" | sha256sum)" \
    "$(register_rows "$BIG" | sha256sum)"
finish
