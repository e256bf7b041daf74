#!/bin/sh
# guichetctl demo-data: realistic citizens, council decisions with their
# PDF, and demo staff who can log in.
. "$TESTS_SRCDIR/lib.sh"
write_conf
ctl init >/dev/null

run_ctl demo-data --taxpayers 300 --seed 7
check_eq "demo-data succeeds" 0 "$RC"
check_contains "it reports the people" "added 300 demo people (ro profile)" "$OUT"
check_eq "300 people are stored" 300 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM person')"
bad=0
for cnp in $(sqlite3 "$DB" 'SELECT cnp FROM person LIMIT 40'); do
	ctl id-check cnp "$cnp" >/dev/null || bad=$((bad + 1))
done
check_eq "their CNPs are valid" 0 "$bad"
check_eq "names carry Romanian diacritics" yes "$(sqlite3 "$DB" \
    "SELECT COUNT(*) > 0 FROM person WHERE surname || given_names || street GLOB '*[șțăîâ]*'" | sed 's/1/yes/')"
check_eq "addresses are complete" 0 "$(sqlite3 "$DB" \
    "SELECT COUNT(*) FROM person WHERE town = '' OR street = '' OR postal_code = ''")"

password=$(echo "$OUT" | awk '$1 == "demo.clerk" { print $3 }')
check_eq "the demo clerk's password is printed" 16 "${#password}"

# A dozen council decisions of the last two years, each with its PDF,
# imported like any import.
check_contains "it reports the decisions" "added 12 council decisions" "$OUT"
check_eq "12 decisions are stored" 12 \
    "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM decision')"
year=$(date +%Y)
check_eq "of the last two years, numbered, each with a PDF" 12 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM decision WHERE year \
BETWEEN $((year - 2)) AND $year AND number > 0 AND pdf_size > 1000 \
AND title GLOB 'Hotărâre privind *'")"
check_eq "their imports are audited" 12 "$(sqlite3 "$DB" "SELECT COUNT(*) \
FROM audit WHERE action = 'decision.import' AND outcome = 'ok'")"
run_ctl decisions search --words buget
check_eq "a search without accents succeeds" 0 "$RC"
check_contains "and finds the budget" "privind aprobarea bugetului local pe anul" "$OUT"
line=$(echo "$OUT" | grep -m1 'aprobarea bugetului')
id=${line%% *}
number=$(echo "$line" | cut -d' ' -f2)
run_ctl decisions save "$id" "$WORK/decision.pdf"
check_eq "its PDF is saved" 0 "$RC"
if command -v pdftotext >/dev/null; then
	check_contains "and shows the decision's number" "Hotărârea nr. $number" \
	    "$(pdftotext "$WORK/decision.pdf" - 2>&1)"
else
	ok "the PDF's text is not read: pdftotext is missing"
fi

run_ctl demo-data --profile gr --taxpayers 50 --seed 8
check_eq "a Greek batch is added too" 0 "$RC"
check_eq "with valid AFMs and AMKAs" 50 "$(sqlite3 "$DB" \
    "SELECT COUNT(*) FROM person WHERE country = 'GR' AND length(afm) = 9 AND length(amka) = 11")"
afm=$(sqlite3 "$DB" "SELECT afm FROM person WHERE country = 'GR' LIMIT 1")
run_ctl id-check afm "$afm"
check_eq "the first AFM checks out" 0 "$RC"
check_eq "Greek names are in Greek letters" yes "$(sqlite3 "$DB" \
    "SELECT COUNT(*) > 0 FROM person WHERE country = 'GR' AND surname GLOB '*[α-ω]*'" | sed 's/1/yes/')"
new=$(echo "$OUT" | awk '$1 == "demo.clerk" { print $3 }')
check_eq "running it again issues a new demo password" yes "$([ "$new" != "$password" ] && echo yes)"

run_ctl demo-data --taxpayers many
check_eq "a bad count is refused" 1 "$RC"
run_ctl demo-data --taxpayers 10 --seed 7
check_eq "the same seed twice adds no one" 0 "$RC"
check_contains "and says so" "added 0 demo people (ro profile); 10 were already there" "$OUT"
check_contains "nor a decision: they are made alike" "added 0 council decisions" "$OUT"
check_eq "so no import is audited again" 12 "$(sqlite3 "$DB" "SELECT COUNT(*) \
FROM audit WHERE action = 'decision.import' AND outcome = 'ok' AND object \
IN (SELECT 'decision:' || number || '/' || year FROM decision WHERE title \
GLOB 'Hotărâre*')")"
check_eq "the store still holds 350" 350 "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM person')"
finish
