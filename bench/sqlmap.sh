#!/usr/bin/env bash
# SQL injection scan of chibo's API with sqlmap (Debian package `sqlmap`).
#
# What it does: builds a small demo database (300 members) in a temporary folder, creates two
# users with the CLI (an office_staff user and an administrator with a TOTP secret; the TOTP code
# is computed here with python3), starts `chibo serve` on 127.0.0.1 (a free port, nothing else is
# contacted), signs both in, and runs sqlmap with the session cookie and the CSRF headers
# (X-Requested-With: chibo, Origin) against every parameter of the member and organization
# routes:
#   - query parameters of GET /members, /members.csv, /orgs, /orgs/search, /orgs/{id}/children;
#   - the path ids of /orgs/{id}, /orgs/{id}/children, /orgs/{id}/stats, /members/{id},
#     /members/{id}/history;
#   - every value of the JSON bodies of POST /members, PATCH /members/{id}, POST /orgs,
#     PATCH /orgs/{id};
#   - as the administrator: the query parameters of GET /users and GET /audit.
# The login form itself is not scanned: sqlmap's failed logins would (rightly) trip the login
# throttle after 20 attempts; tests/api/auth.test.mjs covers it.
#
# How long: about 1-2 minutes on 2 cores at the default LEVEL=2 RISK=2 (chibo refuses malformed
# parameters with 400 early, so most payloads stop there); each target is capped
# by TARGET_TIMEOUT seconds, default 600). LEVEL=3 RISK=3 takes longer (tens of minutes).
#
# How to read the result: one line per target, "clean" or "INJECTABLE" (or "timeout"), then a
# summary. sqlmap's full logs stay in $OUT (printed at the end; default a temporary folder,
# kept). The script exits 0 when sqlmap found nothing injectable, 1 when it identified an
# injection point in any target (see "$OUT/<target>.log"), 2 when it could not run (or sqlmap
# failed on a target). "timeout" means the target was cut at TARGET_TIMEOUT: not a finding, but
# not fully scanned either.
#
# Usage: bench/sqlmap.sh [path/to/chibo]     (default build/src/chibo)
#        LEVEL=3 RISK=3 TARGET_TIMEOUT=900 bench/sqlmap.sh
set -euo pipefail
# Benchmarks send requests faster than any user: chibo's per-user rate limits off.
export CHIBO_RATE_LIMIT_PER_MINUTE=0 CHIBO_EXPORT_LIMIT_PER_HOUR=0

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHIBO="${1:-$here/../build/src/chibo}"
LEVEL="${LEVEL:-2}"
RISK="${RISK:-2}"
TARGET_TIMEOUT="${TARGET_TIMEOUT:-600}"
command -v sqlmap >/dev/null || { echo "sqlmap is missing: apt-get install sqlmap" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 2; }
[ -x "$CHIBO" ] || { echo "no chibo binary at $CHIBO" >&2; exit 2; }

work="$(mktemp -d /tmp/chibo-sqlmap-XXXXXX)"
OUT="${OUT:-$work/logs}"
mkdir -p "$OUT"
db="sqlite:$work/chibo.db"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -f "$work"/chibo.db*
}
trap cleanup EXIT

"$CHIBO" demo --db "$db" --members 300 --seed 3 --quiet >/dev/null
staff_pw="Quet-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-1"
admin_pw="Quet-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-2"
totp_secret="$(python3 -c 'import base64,os;print(base64.b32encode(os.urandom(20)).decode())')"
echo "$staff_pw" | "$CHIBO" user add --db "$db" --username quet.vanphong --role office_staff >/dev/null
echo "$admin_pw" | "$CHIBO" user add --db "$db" --username quet.quantri --role administrator --totp-secret "$totp_secret" >/dev/null

port="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')"
base="http://127.0.0.1:$port"
"$CHIBO" serve --db "$db" --listen "127.0.0.1:$port" >"$OUT/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "$base/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "$base/api/v1/health" >/dev/null || { echo "chibo did not start (see $OUT/server.log)" >&2; exit 2; }

