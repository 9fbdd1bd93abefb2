#!/usr/bin/env bash
# The same benchmarks on both storage engines, side by side (issue 5), printing what
# docs/BENCHMARKS.md records. For each engine: demo generation, member search over HTTP (wrk,
# the query mix of bench/make_queries.sql), the root organization's dashboard (its counts, its
# breakdowns, its children) and the lifecycle lists, each timed with curl (median of 5).
#   MEMBERS=65000 DURATION=20 bench/engines.sh         # SQLite and PostgreSQL
#   NATIONAL=1 bench/engines.sh                         # 5,600,000 members, PostgreSQL only
# PostgreSQL runs in a throwaway cluster (scripts/pg-cluster.sh, fsync on, PG_SHARED_BUFFERS,
# default 2GB). PG_KEEP=DIR keeps that cluster in DIR after the run, and a later run with the
# same PG_KEEP reuses its database instead of generating it again (MEMBERS must match).
# SQLITE_DB=FILE does the same for SQLite: generated there when missing, kept, reused when present
# (NATIONAL=1 ENGINES=sqlite SQLITE_DB=/tmp/n.db: the whole Party on SQLite).
# Servers listen on 127.0.0.1 only and are stopped at the end.
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
cd "$(dirname "$0")/.."

chibo=${CHIBO:-build/src/chibo}
duration=${DURATION:-20}
connections=${CONNECTIONS:-16}
if [[ "${NATIONAL:-}" == 1 ]]; then
  members=5600000
  engines=${ENGINES:-postgresql}
else
  members=${MEMBERS:-65000}
  engines=${ENGINES:-sqlite postgresql}
fi
work=$(mktemp -d /tmp/chibo-engines.XXXXXX)
chmod 755 "$work"
port=18290
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
login() {  # port -> cookie
  curl -sf -o /dev/null -D - -H 'Content-Type: application/json' -H 'X-Requested-With: chibo' \
    -H "Origin: http://127.0.0.1:$1" -d "{\"username\":\"bench.office\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$1/api/v1/auth/login" | grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/'
}
median_ms() {  # url, cookie -> median of 5 (after one warm-up), in ms
  local times=()
  curl -sf -o /dev/null -H "Cookie: $2" "$1"
  for _ in 1 2 3 4 5; do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "Cookie: $2" "$1")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "%.1f ms", $1 * 1000}'
}

echo "# chibo on both engines, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GB RAM, $("$chibo" --version)"
echo "# members=$members duration=${duration}s connections=$connections; chibo serve with 2 threads, nothing pinned"

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
      "$chibo" demo --db "$url" --members "$members" ${DEMO_ARGS:-} --quiet 2>&1 | grep -E '^(chibo demo|  [0-9]|generation)' | head -3
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
  [[ $engine == postgresql ]] && echo "database size: $(sql "SELECT pg_size_pretty(pg_database_size('bench'))")"
  [[ $engine == sqlite ]] && echo "database size: $(du -h "$db_file" | cut -f1)"

  # One query per line, sampled from this database's members (bench/make_queries.sql; instr is
  # SQLite's strpos).
  sed -e 's/;$/ LIMIT 4000;/' bench/make_queries.sql > "$work/queries.sql"
  [[ $engine == postgresql ]] && sed -i 's/instr(full_name, /strpos(full_name, /' "$work/queries.sql"
  if [[ $engine == sqlite ]]; then sql < "$work/queries.sql" > "$work/queries.txt"; else psql -X -q -At "$url" -f "$work/queries.sql" > "$work/queries.txt"; fi

  "$chibo" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 --log-level warn > "$work/serve-$engine.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 3000); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/health" && break; sleep 0.1; done
  cookie=$(login $port)
  [[ -n "$cookie" ]] || { echo "cannot sign in on $engine" >&2; cat "$work/serve-$engine.log" >&2; exit 1; }
  export COOKIE=$cookie
  root=$(sql "SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1")
  root_name=$(sql "SELECT name FROM organizations WHERE id = $root")

  # Warm-up as a server that has been up for a while (longer at national scale: cold pages).
  warm=$(( members > 1000000 ? 30 : 3 ))
  QUERIES=$work/queries.txt wrk -t1 -c8 -d${warm}s -s bench/search.lua "http://127.0.0.1:$port" >/dev/null
  echo "| what | result |"
  echo "|---|---|"
  line=$(QUERIES=$work/queries.txt wrk -t1 -c"$connections" -d"${duration}s" --latency -s bench/search.lua "http://127.0.0.1:$port" | grep '^REPORT')
  printf '| member search, %s queries of the mix, %s connections | %s |\n' "$(wc -l < "$work/queries.txt")" "$connections" "${line#REPORT }"
  line=$(QUERIES=$work/queries.txt wrk -t1 -c1 -d"${duration}s" --latency -s bench/search.lua "http://127.0.0.1:$port" | grep '^REPORT')
  printf '| member search, one connection | %s |\n' "${line#REPORT }"
  base="http://127.0.0.1:$port/api/v1"
  printf '| root dashboard counts: GET /orgs/%s (%s) | %s |\n' "$root" "$root_name" "$(median_ms "$base/orgs/$root" "$cookie")"
  printf '| root dashboard breakdowns: GET /orgs/%s/stats | %s |\n' "$root" "$(median_ms "$base/orgs/$root/stats" "$cookie")"
  if [[ $engine == postgresql ]]; then
    # The reference: PostgreSQL's own parallel GROUP BY over the root's members on the roll, for
    # ONE of the eight breakdowns (sex; the eight as GROUPING SETS do not run in parallel and take
    # several times longer), timed by psql, median of 3.
    reference="SELECT m.sex, COUNT(*) FROM members m WHERE m.status IN ('official', 'probationary', 'exempted') GROUP BY m.sex"
    printf '| reference: one breakdown (sex) by PostgreSQL'"'"'s parallel GROUP BY over the members (psql) | %s |\n' \
      "$(for _ in 1 2 3; do psql -X -q "$url" -c '\timing on' -c "$reference" | grep -o 'Time: [0-9.]*' | grep -o '[0-9.]*$'; done |
        sort -n | sed -n 2p | awk '{printf "%.1f ms", $1}')"
  fi
  printf '| root children with counts: GET /orgs/%s/children | %s |\n' "$root" "$(median_ms "$base/orgs/$root/children" "$cookie")"
  printf '| first page of all members: GET /members?page_size=20 | %s |\n' "$(median_ms "$base/members?page_size=20" "$cookie")"
  printf '| badges of the next occasion, first page: GET /badges?page_size=50 | %s |\n' "$(median_ms "$base/badges?page_size=50" "$cookie")"
  printf '| probation lists: GET /probation?within=60 | %s |\n' "$(median_ms "$base/probation?within=60" "$cookie")"
  printf '| transfers in transit: GET /transfers?state=in_transit | %s |\n' "$(median_ms "$base/transfers?state=in_transit" "$cookie")"
  counts=$(curl -sf -H "Cookie: $cookie" "$base/orgs/$root" | python3 -c 'import json,sys; c=json.load(sys.stdin)["counts"]; print(c.get("on_roll"), "on the roll of", c.get("total"))')
  echo "(root counts: $counts; chibo RSS after the run: $(ps -o rss= -p "${pids[-1]}" | awk '{printf "%.0f MiB", $1/1024}'))"
  kill "${pids[-1]}"
  while kill -0 "${pids[-1]}" 2>/dev/null; do sleep 0.1; done
  unset 'pids[-1]'
done
