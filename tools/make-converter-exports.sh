#!/usr/bin/env bash
# Flattens the DOCX seed forms (corpus/docx/seed-*.docx) with real converters and writes the
# exports to corpus/exports/<converter>/<form>.txt, so that every text dialect has a ground
# truth (the DOCX grid) to be scored against.
#
# Needs: libreoffice-writer (soffice), pandoc (Debian: 2.x), poppler-utils (pdftotext), the text
# browsers w3m, lynx and elinks, and from PyPI: pypandoc_binary (pandoc 3.x), docx2txt, mammoth,
# docx2python, python-docx, html2text.
#   apt-get install -y libreoffice-writer-nogui pandoc poppler-utils w3m lynx elinks
#   pip install pypandoc_binary docx2txt mammoth docx2python python-docx html2text
# Re-run after changing a fixture, then `swift run tablemend check corpus --bless --add-missing`
# and read the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
out=corpus/exports
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pandoc3=$(python3 -c 'import pypandoc; print(pypandoc.get_pandoc_path())')

for docx in corpus/docx/seed-000-department.docx corpus/docx/seed-002-project.docx; do
  name=$(basename "$docx" .docx)
  mkdir -p "$out"/{libreoffice-txt,pandoc2-plain,pandoc3-plain,docx2txt,mammoth,docx2python,python-docx-tsv,pdftotext-layout,pdftotext-raw,pandoc-html,pandoc-gfm,mammoth-html,pdftotext-layout-html,grid-csv}
  cp "$docx" "$work/$name.docx"
  (cd "$work" && soffice --headless --convert-to "txt:Text (encoded):UTF8" "$name.docx" >/dev/null 2>&1)
  cp "$work/$name.txt" "$out/libreoffice-txt/$name.txt"
  (cd "$work" && soffice --headless --convert-to pdf "$name.docx" >/dev/null 2>&1)
  pdftotext -layout "$work/$name.pdf" "$out/pdftotext-layout/$name.txt"
  pdftotext -raw "$work/$name.pdf" "$out/pdftotext-raw/$name.txt"
  # pandoc 2 replaces a table wider than --columns with [TABLE]; 200 columns lets it draw it.
  pandoc -f docx -t plain --columns=200 "$docx" -o "$out/pandoc2-plain/$name.txt"
  "$pandoc3" -f docx -t plain "$docx" -o "$out/pandoc3-plain/$name.txt"
  # HTML tables: pandoc's HTML, and GitHub Markdown (merged tables stay raw HTML there).
  pandoc -f docx -t html "$docx" -o "$out/pandoc-html/$name.html"
  # Another PDF producer: LibreOffice's web writer printing pandoc's standalone HTML (cells
  # centred vertically, header words spread over lines), then pdftotext -layout.
  pandoc -f docx -t html -s --metadata title=x "$docx" -o "$work/$name.html"
  (cd "$work" && soffice --headless --convert-to pdf:writer_web_pdf_Export "$name.html" >/dev/null 2>&1)
  pdftotext -layout "$work/$name.pdf" "$out/pdftotext-layout-html/$name.txt"
  pandoc -f docx -t gfm --columns=200 "$docx" -o "$out/pandoc-gfm/$name.md"
  python3 - "$docx" "$out" "$name" <<'PY'
import sys
import docx, docx2txt, mammoth
from docx2python import docx2python
src, out, name = sys.argv[1:]
open(f"{out}/docx2txt/{name}.txt", "w").write(docx2txt.process(src))
open(f"{out}/mammoth/{name}.txt", "w").write(mammoth.extract_raw_text(open(src, "rb")).value)
open(f"{out}/mammoth-html/{name}.html", "w").write(mammoth.convert_to_html(open(src, "rb")).value)
open(f"{out}/docx2python/{name}.txt", "w").write(docx2python(src).text)
rows = []
for table in docx.Document(src).tables:
    for row in table.rows:
        rows.append("\t".join(cell.text for cell in row.cells))
    rows.append("")