# Signs in; prints the session token.
login() {
  local body="$1"
  curl -s -D - -o /dev/null -X POST "$base/api/v1/auth/login" \
    -H 'Content-Type: application/json' -H 'X-Requested-With: chibo' -H "Origin: $base" \
    --data "$body" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: chibo_session=\([^;]*\);.*/\1/p'
}
staff_token="$(login "{\"username\":\"quet.vanphong\",\"password\":\"$staff_pw\"}")"
totp="$(python3 - "$totp_secret" <<'EOF'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
mac = hmac.new(key, struct.pack('>Q', int(time.time()) // 30), hashlib.sha1).digest()
o = mac[-1] & 15
print('%06d' % ((struct.unpack('>I', mac[o:o + 4])[0] & 0x7fffffff) % 1000000))
EOF
)"
admin_token="$(login "{\"username\":\"quet.quantri\",\"password\":\"$admin_pw\",\"totp\":\"$totp\"}")"
[ -n "$staff_token" ] && [ -n "$admin_token" ] || { echo "could not sign in" >&2; exit 2; }

get() { curl -fs -H "Cookie: chibo_session=$staff_token" "$base$1"; }
# Real ids and a valid version for the bodies.
read -r org_id cell_id < <(get "/api/v1/orgs/search?q=chi&holds_members=true&limit=1" |
  python3 -c 'import json,sys;o=json.load(sys.stdin)["items"][0];print(o["ancestors"][-1]["id"] if o["ancestors"] else o["id"], o["id"])')
read -r member_id member_version < <(get "/api/v1/members?org=$cell_id&page_size=1" |
  python3 -c 'import json,sys;m=json.load(sys.stdin)["items"][0];print(m["id"],m["version"])')
org_version="$(get "/api/v1/orgs/$cell_id" | python3 -c 'import json,sys;print(json.load(sys.stdin)["version"])')"
year=$(( $(date +%Y) - 30 ))

found=0
clean=0
timeouts=0
errors=0
# scan NAME TOKEN URL [extra sqlmap options...]
scan() {
  local name="$1" token="$2" url="$3"
  shift 3
  local log="$OUT/$name.log"
  set +e
  timeout "$TARGET_TIMEOUT" sqlmap --batch --flush-session --disable-coloring \
    --output-dir="$OUT/sqlmap" -u "$url" \
    --cookie="chibo_session=$token" --skip="chibo_session" \
    --headers=$'X-Requested-With: chibo\nOrigin: '"$base" \
    --level="$LEVEL" --risk="$RISK" --dbms=SQLite --timeout=10 --retries=1 --time-sec=2 \
    "$@" >"$log" 2>&1
  local status=$?
  set -e
  if grep -q "sqlmap identified the following injection point" "$log" || grep -qi "is vulnerable" "$log"; then
    echo "INJECTABLE  $name"; found=$((found + 1))
  elif [ $status -eq 124 ]; then
    echo "timeout     $name"; timeouts=$((timeouts + 1))
  elif grep -q "do not appear to be injectable\|does not seem to be injectable" "$log"; then
    local tested
    tested="$(grep -c "testing '" "$log" || true)"
    echo "clean       $name ($tested tests)"; clean=$((clean + 1))
  else
    echo "ERROR       $name (sqlmap did not finish; see $log)"; errors=$((errors + 1))
  fi
}

echo "chibo $base, sqlmap $(sqlmap --version 2>/dev/null | head -1), level $LEVEL risk $RISK; logs in $OUT"
S="$staff_token"
A="$admin_token"
scan members-list "$S" "$base/api/v1/members?q=Nguyen&org=$org_id&status=official&sex=male&ethnicity=01&age_min=20&age_max=70&admitted_from=1990&admitted_to=2020&sort=name&page=1&page_size=10"
scan members-csv "$S" "$base/api/v1/members.csv?q=Nguyen&org=$org_id&status=official&labels=false&lang=vi"
scan orgs-roots "$S" "$base/api/v1/orgs?parent=$org_id&include_dissolved=false"
scan orgs-search "$S" "$base/api/v1/orgs/search?q=Chi%20bo&kind=cell&holds_members=true&limit=5"
scan orgs-children "$S" "$base/api/v1/orgs/$org_id*/children?include_dissolved=true"
scan org-detail "$S" "$base/api/v1/orgs/$cell_id*"
scan org-stats "$S" "$base/api/v1/orgs/$cell_id*/stats"
scan member-detail "$S" "$base/api/v1/members/$member_id*"
scan member-history "$S" "$base/api/v1/members/$member_id*/history"
scan member-create "$S" "$base/api/v1/members" --method=POST \
  --data="{\"full_name\":\"Nguyen Van Quet\",\"sex\":\"male\",\"birth_date\":\"$year-05-15\",\"ethnicity\":\"01\",\"religion\":\"none\",\"citizen_id\":\"001$(( (year - 1900) / 100 * 2 ))${year: -2}123456\",\"admission_date\":\"$((year + 25))-03-02\",\"official_date\":\"$((year + 26))-03-02\",\"org_id\":$cell_id,\"status\":\"official\",\"phone\":\"0912345678\",\"email\":\"a@b.vn\",\"work_unit\":\"Phong\",\"aliases\":[\"Ba\"]}"
scan member-update "$S" "$base/api/v1/members/$member_id" --method=PATCH \
  --data="{\"version\":$member_version,\"full_name\":\"Nguyen Van Sua\",\"phone\":\"0912345679\",\"work_unit\":\"Phong B\",\"org_id\":$cell_id}"
scan org-create "$S" "$base/api/v1/orgs" --method=POST \
  --data="{\"kind\":\"cell\",\"name\":\"Chi bo Quet\",\"short_name\":\"CBQ\",\"code\":\"Q1\",\"parent_id\":$org_id,\"established_on\":\"2010-01-01\"}"
scan org-update "$S" "$base/api/v1/orgs/$cell_id" --method=PATCH \
  --data="{\"version\":$org_version,\"name\":\"Chi bo Doi Ten\",\"short_name\":\"CBDT\",\"code\":\"Q2\"}"
scan users-list "$A" "$base/api/v1/users?q=quet&limit=10&offset=0"
scan audit-list "$A" "$base/api/v1/audit?actor_id=1&object_type=member&object_id=$member_id&action=member.update&from=2020-01-01&to=2099-01-01&before=100000&limit=10"

echo "summary: $clean clean, $found injectable, $timeouts timed out, $errors failed to run (of $((clean + found + timeouts + errors)) targets); logs: $OUT"
if grep -q " 500 " "$OUT/server.log" 2>/dev/null || grep -q -- "-> 5[0-9][0-9]" "$OUT/server.log"; then
  echo "note: the server answered 5xx to some requests (see $OUT/server.log)"
fi
[ "$found" -eq 0 ] || exit 1
[ "$errors" -eq 0 ] || exit 2
