#!/usr/bin/env python3
"""Writes the hostile-input corpus: files built to crash, hang, exhaust or leak a reader.

usage: tools/hostile-corpus.py OUT_DIR [--small] [--marker PATH]

--small     only the small files (< 64 KiB), the ones committed under corpus/hostile/
--marker    the local file the external-entity inputs point at (default /etc/hostname);
            its bytes must never appear in tablemend's output

Each file's expected outcome is in EXPECTED below (a phrase of the one-line error, or
"ok" for a clean, possibly empty result); tools/hostile-check.sh runs the CLI on them. The
big files (zip bombs, an 80 MB line, 50,000-deep nesting, 20,000 ZIP entries, 300,000 rows)
are never committed: tests build them in-process (Tests/TablemendTests/HostileInputs.swift).
"""
import io
import os
import random
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
TABLE = (
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)
FORM = "项目名称\t社区养老服务\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t服务人次\t≥1000人次\n"

# name -> expected: a phrase the error line must contain, or "ok" for a clean result.
EXPECTED = {
    "billion-laughs.xml": "DOCTYPE",
    "xxe-local-file.xml": "DOCTYPE",
    "xxe-local-file.docx": "DOCTYPE",
    "xxe-parameter-entity.xml": "DOCTYPE",
    "external-dtd.xml": "DOCTYPE",
    "external-dtd.docx": "DOCTYPE",
    "truncated.docx": "ZIP",
    "random-bytes.docx": "ok",
    "random-bytes-pk.docx": "ZIP",
    "zip-local-header-past-end.docx": "ZIP",
    "unclosed.xml": "XML",
    "invalid-utf8.txt": "UTF-8",
    "truncated-gb18030.txt": "GB18030",
    "nul-bytes.txt": "ok",
    "empty.txt": "ok",
    "empty.docx": "ok",
    "odd-utf16.txt": "ok",
    # big, generated only without --small
    "zip-bomb.docx": "maxPartBytes",
    "zip-bomb-understated.docx": "maxPartBytes",
    "long-line.txt": "maxLineLength",
    "deep-nesting.xml": "depth",
    "many-entries.docx": "maxZipEntries",
    "many-rows.txt": "maxRowsPerTable",
}


def document(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<w:document {W}><w:body>{body}'
        "</w:body></w:document>"
    ).encode()