open(f"{out}/python-docx-tsv/{name}.txt", "w").write("\n".join(rows))
PY
  # CSV as a spreadsheet writes a merged table (text in a merge's first slot, the others empty;
  # RFC 4180 quoting), from the DOCX grid. Needs a built tablemend.
  swift run -c debug tablemend convert "$docx" | python3 -c '
import csv, json, sys
doc = json.load(sys.stdin)
w = csv.writer(open(sys.argv[1], "w", newline="", encoding="utf-8"))
for t in doc["tables"]:
    grid = [["" for _ in range(t["columnCount"])] for _ in range(t["rowCount"])]
    for c in t["cells"]:
        grid[c["row"]][c["column"]] = c["text"]
    w.writerows(grid)
' "$out/grid-csv/$name.csv"
done
ls -R "$out" | head -40

# The same forms printed on other pages and in other font sizes (tools/docx-variant.py), through
# LibreOffice's PDF and pdftotext -layout: other character grids, wraps and page breaks.
for docx in corpus/docx/seed-000-department.docx corpus/docx/seed-002-project.docx; do
  name=$(basename "$docx" .docx)
  for variant in landscape a3 narrow-margins font8 font14; do
    mkdir -p "$work/$variant" "$out/pdftotext-layout-$variant"
    python3 tools/docx-variant.py "$docx" "$work/$variant/$name.docx" "$variant"
    (cd "$work/$variant" && soffice --headless --convert-to pdf "$name.docx" >/dev/null 2>&1)
    pdftotext -layout "$work/$variant/$name.pdf" "$out/pdftotext-layout-$variant/$name.txt"
  done
done

# Text browsers' dumps of pandoc's HTML of the forms (a saved page read as text), html2text's
# Markdown, and pandoc 3's other markup writers: dialects met in the wild that none of the
# converters above writes.
for docx in corpus/docx/seed-000-department.docx corpus/docx/seed-002-project.docx; do
  name=$(basename "$docx" .docx)
  html=$out/pandoc-html/$name.html
  mkdir -p "$out"/{w3m,lynx,elinks,html2text,pandoc-asciidoc,pandoc-mediawiki,pandoc-latex,pandoc-org,pandoc-jira,pandoc-dokuwiki,pandoc-rst}
  w3m -dump -cols 200 -T text/html "$html" >"$out/w3m/$name.txt"
  # The same page with table borders (as most government pages draw them): w3m draws them
  # with box-drawing characters.
  mkdir -p "$out/w3m-border"
  sed 's/<table>/<table border="1">/g; s/<table /<table border="1" /g' "$html" >"$work/$name.border.html"
  w3m -dump -cols 200 -T text/html "$work/$name.border.html" >"$out/w3m-border/$name.txt"
  lynx -dump -width=200 -display_charset=utf-8 "$html" >"$out/lynx/$name.txt"
  elinks -dump -dump-width 200 -dump-charset utf-8 "$html" >"$out/elinks/$name.txt"
  html2text --body-width=0 "$html" >"$out/html2text/$name.txt"
  for writer in asciidoc mediawiki latex org jira dokuwiki rst; do
    "$pandoc3" -f docx -t "$writer" "$docx" -o "$out/pandoc-$writer/$name.txt"
  done
done

# The forms flattened the ways web pages flatten HTML tables (tools/flatten-like-pages.py), from
# the DOCX grid: stand-ins for pages of forms this repository never saw.
bin=$(swift build -c release --show-bin-path)/tablemend
"$bin" convert corpus/docx/seed-000-department.docx >"$work/seed-000-department.json"
"$bin" convert corpus/docx/seed-002-project.docx >"$work/seed-002-project.json"
python3 tools/flatten-like-pages.py "$work/seed-000-department.json" "$out" 部门整体绩效目标申报表 "填报日期: 2022年11月25日" "单位: 万元"
python3 tools/flatten-like-pages.py "$work/seed-002-project.json" "$out"
