#!/usr/bin/env python3
"""Writes libFuzzer seed folders for the five fuzz targets from the project's corpus.

usage: tools/fuzz-seeds.py OUT_DIR

OUT_DIR/text    text exports: corpus/seeds/*.txt, corpus/exports/*/*.txt|.csv,
                ../shared/real/pages/* when present,
                and GB18030 / UTF-16LE re-encodings of the seeds
OUT_DIR/docx    corpus/docx/**/*.docx|.zip|.xml, plus each archive's word/document.xml
                as bare WordprocessingML (so the fuzzer reaches the XML reader directly),
                and the HTML / Markdown exports (corpus/exports/**/*.html|.md)
OUT_DIR/sheets  the workbooks of corpus/sheets (.xlsx, .xls, .et, Excel 2003 XML), each
                .xlsx worksheet part bare (for the worksheet scanner beside libxml2; the
                first 4 KiB of a larger one, closed) and a few hand-made worksheet parts
OUT_DIR/pdf     mutool stext and trace XML (stext, a NUL byte, trace), hand-made and, when
                mutool is installed, of the hostile corpus's PDFs and the first page of
                ../shared/real/pdf/*.pdf (up to 64 KiB)
OUT_DIR/forms   every golden's tables in the FuzzForms encoding (see FuzzForms.swift)
OUT_DIR/values  every distinct short cell text of the goldens, one file each
"""
import hashlib
import json
import pathlib
import shutil
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real" / "pages"


