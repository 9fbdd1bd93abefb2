#!/usr/bin/env bash
# The compliance board at scale (issue 16), on both storage engines: the demo bloc, then over HTTP
# (curl, median of 5 after a warm-up) the board at the root (counts of every area per direct
# child), the first page of its items, and the board of a base organization. Prints what
# docs/BENCHMARKS.md records.
#   bench/compliance.sh                       # 65,000 members, SQLite and PostgreSQL
#   MEMBERS=20000 ENGINES=sqlite bench/compliance.sh
# PostgreSQL runs in a throwaway cluster (scripts/pg-cluster.sh). Servers listen on 127.0.0.1 and
# are stopped at the end.
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
cd "$(dirname "$0")/.."

chibo=${CHIBO:-build/src/chibo}
members=${MEMBERS:-65000}
engines=${ENGINES:-sqlite postgresql}
work=$(mktemp -d /tmp/chibo-compliance.XXXXXX)
chmod 755 "$work"
port=${PORT:-18395}
pids=()
pg_dir=$work/pg
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  if [[ -d "$pg_dir" ]]; then scripts/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

password="bench password $(date +%s%N)"
login() {  # port -> cookie
  curl -sf -o /dev/null -D - -H 'Content-Type: application/json' -H 'X-Requested-With: chibo' \
    -H "Origin: http://127.0.0.1:$1" -d "{\"username\":\"bench.board\",\"password\":\"$password\"}" \
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

echo "# chibo compliance board, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$chibo" --version)"
for engine in $engines; do
  echo
  if [[ $engine == sqlite ]]; then
    url=sqlite:$work/bench.db
    sql() { sqlite3 "$work/bench.db" "$@"; }
  else
    PG_SHARED_BUFFERS=${PG_SHARED_BUFFERS:-1GB} \
      PG_OPTIONS="-c max_wal_size=8GB -c checkpoint_timeout=30min -c work_mem=64MB" \
      scripts/pg-cluster.sh start "$pg_dir" >/dev/null
    pg_user=$([[ $EUID -eq 0 ]] && echo postgres || id -un)
    server_url="postgresql://$pg_user@127.0.0.1:$(cat "$pg_dir/port")"
    psql -X -q "$server_url/postgres" -c "CREATE DATABASE bench"
    url=$server_url/bench
    sql() { psql -X -q -At "$url" -c "$1"; }
  fi
  echo "## $engine, $members members"
  /usr/bin/time -f "generation: %e s elapsed, %M KB max RSS" \
    "$chibo" demo --db "$url" --members "$members" --quiet 2>&1 | grep -E '^(chibo demo|generation)' | head -3
  if [[ $engine == postgresql ]]; then sql "ANALYZE" >/dev/null; fi
  echo "$password" | "$chibo" user add --db "$url" --username bench.board --role office_staff >/dev/null

  "$chibo" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 --log-level warn > "$work/serve-$engine.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 3000); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/health" && break; sleep 0.1; done
  cookie=$(login $port)
  [[ -n "$cookie" ]] || { echo "cannot sign in on $engine" >&2; cat "$work/serve-$engine.log" >&2; exit 1; }
  base="http://127.0.0.1:$port/api/v1"
  root=$(sql "SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1")
  one=$(sql "SELECT id FROM organizations WHERE kind = 'base_committee' AND status = 'active' ORDER BY id LIMIT 1")
  totals=$(curl -sf -H "Cookie: $cookie" "$base/orgs/$root/compliance" | python3 -c 'import json,sys; b=json.load(sys.stdin); print(b["total"], ", ".join(a["area"] + " " + str(a["count"]) for a in b["areas"]))')
  echo "at the root: $totals"
  echo "| what | median of 5 |"
  echo "|---|---|"
  printf '| the board at the root: GET /orgs/%s/compliance | %s |\n' "$root" "$(median_ms "$base/orgs/$root/compliance" "$cookie")"
  printf '| its first page of items: GET /orgs/%s/compliance/items | %s |\n' "$root" "$(median_ms "$base/orgs/$root/compliance/items" "$cookie")"
  printf '| page 20 of the items (offset 950) | %s |\n' "$(median_ms "$base/orgs/$root/compliance/items?page=20" "$cookie")"
  printf '| the board of a base organization: GET /orgs/%s/compliance | %s |\n' "$one" "$(median_ms "$base/orgs/$one/compliance" "$cookie")"
  kill "${pids[-1]}"
  while kill -0 "${pids[-1]}" 2>/dev/null; do sleep 0.1; done
  unset 'pids[-1]'
done
