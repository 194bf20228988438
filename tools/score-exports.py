#!/usr/bin/env python3
"""Scores every converter export in corpus/exports against the seeds' own text exports:
for each export, how many of the reference indicators (period, 一级, 二级, 三级, value kind,
operator, number, unit) it gives back.

    swift build && python3 tools/score-exports.py [path/to/tablemend]
"""
import json
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
tool = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build/debug/tablemend")
reference = {
    "seed-002-project": root / "corpus/seeds/002_2504e2a5ee8feded.txt",
    "seed-000-department": root / "corpus/seeds/000_8ec80c4d32cadcc0.txt",
}


def convert(path):
    out = subprocess.run([tool, "convert", str(path)], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return json.loads(out.stdout)


def keys(document):
    forms = document["forms"] if document else []
    if not forms:
        return []
    v = lambda i: i["value"]
    return [(i["period"], i["level1"], i["level2"], i["level3"], v(i)["kind"], v(i).get("op"),
             v(i).get("value"), v(i).get("unit")) for i in forms[0]["indicators"]]


expected = {name: keys(convert(path)) for name, path in reference.items()}
print("| converter | form | dialect | indicators right / expected | extra |")
print("|---|---|---|---|---|")
for folder in sorted((root / "corpus/exports").iterdir()):
    for export in sorted(p for p in folder.iterdir() if p.suffix != ".json"):
        name = export.stem
        document = convert(export)
        got = keys(document)
        want = expected[name]
        right = sum(1 for k in set(got) if k in set(want))
        extra = len(set(got) - set(want))
        dialect = document["source"]["dialect"] if document else "error"
        print(f"| {folder.name} | {name} | {dialect} | {right} / {len(set(want))} | {extra} |")
