#!/usr/bin/env bash
# chibo's benchmarks, side by side with their reference, in one run. Prints the figures that
# docs/BENCHMARKS.md records. Run through `make bench` (which builds and installs wrk,
# hyperfine and nginx-light). Servers listen on 127.0.0.1 only and are stopped at the end.
#   MEMBERS=65000 DURATION=20 CONNECTIONS=64 bench/run.sh
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0
cd "$(dirname "$0")/.."

chibo=${CHIBO:-build/src/chibo}
members=${MEMBERS:-65000}
duration=${DURATION:-20}
connections=${CONNECTIONS:-64}
work=$(mktemp -d /tmp/chibo-bench.XXXXXX)
chmod 755 "$work"  # nginx's workers (user nobody) read the static file from here
chibo_port=18090
nginx_port=18091
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  rm -rf "$work"
}
trap cleanup EXIT

cores=$(nproc)
# Server on core 0, load generator on core 1 (when there are two), so they do not compete.
server_cpu=(taskset -c 0)
load_cpu=(taskset -c $((cores > 1 ? 1 : 0)))

echo "# chibo benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -r)"
echo "# $("$chibo" --version), members=$members duration=${duration}s connections=$connections"

echo
echo "## 1. Demo generation ($members members, SQLite)"
hyperfine --runs 3 --warmup 1 --export-markdown "$work/demo.md" \
  "$chibo demo --db sqlite:$work/gen.db --members $members --replace --quiet" >/dev/null
cat "$work/demo.md"
rm -f "$work"/gen.db*

db=$work/bench.db
"$chibo" demo --db "sqlite:$db" --members "$members" --quiet >/dev/null
sqlite3 "$db" < bench/make_queries.sql > "$work/queries.txt"
echo "($(wc -l < "$work/queries.txt") search queries sampled from the demo members: bench/make_queries.sql)"

# The users the requests run as: an administrator reaching everything (with a second factor),
# and users scoped to a committee and to a cell, for the cost of authorization.
totp_secret=JBSWY3DPEHPK3PXPJBSWY3DP
password="bench password $(date +%s%N)"
cell=$(sqlite3 "$db" "SELECT org_id FROM members ORDER BY id LIMIT 1")
committee=$(sqlite3 "$db" "SELECT id FROM organizations WHERE depth = 2 ORDER BY id LIMIT 1")
echo "$password" | "$chibo" user add --db "sqlite:$db" --username bench.admin --role administrator \
  --totp-secret "$totp_secret" >/dev/null
echo "$password" | "$chibo" user add --db "sqlite:$db" --username bench.committee --role office_staff \
  --scope "$committee" >/dev/null
echo "$password" | "$chibo" user add --db "sqlite:$db" --username bench.cell --role cell_secretary \
  --scope "$cell" >/dev/null
totp_now() {
  python3 -c 'import base64,hashlib,hmac,struct,sys,time
k=base64.b32decode(sys.argv[1]); h=hmac.new(k,struct.pack(">Q",int(time.time())//30),hashlib.sha1).digest()
o=h[-1]&15; print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1"
}
login_cookie() {  # port, username[, totp] -> "chibo_session=..."
  local body
  body=$(printf '{"username":"%s","password":"%s"%s}' "$2" "$password" "${3:+,\"totp\":\"$3\"}")
  curl -sf -o /dev/null -D - -H 'Content-Type: application/json' -H 'X-Requested-With: chibo' \
    -H "Origin: http://127.0.0.1:$1" -d "$body" "http://127.0.0.1:$1/api/v1/auth/login" |
    grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/'
}

"${server_cpu[@]}" "$chibo" serve --db "sqlite:$db" --listen "127.0.0.1:$chibo_port" --threads 1 --log-level warn \
  > "$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$chibo_port/api/v1/health" && break; sleep 0.1; done
export COOKIE
COOKIE=$(login_cookie "$chibo_port" bench.admin "$(totp_now "$totp_secret")")
committee_cookie=$(login_cookie "$chibo_port" bench.committee)
cell_cookie=$(login_cookie "$chibo_port" bench.cell)

# nginx with one worker serving a typical search response from a file: the static ceiling.
sample_query=$(sed -n '1p' "$work/queries.txt" | sed 's/ /%20/g')
curl -sf -H "Cookie: $COOKIE" "http://127.0.0.1:$chibo_port/api/v1/members?page_size=20&q=$sample_query" > "$work/search.json"
mkdir -p "$work/nginx/logs"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  open_file_cache max=16 inactive=60s;
  open_file_cache_valid 60s;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work;
    location = /search.json { default_type application/json; }
  }
}
CONF
"${server_cpu[@]}" nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/search.json" && break; sleep 0.1; done

run_wrk() {  # label, connections, then wrk arguments
  local label=$1 clients=$2
  shift 2
  local line
  line=$("${load_cpu[@]}" wrk -t1 -c"$clients" -d"${duration}s" --latency "$@" | grep '^REPORT')
  printf '| %s | %s |\n' "$label" "${line#REPORT }"
}

echo
echo "## 2. Member search over HTTP (wrk -t1 -c$connections -d${duration}s; server pinned to core 0, wrk to core 1)"
echo "| what | result |"
echo "|---|---|"
# Warm the page caches first, as a server that has been up for a while would be.
QUERIES=$work/queries.txt "${load_cpu[@]}" wrk -t1 -c8 -d3s -s bench/search.lua "http://127.0.0.1:$chibo_port" >/dev/null
QUERIES=$work/queries.txt run_wrk "chibo search (query mix, 20 per page, $(stat -c %s "$work/search.json") B typical)" \
  "$connections" -s bench/search.lua "http://127.0.0.1:$chibo_port"
