#!/usr/bin/env python3
"""Writes a variant of a DOCX form with another page or font, so that the same table is
printed (by LibreOffice, then pdftotext) on another character grid: wider or narrower
columns, cells wrapped over more or fewer lines, page breaks at other rows.

    python3 tools/docx-variant.py IN.docx OUT.docx VARIANT

VARIANT: landscape (A4 across), a3 (A3 upright), narrow-margins (8 mm left and right),
font8 / font14 (every run of the document at 8 or 14 pt). Needs python-docx (PyPI).
"""
import sys

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt


def runs(document):
    for paragraph in document.paragraphs:
        yield from paragraph.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    yield from paragraph.runs


def main():
    source, target, variant = sys.argv[1:4]
    document = docx.Document(source)
    for section in document.sections:
        if variant == "landscape":
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        elif variant == "a3":
            section.page_width, section.page_height = Mm(297), Mm(420)
        elif variant == "narrow-margins":
            section.left_margin = section.right_margin = Mm(8)
    if variant.startswith("font"):
        size = Pt(int(variant[len("font"):]))
        for run in runs(document):
            run.font.size = size
    elif variant not in ("landscape", "a3", "narrow-margins"):
        sys.exit(f"unknown variant {variant!r}")
    document.save(target)


if __name__ == "__main__":
    main()
