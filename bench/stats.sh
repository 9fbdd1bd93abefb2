#!/usr/bin/env bash
# Figures as of a past date and the periodic report at scale (issue 16), printing what
# docs/BENCHMARKS.md records. For each engine: a demo database, then over HTTP, one connection,
# median and p95 of RUNS (default 30) at the root of the whole tree:
#   - GET /orgs/{root}/stats (today: the kept breakdowns) and with as_of=31/12 of last year
#     (reconstructed: a subtree scan of members with their transfers after the day);
#   - the yearly report of last year, as JSON and as XLSX.
#   MEMBERS=65000 bench/stats.sh                 # SQLite and PostgreSQL
#   ENGINES=sqlite MEMBERS=65000 bench/stats.sh  # one engine
#   BASELINE=/tmp/old-chibo MEMBERS=65000 bench/stats.sh  # two binaries side by side: the demo
#       database generated once by BASELINE, a copy for each (CHIBO migrates its own), both
#       served at once and asked in turn, request by request, on the same machine load
# Servers listen on 127.0.0.1 only and are stopped at the end.
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
cd "$(dirname "$0")/.."
source bench/lib.sh

chibo=${CHIBO:-build/src/chibo}
baseline=${BASELINE:-}
members=${MEMBERS:-65000}
engines=${ENGINES:-sqlite postgresql}
export RUNS=${RUNS:-30}
work=$(mktemp -d /tmp/chibo-stats.XXXXXX)
chmod 755 "$work"
port=${PORT:-18397}
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
last=$(( $(date -u +%Y) - 1 ))
echo "# chibo statistics as of a date, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$chibo" --version)"
echo "# members=$members runs=$RUNS; chibo serve with 2 threads${baseline:+; baseline $("$baseline" --version) from $baseline}"
for engine in $engines; do
  echo
  if [[ $engine == sqlite ]]; then
    url=sqlite:$work/bench.db
    sql() { sqlite3 "$work/bench.db" "$@"; }
  else
    PG_SHARED_BUFFERS=${PG_SHARED_BUFFERS:-512MB} scripts/pg-cluster.sh start "$pg_dir" >/dev/null
    pg_user=$([[ $EUID -eq 0 ]] && echo postgres || id -un)
    server_url="postgresql://$pg_user@127.0.0.1:$(cat "$pg_dir/port")"
    psql -X -q "$server_url/postgres" -c "CREATE DATABASE bench"
    url=$server_url/bench
    sql() { psql -X -q -At "$url" -c "$1"; }
  fi
  echo "## $engine, $members members"
  /usr/bin/time -f "generation: %e s elapsed, %M KB max RSS" \
    "${baseline:-$chibo}" demo --db "$url" --members "$members" --quiet 2>&1 | grep -E '^(chibo demo|generation)' | head -2
  echo "$password" | "${baseline:-$chibo}" user add --db "$url" --username bench.office --role office_staff >/dev/null
  if [[ -n "$baseline" ]]; then
    # The same database for the other binary: a copy, migrated by it when it opens.
    if [[ $engine == sqlite ]]; then
      cp "$work/bench.db" "$work/bench-new.db"
      new_url=sqlite:$work/bench-new.db
    else
      psql -X -q "$server_url/postgres" -c "CREATE DATABASE bench_new TEMPLATE bench"
      new_url=$server_url/bench_new
    fi
  fi
  [[ $engine == postgresql ]] && sql "ANALYZE" >/dev/null
  "${baseline:-$chibo}" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 --log-level warn --jobs off \
    > "$work/serve-$engine.log" 2>&1 &
  pids+=($!)
  bench_wait_health "$port"
  cookie=$(bench_login "$port" bench.office "$password")
  [[ -n "$cookie" ]] || { echo "cannot sign in on $engine" >&2; cat "$work/serve-$engine.log" >&2; exit 1; }
  base="http://127.0.0.1:$port/api/v1"
  if [[ -n "$baseline" ]]; then
    "$chibo" serve --db "$new_url" --listen "127.0.0.1:$((port + 1))" --threads 2 --log-level warn \
      --jobs off > "$work/serve-$engine-new.log" 2>&1 &
    pids+=($!)
    bench_wait_health "$((port + 1))"
    [[ $engine == postgresql ]] && psql -X -q -At "$new_url" -c "ANALYZE" >/dev/null
    new_cookie=$(bench_login "$((port + 1))" bench.office "$password")
    new_base="http://127.0.0.1:$((port + 1))/api/v1"
  fi
  root=$(sql "SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1")
  echo "$(sql "SELECT COUNT(*) FROM members") members in all, $(sql "SELECT COUNT(*) FROM transfers") transfers, $(sql "SELECT COUNT(*) FROM member_events") member events"
  if [[ -z "$baseline" ]]; then
    echo "| what (at the root, org $root) | median / p95 |"
    echo "|---|---|"
  else
    echo "| what (at the root, org $root) | baseline: median / p95 | this build: median / p95 |"
    echo "|---|---|---|"
  fi
  # One row: the baseline and this build asked in turn (RUNS each), or this build alone.
  row() {  # label, path under /api/v1
    if [[ -z "$baseline" ]]; then
      printf '| %s | %s |\n' "$1" "$(bench_percentiles_ms "$base$2" "$cookie")"
    else
      printf '| %s | %s |\n' "$1" "$(bench_alternating_ms "$base$2" "$cookie" "$new_base$2" "$new_cookie")"
    fi
  }
  row "today: GET /orgs/$root/stats" "/orgs/$root/stats"
  row "as of $last-12-31: GET /orgs/$root/stats?as_of=" "/orgs/$root/stats?as_of=$last-12-31"
  row "the yearly report $last (JSON): GET /orgs/$root/reports/members" \
    "/orgs/$root/reports/members?from=$last-01-01&to=$last-12-31"
  row "the same as XLSX" "/orgs/$root/reports/members.xlsx?from=$last-01-01&to=$last-12-31"
  echo "(load average after $engine: $(cut -d' ' -f1-3 /proc/loadavg))"
  if [[ -n "$baseline" ]]; then
    kill "${pids[-1]}"
    while kill -0 "${pids[-1]}" 2>/dev/null; do sleep 0.1; done
    unset 'pids[-1]'
  fi
  kill "${pids[-1]}"
  while kill -0 "${pids[-1]}" 2>/dev/null; do sleep 0.1; done
  unset 'pids[-1]'
done
