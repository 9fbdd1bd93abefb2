#!/usr/bin/env bash
# Figures as of a closed period from snapshots (issue 16: the root's breakdowns as of 30/6 or
# 31/12 under 100 ms at 5.6 million members; docs/statistics.md, "Snapshots"), printing what
# docs/BENCHMARKS.md records. On one database: SQLite (SQLITE_DB, kept; or a fresh demo of
# MEMBERS) or PostgreSQL (PG_URL, a kept database):
#   1. without snapshots, GET /orgs/1/stats?as_of= for each day BEFORE_RUNS times (default 1:
#      at national scale each takes half a minute);
#   2. `chibo stats snapshot --as-of` each day, timed;
#   3. the same GETs RUNS times (default 30): median / p95; the replies compared with step 1's;
# (first the members' updated_at set back a day: see below);
#   4. WRITTEN members (default 2,000) marked as written since (their updated_at set to now, their
#      values unchanged, so the figures must not change): the same GETs again, compared again.
#   SQLITE_DB=/tmp/sqlite-national/bench.db bench/snapshots.sh
#   PG_URL=postgresql://postgres@127.0.0.1:PORT/bench bench/snapshots.sh
#   MEMBERS=65000 bench/snapshots.sh
# The server listens on 127.0.0.1 only and is stopped at the end.
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
cd "$(dirname "$0")/.."
source bench/lib.sh

chibo=${CHIBO:-build/src/chibo}
export RUNS=${RUNS:-30}
before_runs=${BEFORE_RUNS:-1}
written=${WRITTEN:-2000}
days=${DAYS:-2025-12-31 2026-06-30}
port=${PORT:-18471}
work=$(mktemp -d /tmp/chibo-snapshots.XXXXXX)
chmod 755 "$work"
pid=
cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -n "${PG_URL:-}" ]]; then
  url=$PG_URL
  sql() { psql -X -q -At "$url" -c "$1"; }
  size=$(sql "SELECT pg_size_pretty(pg_database_size(current_database()))")
else
  db=${SQLITE_DB:-$work/bench.db}
  url=sqlite:$db
  sql() { sqlite3 "$db" "$1"; }
  if [[ ! -f "$db" ]]; then
    "$chibo" demo --db "$url" --members "${MEMBERS:-65000}" --quiet >/dev/null
  fi
  size=$(du -h "$db" | cut -f1)
fi
echo "# chibo snapshots of closed periods, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$chibo" --version)"
password="bench password $(date +%s%N)"
user="bench.snap.$(date +%s)"
echo "$password" | "$chibo" user add --db "$url" --username "$user" --role office_staff >/dev/null 2>&1
echo "# database $url ($size), $(sql 'SELECT COUNT(*) FROM members') members"

serve() {
  "$chibo" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 --jobs off --log-level warn > "$work/serve.log" 2>&1 &
  pid=$!
  bench_wait_health "$port"
  cookie=$(bench_login "$port" "$user" "$password")
}
stop() { kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; pid=; }
url() { echo "http://127.0.0.1:$port/api/v1/orgs/1/stats?as_of=$1"; }

# The demo's members were all written minutes ago, a live database's mostly long before the
# nightly snapshot: set back a day, or every one would count as written since.
day_ago=$(date -u -d '1 day ago' +%Y-%m-%dT%H:%M:%S.000Z)
sql "UPDATE members SET updated_at = '$day_ago' WHERE updated_at > '$day_ago'"
sql "UPDATE transfers SET updated_at = '$day_ago' WHERE updated_at > '$day_ago'"

# 1. Without snapshots (none for these days: dropped first).
serve
for table in stats_snapshot_roll stats_snapshot_counts stats_snapshots; do sql "DELETE FROM $table"; done
for day in $days; do
  for _ in $(seq "$before_runs"); do
    t=$(curl -sf -o "$work/before-$day.json" -w '%{time_total}' -H "Cookie: $cookie" "$(url "$day")")
    echo "without a snapshot, as of $day: $(python3 -c "print(f'{$t*1000:.1f} ms')")"
  done
done
stop

# 2. The snapshots.
args=()
for day in $days; do args+=(--as-of "$day"); done
/usr/bin/time -f "chibo stats snapshot: %e s elapsed, %M KB max RSS" "$chibo" stats snapshot --db "$url" "${args[@]}" 2>&1 | grep -v warning
echo "snapshot tables: $(sql "SELECT COUNT(*) FROM stats_snapshot_roll") roll rows, $(sql "SELECT COUNT(*) FROM stats_snapshot_counts") count rows"

# 3. From the snapshots.
serve
for day in $days; do
  curl -sf -o "$work/after-$day.json" -H "Cookie: $cookie" "$(url "$day")"
  cmp -s "$work/before-$day.json" "$work/after-$day.json" && same=identical || same=DIFFERENT
  echo "from the snapshot, as of $day (median / p95 of $RUNS): $(bench_percentiles_ms "$(url "$day")" "$cookie"); reply $same"
done

# 4. Members written since the snapshot.
now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
sql "UPDATE members SET updated_at = '$now' WHERE id IN (SELECT id FROM members ORDER BY id LIMIT $written OFFSET 1000)"
for day in $days; do
  curl -sf -o "$work/written-$day.json" -H "Cookie: $cookie" "$(url "$day")"
  cmp -s "$work/before-$day.json" "$work/written-$day.json" && same=identical || same=DIFFERENT
  echo "with $written members written since, as of $day (median / p95 of $RUNS): $(bench_percentiles_ms "$(url "$day")" "$cookie"); reply $same"
done
