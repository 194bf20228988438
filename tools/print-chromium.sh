#!/bin/sh
# Prints DOCX fixtures to PDF through a second producer: LibreOffice's HTML export, printed by
# headless Chromium (the producer a browser user gets: "Save as web page", then "Print").
#
#     tools/print-chromium.sh [OUTDIR] [NAME.docx ...]
#
# OUTDIR defaults to corpus/pdf/chromium; with no names, every fixture listed below. Needs
# `soffice` (Debian libreoffice-writer-nogui) and `chromium`; both run with private profiles
# in a temporary directory. The HTML export's images (if any) stay beside it while printing.
set -eu
cd "$(dirname "$0")/.."
out=${1:-corpus/pdf/chromium}
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then
  set -- corpus/docx/seed-000-department.docx corpus/docx/seed-002-project.docx \
    corpus/docx/adjacent.docx corpus/docx/hmerge.docx corpus/docx/sdt.docx corpus/docx/nested.docx
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for docx in "$@"; do
  name=$(basename "$docx" .docx)
  soffice -env:UserInstallation="file://$work/lo-profile" --headless \
    --convert-to html --outdir "$work/html" "$docx" >/dev/null 2>&1
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/chromium-profile" \
    --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" \
    "file://$work/html/$name.html" >/dev/null 2>&1
  echo "$out/$name.pdf"
done
