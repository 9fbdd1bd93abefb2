#!/usr/bin/env bash
# Sealed backups against plain ones and against the encryption docs/deploy.md used to tell the
# operator to add (gpg --symmetric, AES-256) on the same database, in one run, RUNS times each
# (default 3), wall time and max RSS (GNU time):
#   1. `chibo db backup` (plain: SQLite's backup API, integrity_check);
#   2. `chibo db backup --recipient` (the same, then sealed: X25519 + XChaCha20-Poly1305);
#   3. the reference: `sqlite3 .backup` then `gpg --symmetric --cipher-algo AES256` of its file;
#   4. `chibo db restore` of the sealed file (every chunk verified, integrity_check).
#   SQLITE_DB=/path/to/kept.db bench/backup.sh      (a kept database, read only)
#   MEMBERS=65000 bench/backup.sh                   (a fresh demo, the default)
set -euo pipefail
cd "$(dirname "$0")/.."

chibo=${CHIBO:-build/src/chibo}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/chibo-backup-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

db=${SQLITE_DB:-$work/bench.db}
if [[ ! -f "$db" ]]; then
  "$chibo" demo --db "sqlite:$db" --members "${MEMBERS:-65000}" --quiet >/dev/null
fi
echo "# chibo sealed backups, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$chibo" --version)"
echo "# database $db: $(du -h "$db" | cut -f1), $(sqlite3 "$db" 'SELECT COUNT(*) FROM members') members"

key=$work/backup.key
recipient=$("$chibo" db backup-key --to "$key" 2>/dev/null)
passphrase="bench passphrase $(date +%s%N)"

# Runs a command RUNS times; prints "median s, max RSS MB" (the target files removed each time).
measure() {  # label, files to remove before each run, command...
  local label=$1 remove=$2
  shift 2
  local times=() rss=0
  for _ in $(seq "$runs"); do
    rm -rf $remove
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    read -r t kb < "$work/time"
    times+=("$t")
    (( kb > rss )) && rss=$kb
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR]=$1} END {print t[int((NR+1)/2)]}')
  printf '%-58s %8.2f s  %6d MB\n' "$label" "$median" $((rss / 1024))
}

measure "chibo db backup (plain)" "$work/plain.db $work/plain.db.attachments" \
  "$chibo" db backup --db "sqlite:$db" --to "$work/plain.db"
measure "chibo db backup --recipient (sealed)" "$work/sealed" \
  "$chibo" db backup --db "sqlite:$db" --to "$work/sealed" --recipient "$recipient"
measure "reference: sqlite3 .backup + gpg --symmetric AES256" "$work/ref.db $work/ref.db.gpg" \
  sh -c "sqlite3 '$db' \".backup '$work/ref.db'\" && gpg --batch --quiet --symmetric --cipher-algo AES256 --compress-algo none --pinentry-mode loopback --passphrase '$passphrase' -o '$work/ref.db.gpg' '$work/ref.db' && rm '$work/ref.db'"
measure "chibo db restore (sealed -> SQLite, verified)" "$work/restored.db $work/restored.db.attachments" \
  "$chibo" db restore --from "$work/sealed" --key "$key" --to "$work/restored.db"
echo "# sizes: plain $(du -h "$work/plain.db" | cut -f1), sealed $(du -h "$work/sealed" | cut -f1), gpg $(du -h "$work/ref.db.gpg" | cut -f1)"
cmp <(sqlite3 "$work/plain.db" 'SELECT COUNT(*), SUM(id) FROM members') \
    <(sqlite3 "$work/restored.db" 'SELECT COUNT(*), SUM(id) FROM members') && echo "# restored members equal the plain backup's"
