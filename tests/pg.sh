# A private PostgreSQL for the central-store tests: its own cluster,
# certificates, socket and port under $WORK/pg, reached over TCP with
# TLS (sslmode=verify-full against a throw-away CA) and a password
# (scram-sha-256).  Source it after lib.sh; cleanup stops the server.
#
#   pg_start    initdb (first time), then start; exports PG_URL
#   pg_stop     fast shutdown, waits until it is down
#   pg_kill     kill -9 of the postmaster and every server process, as
#               when the centre loses power mid-sync
#   pg_restart  starts again after pg_kill (crash recovery) or pg_stop
#   pg_sql SQL  runs SQL as the guichet role through PG_URL; prints
#               unaligned, tuples only; fails on the first error
#   pg_admin SQL  the same as the superuser, over the unix socket
#
# Needs the server (Debian: postgresql, binaries under
# /usr/lib/postgresql/VERSION/bin), psql and the openssl command; a test
# that sources it is skipped (exit 77) when they are missing.  PG_BIN
# may name another bin directory.  initdb and postgres refuse to run as
# root: as root the server runs as the postgres user (runuser), else as
# whoever runs the tests.  fsync stays on: the crash tests rely on it.

# pg_find_bin: the directory holding initdb, pg_ctl and postgres.
pg_find_bin() {
	if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return 0; fi
	# Through links: a PATH may hold links to initdb alone.
	if command -v initdb >/dev/null 2>&1; then
		dirname "$(readlink -f "$(command -v initdb)")"
		return 0
	fi
	# Debian's server keeps them off PATH: the newest version's.
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && echo "$d"
	done | sort -t/ -k5 -rn | head -1 | grep .
}

PG_BIN=$(pg_find_bin) || PG_BIN=
for tool in initdb pg_ctl postgres psql; do
	if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/$tool" ]; then
		echo "# SKIP: PostgreSQL's $tool is needed for the central-store tests"
		exit 77
	fi
done
if ! command -v openssl >/dev/null 2>&1; then
	echo "# SKIP: the openssl command is needed for the central-store tests"
	exit 77
fi
PG_RUNAS=
PG_RUNUSER=
if [ "$(id -u)" -eq 0 ]; then
	PG_RUNUSER=$(command -v runuser)
	for f in /usr/sbin/runuser /sbin/runuser; do
		[ -n "$PG_RUNUSER" ] || [ ! -x "$f" ] || PG_RUNUSER=$f
	done
	if ! id postgres >/dev/null 2>&1 || [ -z "$PG_RUNUSER" ]; then
		echo "# SKIP: as root, the server needs the postgres user and runuser"
		exit 77
	fi
	PG_RUNAS=postgres
fi

# Nothing from the environment may steer libpq elsewhere.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGPASSFILE \
    PGSERVICE PGSERVICEFILE PGSSLMODE PGSSLROOTCERT PGSSLCERT PGSSLKEY \
    PGSSLCRL PGOPTIONS PGREQUIRESSL PGTARGETSESSIONATTRS PGDATA
export PGCONNECT_TIMEOUT=5

PG_DIR="$WORK/pg"
PG_DATA="$PG_DIR/data"
PG_SOCK="$PG_DIR/sock"
PG_CA="$PG_DIR/ca.crt"
PG_LOG="$PG_DIR/server.log"
PG_PORT=
PG_PASSWORD=
PG_URL=
PG_RUNNING=no

# pg_run COMMAND...: runs a server program as the server's user, from
# the cluster's folder (initdb fails where it cannot read the current
# directory).
pg_run() {
	if [ -n "$PG_RUNAS" ]; then
		(cd "$PG_DIR" && "$PG_RUNUSER" -u "$PG_RUNAS" -- "$@")
	else
		(cd "$PG_DIR" && "$@")
	fi
}

# pg_free_port [OFFSET]: a TCP port on 127.0.0.1 that nothing listens
# on, from 30000-32767: above cups.sh's 20000-29999, below the kernel's
# ephemeral ports.
pg_free_port() {
	free_port 30000 32767 $((30000 + ($$ + ${1:-0}) % 2768))
}