PATHS=/search.json run_wrk "nginx 1 worker, same-size static file" "$connections" -s bench/path.lua \
  "http://127.0.0.1:$nginx_port"
# The cost of authorization: the same searches as a committee's office and as a cell secretary,
# whose results are filtered to their subtree, next to the administrator's (above).
QUERIES=$work/queries.txt COOKIE=$committee_cookie run_wrk "chibo search as a committee's office staff (scoped to 1 committee)" \
  "$connections" -s bench/search.lua "http://127.0.0.1:$chibo_port"
QUERIES=$work/queries.txt COOKIE=$cell_cookie run_wrk "chibo search as a cell secretary (scoped to 1 cell)" \
  "$connections" -s bench/search.lua "http://127.0.0.1:$chibo_port"
QUERIES=$work/queries.txt run_wrk "chibo search as the administrator, again" \
  "$connections" -s bench/search.lua "http://127.0.0.1:$chibo_port"
# BASELINE_CHIBO=path: a chibo from before accounts (commit e9e4f24), on its own demo database
# with the same seed, answering the same searches without sessions: what signing in costs.
if [[ -n "${BASELINE_CHIBO:-}" ]]; then
  "$BASELINE_CHIBO" demo --db "sqlite:$work/baseline.db" --members "$members" --quiet >/dev/null
  "${server_cpu[@]}" "$BASELINE_CHIBO" serve --db "sqlite:$work/baseline.db" --listen "127.0.0.1:$((chibo_port + 4))" \
    --threads 1 --log-level warn > "$work/baseline.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$((chibo_port + 4))/api/v1/health" && break; sleep 0.1; done
  QUERIES=$work/queries.txt COOKIE= "${load_cpu[@]}" wrk -t1 -c8 -d3s -s bench/search.lua "http://127.0.0.1:$((chibo_port + 4))" >/dev/null
  QUERIES=$work/queries.txt COOKIE= run_wrk "baseline: chibo before accounts, no session ($("$BASELINE_CHIBO" --version))" \
    "$connections" -s bench/search.lua "http://127.0.0.1:$((chibo_port + 4))"
  QUERIES=$work/queries.txt run_wrk "chibo search as the administrator, after the baseline" \
    "$connections" -s bench/search.lua "http://127.0.0.1:$chibo_port"
fi

# The same search with the whole machine: two server threads and wrk, none of them pinned.
"$chibo" serve --db "sqlite:$db" --listen "127.0.0.1:$((chibo_port + 2))" --threads 2 --log-level warn \
  > "$work/serve2.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$((chibo_port + 2))/api/v1/health" && break; sleep 0.1; done
# (Sessions live in the database: the administrator's cookie works on this server too.)
QUERIES=$work/queries.txt wrk -t1 -c8 -d3s -s bench/search.lua "http://127.0.0.1:$((chibo_port + 2))" >/dev/null
line=$(QUERIES=$work/queries.txt wrk -t1 -c"$connections" -d"${duration}s" -s bench/search.lua \
  "http://127.0.0.1:$((chibo_port + 2))" | grep '^REPORT')
printf '| %s | %s |\n' "chibo search, 2 server threads and wrk unpinned on both cores" "${line#REPORT }"

echo
echo "## 3. Listing a large subtree and the tree (same setup, 8 connections: heavier requests)"
echo "| what | result |"
echo "|---|---|"
big=$(sqlite3 "$db" "SELECT org_id FROM org_member_counts c JOIN organizations o ON o.id = c.org_id WHERE o.depth = 2 GROUP BY org_id ORDER BY SUM(n) DESC LIMIT 1")
big_size=$(sqlite3 "$db" "SELECT SUM(n) FROM org_member_counts WHERE org_id = $big")
PATHS="/api/v1/members?org=$big&page_size=50" run_wrk "first page of the largest committee ($big_size members)" 8 \
  -s bench/path.lua "http://127.0.0.1:$chibo_port"
PATHS="/api/v1/members?org=$big&page_size=50&page=40" run_wrk "page 40 of the same" 8 \
  -s bench/path.lua "http://127.0.0.1:$chibo_port"
PATHS="/api/v1/members?page_size=50&sex=female&age_max=35" run_wrk "whole bloc, filtered (women under 36)" 8 \
  -s bench/path.lua "http://127.0.0.1:$chibo_port"
PATHS="/api/v1/orgs/1/children" run_wrk "children of the root with counts" 8 \
  -s bench/path.lua "http://127.0.0.1:$chibo_port"
PATHS="/api/v1/orgs/1/stats" run_wrk "root dashboard breakdowns ($members members)" 8 \
  -s bench/path.lua "http://127.0.0.1:$chibo_port"

echo
echo "## 4. Export of the whole bloc as CSV"
hyperfine --runs 3 --export-markdown "$work/export.md" "$chibo export --db sqlite:$db -o $work/all.csv" >/dev/null 2>&1
cat "$work/export.md"
echo
echo "server RSS after the run: $(ps -o rss= -p "${pids[0]}" | awk '{printf "%.1f MiB", $1/1024}')"

if [[ -f web/package.json && "${SKIP_UI:-}" != 1 ]]; then
  echo
  echo "## 5. Web UI in Chromium (web/e2e/performance.spec.ts, its own server and 65,000-member demo)"
  CHIBO_BIN=$PWD/$chibo npm --prefix web run --silent bench 2>&1 | grep -E '^(METRIC|INFO)' | sed 's/^/    /'
  echo "    bundle (gzip, KiB):"
  for file in web/dist/assets/*.js web/dist/assets/*.css; do
    printf '    %7.1f  %s\n' "$(gzip -9c "$file" | wc -c | awk '{print $1/1024}')" "$(basename "$file")"
  done | sort -rn | head -12
fi
