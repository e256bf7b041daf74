#!/bin/sh
# Sync through a central store that is one SQLite file on the host: see
# tests/sync-scenario.sh.  (The centre "stops" by its file going away.)
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
write_conf ro en
CENTRAL="$WORK/central.db"
CENTRAL_URL="sqlite:$CENTRAL"
central_sql() {
	sqlite3 "$CENTRAL" "$1"
}
centre_down() {
	mv "$CENTRAL" "$WORK/central.away"
}
centre_up() {
	[ -f "$WORK/central.away" ] && mv "$WORK/central.away" "$CENTRAL"
	return 0
}
centre_crash() {
	centre_down
}
. "$TESTS_SRCDIR/sync-scenario.sh"
