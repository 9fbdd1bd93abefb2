#!/usr/bin/env bash
# Directives at scale (issue 13), printing what docs/BENCHMARKS.md records. For each engine: a
# demo database, a directive of the root committee with two tasks assigned to every cell (kind
# `cell`) through the API, which the background fan-out job works through (--fanout-batch
# assignments per transaction); the time from the request to the fan-out being done (polled
# every 0.2 s), then the roll-up at the root (GET /directives/{id}/rollup: the root's row and its
# children's) timed with curl, one connection, median and p95 of RUNS (default 100) after a
# warm-up; and `chibo check` (which recounts the roll-up).
#   MEMBERS=65000 bench/directives.sh                   # SQLite and PostgreSQL
#   NATIONAL=1 bench/directives.sh                      # 5,600,000 members, PostgreSQL only
#   NATIONAL=1 ENGINES=sqlite SQLITE_DB=/tmp/n.db bench/directives.sh   # on a kept SQLite database
# PostgreSQL runs in a throwaway cluster (scripts/pg-cluster.sh, fsync on). PG_KEEP=DIR keeps it
# (and reuses a database of the same MEMBERS generated there by this script or bench/engines.sh).
# SQLITE_DB=FILE does the same for SQLite: generated there when missing, kept, reused when present.
# CHECK=0 skips the closing `chibo check` (hours at national scale).
# Servers listen on 127.0.0.1 only and are stopped at the end.
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
cd "$(dirname "$0")/.."

chibo=${CHIBO:-build/src/chibo}
runs=${RUNS:-100}
batch=${FANOUT_BATCH:-2000}
if [[ "${NATIONAL:-}" == 1 ]]; then
  members=5600000
  engines=${ENGINES:-postgresql}
else
  members=${MEMBERS:-65000}
  engines=${ENGINES:-sqlite postgresql}
fi
work=$(mktemp -d /tmp/chibo-directives.XXXXXX)
chmod 755 "$work"
port=18390
pids=()
pg_dir=${PG_KEEP:-$work/pg}
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  if [[ -z "${PG_KEEP:-}" && -d "$pg_dir" ]]; then scripts/pg-cluster.sh stop "$pg_dir"; fi
  if [[ -n "${PG_KEEP:-}" && -f "$pg_dir/data/postmaster.pid" ]]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 ||
      /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

password="bench password $(date +%s%N)"
headers=(-H 'Content-Type: application/json' -H 'X-Requested-With: chibo')
login() {  # port -> cookie
  curl -sf -o /dev/null -D - "${headers[@]}" -H "Origin: http://127.0.0.1:$1" \
    -d "{\"username\":\"bench.office\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$1/api/v1/auth/login" | grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/'
}
post() {  # port, cookie, path, json -> body
  curl -sf "${headers[@]}" -H "Origin: http://127.0.0.1:$1" -H "Cookie: $2" -d "$4" "http://127.0.0.1:$1/api/v1$3"
}
json() {  # expression on the JSON of stdin, as `d`
  python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"
}
percentiles_ms() {  # url, cookie -> "median ms / p95 ms" of $runs (after 5 warm-ups)
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null -H "Cookie: $2" "$1"; done
  for _ in $(seq "$runs"); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Cookie: $2" "$1"; done |
    sort -n | awk '{t[NR]=$1} END {m=t[int((NR+1)/2)]; p=t[int(NR*0.95+0.999)]; printf "%.1f ms / %.1f ms", m*1000, p*1000}'
}

echo "# chibo directives at scale, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GB RAM, $("$chibo" --version)"
echo "# members=$members runs=$runs fanout-batch=$batch; chibo serve with 2 threads, jobs on, nothing pinned"

