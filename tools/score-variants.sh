#!/usr/bin/env bash
# Robustness of the labelled-page score to the way a page was flattened: the pages of
# ../shared/real/pages rewritten six ways and scored with ../shared/real/score.py against the
# same labels (a person's reading does not depend on the flattening).
#   as printed        the pages themselves
#   no pipes          every `|` cell mark turned into a space (space-separated rows)
#   one line          every line break turned into a space and every `|` removed too
#   glued             every line break removed without a space (cells run together)
#   cell a line       every `|` turned into a line break (one cell per line)
#   blank lines       every `|` turned into a blank line (cells separated by blank lines)
#   tabs              every `|` a tab (a table copied out of a browser: covered cells dropped)
#
#   tools/score-variants.sh [BINARY]     # default .build/release/tablemend
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/tablemend}
REAL=../shared/real
WORK=$(mktemp -d /tmp/score-variants.XXXXXX)
mkdir -p "$WORK/pipes" "$WORK/line" "$WORK/glued" "$WORK/cells" "$WORK/blank" "$WORK/tabs"
for f in "$REAL"/pages/*; do
  name=$(basename "$f")
  sed 's/ *| */ /g' "$f" >"$WORK/pipes/$name"
  tr '\n' ' ' <"$f" | sed 's/ *| */ /g' >"$WORK/line/$name"
  tr -d '\n' <"$f" | sed 's/ *| */ /g' >"$WORK/glued/$name"
  sed 's/ *| */\n/g' "$f" >"$WORK/cells/$name"
  sed 's/ *| */\n\n/g' "$f" >"$WORK/blank/$name"
  sed 's/ *| */\t/g; s/^\t//; s/\t$//' "$f" >"$WORK/tabs/$name"
done
for variant in "as printed:$REAL/pages" "no pipes:$WORK/pipes" "one line:$WORK/line" \
  "glued:$WORK/glued" "cell a line:$WORK/cells" "blank lines:$WORK/blank" "tabs:$WORK/tabs"; do
  label=${variant%%:*}
  dir=${variant#*:}
  printf '%-12s ' "$label"
  python3 "$REAL/score.py" "$BIN" "$REAL/labels.json" "$dir" --quiet | tail -1
done
rm -rf "$WORK"
