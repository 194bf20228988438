#!/usr/bin/env python3
"""The seed forms' DOCX grids written as workbooks, for the sheet tests (issue 13).

    tools/sheets-seed-fixtures.py            # writes corpus/sheets/seed-*.{xlsx,xls,et,xml}

For each seed DOCX in corpus/docx, the body's paragraphs and tables (grids with spans, as
`tablemend convert` reads them) are written to one sheet with openpyxl (PyPI): each paragraph in
its own row followed by a blank row, each table as cells with merged ranges. LibreOffice
(`soffice`, libreoffice-calc) then converts that .xlsx to BIFF8 .xls (also copied as .et, the
name WPS gives the same format) and to its own .xlsx (`seed-*.lo.xlsx`). The Excel 2003 XML is written here from the same rows
(LibreOffice 7.4's export filter stops in its XSLT on a sheet's 1,024 repeated columns):
ss:Index where cells are skipped, ss:MergeAcross / ss:MergeDown for spans. Needs the built
binary (.build/debug/tablemend), openpyxl and soffice.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = ["seed-000-department", "seed-002-project"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def body(docx):
    """('p', text) and ('t', index) in body order."""
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    items, tables = [], 0
    for child in root.find(W + "body"):
        if child.tag == W + "p":
            text = "".join(t.text or "" for t in child.iter(W + "t")).strip()
            if text:
                items.append(("p", text))
        elif child.tag == W + "tbl":
            items.append(("t", tables))
            tables += 1
    return items


def spreadsheet_ml(sheet):
    """The sheet as Excel 2003 XML: each merge's top-left cell carries its span, covered cells
    are left out and the next written cell says where it is with ss:Index."""
    from xml.sax.saxutils import escape
    spans = {}
    covered = set()
    for rng in sheet.merged_cells.ranges:
        spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row, rng.max_col - rng.min_col)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered.add((r, c))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<?mso-application progid="Excel.Sheet"?>',
             '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
             'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
             ' <Worksheet ss:Name="%s">' % escape(sheet.title), '  <Table>']
    last_row = 0
    for r in range(1, sheet.max_row + 1):
        cells = []
        last_col = 0
        for c in range(1, sheet.max_column + 1):
            value = sheet.cell(row=r, column=c).value
            if (r, c) in covered or (value is None and (r, c) not in spans):
                continue
            attrs = "" if c == last_col + 1 else ' ss:Index="%d"' % c
            down, across = spans.get((r, c), (0, 0))
            if across:
                attrs += ' ss:MergeAcross="%d"' % across
            if down:
                attrs += ' ss:MergeDown="%d"' % down
            data = "" if value is None else \
                '<Data ss:Type="String">%s</Data>' % escape(str(value)).replace("\n", "&#10;")
            cells.append('    <Cell%s>%s</Cell>' % (attrs, data))
            last_col = c + across
        if not cells:
            continue
        index = "" if r == last_row + 1 else ' ss:Index="%d"' % r
        lines.append('   <Row%s>' % index)
        lines += cells
        lines.append('   </Row>')
        last_row = r
    lines += ['  </Table>', ' </Worksheet>', '</Workbook>', '']
    return "\n".join(lines)


def main():
    binary = os.path.join(ROOT, ".build/debug/tablemend")
    out = os.path.join(ROOT, "corpus/sheets")
    os.makedirs(out, exist_ok=True)
    for seed in SEEDS:
        docx = os.path.join(ROOT, "corpus/docx", seed + ".docx")
        doc = json.loads(subprocess.run([binary, "convert", docx], check=True,
                                        capture_output=True, text=True).stdout)
        top_level = [t for t in doc["tables"]
                     if not any(t["id"] in (c.get("tables") or []) for u in doc["tables"] for c in u["cells"])]
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "表1"
        row = 1
        for kind, value in body(docx):
            if kind == "p":
                sheet.cell(row=row, column=1, value=value)
                row += 2
                continue
            if value >= len(top_level):
                continue
            table = top_level[value]
            for cell in table["cells"]:
                r, c = row + cell["row"], 1 + cell["column"]
                if cell["text"]:
                    sheet.cell(row=r, column=c, value=cell["text"])
                if cell["rowSpan"] > 1 or cell["columnSpan"] > 1:
                    sheet.merge_cells(start_row=r, start_column=c,
                                      end_row=r + cell["rowSpan"] - 1,
                                      end_column=c + cell["columnSpan"] - 1)
            row += table["rowCount"] + 1
        xlsx = os.path.join(out, seed + ".xlsx")
        book.save(xlsx)
        with open(os.path.join(out, seed + ".xml"), "w", encoding="utf-8") as f:
            f.write(spreadsheet_ml(sheet))
        with tempfile.TemporaryDirectory() as tmp:
            for target, name in [("xls:MS Excel 97", seed + ".xls"),
                                 ("xlsx:Calc MS Excel 2007 XML", seed + ".lo.xlsx")]:
                subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir", tmp, xlsx],
                               check=True, capture_output=True)
                produced = os.path.join(tmp, seed + "." + target.split(":")[0])
                shutil.copy(produced, os.path.join(out, name))
        shutil.copy(os.path.join(out, seed + ".xls"), os.path.join(out, seed + ".et"))
        print("wrote", seed, file=sys.stderr)


if __name__ == "__main__":
    main()
