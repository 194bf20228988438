#!/usr/bin/env bash
# Runs the tablemend CLI on every file of a hostile corpus and checks the contract of issue 6:
# each ends within 10 s and under 500 MiB, with a non-zero exit and a one-line message naming
# the file (or exit 0 and a clean result), no signal, and no byte of the marker file in the
# output.
#
# usage: tools/hostile-check.sh [DIR] [TABLEMEND_BINARY]
#   DIR defaults to a fresh directory filled by tools/hostile-corpus.py (big files included)
#   with a marker file of random bytes; the binary defaults to .build/release/tablemend, then
#   .build/debug/tablemend.
# Prints one line per file: verdict, exit status, seconds, peak RSS in MiB, first stderr line.
set -uo pipefail
cd "$(dirname "$0")/.."
dir="${1:-}"
tm="${2:-}"
if [[ -z "$tm" ]]; then
  for candidate in .build/release/tablemend .build/debug/tablemend; do
    [[ -x "$candidate" ]] && { tm="$candidate"; break; }
  done
fi
[[ -x "$tm" ]] || { echo "no tablemend binary; run swift build first" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
marker="$work/marker.txt"
head -c 24 /dev/urandom | base64 >"$marker"
if [[ -z "$dir" ]]; then
  dir="$work/hostile"
  python3 tools/hostile-corpus.py "$dir" --marker "$marker" >/dev/null
fi
secret="$(cat "$marker")"
host="$(tr -d '\n' </etc/hostname 2>/dev/null)"
failed=0
for f in "$dir"/*; do
  [[ -f "$f" ]] || continue
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" timeout -s KILL 10 "$tm" convert "$f" >"$work/out" 2>"$work/err"
  status=$?
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  rss=$(( $(tail -1 "$work/rss" 2>/dev/null || echo 0) / 1024 ))
  lines=$(wc -l <"$work/err")
  verdict=ok
  if ((status > 128)) || grep -q "Command terminated by signal" "$work/rss"; then verdict="SIGNAL/TIMEOUT"
  elif ((status != 0)) && { ((lines != 1)) || ! grep -qF "$f" "$work/err"; }; then verdict="BAD-MESSAGE"
  elif ((status == 0)) && [[ -s "$work/err" ]]; then verdict="NOISY"
  elif ((rss >= 500)); then verdict="MEMORY"
  elif grep -qF "$secret" "$work/out" "$work/err" || { [[ -n "$host" ]] && grep -qF "$host" "$work/out"; }; then verdict="LEAK"
  fi
  [[ $verdict == ok ]] || failed=1
  printf '%-14s exit %3d %6.2f s %4d MiB  %s: %s\n' "$verdict" "$status" "$secs" "$rss" \
    "$(basename "$f")" "$(head -c 160 "$work/err" | head -1 | sed "s|$dir/||")"
done
exit $failed
