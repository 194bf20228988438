#!/usr/bin/env python3
"""Generates a folder of small form files for tools/bench-batch.sh.

Each file is one of the seed exports (corpus/seeds/*.txt) with its numbers perturbed and a
unique line appended, so that every file has its own content and hash. One file in five is
written as GB18030, the rest as UTF-8. Files go into 100 files per sub-folder.

Usage: bench-batch-generate.py SEEDS_DIR OUT_DIR COUNT
"""
import pathlib
import random
import re
import sys


def main() -> None:
    seeds_dir, out_dir, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    seeds = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    if not seeds:
        sys.exit(f"no seeds in {seeds_dir}")
    marker = out_dir / ".generated"
    if marker.exists() and marker.read_text() == f"{count}\n":
        print(f"{out_dir}: {count} files already generated")
        return
    rng = random.Random(20240607)
    number = re.compile(r"\d+(?:\.\d+)?")
    for i in range(count):
        text = seeds[i % len(seeds)]

        def perturb(match: re.Match) -> str:
            if rng.random() < 0.3:
                value = float(match.group()) * rng.uniform(0.5, 1.5)
                return f"{value:.2f}" if "." in match.group() else str(int(value))
            return match.group()

        text = number.sub(perturb, text) + f"\n备注\t生成编号 {i}\n"
        folder = out_dir / f"{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        encoding = "gb18030" if i % 5 == 4 else "utf-8"
        (folder / f"form-{i:05d}.txt").write_bytes(text.encode(encoding))
    marker.write_text(f"{count}\n")
    print(f"{out_dir}: {count} files generated")


if __name__ == "__main__":
    main()
