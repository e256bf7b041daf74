#!/bin/sh
# Council decisions from the command line: imported with their PDF (once:
# again alike changes nothing, another file is refused unless replaced),
# bad input refused with its reason, searched by number, by title words
# with accents and case ignored (Romanian and Greek), by date; saved to a
# file byte for byte and printed through a private CUPS.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
printf '[print]\nprinter = decisions\n' >>"$CONF"
ctl init >/dev/null

make_pdf "$WORK/buget.pdf" "Bugetul local pe 2026"
make_pdf "$WORK/buget2.pdf" "Bugetul local pe 2026, rectificat"
make_pdf "$WORK/apofasi.pdf" "Apofasi 7/2026"
make_pdf "$WORK/taxe.pdf" "Taxe locale 2025"
make_pdf "$WORK/parc.pdf" "Parcul central"

rows() { sqlite3 "$DB" "SELECT COUNT(*) FROM decision"; }
audits() { sqlite3 "$DB" "SELECT COUNT(*) FROM audit"; }

run_ctl decisions import --number 12/2026 --title "Hotărâre privind \
aprobarea bugetului local" --date 2026-03-01 "$WORK/buget.pdf"
check_eq "a decision is imported" 0 "$RC"
check_contains "and says so" "Decision 12/2026 is imported." "$OUT"
ID=$(sqlite3 "$DB" "SELECT id FROM decision WHERE number = 12")
before=$(audits)
run_ctl decisions import --number 12/2026 --title "Hotărâre privind \
aprobarea bugetului local" --date 2026-03-01 "$WORK/buget.pdf"
check_eq "importing it again alike succeeds" 0 "$RC"
check_contains "and changes nothing" "nothing changed" "$OUT"
check_eq "one row still" 1 "$(rows)"
check_eq "nothing to audit" "$before" "$(audits)"
run_ctl decisions import --number 12/2026 --title "Hotărâre privind \
aprobarea bugetului local" --date 2026-03-01 "$WORK/buget2.pdf"
check_eq "another file under the same number is refused" 1 "$RC"
check_contains "naming --replace" "--replace" "$ERR"
check_eq "the stored file is the first" \
    "$(sha256sum <"$WORK/buget.pdf" | cut -d' ' -f1)" \
    "$(sqlite3 "$DB" "SELECT pdf_sha256 FROM decision WHERE id = $ID")"
run_ctl decisions import --number 12/2026 --title "Hotărâre privind \
aprobarea bugetului local" --date 2026-03-01 --replace "$WORK/buget2.pdf"
check_eq "with --replace it takes its place" 0 "$RC"
check_contains "replaced" "Decision 12/2026 is replaced." "$OUT"
check_eq "under the same id" "$ID" \
    "$(sqlite3 "$DB" "SELECT id FROM decision WHERE number = 12")"
check_eq "the import and the replacement are audited" 2 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE action = \
'decision.import' AND outcome = 'ok' AND object = 'decision:12/2026'")"

ctl decisions import --number 7/2026 --title "Απόφαση για την ανάπλαση \
της πλατείας" --date 15.05.2026 "$WORK/apofasi.pdf" >/dev/null
ctl decisions import --number 12/2025 --title "HOTĂRÂRE privind taxele \
locale" --date 2025-12-10 "$WORK/taxe.pdf" >/dev/null
TRICKY="Parcul '; DROP TABLE decision; -- 100% _x \"Central\""
ctl decisions import --number 30/2026 --title "$TRICKY" --date 2026-06-30 \
    "$WORK/parc.pdf" >/dev/null
check_eq "four decisions" 4 "$(rows)"

# Bad input: each refused with its reason, nothing stored.
printf 'not a pdf\n' >"$WORK/note.txt"
run_ctl decisions import --number 40/2026 --title T --date 2026-01-01 \
    "$WORK/note.txt"
check_eq "a file that is not a PDF is refused" 1 "$RC"
check_contains "saying so" "is not a PDF" "$ERR"
run_ctl decisions import --number 40/2026 --title T --date 2026-02-30 \
    "$WORK/buget.pdf"
check_eq "a date that does not exist is refused" 1 "$RC"
check_contains "saying so" "Date:" "$ERR"
run_ctl decisions import --number 40/2026 --title T --date 2025-02-03 \
    "$WORK/buget.pdf"
check_contains "a date in another year than the number's is refused" \
    "but the date is in 2025" "$ERR"
run_ctl decisions import --number 40/2026 --title "$(printf 'Taxe\033[2J')" \
    --date 2026-01-01 "$WORK/buget.pdf"
check_eq "a title with a control character is refused" 1 "$RC"
check_contains "saying so" "control character" "$ERR"
run_ctl decisions import --number 40/2026 --title "" --date 2026-01-01 \
    "$WORK/buget.pdf"
check_contains "an empty title is refused" "Title:" "$ERR"
for bad in 40 40/26 0/2026 abc/2026 "40/2026 " 123456/2026; do
	run_ctl decisions import --number "$bad" --title T --date 2026-01-01 \
	    "$WORK/buget.pdf"
	check_contains "number '$bad' is refused" "Number:" "$ERR"
done
run_ctl decisions import --number 40/2026 --title T --date 2026-01-01 \
    "$WORK/missing.pdf"
check_contains "a missing file is refused" "cannot be read" "$ERR"
{ printf '%%PDF-1.4\n'; head -c 20971520 /dev/zero; } >"$WORK/big.pdf"
run_ctl decisions import --number 40/2026 --title T --date 2026-01-01 \
    "$WORK/big.pdf"
