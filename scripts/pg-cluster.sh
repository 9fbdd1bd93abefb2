#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster in a temporary folder, listening on 127.0.0.1 only, for
# tests and benchmarks. As root the server runs as the postgres user (PostgreSQL refuses to run
# as root); as anyone else, as that user.
#
#   scripts/pg-cluster.sh run [--keep-fsync] -- COMMAND...   start, run COMMAND with
#       CHIBO_TEST_POSTGRES=postgresql://USER@127.0.0.1:PORT/postgres and PG_CLUSTER_DIR (for
#       tests that crash and resume the server), stop; exits as COMMAND did
#   scripts/pg-cluster.sh start DIR [--keep-fsync]            start a cluster in DIR (created), print its URL
#   scripts/pg-cluster.sh stop DIR                            stop it and delete DIR
#   scripts/pg-cluster.sh crash DIR                           SIGKILL the server and all its processes
#   scripts/pg-cluster.sh resume DIR                          start it again (crash recovery), same port
#   scripts/pg-cluster.sh standby DIR PRIMARY_DIR             a streaming standby of the cluster in
#       PRIMARY_DIR (pg_basebackup -R) started in DIR (created), print its URL
#   scripts/pg-cluster.sh promote DIR                         promote that standby (pg_ctl promote)
#   scripts/pg-cluster.sh watch OWNER_PID DIR                 stop the cluster in DIR once OWNER_PID is gone
#
# PG_SHARED_BUFFERS (default 256MB) and PG_OPTIONS ("-c name=value ...") tune the server.
# Test clusters run with fsync=off unless --keep-fsync: a killed server loses nothing that way
# (its writes are in the kernel's cache), only a power cut would, and tests do not cut power.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
[[ -x $bin/initdb ]] || { echo "pg-cluster: PostgreSQL 15 is not installed (scripts/setup.sh installs it)" >&2; exit 1; }

as_owner() {  # runs a command as the cluster's owner
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {  # dir [--keep-fsync] -> prints the URL
  local dir=$1 fsync=off
  [[ "${2:-}" == "--keep-fsync" ]] && fsync=on
  mkdir -p "$dir"
  if [[ $EUID -eq 0 ]]; then chown postgres: "$dir"; chmod 700 "$dir"; fi
  local user
  user=$([[ $EUID -eq 0 ]] && echo postgres || id -un)
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  launch "$dir" "$user" "-c listen_addresses=127.0.0.1 -c fsync=$fsync -c full_page_writes=$fsync -c max_connections=300 -c shared_buffers=${PG_SHARED_BUFFERS:-256MB} ${PG_OPTIONS:-}"
}

launch() {  # dir user options: starts the server of dir/data on a free port -> prints the URL
  local dir=$1 user=$2 attempt port
  for attempt in 1 2 3; do
    port=$(free_port)
    local options="-p $port -k $dir $3"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null; then
      echo "$port" > "$dir/port"
      echo "$options" > "$dir/options"
      echo "postgresql://$user@127.0.0.1:$port/postgres"
      return 0
    fi
  done
  cat "$dir/server.log" >&2
  return 1
}

stop() {  # dir
  local dir=$1
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

crash() {  # dir: what a power-less crash of the server looks like to its clients
  local dir=$1 pid
  pid=$(head -1 "$dir/data/postmaster.pid")
  local children
  children=$(pgrep -P "$pid" || true)
  kill -KILL "$pid" $children 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}

watchdog() {  # owner_pid dir: stops the cluster (and a pgbouncer in front of it) if its owner dies
  # without running its EXIT trap, as when CTest SIGKILLs a test that ran out of time.
  local owner=$1 dir=$2
  while kill -0 "$owner" 2>/dev/null; do sleep 2; done
  [[ -d "$dir" ]] || return 0
  [[ -s "$dir/pgbouncer/pgbouncer.pid" ]] && kill "$(cat "$dir/pgbouncer/pgbouncer.pid")" 2>/dev/null
  stop "$dir"
}

resume() {  # dir
  local dir=$1
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null
}

standby() {  # dir primary_dir -> prints the URL: a copy of the primary streaming from it
  local dir=$1 primary=$2
  mkdir -p "$dir"
  if [[ $EUID -eq 0 ]]; then chown postgres: "$dir"; chmod 700 "$dir"; fi
  local user
  user=$([[ $EUID -eq 0 ]] && echo postgres || id -un)
  as_owner "$bin/pg_basebackup" -D "$dir/data" -R -X stream -c fast -h 127.0.0.1 -p "$(cat "$primary/port")" \
    -U "$user" >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; return 1; }
  # The primary's options but its own port and socket folder; cluster_name is the name the standby
  # gives itself to the primary (application_name), for synchronous_standby_names.
  launch "$dir" "$user" "$(sed -E 's/^-p [0-9]+ -k [^ ]+ //' "$primary/options") -c cluster_name=$(basename "$dir" | tr -c 'a-zA-Z0-9_\n' _)"
}

promote() {  # dir: the standby ends recovery (every WAL record it received replayed) and takes writes
  as_owner "$bin/pg_ctl" -D "$1/data" -w -t 60 promote >/dev/null
}

case "${1:-}" in
  standby)
    standby "$2" "$3"
    ;;
  promote)
    promote "$2"
    ;;
  watch)
    ( watchdog "$2" "$3" </dev/null >/dev/null 2>&1 & )
    ;;
  crash)
    crash "$2"
    ;;
  resume)
    resume "$2"
    ;;
  start)
    start "$2" "${3:-}"
    ;;
  stop)
    stop "$2"
    ;;
  run)
    shift
    keep=""
    if [[ "${1:-}" == "--keep-fsync" ]]; then keep=--keep-fsync; shift; fi
    [[ "${1:-}" == "--" ]] && shift
    dir=$(mktemp -d /tmp/chibo-pg.XXXXXX)
    trap 'stop "$dir"' EXIT
    url=$(start "$dir" $keep)
    # Double-forked and detached from our output, so it is no descendant a killer would reach
    # and no open pipe CTest would wait on.
    ( watchdog $$ "$dir" </dev/null >/dev/null 2>&1 & )
    export CHIBO_TEST_POSTGRES=$url PG_CLUSTER_DIR=$dir
    status=0
    "$@" || status=$?
    exit $status
    ;;
  *)
    sed -n '2,16p' "$0" >&2
    exit 2
    ;;
esac
