#!/usr/bin/env python3
"""Flattens a form's DOCX grid the ways web pages flatten HTML tables (../shared/real/pages/):
a stand-in for pages of forms this repository never saw, scored against the DOCX's own form.

    tablemend convert corpus/docx/FORM.docx > FORM.json
    python3 tools/flatten-like-pages.py FORM.json OUT_DIR [TITLE_LINE ...]

Writes OUT_DIR/web-<style>/FORM.txt for five styles seen in real pages: `pipe-rows` (a row per
line, ` | ` between cells), `cell-lines` (a cell per line ending in ` |`, a `|||` line after
each row), `space-rows` (a row per line, cells one space apart, empty cells dropped),
`blank-cells` (a cell per line, blank lines between), `run-together` (each table's text with
no separator at all). Like an HTML table, a merged cell is written once, in the row where it
starts; a cell's paragraphs are joined without a break. TITLE_LINEs (a title printed above the
table) lead each file.
"""
import json
import os
import sys


def rows_of(table):
    rows = {}
    for cell in table["cells"]:
        rows.setdefault(cell["row"], []).append(cell)
    return [sorted(rows[r], key=lambda c: c["column"]) for r in sorted(rows)]


def text(cell):
    return "".join(p.strip() for p in cell.get("paragraphs", [cell.get("text", "")]) if p.strip())


def main():
    source, out_dir, titles = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(source, encoding="utf-8") as f:
        document = json.loads(f.read().splitlines()[0])
    name = os.path.basename(source).split(".")[0]
    styles = {s: list(titles) for s in ("pipe-rows", "cell-lines", "space-rows", "blank-cells", "run-together")}
    for s in ("blank-cells",):
        styles[s] = [line for t in titles for line in (t, "")]
    for table in document["tables"]:
        run = []
        for row in rows_of(table):
            texts = [text(c) for c in row]
            styles["pipe-rows"].append("| " + " | ".join(texts) + " |")
            styles["cell-lines"] += [t + " |" for t in texts] + ["|" * len(texts)]
            styles["space-rows"].append(" ".join(t for t in texts if t))
            styles["blank-cells"] += [line for t in texts if t for line in (t, "")]
            run.append("".join(texts))
        styles["run-together"].append("".join(run))
    for style, lines in styles.items():
        folder = os.path.join(out_dir, "web-" + style)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
