#!/usr/bin/env bash
# Converts a generated 100,000-row .xlsx (10 columns: text, integers, decimals, a percent and a
# date format, no merged cells) and reports rows/s and peak memory beside openpyxl
# (PyPI, read-only mode, every value read) on the same file.
#
# usage: tools/bench-sheets.sh [ROWS]     (needs python3 with openpyxl, /usr/bin/time)
# Uses .build/release/tablemend (built here when missing; BIN=… to use another binary).
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bin="${BIN:-.build/release/tablemend}"
if [[ ! -x "$bin" ]]; then swift build -c release --product tablemend >&2; fi
python3 - "$work/bench.xlsx" "$rows" <<'PY'
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
ls -l "$work/bench.xlsx" | awk '{print "file bytes:", $5}'
measure() {  # label command…
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
  read -r secs kb < "$work/time"
  awk -v l="$label" -v s="$secs" -v k="$kb" -v n="$rows" \
    'BEGIN { printf "%-10s %7.2f s  %10.0f rows/s  peak %6.0f MiB\n", l, s, n / (s > 0 ? s : 0.01), k / 1024 }'
}
measure tablemend "$bin" convert "$work/bench.xlsx" -o "$work/out.json"
measure openpyxl python3 -c '
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        n += 1
print(n)' "$work/bench.xlsx"
