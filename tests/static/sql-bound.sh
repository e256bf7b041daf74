#!/bin/sh
# No SQL text is built by formatting: every statement is a constant with
# bound parameters.  Two rules over every C file that talks to SQLite or
# PostgreSQL (the product, its benchmarks, its tests):
#  - no string-building call (snprintf, xasprintf, strcat, sqlite3_mprintf,
#    ...) has SQL among its text;
#  - no SQL is kept in a writable buffer (char sql[...]; a constant,
#    static const char sql[], is fine).
# The rules are first shown to catch each kind of violation in a sample.
. "$TESTS_SRCDIR/lib.sh"
SRC=$(cd "$TESTS_SRCDIR/.." && pwd)

BUILDERS='v?sn?printf|v?asprintf|xasprintf|strn?cat|stpcpy|strcpy|sqlite3_v?mprintf|sqlite3_v?snprintf|sqlite3_str_append(?:f|all)?'
KEYWORDS='SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WHERE|VALUES|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|COPY'
# A builder call whose arguments, before its ';', hold a literal with SQL.
FORMATTED="(?s)(?<![\\w.>])(?:$BUILDERS)\\s*\\((?:[^;\"]|\"(?:[^\"\\\\]|\\\\.)*\")*?\"(?:[^\"\\\\]|\\\\.)*\\b(?:$KEYWORDS)\\b"
WRITABLE='^\s*(static\s+)?(unsigned\s+)?char\s+\**\s*\w*(sql|query|stmt)\w*\s*\['

# violations DIR: prints each offending place in the SQL-speaking C files.
violations() {
	grep -rlE --include='*.c' --include='*.h' \
	    'sqlite3\.h|libpq-fe\.h|store-internal\.h|sqlite3_|PQexec' "$1" |
	while read -r f; do
		grep -Pzo "$FORMATTED" "$f" | tr '\0' '\n' | head -1 |
		    sed "s|^|$f: formatted: |"
		grep -nE "$WRITABLE" "$f" | sed "s|^|$f: writable: |"
	done
}

mkdir -p "$WORK/bad"
cat >"$WORK/bad/a.c" <<'EOF'
#include <sqlite3.h>
void f(sqlite3 *db, const char *name) {
	char buf[256];
	snprintf(buf, sizeof buf, "SELECT id FROM person "
	    "WHERE surname = '%s'", name);
	sqlite3_exec(db, buf, 0, 0, 0);
}
EOF
cat >"$WORK/bad/b.c" <<'EOF'
#include <sqlite3.h>
void g(sqlite3 *db, char *where) {
	char *q = sqlite3_mprintf("DELETE FROM audit %s", where);
	sqlite3_exec(db, q, 0, 0, 0);
}
EOF
cat >"$WORK/bad/c.c" <<'EOF'
#include <sqlite3.h>
static char sql[512];
void h(const char *t) { strcat(sql, t); }
EOF
cat >"$WORK/bad/good.c" <<'EOF'
#include <sqlite3.h>
static const char sql[] = "SELECT id FROM person WHERE surname = ?";
void k(FILE *f, int n) { fprintf(f, "SELECT %d rows\n", n); }
EOF
found=$(violations "$WORK/bad")
check_contains "a formatted SELECT is caught" "a.c: formatted" "$found"
check_contains "so is sqlite3_mprintf" "b.c: formatted" "$found"
check_contains "and SQL in a writable buffer" "c.c: writable" "$found"
check_lacks "a constant with parameters is fine" "good.c" "$found"

found=$(violations "$SRC/src"; violations "$SRC/bench"; violations "$SRC/tests/unit")
check_eq "no SQL is built by formatting in guichet" "" "$found"
check_eq "(and the check saw the store's files)" 1 \
    "$(grep -rlE 'sqlite3_|store-internal\.h' "$SRC/src/store" | grep -c 'store-person\.c$')"
finish
