#!/usr/bin/env bash
# The fuzz run CI makes: every target, a fixed seed and a fixed number of runs, so that a CI
# run is repeatable (the same inputs in the same order, from the corpus seeds only). These
# exact runs passed on the machine that added them; a failure is a regression. Long runs are
# `tools/fuzz.sh TARGET SECONDS` (figures in docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_CORPUS_FRESH=1
tools/fuzz.sh values -runs=20000 -seed=1
tools/fuzz.sh text -runs=5000 -seed=1
tools/fuzz.sh forms -runs=2000 -seed=1
tools/fuzz.sh docx -runs=5000 -seed=1
tools/fuzz.sh sheets -runs=5000 -seed=1
tools/fuzz.sh pdf -runs=20000 -seed=1
