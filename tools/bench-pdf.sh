#!/usr/bin/env bash
# Benchmark: tablemend convert (release build) on a PDF against pdfplumber's and PyMuPDF's
# table finders on the same file, in the same run; wall time (best of RUNS) and pages/s.
#
#   tools/bench-pdf.sh [PDF] [RUNS]   # defaults: ../shared/real/pdf/wanli-2023-budget-performance-targets.pdf, 5
#
# tablemend's time includes both mutool passes (stext and trace), the table reader and the
# forms stage; pdfplumber's and PyMuPDF's only find and extract the tables of every page.
# Needs: apt-get install mupdf-tools time; pip install pdfplumber pymupdf.
set -euo pipefail
cd "$(dirname "$0")/.."
PDF=${1:-../shared/real/pdf/wanli-2023-budget-performance-targets.pdf}
RUNS=${2:-5}
WORK=$(mktemp -d /tmp/bench-pdf.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
swift build -c release --product tablemend >/dev/null
BIN=$(swift build -c release --show-bin-path)/tablemend
PAGES=$(mutool info "$PDF" 2>/dev/null | awk '/^Pages:/ {print $2}')

cat >"$WORK/bench_plumber.py" <<'PY'
import sys, pdfplumber
n = 0
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        for table in page.extract_tables():
            n += len(table)
print(n)
PY
cat >"$WORK/bench_pymupdf.py" <<'PY'
import sys, pymupdf
n = 0
for page in pymupdf.open(sys.argv[1]):
    for table in page.find_tables().tables:
        n += len(table.extract())
print(n)
PY

measure() { # name, command...
  local name=$1; shift
  local best=""
  for _ in $(seq "$RUNS"); do
    local start end wall
    start=$(date +%s.%N)
    if ! "$@" >/dev/null 2>"$WORK/stderr.txt"; then
      echo "$name failed: $(tail -1 "$WORK/stderr.txt")" >&2
      return 0
    fi
    end=$(date +%s.%N)
    wall=$(awk "BEGIN{print $end - $start}")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
  done
  printf '%-11s %7.3f s  %6.1f pages/s\n' "$name" "$best" "$(awk "BEGIN{print $PAGES / $best}")"
  echo "$name $best" >>"$WORK/walls.txt"
}

echo "file: $PDF ($PAGES pages; best of $RUNS runs; $(nproc) cores)"
echo "mutool $(mutool -v 2>&1 | awk '{print $3}'), pdfplumber $(python3 -c 'import pdfplumber; print(pdfplumber.__version__)'), PyMuPDF $(python3 -c 'import pymupdf; print(pymupdf.VersionBind)')"
measure tablemend "$BIN" convert "$PDF"
measure pdfplumber python3 "$WORK/bench_plumber.py" "$PDF"
measure pymupdf python3 "$WORK/bench_pymupdf.py" "$PDF"
awk '{w[$1]=$2} END {printf "tablemend: %.1fx pdfplumber, %.1fx PyMuPDF\n", w["pdfplumber"]/w["tablemend"], w["pymupdf"]/w["tablemend"]}' "$WORK/walls.txt"
