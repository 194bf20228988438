import Foundation

/// Builds the big hostile inputs in-process (they are never committed), and the small ones
/// whose content depends on the test run (an external entity aimed at a marker file).
/// `tools/hostile-corpus.py` builds the same kinds of file for the command line.
enum HostileInputs {
  static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"

  /// A bare WordprocessingML document around `body`, after an optional prolog.
  static func document(_ body: String, prolog: String = "") -> Data {
    Data(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(prolog)<w:document xmlns:w=\"\(word)\"><w:body>\(body)</w:body></w:document>"
        .utf8)
  }

  /// One table whose second cell holds `text`.
  static func table(_ text: String) -> String {
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
  }

  /// A document whose table cell refers to an external entity on `path`.
  static func externalEntity(_ path: String) -> Data {
    document(
      table("&x;"), prolog: "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file://\(path)\">]>\n")
  }

  /// One line of `count` bytes, no newline.
  static func longLine(_ count: Int) -> Data { Data(repeating: 0x78, count: count) }

  /// Elements nested `depth` deep inside the body.
  static func deepNesting(_ depth: Int) -> Data {
    document(
      String(repeating: "<w:sdt>", count: depth) + String(repeating: "</w:sdt>", count: depth))
  }

  /// A `.docx` whose `word/document.xml` inflates to `1 + 258 × matches` spaces while its
  /// headers declare `declared` bytes (nil: the true size).
  static func zipBomb(matches: Int, declaring declared: Int? = nil) -> Data {
    let inflated = 1 + 258 * matches
    return zip([
      ("_rels/.rels", Data(rels.utf8), nil),
      (
        "word/document.xml", spaces(matches: matches),
        (
          inflated: declared ?? inflated,
          crc: inflated <= 1 << 20 ? crc32(Data(repeating: 0x20, count: inflated)) : 0
        )
      ),
    ])
  }

  /// A `.docx` of a small document plus `count` empty entries.
  static func manyEntries(_ count: Int) -> Data {
    var entries: [(String, Data, (inflated: Int, crc: UInt32)?)] = [
      ("_rels/.rels", Data(rels.utf8), nil), ("word/document.xml", document(table("y")), nil),
    ]
    for i in 0..<count { entries.append(("junk/\(i).xml", Data(), nil)) }
    return zip(entries)
  }

  /// A raw deflate stream of one space then `matches` copies of (length 258, distance 1), in a
  /// single fixed-Huffman block: about 13 bits per 258 inflated bytes.
  static func spaces(matches: Int) -> Data {
    var out = Data()
    out.reserveCapacity(matches * 13 / 8 + 8)
    var buffer: UInt64 = 0
    var bits = 0
    func put(_ value: UInt64, _ count: Int) {
      buffer |= value << UInt64(bits)
      bits += count
      while bits >= 8 {
        out.append(UInt8(truncatingIfNeeded: buffer))
        buffer >>= 8
        bits -= 8
      }
    }
    put(0b011, 3)  // BFINAL, fixed Huffman
    put(0x0A, 8)  // literal 0x20, code 0x50 bit-reversed
    for _ in 0..<matches { put(0xA3, 13) }  // length code 285 (258) reversed, distance code 0
    put(0, 7)  // end of block
    if bits > 0 { out.append(UInt8(truncatingIfNeeded: buffer)) }
    return out
  }

  /// A ZIP archive. An entry with `deflated` info is written as method 8 with those declared
  /// inflated size and CRC; the others are stored with their true CRC.
  static func zip(_ entries: [(String, Data, (inflated: Int, crc: UInt32)?)]) -> Data {
    var out = Data()
    var directory = Data()
    func u16(_ v: Int, _ d: inout Data) {
      d.append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)])
    }
    func u32(_ v: Int, _ d: inout Data) { u16(v & 0xFFFF, &d); u16(v >> 16 & 0xFFFF, &d) }
    for (name, body, deflated) in entries {
      let offset = out.count
      let method = deflated == nil ? 0 : 8
      let crc = Int(deflated?.crc ?? crc32(body))
      let inflated = deflated?.inflated ?? body.count
      let nameBytes = Data(name.utf8)
      var header = Data()
      u32(0x0403_4B50, &header); u16(20, &header); u16(0, &header); u16(method, &header)
      u32(0, &header); u32(crc, &header); u32(body.count, &header); u32(inflated, &header)
      u16(nameBytes.count, &header); u16(0, &header)
      out.append(header); out.append(nameBytes); out.append(body)
      var entry = Data()
      u32(0x0201_4B50, &entry); u16(20, &entry); u16(20, &entry); u16(0, &entry)
      u16(method, &entry); u32(0, &entry); u32(crc, &entry); u32(body.count, &entry)
      u32(inflated, &entry); u16(nameBytes.count, &entry); u16(0, &entry); u16(0, &entry)
      u16(0, &entry); u16(0, &entry); u32(0, &entry); u32(offset, &entry)
      directory.append(entry); directory.append(nameBytes)
    }
    let start = out.count
    out.append(directory)
    var end = Data()
    u32(0x0605_4B50, &end); u16(0, &end); u16(0, &end)
    u16(min(entries.count, 0xFFFF), &end); u16(min(entries.count, 0xFFFF), &end)
    u32(directory.count, &end); u32(start, &end); u16(0, &end)
    out.append(end)
    return out
  }

  static func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return crc ^ 0xFFFF_FFFF
  }
}
