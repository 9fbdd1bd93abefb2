#!/usr/bin/env bash
# A 1,000,000-row XLSX (written by io/xlsx) read by the streaming reader into a bare SQLite table,
# against `sqlite3 .import` of the same rows as CSV into a bare table; both in one run.
#   ROWS=1000000 bench/xlsx.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${BENCH:-build/bench/chibo_xlsx_bench}
rows=${ROWS:-1000000}
work=$(mktemp -d /tmp/chibo-xlsx.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "# $rows rows, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "write (xlsx + csv): %e s, %M KB max RSS" "$bench" write "$rows" "$work/rows.xlsx" "$work/rows.csv"
echo "xlsx: $(du -h "$work/rows.xlsx" | cut -f1), csv: $(du -h "$work/rows.csv" | cut -f1)"
/usr/bin/time -f "xlsx -> sqlite (streaming reader): %e s, %M KB max RSS" "$bench" import "$work/rows.xlsx" "$work/x.db"
sqlite3 "$work/c.db" "CREATE TABLE t (stt, ho_ten, so_the, ngay_sinh, so_tien)"
/usr/bin/time -f "csv -> sqlite (sqlite3 .import): %e s, %M KB max RSS" sqlite3 "$work/c.db" ".import --csv --skip 1 $work/rows.csv t"
echo "rows: xlsx $(sqlite3 "$work/x.db" 'SELECT count(*) FROM t'), csv $(sqlite3 "$work/c.db" 'SELECT count(*) FROM t')"
