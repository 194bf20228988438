#!/bin/sh
# Times the value normaliser: builds release, then normalises 100,000 values (the ~200 real
# and issue phrases in tools/bench-values-input.txt, cycled) through ValueParser.parse.
# Usage: tools/bench-values.sh [COUNT]
set -eu
cd "$(dirname "$0")/.."
count="${1:-100000}"
swift build -c release --product tablemend >/dev/null
bin="$(swift build -c release --show-bin-path)/tablemend"
for run in 1 2 3; do
  "$bin" value --benchmark "$count" - < tools/bench-values-input.txt
done
