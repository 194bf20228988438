#!/usr/bin/env python3
"""LibreOffice's layout of a workbook as a reference grid for the sheet tests.

    soffice --headless --convert-to html --outdir OUT BOOK.xlsx
    tools/sheets-lo-grid.py OUT/BOOK.html > Tests/Fixtures/sheets/BOOK.grid.json

LibreOffice Calc's HTML export writes one <table> per sheet (after an <h1>Sheet N: <em>NAME</em>),
from cell A1, with rowspan/colspan for merged ranges. This script places every <td> at its
0-based (row, column) in the sheet, skipping slots covered by spans from above, and keeps the
cells that hold text or span more than one slot: [row, column, rowSpan, columnSpan, text], text
with <br> as "\\n" and surrounding white space trimmed. No third-party modules.
"""
import html.parser
import json
import sys


class Grid(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sheets = []
        self.in_h1 = False
        self.in_em = False
        self.name = None
        self.row = -1
        self.occupied = set()
        self.cell = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "h1":
            self.in_h1 = True
        elif tag == "em" and self.in_h1:
            self.in_em = True
            self.name = ""
        elif tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.sheets.append({"name": self.name or "", "cells": []})
                self.row = -1
                self.occupied = set()
        elif tag == "tr" and self.depth == 1:
            self.row += 1
            self.column = 0
        elif tag in ("td", "th") and self.depth == 1:
            while (self.row, self.column) in self.occupied:
                self.column += 1
            rs = int(a.get("rowspan") or 1)
            cs = int(a.get("colspan") or 1)
            for r in range(self.row, self.row + rs):
                for c in range(self.column, self.column + cs):
                    self.occupied.add((r, c))
            self.cell = [self.row, self.column, rs, cs, ""]
            self.column += cs
        elif tag == "br" and self.cell is not None:
            self.cell[4] += "\n"

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False
        elif tag == "em":
            self.in_em = False
        elif tag == "table":
            self.depth -= 1
        elif tag in ("td", "th") and self.cell is not None and self.depth == 1:
            text = self.cell[4].strip()
            self.cell[4] = text
            if text or self.cell[2] > 1 or self.cell[3] > 1:
                self.sheets[-1]["cells"].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.in_em and self.name is not None:
            self.name += data
        elif self.cell is not None:
            self.cell[4] += data


def main():
    grid = Grid()
    with open(sys.argv[1], encoding="utf-8") as f:
        grid.feed(f.read())
    out = {"generator": "tools/sheets-lo-grid.py on LibreOffice Calc's HTML export",
           "sheets": grid.sheets}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=0, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
