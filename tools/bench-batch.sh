#!/usr/bin/env bash
# Benchmark of `tablemend batch`: files per second on a generated folder of form files, with 1
# and with 2 workers, then a re-run that skips every file, then one after a file changed.
#
# Usage: tools/bench-batch.sh [COUNT]
#   COUNT      files to generate (default 10000)
#   BENCH_DIR  work folder (default ${TMPDIR:-/tmp}/tablemend-bench-batch)
# Needs python3. Builds tablemend in release mode first.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/tablemend-bench-batch}

swift build -c release --product tablemend >/dev/null
bin="$(swift build -c release --show-bin-path)/tablemend"
python3 tools/bench-batch-generate.py corpus/seeds "$work/forms" "$count"
bytes=$(du -sb "$work/forms" | cut -f1)
echo "input: $count files, $bytes bytes, $(nproc) cores"

run() { # label jobs outdir
  local start end status=0
  start=$(date +%s.%N)
  "$bin" batch "$work/forms" --out "$3" --jobs "$2" --quiet || status=$?
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[3]:<22} jobs={sys.argv[4]}  {s:7.2f} s  {int(sys.argv[5])/s:8.0f} files/s  exit {sys.argv[6]}')" \
    "$start" "$end" "$1" "$2" "$count" "$status"
}

for jobs in 1 2; do
  rm -rf "$work/out-$jobs"
  run "convert" "$jobs" "$work/out-$jobs"
done
run "re-run (all skipped)" 2 "$work/out-2"
# One file changed: it alone is converted; every other document is copied from the last run.
first=$(find "$work/forms" -type f ! -name '.*' | sort | sed -n 1p)
printf '\n' >>"$first"
run "re-run (1 changed)" 2 "$work/out-2"
python3 - "$work/out-2/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"last report: converted {r['converted']}, skipped {r['skipped']}, failed {r['failed']}, documents {r['documents']}")
PY
