#!/bin/sh
# The private PostgreSQL the central-store tests use (tests/pg.sh): it
# is reached over TLS that verify-full accepts for 127.0.0.1 and
# localhost and refuses with another CA, never in clear text, never
# without the password; Romanian and Greek text goes in and out intact;
# after kill -9 and a restart what was committed is there and what was
# not is gone.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/pg.sh"

started=$(date +%s)
if pg_start; then ok "the private PostgreSQL started"; else
	not_ok "the private PostgreSQL started"
	finish
fi
echo "# started in $(( $(date +%s) - started )) s on port $PG_PORT"

# psql_url URL SQL: runs SQL through URL, leaving OUT, ERR and RC.
psql_url() {
	OUT=$("$PG_BIN/psql" -X -At -v ON_ERROR_STOP=1 "$1" -c "$2" \
	    2>"$WORK/stderr") && RC=0 || RC=$?
	ERR=$(cat "$WORK/stderr")
}

# TLS, as libpq sees it and as the server does.
psql_url "$PG_URL" "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
check_eq "PG_URL connects with TLS (pg_stat_ssl)" "0 t" "$RC $OUT"
check_contains "the connection is the guichet role's, in its database" \
    "guichet|guichet" "$(pg_sql "SELECT current_user || '|' || current_database()")"
check_contains "TLS 1.2 or later" "TLSv1." \
    "$(pg_sql "SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")"

url_localhost=$(echo "$PG_URL" | sed 's/@127\.0\.0\.1:/@localhost:/')
psql_url "$url_localhost" "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
check_eq "verify-full accepts the name localhost too" "0 t" "$RC $OUT"

# Another authority, which never signed the server's certificate.
openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=some other CA" -days 30 -keyout "$WORK/other-ca.key" \
    -out "$WORK/other-ca.crt" 2>/dev/null
url_other=$(echo "$PG_URL" | sed "s|sslrootcert=.*|sslrootcert=$WORK/other-ca.crt|")
psql_url "$url_other" "SELECT 1"
check_eq "verify-full with another CA is refused" "2" "$RC"
check_contains "... because the certificate does not verify" \
    "certificate verify failed" "$ERR"

# A certificate that is right but for another name.
url_name=$(echo "$PG_URL" | sed 's/@127\.0\.0\.1:/@127.0.0.2:/')
psql_url "$url_name" "SELECT 1"
check_eq "verify-full refuses a host the certificate does not name" "2" "$RC"

url_plain=$(echo "$PG_URL" | sed 's/sslmode=verify-full/sslmode=disable/')
psql_url "$url_plain" "SELECT 1"
check_eq "a connection without TLS is refused" "2" "$RC"
check_contains "... by pg_hba.conf" "no encryption" "$ERR"

url_badpw=$(echo "$PG_URL" | sed "s|guichet:$PG_PASSWORD@|guichet:wrong@|")
psql_url "$url_badpw" "SELECT 1"
check_eq "a wrong password is refused" "2" "$RC"
check_contains "... by scram-sha-256" "password authentication failed" "$ERR"

# UTF-8 in and out, bound as psql variables so nothing is re-quoted.
RO="Ștefan Țîrcă, Șoseaua Iașilor 14, Brașov — ăâîșț ĂÂÎȘȚ"
EL="Αθηνά Παπαδοπούλου, οδός Ερμού 5, Θεσσαλονίκη — ΆΈΉΊΌΎΏ ς"
check_eq "the server and the client speak UTF-8" "UTF8|UTF8" \
    "$(pg_sql "SHOW server_encoding" )|$(pg_sql "SHOW client_encoding")"
pg_sql "CREATE TABLE sync_probe (id integer PRIMARY KEY, text text NOT NULL)"
printf '%s\n' "INSERT INTO sync_probe VALUES (1, :'ro'), (2, :'el');" |
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -v ro="$RO" -v el="$EL" \
    "$PG_URL" >"$WORK/insert.out" 2>&1 && RC=0 || RC=$?
check_eq "the Romanian and Greek rows are committed" "0" "$RC"
check_eq "the Romanian text reads back intact" "$RO" \
    "$(pg_sql "SELECT text FROM sync_probe WHERE id = 1")"
check_eq "the Greek text reads back intact" "$EL" \
    "$(pg_sql "SELECT text FROM sync_probe WHERE id = 2")"
check_eq "the server counts characters, not bytes" \
    "$(printf '%s' "$RO" | wc -m) $(printf '%s' "$EL" | wc -m)" \
    "$(pg_sql "SELECT string_agg(char_length(text)::text, ' ' ORDER BY id)
    FROM sync_probe")"
check_eq "... and stores each character once (no double encoding)" \
    "$(printf '%s' "$RO" | wc -c) $(printf '%s' "$EL" | wc -c)" \
    "$(pg_sql "SELECT string_agg(octet_length(text)::text, ' ' ORDER BY id)
    FROM sync_probe")"
check_eq "upper() knows Romanian and Greek letters" "ȘȚĂ ΑΘΗΝΆ" \
    "$(pg_sql "SELECT upper('șță') || ' ' || upper('αθηνά')")"

# The centre stops mid-transaction: a session has inserted a row and
# not committed when every server process is killed.
printf '%s\n' "BEGIN;" \
    "INSERT INTO sync_probe VALUES (3, 'never committed');" \
    "SELECT pg_sleep(30);" |
    "$PG_BIN/psql" -X -q "$PG_URL" >"$WORK/open.out" 2>&1 &
open_pid=$!
i=0
while [ $i -lt 100 ]; do
	[ "$(pg_sql "SELECT count(*) FROM pg_stat_activity WHERE
	    state = 'active' AND query LIKE 'SELECT pg_sleep%'")" = 1 ] &&
	    break
	sleep 0.05
	i=$((i + 1))
done
check_eq "a session holds an open transaction" "1" \
    "$(pg_sql "SELECT count(*) FROM pg_stat_activity WHERE
    backend_xid IS NOT NULL AND pid <> pg_backend_pid()")"
pg_kill
wait "$open_pid" && RC=0 || RC=$?
check_eq "pg_kill ends the open session" "yes" \
    "$([ "$RC" -ne 0 ] && echo yes || echo "no (psql exited $RC)")"
check_eq "no server process is left" "" "$(for p in $PG_KILLED_PIDS; do
    pg_alive "$p" && echo "$p"; done)"
psql_url "$PG_URL" "SELECT 1"
check_eq "the killed server does not answer" "2" "$RC"

started=$(date +%s)
if pg_restart; then ok "the server restarts after kill -9"; else
	not_ok "the server restarts after kill -9"
	finish
fi
echo "# recovered in $(( $(date +%s) - started )) s"
check_eq "the committed rows survived, intact" "$RO|$EL" \
    "$(pg_sql "SELECT string_agg(text, '|' ORDER BY id) FROM sync_probe")"
check_eq "the uncommitted row is gone" "0" \
    "$(pg_sql "SELECT count(*) FROM sync_probe WHERE id = 3")"
check_contains "the server recovered from its log" \
    "not properly shut down; automatic recovery" "$(cat "$PG_LOG")"
psql_url "$PG_URL" "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
check_eq "after the restart, PG_URL still connects with TLS" "0 t" "$RC $OUT"

pg_stop
check_eq "pg_stop leaves no server" "" "$(for p in $(pg_server_pids); do
    pg_alive "$p" && echo "$p"; done)"
finish
