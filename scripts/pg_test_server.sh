#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests, listening on loopback only.
#
#   scripts/pg_test_server.sh install     install PostgreSQL 15 from Debian if missing (as root)
#   scripts/pg_test_server.sh start       install if missing, start a cluster on a free port in a
#                                         new temp directory, print its postgresql:// URL
#   scripts/pg_test_server.sh stop URL    stop the cluster of that URL (or port) and delete it
#
# The cluster is thrown away, so it skips fsync (tests run twice as fast); DYAD_PG_DURABLE=1 keeps
# PostgreSQL's default durability, for benchmarks.
# Idempotent and quiet: only the URL goes to stdout; failures say why on stderr and exit non-zero.
# As root the server runs as the unprivileged `postgres` user (initdb refuses root).
set -euo pipefail

PG_MAJOR=15
PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
ROOT_DIR=/tmp  # not $TMPDIR: the postgres user must be able to reach the cluster's directory
PREFIX="$ROOT_DIR/dyad-pg-"

die() {
    echo "pg_test_server: $*" >&2
    exit 1
}

install_pg() {
    [ -x "$PG_BIN/initdb" ] && return 0
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL $PG_MAJOR is not installed and this is not root:" \
        "run 'apt-get install postgresql-$PG_MAJOR' as root, or set DYAD_TEST_POSTGRES_URL"
    command -v apt-get >/dev/null || die "PostgreSQL $PG_MAJOR is missing and there is no apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || die "apt-get update failed"
    apt-get install -y -qq "postgresql-$PG_MAJOR" >/dev/null \
        || die "apt-get install postgresql-$PG_MAJOR failed"
    [ -x "$PG_BIN/initdb" ] || die "postgresql-$PG_MAJOR installed but $PG_BIN/initdb is missing"
}

# Run a PostgreSQL program as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start_pg() {
    install_pg
    local password port dir options tries=0
    options="-c listen_addresses=127.0.0.1"
    if [ "${DYAD_PG_DURABLE:-0}" != 1 ]; then
        options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    while :; do
        tries=$((tries + 1))
        [ "$tries" -le 20 ] || die "no free port found for PostgreSQL after 20 tries"
        port=$((20000 + RANDOM % 40000))
        dir="$PREFIX$port"
        # The directory doubles as a lock on the port among concurrent callers of this script.
        mkdir -m 700 "$dir" 2>/dev/null || continue
        [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
        printf '%s\n' "$password" >"$dir/pwfile"
        [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
        if ! as_owner "$PG_BIN/initdb" -D "$dir/data" -U dyad --pwfile="$dir/pwfile" \
            --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync \
            >"$dir/initdb.log" 2>&1; then
            cat "$dir/initdb.log" >&2
            rm -rf "$dir"
            die "initdb failed"
        fi
        rm -f "$dir/pwfile"
        # Loopback only; the unix socket lives in the cluster's own directory.
        if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
            -o "$options -p $port -c unix_socket_directories=$dir" \
            >/dev/null 2>&1; then
            break
        fi
        # Most likely the port was taken by something else: try another one.
        if ! grep -q "could not bind\|could not create listen socket" "$dir/server.log" 2>/dev/null
        then
            cat "$dir/server.log" >&2 2>/dev/null || true
            rm -rf "$dir"
            die "PostgreSQL did not start"
        fi
        rm -rf "$dir"
    done
    PGPASSWORD="$password" "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U dyad dyad \
        || die "createdb failed (see $dir/server.log)"
    echo "postgresql://dyad:$password@127.0.0.1:$port/dyad"
}

stop_pg() {
    local target="${1:-}" port dir
    [ -n "$target" ] || die "usage: $0 stop URL|PORT"
    port="${target##*:}"   # ...@127.0.0.1:PORT/dyad -> PORT/dyad
    port="${port%%/*}"
    [[ "$port" =~ ^[0-9]+$ ]] || die "no port in $target"
    dir="$PREFIX$port"
    [ -d "$dir" ] || return 0
    [ -f "$dir/data/PG_VERSION" ] || die "$dir is not a cluster made by this script"
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
    install) install_pg ;;
    start) start_pg ;;
    stop) stop_pg "${2:-}" ;;
    *) die "usage: $0 install | start | stop URL" ;;
esac