# pg_make_certs: a self-signed CA ($PG_CA) and a server certificate for
# localhost and 127.0.0.1 signed by it; the key is the server's alone.
pg_make_certs() {
	d=$PG_DIR/tls
	mkdir -p "$d"
	openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
	    -nodes -subj "/CN=guichet test central CA" -days 30 \
	    -keyout "$d/ca.key" -out "$PG_CA" \
	    -addext "basicConstraints=critical,CA:TRUE" \
	    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null &&
	openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	    -subj "/CN=localhost" -keyout "$d/server.key" \
	    -out "$d/server.csr" 2>/dev/null &&
	printf '%s\n' "basicConstraints=critical,CA:FALSE" \
	    "keyUsage=critical,digitalSignature,keyEncipherment" \
	    "extendedKeyUsage=serverAuth" \
	    "subjectAltName=DNS:localhost,IP:127.0.0.1" >"$d/server.ext" &&
	openssl x509 -req -in "$d/server.csr" -CA "$PG_CA" \
	    -CAkey "$d/ca.key" -CAcreateserial -days 30 -sha256 \
	    -extfile "$d/server.ext" -out "$d/server.crt" 2>/dev/null ||
	    return 1
	chmod 0600 "$d/server.key" "$d/ca.key"
	chmod 0644 "$PG_CA" "$d/server.crt"
	[ -z "$PG_RUNAS" ] || chown "$PG_RUNAS" "$d/server.key" "$d/server.crt"
}

# pg_init: the cluster, its certificates and configuration (once).
pg_init() {
	mkdir -p "$PG_DIR" "$PG_SOCK"
	chmod 0700 "$PG_DIR" "$PG_SOCK"
	if [ -n "$PG_RUNAS" ]; then
		# The server's user must reach its folder through $WORK,
		# which mktemp made 0700.
		chmod 0711 "$WORK"
		chown "$PG_RUNAS" "$PG_DIR" "$PG_SOCK"
	fi
	pg_make_certs || { echo "# openssl could not make the certificates" >&2
		return 1; }
	# --no-sync skips only initdb's final flush of the new cluster (a
	# second saved); the server itself runs with fsync on, and kill -9
	# loses no page the kernel holds.
	if ! pg_run "$PG_BIN/initdb" -D "$PG_DATA" -U postgres \
	    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 \
	    --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1; then
		echo "# initdb failed:" >&2
		sed 's/^/#   /' "$PG_DIR/initdb.log" >&2
		return 1
	fi
	cat >>"$PG_DATA/postgresql.conf" <<CONF

# guichet tests (tests/pg.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_SOCK'
ssl = on
ssl_cert_file = '$PG_DIR/tls/server.crt'
ssl_key_file = '$PG_DIR/tls/server.key'
fsync = on
shared_buffers = 16MB
max_connections = 40
include_if_exists = 'guichet-port.conf'
CONF
	# TCP only with TLS and a password; the socket stays trusted for
	# the harness's own administration.
	sed -i 's/^host\([[:space:]]\)/hostssl\1/' "$PG_DATA/pg_hba.conf"
	PG_PASSWORD=$(openssl rand -hex 16)
}

# pg_try_start PORT: starts on PORT; 0 once it accepts connections.
pg_try_start() {
	echo "port = $1" >"$PG_DATA/guichet-port.conf"
	[ -z "$PG_RUNAS" ] || chown "$PG_RUNAS" "$PG_DATA/guichet-port.conf"
	pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 start \
	    >"$PG_DIR/pg_ctl.out" 2>&1
}