check_contains "a PDF over 20 MiB is refused" "larger than 20 MiB" "$ERR"
check_eq "none of them is stored" 4 "$(rows)"
check_eq "the refusals are audited" 1 \
    "$(sqlite3 "$DB" "SELECT COUNT(*) > 5 FROM audit WHERE action = \
'decision.import' AND outcome LIKE 'refused%'")"

# Search.
numbers() { echo "$OUT" | cut -d' ' -f2 | tr '\n' ' '; }
run_ctl decisions search
check_eq "every decision, the latest adopted first" \
    "30/2026 7/2026 12/2026 12/2025 " "$(numbers)"
run_ctl decisions search --number 12/2026
check_eq "by number and year" "12/2026 " "$(numbers)"
run_ctl decisions search --number 12
check_eq "by number in every year" "12/2026 12/2025 " "$(numbers)"
run_ctl decisions search --number 12/
check_eq "a malformed number is refused" 1 "$RC"
run_ctl decisions search --words hotarare
check_eq "\"hotarare\" finds \"Hotărâre\" and \"HOTĂRÂRE\"" \
    "12/2026 12/2025 " "$(numbers)"
run_ctl decisions search --words "bugetul hotar"
check_eq "every word must begin a word of the title" "12/2026 " "$(numbers)"
run_ctl decisions search --words "hotarare parc"
check_eq "a word found nowhere finds nothing" "" "$OUT"
run_ctl decisions search --words αποφαση
check_eq "\"αποφαση\" finds \"Απόφαση\"" "7/2026 " "$(numbers)"
run_ctl decisions search --words "ΠΛΑΤΕΙΑΣ"
check_eq "Greek capitals without accents too" "7/2026 " "$(numbers)"
run_ctl decisions search --from 2026-01-01 --to 31.05.2026
check_eq "by days of adoption, both ends included" "7/2026 12/2026 " \
    "$(numbers)"
run_ctl decisions search --from 2026-06-30
check_eq "from a day on" "30/2026 " "$(numbers)"
run_ctl decisions search --to 2026-13-01
check_eq "a day that does not exist is refused" 1 "$RC"
run_ctl decisions search --words "'; DROP TABLE decision; --"
check_eq "SQL in the words is only words" "30/2026 " "$(numbers)"
run_ctl decisions search --words "100% _x"
check_eq "and so are LIKE's wildcards" "30/2026 " "$(numbers)"
check_eq "the table is still there" 4 "$(rows)"
run_ctl decisions show 30/2026
check_contains "the title is stored as typed" "title: $TRICKY" "$OUT"
run_ctl --json decisions show "$ID"
check_contains "show by id, in JSON" '"number": "12/2026"' "$OUT"
run_ctl decisions show 99/2026
check_eq "a decision that does not exist" 1 "$RC"

# Save: the same bytes, never over a file.
run_ctl decisions save 12/2026 "$WORK/saved.pdf"
check_eq "a decision is saved" 0 "$RC"
if cmp -s "$WORK/buget2.pdf" "$WORK/saved.pdf"; then
	ok "the file saved is the one imported, byte for byte"
else
	not_ok "the file saved is the one imported, byte for byte"
fi
run_ctl decisions save 12/2026 "$WORK/saved.pdf"
check_contains "an existing file is not overwritten" "exists already" "$ERR"
run_ctl decisions save 12/2026 "$WORK/no/such/folder/x.pdf"
check_contains "a folder that does not exist is said" "cannot be written" \
    "$ERR"

# A list: NUMBER,TITLE,DATE,PDF, commas allowed in the title, paths from
# the list's folder.
cat >"$WORK/list.csv" <<LIST
number,title,date,pdf
# the spring session
41/2026,Hotărâre privind străzile, trotuarele și parcările,2026-04-02,parc.pdf
7/2026,Απόφαση για την ανάπλαση της πλατείας,2026-05-15,$WORK/apofasi.pdf
42/2026,Lipsă,2026-04-03,lipsa.pdf
LIST
run_ctl decisions import --list "$WORK/list.csv"
check_eq "a list with a refused line fails" 1 "$RC"
check_contains "the others are done" "1 imported, 1 unchanged, 0 replaced, \
1 refused" "$OUT"
check_contains "the refused line is named" "list.csv:5:" "$ERR"
run_ctl decisions search --number 41/2026
check_contains "a title with commas is whole" "străzile, trotuarele și \
parcările" "$OUT"

# Print: the PDF reaches the printer.
if ! cups_start; then
	not_ok "cupsd starts"
	finish
fi
cups_add_queue decisions
run_ctl decisions print 12/2026
check_eq "a decision is printed" 0 "$RC"
check_contains "and says so" "Decision 12/2026 is printed" "$OUT"
check_contains "its PDF is what the printer got" "rectificat" \
    "$(pdftotext "$(cups_job_files | tail -1)" - 2>&1)"
run_ctl decisions print 12/2026 --printer nowhere
check_eq "a printer that does not exist is a refusal" 1 "$RC"
check_contains "with the reason" "nowhere" "$ERR"
check_eq "printing is audited, printed or not" \
    "decision.print decision:12/2026 ok
decision.print decision:12/2026 refused: input/output error" \
    "$(sqlite3 -separator " " "$DB" "SELECT action, object, outcome FROM audit WHERE \
action = 'decision.print' ORDER BY id")"
run_ctl audit verify
check_eq "the audit trail is intact" 0 "$RC"
finish
