#!/usr/bin/env bash
# Benchmark: the text path on ≥ 2 MB exports, one per kind of evidence (tab-per-row seed 000,
# pipe rows, blank-line cells, run-together), each a real export repeated to SIZE bytes;
# tablemend (release build) beside what a user would script instead (a Python split of the
# same text into rows and cells, no alignment), in the same run. Wall time, MB/s and peak RSS
# from /usr/bin/time -v; best of RUNS.
#
#   tools/bench-text.sh [SIZE] [RUNS]       # defaults 2200000 bytes, best of 3
#   BIN=path/to/tablemend tools/bench-text.sh   # another build (e.g. an older commit's)
#
# Needs: apt-get install time python3.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-2200000}
RUNS=${2:-3}
WORK=$(mktemp -d /tmp/bench-text.XXXXXX)
if [ -z "${BIN:-}" ]; then
  swift build -c release --product tablemend >/dev/null
  BIN=$(swift build -c release --show-bin-path)/tablemend
fi

inputs=(
  "tab-per-row corpus/seeds/000_8ec80c4d32cadcc0.txt"
  "pipe-rows corpus/exports/web-pipe-rows/seed-002-project.txt"
  "blank-line-cells corpus/exports/web-blank-cells/seed-002-project.txt"
  "run-together corpus/exports/web-run-together/seed-000-department.txt"
)

cat >"$WORK/split.py" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
cells = 0
for line in text.splitlines():
    cells += len([c for c in re.split(r"\||\t| {2,}", line) if c.strip()])
print(cells)
PY

measure() { # name, bytes, command...
  local name=$1 bytes=$2; shift 2
  local best="" rss=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v "$@" >/dev/null 2>"$WORK/time.txt"
    local wall r
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$wall; rss=$r; fi
  done
  awk -v n="$name" -v w="$best" -v b="$bytes" -v r="$rss" \
    'BEGIN{printf "| %-40s | %7.2f s | %6.2f MB/s | %6.0f MB |\n", n, w, b/1e6/w, r/1024}'
}

echo "| input ($SIZE bytes) | wall | throughput | peak RSS |"
echo "|---|---|---|---|"
for entry in "${inputs[@]}"; do
  set -- $entry
  name=$1 src=$2
  big="$WORK/$name.txt"
  python3 - "$src" "$big" "$SIZE" <<'PY'
import sys
src, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read() + b"\n"
with open(out, "wb") as f:
    written = 0
    while written < size:
        f.write(data)
        written += len(data)
PY
  bytes=$(wc -c <"$big")
  measure "tablemend convert, $name" "$bytes" "$BIN" convert "$big"
  measure "python split into cells, $name" "$bytes" python3 "$WORK/split.py" "$big"
done
rm -rf "$WORK"
