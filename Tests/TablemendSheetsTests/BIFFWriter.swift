import Foundation

/// Minimal BIFF8 workbooks in a minimal compound file, written byte by byte for the tests.
enum BIFFWriter {
  static func le16(_ n: Int) -> [UInt8] { [UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF)] }
  static func le32(_ n: UInt32) -> [UInt8] {
    [UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF), UInt8((n >> 16) & 0xFF), UInt8(n >> 24)]
  }

  static func record(_ type: Int, _ data: [UInt8]) -> [UInt8] {
    le16(type) + le16(data.count) + data
  }

  static func bof(_ kind: Int) -> [UInt8] {
    record(0x0809, le16(0x0600) + le16(kind) + [UInt8](repeating: 0, count: 12))
  }

  static let eof = record(0x000A, [])

  /// An uncompressed (UTF-16) XLUnicodeString.
  static func wide(_ text: String, lengthBytes: Int = 2) -> [UInt8] {
    let units = Array(text.utf16)
    let length = lengthBytes == 2 ? le16(units.count) : [UInt8(units.count)]
    return length + [0x01] + units.flatMap { le16(Int($0)) }
  }

  /// A workbook stream: globals (`globals` records after BOF, then one BOUNDSHEET), one sheet.
  static func workbook(globals: [UInt8], sheetName: String = "Sheet1", sheet: [UInt8]) -> [UInt8] {
    var head = bof(0x0005) + globals
    let boundsheetLength = 4 + 6 + 2 + sheetName.utf16.count * 2
    let position = head.count + boundsheetLength + eof.count
    head += record(0x0085, le32(UInt32(position)) + [0, 0] + wide(sheetName, lengthBytes: 1))
    head += eof
    return head + bof(0x0010) + sheet + eof
  }

  /// A version-3 compound file holding the streams (each padded to at least 4,096 bytes so
  /// that it lives in regular sectors). `loop` makes the first stream's chain point at itself.
  static func compoundFile(_ streams: [(String, [UInt8])], loop: Bool = false) -> Data {
    var sectors: [[UInt8]] = []
    var fat: [UInt32] = [0xFFFF_FFFD, 0xFFFF_FFFE]  // FAT sector, directory sector
    var entries: [(String, UInt8, UInt32, Int)] = [("Root Entry", 5, 0xFFFF_FFFE, 0)]
    var next = 2
    for (name, bytes) in streams {
      var padded = bytes
      if padded.count < 4096 { padded += [UInt8](repeating: 0, count: 4096 - padded.count) }
      if padded.count % 512 != 0 {
        padded += [UInt8](repeating: 0, count: 512 - padded.count % 512)
      }
      let count = padded.count / 512
      entries.append((name, 2, UInt32(next), padded.count))
      for k in 0..<count {
        sectors.append(Array(padded[(k * 512)..<((k + 1) * 512)]))
        fat.append(k == count - 1 ? 0xFFFF_FFFE : UInt32(next + k + 1))
      }
      next += count
    }
    if loop, streams.count > 0 { fat[2] = 2 }
    while fat.count < 128 { fat.append(0xFFFF_FFFF) }
    var header = [UInt8](repeating: 0, count: 512)
    let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    header.replaceSubrange(0..<8, with: signature)
    header.replaceSubrange(0x18..<0x1A, with: le16(0x3E))
    header.replaceSubrange(0x1A..<0x1C, with: le16(3))
    header.replaceSubrange(0x1C..<0x1E, with: le16(0xFFFE))
    header.replaceSubrange(0x1E..<0x20, with: le16(9))
    header.replaceSubrange(0x20..<0x22, with: le16(6))
    header.replaceSubrange(0x2C..<0x30, with: le32(1))
    header.replaceSubrange(0x30..<0x34, with: le32(1))
    header.replaceSubrange(0x38..<0x3C, with: le32(4096))
    header.replaceSubrange(0x3C..<0x40, with: le32(0xFFFF_FFFE))
    header.replaceSubrange(0x44..<0x48, with: le32(0xFFFF_FFFE))
    header.replaceSubrange(0x4C..<0x50, with: le32(0))
    for k in 1..<109 {
      header.replaceSubrange((0x4C + k * 4)..<(0x50 + k * 4), with: le32(0xFFFF_FFFF))
    }
    var directory: [UInt8] = []
    for (name, type, start, size) in entries {
      var entry = [UInt8](repeating: 0, count: 128)
      let units = Array(name.utf16) + [0]
      for (k, unit) in units.enumerated() {
        entry.replaceSubrange((k * 2)..<(k * 2 + 2), with: le16(Int(unit)))
      }
      entry.replaceSubrange(0x40..<0x42, with: le16(units.count * 2))
      entry[0x42] = type
      for field in [0x44, 0x48, 0x4C] {
        entry.replaceSubrange(field..<(field + 4), with: le32(0xFFFF_FFFF))
      }
      entry.replaceSubrange(0x74..<0x78, with: le32(start))
      entry.replaceSubrange(0x78..<0x7C, with: le32(UInt32(size)))
      directory += entry
    }
    directory += [UInt8](repeating: 0, count: 512 - directory.count)
    return Data(header + fat.flatMap(le32) + directory + sectors.flatMap { $0 })
  }
}
