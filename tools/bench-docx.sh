#!/usr/bin/env bash
# Benchmark: a generated DOCX with a ROWS-row merged table (vMerge over every 10 rows,
# gridSpan, legacy hMerge), converted by tablemend (release build), pandoc -f docx -t json
# and python-docx, in the same run; wall time and peak RSS from /usr/bin/time -v.
#
#   tools/bench-docx.sh [ROWS] [RUNS]      # defaults 2000 rows, best of 5 runs
#   CHECK_LO=1 tools/bench-docx.sh         # also score tablemend's grid against LibreOffice's
#   STATIC=1 tools/bench-docx.sh           # tablemend built with --static-swift-stdlib (in
#                                          # .build/static-stdlib; ~4.5 ms less start-up, 106 MB)
#
# Needs: apt-get install pandoc time (libreoffice-writer-nogui for CHECK_LO), pip install python-docx.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-2000}
RUNS=${2:-5}
WORK=$(mktemp -d /tmp/bench-docx.XXXXXX)
DOC="$WORK/bench-$ROWS.docx"
python3 tools/docx-fixtures.py --bench "$ROWS" "$DOC"
BUILD=(-c release)
if [ "${STATIC:-0}" = 1 ]; then BUILD+=(--static-swift-stdlib --scratch-path .build/static-stdlib); fi
swift build "${BUILD[@]}" --product tablemend >/dev/null
BIN=$(swift build "${BUILD[@]}" --show-bin-path)/tablemend

cat >"$WORK/pydocx.py" <<'EOF'
import sys, docx
d = docx.Document(sys.argv[1])
n = 0
for t in d.tables:
    for row in t.rows:
        for cell in row.cells:
            n += len(cell.text)
print(n)
EOF

measure() { # name, command...
  local name=$1; shift
  local best_wall="" best_rss=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v "$@" >/dev/null 2>"$WORK/time.txt"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt" |
      awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    if [ -z "$best_wall" ] || awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall=$wall; fi
    if [ -z "$best_rss" ] || [ "$rss" -lt "$best_rss" ]; then best_rss=$rss; fi
  done
  printf '%-12s wall %8.3f s   peak RSS %7.1f MiB\n' "$name" "$best_wall" "$(awk "BEGIN{print $best_rss/1024}")"
  echo "$name $best_wall" >>"$WORK/walls.txt"
}

echo "file: $DOC ($(stat -c %s "$DOC") bytes, $ROWS rows; best of $RUNS runs)"
echo "machine: $(nproc) cores, $(uname -sr); pandoc $(pandoc --version | head -1 | cut -d' ' -f2); python-docx $(python3 -c 'import docx; print(docx.__version__)')"
measure tablemend "$BIN" convert "$DOC"
measure pandoc pandoc -f docx -t json "$DOC"
measure python-docx python3 "$WORK/pydocx.py" "$DOC"
awk '{w[$1]=$2} END {printf "speed-up: %.1fx over pandoc, %.1fx over python-docx\n", w["pandoc"]/w["tablemend"], w["python-docx"]/w["tablemend"]}' "$WORK/walls.txt"

if [ "${CHECK_LO:-0}" = 1 ]; then
  "$BIN" convert "$DOC" >"$WORK/tm.json"
  python3 tools/docx-lo-grid.py "$DOC" >"$WORK/lo.json"
  echo "grid vs LibreOffice: $(python3 tools/grid-score.py "$WORK/lo.json" "$WORK/tm.json" || true)"
fi
rm -rf "$WORK"
