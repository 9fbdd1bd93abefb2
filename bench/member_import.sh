#!/usr/bin/env bash
# Issue 16: a members import of ROWS rows (CSV, every row checked then written in one
# transaction, `chibo import`) against `sqlite3 .import` of the same CSV into a bare table; both
# in one run. The rows are valid members spread over the cells of a small demo database.
# Then the floors, in plain SQL with no check, no history event, no search key and no count:
# the same CSV `.import`ed into a table of chibo's database and copied into `members` by one
# INSERT ... SELECT (a) with members' indexes in place, (b) with its secondary indexes dropped
# first and built again after (what `chibo import` does on SQLite), (c) with no secondary index
# at all (the rows alone, with their two UNIQUE keys): what SQLite itself needs to hold the rows.
#   ROWS=1000000 bench/member_import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
chibo=${CHIBO:-build/src/chibo}
rows=${ROWS:-1000000}
work=$(mktemp -d /tmp/chibo-member-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "# $rows rows, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$chibo" demo --db "sqlite:$work/chibo.db" --members 100 --quiet >/dev/null 2>&1
sqlite3 "$work/chibo.db" "VACUUM INTO '$work/empty.db'"  # the database before the import, for the floors
sqlite3 "$work/chibo.db" "SELECT code FROM organizations WHERE kind IN ('cell', 'base_cell') AND status = 'active' AND code IS NOT NULL" >"$work/cells.txt"
# Unique citizen IDs: province 001-096, sex digit by birth year's century, the year, a serial.
python3 - "$rows" "$work/cells.txt" "$work/members.csv" <<'PY'
import random, sys
rows, cells_path, out_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cells = [line.strip() for line in open(cells_path) if line.strip()]
random.seed(16)
family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ']
middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quốc']
given = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Nam', 'Phúc', 'Quân']
with open(out_path, 'w', encoding='utf-8') as out:
    out.write('full_name,sex,birth_date,ethnicity,religion,citizen_id,admission_date,official_date,org_code,status\n')
    for i in range(rows):
        female = i % 2 == 1
        year = 1950 + i % 50
        province = 1 + (i // 1000000) % 96
        cid = f'{province:03d}{1 if female else 0}{year % 100:02d}{i % 1000000:06d}'
        name = f'{random.choice(family)} {"Thị" if female else random.choice(middle)} {random.choice(given)}'
        admitted = year + 25
        out.write(f'{name},{"female" if female else "male"},{year}-{1 + i % 12:02d}-{1 + i % 28:02d},01,none,{cid},'
                  f'{admitted}-03-02,{admitted + 1}-03-02,{cells[i % len(cells)]},official\n')
PY
echo "csv: $(du -h "$work/members.csv" | cut -f1)"
/usr/bin/time -f "chibo import (check + write, one transaction): %e s, %M KB max RSS" \
  "$chibo" import "$work/members.csv" --db "sqlite:$work/chibo.db" 2>&1 | grep -v '^\s*checking\|^\s*writing' | tr '\r' '\n' | grep -v '^  \(checking\|writing\):' || true
sqlite3 "$work/bare.db" "CREATE TABLE t (full_name, sex, birth_date, ethnicity, religion, citizen_id, admission_date, official_date, org_code, status)"
/usr/bin/time -f "sqlite3 .import (bare table): %e s, %M KB max RSS" sqlite3 "$work/bare.db" ".import --csv --skip 1 $work/members.csv t"
echo "rows: chibo $(( $(sqlite3 "$work/chibo.db" 'SELECT count(*) FROM members') - 100 )) imported (beside the demo's 100), bare $(sqlite3 "$work/bare.db" 'SELECT count(*) FROM t')"

# The floors (see the head of this file), each on its own copy of the database before the import.
floor() {  # label, drop indexes (yes/no), build them again (yes/no)
  rm -f "$work/floor.db"*
  cp "$work/empty.db" "$work/floor.db"
  {
    echo "CREATE TABLE t (full_name, sex, birth_date, ethnicity, religion, citizen_id, admission_date, official_date, org_code, status);"
    echo ".import --csv --skip 1 $work/members.csv t"
    echo "PRAGMA synchronous = NORMAL;"
    echo "BEGIN;"
    [[ $2 == yes ]] && sqlite3 "$work/floor.db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL"
    echo "INSERT INTO members (org_id, org_path, full_name, sort_key, sex, birth_date, ethnicity, religion, citizen_id, admission_date, official_date, status, version, created_at, updated_at)
      SELECT o.id, o.path, t.full_name, lower(t.full_name), t.sex, t.birth_date, t.ethnicity, t.religion, t.citizen_id, t.admission_date, t.official_date, t.status, 1, '2026-12-07T00:00:00.000Z', '2026-12-07T00:00:00.000Z'
      FROM t JOIN organizations o ON o.code = t.org_code;"
    [[ $3 == yes ]] && sqlite3 "$work/floor.db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL"
    echo "COMMIT;"
  } > "$work/floor.sql"
  /usr/bin/time -f "floor: $1: %e s, %M KB max RSS" sqlite3 "$work/floor.db" < "$work/floor.sql"
  echo "  rows: $(( $(sqlite3 "$work/floor.db" 'SELECT count(*) FROM members') - 100 ))"
}
floor "members' indexes in place" no no
floor "secondary indexes dropped, built again after" yes yes
floor "no secondary index (the rows and their UNIQUE keys only)" yes no
