# A private CUPS scheduler for the printing tests: its own configuration,
# spool and socket under $WORK/cups, and one backend, pdfcopy, that
# copies each job's PDF to $CUPS_DIR/jobs/job-ID.pdf so a test can read
# what would have reached the printer.  Source it after lib.sh; cleanup
# stops the scheduler.
#
# Needs cupsd (Debian: cups-daemon), lpadmin, lpstat, cupsenable and
# cupsdisable (cups-client) and pdftopdf (cups-filters); a test that
# sources it is skipped when they, or pdftotext, are missing.

for tool in cupsd lpadmin pdftotext; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "# SKIP: $tool is needed for the printing tests"
		exit 77
	fi
done

CUPS_DIR="$WORK/cups"
CUPS_PID=
CUPS_PORT=

# cups_free_port: prints a TCP port on 127.0.0.1 that nothing listens on.
cups_free_port() {
	free_port 20000 29999 $((20000 + $$ % 10000))
}

# cups_write_conf: the scheduler's two configuration files, a serverbin
# of links to the system's programs plus pdfcopy, and a PPD for the
# queues (PDF in, PDF out, DL envelopes).
cups_write_conf() {
	d=$CUPS_DIR
	mkdir -p "$d/spool/tmp" "$d/cache" "$d/state" "$d/log" "$d/jobs" \
	    "$d/serverbin/backend"
	# cupsd and its filters run as lp and must reach the spool through
	# the work folder, which mktemp made 0700.
	chmod 0711 "$WORK"
	chmod 0755 "$d" "$d/serverbin" "$d/serverbin/backend"
	chmod 0777 "$d/spool/tmp" "$d/cache" "$d/state" "$d/log"
	chmod 0700 "$d/jobs"
	user=
	if [ "$(id -u)" -eq 0 ]; then
		user="User lp
Group lp"
		chown lp:lp "$d/spool/tmp" "$d/cache" "$d/state" "$d/log"
	fi

	for sub in filter daemon cgi-bin notifier monitor driver; do
		[ -e "/usr/lib/cups/$sub" ] &&
		    ln -s "/usr/lib/cups/$sub" "$d/serverbin/$sub"
	done
	for b in /usr/lib/cups/backend/*; do
		[ -e "$b" ] && ln -s "$b" "$d/serverbin/backend/${b##*/}"
	done
	# Mode 0700: cupsd runs a backend it cannot let others read as root,
	# so pdfcopy can write into jobs/, which only root may enter.
	cat >"$d/serverbin/backend/pdfcopy" <<BACKEND
#!/bin/sh
# pdfcopy JOB USER TITLE COPIES OPTIONS [FILE]: keeps the job's PDF.
# The URI pdfcopy:/fail makes a printer that fails every job,
# pdfcopy:/hang one that never finishes.
if [ \$# -eq 0 ]; then
	echo 'direct pdfcopy "Unknown" "PDF copy for tests"'
	exit 0
fi
case "\$DEVICE_URI" in
pdfcopy:/fail)
	echo "ERROR: the test printer jammed" >&2
	exit 1 ;;
pdfcopy:/hang)
	exec sleep 60 ;;
esac
out="$d/jobs/job-\$1.pdf"
if [ \$# -ge 6 ]; then cat "\$6" >"\$out.tmp"; else cat >"\$out.tmp"; fi &&
    mv "\$out.tmp" "\$out"
BACKEND
	chmod 0700 "$d/serverbin/backend/pdfcopy"

	cat >"$d/cupsd.conf" <<CONF
Listen 127.0.0.1:$CUPS_PORT
Listen $d/cups.sock
Browsing No
WebInterface No
PreserveJobFiles No
PreserveJobHistory Yes
Printcap $d/printcap
LogLevel warn
<Location />
  Order deny,allow
  Allow all
</Location>
<Policy default>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit All>
    Order deny,allow
    Allow all
  </Limit>
</Policy>
CONF
	cat >"$d/cups-files.conf" <<CONF
$user
FileDevice Yes
ServerRoot $d
ServerBin $d/serverbin
RequestRoot $d/spool
TempDir $d/spool/tmp
CacheDir $d/cache
StateDir $d/state
DataDir /usr/share/cups
AccessLog $d/log/access_log
ErrorLog $d/log/error_log
PageLog $d/log/page_log
CONF

	# The only filter step passes PDF through, so pdfcopy receives the
	# PDF that pdftopdf made from the job.
	cat >"$d/envelopes.ppd" <<'PPD'
*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "ENVELOPE.PPD"
*Manufacturer: "Guichet"
*Product: "(Envelope test printer)"
*ModelName: "Guichet envelope test printer"
*ShortNickName: "Guichet envelopes"
*NickName: "Guichet envelope test printer"
*PSVersion: "(3010.000) 0"
*ColorDevice: False
*DefaultColorSpace: Gray
*FileSystem: False
*Throughput: "1"
*LandscapeOrientation: Plus90
*TTRasterizer: Type42
*cupsFilter2: "application/vnd.cups-pdf application/pdf 0 -"
*OpenUI *PageSize/Media Size: PickOne
*OrderDependency: 10 AnySetup *PageSize
*DefaultPageSize: EnvDL
*PageSize EnvDL/DL Envelope: "<</PageSize[312 624]>>setpagedevice"
*CloseUI: *PageSize
*OpenUI *PageRegion/Media Size: PickOne
*OrderDependency: 10 AnySetup *PageRegion
*DefaultPageRegion: EnvDL
*PageRegion EnvDL/DL Envelope: "<</PageSize[312 624]>>setpagedevice"
*CloseUI: *PageRegion
*DefaultImageableArea: EnvDL
*ImageableArea EnvDL/DL Envelope: "0 0 312 624"
*DefaultPaperDimension: EnvDL
*PaperDimension EnvDL/DL Envelope: "312 624"
PPD
}

