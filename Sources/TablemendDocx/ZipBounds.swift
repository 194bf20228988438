import Foundation

/// Checks that every offset a ZIP archive's directory points at lies inside the archive,
/// before ZIPFoundation reads it.
///
/// ZIPFoundation 0.9.x's in-memory archive traps (a crash, not an error) when a directory entry
/// sends it past the end of the data, and its end-record search reads the whole file one byte at
/// a time when there is none. This walk reads what ZIPFoundation will read (the end record in
/// the last 64 KiB, each central-directory entry, each local header, data and data descriptor)
/// and refuses the archive when any of it is out of range. ZIP64 is refused: no `.docx` within
/// the input limit needs it, and its 64-bit offsets are where the traps hide.
enum ZipBounds {
  /// Validates `data`'s ZIP structure.
  /// - Returns: Each entry's compressed data, by name (the first entry of a name).
  /// - Throws: `DocxError` describing the first out-of-range or damaged record.
  static func check(_ data: Data) throws(DocxError) -> [String: Range<Int>] {
    try data.withBytes { (bytes) throws(DocxError) in try check(bytes) }
  }

  private static func check(_ bytes: UnsafeRawBufferPointer) throws(DocxError) -> [String: Range<
    Int
  >] {
    var spans: [String: Range<Int>] = [:]
    let n = bytes.count
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    func damaged(_ what: String) -> DocxError {
      DocxError(message: "not a readable ZIP archive (truncated or damaged: \(what))")
    }
    // The end of central directory record: 22 bytes plus a comment of at most 65535.
    var end: Int?
    var back = 22
    while back <= min(n, 22 + 0xFFFF) {
      if u32(n - back) == 0x0605_4B50 {
        end = n - back
        break
      }
      back += 1
    }
    guard let end else { throw damaged("no end of central directory record in the last 64 KiB") }
    // ZIPFoundation reads the record's comment too, and when it cannot, fails after opening
    // its in-memory file without closing it (the archive's bytes leak): refuse that here.
    guard end + 22 + u16(end + 20) <= n else {
      throw damaged("the end of central directory record's comment runs past the end")
    }
    if end >= 20, u32(end - 20) == 0x0706_4B50 {
      throw DocxError(message: "ZIP64 archives are not read (no .docx within the limits needs one)")
    }
    let count = u16(end + 10)
    let directory = u32(end + 16)
    var at = directory
    for index in 0..<count {
      let entry = "central directory entry \(index + 1) of \(count)"
      guard at + 46 <= n, u32(at) == 0x0201_4B50 else { throw damaged("\(entry) is missing") }
      let flags = u16(at + 8)
      let compressed = u32(at + 20)
      let uncompressed = u32(at + 24)
      let nameLength = u16(at + 28)
      let extraLength = u16(at + 30)
      let commentLength = u16(at + 32)
      let local = u32(at + 42)
      guard at + 46 + nameLength + extraLength + commentLength <= n else {
        throw damaged("\(entry) runs past the end")
      }
      if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF
        || hasZIP64Field(bytes, from: at + 46 + nameLength, length: extraLength)
      {
        throw DocxError(
          message: "ZIP64 archives are not read (no .docx within the limits needs one)")
      }
      // A stored entry's two sizes are one size; ZIPFoundation trusts the uncompressed one when
      // it looks for the data descriptor, so a lie here would send it past the end.
      if u16(at + 10) == 0, compressed != uncompressed {
        throw damaged("\(entry) is stored but declares \(compressed) and \(uncompressed) bytes")
      }
      guard local + 30 <= n, u32(local) == 0x0403_4B50 else {
        throw damaged("\(entry) points at a local header outside the archive")
      }
      let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
      guard dataStart + compressed <= n else {
        throw damaged("\(entry)'s data runs past the end of the archive")
      }
      if flags & 0x8 != 0, dataStart + compressed + 16 > n {
        throw damaged("\(entry)'s data descriptor lies outside the archive")
      }
      let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
      if spans[name] == nil { spans[name] = dataStart..<(dataStart + compressed) }
      at += 46 + nameLength + extraLength + commentLength
    }
    return spans
  }

  /// True when an extra-field block holds a ZIP64 extended-information record (header 0x0001).
  private static func hasZIP64Field(_ bytes: UnsafeRawBufferPointer, from start: Int, length: Int)
    -> Bool
  {
    var at = start
    while at + 4 <= start + length {
      let id = Int(bytes[at]) | Int(bytes[at + 1]) << 8
      if id == 0x0001 { return true }
      at += 4 + (Int(bytes[at + 2]) | Int(bytes[at + 3]) << 8)
    }
    return false
  }
}
