#!/usr/bin/env bash
# A short fuzz run of every target (with AddressSanitizer), for CI: ~20 s each by default.
# usage: tools/fuzz-smoke.sh [SECONDS]
# Exits non-zero on the first crash, leak of more than 2 GiB RSS, or input running over 10 s;
# the crashing input is in .build-fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
for target in values text forms docx pdf; do
  tools/fuzz.sh "$target" "$secs"
done