# pg_start: a running server and PG_URL for the role guichet, owner of
# the database guichet.  Returns 1 (with the server's log) when it did
# not come up.
pg_start() {
	[ "$PG_RUNNING" = yes ] && return 0
	if [ ! -f "$PG_DATA/PG_VERSION" ]; then pg_init || return 1; fi
	attempt=0
	while :; do
		PG_PORT=$(pg_free_port $((attempt * 97)))
		if pg_try_start "$PG_PORT"; then break; fi
		attempt=$((attempt + 1))
		# Another test may have taken the port in between: try another.
		if [ $attempt -lt 5 ] && grep -q "could not bind\|could not create any TCP" \
		    "$PG_LOG" 2>/dev/null; then
			continue
		fi
		echo "# PostgreSQL did not start:" >&2
		cat "$PG_DIR/pg_ctl.out" "$PG_LOG" 2>/dev/null | tail -30 |
		    sed 's/^/#   /' >&2
		return 1
	done
	PG_RUNNING=yes
	PG_URL="postgresql://guichet:$PG_PASSWORD@127.0.0.1:$PG_PORT/guichet?sslmode=verify-full&sslrootcert=$PG_CA"
	export PG_URL PG_PORT PG_CA
	if [ -z "$(pg_admin "SELECT 1 FROM pg_roles WHERE rolname = 'guichet'")" ]
	then
		pg_admin "CREATE ROLE guichet LOGIN PASSWORD '$PG_PASSWORD'" &&
		pg_admin "CREATE DATABASE guichet OWNER guichet" || return 1
	fi
}

# pg_admin SQL: as the superuser over the unix socket (trusted).
pg_admin() {
	"$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$PG_SOCK" \
	    -p "$PG_PORT" -U postgres -d "${PG_ADMIN_DB:-postgres}" -c "$1"
}

# pg_sql SQL: as the guichet role over TCP with TLS (PG_URL).
pg_sql() {
	"$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$PG_URL" -c "$1"
}

# pg_server_pids: the postmaster and its children, one a line.
pg_server_pids() {
	[ -f "$PG_DATA/postmaster.pid" ] || return 0
	pm=$(head -1 "$PG_DATA/postmaster.pid")
	[ -n "$pm" ] || return 0
	echo "$pm"
	ps -o pid= --ppid "$pm" 2>/dev/null | tr -d ' '
}

# pg_alive PID: 0 while PID runs (a zombie left unreaped does not).
pg_alive() {
	[ -r "/proc/$1/stat" ] || return 1
	state=$(sed 's/^.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)
	[ -n "$state" ] && [ "$state" != Z ]
}

# pg_kill: kill -9 the postmaster first, then what it leaves running,
# and waits until all are gone (5 s at most); PG_KILLED_PIDS lists them.
pg_kill() {
	pids=$(pg_server_pids)
	PG_KILLED_PIDS=$pids
	for pid in $pids; do kill -KILL "$pid" 2>/dev/null || true; done
	i=0
	while [ $i -lt 100 ]; do
		left=
		for pid in $pids; do pg_alive "$pid" && left=yes; done
		[ -z "$left" ] && break
		sleep 0.05
		i=$((i + 1))
	done
	PG_RUNNING=no
}

# pg_stop: fast shutdown (active sessions are ended, all that was
# committed is kept); a server that does not stop in 10 s is killed.
pg_stop() {
	[ "$PG_RUNNING" = yes ] || return 0
	if ! pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 10 stop \
	    >"$PG_DIR/pg_ctl.out" 2>&1; then
		pg_kill
	fi
	PG_RUNNING=no
}

# pg_restart: stops the server if it runs, then starts it on the same
# port, recovering from the write-ahead log after pg_kill.
pg_restart() {
	[ -n "$PG_PORT" ] || { pg_start; return; }
	pg_stop
	# A killed postmaster that its new parent has not reaped yet is a
	# zombie whose PID is still in the lock files, and postgres would
	# take it for a running server.  Once it is dead, the locks are
	# stale, as after a power cut and a reboot.
	for lock in "$PG_DATA/postmaster.pid" "$PG_SOCK"/.s.PGSQL.*.lock; do
		[ -f "$lock" ] || continue
		pm=$(head -1 "$lock")
		if [ -z "$pm" ] || ! pg_alive "$pm"; then rm -f "$lock"; fi
	done
	if ! pg_try_start "$PG_PORT"; then
		echo "# PostgreSQL did not restart:" >&2
		cat "$PG_DIR/pg_ctl.out" "$PG_LOG" 2>/dev/null | tail -30 |
		    sed 's/^/#   /' >&2
		return 1
	fi
	PG_RUNNING=yes
}

at_cleanup pg_stop