def docx(main: bytes, extra: int = 0, method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", main)
        for i in range(extra):
            z.writestr(f"junk/{i}.xml", b"")
    return out.getvalue()


def pdf(content: bytes, trailer_extra: bytes = b"", extra_objects: tuple = ()) -> bytes:
    """A one-page PDF drawing `content`, with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + list(extra_objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1) + trailer_extra + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# A ruled 2 x 2 table with text in its cells.
PDF_TABLE = (
    b"0 0 0 RG 0.7 w 20 180 m 280 180 l S 20 150 m 280 150 l S 20 120 m 280 120 l S"
    b" 20 180 m 20 120 l S 150 180 m 150 120 l S 280 180 m 280 120 l S"
    b" BT /F1 10 Tf 30 160 Td (Name) Tj ET BT /F1 10 Tf 160 160 Td (Value) Tj ET"
    b" BT /F1 10 Tf 30 130 Td (area) Tj ET BT /F1 10 Tf 160 130 Td (>= 13459) Tj ET"
)


def small(marker: str) -> dict:
    rng = random.Random(6)
    laughs = '<!ENTITY x0 "ha">' + "".join(
        f'<!ENTITY x{i} "{("&x%d;" % (i - 1)) * 10}">' for i in range(1, 10)
    )
    files = {
        "billion-laughs.xml": document(
            TABLE.replace("&x;", "&x9;"), f"<!DOCTYPE w:document [{laughs}]>\n"
        ),
        "xxe-local-file.xml": document(
            TABLE, f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{marker}">]>\n'
        ),
        "xxe-parameter-entity.xml": document(
            TABLE.replace("&x;", "y"),
            f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file://{marker}"> %p;]>\n',
        ),
        "external-dtd.xml": document(
            TABLE.replace("&x;", "y"),
            '<!DOCTYPE w:document SYSTEM "http://192.0.2.1/tablemend-hostile.dtd">\n',
        ),
        "unclosed.xml": document(TABLE.replace("&x;", "y"))[:-40],
        "invalid-utf8.txt": FORM.encode()[:20] + b"\xc3\x28\xff\xfe\x80" + FORM.encode()[20:],
        "truncated-gb18030.txt": FORM.encode("gb18030") + "社区".encode("gb18030")[:1],
        "nul-bytes.txt": FORM.encode().replace(b"\t", b"\t\x00") + b"\x00" * 64,
        "empty.txt": b"",
        "empty.docx": b"",
        "odd-utf16.txt": b"\xff\xfe" + FORM.encode("utf-16-le") + b"\x41",
        "random-bytes.docx": bytes(rng.getrandbits(8) for _ in range(4096)),
        "random-bytes-pk.docx": b"PK\x03\x04" + bytes(rng.getrandbits(8) for _ in range(4092)),
    }
    xxe = document(TABLE, f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{marker}">]>\n')
    files["xxe-local-file.docx"] = docx(xxe)
    files["external-dtd.docx"] = docx(files["external-dtd.xml"])
    whole = docx(document(TABLE.replace("&x;", "y") * 40))
    files["truncated.docx"] = whole[: len(whole) // 2]
    # A well-formed archive whose directory points a local header past the end (the
    # ZIPFoundation trap the DOCX fuzzer found).
    damaged = bytearray(whole)
    cd = damaged.rfind(b"PK\x01\x02")
    damaged[cd + 42 : cd + 46] = (len(whole) + 4096).to_bytes(4, "little")
    files["zip-local-header-past-end.docx"] = bytes(damaged)
    # PDFs: cut in the middle (mutool repairs what it can), encrypted with a user password (an
    # /Encrypt dictionary whose /U no empty password matches), garbage after the header.
    whole_pdf = pdf(PDF_TABLE)
    files["truncated.pdf"] = whole_pdf[: len(whole_pdf) // 2]
    files["encrypted.pdf"] = pdf(
        PDF_TABLE,
        b" /Encrypt 6 0 R /ID [<%s> <%s>]" % (b"ab" * 16, b"ab" * 16),
        (b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32),),
    )
    files["garbage-after-header.pdf"] = b"%PDF-1.7\n" + bytes(
        rng.getrandbits(8) for _ in range(2048)
    )
    return files


def big() -> dict:
    def bomb(size: int) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("_rels/.rels", RELS)
            with z.open("word/document.xml", "w", force_zip64=False) as f:
                chunk = b" " * (1 << 20)
                for _ in range(size >> 20):
                    f.write(chunk)
        return out.getvalue()

    understated = bytearray(bomb(300 << 20))
    # Rewrite the declared inflated size (local header and central directory) to 1 KiB.
    for sig, field in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = understated.find(sig, understated.find(b"word/document.xml") - 60)
        at = understated.rfind(sig, 0, understated.find(b"word/document.xml", at) + 1)
        understated[at + field : at + field + 4] = (1024).to_bytes(4, "little")
    return {
        "zip-bomb.docx": bomb(200 << 20),
        "zip-bomb-understated.docx": bytes(understated),
        "long-line.txt": b"x" * (80 << 20),
        "deep-nesting.xml": document("<w:sdt>" * 50_000 + "</w:sdt>" * 50_000),
        "many-entries.docx": docx(document(TABLE.replace("&x;", "y")), extra=20_000),
        "many-rows.txt": b"".join(b"a\tb\n" for _ in range(300_000)),
    }


def main() -> None:
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args[0]
    marker = args[args.index("--marker") + 1] if "--marker" in args else "/etc/hostname"
    files = small(marker)
    if "--small" not in args:
        files.update(big())
    os.makedirs(out, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(f"{len(files)} hostile files in {out}")


if __name__ == "__main__":
    main()