def put(folder: pathlib.Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


STEXT = b"""<?xml version="1.0"?>
<document name="x.pdf">
<page id="page1" width="300" height="200">
<block bbox="30 30 200 70"><line bbox="30 30 200 42" wmode="0" dir="1 0">
<font name="SimSun" size="10">
<char quad="30 30 40 30 30 40 40 40" x="30" y="39" color="#000000" c="&#x4e00;"/>
<char quad="160 30 170 30 160 40 170 40" x="160" y="39" color="#000000" c="&#x7ea7;"/>
<char quad="30 60 40 60 30 70 40 70" x="30" y="69" color="#000000" c="&#xfffd;"/>
<char quad="160 60 166 60 160 70 166 70" x="160" y="69" color="#000000" c="1"/>
</font></line></block>
</page>
</document>
"""

TRACE = b"""<?xml version="1.0"?>
<document name="x.pdf">
<page mediabox="0 0 300 200">
<fill_path winding="eofill" colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 1 0 0">
<moveto x="20" y="20"/><lineto x="280" y="20"/><lineto x="280" y="20.72"/>
<lineto x="20" y="20.72"/><closepath/>
</fill_path>
<stroke_path linewidth=".7" colorspace="DeviceGray" color="0" transform="1 0 0 -1 0 200">
<moveto x="20" y="180"/><lineto x="280" y="180"/><lineto x="280" y="120"/>
<lineto x="20" y="120"/><closepath/>
<moveto x="150" y="180"/><lineto x="150" y="120"/>
<moveto x="20" y="150"/><lineto x="280" y="150"/>
</stroke_path>
<fill_image alpha="1" transform="1 0 0 1 0 0"/>
</page>
</document>
"""


def pdf_seeds():
    """stext NUL trace pairs: hand-made, then mutool's of small PDFs when it is installed."""
    yield STEXT + b"\0" + TRACE
    mutool = shutil.which("mutool")
    if not mutool:
        return
    pdfs = sorted(ROOT.glob("corpus/hostile/*.pdf")) + sorted(
        (ROOT.parent / "shared" / "real" / "pdf").glob("*.pdf"))
    for path in pdfs:
        out = []
        for fmt in ("stext", "trace"):
            run = subprocess.run(
                [mutool, "draw", "-q", "-F", fmt, "-o", "-", str(path), "1"],
                capture_output=True, timeout=30)
            out.append(run.stdout)
        data = out[0] + b"\0" + out[1]
        if 0 < len(data) <= 64 << 10:
            yield data


def goldens():
    for path in sorted(ROOT.glob("corpus/**/*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(doc, dict) and isinstance(doc.get("tables"), list):
            yield doc


def encode_table(table: dict) -> str:
    """Rows of tab-separated cells; `{R,C}` marks spans; cells covered by a span are left out
    (the FuzzForms layout skips the slots they take)."""
    rows: dict[int, list] = {}
    for cell in table.get("cells", []):
        rows.setdefault(cell["row"], []).append(cell)
    lines = []
    for r in range(table.get("rowCount", 0)):
        parts = []
        for cell in sorted(rows.get(r, []), key=lambda c: c["column"]):
            text = "\\n".join(p.replace("\t", " ").replace("\n", " ") for p in cell.get("paragraphs", [cell.get("text", "")]))
            rs, cs = cell.get("rowSpan", 1), cell.get("columnSpan", 1)
            prefix = f"{{{rs},{cs}}}" if (rs, cs) != (1, 1) else ""
            parts.append(prefix + text)
        lines.append("\t".join(parts) if parts else " ")
    return "\n".join(lines)


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    texts = list(ROOT.glob("corpus/seeds/*.txt"))
    # Every converter's text export (layout text, text browsers, web-style flattenings …).
    texts += sorted(p for p in ROOT.glob("corpus/exports/*/*") if p.suffix in (".txt", ".csv"))
    if REAL.is_dir():
        texts += sorted(REAL.iterdir())
    for path in texts:
        data = path.read_bytes()
        put(out / "text", data)
        if path.parent.name == "seeds":
            text = data.decode("utf-8", errors="replace")
            put(out / "text", text.encode("gb18030", errors="replace"))
            put(out / "text", b"\xff\xfe" + text.encode("utf-16-le"))
    for path in sorted(ROOT.glob("corpus/docx/**/*")):
        if path.suffix not in (".docx", ".zip", ".xml"):
            continue
        data = path.read_bytes()
        if len(data) > 1 << 20:
            continue
        put(out / "docx", data)
        if path.suffix == ".docx":
            try:
                with zipfile.ZipFile(path) as z:
                    put(out / "docx", z.read("word/document.xml"))
            except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
                pass
    # HTML tables (pandoc and mammoth HTML, GitHub Markdown) go to the libxml2 target too.
    for path in sorted(ROOT.glob("corpus/exports/**/*")):
        if path.suffix in (".html", ".md"):
            put(out / "docx", path.read_bytes())
    for path in sorted(ROOT.glob("corpus/sheets/*")):
        if path.suffix in (".xlsx", ".xls", ".et", ".xml"):
            put(out / "sheets", path.read_bytes())
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                        xml = z.read(name)
                        put(out / "sheets", xml)
                        cut = xml.find(b"</row>", 0, 4096)
                        start = xml.find(b"<sheetData>")
                        if len(xml) > 4096 and cut > 0 and start > 0:
                            put(out / "sheets", xml[:cut + 6] + b"</sheetData></worksheet>")
    main_ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    for body in (
        b'<sheetData><row r="1" x:h="1"><c r="A1" t="s"><v>1</v></c><c t="inlineStr"><is><r>'
        b'<t xml:space="preserve">a &amp; &#x4E59;&#13;</t></r><rPh><t>p</t></rPh></is></c>'
        b'<c s="2"><v>44197</v></c><c/></row></sheetData><mergeCells><mergeCell ref="A1:B2"/>'
        b'</mergeCells><cols><col min="1" max="2" hidden="1"/></cols>',
        b'<sheetData><row><c t="str"><f>1</f><v>x_x000D_</v></c><c t="b"><v>0</v></c>'
        b'<c s="1"><v>0.5</v></c><c s="3"><v>-1e-3</v></c></row></sheetData>',
    ):
        put(out / "sheets", b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>\r\n<worksheet xmlns="'
            + main_ns + b'" xmlns:x="urn:x">' + body + b"</worksheet>")
    seen = set()
    for doc in goldens():
        blocks = [encode_table(t) for t in doc["tables"]]
        put(out / "forms", "\n\n".join(blocks).encode("utf-8"))
        for table in doc["tables"]:
            put(out / "forms", encode_table(table).encode("utf-8"))
            for cell in table.get("cells", []):
                text = cell.get("text", "")
                if text and len(text) <= 80 and text not in seen:
                    seen.add(text)
                    put(out / "values", text.encode("utf-8"))
    for data in pdf_seeds():
        put(out / "pdf", data)
    for name in ("text", "docx", "sheets", "pdf", "forms", "values"):
        count = len(list((out / name).iterdir())) if (out / name).is_dir() else 0
        print(f"{name}: {count} seeds")


if __name__ == "__main__":
    main()