for engine in $engines; do
  echo
  if [[ $engine == sqlite ]]; then
    db_file=${SQLITE_DB:-$work/bench.db}
    url=sqlite:$db_file
    sql() { sqlite3 "$db_file" "$@"; }
    fresh=1
    if [[ -n "${SQLITE_DB:-}" && -f "$SQLITE_DB" ]]; then
      fresh=0
      password=$(cat "$SQLITE_DB.bench-password")
    fi
  else
    if [[ -f "$pg_dir/port" && -f "$pg_dir/bench-members" ]]; then
      scripts/pg-cluster.sh resume "$pg_dir"
    else
      rm -rf "$pg_dir"
      PG_SHARED_BUFFERS=${PG_SHARED_BUFFERS:-2GB} \
        PG_OPTIONS="-c max_wal_size=8GB -c checkpoint_timeout=30min -c work_mem=64MB" \
        scripts/pg-cluster.sh start "$pg_dir" --keep-fsync >/dev/null
    fi
    pg_user=$([[ $EUID -eq 0 ]] && echo postgres || id -un)
    server_url="postgresql://$pg_user@127.0.0.1:$(cat "$pg_dir/port")"
    url=$server_url/bench
    sql() { psql -X -q -At "$url" -c "$1"; }
    fresh=1
    if [[ "$(cat "$pg_dir/bench-members" 2>/dev/null)" == "$members" ]]; then
      fresh=0
    else
      psql -X -q "$server_url/postgres" -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
    fi
  fi
  echo "## $engine, $members members"
  if [[ $fresh == 1 ]]; then
    /usr/bin/time -f "generation: %e s elapsed, %M KB max RSS" \
      "$chibo" demo --db "$url" --members "$members" ${DEMO_ARGS:-} --quiet 2>&1 | grep -E '^(chibo demo|generation)' | head -2
    [[ $engine == postgresql ]] && echo "$members" > "$pg_dir/bench-members"
    echo "$password" | "$chibo" user add --db "$url" --username bench.office --role office_staff >/dev/null
  elif [[ $engine == postgresql ]]; then
    echo "(database reused from $pg_dir)"
    password=$(cat "$pg_dir/bench-password")
  else
    echo "(database reused: $SQLITE_DB)"
  fi
  [[ $engine == postgresql ]] && echo "$password" > "$pg_dir/bench-password"
  [[ $engine == sqlite && -n "${SQLITE_DB:-}" ]] && echo "$password" > "$SQLITE_DB.bench-password"

  "$chibo" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 --log-level warn \
    --fanout-batch "$batch" > "$work/serve-$engine.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 3000); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/health" && break; sleep 0.1; done
  cookie=$(login $port)
  [[ -n "$cookie" ]] || { echo "cannot sign in on $engine" >&2; cat "$work/serve-$engine.log" >&2; exit 1; }
  root=$(sql "SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1")
  root_name=$(sql "SELECT name FROM organizations WHERE id = $root")
  cells=$(sql "SELECT COUNT(*) FROM organizations WHERE kind = 'cell' AND status = 'active' AND path LIKE (SELECT path FROM organizations WHERE id = $root) || '%'")
  today=$(date -u +%F)
  due=$(date -u -d '+60 days' +%F)
  directive=$(post $port "$cookie" /directives "{\"org_id\": $root, \"kind\": \"directive\", \"title\": \"Chỉ thị đo hiệu năng $(date +%s)\", \"issued_on\": \"$today\", \"tasks\": [{\"title\": \"Quán triệt\", \"due_on\": \"$due\"}, {\"title\": \"Báo cáo\", \"due_on\": \"$due\"}]}")
  id=$(echo "$directive" | json 'd["id"]')
  tasks=$(echo "$directive" | json '",".join(str(t["id"]) for t in d["tasks"])')
  started=$(date +%s.%N)
  reply=$(post $port "$cookie" "/directives/$id/assignments" "{\"task_ids\": [$tasks], \"target\": {\"mode\": \"kind\", \"kind\": \"cell\"}}")
  answered=$(date +%s.%N)
  mode=$(echo "$reply" | json '"background" if d["fanout"] else "in the request"')
  while :; do
    state=$(curl -sf -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/directives/$id" |
      json '"done" if all(f["state"] == "done" for f in d["fanouts"]) else "%d/%d" % (d["fanouts"][0]["done"], d["fanouts"][0]["total"])')
    [[ $state == done ]] && break
    sleep 0.2
  done
  finished=$(date +%s.%N)
  total=$(sql "SELECT total FROM directive_rollup WHERE directive_id = $id AND org_id = $root")
  echo "| what | result |"
  echo "|---|---|"
  printf '| fan-out to every cell (%s cells x 2 tasks = %s assignments, %s) : request answered | %.2f s |\n' \
    "$cells" "$total" "$mode" "$(echo "$answered - $started" | bc)"
  printf '| fan-out done (request to the last batch committed) | %.1f s |\n' "$(echo "$finished - $started" | bc)"
  printf '| roll-up at the root: GET /directives/%s/rollup (%s, %s children), median / p95 of %s | %s |\n' \
    "$id" "$root_name" "$(sql "SELECT COUNT(*) FROM organizations WHERE parent_id = $root")" "$runs" \
    "$(percentiles_ms "http://127.0.0.1:$port/api/v1/directives/$id/rollup" "$cookie")"
  printf '| the directive with its roll-up: GET /directives/%s, median / p95 of %s | %s |\n' \
    "$id" "$runs" "$(percentiles_ms "http://127.0.0.1:$port/api/v1/directives/$id" "$cookie")"
  kill "${pids[-1]}"
  while kill -0 "${pids[-1]}" 2>/dev/null; do sleep 0.1; done
  unset 'pids[-1]'
  [[ "${CHECK:-1}" == 0 ]] && continue
  check_started=$(date +%s.%N)
  check=$("$chibo" check --db "$url" 2>&1 | tail -1)
  printf '| chibo check (recounts every roll-up) | %.1f s: %s |\n' "$(echo "$(date +%s.%N) - $check_started" | bc)" "$check"
done
