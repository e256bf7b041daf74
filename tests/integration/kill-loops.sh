#!/bin/sh
# kill -9 at random points, 200 times each: a counter payment, and a
# station's sync with its centre.  After every kill the store is intact
# (PRAGMA integrity_check), its audit chain verifies, nothing is half
# written (a payment is whole, with allocations that add up to it, or
# absent), and running the operation again completes it exactly once;
# at the end the centre holds each of the station's records once, and
# the other station sees every request with its number, without a gap.
. "$TESTS_SRCDIR/lib.sh"
write_conf ro en
ROUNDS=${KILL_ROUNDS:-200}

# A delay of 0 to 79 ms, from the kernel's randomness.
random_delay() {
	n=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	printf '0.%03d\n' $((n % 80))
}

# kill_after CMD...: runs CMD (a program, not a shell function, so the
# signal reaches it), kills it with SIGKILL after a random delay, and
# counts the kills that stopped it before it was done.
killed=0
kill_after() {
	# A kill during LeakSanitizer's check at exit leaves a report of
	# threads it could not stop: the kill's doing, not a leak.
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" "$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$(random_delay)"
	kill -9 "$pid" 2>/dev/null
	if wait "$pid"; then :; else
		[ $? -eq 137 ] && killed=$((killed + 1))
	fi
	return 0
}

# intact WHAT DB: the store's integrity and its audit chain.
intact() {
	bad=$(sqlite3 -cmd ".timeout 5000" "$2" "PRAGMA integrity_check")
	[ "$bad" = ok ] || echo "$1: integrity: $bad"
	ctl -d "$2" audit verify >/dev/null 2>&1 || echo "$1: audit chain broken"
}

ctl init >/dev/null
ctl demo-data --taxpayers 10 >/dev/null
PAYER=$(sqlite3 "$DB" "SELECT national_id FROM taxpayer ORDER BY id LIMIT 1")
# A payment whose allocations and credit do not add up to it, or that
# repeats a key: none may ever show.
HALF="SELECT COUNT(*) FROM payment p WHERE p.amount <> p.credit +
    (SELECT COALESCE(SUM(principal + charges), 0) FROM allocation
    WHERE payment_id = p.id) OR NOT EXISTS (SELECT 1 FROM allocation
    WHERE payment_id = p.id) AND p.credit <> p.amount"
problems=""
i=1
while [ $i -le $ROUNDS ]; do
	kill_after "$GUICHETCTL" -c "$CONF" pay "$PAYER" 1.25 --key "kill-$i" \
	    --no-receipt
	problems="$problems$(intact "payment $i" "$DB")"
	n=$(sqlite3 "$DB" "SELECT COUNT(*) FROM payment WHERE key = 'ctl:kill-$i'")
	[ "$n" -le 1 ] || problems="$problems payment $i: $n rows;"
	ctl pay "$PAYER" 1.25 --key "kill-$i" --no-receipt >/dev/null 2>&1
	i=$((i + 1))
done
echo "# payments: $killed of $ROUNDS runs killed before they were done"
check_eq "after each of $ROUNDS kills the store and its audit chain are intact" "" "$problems"
check_eq "no payment is ever half written" 0 "$(sqlite3 "$DB" "$HALF")"
check_eq "and run again each is recorded exactly once" "$ROUNDS|$ROUNDS" \
    "$(sqlite3 "$DB" "SELECT COUNT(*), COUNT(DISTINCT key) FROM payment WHERE key LIKE 'ctl:kill-%'")"
check_eq "each for its amount" $((ROUNDS * 125)) \
    "$(sqlite3 "$DB" "SELECT SUM(amount) FROM payment WHERE key LIKE 'ctl:kill-%'")"

# Sync: station B files a request, then its sync is killed; A, the other
# station, pulls at the end.
CENTRAL="$WORK/central.db"
printf 'central = sqlite:%s\n' "$CENTRAL" >"$WORK/central.line"
for s in a b; do
	sed -e "s|^name = Ghișeu test|name = Ghișeu $s|" \
	    -e "s|^database = .*|database = $WORK/$s.db|" \
	    -e "/^database = /r $WORK/central.line" "$CONF" >"$WORK/$s.conf"
	"$GUICHETCTL" -c "$WORK/$s.conf" init >/dev/null
done
on() {
	s=$1
	shift
	"$GUICHETCTL" -c "$WORK/$s.conf" "$@"
}
on a central init "sqlite:$CENTRAL" >/dev/null
on b demo-data --taxpayers 5 >/dev/null
killed=0
problems=""
i=1
while [ $i -le $ROUNDS ]; do
	id=$(on b requests file general-request subject="Cererea $i" \
	    text="Strada Horea $i" | cut -d' ' -f1)
	on b requests register "$id" >/dev/null 2>&1
	kill_after "$GUICHETCTL" -c "$WORK/b.conf" sync --once
	problems="$problems$(intact "sync $i" "$WORK/b.db")"
	bad=$(sqlite3 -cmd ".timeout 5000" "$CENTRAL" "PRAGMA integrity_check")
	[ "$bad" = ok ] || problems="$problems sync $i: centre: $bad;"
	i=$((i + 1))
done
echo "# sync: $killed of $ROUNDS rounds killed before they were done"
check_eq "after each of $ROUNDS kills the station, its chain and the centre are intact" "" "$problems"
on b sync --once >/dev/null
on b sync --once >/dev/null
on a sync --once >/dev/null
check_eq "then one round empties B's outbox" 0 \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM outbox")"
check_eq "the centre holds each of B's requests once" \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*) FROM request")" \
    "$(sqlite3 "$CENTRAL" "SELECT COUNT(*) FROM central_record WHERE tbl = 'request'")"
check_eq "with no record twice" 0 \
    "$(sqlite3 "$CENTRAL" "SELECT COUNT(*) - COUNT(DISTINCT tbl || uid) FROM central_record")"
Y=$(date +%Y)
check_eq "every request of B numbered, without a gap or a duplicate" \
    "$ROUNDS|$ROUNDS|$ROUNDS" \
    "$(sqlite3 "$WORK/b.db" "SELECT COUNT(*), COUNT(DISTINCT number), MAX(number) FROM registry WHERE year = $Y")"
check_eq "and A knows them all, with the same numbers" \
    "$(sqlite3 "$WORK/b.db" "SELECT group_concat(r.uid || '=' || g.number) FROM (SELECT * FROM registry ORDER BY number) g JOIN request r ON r.id = g.request_id")" \
    "$(sqlite3 "$WORK/a.db" "SELECT group_concat(r.uid || '=' || g.number) FROM (SELECT * FROM registry ORDER BY number) g JOIN request r ON r.id = g.request_id")"
finish
