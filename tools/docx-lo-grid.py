#!/usr/bin/env python3
"""LibreOffice's grid of a .docx, as tablemend-style JSON tables.

    python3 tools/docx-lo-grid.py FILE.docx [...]   # prints {"tables": [...]} per file (JSON Lines)
    python3 tools/docx-lo-grid.py -o OUT.json FILE.docx

Converts with `soffice --headless --convert-to odt` (Debian: apt-get install
libreoffice-writer-nogui) in a private profile, then reads content.xml: every table:table in
document order (nested ones too, ids t1, t2, ...), rows including header rows and row groups,
table:table-cell with its spans, table:covered-table-cell as covered slots. Cell text: the
cell's own paragraphs (text:p / text:h, list items' paragraphs) joined with a newline; text:tab
is a tab, text:line-break a newline, text:s spaces; nested tables, notes, frames and tracked
deletions are not text.
"""
import json
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"


def q(ns, name):
    return f"{{{ns}}}{name}"


SKIP = {q(TEXT, "note"), q(TEXT, "tracked-changes"), q(OFFICE, "annotation"), q(DRAW, "frame"),
        q(TABLE, "table"), q(TEXT, "bookmark-ref") + "-never"}


def inline_text(el):
    out = [el.text or ""]
    for child in el:
        if child.tag in SKIP:
            pass
        elif child.tag == q(TEXT, "tab"):
            out.append("\t")
        elif child.tag == q(TEXT, "line-break"):
            out.append("\n")
        elif child.tag == q(TEXT, "s"):
            out.append(" " * int(child.get(q(TEXT, "c"), "1")))
        else:
            out.append(inline_text(child))
        out.append(child.tail or "")
    return "".join(out)


def cell_paragraphs(cell):
    paras = []
    for child in cell:
        if child.tag in (q(TEXT, "p"), q(TEXT, "h")):
            paras.append(inline_text(child))
        elif child.tag == q(TEXT, "list"):
            for p in child.iter():
                if p.tag in (q(TEXT, "p"), q(TEXT, "h")):
                    paras.append(inline_text(p))
        elif child.tag == q(TEXT, "section"):
            paras.extend(cell_paragraphs(child))
    return paras


def rows_of(table):
    for child in table:
        if child.tag == q(TABLE, "table-row"):
            for _ in range(int(child.get(q(TABLE, "number-rows-repeated"), "1"))):
                yield child
        elif child.tag in (q(TABLE, "table-header-rows"), q(TABLE, "table-rows"), q(TABLE, "table-row-group")):
            yield from rows_of(child)


def columns_of(table):
    n = 0
    for child in table:
        if child.tag == q(TABLE, "table-column"):
            n += int(child.get(q(TABLE, "number-columns-repeated"), "1"))
        elif child.tag in (q(TABLE, "table-columns"), q(TABLE, "table-header-columns"), q(TABLE, "table-column-group")):
            n += columns_of(child)
    return n


def grid(table, ids, out):
    tid = ids[table]
    cells = []
    rows = list(rows_of(table))
    width = columns_of(table)
    for r, row in enumerate(rows):
        c = 0
        for child in row:
            repeat = int(child.get(q(TABLE, "number-columns-repeated"), "1"))
            if child.tag == q(TABLE, "covered-table-cell"):
                c += repeat
            elif child.tag == q(TABLE, "table-cell"):
                for _ in range(repeat):
                    paras = cell_paragraphs(child)
                    nested = [ids[t] for t in child.iter(q(TABLE, "table")) if t is not child]
                    direct = [ids[t] for t in child if t.tag == q(TABLE, "table")]
                    cell = {"row": r, "column": c,
                            "rowSpan": int(child.get(q(TABLE, "number-rows-spanned"), "1")),
                            "columnSpan": int(child.get(q(TABLE, "number-columns-spanned"), "1")),
                            "paragraphs": paras, "text": "\n".join(paras)}
                    if direct:
                        cell["tables"] = direct
                    cells.append(cell)
                    c += 1
        width = max(width, c)
    out.append({"id": tid, "rowCount": len(rows), "columnCount": width, "cells": cells})


def lo_tables(odt_path):
    with zipfile.ZipFile(odt_path) as z:
        root = ET.fromstring(z.read("content.xml"))
    body = root.find(q(OFFICE, "body"))
    all_tables = [t for t in body.iter(q(TABLE, "table"))]
    ids = {t: f"t{i + 1}" for i, t in enumerate(all_tables)}
    out = []
    for t in all_tables:
        grid(t, ids, out)
    return out


def convert(paths):
    tmp = tempfile.mkdtemp(prefix="lo-grid-")
    profile = "file://" + os.path.join(tmp, "profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
                    "--outdir", tmp, *paths], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = []
    for p in paths:
        odt = os.path.join(tmp, os.path.splitext(os.path.basename(p))[0] + ".odt")
        result.append({"path": p, "tables": lo_tables(odt)})
    return result


def main():
    args = sys.argv[1:]
    out = None
    if args[:1] == ["-o"]:
        out, args = args[1], args[2:]
    docs = convert(args)
    text = "".join(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n" for d in docs)
    if out:
        with open(out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
