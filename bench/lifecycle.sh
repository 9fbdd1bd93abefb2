#!/usr/bin/env bash
# The member lifecycle's benchmarks (issue 6), printing what docs/BENCHMARKS.md records:
#   1. party age and badge eligibility of every member in memory (Google Benchmark), chibo's
#      way beside the plain way (each milestone's date in turn);
#   2. the lifecycle lists over HTTP on the 65,000-member demo (wrk, 8 connections): badges of
#      the next occasion for the whole bloc, probation lists, a base organization's admission
#      board, one member's lifecycle;
#   3. with NATIONAL=1, the same lists at 5,600,000 members (the demo's national extension),
#      timed with curl (the median of 5), and the generation itself.
# Servers listen on 127.0.0.1 and are stopped at the end.
#   DURATION=10 NATIONAL=1 bench/lifecycle.sh
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
cd "$(dirname "$0")/.."

chibo=${CHIBO:-build/src/chibo}
bench_bin=${BENCH_BIN:-build/bench/chibo_party_age_bench}
duration=${DURATION:-10}
work=$(mktemp -d /tmp/chibo-lifecycle-bench.XXXXXX)
port=18190
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "# chibo lifecycle benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$chibo" --version)"
echo
echo "## 1. Party age and badge eligibility of every member, in memory"
"$bench_bin" --benchmark_counters_tabular=true 2>/dev/null | grep -E '^(BM_|Benchmark)'

password="bench password $(date +%s%N)"
serve() {  # db, port -> pid in pids; waits for health
  "$chibo" serve --db "sqlite:$1" --listen "127.0.0.1:$2" --log-level warn > "$work/serve-$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$2/api/v1/health" && return; sleep 0.1; done
  echo "server on $2 did not start" >&2
  exit 1
}
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

db=$work/bloc.db
"$chibo" demo --db "sqlite:$db" --quiet | tail -1
echo "$password" | "$chibo" user add --db "sqlite:$db" --username bench.office --role office_staff >/dev/null
serve "$db" $port
cookie=$(login $port)
base=$(sqlite3 "$db" "SELECT o.id FROM organizations o JOIN candidates c ON c.org_path >= o.path AND c.org_path < substr(o.path, 1, length(o.path) - 1) || '0' WHERE o.kind = 'base_committee' GROUP BY o.id ORDER BY COUNT(*) DESC LIMIT 1")
member=$(sqlite3 "$db" "SELECT id FROM members WHERE highest_badge > 0 ORDER BY id LIMIT 1")
badges=$(curl -sf -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/badges?page_size=1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], "due on", d["occasion"])')
echo
echo "## 2. Lifecycle lists over HTTP, 65,000 members (wrk -t1 -c8 -d${duration}s)"
echo "(badges of the next occasion at the root: $badges)"
echo "| what | result |"
echo "|---|---|"
export COOKIE=$cookie
for path in "/api/v1/badges?page_size=50" "/api/v1/probation?within=60" \
            "/api/v1/candidates?org=$base&page_size=100" "/api/v1/members/$member/lifecycle" \
            "/api/v1/transfers?state=in_transit,away"; do
  line=$(PATHS=$path wrk -t1 -c8 -d"${duration}s" --latency -s bench/path.lua "http://127.0.0.1:$port" | grep '^REPORT')
  printf '| GET %s | %s |\n' "$path" "${line#REPORT }"
done

if [[ "${NATIONAL:-}" == 1 ]]; then
  echo
  echo "## 3. At 5,600,000 members"
  national=$work/national.db
  start=$(date +%s.%N)
  "$chibo" demo --db "sqlite:$national" --members 5600000 --quiet | tail -2
  echo "generation: $(echo "$(date +%s.%N) - $start" | bc) s"
  echo "$password" | "$chibo" user add --db "sqlite:$national" --username bench.office --role office_staff >/dev/null
  serve "$national" $((port + 1))
  ncookie=$(login $((port + 1)))
  echo "| what (median of 5) | time |"
  echo "|---|---|"
  for path in "/api/v1/badges?page_size=50" "/api/v1/probation?within=60" "/api/v1/badges?org=2&page_size=50"; do
    printf '| GET %s | %s |\n' "$path" "$(median_ms "http://127.0.0.1:$((port + 1))$path" "$ncookie")"
  done
  printf '| badges due at the root | %s |\n' "$(curl -sf -H "Cookie: $ncookie" "http://127.0.0.1:$((port + 1))/api/v1/badges?page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
fi
