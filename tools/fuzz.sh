#!/usr/bin/env bash
# Builds and runs one libFuzzer target for a given time or number of runs.
#
# usage: tools/fuzz.sh TARGET [SECONDS | -runs=N] [extra libFuzzer flags…]
#   TARGET: text | docx | sheets | pdf | forms | values (or the product name, TablemendFuzzText …)
#   SECONDS defaults to 60.
# env: FUZZ_ASAN=0 builds without AddressSanitizer (about 3x faster; Swift's own bounds and
#      overflow checks still trap), FUZZ_JOBS (swift build -j), FUZZ_NO_BUILD=1 skips the build.
#
# Builds in release mode with the flags from ENGINEERING-NOTES (both --sanitize=fuzzer and
# -Xswiftc -sanitize=fuzzer,address, plus -DTABLEMEND_FUZZ which turns the replayer into the
# libFuzzer entry point) into .build-fuzz (.build-fuzz-noasan without ASan). Seeds come from
# tools/fuzz-seeds.py; the growing corpus stays in .build-fuzz/corpus/TARGET, crashes in
# .build-fuzz/artifacts/TARGET, logs in .build-fuzz/logs.
# The last line printed is a summary: `fuzz TARGET: N runs in S s (R exec/s), status`.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  text | TablemendFuzzText) name=text product=TablemendFuzzText ;;
  docx | TablemendFuzzDocx) name=docx product=TablemendFuzzDocx ;;
  sheets | TablemendFuzzSheets) name=sheets product=TablemendFuzzSheets ;;
  pdf | TablemendFuzzPDF) name=pdf product=TablemendFuzzPDF ;;
  forms | TablemendFuzzForms) name=forms product=TablemendFuzzForms ;;
  values | TablemendFuzzValues) name=values product=TablemendFuzzValues ;;
  *) echo "usage: tools/fuzz.sh text|docx|sheets|pdf|forms|values [SECONDS|-runs=N] [libFuzzer flags]" >&2; exit 64 ;;
esac
shift
budget="-max_total_time=60"
if [[ $# -gt 0 ]]; then
  if [[ "$1" =~ ^[0-9]+$ ]]; then budget="-max_total_time=$1"; shift
  elif [[ "$1" == -runs=* ]]; then budget="$1"; shift
  fi
fi

work=.build-fuzz
if [[ "${FUZZ_ASAN:-1}" == 0 ]]; then scratch=.build-fuzz-noasan sanitizers=fuzzer
else scratch=.build-fuzz sanitizers=fuzzer,address; fi
flags=(-c release --product "$product" --sanitize=fuzzer -Xswiftc "-sanitize=$sanitizers"
  -Xswiftc -DTABLEMEND_FUZZ --scratch-path "$scratch")
if [[ "${FUZZ_NO_BUILD:-}" != 1 ]]; then
  swift build "${flags[@]}" ${FUZZ_JOBS:+-j "$FUZZ_JOBS"} >&2
fi
binary="$(swift build "${flags[@]}" --show-bin-path)/$product"

seeds="$work/seeds"
if [[ ! -d "$seeds/$name" ]]; then python3 tools/fuzz-seeds.py "$seeds" >&2; fi
corpus="$work/corpus/$name"
# FUZZ_CORPUS_FRESH=1: start from the seeds alone (as a fresh CI clone does), so that a run
# with a fixed -seed is repeatable.
if [[ "${FUZZ_CORPUS_FRESH:-}" == 1 ]]; then corpus=$(mktemp -d); fi
mkdir -p "$corpus" "$work/artifacts/$name"
log="$work/logs/$name-$(date +%Y%m%d-%H%M%S).log"
mkdir -p "$(dirname "$log")"

# Inputs: libFuzzer's default max_len (4096, or the largest seed) keeps a run fast. 2 GiB RSS
# and 10 s per input are the findings thresholds (leaks, hangs).
set +e
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$binary" "$budget" \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/$name/" "$@" \
  "$corpus" "$seeds/$name" >"$log" 2>&1
status=$?
set -e
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' | tail -1)
rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
verdict=$([[ $status == 0 ]] && echo "no crash" || echo "FAILED (exit $status), see $log")
echo "fuzz $name: ${runs:-?} runs in ${secs:-?} s (${rate:-?} exec/s), $verdict; log $log"
exit $status
