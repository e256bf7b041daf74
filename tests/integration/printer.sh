# Printing through a private CUPS: a PDF reaches the printer whole and
# leaves nothing in the spool; a stopped or missing queue and a server
# that is down are refusals the clerk can act on.
#
# PRINT_PDF names the driver (tests/integration/print-pdf).

. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"

# Without a scheduler or pdftotext there is nothing to test: skip (77).
for tool in cupsd lpadmin pdftotext; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "# skip: $tool is not installed"
		exit 77
	}
done

TEXT="guichet test page"

# run_print PRINTER [TIMEOUT]: runs the driver on the test PDF, leaving
# OUT, ERR and RC.
run_print() {
	OUT=$("$PRINT_PDF" "$1" "$WORK/page.pdf" ${2:-} 2>"$WORK/stderr") &&
	    RC=0 || RC=$?
	ERR=$(cat "$WORK/stderr")
}

make_pdf "$WORK/page.pdf" "$TEXT"
check_contains "the test PDF is readable" "$TEXT" \
    "$(pdftotext "$WORK/page.pdf" - 2>&1)"

if ! cups_start; then
	not_ok "cupsd starts"
	finish
fi
ok "cupsd starts"
cups_add_queue envelopes
check_eq "the queue envelopes exists" 0 $?

# A PDF on a working queue: the job completes and the printer receives
# the document.
run_print envelopes
check_eq "printing succeeds" 0 "$RC"
check_contains "it names the job" "job " "$OUT"
job=${OUT#job }
check_eq "the printer received one job" "$CUPS_DIR/jobs/job-$job.pdf" \
    "$(cups_job_files)"
check_contains "the printed PDF shows the text" "$TEXT" \
    "$(pdftotext "$CUPS_DIR/jobs/job-$job.pdf" - 2>&1)"
check_contains "CUPS keeps the job as completed" "envelopes-$job" \
    "$(lpstat -W completed -o envelopes)"
# The document holds a password: once printed, the spool keeps no copy.
check_eq "the spool holds no document" "" \
    "$(ls "$CUPS_DIR/spool" | grep '^d' || true)"

# A stopped queue: refused before anything is queued.
cups_stop_queue envelopes
run_print envelopes
check_eq "a stopped queue is refused" 1 "$RC"
check_contains "the clerk reads that it is stopped" "stopped" "$ERR"
check_contains "and how to start it" "cupsenable envelopes" "$ERR"
check_eq "nothing new reached the printer" "$CUPS_DIR/jobs/job-$job.pdf" \
    "$(cups_job_files)"
check_eq "nothing waits in the queue" "" "$(lpstat -o envelopes)"
cupsenable envelopes

# A queue that does not exist.
run_print nosuchqueue
check_eq "a missing queue is refused" 1 "$RC"
check_contains "the clerk reads that it does not exist" \
    "'nosuchqueue' does not exist" "$ERR"

# A printer that fails the job: CUPS aborts it.
cups_add_queue jammed pdfcopy:/fail
run_print jammed
check_eq "a failed job is refused" 1 "$RC"
check_contains "the clerk reads that the printer aborted it" \
    "was aborted by the printer" "$ERR"

# A printer that never finishes: after the timeout the job is cancelled,
# so it cannot come out later when the clerk has printed it again.
cups_add_queue hanging pdfcopy:/hang
run_print hanging 1
check_eq "a job that does not finish is refused" 1 "$RC"
check_contains "the clerk reads that it did not finish" \
    "did not finish job" "$ERR"
check_contains "and that it was cancelled" "it was cancelled" "$ERR"
check_eq "the job no longer waits" "" \
    "$(lpstat -W not-completed -o hanging)"

# The server is down.
cups_stop
run_print envelopes
check_eq "printing without a server fails" 1 "$RC"
check_contains "the clerk reads that the server is unreachable" \
    "cannot reach the print server" "$ERR"

finish