# cups_start: starts the scheduler and waits until it answers; sets and
# exports CUPS_SERVER for every client the test runs.  Returns 1 (with
# the scheduler's log) when it did not come up in 5 seconds.
cups_start() {
	[ -n "$CUPS_PORT" ] || CUPS_PORT=$(cups_free_port)
	[ -f "$CUPS_DIR/cupsd.conf" ] || cups_write_conf
	CUPS_SERVER="$CUPS_DIR/cups.sock"
	export CUPS_SERVER
	cupsd -f -c "$CUPS_DIR/cupsd.conf" -s "$CUPS_DIR/cups-files.conf" \
	    >"$CUPS_DIR/log/cupsd.out" 2>&1 &
	CUPS_PID=$!
	i=0
	while [ $i -lt 100 ]; do
		if lpstat -r 2>/dev/null | grep -q 'is running'; then
			return 0
		fi
		kill -0 "$CUPS_PID" 2>/dev/null || break
		sleep 0.05
		i=$((i + 1))
	done
	echo "# cupsd did not start:" >&2
	cat "$CUPS_DIR/log/cupsd.out" "$CUPS_DIR/log/error_log" 2>/dev/null |
	    sed 's/^/#   /' >&2
	return 1
}

# cups_add_queue NAME [URI]: a queue on pdfcopy (URI pdfcopy:/, or
# pdfcopy:/fail or pdfcopy:/hang), accepting and enabled; a failed job is
# aborted rather than stopping the queue.  lpadmin warns that PPDs are
# deprecated: its output shows only when it fails.
cups_add_queue() {
	if ! lpadmin -p "$1" -E -v "${2:-pdfcopy:/}" \
	    -P "$CUPS_DIR/envelopes.ppd" -o printer-error-policy=abort-job \
	    >"$CUPS_DIR/lpadmin.out" 2>&1; then
		sed 's/^/#   /' "$CUPS_DIR/lpadmin.out" >&2
		return 1
	fi
	cupsaccept "$1" && cupsenable "$1"
}

# cups_stop_queue NAME: stops the queue, as a jam or an operator would.
cups_stop_queue() {
	cupsdisable -r "paper jam" "$1"
}

# cups_stop: ends the scheduler and waits until it is gone (2 s at most,
# then it is killed).
cups_stop() {
	[ -n "$CUPS_PID" ] || return 0
	kill -TERM "$CUPS_PID" 2>/dev/null || true
	i=0
	while kill -0 "$CUPS_PID" 2>/dev/null && [ $i -lt 40 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	if kill -0 "$CUPS_PID" 2>/dev/null; then
		kill -KILL "$CUPS_PID" 2>/dev/null || true
	fi
	wait "$CUPS_PID" 2>/dev/null || true
	CUPS_PID=
}

# cups_job_files: the PDFs pdfcopy kept, one path a line, oldest job
# first (nothing when there is none).
cups_job_files() {
	for f in "$CUPS_DIR"/jobs/job-*.pdf; do
		[ -e "$f" ] || continue
		id=${f##*/job-}
		echo "${id%.pdf} $f"
	done | sort -n | cut -d' ' -f2-
}

at_cleanup cups_stop

# envelope_credentials NATIONAL-ID: prints the citizen's credential
# envelope, reads the password back from the printed PDF as the citizen
# would, and hands the envelope over; sets CITIZEN_USER and CITIZEN_PW.
envelope_credentials() {
	out=$(ctl envelopes issue "$1")
	job=$(echo "$out" | sed -n 's/.*(job \([0-9]*\)).*/\1/p')
	serial=$(echo "$out" | grep -oE 'ENV-[0-9]{4}-([0-9A-F]{6}-)?[0-9]{6}' | head -1)
	CITIZEN_PW=$(pdftotext -layout "$CUPS_DIR/jobs/job-$job.pdf" - |
	    grep -A2 -i "password\|parol\|κωδικ" |
	    grep -oE '[2-9a-km-zA-HJ-NP-Z]{14}' | head -1)
	CITIZEN_USER=$(sqlite3 "$DB" "SELECT c.username FROM credential c
	    JOIN envelope e ON e.credential_id = c.id WHERE e.serial = '$serial'")
	ctl envelopes hand-over "$serial" --document ro-id-card --series cj \
	    --number 123456 --issuer "SPCLEP Cluj" --expiry 2030-01-01 >/dev/null
}
