#!/usr/bin/env bash
# A throw-away PostgreSQL for the server's tests, on 127.0.0.1 with trust auth: on YOURSAY_PG_PORT when set,
# otherwise on a free port from 55432 up (remembered in the cluster's folder for `stop` and `url`).
#
#   pg_env="$(bash scripts/postgres.sh start)" && eval "$pg_env"   # installs PostgreSQL if missing, starts it
#   cargo test -p yoursay-server           # the server tests then also run against PostgreSQL (they fail
#                                          # without it unless YOURSAY_SKIP_POSTGRES=1)
#   scripts/postgres.sh stop               # stops it and deletes the cluster
#
# Only the `export` line goes to stdout; everything else goes to stderr. Running `start` twice is fine.
# Run `start` as its own command, not inside `eval "$(…)"`: a failure there is invisible to `set -e`.
set -euo pipefail

DIR="${YOURSAY_PG_DIR:-${TMPDIR:-/tmp}/yoursay-postgres-${YOURSAY_PG_PORT:-auto}}"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

choose_port() {
  if [ -n "${YOURSAY_PG_PORT:-}" ]; then echo "$YOURSAY_PG_PORT"; return; fi
  if [ -s "$DIR/port" ]; then cat "$DIR/port"; return; fi
  local p
  for p in $(seq 55432 55631); do
    if ! port_in_use "$p"; then echo "$p"; return; fi
  done
  echo "postgres.sh: no free port between 55432 and 55631" >&2
  exit 1
}

log() { echo "postgres.sh: $*" >&2; }

pg_bin() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && best="$d"
  done
  if [ -z "$best" ] && command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    best="$(dirname "$(command -v pg_ctl)")"
  fi
  echo "$best"
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgres() {
  log "installing PostgreSQL with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; }
}

start() {
  local bin
  PORT="$(choose_port)"
  URL="postgres://postgres@127.0.0.1:$PORT/postgres"
  bin="$(pg_bin)"
  if [ -z "$bin" ]; then
    install_postgres
    bin="$(pg_bin)"
  fi
  [ -n "$bin" ] || { log "initdb/pg_ctl not found after installing"; exit 1; }

  if [ ! -s "$DIR/data/PG_VERSION" ]; then
    rm -rf "$DIR"
    mkdir -p "$DIR/data"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$DIR"
    log "creating a cluster in $DIR"
    as_pg "$bin/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
      || as_pg "$bin/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 >&2
  fi
  echo "$PORT" > "$DIR/port"

  if as_pg "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    log "already running on port $PORT"
  else
    # Durability is pointless for a test cluster; turning it off makes the tests quicker.
    as_pg "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >&2 || { cat "$DIR/server.log" >&2; exit 1; }
    log "started on port $PORT"
  fi
  echo "export YOURSAY_TEST_POSTGRES_URL='$URL'"
}

stop() {
  local bin
  bin="$(pg_bin)"
  if [ -n "$bin" ] && [ -s "$DIR/data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >&2
  fi
  rm -rf "$DIR"
  log "stopped"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) echo "postgres://postgres@127.0.0.1:$(choose_port)/postgres" ;;
  *) echo "usage: $0 [start|stop|url]" >&2; exit 2 ;;
esac
