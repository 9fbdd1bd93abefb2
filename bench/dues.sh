#!/usr/bin/env bash
# Party dues at scale (issue 14), on both storage engines: the demo's twelve months of dues, then
# over HTTP (curl, median of 5 after a warm-up): the month's roll-up at the root (the
# reconciliation of every cell's collection up the tree, what closing the month at the root
# reads), the removal list's dues side at the root (paged and whole) and at a base organization,
# a cell's book (JSON and XLSX), and one cell's close (a single write). Then the cell meetings'
# lists on the same database: at the root and at a base organization, the first page of meetings
# and the cells missing a meeting in a month; a cell's year of quality; a meeting with its
# attendance; a member's own meetings (GET /meetings/mine). Prints what docs/BENCHMARKS.md records.
#   bench/dues.sh                        # 65,000 members, SQLite and PostgreSQL
#   MEMBERS=20000 ENGINES=sqlite bench/dues.sh
#   NATIONAL=1 bench/dues.sh             # 5,600,000 members, PostgreSQL only (~11 min to generate)
#   RUNS=3 bench/dues.sh                 # median of RUNS (default 5) after one warm-up
#   PG_KEEP=/tmp/pg-dues bench/dues.sh   # keep the PostgreSQL cluster in DIR and reuse it
# PostgreSQL runs in a throwaway cluster (scripts/pg-cluster.sh, fsync on). PG_KEEP=DIR keeps it
# and reuses a database `bench` of the same MEMBERS generated there by this script or by
# bench/directives.sh / bench/engines.sh (files DIR/bench-members and DIR/bench-password); a
# cluster already running in DIR is used as it is and left running. Servers listen on 127.0.0.1
# and are stopped at the end.
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
cd "$(dirname "$0")/.."

chibo=${CHIBO:-build/src/chibo}
if [[ "${NATIONAL:-}" == 1 ]]; then
  members=5600000
  engines=${ENGINES:-postgresql}
else
  members=${MEMBERS:-65000}
  engines=${ENGINES:-sqlite postgresql}
fi
runs=${RUNS:-5}
work=$(mktemp -d /tmp/chibo-dues.XXXXXX)
chmod 755 "$work"
port=${PORT:-18390}
pids=()
pg_dir=${PG_KEEP:-$work/pg}
pg_started=0  # 1 when this script started the kept cluster (and so stops it)
pg_ctl=/usr/lib/postgresql/15/bin/pg_ctl
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  if [[ -z "${PG_KEEP:-}" && -d "$pg_dir" ]]; then scripts/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true; fi
  if [[ -n "${PG_KEEP:-}" && $pg_started == 1 && -f "$pg_dir/data/postmaster.pid" ]]; then
    runuser -u postgres -- "$pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 ||
      "$pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

password="bench password $(date +%s%N)"
login() {  # port, username -> cookie
  curl -sf -o /dev/null -D - -H 'Content-Type: application/json' -H 'X-Requested-With: chibo' \
    -H "Origin: http://127.0.0.1:$1" -d "{\"username\":\"$2\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$1/api/v1/auth/login" | grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/'
}
median_ms() {  # url, cookie -> median of $runs (after one warm-up), in ms
  local times=()
  curl -sf -o /dev/null -H "Cookie: $2" "$1"
  for _ in $(seq "$runs"); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "Cookie: $2" "$1")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR]=$1} END {printf "%.1f ms", t[int((NR+1)/2)] * 1000}'
}
user_add() {  # url, username, role [member id]: adds the bench user unless it is there already
  local known
  known=$(sql "SELECT count(*) FROM users WHERE username = '$2'")
  [[ $known == 0 ]] || return 0
  echo "$password" | "$chibo" user add --db "$1" --username "$2" --role "$3" ${4:+--member-id "$4"} >/dev/null
}

