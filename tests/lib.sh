# Shared by the shell tests: a private work folder with its own
# configuration and database, checks that count, and a real terminal
# (tmux on a private socket) for the TUI.  Source it; call finish last.
#
# The Makefile exports GUICHET, GUICHETCTL, GUICHET_LOCALEDIR and
# TESTS_SRCDIR.

set -u
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LANGUAGE

WORK=$(mktemp -d "${TMPDIR:-/tmp}/guichet-test.XXXXXX")
CONF="$WORK/guichet.conf"
DB="$WORK/guichet.db"
TMUX_SOCKET="guichet-test-$$"
checks_passed=0
checks_failed=0

# Sanitizer reports go to files, so they neither mix with what a test
# reads on stderr nor go unnoticed: finish fails when any exists.
export ASAN_OPTIONS="log_path=$WORK/asan:detect_leaks=1"
export LSAN_OPTIONS="suppressions=$TESTS_SRCDIR/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$WORK/ubsan:print_stacktrace=1"

# What a helper starts (cups.sh, pg.sh) it stops with a function it
# names to at_cleanup; several may be named, the last one runs first.
# A test that starts more of its own defines cleanup_extra, which runs
# before them (its processes may be using those servers).
CLEANUP_HOOKS=
at_cleanup() {
	CLEANUP_HOOKS="$1 $CLEANUP_HOOKS"
}
cleanup() {
	if command -v cleanup_extra >/dev/null 2>&1; then cleanup_extra; fi
	for hook in $CLEANUP_HOOKS; do "$hook" || true; done
	tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
	# GUICHET_KEEP_WORK=yes keeps the files, to look at what a test made.
	[ "${GUICHET_KEEP_WORK:-}" = yes ] && echo "# kept $WORK" ||
	    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# write_conf [PROFILE] [LANGUAGE]: a configuration in the work folder.
write_conf() {
	cat >"$CONF" <<CONF
[station]
name = Ghișeu test
[town]
name = Primăria Cluj-Napoca
code = 54975
profile = ${1:-ro}
[ui]
language = ${2:-ro}
[store]
database = $DB
[security]
lock_after = 5
[log]
file = $WORK/guichet.log
CONF
}

ctl() {
	"$GUICHETCTL" -c "$CONF" "$@"
}

ok() {
	checks_passed=$((checks_passed + 1))
	echo "ok - $1"
}

not_ok() {
	checks_failed=$((checks_failed + 1))
	echo "not ok - $1"
	shift
	for line in "$@"; do echo "#   $line"; done
}

# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1" "expected: $2" "actual:   $3"; fi
}

# check_contains DESCRIPTION NEEDLE HAYSTACK
check_contains() {
	case "$3" in
	*"$2"*) ok "$1" ;;
	*) not_ok "$1" "expected to contain: $2" "actual: $3" ;;
	esac
}

# check_lacks DESCRIPTION NEEDLE HAYSTACK
check_lacks() {
	case "$3" in
	*"$2"*) not_ok "$1" "must not contain: $2" "actual: $3" ;;
	*) ok "$1" ;;
	esac
}

# run_ctl: runs guichetctl, leaving OUT, ERR and RC.
run_ctl() {
	OUT=$(ctl "$@" 2>"$WORK/stderr") && RC=0 || RC=$?
	ERR=$(cat "$WORK/stderr")
}

# add_staff USER ROLE PASSWORD
add_staff() {
	printf '%s\n' "$3" | ctl staff add --role "$2" --password-stdin "$1" \
	    >/dev/null
}

# tui_start [COLUMNS ROWS] -- ARGS...: starts guichet in a private tmux.
tui_start() {
	cols=80 rows=24
	if [ "${1:-}" != "--" ] && [ $# -ge 2 ]; then cols=$1 rows=$2; shift 2; fi
	[ "${1:-}" = "--" ] && shift
	tmux -L "$TMUX_SOCKET" -f /dev/null new-session -d -x "$cols" \
	    -y "$rows" "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
	    ASAN_OPTIONS='$ASAN_OPTIONS' UBSAN_OPTIONS='$UBSAN_OPTIONS' \
	    LSAN_OPTIONS='$LSAN_OPTIONS' \
	    GUICHET_LOCALEDIR='$GUICHET_LOCALEDIR' \
	    '$GUICHET' -c '$CONF' $*; echo '[exited '\$?']'; sleep 60"
	# Until it has drawn (or stopped): the kiosk throws away what is
	# typed before it starts.
	i=0
	while [ $i -lt 100 ]; do
		case "$(tui_screen 2>/dev/null)" in
		*"guichet ·"* | *"[exited"*) break ;;
		esac
		sleep 0.1
		i=$((i + 1))
	done
}

# tui_stop: ends the terminal; the next tui_start gets a fresh socket,
# since a tmux server just killed may still hold the old one.
tui_stop() {
	tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
	tui_generation=$(( ${tui_generation:-0} + 1 ))
	TMUX_SOCKET="guichet-test-$$-$tui_generation"
}

tui_screen() {
	tmux -L "$TMUX_SOCKET" capture-pane -p
}

