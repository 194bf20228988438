#!/usr/bin/env bash
# Converts a generated .xlsx of ROWS rows (10 columns: text, integers, decimals, a percent and
# a date format, no merged cells) and reports seconds, rows/s and peak memory beside openpyxl
# (PyPI, read-only mode, every value read) on the same file; then tablemend alone on each of
# MORE_ROWS, so that memory can be compared across sizes (it should stay flat).
#
# usage: tools/bench-sheets.sh [ROWS [MORE_ROWS…]]   (default 100000; needs python3 with
#        openpyxl, /usr/bin/time)
# e.g.   tools/bench-sheets.sh 100000 25000 200000 400000
# Each figure is the least time of REPS runs (default 3; the machine is shared) with the
# largest peak of those runs. Past 100,000 rows tablemend gets the limits such a sheet needs
# (--limit maxCellsPerTable, maxRowsPerTable, maxPartBytes).
# Uses .build/release/tablemend (built here when missing; BIN=… to use another binary).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100000}")
reps="${REPS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bin="${BIN:-.build/release/tablemend}"
if [[ ! -x "$bin" ]]; then swift build -c release --product tablemend >&2; fi
generate() {  # path rows
  python3 - "$1" "$2" <<'PY'
import datetime, sys
import openpyxl
path, rows = sys.argv[1], int(sys.argv[2])
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("数据")
for r in range(rows):
    sheet.append([f"项目{r}", r, r * 1.25, "产出指标", "数量指标", f"培训{r % 97}次", r % 13,
                  (r % 100) / 100, datetime.date(2021, 1, 1) + datetime.timedelta(days=r % 365), "≥98%"])
book.save(path)
PY
}
measure() {  # label rows command…
  local label=$1 rows=$2 best="" peak=0 secs kb
  shift 2
  for ((k = 0; k < reps; k++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
    read -r secs kb < "$work/time"
    if [[ -z "$best" ]] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$secs
    fi
    if ((kb > peak)); then peak=$kb; fi
  done
  awk -v l="$label" -v s="$best" -v k="$peak" -v n="$rows" \
    'BEGIN { printf "%-10s %8d rows %7.2f s %10.0f rows/s  peak %6.0f MiB\n", l, n, s, n / (s > 0 ? s : 0.01), k / 1024 }'
}
for ((i = 0; i < ${#sizes[@]}; i++)); do
  rows=${sizes[$i]}
  generate "$work/bench.xlsx" "$rows"
  ls -l "$work/bench.xlsx" | awk -v n="$rows" '{print "file bytes (" n " rows):", $5}'
  limits=()
  if ((rows > 100000)); then
    limits=(--limit "maxCellsPerTable=$((rows * 10))" --limit "maxRowsPerTable=$rows"
      --limit maxPartBytes=1G --limit maxTotalInflatedBytes=2G)
  fi
  measure tablemend "$rows" "$bin" convert "$work/bench.xlsx" -o "$work/out.json" "${limits[@]}"
  if ((i == 0)); then
    measure openpyxl "$rows" python3 -c '
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        n += 1
print(n)' "$work/bench.xlsx"
  fi
done
