#!/usr/bin/env python3
"""Scores one grid against another: cell boxes and cell text, as precision / recall / F1.

    python3 tools/grid-score.py TRUTH.json CANDIDATE.json [--verbose]

Each file is a tablemend Document (`tablemend convert` output), a {"tables": [...]} object
(tools/docx-lo-grid.py) or a bare list of tables; JSON Lines take the first line. Tables are
paired in order (t1 with t1, ...). A cell's box is (table, row, column, rowSpan, columnSpan);
"box" F1 counts boxes found in both; "box+text" also needs the same text (whitespace runs
folded to one space and trimmed). "text" compares the cell texts alone (whitespace removed,
as a multiset per table): the cell boundaries an export keeps, wherever it puts them.
"shifted box+text" is box+text after moving each table by the row offset that matches most
(text exports leave a table's title rows outside it). The "no spaces" variants compare the
texts with all whitespace removed (a space next to a number, or a line break inside a cell, is
not content in Chinese text, and a flattened export cannot tell a wrap from a break). Exit
status 0 when box+text F1 is 1.0, else 1.
"""
import json
import re
from collections import Counter
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read().strip()
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError:
        doc = json.loads(raw.splitlines()[0])
    return doc if isinstance(doc, list) else doc["tables"]


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def squeeze(text):
    """The text without any whitespace: Chinese has no spaces of its own, and a line break
    inside a cell (`一级` / `指标`) is the same wrap a flattened export joins."""
    return re.sub(r"\s+", "", text)


def cells(tables, fold=norm):
    boxes, texts = set(), set()
    for i, table in enumerate(tables):
        for c in table["cells"]:
            box = (i, c["row"], c["column"], c["rowSpan"], c["columnSpan"])
            boxes.add(box)
            texts.add(box + (fold(c.get("text", "")),))
    return boxes, texts


def texts(tables):
    """Cell texts without whitespace, as a multiset per table: the cell boundaries a flattened
    export keeps, whatever rows and columns it puts them in."""
    out = Counter()
    for i, table in enumerate(tables):
        for c in table["cells"]:
            t = re.sub(r"\s+", "", c.get("text", ""))
            if t:
                out[(i, t)] += 1
    return out


def shifted(truth, found, fold=norm):
    """box+text after moving each found table by the row offset (-6..6) that matches most:
    text exports keep a table's title rows outside it, which shifts every row."""
    best_total = []
    for i, table in enumerate(found):
        if i >= len(truth):
            break
        want = {(c["row"], c["column"], c["rowSpan"], c["columnSpan"], fold(c.get("text", "")))
                for c in truth[i]["cells"]}
        best = 0
        for dy in range(-6, 7):
            got = {(c["row"] + dy, c["column"], c["rowSpan"], c["columnSpan"], fold(c.get("text", "")))
                   for c in table["cells"]}
            best = max(best, len(want & got))
        best_total.append(best)
    hit = sum(best_total)
    nt = sum(len(t["cells"]) for t in truth)
    nf = sum(len(t["cells"]) for t in found)
    p = hit / nf if nf else 0.0
    r = hit / nt if nt else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def f1(truth, found):
    hit = len(truth & found)
    p = hit / len(found) if found else (1.0 if not truth else 0.0)
    r = hit / len(truth) if truth else (1.0 if not found else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    truth, found = load(args[0]), load(args[1])
    tb, tt = cells(truth)
    fb, ft = cells(found)
    result = {"tables": [len(truth), len(found)]}
    for name, a, b in (("box", tb, fb), ("box+text", tt, ft)):
        p, r, f = f1(a, b)
        result[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    a, b = texts(truth), texts(found)
    hit = sum((a & b).values())
    p = hit / sum(b.values()) if b else 0.0
    r = hit / sum(a.values()) if a else 0.0
    result["text"] = {"precision": round(p, 4), "recall": round(r, 4),
                      "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}
    p, r, f = shifted(truth, found)
    result["shifted box+text"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    _, squeezed_truth = cells(truth, squeeze)
    _, squeezed_found = cells(found, squeeze)
    p, r, f = f1(squeezed_truth, squeezed_found)
    result["box+text, no spaces"] = {"precision": round(p, 4), "recall": round(r, 4),
                                     "f1": round(f, 4)}
    p, r, f = shifted(truth, found, squeeze)
    result["shifted box+text, no spaces"] = {"precision": round(p, 4), "recall": round(r, 4),
                                             "f1": round(f, 4)}
    print(json.dumps(result, ensure_ascii=False))
    if verbose:
        for x in sorted(tt - ft):
            print("missing ", x)
        for x in sorted(ft - tt):
            print("extra   ", x)
    sys.exit(0 if result["box+text"]["f1"] == 1.0 and len(truth) == len(found) else 1)


if __name__ == "__main__":
    main()