# tui_wait TEXT [SECONDS]: waits until TEXT is on screen; 0 if it came.
tui_wait() {
	limit=$(( ${2:-10} * 10 ))
	i=0
	while [ $i -lt $limit ]; do
		case "$(tui_screen)" in *"$1"*) return 0 ;; esac
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# check_screen DESCRIPTION TEXT [SECONDS]: waits for TEXT (10 s unless
# told), records the outcome.
check_screen() {
	if tui_wait "$2" "${3:-10}"; then ok "$1"; else
		not_ok "$1" "expected on screen: $2" "screen was:"
		tui_screen | sed 's/^/#   | /'
	fi
}

# tui_type TEXT: types literal UTF-8 text.
tui_type() {
	tmux -L "$TMUX_SOCKET" send-keys -l "$1"
}

# tui_keys KEY...: sends named keys (Enter, Tab, F1, Escape, ...).
tui_keys() {
	tmux -L "$TMUX_SOCKET" send-keys "$@"
}

tui_resize() {
	tmux -L "$TMUX_SOCKET" resize-window -x "$1" -y "$2"
}

# tui_document SERIES NUMBER ISSUER EXPIRY: fills an identity document
# form from its type (left as it is) on, and submits it.
tui_document() {
	for value in "$@"; do
		tui_keys Tab
		tui_type "$value"
	done
	tui_keys Enter
}

# free_port LOW HIGH START: prints a TCP port on 127.0.0.1 in LOW..HIGH
# that nothing listens on, trying from START up (and round).
free_port() {
	p=$3
	tries=0
	while [ $tries -lt 100 ]; do
		if ! ss -ltnH "sport = :$p" 2>/dev/null | grep -q .; then
			echo "$p"
			return 0
		fi
		p=$((p + 1))
		[ $p -gt "$2" ] && p=$1
		tries=$((tries + 1))
	done
	echo "$p"
}

# tui_validate NATIONAL-ID: from the clerk's citizen search, opens the
# citizen's card, validates them in person with an identity card (Level
# B) and goes back to the search.
tui_validate() {
	tui_keys C-u
	tui_type "$1"
	tui_wait "$1" || true
	tui_keys Enter
	tui_wait "Citizen card" || true
	tui_keys v
	tui_wait "Validate identity in person" || true
	tui_document cj 123456 "SPCLEP Cluj-Napoca" 01.01.2030
	tui_wait "moves to Level B" || true
	tui_keys y
	tui_wait "is validated (Level B)" || true
	tui_keys Escape
}

# tui_new_business: from the businesses area, registers a bakery in
# Cluj-Napoca (CUI 18547290) with F3's form; its card opens.
tui_new_business() {
	tui_keys F3
	tui_wait "New business" || true
	tui_type "RO18547290"
	tui_keys Tab
	tui_type "Brutăria Ștefan SRL"
	tui_keys Tab
	tui_type "Cluj-Napoca"
	tui_keys Tab
	tui_type "Strada Horea"
	tui_keys Tab
	tui_type "5"
	tui_keys Tab
	tui_type "400174"
	tui_keys Tab
	tui_type "contabil@brutaria.example"
	tui_keys Enter
}

# tui_login USER PASSWORD: fills the login form and submits it.
tui_login() {
	tui_wait "guichet ·" || true
	tui_type "$1"
	tui_keys Tab
	tui_type "$2"
	tui_keys Enter
}

# make_pdf FILE TEXT: a one-page DL PDF showing TEXT in Helvetica, with
# the cross-reference table pointing at each object's true offset.
make_pdf() {
	stream="BT /F1 12 Tf 40 300 Td ($2) Tj ET"
	: >"$1"
	offsets=
	obj() {
		offsets="$offsets $(wc -c <"$1")"
		printf '%s\n' "$2" >>"$1"
	}
	printf '%%PDF-1.4\n' >>"$1"
	obj "$1" "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj"
	obj "$1" "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj"
	obj "$1" "3 0 obj << /Type /Page /Parent 2 0 R \
/MediaBox [0 0 312 624] /Contents 4 0 R \
/Resources << /Font << /F1 5 0 R >> >> >> endobj"
	obj "$1" "4 0 obj << /Length ${#stream} >>
stream
$stream
endstream
endobj"
	obj "$1" "5 0 obj << /Type /Font /Subtype /Type1 \
/BaseFont /Helvetica >> endobj"
	xref=$(wc -c <"$1")
	{
		printf 'xref\n0 6\n0000000000 65535 f \n'
		for o in $offsets; do printf '%010d 00000 n \n' "$o"; done
		printf 'trailer << /Size 6 /Root 1 0 R >>\n'
		printf 'startxref\n%s\n%%%%EOF\n' "$xref"
	} >>"$1"
}

# finish: reports sanitizer findings and the counts; exits 1 on failure.
finish() {
	for f in "$WORK"/asan* "$WORK"/ubsan*; do
		[ -e "$f" ] || continue
		not_ok "sanitizer report $(basename "$f")"
		sed 's/^/#   /' "$f" | head -40
	done
	echo "# checks: $checks_passed passed, $checks_failed failed"
	[ "$checks_failed" -eq 0 ] && [ "$checks_passed" -gt 0 ]
	exit $?
}
