#!/usr/bin/env bash
# Each query of a search mix timed on its own (curl, one at a time), so slow query shapes can be
# told apart from queueing; prints p50/p90/p99/max and the 15 slowest. Uses a database that
# bench/engines.sh kept (PG_KEEP=DIR):
#   bench/search_each.sh DIR [QUERIES]    # QUERIES: one per line (default: drawn by make_queries.sql)
# The server listens on 127.0.0.1 only and is stopped at the end.
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
dir=$1
chibo=${CHIBO:-build/src/chibo}
url="postgresql://postgres@127.0.0.1:$(cat "$dir/port")/bench"
password=$(cat "$dir/bench-password")
work=$(mktemp -d)
queries=${2:-$work/queries.txt}
if [[ -z "${2:-}" ]]; then
  sed -e 's/;$/ LIMIT 4000;/' -e 's/instr(full_name, /strpos(full_name, /' bench/make_queries.sql > "$work/q.sql"
  psql -X -q -At "$url" -f "$work/q.sql" > "$queries"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$chibo" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 --log-level warn > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 3000); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/health" && break; sleep 0.1; done
cookie=$(curl -sf -o /dev/null -D - -H 'Content-Type: application/json' -H 'X-Requested-With: chibo' \
  -H "Origin: http://127.0.0.1:$port" -d "{\"username\":\"bench.office\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$port/api/v1/auth/login" | grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')
while IFS= read -r q; do
  [[ -n "$q" ]] || continue
  t=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" -G --data-urlencode "q=$q" \
    --data-urlencode page_size=20 "http://127.0.0.1:$port/api/v1/members")
  printf '%s\t%s\n' "$t" "$q"
done < "$queries" > "$work/times.txt"
sort -n "$work/times.txt" | awk -F'\t' '{a[NR]=$1*1000} END {printf "queries=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n", NR, a[int(NR*.5)], a[int(NR*.9)], a[int(NR*.99)], a[NR]}'
echo "slowest:"
sort -rn "$work/times.txt" | head -15 | awk -F'\t' '{printf "  %7.1f ms  %s\n", $1*1000, $2}'
