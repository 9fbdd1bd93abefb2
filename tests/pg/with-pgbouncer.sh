#!/usr/bin/env bash
# Runs COMMAND with chibo behind pgbouncer 1.18 in transaction pooling, in front of the
# throwaway cluster of scripts/pg-cluster.sh run (CHIBO_TEST_POSTGRES, PG_CLUSTER_DIR):
#   scripts/pg-cluster.sh run -- tests/pg/with-pgbouncer.sh COMMAND...
# Each pool has two server connections while every chibo holds several client connections,
# so consecutive transactions of one chibo connection land on different server connections:
# anything chibo left on a session (a prepared statement, a SET, a temporary table) breaks.
set -euo pipefail
: "${CHIBO_TEST_POSTGRES:?run under scripts/pg-cluster.sh run}" "${PG_CLUSTER_DIR:?}"
dir=$PG_CLUSTER_DIR/pgbouncer
mkdir -p "$dir"
server_port=$(cat "$PG_CLUSTER_DIR/port")
user=$(python3 -c 'import sys,urllib.parse as u; print(u.urlparse(sys.argv[1]).username)' "$CHIBO_TEST_POSTGRES")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cat > "$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$server_port user=$user
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = any
pool_mode = transaction
default_pool_size = 2
max_client_conn = 1000
max_db_connections = 0
server_reset_query =
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
run_as=()
if [[ $EUID -eq 0 ]]; then
  chown -R postgres: "$dir"
  run_as=(runuser -u postgres --)
fi
"${run_as[@]}" pgbouncer -d "$dir/pgbouncer.ini"
# Wait for pgbouncer's pid file, then for its port, each up to 30 s (a loaded machine is slow).
deadline=$((SECONDS + 30))
until [[ -s "$dir/pgbouncer.pid" ]]; do
  ((SECONDS < deadline)) || { echo "with-pgbouncer: pgbouncer wrote no pid file" >&2; cat "$dir/pgbouncer.log" >&2; exit 1; }
  sleep 0.05
done
pid=$(cat "$dir/pgbouncer.pid")
trap 'kill "$pid" 2>/dev/null || true' EXIT
deadline=$((SECONDS + 30))
until python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null; do
  ((SECONDS < deadline)) || { echo "with-pgbouncer: pgbouncer is not listening on $port" >&2; exit 1; }
  sleep 0.05
done
export CHIBO_TEST_PGBOUNCER=127.0.0.1:$port
status=0
"$@" || status=$?
echo "with-pgbouncer: pgbouncer log: $(grep -c 'LOG' "$dir/pgbouncer.log" || true) lines, errors: $(grep -ci 'error\|prepared statement' "$dir/pgbouncer.log" || true)"
exit $status
