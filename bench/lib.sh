# Helpers shared by the bench scripts (source it; it defines functions only). The older scripts
# still carry their own copies of these; new ones use this file.

bench_headers=(-H 'Content-Type: application/json' -H 'X-Requested-With: chibo')

# Waits until chibo answers /health on 127.0.0.1:PORT (at most 5 minutes).
bench_wait_health() {  # port
  for _ in $(seq 3000); do curl -sf -o /dev/null "http://127.0.0.1:$1/api/v1/health" && return 0; sleep 0.1; done
  return 1
}

# Signs in; prints the session cookie ("name=value").
bench_login() {  # port, username, password
  curl -sf -o /dev/null -D - "${bench_headers[@]}" -H "Origin: http://127.0.0.1:$1" \
    -d "$(python3 -c 'import json,sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$2" "$3")" \
    "http://127.0.0.1:$1/api/v1/auth/login" | grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/'
}

# POSTs JSON; prints the body (fails on an HTTP error).
bench_post() {  # port, cookie, path under /api/v1, json
  curl -sf "${bench_headers[@]}" -H "Origin: http://127.0.0.1:$1" -H "Cookie: $2" -d "$4" "http://127.0.0.1:$1/api/v1$3"
}

# "median ms / p95 ms" of RUNS GETs (default 100) after 5 warm-ups, one connection at a time.
bench_percentiles_ms() {  # url, cookie
  local runs=${RUNS:-100}
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null -H "Cookie: $2" "$1"; done
  for _ in $(seq "$runs"); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Cookie: $2" "$1"; done |
    sort -n | awk '{t[NR]=$1} END {m=t[int((NR+1)/2)]; p=t[int(NR*0.95+0.999)]; printf "%.1f ms / %.1f ms", m*1000, p*1000}'
}

# A JSON expression over stdin, the document as `d`.
bench_json() {  # expression
  python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"
}

# "median / p95 | median / p95" of RUNS GETs (default 100) of two URLs asked in turn, one
# request of each at a time (after 5 warm-ups each): two binaries under the same load.
bench_alternating_ms() {  # url_a, cookie_a, url_b, cookie_b
  local runs=${RUNS:-100}
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null -H "Cookie: $2" "$1"; curl -sf -o /dev/null -H "Cookie: $4" "$3"; done
  for _ in $(seq "$runs"); do
    echo "a $(curl -sf -o /dev/null -w '%{time_total}' -H "Cookie: $2" "$1")"
    echo "b $(curl -sf -o /dev/null -w '%{time_total}' -H "Cookie: $4" "$3")"
  done | sort -k1,1 -k2n | awk '{t[$1, ++n[$1]] = $2}
    function pct(k,   m, p) { m = t[k, int((n[k]+1)/2)]; p = t[k, int(n[k]*0.95+0.999)]; return sprintf("%.1f ms / %.1f ms", m*1000, p*1000) }
    END {printf "%s | %s", pct("a"), pct("b")}'
}
