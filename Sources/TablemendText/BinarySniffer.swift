/// Names the binary formats that reach tablemend by mistake (a scanned page, a PDF, a legacy
/// Office file other than a workbook: OLE2 workbooks, `.xls` and `.et`, are read by the
/// workbook reader before this is asked), from their first bytes, so that an error says what the input really is
/// instead of reporting it as bad GB18030.
public enum BinarySniffer {
  /// A format recognised by its magic bytes: what it is and what to do instead.
  public struct Kind: Sendable, Equatable {
    /// `a PNG image`, `a PDF document` …
    public var name: String
    /// What the user can do with it, one sentence.
    public var advice: String
  }

  private static let image = "scanned forms need OCR first, which tablemend does not do"

  private static let magics: [(bytes: [UInt8], kind: Kind)] = [
    ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Kind(name: "a PNG image", advice: image)),
    ([0xFF, 0xD8, 0xFF], Kind(name: "a JPEG image", advice: image)),
    (Array("GIF8".utf8), Kind(name: "a GIF image", advice: image)),
    ([0x49, 0x49, 0x2A, 0x00], Kind(name: "a TIFF image", advice: image)),
    ([0x4D, 0x4D, 0x00, 0x2A], Kind(name: "a TIFF image", advice: image)),
    (Array("BM".utf8), Kind(name: "a BMP image", advice: image)),
    (
      Array("%PDF-".utf8),
      Kind(
        name: "a PDF document",
        advice:
          "a text --dialect does not read PDF: leave --dialect out (or give --dialect pdf) to "
          + "read its tables directly, or run `pdftotext -layout FILE FILE.txt` and convert the "
          + "text")
    ),
    (
      [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
      Kind(
        name:
          "an OLE2 compound file that is not a readable workbook (a legacy .doc, .wps or .ppt, or a damaged .xls)",
        advice: "save it as .docx (or as text) in Word, WPS or LibreOffice and convert that")
    ),
    (
      Array("{\\rtf".utf8),
      Kind(
        name: "an RTF document",
        advice: "save it as .docx in Word, WPS or LibreOffice and convert that")
    ),
    ([0x1F, 0x8B], Kind(name: "a gzip archive", advice: "unpack it and convert its files")),
    (
      [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C],
      Kind(name: "a 7-Zip archive", advice: "unpack it and convert its files")
    ),
    (Array("Rar!".utf8), Kind(name: "a RAR archive", advice: "unpack it and convert its files")),
  ]

  /// The binary format `bytes` start with, or nil for anything else (text, DOCX, HTML, ZIP:
  /// the Word reader names a ZIP that is not a Word package itself). A BMP needs its header's
  /// file size to match, since `BM` can start a text.
  public static func kind<Bytes: Collection<UInt8>>(of bytes: Bytes) -> Kind?
  where Bytes.Index == Int {
    for (magic, kind) in magics where bytes.count >= magic.count {
      var matches = true
      for (k, byte) in magic.enumerated() where bytes[bytes.startIndex + k] != byte {
        matches = false
        break
      }
      guard matches else { continue }
      if kind.name == "a BMP image" {
        guard bytes.count >= 6 else { continue }
        let s = bytes.startIndex
        let size =
          Int(bytes[s + 2]) | Int(bytes[s + 3]) << 8 | Int(bytes[s + 4]) << 16
          | Int(bytes[s + 5]) << 24
        guard size == bytes.count else { continue }
      }
      return kind
    }
    if bytes.count >= 12, Array(bytes.prefix(4)) == Array("RIFF".utf8),
      Array(bytes.dropFirst(8).prefix(4)) == Array("WEBP".utf8)
    {
      return Kind(name: "a WebP image", advice: image)
    }
    return nil
  }
}