echo "# chibo dues and meetings at scale, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$chibo" --version)"
echo "# members=$members, median of $runs after a warm-up; chibo serve with 2 threads"
for engine in $engines; do
  echo
  fresh=1
  if [[ $engine == sqlite ]]; then
    url=sqlite:$work/bench.db
    sql() { sqlite3 "$work/bench.db" "$@"; }
  else
    if [[ -f "$pg_dir/port" && -f "$pg_dir/data/postmaster.pid" ]] &&
      pg_isready -q -h 127.0.0.1 -p "$(cat "$pg_dir/port")"; then
      :  # a kept cluster that is running: used as it is
    elif [[ -f "$pg_dir/port" && -f "$pg_dir/bench-members" ]]; then
      scripts/pg-cluster.sh resume "$pg_dir"
      pg_started=1
    else
      rm -rf "$pg_dir"
      PG_SHARED_BUFFERS=${PG_SHARED_BUFFERS:-1GB} \
        PG_OPTIONS="-c max_wal_size=8GB -c checkpoint_timeout=30min -c work_mem=64MB" \
        scripts/pg-cluster.sh start "$pg_dir" --keep-fsync >/dev/null
      pg_started=1
    fi
    pg_user=$([[ $EUID -eq 0 ]] && echo postgres || id -un)
    server_url="postgresql://$pg_user@127.0.0.1:$(cat "$pg_dir/port")"
    url=$server_url/bench
    sql() { psql -X -q -At "$url" -c "$1"; }
    if [[ "$(cat "$pg_dir/bench-members" 2>/dev/null)" == "$members" ]]; then
      fresh=0
    else
      psql -X -q "$server_url/postgres" -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
    fi
  fi
  echo "## $engine, $members members"
  if [[ $fresh == 1 ]]; then
    /usr/bin/time -f "generation: %e s elapsed, %M KB max RSS" \
      "$chibo" demo --db "$url" --members "$members" ${DEMO_ARGS:-} --quiet 2>&1 | grep -E '^(chibo demo|  [0-9]|generation|.*dues)' | head -6
    [[ $engine == postgresql ]] && echo "$members" > "$pg_dir/bench-members"
  else
    echo "(database reused from $pg_dir)"
    password=$(cat "$pg_dir/bench-password")
    "$chibo" init --db "$url" >/dev/null  # migrations the kept database does not have yet
  fi
  [[ $engine == postgresql ]] && echo "$password" > "$pg_dir/bench-password"
  user_add "$url" bench.dues dues_staff
  user_add "$url" bench.office office_staff
  # A member of the cell with the most recorded attendance, signed in as themselves.
  cell_m=$(sql "SELECT org_id FROM meetings WHERE state <> 'scheduled' GROUP BY org_id ORDER BY sum(counted) DESC, org_id LIMIT 1")
  member=$(sql "SELECT a.member_id FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.org_id = $cell_m ORDER BY a.held_on DESC, a.member_id LIMIT 1")
  user_add "$url" bench.member member "$member"
  echo "payments: $(sql "SELECT count(*) FROM dues_payments"), standings: $(sql "SELECT count(*) FROM dues_standings"), meetings: $(sql "SELECT count(*) FROM meetings"), attendance rows: $(sql "SELECT count(*) FROM meeting_attendance")"

  "$chibo" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 --log-level warn > "$work/serve-$engine.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 3000); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/health" && break; sleep 0.1; done
  cookie=$(login $port bench.dues)
  [[ -n "$cookie" ]] || { echo "cannot sign in on $engine" >&2; cat "$work/serve-$engine.log" >&2; exit 1; }
  base="http://127.0.0.1:$port/api/v1"
  root=$(sql "SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1")
  # A base organization (the parent of a cell with members) and a cell with payments last month.
  month=$(sql "SELECT max(book_month) FROM dues_payments")
  last=$(python3 -c "y,m=map(int,'$month'.split('-')); m-=1; y,m=(y-1,12) if m==0 else (y,m); print(f'{y:04d}-{m:02d}')")
  year=${last%-*}
  # (Not closed yet: a kept database may have had its first choice closed by an earlier run.)
  cell=$(sql "SELECT org_id FROM dues_payments WHERE book_month = '$last' AND org_id NOT IN (SELECT org_id FROM dues_closings WHERE month = '$last') GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT 1")
  parent=$(sql "SELECT parent_id FROM organizations WHERE id = $cell")
  echo "| what | median of $runs |"
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

  # Cell meetings, as the committee office (meeting.read over the whole bloc) and as a member.
  office=$(login $port bench.office)
  mine=$(login $port bench.member)
  [[ -n "$office" && -n "$mine" ]] || { echo "cannot sign in the meetings users on $engine" >&2; exit 1; }
  this_year=$(date -u +%Y)
  base_m=$(sql "SELECT parent_id FROM organizations WHERE id = $cell_m")
  meeting=$(sql "SELECT id FROM meetings WHERE org_id = $cell_m AND state <> 'scheduled' ORDER BY held_on DESC, id DESC LIMIT 1")
  echo
  echo "| meetings | median of $runs |"
  echo "|---|---|"
  for org in "$root" "$base_m"; do
    printf '| meetings, first page: GET /orgs/%s/meetings | %s |\n' "$org" "$(median_ms "$base/orgs/$org/meetings" "$office")"
    printf '| cells missing a regular meeting: GET /orgs/%s/meetings/missing?month=%s | %s |\n' "$org" "$last" "$(median_ms "$base/orgs/$org/meetings/missing?month=$last" "$office")"
  done
  printf '| a cell'"'"'s year of quality: GET /orgs/%s/meetings/quality?year=%s | %s |\n' "$cell_m" "$this_year" "$(median_ms "$base/orgs/$cell_m/meetings/quality?year=$this_year" "$office")"
  printf '| a meeting with its attendance: GET /meetings/%s | %s |\n' "$meeting" "$(median_ms "$base/meetings/$meeting" "$office")"
  printf '| a member'"'"'s own meetings: GET /meetings/mine (member %s) | %s |\n' "$member" "$(median_ms "$base/meetings/mine" "$mine")"
  kill "${pids[-1]}"
  while kill -0 "${pids[-1]}" 2>/dev/null; do sleep 0.1; done
  unset 'pids[-1]'
  if [[ $engine == sqlite ]]; then
    echo "chibo check: $("$chibo" check --db "$url" 2>&1 | tail -1)"
  fi
done
