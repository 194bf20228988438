#!/usr/bin/env bash
# The labelled pages converted to traditional characters (OpenCC s2t) and scored against the
# same labels, the tool's output folded back to simplified (OpenCC t2s) so that names compare;
# beside it, the pages as printed through the same fold (the fold itself costs a few names
# that the labels keep in traditional characters). Needs `pip install opencc-python-reimplemented`.
#
#   tools/score-traditional.sh [BINARY]     # default .build/release/tablemend
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-.build/release/tablemend}")
REAL=../shared/real
if ! python3 -c "import opencc" 2>/dev/null; then
  echo "skipped: the Python module opencc is missing (pip install opencc-python-reimplemented)" >&2
  exit 0
fi
WORK=$(mktemp -d /tmp/score-traditional.XXXXXX)
mkdir -p "$WORK/pages"
python3 - "$REAL/pages" "$WORK/pages" <<'PY'
import os, sys
from opencc import OpenCC
cc = OpenCC("s2t")
src, out = sys.argv[1], sys.argv[2]
for name in os.listdir(src):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(cc.convert(text))
PY
cat >"$WORK/fold.sh" <<SH
#!/usr/bin/env bash
"$BIN" "\$@" | python3 -c "import sys; from opencc import OpenCC; sys.stdout.write(OpenCC('t2s').convert(sys.stdin.read()))"
SH
chmod +x "$WORK/fold.sh"
printf '%-22s ' "as printed, folded"
python3 "$REAL/score.py" "$WORK/fold.sh" "$REAL/labels.json" "$REAL/pages" --quiet | tail -1
printf '%-22s ' "traditional, folded"
python3 "$REAL/score.py" "$WORK/fold.sh" "$REAL/labels.json" "$WORK/pages" --quiet | tail -1
rm -rf "$WORK"
