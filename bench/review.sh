#!/usr/bin/env bash
# The annual review at scale (issue 15), printing what docs/BENCHMARKS.md records. For each
# engine: a demo database (its last year's campaign has a grade for every member of the bloc and
# every organization), then over HTTP, one connection, median and p95 of RUNS (default 100):
#   - the demo campaign's grade summary at its root (GET /review-campaigns/{id}?org_id=: the
#     root's counts, read from review_counts, and its children's units) and as XLSX;
#   - a campaign opened for this year at the root of the whole tree (POST /review-campaigns:
#     above --fanout-inline-max organizations the request records it and the job runner writes
#     a unit per organization in the background, app/review_fanout.h): the request's time, then
#     the time until GET /review-campaigns/{id} shows the fan-out done (polled every 0.2 s),
#     then its summary at the root.
#   MEMBERS=65000 bench/review.sh                       # SQLite and PostgreSQL
#   NATIONAL=1 PG_KEEP=/tmp/pg-national bench/review.sh # 5,600,000 members, PostgreSQL only
# PG_KEEP=DIR reuses a cluster (and its database) made by bench/directives.sh or this script.
# CAMPAIGN_YEAR=Y opens the measured campaign for year Y (default this year) when none is open
# for it: on a reused database, each binary measured side by side opens its own and fans it out.
#   CHIBO=/tmp/chibo-before PG_KEEP=/tmp/pg-national NATIONAL=1 CAMPAIGN_YEAR=2030 bench/review.sh
# Servers listen on 127.0.0.1 only and are stopped at the end.
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
cd "$(dirname "$0")/.."
source bench/lib.sh

chibo=${CHIBO:-build/src/chibo}
if [[ "${NATIONAL:-}" == 1 ]]; then
  members=5600000
  engines=${ENGINES:-postgresql}
else
  members=${MEMBERS:-65000}
  engines=${ENGINES:-sqlite postgresql}
fi
work=$(mktemp -d /tmp/chibo-review.XXXXXX)
chmod 755 "$work"
port=${PORT:-18396}
pids=()
pg_dir=${PG_KEEP:-$work/pg}
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  if [[ -z "${PG_KEEP:-}" && -d "$pg_dir" ]]; then scripts/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true; fi
  if [[ -n "${PG_KEEP:-}" && -f "$pg_dir/data/postmaster.pid" ]]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 ||
      /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

