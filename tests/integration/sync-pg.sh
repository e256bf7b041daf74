#!/bin/sh
# Sync through a central store in PostgreSQL (a private server, TLS with
# verify-full): see tests/sync-scenario.sh.  The centre stops (pg_ctl
# stop), and dies in the middle of a sync (kill -9 of the server).
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/cups.sh"
. "$TESTS_SRCDIR/pg.sh"
write_conf ro en
pg_start || exit 1
CENTRAL_URL=$PG_URL
central_sql() {
	pg_sql "$1"
}
centre_down() {
	pg_stop
}
centre_up() {
	pg_restart
}
centre_crash() {
	pg_kill
}
. "$TESTS_SRCDIR/sync-scenario.sh"
