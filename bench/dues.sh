#!/usr/bin/env bash
# Party dues at scale (issue 14), on both storage engines: the demo's twelve months of dues, then
# over HTTP (curl, median of 5 after a warm-up): the month's roll-up at the root (the
# reconciliation of every cell's collection up the tree, what closing the month at the root
# reads), the removal list's dues side at the root (paged and whole) and at a base organization,
# a cell's book (JSON and XLSX), and one cell's close (a single write). Prints what
# docs/BENCHMARKS.md records.
#   bench/dues.sh                        # 65,000 members, SQLite and PostgreSQL
#   MEMBERS=20000 ENGINES=sqlite bench/dues.sh
#   NATIONAL=1 bench/dues.sh             # 5,600,000 members, PostgreSQL only (~11 min to generate)
# PostgreSQL runs in a throwaway cluster (scripts/pg-cluster.sh). Servers listen on 127.0.0.1 and
# are stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

chibo=${CHIBO:-build/src/chibo}
if [[ "${NATIONAL:-}" == 1 ]]; then
  members=5600000
  engines=${ENGINES:-postgresql}
else
  members=${MEMBERS:-65000}
  engines=${ENGINES:-sqlite postgresql}
fi
work=$(mktemp -d /tmp/chibo-dues.XXXXXX)
chmod 755 "$work"
port=${PORT:-18390}
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
    -H "Origin: http://127.0.0.1:$1" -d "{\"username\":\"bench.dues\",\"password\":\"$password\"}" \
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

echo "# chibo dues at scale, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$chibo" --version)"
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
    "$chibo" demo --db "$url" --members "$members" --quiet 2>&1 | grep -E '^(chibo demo|  [0-9]|generation|.*dues)' | head -6
  echo "$password" | "$chibo" user add --db "$url" --username bench.dues --role dues_staff >/dev/null
  echo "payments: $(sql "SELECT count(*) FROM dues_payments"), standings: $(sql "SELECT count(*) FROM dues_standings")"

  "$chibo" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 --log-level warn > "$work/serve-$engine.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 3000); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/health" && break; sleep 0.1; done
  cookie=$(login $port)
  [[ -n "$cookie" ]] || { echo "cannot sign in on $engine" >&2; cat "$work/serve-$engine.log" >&2; exit 1; }
  base="http://127.0.0.1:$port/api/v1"
  root=$(sql "SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1")
  # A base organization (the parent of a cell with members) and a cell with payments last month.
  month=$(sql "SELECT max(book_month) FROM dues_payments")
  last=$(python3 -c "y,m=map(int,'$month'.split('-')); m-=1; y,m=(y-1,12) if m==0 else (y,m); print(f'{y:04d}-{m:02d}')")
  year=${last%-*}
  cell=$(sql "SELECT org_id FROM dues_payments WHERE book_month = '$last' GROUP BY org_id ORDER BY count(*) DESC LIMIT 1")
  parent=$(sql "SELECT parent_id FROM organizations WHERE id = $cell")
  echo "| what | median of 5 |"
  echo "|---|---|"
  printf '| month %s rolled up at the root: GET /orgs/%s/dues/reconciliation | %s |\n' "$last" "$root" "$(median_ms "$base/orgs/$root/dues/reconciliation?month=$last" "$cookie")"
  printf '| removal list (dues) at the root, first page of 100: GET /orgs/%s/dues/arrears?year=%s&limit=100 | %s |\n' "$root" "$year" "$(median_ms "$base/orgs/$root/dues/arrears?year=$year&limit=100" "$cookie")"
  next=$(curl -sf -H "Cookie: $cookie" "$base/orgs/$root/dues/arrears?year=$year&limit=100" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next_after"] or 0)')
  printf '| the same, the next page (after=%s) | %s |\n' "$next" "$(median_ms "$base/orgs/$root/dues/arrears?year=$year&limit=100&after=$next" "$cookie")"
  whole=$(curl -sf -H "Cookie: $cookie" "$base/orgs/$root/dues/arrears?year=$year" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
  printf '| removal list (dues) at the root, whole (%s members) | %s |\n' "$whole" "$(median_ms "$base/orgs/$root/dues/arrears?year=$year" "$cookie")"
  printf '| removal list (dues) of a base organization: GET /orgs/%s/dues/arrears?year=%s | %s |\n' "$parent" "$year" "$(median_ms "$base/orgs/$parent/dues/arrears?year=$year" "$cookie")"
  printf '| a cell'"'"'s book: GET /orgs/%s/dues/book?month=%s | %s |\n' "$cell" "$last" "$(median_ms "$base/orgs/$cell/dues/book?month=$last" "$cookie")"
  printf '| the same book as XLSX: GET /orgs/%s/dues/book.xlsx?month=%s | %s |\n' "$cell" "$last" "$(median_ms "$base/orgs/$cell/dues/book.xlsx?month=$last" "$cookie")"
  close=$(curl -sf -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" -H 'Content-Type: application/json' \
    -H 'X-Requested-With: chibo' -H "Origin: http://127.0.0.1:$port" -d "{\"month\":\"$last\"}" \
    "$base/orgs/$cell/dues/close" | awk '{printf "%.1f ms", $1 * 1000}')
  printf '| closing one cell'"'"'s month: POST /orgs/%s/dues/close (once) | %s |\n' "$cell" "$close"
  kill "${pids[-1]}"
  while kill -0 "${pids[-1]}" 2>/dev/null; do sleep 0.1; done
  unset 'pids[-1]'
  if [[ $engine == sqlite ]]; then
    echo "chibo check: $("$chibo" check --db "$url" 2>&1 | tail -1)"
  fi
done