password="bench password $(date +%s%N)"
year=${CAMPAIGN_YEAR:-$(date -u +%Y)}
demo_year=$(($(date -u +%Y) - 1))  # the demo's graded campaign
echo "# chibo review at scale, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$chibo" --version)"
echo "# members=$members runs=${RUNS:-100}; chibo serve with 2 threads"
for engine in $engines; do
  echo
  if [[ $engine == sqlite ]]; then
    url=sqlite:$work/bench.db
    sql() { sqlite3 "$work/bench.db" "$@"; }
    fresh=1
  else
    if [[ -f "$pg_dir/port" && -f "$pg_dir/bench-members" ]]; then
      scripts/pg-cluster.sh resume "$pg_dir"
    else
      rm -rf "$pg_dir"
      PG_SHARED_BUFFERS=${PG_SHARED_BUFFERS:-1GB} \
        PG_OPTIONS="-c max_wal_size=8GB -c checkpoint_timeout=30min -c work_mem=64MB" \
        scripts/pg-cluster.sh start "$pg_dir" >/dev/null
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
    echo "$password" | "$chibo" user add --db "$url" --username bench.office --role office_staff >/dev/null
    if [[ $engine == postgresql ]]; then
      sql "ANALYZE" >/dev/null
      echo "$members" > "$pg_dir/bench-members"
      echo "$password" > "$pg_dir/bench-password"
    fi
  else
    echo "(database reused from $pg_dir)"
    password=$(cat "$pg_dir/bench-password")
  fi

  # The jobs on (the review fan-out runs there); the daily kinds' runs of the start are waited
  # for below, so that they do not share the machine with the measured fan-out.
  "$chibo" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 --log-level warn --jobs on \
    --jobs-interval-ms 3600000 > "$work/serve-$engine.log" 2>&1 &
  pids+=($!)
  bench_wait_health "$port"
  # (each is scheduled by the runner's first tick, just after the start: wait for both done).
  for _ in $(seq 6000); do
    [[ "$(sql "SELECT COUNT(DISTINCT kind) FROM jobs WHERE kind IN ('reminders', 'overdue') AND done_at IS NOT NULL")" == 2 &&
      "$(sql "SELECT COUNT(*) FROM jobs WHERE kind IN ('reminders', 'overdue') AND done_at IS NULL")" == 0 ]] && break
    sleep 0.1
  done
  cookie=$(bench_login "$port" bench.office "$password")
  [[ -n "$cookie" ]] || { echo "cannot sign in on $engine" >&2; cat "$work/serve-$engine.log" >&2; exit 1; }
  base="http://127.0.0.1:$port/api/v1"
  root=$(sql "SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1")
  on_roll=$(sql "SELECT COUNT(*) FROM members WHERE status IN ('official', 'probationary', 'exempted')")
  orgs=$(sql "SELECT COUNT(*) FROM organizations WHERE status = 'active'")
  read -r demo demo_org < <(sql "SELECT id, org_id FROM review_campaigns WHERE year = $demo_year ORDER BY id LIMIT 1" | tr '|' ' ')
  graded=$(sql "SELECT COUNT(*) FROM review_members WHERE campaign_id = $demo AND grade IS NOT NULL")
  echo "$on_roll members on the roll, $orgs organizations; the demo campaign $demo ($demo_year) has $graded members graded"
  echo "| what | median / p95 |"
  echo "|---|---|"
  printf '| the demo campaign'"'"'s summary at its root (org %s): GET /review-campaigns/%s?org_id=%s | %s |\n' \
    "$demo_org" "$demo" "$demo_org" "$(bench_percentiles_ms "$base/review-campaigns/$demo?org_id=$demo_org" "$cookie")"
  printf '| the same as XLSX: GET /review-campaigns/%s/summary.xlsx | %s |\n' \
    "$demo" "$(bench_percentiles_ms "$base/review-campaigns/$demo/summary.xlsx?org_id=$demo_org" "$cookie")"

  current=$(sql "SELECT id FROM review_campaigns WHERE year = $year AND org_id = $root ORDER BY id LIMIT 1")
  if [[ -z "$current" ]]; then
    # The request's own time is curl's (a loaded machine starts processes slowly).
    started=$(date +%s.%N)
    request_s=$(curl -sf -o "$work/open.json" -w '%{time_total}' "${bench_headers[@]}" \
      -H "Origin: http://127.0.0.1:$port" -H "Cookie: $cookie" \
      -d "{\"org_id\": $root, \"year\": $year, \"review_date\": \"$year-12-15\", \"title\": \"Kiểm điểm năm $year (đo hiệu năng)\"}" \
      "$base/review-campaigns")
    read -r current state < <(bench_json 'd["campaign"]["id"], d["campaign"]["fanout"]["state"]' < "$work/open.json")
    for _ in $(seq 30000); do
      [[ "$(curl -sf -H "Cookie: $cookie" "$base/review-campaigns/$current" | bench_json 'd["campaign"]["fanout"]["state"]')" == done ]] && break
      sleep 0.2
    done
    finished=$(date +%s.%N)
    printf '| open a campaign at the root of the whole tree: the request answers (%s) | %.3f s |\n' \
      "$state" "$request_s"
    printf '| ... and its fan-out is done (%s units, %s batches; polled every 0.2 s) | %.2f s |\n' \
      "$(sql "SELECT COUNT(*) FROM review_units WHERE campaign_id = $current")" \
      "$(sql "SELECT fanout_batches FROM review_campaigns WHERE id = $current")" \
      "$(echo "$finished - $started" | bc)"
  fi
  printf '| its summary at the root (org %s, %s children): GET /review-campaigns/%s?org_id=%s | %s |\n' \
    "$root" "$(sql "SELECT COUNT(*) FROM organizations WHERE parent_id = $root")" "$current" "$root" \
    "$(bench_percentiles_ms "$base/review-campaigns/$current?org_id=$root" "$cookie")"
  kill "${pids[-1]}"
  while kill -0 "${pids[-1]}" 2>/dev/null; do sleep 0.1; done
  unset 'pids[-1]'
done
